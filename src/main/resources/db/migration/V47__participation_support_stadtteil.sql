-- Where an idea's supporters live, so a coordinator sees which ideas gather support in which Stadtteil. Asked after
-- the one-tap support and never required; a Stadtteil of a support that has no identity (only a browser hash).
ALTER TABLE idea_support ADD COLUMN stadtteil VARCHAR(40);
