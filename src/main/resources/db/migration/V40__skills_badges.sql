-- Open Badges 3.0: the issuer's public keys (the secret key lives in a file, see skills.IssuerKeys; old keys stay listed
-- so badges they signed stay verifiable), and the credentials exactly as issued.
create table skills_issuer_key (
    id                   bigserial   primary key,
    public_key_multibase varchar(80) not null unique,
    created_at           timestamptz not null,
    retired_at           timestamptz
);

create table skills_credential (
    id                varchar(36)  primary key,
    course_id         bigint       not null,
    -- SHA-256 of the claim token (derived from the participant's manage link); the token itself is never stored
    claim_token_hash  varchar(64)  not null unique,
    json              text         not null,
    issued_at         timestamptz  not null,
    revoked_at        timestamptz,
    revocation_reason varchar(200)
);
