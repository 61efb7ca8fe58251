-- The floor's plan and the fair's rules it enforces move from grain state ("floorPlan") into the floor store, so they
-- change through the same group commits as the booths: a hold decided under a new plan or new rules is written in the
-- same transaction as them or after them, never acknowledged under a plan or rules whose write failed.
ALTER TABLE app.floors ADD COLUMN plan jsonb, ADD COLUMN rules jsonb;

-- An organiser's explicit override of a booth rule, with the reason given.
ALTER TABLE app.floor_booths ADD COLUMN override_reason text;

-- An applied allocation's outcome under its Idempotency-Key, written in the commit that applies it (the key and its
-- placements land together or not at all). Allocation no longer uses app.idempotent_results.
ALTER TABLE app.floor_keys ADD COLUMN allocation jsonb;
DROP TABLE app.idempotent_results;

INSERT INTO app.floors (fair_id, version, plan, rules)
SELECT grain_id_ext, 0, state -> 'plan', state -> 'rules'
FROM (
    SELECT grain_id_ext, convert_from(payload, 'UTF8')::jsonb -> 'state' AS state
    FROM orleans_grain_state
    WHERE grain_type = 'floorPlan' AND payload IS NOT NULL AND grain_id_ext IS NOT NULL
) moved
ON CONFLICT (fair_id) DO UPDATE SET plan = EXCLUDED.plan, rules = EXCLUDED.rules;

-- The plan's old home, and the whole-floor rows of the format before the floor store (only ever on development
-- machines), are gone.
DELETE FROM orleans_grain_state WHERE grain_type IN ('floorPlan', 'floorLive');
