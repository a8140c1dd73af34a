-- An appointment that moves to another time keeps its code and link; calendars need a growing sequence number.
ALTER TABLE appointment ADD COLUMN sequence INT NOT NULL DEFAULT 0;
