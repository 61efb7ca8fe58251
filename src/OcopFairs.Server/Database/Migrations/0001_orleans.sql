-- 0001_orleans.sql
--
-- OcopFairs' own PostgreSQL schema for the Orleans ADO.NET providers
-- (Microsoft.Orleans.Persistence.AdoNet / Microsoft.Orleans.Clustering.AdoNet 10.4.2,
-- invariant "Npgsql"). Written from the providers' C# contract; see
-- docs/ORLEANS-SCHEMA.md for the key-by-key description.
--
-- Runs once, inside the migrator's transaction. Needs PostgreSQL 15+
-- (UNIQUE ... NULLS NOT DISTINCT).
--
-- How the providers talk to us:
--   * At start-up they run the fixed, unquoted text
--       SELECT QueryKey, QueryText FROM OrleansQuery
--     so the lookup table must be created with unquoted (folded to lower case)
--     names. Npgsql's GetOrdinal falls back to a case-insensitive match, which is
--     how "QueryKey" finds the column querykey.
--   * Every other statement comes from that table. Parameters are added without a
--     prefix ("GrainIdHash") and referenced in the texts as @GrainIdHash; Npgsql
--     rewrites them to $n and sends explicit types (int4, int8, text, bytea,
--     timestamptz for DateTime, since DbType.DateTime maps to timestamptz).
--   * Result columns are read by name, so every stored text aliases its output
--     with the exact quoted PascalCase names the provider asks for.
--   * Each stored text is a single statement, so it is atomic on its own
--     connection without an explicit transaction.
--
-- No PL/pgSQL is needed: the conditional writes are data-modifying CTEs.


-- ---------------------------------------------------------------------------
-- Query lookup table (name and columns are fixed by the provider).
-- ---------------------------------------------------------------------------
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'Statements used by the Orleans ADO.NET providers, keyed by the names the provider code looks up (case-sensitive).';


-- ---------------------------------------------------------------------------
-- Grain state.
--
-- One row per (service, grain type, grain id). The two int hashes are computed
-- by the provider and lead the unique index so that lookups descend by hash
-- and then confirm the full identity (hashes can collide).
-- version is the ETag handed back to the grain; payload NULL means "cleared".
-- fillfactor leaves room for HOT updates, since writes never touch indexed
-- columns.
-- ---------------------------------------------------------------------------
CREATE TABLE orleans_grain_state
(
    grain_id_hash   integer     NOT NULL,
    grain_type_hash integer     NOT NULL,
    grain_id_n0     bigint      NOT NULL,
    grain_id_n1     bigint      NOT NULL,
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    grain_id_ext    text        NULL,
    payload         bytea       NULL,
    version         integer     NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_identity
        UNIQUE NULLS NOT DISTINCT
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_ext)
)
WITH (fillfactor = 90);

COMMENT ON TABLE orleans_grain_state IS
    'Orleans grain state (AdoNetGrainStorage). version is the ETag; NULL payload = cleared state.';
COMMENT ON COLUMN orleans_grain_state.grain_id_ext IS
    'Key extension for guid/long keys, or the whole key for string-keyed grains; NULL when absent.';


-- ---------------------------------------------------------------------------
-- Cluster membership.
--
-- deployment_id carries ClusterOptions.ClusterId (the provider calls it
-- DeploymentId). The version row is the table-wide ETag: every insert/update
-- of a member must present the current value and bumps it by one.
-- Deleting a version row removes its members (cascade).
-- ---------------------------------------------------------------------------
CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

COMMENT ON TABLE orleans_membership IS
    'Orleans silo membership (AdoNetClusteringTable). status is the SiloStatus enum value (3 = Active, 6 = Dead).';
COMMENT ON COLUMN orleans_membership.suspect_times IS
    'Suspicion votes as written by Orleans: "<silo address>,<yyyy-MM-dd HH:mm:ss.fff GMT>" joined with "|".';


-- ---------------------------------------------------------------------------
-- Stored statements: grain persistence.
-- ---------------------------------------------------------------------------
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Returns zero or one row: "PayloadBinary" (NULL once cleared) and "Version".
('ReadFromStorageKey', $q$
SELECT s.payload AS "PayloadBinary",
       s.version AS "Version"
FROM orleans_grain_state AS s
WHERE s.grain_id_hash = @GrainIdHash
  AND s.grain_type_hash = @GrainTypeHash
  AND s.grain_id_n0 = @GrainIdN0
  AND s.grain_id_n1 = @GrainIdN1
  AND s.service_id = @ServiceId
  AND s.grain_type = @GrainTypeString
  AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Optimistic write. With a version: bump it if it still matches. Without one:
-- create the row at version 1 unless it already exists. Either way one row
-- "NewGrainStateVersion" on success, no row on conflict.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state AS s
       SET payload = @PayloadBinary,
           version = s.version + 1,
           modified_at = now()
     WHERE s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.service_id = @ServiceId
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
       AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO orleans_grain_state
           (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
            service_id, grain_type, grain_id_ext, payload, version)
    SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
           @ServiceId, @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- Clear but keep the row: drop the payload and bump the version, so the grain
-- keeps a valid ETag. No row back means the version did not match.
('ClearStorageKey', $q$
UPDATE orleans_grain_state AS s
   SET payload = NULL,
       version = s.version + 1,
       modified_at = now()
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.service_id = @ServiceId
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version AS "NewGrainStateVersion"
$q$),

-- Used instead of ClearStorageKey when DeleteStateOnClear = true: remove the
-- row. The provider wants a value that differs from the old ETag, so the
-- deleted version + 1 is returned (the grain's ETag then becomes null).
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state AS s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.service_id = @ServiceId
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND s.version = @GrainStateVersion
RETURNING s.version + 1 AS "NewGrainStateVersion"
$q$);


-- ---------------------------------------------------------------------------
-- Stored statements: clustering.
-- ---------------------------------------------------------------------------
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the version row (version 0) if missing. One boolean column.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id, version, changed_at)
    VALUES (@DeploymentId, 0, now())
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created"
$q$),

-- Adds a silo if the table version still equals @Version and the silo is not
-- there yet; the version is bumped in the same statement. One boolean column.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1,
           changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (
           SELECT 1
             FROM orleans_membership AS m
            WHERE m.deployment_id = @DeploymentId
              AND m.address = @Address
              AND m.port = @Port
              AND m.generation = @Generation)
    RETURNING v.deployment_id
), added AS (
    INSERT INTO orleans_membership
           (deployment_id, address, port, generation, silo_name, host_name,
            status, proxy_port, suspect_times, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
      FROM bumped AS b
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added) AS "Inserted"
$q$),

-- Changes status / suspicions / liveness of an existing silo if the table
-- version still equals @Version, bumping it. One boolean column.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1,
           changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (
           SELECT 1
             FROM orleans_membership AS m
            WHERE m.deployment_id = @DeploymentId
              AND m.address = @Address
              AND m.port = @Port
              AND m.generation = @Generation)
    RETURNING v.deployment_id
), changed AS (
    UPDATE orleans_membership AS m
       SET status = @Status,
           suspect_times = @SuspectTimes,
           i_am_alive_time = @IAmAliveTime
      FROM bumped AS b
     WHERE m.deployment_id = b.deployment_id
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed) AS "Updated"
$q$),

-- Heartbeat: liveness timestamp only, no version check or bump.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
$q$),

-- Whole table for a cluster. Always at least one row (the version) while the
-- version row exists; member columns are NULL when there are no silos.
('MembershipReadAllKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$q$),

-- One silo plus the table version; same shape as MembershipReadAllKey.
('MembershipReadRowKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),

-- Gateways for clients: silos in the requested status (Active) that listen
-- for clients (proxy_port > 0).
('GatewaysQueryKey', $q$
SELECT m.address    AS "Address",
       m.proxy_port AS "ProxyPort",
       m.generation AS "Generation"
  FROM orleans_membership AS m
 WHERE m.deployment_id = @DeploymentId
   AND m.status = @Status
   AND m.proxy_port > 0
$q$),

-- Drops a whole cluster: the version row, and its members through the cascade.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId
$q$),

-- Bulk purge of dead silos (status 6) not heard from since @IAmAliveTime.
-- Required at start-up; only executed when CleanupDefunctSiloEntryKey is absent.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
$q$),

-- Optional, preferred by 10.4.x: the provider reads the table, picks expired
-- dead silos itself, then deletes each one only if the row is still dead and
-- unchanged since it was read (compare-and-delete). A missing and an empty
-- suspicion list are treated alike.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
$q$);
