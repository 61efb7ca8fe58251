-- Published schedules by Idempotency-Key (docs/ARCHITECTURE.md, Meetings): written in the transaction that creates the
-- schedule's meetings, so a retried publish answers the first outcome instead of placing the meetings again.
CREATE TABLE app.meeting_schedules (
    fair_id    text NOT NULL,
    key        text NOT NULL,
    outcome    jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fair_id, key)
);
