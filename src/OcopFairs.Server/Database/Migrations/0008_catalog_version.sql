-- Every write of a producer's catalogue copy takes the next number from one sequence, and tells every node
-- (NOTIFY ocop_catalog, payload = producer id). Each node keeps the product search rows in memory and applies a
-- producer's rows only when their version is newer than what it has, so a late reload never overwrites a newer one.
CREATE SEQUENCE app.catalog_version_seq;
ALTER TABLE app.producers ADD COLUMN catalog_version bigint NOT NULL DEFAULT nextval('app.catalog_version_seq');

-- Product search runs on those in-memory rows now; the indexes that served it in SQL only slow writes down.
DROP INDEX app.products_search_trgm;
DROP INDEX app.products_filters;
DROP INDEX app.products_district;
