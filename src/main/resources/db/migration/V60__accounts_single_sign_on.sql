-- Staff who log in through the city's identity provider (OpenID Connect). An account created at the first such login
-- has no role until the provider's claim or an admin gives it one.
ALTER TABLE account ALTER COLUMN role DROP NOT NULL;

-- Which provider subject is which account: the subject is the provider's stable id for the person.
CREATE TABLE account_sso (
    account_id BIGINT       NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    issuer     VARCHAR(300) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    UNIQUE (issuer, subject)
);
