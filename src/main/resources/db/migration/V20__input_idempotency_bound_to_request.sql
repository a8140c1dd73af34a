-- Idempotency keys are bound to their request: the SHA-256 of the canonical request is kept with the key, so a repeat
-- with another body is refused instead of answered with someone else's booking. Keys may be 80 characters long and
-- are stored with a prefix ("api:", "form:"), hence 100. Keys count for 24 hours (checked against created_at).
ALTER TABLE appointment ALTER COLUMN idempotency_key TYPE VARCHAR(100);
ALTER TABLE appointment ADD COLUMN idempotency_request_hash VARCHAR(64);
ALTER TABLE course_registration ALTER COLUMN idempotency_key TYPE VARCHAR(100);
ALTER TABLE course_registration ADD COLUMN idempotency_request_hash VARCHAR(64);

-- Keys of old requests count no more.
UPDATE appointment SET idempotency_key = NULL WHERE created_at < now() - INTERVAL '24 hours';
UPDATE course_registration SET idempotency_key = NULL WHERE created_at < now() - INTERVAL '24 hours';
