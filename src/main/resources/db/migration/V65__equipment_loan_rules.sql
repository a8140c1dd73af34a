-- Loan rules a coordinator edits per device pool: what each device comes with, and whether a borrower from this pool
-- may have no other device out at the same time. A loan keeps the rule it was lent under, so a later change of the
-- pool does not break an open loan; the partial unique index still makes two such loans of one borrower impossible.
ALTER TABLE device_pool ADD COLUMN accessories VARCHAR(200);
ALTER TABLE device_pool ADD COLUMN one_loan_per_borrower BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE device_loan ADD COLUMN exclusive BOOLEAN NOT NULL DEFAULT TRUE;
DROP INDEX device_loan_one_open_per_borrower;
CREATE UNIQUE INDEX device_loan_one_exclusive_open_per_borrower ON device_loan (borrower_key)
    WHERE returned_at IS NULL AND exclusive;
CREATE INDEX device_loan_open_borrower_idx ON device_loan (borrower_key) WHERE returned_at IS NULL;
