-- Rate-limit and login-throttle buckets are written on every limited request; unlogged, a write needs no WAL flush
-- (one fsync per request was most of the cost, bench/README.md). After a crash PostgreSQL empties the table: every
-- bucket starts full again, which limits nothing wrongly; the instances still count together in this one table.
ALTER TABLE rate_bucket SET UNLOGGED;
