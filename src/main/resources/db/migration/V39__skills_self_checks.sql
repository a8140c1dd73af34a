-- The anonymous DigComp self-check: no name, no contact. A private link (only its SHA-256 here) resumes it and shows
-- the result; unfinished checks are deleted after 30 days (skills.SelfCheckRetentionJob).
create table skills_check (
    id                bigserial    primary key,
    resume_token_hash varchar(64)  not null unique,
    mode              varchar(10)  not null check (mode in ('SHORT', 'FULL', 'COURSE')),
    framework         varchar(20)  not null,
    item_set          varchar(30)  not null,
    language          varchar(10)  not null,
    -- For a course's before/after check: the course, the phase, and a key derived from the participant's manage link
    -- (SHA-256 of a prefix and the link's token, so it cannot be joined to the registration without the link).
    course_id         bigint,
    phase             varchar(10)  check (phase in ('BEFORE', 'AFTER')),
    pair_key          varchar(64),
    -- the course's competences when the check started (the questions it asks)
    competences       varchar(120),
    started_at        timestamptz  not null,
    completed_at      timestamptz,
    check ((mode = 'COURSE') = (course_id is not null and phase is not null and pair_key is not null))
);

create index skills_check_unfinished on skills_check (started_at) where completed_at is null;
create unique index skills_check_one_per_phase on skills_check (pair_key, phase) where pair_key is not null;

create table skills_answer (
    check_id    bigint      not null references skills_check (id) on delete cascade,
    question_id varchar(10) not null,
    competence  varchar(5)  not null,
    answer      smallint    not null check (answer between 0 and 3),
    primary key (check_id, question_id)
);
