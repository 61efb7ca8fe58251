-- Overlapping floor writes. The floor grain sends its next group commit while the previous one is still being
-- written, so each save names the write it builds on (its id and the version it brought the floor to), and the fence
-- lets a save that arrives first wait for that write instead of failing. Write ids are random per save, so a save can
-- only ever follow the very write it was built on: if that write rolled back, or another activation wrote meanwhile,
-- the version may come round again but the id never matches, and the save fails.
ALTER TABLE app.floors ADD COLUMN write_id uuid;

DROP FUNCTION app.floor_advance(text, bigint, bigint);

-- Moves a floor from (p_expected, p_expected_write) to (p_version, p_write), or raises (SQLSTATE 40001) so the whole
-- save rolls back. While the floor is behind p_expected it waits, at most p_wait_ms: for the row lock of the write before
-- when that one is in its transaction, and by polling every millisecond while it is still on its way. A floor past
-- p_expected, or at it after another write, has moved on without the write this save builds on.
CREATE FUNCTION app.floor_advance(p_fair text, p_expected bigint, p_expected_write uuid, p_version bigint, p_write uuid, p_wait_ms integer)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_version  bigint;
    v_write    uuid;
    v_deadline timestamptz := clock_timestamp() + make_interval(secs => p_wait_ms / 1000.0);
BEGIN
    LOOP
        IF p_expected = 0 THEN
            INSERT INTO app.floors (fair_id, version, write_id) VALUES (p_fair, p_version, p_write) ON CONFLICT (fair_id) DO NOTHING;
            IF FOUND THEN
                RETURN;
            END IF;
        END IF;

        UPDATE app.floors SET version = p_version, write_id = p_write, updated_at = now()
        WHERE fair_id = p_fair AND version = p_expected AND write_id IS NOT DISTINCT FROM p_expected_write;
        IF FOUND THEN
            RETURN;
        END IF;

        -- Not there yet: wait for the write that holds the floor's row, if one does. FOR SHARE waits for it to end and then reads
        -- the row as it left it; the block's rollback (a subtransaction) lets go of the share lock at once, so this save
        -- never holds up the write it waits for.
        BEGIN
            SELECT version, write_id INTO v_version, v_write FROM app.floors WHERE fair_id = p_fair FOR SHARE;
            RAISE SQLSTATE 'OCF01';
        EXCEPTION WHEN SQLSTATE 'OCF01' THEN
            NULL;
        END;

        IF coalesce(v_version, 0) > p_expected
            OR (v_version = p_expected AND v_write IS DISTINCT FROM p_expected_write)
            OR clock_timestamp() >= v_deadline THEN
            RAISE EXCEPTION 'floor % has moved on from version % without the write this save builds on', p_fair, p_expected
                USING ERRCODE = '40001';
        END IF;

        -- Still behind: the write before has not reached the database yet (or failed, and the deadline will tell).
        IF v_version IS DISTINCT FROM p_expected THEN
            PERFORM pg_sleep(0.001);
        END IF;
    END LOOP;
END
$$;
