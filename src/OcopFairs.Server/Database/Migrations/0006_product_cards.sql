-- Search scans app.products row by row; keeping the wide JSON card in its own table makes those rows narrow, so a
-- broad query touches far fewer pages. Only the page of results is joined to its cards.
CREATE TABLE app.product_cards (
    product_id text PRIMARY KEY REFERENCES app.products (product_id) ON DELETE CASCADE,
    payload    jsonb NOT NULL
);
INSERT INTO app.product_cards (product_id, payload) SELECT product_id, payload FROM app.products;
ALTER TABLE app.products DROP COLUMN payload;
