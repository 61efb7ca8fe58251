-- The live floor of each fair (who holds which booth), written as deltas: a group commit of the floor grain writes
-- only the booths it changed, its new events and its new Idempotency-Keys, in one transaction, instead of rewriting
-- the whole floor as one grain-state row. app.floors.version fences writers: a save names the version it builds on
-- and fails (rolling back the whole batch) when another activation has moved the floor on.
CREATE TABLE app.floors (
    fair_id    text PRIMARY KEY,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Free booths have no row.
CREATE TABLE app.floor_booths (
    fair_id         text NOT NULL REFERENCES app.floors (fair_id) ON DELETE CASCADE,
    booth_code      text NOT NULL,
    status          text NOT NULL,
    producer_id     text,
    producer_name   text,
    hold_expires_at timestamptz,
    hold_id         text,
    PRIMARY KEY (fair_id, booth_code)
);

-- The recent changes, for clients that reconnect with their last version; pruned to the newest 1,024 per fair.
CREATE TABLE app.floor_events (
    fair_id text NOT NULL REFERENCES app.floors (fair_id) ON DELETE CASCADE,
    version bigint NOT NULL,
    payload jsonb NOT NULL,
    PRIMARY KEY (fair_id, version)
);

-- Idempotency-Keys of hold, confirm and assign with the booth they changed; pruned to the newest 2,048 per fair.
CREATE TABLE app.floor_keys (
    fair_id    text NOT NULL REFERENCES app.floors (fair_id) ON DELETE CASCADE,
    key        text NOT NULL,
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    booth_code text NOT NULL,
    slot       jsonb NOT NULL,
    PRIMARY KEY (fair_id, key)
);
CREATE INDEX floor_keys_recent ON app.floor_keys (fair_id, seq);

-- Moves a floor from p_expected to p_version, or raises (SQLSTATE 40001) so the whole save rolls back.
CREATE FUNCTION app.floor_advance(p_fair text, p_expected bigint, p_version bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF p_expected = 0 THEN
        INSERT INTO app.floors (fair_id, version) VALUES (p_fair, p_version) ON CONFLICT (fair_id) DO NOTHING;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    UPDATE app.floors SET version = p_version, updated_at = now() WHERE fair_id = p_fair AND version = p_expected;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'floor % has moved on from version %', p_fair, p_expected USING ERRCODE = '40001';
    END IF;
END
$$;
