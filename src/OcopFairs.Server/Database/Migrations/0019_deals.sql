-- The deals ledger (docs/ARCHITECTURE.md, Deals). One row per deal holds the deal as the API shows it and, beside it,
-- the columns reports and the board's rebuild read: `counted` is true only while both sides' signatures are on the
-- current version and the deal is not cancelled, and `board` is its DealBoardEntry. Every version of the terms is
-- kept in app.deal_versions; Idempotency-Keys of create, propose and sign in app.deal_keys, written in the same
-- transaction as the change they answered.
CREATE TABLE app.deals (
    deal_id      text PRIMARY KEY,
    fair_id      text NOT NULL,
    producer_id  text NOT NULL,
    buyer_id     text NOT NULL,
    kind         text NOT NULL,
    status       text NOT NULL,
    version      int NOT NULL,
    revision     bigint NOT NULL,
    counted      boolean NOT NULL,
    vnd          numeric NOT NULL,
    tonnes       numeric NOT NULL,
    signed_at    timestamptz,
    deal         jsonb NOT NULL,
    board        jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX deals_fair ON app.deals (fair_id);
CREATE INDEX deals_producer ON app.deals (producer_id);
CREATE INDEX deals_buyer ON app.deals (buyer_id);

CREATE TABLE app.deal_versions (
    deal_id     text NOT NULL REFERENCES app.deals (deal_id),
    version     int NOT NULL,
    body        jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (deal_id, version)
);

CREATE TABLE app.deal_keys (
    deal_id     text NOT NULL,
    key         text NOT NULL,
    result      jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (deal_id, key)
);
