-- A finished self-check keeps its anonymous answers; its private link (hash) and the course pair key are cleared after
-- impactlab.skills.finished-link-retention (skills.SelfCheckRetentionJob), so the columns may now be empty.
alter table skills_check alter column resume_token_hash drop not null;
alter table skills_check drop constraint skills_check_check;
alter table skills_check add constraint skills_check_course
    check (((mode = 'COURSE') = (course_id is not null and phase is not null)) and (pair_key is null or mode = 'COURSE'));
create index skills_check_finished_link on skills_check (completed_at) where resume_token_hash is not null;
