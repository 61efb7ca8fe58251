-- Application tables that are not grain state.
CREATE SCHEMA app;

-- Hangfire job ids by a deterministic key (for example 'fair-start-1d:<fairId>'), so that rescheduling deletes the
-- job scheduled before.
CREATE TABLE app.scheduled_jobs (
    job_key    text PRIMARY KEY,
    job_id     text NOT NULL,
    run_at     timestamptz NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per reminder delivered: (kind, subject, recipient) is delivered at most once, however often a job retries.
CREATE TABLE app.reminder_deliveries (
    kind         text NOT NULL,
    subject      text NOT NULL,
    recipient    text NOT NULL,
    delivered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, subject, recipient)
);
