-- Each appointment is reminded once, the day before.
ALTER TABLE appointment ADD COLUMN reminder_sent_at TIMESTAMP WITH TIME ZONE;
