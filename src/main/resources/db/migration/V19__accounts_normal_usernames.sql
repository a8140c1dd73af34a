-- User names are stored in their one normal form (Unicode NFKC, then lower case), the form the login's lookup and its
-- throttle use, so a letter that Java and PostgreSQL fold differently cannot reach an account under a second spelling.
-- The admin form allows ASCII names only, where lower() here and Java's toLowerCase(Locale.ROOT) agree.
UPDATE account SET username = lower(normalize(username, NFKC)) WHERE username <> lower(normalize(username, NFKC));
DROP INDEX account_username_uq;
CREATE UNIQUE INDEX account_username_uq ON account (username);
