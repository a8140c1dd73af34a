-- Only hashes of private links are stored, so the "you got a seat" mail cannot repeat the first link: a promotion
-- issues a second link, kept beside the first, and both open the same registration.
ALTER TABLE course_registration ADD COLUMN promotion_token_hash VARCHAR(64) UNIQUE;
