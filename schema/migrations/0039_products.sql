-- 0039: the specialty product library (特色产品库, issue 23 item 1; src/products, docs/PRODUCTS.md):
-- the county's grading scales (分等分级), products with their producer (an entity of the entity
-- module), brands, origin, GTIN, specs, packaging standard and grade, and the certifications
-- (三品一标, 食用农产品达标合格证) of a product or of a producer.

-- A county's grading scale: its grades in order, best first (",特级,一级,二级,"). A scale in use
-- is never changed: a county makes a new one.
-- owner: products
CREATE TABLE product_grade_scales (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  name          TEXT NOT NULL,
  grades        TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  UNIQUE (county_code, name)
);

-- A product of the library. region_code is its region of origin (a town or village of the
-- county; the scope of every read and write); entity_id its producer (entities, entity module);
-- brand_id the producer's own brand, regional_brand_id a regional public brand (区域公用品牌; both
-- brands of the entity module). gtin: GTIN-14 (shorter GTINs padded with zeros) or ''. admission
-- is the last admission transition's state (0040), admission_on its date.
-- owner: products
CREATE TABLE products (
  id                  {{ID}},
  county_code         TEXT NOT NULL,
  region_code         TEXT NOT NULL,
  entity_id           BIGINT NOT NULL,
  name                TEXT NOT NULL,
  category            TEXT NOT NULL,
  brand_id            BIGINT,
  regional_brand_id   BIGINT,
  gtin                TEXT NOT NULL DEFAULT '',
  specs               TEXT NOT NULL DEFAULT '',
  packaging_standard  TEXT NOT NULL DEFAULT '',
  grade_scale_id      BIGINT REFERENCES product_grade_scales (id),
  grade               TEXT NOT NULL DEFAULT '',
  admission           TEXT NOT NULL DEFAULT 'draft',
  admission_on        TEXT,
  created_by          BIGINT,
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL
);
CREATE INDEX products_region ON products (region_code);
CREATE INDEX products_entity ON products (entity_id);
CREATE UNIQUE INDEX products_gtin ON products (county_code, gtin) WHERE gtin <> '';

-- A certification of a product (product_id set; entity_id is then the product's producer) or of
-- a producer (product_id NULL). region_code: the product's origin or the entity's region (the
-- scope). A certificate counts from valid_from through valid_to (civil dates, inclusive); an
-- expired one stays on record and no longer counts.
-- owner: products
CREATE TABLE product_certifications (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  product_id    BIGINT REFERENCES products (id),
  entity_id     BIGINT NOT NULL,
  kind          TEXT NOT NULL,
  number        TEXT NOT NULL,
  issuer        TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  valid_to      TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);
CREATE INDEX product_certifications_region ON product_certifications (region_code);
CREATE INDEX product_certifications_product ON product_certifications (product_id);
CREATE INDEX product_certifications_valid_to ON product_certifications (county_code, valid_to);
