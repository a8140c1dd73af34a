-- The last two places that kept a staff member's user name: who filed a partner's reach report and who last saved a
-- course's achievement, now as account ids like the logs (V75): a changed user name changes nothing, an erased
-- account leaves "former staff". The module code may keep passing the user name it has; the trigger moves it.
ALTER TABLE partner_reach_report ADD COLUMN filed_by_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
CREATE TRIGGER partner_reach_report_filed_by BEFORE INSERT OR UPDATE OF filed_by ON partner_reach_report
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('filed_by', 'filed_by_id');
UPDATE partner_reach_report r SET filed_by = r.filed_by FROM account a WHERE a.username = r.filed_by;

ALTER TABLE skills_achievement ADD COLUMN updated_by_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE skills_achievement ALTER COLUMN updated_by DROP NOT NULL;
CREATE TRIGGER skills_achievement_updated_by BEFORE INSERT OR UPDATE OF updated_by ON skills_achievement
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('updated_by', 'updated_by_id');
UPDATE skills_achievement s SET updated_by = s.updated_by FROM account a WHERE a.username = s.updated_by;
