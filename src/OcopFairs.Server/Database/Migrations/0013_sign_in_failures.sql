-- Failed sign-ins counted per account and client, so that a stranger's wrong passwords lock the stranger out, not the
-- account's owner (docs/ARCHITECTURE.md, Security). account is a SHA-256 of the normalized e-mail (whether or not an
-- account has it: a mistyped password in the e-mail field is never stored); client is 'ip:<address or /64>',
-- 'device:<id>' (a browser that signed in to the account before) or '*' (every client that is not such a device).
CREATE TABLE app.sign_in_failures (
    account           text NOT NULL,
    client            text NOT NULL,
    failures          int NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz,
    PRIMARY KEY (account, client)
);

-- The hourly clean-up deletes rows whose window and lock are over.
CREATE INDEX sign_in_failures_window ON app.sign_in_failures (window_started_at);
