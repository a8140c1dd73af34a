-- New courses start as drafts: nothing half-finished shows in the catalogue, the API or the calendar feeds until a
-- coordinator publishes it. Courses that exist already stay published; published_at records when one went public.
ALTER TABLE course ALTER COLUMN status SET DEFAULT 'DRAFT';
ALTER TABLE course ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
UPDATE course SET published_at = created_at WHERE status <> 'DRAFT';
