-- 01-main.sql
-- Query catalogue for Orleans on PostgreSQL (15+).
-- Written for the queries the Orleans ADO.NET providers read: at start-up the
-- clustering, persistence and reminders providers (invariant "Npgsql") run
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and execute only the SQL
-- stored here. The other scripts (02..04) fill this table.
--
-- Idempotent: safe to run again on an existing database.

BEGIN;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

COMMIT;
