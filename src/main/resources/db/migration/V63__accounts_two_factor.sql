-- Staff two-factor login: one authenticator secret per account (usable once confirmed by a first code; last_step keeps
-- a code from being used twice) and the account's one-time recovery codes, stored only as SHA-256 hashes.
CREATE TABLE account_totp (
    account_id   BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret       VARCHAR(64) NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    last_step    BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE account_recovery_code (
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  VARCHAR(64) NOT NULL,
    PRIMARY KEY (account_id, code_hash)
);
