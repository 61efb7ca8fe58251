-- Answers of requests that carried an Idempotency-Key and are not naturally idempotent in a grain (the allocation
-- run): a retry with the same key gets the stored answer and changes nothing.
CREATE TABLE app.idempotent_results (
    scope      text NOT NULL,
    key        text NOT NULL,
    response   jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
