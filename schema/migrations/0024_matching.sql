-- 0024: supply–demand matching (产销对接) and cooperation agreements (src/matching,
-- docs/MATCHING.md, issue 19 items 2–4): produce listed by stations and town staff (信息传递),
-- buying demands posted by entities, the matches accepted between them, contract-farming and
-- cooperation agreements with their parties, products and attributed online sales, and the
-- files attached to listings (photos) and agreements (the signed document).
-- region_code: a village (12 digits); county_code its county; reads are scoped on them.
-- Quantities are whole units of `unit`; prices integer fen per unit; dates civil YYYY-MM-DD.

-- A listing: a household's (household_id) or villager's own produce offered through a station.
-- station_name, lat_e6/lng_e6: the station's name and coordinates when listed (a snapshot: the
-- board and the distance ranking read no other module's table).
-- seller_name_enc / contact_enc: FieldCipher ("matching.seller_name" / "matching.contact"),
-- shown only to staff and to an entity after it took the listing up (a match).
-- status: open | matched (nothing left) | withdrawn.
-- owner: matching
CREATE TABLE listings (
  id                  {{ID}},
  county_code         TEXT NOT NULL,
  region_code         TEXT NOT NULL,
  station_id          BIGINT NOT NULL,
  station_name        TEXT NOT NULL,
  lat_e6              BIGINT,
  lng_e6              BIGINT,
  household_id        BIGINT,
  seller_name_enc     TEXT NOT NULL DEFAULT '',
  seller_name_masked  TEXT NOT NULL DEFAULT '',
  contact_enc         TEXT NOT NULL DEFAULT '',
  contact_masked      TEXT NOT NULL DEFAULT '',
  product             TEXT NOT NULL,
  quantity            BIGINT NOT NULL CHECK (quantity > 0),
  matched_quantity    BIGINT NOT NULL DEFAULT 0,
  unit                TEXT NOT NULL,
  price_fen           BIGINT,
  available_from      TEXT NOT NULL,
  available_to        TEXT NOT NULL,
  note                TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL CHECK (status IN ('open', 'matched', 'withdrawn')),
  created_by          BIGINT,
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL
);
CREATE INDEX listings_product ON listings (product, status, county_code, available_from);
CREATE INDEX listings_region ON listings (region_code, id);
CREATE INDEX listings_station ON listings (station_id, id);

-- A buying demand of an entity: product, quantity, price range (fen per unit), period, the
-- region it buys in, optionally where it takes delivery (lat/lng). status: open | filled |
-- closed.
-- owner: matching
CREATE TABLE demands (
  id               {{ID}},
  entity_id        BIGINT NOT NULL,
  county_code      TEXT NOT NULL,
  region_code      TEXT NOT NULL,
  product          TEXT NOT NULL,
  quantity         BIGINT NOT NULL CHECK (quantity > 0),
  matched_quantity BIGINT NOT NULL DEFAULT 0,
  unit             TEXT NOT NULL,
  price_min_fen    BIGINT,
  price_max_fen    BIGINT,
  wanted_from      TEXT NOT NULL,
  wanted_to        TEXT NOT NULL,
  lat_e6           BIGINT,
  lng_e6           BIGINT,
  note             TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status IN ('open', 'filled', 'closed')),
  created_by       BIGINT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX demands_region ON demands (region_code, id);
CREATE INDEX demands_entity ON demands (entity_id, id);

-- A 产销对接 event: an entity took up (a quantity of) a listing, for one of its demands
-- (demand_id) or directly. score/reasons: the proposal as it was ranked when accepted.
-- owner: matching
CREATE TABLE matches (
  id          {{ID}},
  listing_id  BIGINT NOT NULL REFERENCES listings (id),
  demand_id   BIGINT REFERENCES demands (id),
  entity_id   BIGINT NOT NULL,
  county_code TEXT NOT NULL,
  region_code TEXT NOT NULL,
  quantity    BIGINT NOT NULL CHECK (quantity > 0),
  unit        TEXT NOT NULL,
  price_fen   BIGINT,
  score       INTEGER,
  reasons     TEXT NOT NULL DEFAULT '',
  matched_on  TEXT NOT NULL,
  created_by  BIGINT,
  created_at  BIGINT NOT NULL
);
CREATE INDEX matches_listing ON matches (listing_id);
CREATE INDEX matches_demand ON matches (demand_id);
CREATE INDEX matches_region ON matches (region_code, matched_on);
CREATE INDEX matches_entity ON matches (entity_id, matched_on);

-- A contract-farming or cooperation agreement of an entity (the e-commerce side). model: a
-- value of the agreement_models dictionary. county_code/region_code: the entity's.
-- owner: matching
CREATE TABLE agreements (
  id          {{ID}},
  entity_id   BIGINT NOT NULL,
  county_code TEXT NOT NULL,
  region_code TEXT NOT NULL,
  agreement_no TEXT NOT NULL,
  title       TEXT NOT NULL,
  model       TEXT NOT NULL,
  signed_on   TEXT NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_to    TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_by  BIGINT,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX agreements_no ON agreements (entity_id, agreement_no);
CREATE INDEX agreements_region ON agreements (region_code, id);

-- The other parties: a household of the register, a co-op, a base, a village collective or an
-- entity (kind). household parties show their masked head name, never the register's PII.
-- owner: matching
CREATE TABLE agreement_parties (
  id           {{ID}},
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  kind         TEXT NOT NULL CHECK (kind IN ('household', 'coop', 'base', 'village', 'entity')),
  name         TEXT NOT NULL,
  household_id BIGINT,
  party_entity_id BIGINT,
  region_code  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_parties_agreement ON agreement_parties (agreement_id);

-- Products, contracted volumes (per the whole period) and prices (fen per unit, optional:
-- 保护价 / 随行就市).
-- owner: matching
CREATE TABLE agreement_products (
  id           {{ID}},
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  product      TEXT NOT NULL,
  quantity     BIGINT NOT NULL CHECK (quantity > 0),
  unit         TEXT NOT NULL,
  price_fen    BIGINT
);
CREATE INDEX agreement_products_agreement ON agreement_products (agreement_id);

-- Online sales attributed to an agreement (002 R07's base): a month of the entity's online
-- sales of the agreement's products, with the evidence (订单导出、结算单). One row per
-- agreement × month; a new figure replaces the month's (history in the audit log).
-- owner: matching
CREATE TABLE agreement_sales (
  id           {{ID}},
  agreement_id BIGINT NOT NULL REFERENCES agreements (id),
  entity_id    BIGINT NOT NULL,
  region_code  TEXT NOT NULL,
  month        TEXT NOT NULL,
  amount_fen   BIGINT NOT NULL CHECK (amount_fen >= 0),
  evidence     TEXT NOT NULL,
  created_by   BIGINT,
  created_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX agreement_sales_month ON agreement_sales (agreement_id, month);
CREATE INDEX agreement_sales_region ON agreement_sales (region_code, month);

-- Files: listing photos and the signed agreement, kept in the database as designation files
-- are (base64 text, sha256 and size of the decoded bytes, content type sniffed).
-- owner: matching
CREATE TABLE matching_files (
  id             {{ID}},
  owner_kind     TEXT NOT NULL CHECK (owner_kind IN ('listing', 'agreement')),
  owner_id       BIGINT NOT NULL,
  filename       TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256         TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by    BIGINT,
  created_at     BIGINT NOT NULL
);
CREATE INDEX matching_files_owner ON matching_files (owner_kind, owner_id, id);
