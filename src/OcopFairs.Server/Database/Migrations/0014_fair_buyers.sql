-- Buyers registered for a fair, with the badge code gate staff scan (docs/ARCHITECTURE.md, Buyers). The buyer's kind
-- and organisation are copied here from the buyer grain (refreshed whenever the profile is saved) so that organisers
-- can count registered and present buyers by kind without loading every buyer grain.
CREATE TABLE app.fair_buyers (
    fair_id        text NOT NULL,
    buyer_id       text NOT NULL,
    badge_code     text NOT NULL,
    kind           text NOT NULL,
    organisation   text NOT NULL,
    registered_at  timestamptz NOT NULL,
    checked_in_at  timestamptz,
    PRIMARY KEY (fair_id, buyer_id),
    UNIQUE (fair_id, badge_code)
);

CREATE INDEX fair_buyers_buyer ON app.fair_buyers (buyer_id);
