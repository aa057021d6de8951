-- 03-persistence.sql
-- Grain state storage table, routine and queries for Orleans persistence on PostgreSQL (15+).
-- Written for the queries the Orleans ADO.NET providers read
-- (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
-- Run after 01-main.sql.
--
-- Contract notes:
--  * Every query receives @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
--    @GrainTypeString, @GrainIdExtensionString (may be NULL) and @ServiceId;
--    writes and clears also @GrainStateVersion (the ETag, NULL for a never-read state);
--    writes also @PayloadBinary.
--  * Read returns columns PayloadBinary and Version; write returns NewGrainStateVersion;
--    clear/delete return the new version in their first column. Returning the old
--    version, NULL or no row makes the provider raise InconsistentStateException.
--  * DeleteStorageKey is optional for the provider; it enables DeleteStateOnClear = true.
--
-- Idempotent: safe to run again on an existing database.

BEGIN;

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NULL
);

CREATE INDEX IF NOT EXISTS ix_orleansstorage
    ON OrleansStorage USING btree (GrainIdHash, GrainTypeHash);

-- Write a grain state.
--  * Known version: update the row holding exactly that version, return version + 1;
--    if no row matched, return the unchanged version (signals a conflict).
--  * NULL version: insert the first version (1) unless a row already exists, in which
--    case return NULL (signals a conflict). Concurrent first writes of the same grain
--    are serialised with a transaction-scoped advisory lock on its hashes.
CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grain_id_hash             integer,
    p_grain_id_n0               bigint,
    p_grain_id_n1               bigint,
    p_grain_type_hash           integer,
    p_grain_type_string         text,
    p_grain_id_extension_string text,
    p_service_id                text,
    p_grain_state_version       integer,
    p_payload_binary            bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    affected integer;
BEGIN
    IF p_grain_state_version IS NOT NULL THEN
        UPDATE OrleansStorage s
           SET PayloadBinary = p_payload_binary,
               ModifiedOn    = now(),
               Version       = s.Version + 1
         WHERE s.GrainIdHash = p_grain_id_hash
           AND s.GrainTypeHash = p_grain_type_hash
           AND s.GrainIdN0 = p_grain_id_n0
           AND s.GrainIdN1 = p_grain_id_n1
           AND s.GrainTypeString = p_grain_type_string
           AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
           AND s.ServiceId = p_service_id
           AND s.Version = p_grain_state_version;
        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected > 0 THEN
            RETURN p_grain_state_version + 1;
        END IF;
        RETURN p_grain_state_version;
    END IF;

    PERFORM pg_advisory_xact_lock(p_grain_id_hash, p_grain_type_hash);

    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
         GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
           p_grain_id_extension_string, p_service_id, p_payload_binary, now(), 1
     WHERE NOT EXISTS (
           SELECT 1
             FROM OrleansStorage s
            WHERE s.GrainIdHash = p_grain_id_hash
              AND s.GrainTypeHash = p_grain_type_hash
              AND s.GrainIdN0 = p_grain_id_n0
              AND s.GrainIdN1 = p_grain_id_n1
              AND s.GrainTypeString = p_grain_type_string
              AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
              AND s.ServiceId = p_service_id);
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected > 0 THEN
        RETURN 1;
    END IF;
    RETURN NULL;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'WriteToStorageKey',
    $q$
    SELECT orleans_storage_write(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;
    $q$
),
(
    'ReadFromStorageKey',
    $q$
    SELECT PayloadBinary, Version
      FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId;
    $q$
),
(
    -- Clear keeps the row (payload NULL) and advances the version.
    'ClearStorageKey',
    $q$
    UPDATE OrleansStorage
       SET PayloadBinary = NULL,
           ModifiedOn    = now(),
           Version       = Version + 1
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId
       AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
    $q$
),
(
    -- Used instead of ClearStorageKey when DeleteStateOnClear = true: removes the row.
    'DeleteStorageKey',
    $q$
    DELETE FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId
       AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
    $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
