-- One photo per product, resized to at most 1200 px and re-encoded as JPEG by the server before it is stored, so what
-- is served is never the uploaded file. No foreign key to app.products: that table is the search copy, rewritten from
-- the producer grain; a photo outlives a rewrite and is deleted with its product by the API.
CREATE TABLE app.product_photos (
    product_id   text PRIMARY KEY,
    producer_id  text NOT NULL,
    content_type text NOT NULL,
    bytes        bytea NOT NULL,
    etag         text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
