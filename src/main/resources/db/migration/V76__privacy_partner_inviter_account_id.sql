-- Who invited a partner's member, as an account id like the logs (V75): a user name is moved to the id at insert.
ALTER TABLE partner_member ADD COLUMN invited_by_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE partner_member ALTER COLUMN invited_by DROP NOT NULL;
CREATE TRIGGER partner_member_invited_by BEFORE INSERT OR UPDATE OF invited_by ON partner_member
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('invited_by', 'invited_by_id');
UPDATE partner_member m SET invited_by = m.invited_by FROM account a WHERE a.username = m.invited_by;
