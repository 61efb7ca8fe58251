-- A fair's meetings and matching hours (docs/ARCHITECTURE.md, Meetings). The meetings grain decides; these indexes
-- back it: a live meeting (Requested or Accepted) takes its buyer's slot and one numbered seat of its place and of
-- its exhibitor, so a save that would double-book anyone or any place fails as a whole. Slots are compared by their
-- start: every slot of a fair comes from one grid.
CREATE TABLE app.meetings (
    meeting_id   text PRIMARY KEY,
    fair_id      text NOT NULL,
    buyer_id     text NOT NULL,
    producer_id  text NOT NULL,
    starts_at    timestamptz NOT NULL,
    place_key    text NOT NULL,
    seat         int NOT NULL,
    status       text NOT NULL,
    version      bigint NOT NULL,
    meeting      jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX meetings_fair ON app.meetings (fair_id);
CREATE UNIQUE INDEX meetings_buyer_slot ON app.meetings (fair_id, buyer_id, starts_at) WHERE status IN ('Requested', 'Accepted');
CREATE UNIQUE INDEX meetings_place_seat ON app.meetings (fair_id, place_key, starts_at, seat) WHERE status IN ('Requested', 'Accepted');
CREATE UNIQUE INDEX meetings_producer_seat ON app.meetings (fair_id, producer_id, starts_at, seat) WHERE status IN ('Requested', 'Accepted');

CREATE TABLE app.matching_hours (
    fair_id     text PRIMARY KEY,
    hours       jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
