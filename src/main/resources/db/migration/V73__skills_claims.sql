-- A claim link per completed course registration (mailed on completion, or printed on a slip that replaces it): only
-- the hash of its token is stored. A badge now knows its registration, so the manage link and the claim link open the
-- same badge; badges claimed from the manage link before this keep their claim hash only.
create table skills_claim (
    registration_id bigint      primary key,
    course_id       bigint      not null,
    token_hash      varchar(64) not null unique,
    created_at      timestamptz not null
);
create index skills_claim_course on skills_claim (course_id);

alter table skills_credential alter column claim_token_hash drop not null;
alter table skills_credential add column registration_id bigint unique;
-- The holder hid the public page /credentials/{id}; the file itself still verifies.
alter table skills_credential add column hidden_at timestamptz;
