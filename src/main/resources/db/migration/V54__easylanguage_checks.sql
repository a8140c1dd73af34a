-- Leichte Sprache is only Leichte Sprache once people of the target group have checked it: one row per message key
-- whose text was checked, with the exact text's hash, so a text changed afterwards counts as unchecked again.
CREATE TABLE easy_language_check (
    message_key VARCHAR(200) PRIMARY KEY,
    text_hash   CHAR(64)     NOT NULL CHECK (text_hash ~ '^[0-9a-f]{64}$'),
    checked_on  DATE         NOT NULL,
    -- the group of Prüferinnen und Prüfer, named as an organisation (never a person)
    checked_by  VARCHAR(200) NOT NULL CHECK (length(trim(checked_by)) > 0),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
