-- 0022: registered poor households and the help they receive (src/households,
-- docs/HOUSEHOLDS.md, issue 19): the household register, its paired helpers, purchases from
-- poor households and poverty villages (a ledger with corrections keeping history), employment
-- of household members and online shops opened by households.
-- region_code: the household's village (12 digits); county_code its county; reads are scoped by
-- prefix on region_code. Personal data: the head's name and 身份证号 are encrypted
-- (FieldCipher, contexts "households.head_name" / "households.id_number"); id_bidx is the keyed
-- blind index of the ID number (one household per head); *_masked are the display copies.
-- products: comma-delimited values with a leading and trailing comma (",a,b,").
-- status: registered (建档立卡贫困户), lifted (已脱贫, lifted_year), monitored (监测户).

-- owner: households
CREATE TABLE households (
  id               {{ID}},
  county_code      TEXT NOT NULL,
  region_code      TEXT NOT NULL REFERENCES regions (code),
  head_name_enc    TEXT NOT NULL,
  head_name_masked TEXT NOT NULL,
  id_enc           TEXT NOT NULL,
  id_bidx          TEXT NOT NULL UNIQUE,
  id_masked        TEXT NOT NULL,
  members          INTEGER NOT NULL CHECK (members BETWEEN 1 AND 30),
  status           TEXT NOT NULL CHECK (status IN ('registered', 'lifted', 'monitored')),
  lifted_year      INTEGER,
  willing          SMALLINT NOT NULL DEFAULT 0,
  willing_on       TEXT,
  able             SMALLINT NOT NULL DEFAULT 0,
  able_on          TEXT,
  products         TEXT NOT NULL DEFAULT ',',
  source           TEXT NOT NULL CHECK (source IN ('form', 'import', 'generated')),
  batch_id         BIGINT,
  created_by       BIGINT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX households_region ON households (region_code, id);
CREATE INDEX households_willing ON households (county_code, willing, able);

-- 结对帮扶: a government unit, an entity (entity_id), a 大户 or a 能人. Replaced whole on update.
-- owner: households
CREATE TABLE household_helpers (
  id           {{ID}},
  household_id BIGINT NOT NULL REFERENCES households (id),
  kind         TEXT NOT NULL CHECK (kind IN ('unit', 'entity', 'grower', 'capable')),
  name         TEXT NOT NULL,
  entity_id    BIGINT
);
CREATE INDEX household_helpers_household ON household_helpers (household_id);

-- Purchases (收购) by an entity from a registered household (household_id) or from a village
-- tagged poverty_village (seller_kind village: seller_name is the co-op or the villager group).
-- buyer_region_code / buyer_county_code: the buying entity's region when recorded (lists and
-- award are scoped on it); region_code: the seller's village. At most one current row per
-- natural_key (buyer | seller | date | product | voucher); a correction inserts a new row
-- (supersedes_id -> the old one) and clears the old row's is_current.
-- owner: households
CREATE TABLE purchases (
  id                {{ID}},
  entity_id         BIGINT NOT NULL,
  buyer_county_code TEXT NOT NULL,
  buyer_region_code TEXT NOT NULL,
  seller_kind       TEXT NOT NULL CHECK (seller_kind IN ('household', 'village')),
  household_id      BIGINT REFERENCES households (id),
  county_code       TEXT NOT NULL,
  region_code       TEXT NOT NULL,
  seller_name       TEXT NOT NULL DEFAULT '',
  product           TEXT NOT NULL,
  quantity          BIGINT NOT NULL CHECK (quantity > 0),
  unit              TEXT NOT NULL,
  amount_fen        BIGINT NOT NULL CHECK (amount_fen > 0),
  purchased_on      TEXT NOT NULL,
  evidence_kind     TEXT NOT NULL CHECK (evidence_kind IN ('receipt', 'transfer')),
  evidence_no       TEXT NOT NULL,
  agreement_id      BIGINT,
  listing_id        BIGINT,
  natural_key       TEXT NOT NULL,
  source            TEXT NOT NULL CHECK (source IN ('form', 'import', 'generated')),
  batch_id          BIGINT,
  source_row        BIGINT,
  is_current        SMALLINT NOT NULL DEFAULT 1,
  supersedes_id     BIGINT REFERENCES purchases (id),
  correction_reason TEXT NOT NULL DEFAULT '',
  created_by        BIGINT,
  created_at        BIGINT NOT NULL
);
CREATE UNIQUE INDEX purchases_current ON purchases (natural_key) WHERE is_current = 1;
CREATE INDEX purchases_buyer_region ON purchases (buyer_region_code, purchased_on);
CREATE INDEX purchases_household ON purchases (household_id, purchased_on);
CREATE INDEX purchases_seller_region ON purchases (region_code, purchased_on);
CREATE INDEX purchases_entity ON purchases (entity_id, purchased_on);

-- Employment of a household member by an entity (吸纳就业): since/until civil dates.
-- owner: households
CREATE TABLE household_employments (
  id               {{ID}},
  household_id     BIGINT NOT NULL REFERENCES households (id),
  county_code      TEXT NOT NULL,
  region_code      TEXT NOT NULL,
  entity_id        BIGINT NOT NULL,
  member_name_enc  TEXT NOT NULL,
  member_name_masked TEXT NOT NULL,
  position         TEXT NOT NULL DEFAULT '',
  since            TEXT NOT NULL,
  until            TEXT,
  created_by       BIGINT,
  created_at       BIGINT NOT NULL
);
CREATE INDEX household_employments_household ON household_employments (household_id, since);
CREATE INDEX household_employments_entity ON household_employments (entity_id, since);
CREATE INDEX household_employments_region ON household_employments (region_code, since);

-- Online shops opened by a household (网店、微店), optionally registered as an entity shop.
-- owner: households
CREATE TABLE household_shops (
  id           {{ID}},
  household_id BIGINT NOT NULL REFERENCES households (id),
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  platform     TEXT NOT NULL,
  shop_name    TEXT NOT NULL,
  shop_ref     TEXT NOT NULL DEFAULT '',
  entity_id    BIGINT,
  opened_on    TEXT NOT NULL,
  closed_on    TEXT,
  created_by   BIGINT,
  created_at   BIGINT NOT NULL
);
CREATE INDEX household_shops_household ON household_shops (household_id, opened_on);
CREATE INDEX household_shops_region ON household_shops (region_code, opened_on);
