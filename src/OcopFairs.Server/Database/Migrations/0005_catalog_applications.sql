-- Searchable copies of producers, products and applications. The grains own the data; these tables are
-- projections they write after each durable change (idempotent upserts), for search and the review queue.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app.producers (
    producer_id   text PRIMARY KEY,
    owner_user_id text,
    name          text NOT NULL,
    kind          text NOT NULL,
    province      text NOT NULL,
    district      text NOT NULL,
    district_key  text NOT NULL,           -- folded district, for filters that ignore diacritics
    search_text   text NOT NULL,           -- folded name, district and commune
    groups        text[] NOT NULL,
    max_stars     integer NOT NULL,
    product_count integer NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX producers_search_trgm ON app.producers USING gin (search_text gin_trgm_ops);
CREATE INDEX producers_district ON app.producers (district_key);

CREATE TABLE app.products (
    product_id       text PRIMARY KEY,
    producer_id      text NOT NULL REFERENCES app.producers (producer_id) ON DELETE CASCADE,
    name             text NOT NULL,
    product_group    text NOT NULL,
    stars            integer NOT NULL,
    district_key     text NOT NULL,
    search_text      text NOT NULL,        -- folded product name, producer name, district
    cert_expires_on  date NOT NULL,
    payload          jsonb NOT NULL        -- the product as the API shows it, with producer name and district
);
CREATE INDEX products_search_trgm ON app.products USING gin (search_text gin_trgm_ops);
CREATE INDEX products_filters ON app.products (product_group, stars);
CREATE INDEX products_district ON app.products (district_key);
CREATE INDEX products_producer ON app.products (producer_id);

CREATE TABLE app.applications (
    application_id  text PRIMARY KEY,
    fair_id         text NOT NULL,
    producer_id     text NOT NULL,
    owner_user_id   text,
    status          text NOT NULL,
    district_key    text NOT NULL,
    groups          text[] NOT NULL,
    min_stars       integer NOT NULL,
    cert_expires_on date NOT NULL,         -- the earliest certificate end among the applied products
    submitted_at    timestamptz NOT NULL,
    waitlisted_at   timestamptz,
    payload         jsonb NOT NULL
);
CREATE INDEX applications_fair_status ON app.applications (fair_id, status);
CREATE INDEX applications_producer ON app.applications (producer_id);
CREATE INDEX applications_waitlist ON app.applications (fair_id, waitlisted_at) WHERE status = 'Waitlisted';
