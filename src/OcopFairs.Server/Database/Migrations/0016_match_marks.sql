-- A buyer's marks on a fair's exhibitors (docs/ARCHITECTURE.md, Matching): saved for later, or dismissed, which vetoes
-- the supplier from that buyer's ranking. Everything else the matching index holds is rebuilt from its sources.
CREATE TABLE app.match_marks (
    fair_id     text NOT NULL,
    buyer_id    text NOT NULL,
    producer_id text NOT NULL,
    mark        text NOT NULL CHECK (mark IN ('Saved', 'Dismissed')),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fair_id, buyer_id, producer_id)
);
