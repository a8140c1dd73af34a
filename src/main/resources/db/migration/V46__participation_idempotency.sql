-- An API client's Idempotency-Key makes a retried proposal return the first one instead of a second idea.
-- The key lives 24 hours (platform IdempotencyKeys); the request's fingerprint tells a retry from a reused key.
ALTER TABLE idea ADD COLUMN idempotency_key VARCHAR(100) UNIQUE;
ALTER TABLE idea ADD COLUMN idempotency_request_hash CHAR(64);
