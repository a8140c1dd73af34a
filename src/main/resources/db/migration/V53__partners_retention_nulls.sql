-- The retention job empties the names and free texts of a request instead of overwriting them with '-', so a
-- deleted value is really gone and the privacy schema check can see it.
ALTER TABLE partner_request_log ALTER COLUMN actor DROP NOT NULL;
ALTER TABLE partner_reach_report ALTER COLUMN filed_by DROP NOT NULL;

DO $$
DECLARE c text;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'partner_request'::regclass AND contype = 'c'
             AND pg_get_constraintdef(oid) LIKE '%decline_reason%' LOOP
        EXECUTE format('ALTER TABLE partner_request DROP CONSTRAINT %I', c);
    END LOOP;
END
$$;
ALTER TABLE partner_request ADD CONSTRAINT partner_request_declined_has_reason CHECK (state <> 'DECLINED'
    OR personal_data_deleted_at IS NOT NULL OR (decline_reason IS NOT NULL AND decline_alternative IS NOT NULL));
