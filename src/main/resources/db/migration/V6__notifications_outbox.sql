-- Every e-mail the app sends goes through this table first, in the same transaction as the change that caused it,
-- so a booking and its confirmation commit (or roll back) together, and a mail server that is down only delays mail.
CREATE TABLE mail_outbox (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient               VARCHAR(320) NOT NULL,
    subject                 VARCHAR(300) NOT NULL,
    body                    TEXT         NOT NULL,
    attachment_filename     VARCHAR(200),
    attachment_content_type VARCHAR(200),
    attachment_data         BYTEA,
    status                  VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts                INT          NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    next_attempt_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    sent_at                 TIMESTAMP WITH TIME ZONE,
    -- Only the kind of error and an SMTP status code: server messages can quote the recipient's address.
    last_error              VARCHAR(200),
    CONSTRAINT mail_outbox_attachment_complete CHECK (
        (attachment_filename IS NULL AND attachment_content_type IS NULL AND attachment_data IS NULL)
        OR (attachment_filename IS NOT NULL AND attachment_content_type IS NOT NULL AND attachment_data IS NOT NULL)),
    CONSTRAINT mail_outbox_sent_has_time CHECK (status <> 'SENT' OR sent_at IS NOT NULL)
);

-- The sender's question: which pending mails are due?
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
-- The admin page: newest first.
CREATE INDEX mail_outbox_newest_idx ON mail_outbox (created_at DESC, id DESC);
