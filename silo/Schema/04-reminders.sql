-- 04-reminders.sql
-- Reminder table and queries for Orleans reminders on PostgreSQL (15+).
-- Written for the queries the Orleans ADO.NET providers read
-- (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
-- Run after 01-main.sql.
--
-- Contract notes:
--  * Parameters: @ServiceId, @GrainId, @ReminderName, @StartTime, @Period (milliseconds,
--    int or bigint), @GrainHash / @BeginHash / @EndHash (uint hashes sent as signed int),
--    @Version (the ETag).
--  * Reads return GrainId, ReminderName, StartTime, Period, Version; the upsert returns
--    Version; the single-row delete returns one column, > 0 meaning deleted.
--  * ReadRangeRows1Key serves a range that does not wrap in signed order
--    (BeginHash < EndHash as signed ints); ReadRangeRows2Key serves the wrapping case.
--
-- Idempotent: safe to run again on an existing database.

BEGIN;

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150)   NOT NULL,
    GrainId      varchar(150)   NOT NULL,
    ReminderName varchar(150)   NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,

    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Older layouts used an integer Period and a StartTime without time zone (as UTC).
-- Widen / convert them when found; a no-op otherwise.
DO $upgrade$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND table_name = 'orleansreminderstable'
                  AND column_name = 'period'
                  AND data_type = 'integer') THEN
        ALTER TABLE OrleansRemindersTable ALTER COLUMN Period TYPE bigint;
    END IF;

    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND table_name = 'orleansreminderstable'
                  AND column_name = 'starttime'
                  AND data_type = 'timestamp without time zone') THEN
        ALTER TABLE OrleansRemindersTable
            ALTER COLUMN StartTime TYPE timestamptz(3) USING StartTime AT TIME ZONE 'UTC';
    END IF;
END
$upgrade$;

-- Range reads filter by service and grain hash.
CREATE INDEX IF NOT EXISTS IX_RemindersTable_ServiceId_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    -- New reminders start at version 0; every re-registration advances the version.
    'UpsertReminderRowKey',
    $q$
    INSERT INTO OrleansRemindersTable AS r
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
       SET StartTime = EXCLUDED.StartTime,
           Period    = EXCLUDED.Period,
           GrainHash = EXCLUDED.GrainHash,
           Version   = r.Version + 1
    RETURNING r.Version AS Version;
    $q$
),
(
    'ReadReminderRowsKey',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId;
    $q$
),
(
    'ReadReminderRowKey',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName;
    $q$
),
(
    'ReadRangeRows1Key',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainHash > @BeginHash
       AND GrainHash <= @EndHash;
    $q$
),
(
    'ReadRangeRows2Key',
    $q$
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
    $q$
),
(
    'DeleteReminderRowKey',
    $q$
    WITH removed AS (
        DELETE FROM OrleansRemindersTable
         WHERE ServiceId = @ServiceId
           AND GrainId = @GrainId
           AND ReminderName = @ReminderName
           AND Version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer AS row_count FROM removed;
    $q$
),
(
    'DeleteReminderRowsKey',
    $q$
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
