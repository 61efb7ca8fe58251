-- The bulk defunct-silo clean-up meets the clustering provider's contract: it removes every silo that is not Active
-- (SiloStatus 3) and was last alive before the cut-off, not only Dead ones (6). A silo that died while Created (1),
-- Joining (2), ShuttingDown (4) or Stopping (5), or one stored with None (0), never reaches Dead, and 0001's text
-- kept it for ever. Orleans' own membership tests insert an old silo of every status and expect only the Active one
-- (and the young ones) to remain.
--
-- 10.4.2 prefers the optional per-silo CleanupDefunctSiloEntryKey, so this text runs only when that key is absent
-- (or a provider version no longer uses it); see docs/ORLEANS-SCHEMA.md.
UPDATE orleansquery
   SET querytext = $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status <> 3
   AND i_am_alive_time < @IAmAliveTime
$q$
 WHERE querykey = 'CleanupDefunctSiloEntriesKey';
