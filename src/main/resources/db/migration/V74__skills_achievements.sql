-- A coordinator's achievement for a course's badge: level, competences and image, with name, description and criteria
-- per language. Badges already issued keep what they were signed with.
create table skills_achievement (
    course_id   bigint      primary key,
    level       varchar(20) not null,
    competences varchar(200) not null,
    image       bytea,
    image_type  varchar(40),
    updated_at  timestamptz not null,
    updated_by  varchar(100) not null
);

create table skills_achievement_text (
    course_id   bigint       not null references skills_achievement (course_id) on delete cascade,
    language    varchar(5)   not null,
    name        varchar(200) not null,
    description varchar(2000) not null,
    criteria    varchar(2000) not null,
    primary key (course_id, language)
);
