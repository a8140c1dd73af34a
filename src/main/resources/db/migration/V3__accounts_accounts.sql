-- Staff accounts. Citizens never have one.
CREATE TABLE account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(60)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    email         VARCHAR(120),
    password_hash VARCHAR(200),
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'COORDINATOR', 'HELPER', 'PARTNER', 'FUNDER')),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX account_username_uq ON account (lower(username));

-- The labs a coordinator or helper acts for (by id: labs belong to another module).
CREATE TABLE account_lab (
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    lab_id     BIGINT NOT NULL,
    PRIMARY KEY (account_id, lab_id)
);

-- One-time links to set a password. Only the SHA-256 of the token is stored.
CREATE TABLE password_token (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
