-- Where a called number should go: the desk the helper typed when calling it ("Platz 2"), shown on the lab's screen.
ALTER TABLE walk_in_ticket ADD COLUMN called_desk VARCHAR(40);
