-- Bitstring Status List: each new badge gets a position in the issuer's revocation list (/credentials/status/{n}), so
-- verifiers that follow its credentialStatus see a revocation too; badges issued before this have no position.
create sequence skills_status_index_seq minvalue 0 start with 0;
alter table skills_credential add column status_index integer unique;
