-- 0040: admission to the specialty product library (准入, issue 23 item 2; docs/PRODUCTS.md): every
-- move of a product's admission state as an idempotent command (the key is unique per product;
-- fingerprint tells a repeat from another command under the same key), with the reviewer's
-- county checklist (certification, grade, packaging, business norms: "certification=1,…"), the
-- note (the reason of a return, rejection, suspension or removal), the actor and the date.
-- owner: products
CREATE TABLE product_admissions (
  id               {{ID}},
  product_id       BIGINT NOT NULL REFERENCES products (id),
  seq              INTEGER NOT NULL,
  from_state       TEXT NOT NULL,
  to_state         TEXT NOT NULL,
  on_date          TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL,
  fingerprint      TEXT NOT NULL,
  note             TEXT NOT NULL DEFAULT '',
  checklist        TEXT NOT NULL DEFAULT '',
  actor_id         BIGINT,
  actor_name       TEXT NOT NULL DEFAULT '',
  created_at       BIGINT NOT NULL,
  UNIQUE (product_id, idempotency_key),
  UNIQUE (product_id, seq)
);
