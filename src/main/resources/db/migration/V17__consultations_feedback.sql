-- When the citizen answered "Did this help you?" for an appointment: the answer itself goes to the impact module
-- as an anonymous event; this only makes sure it is asked and counted once.
ALTER TABLE appointment ADD COLUMN feedback_given_at TIMESTAMP WITH TIME ZONE;
