-- A mail may carry more than one file (a course's cancellation: one calendar CANCEL per session, as iTIP wants one
-- event per message); the first stays in mail_outbox, the further ones live here and go when their mail goes.
CREATE TABLE mail_outbox_attachment (
    mail_id      BIGINT       NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    position     INT          NOT NULL CHECK (position > 0),
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(200) NOT NULL,
    data         BYTEA        NOT NULL,
    PRIMARY KEY (mail_id, position)
);
