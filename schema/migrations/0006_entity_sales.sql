-- 0006: business entities (经营主体), their online shops and brands, and the monthly online-sales
-- ledger with its import batches (src/entity, src/sales, docs/SALES_IMPORT.md).
-- region_code: the entity's town or village; reads are scoped by prefix on it.
-- Sales rows are never updated except to clear is_current when a correction supersedes them.

-- owner: entity
CREATE TABLE entities (
  id                  {{ID}},
  county_code         TEXT NOT NULL,
  region_code         TEXT NOT NULL REFERENCES regions (code),
  uscc                TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
  name                TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('enterprise', 'cooperative', 'family_farm',
                                                    'individual_business', 'operator')),
  registered_on       TEXT,
  contact_name        TEXT,
  mobile_enc          TEXT,
  mobile_bidx         TEXT,
  mobile_masked       TEXT,
  linkage_model       SMALLINT NOT NULL DEFAULT 0,
  contract_farming    SMALLINT NOT NULL DEFAULT 0,
  employs_poor        SMALLINT NOT NULL DEFAULT 0,
  batch_id            BIGINT,
  created_by          BIGINT,
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL
);
CREATE INDEX entities_region ON entities (region_code);
CREATE INDEX entities_county ON entities (county_code, registered_on);
CREATE INDEX entities_mobile ON entities (mobile_bidx);

CREATE TABLE entity_shops (
  id          {{ID}},
  county_code TEXT NOT NULL,
  entity_id   BIGINT NOT NULL REFERENCES entities (id),
  platform    TEXT NOT NULL,
  shop_name   TEXT NOT NULL,
  shop_ref    TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  UNIQUE (platform, shop_ref)
);
CREATE INDEX entity_shops_entity ON entity_shops (entity_id);

CREATE TABLE brands (
  id             {{ID}},
  county_code    TEXT NOT NULL,
  entity_id      BIGINT NOT NULL REFERENCES entities (id),
  name           TEXT NOT NULL,
  trademark_no   TEXT,
  categories     TEXT NOT NULL DEFAULT '',
  regional_brand SMALLINT NOT NULL DEFAULT 0,
  created_at     BIGINT NOT NULL,
  UNIQUE (entity_id, name)
);

-- One row per imported file; file_hash (SHA-256) makes re-importing the same file a no-op.
-- owner: imports
CREATE TABLE import_batches (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('sales', 'entities')),
  file_name     TEXT NOT NULL,
  file_hash     TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('all_or_nothing', 'valid_only')),
  rows_total    BIGINT NOT NULL DEFAULT 0,
  rows_imported BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  UNIQUE (county_code, kind, file_hash)
);

-- natural_key = entity|shop|brand|period|platform|direction|category; at most one current row
-- per key. A correction inserts a new row (supersedes_id -> old row) and clears the old row's
-- is_current; the old row stays as history.
-- owner: sales
CREATE TABLE sales_records (
  id                {{ID}},
  county_code       TEXT NOT NULL,
  region_code       TEXT NOT NULL,
  entity_id         BIGINT NOT NULL REFERENCES entities (id),
  shop_id           BIGINT REFERENCES entity_shops (id),
  brand_id          BIGINT REFERENCES brands (id),
  period            TEXT NOT NULL CHECK (length(period) = 7),
  platform          TEXT NOT NULL,
  direction         TEXT NOT NULL CHECK (direction IN ('uplink', 'downlink')),
  agricultural      SMALLINT NOT NULL DEFAULT 0,
  category          TEXT NOT NULL DEFAULT '',
  amount_fen        BIGINT NOT NULL,
  orders            BIGINT,
  export_usd_cents  BIGINT,
  source            TEXT NOT NULL CHECK (source IN ('form', 'import', 'api')),
  batch_id          BIGINT REFERENCES import_batches (id),
  source_row        BIGINT,
  natural_key       TEXT NOT NULL,
  is_current        SMALLINT NOT NULL DEFAULT 1,
  supersedes_id     BIGINT REFERENCES sales_records (id),
  correction_reason TEXT,
  created_by        BIGINT,
  created_at        BIGINT NOT NULL
);
CREATE UNIQUE INDEX sales_records_current ON sales_records (natural_key) WHERE is_current = 1;
CREATE INDEX sales_records_region ON sales_records (region_code, period);
CREATE INDEX sales_records_entity ON sales_records (entity_id, period);
CREATE INDEX sales_records_batch ON sales_records (batch_id);
