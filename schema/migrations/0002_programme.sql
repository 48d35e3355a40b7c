-- 0002: programmes as data — a plan (实施方案) with its targets, quotas, task breakdown, award
-- rules, fund plan and workflow (src/programme, docs/PROGRAMME_FORMAT.md).
-- A programme is identified by its file `id` (programme_key); each distinct file content is a
-- new version, the same content loads once (content_sha256). The file text is kept verbatim;
-- the tables below are its checked, normalized rows (money in fen, dates 'YYYY-MM-DD').
-- county_code: the programme region's 12-digit code (a city plan carries the city's code).

-- owner: programme
CREATE TABLE programmes (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  programme_key   TEXT NOT NULL,
  version         INTEGER NOT NULL,
  content_sha256  TEXT NOT NULL,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL,
  status          TEXT NOT NULL,
  document_number TEXT NOT NULL,
  issued_on       TEXT,
  region_code     TEXT NOT NULL,
  period_start    TEXT,
  period_end      TEXT,
  source_file     TEXT NOT NULL,
  source_text     TEXT NOT NULL,
  loaded_at       BIGINT NOT NULL,
  UNIQUE (programme_key, version),
  UNIQUE (programme_key, content_sha256)
);
CREATE INDEX programmes_county ON programmes (county_code, programme_key);

CREATE TABLE programme_targets (
  id               {{ID}},
  programme_id     BIGINT NOT NULL REFERENCES programmes (id),
  county_code      TEXT NOT NULL,
  target_key       TEXT NOT NULL,
  indicator        TEXT NOT NULL,
  params           TEXT NOT NULL,
  comparator       TEXT NOT NULL,
  value_text       TEXT,
  unit             TEXT NOT NULL,
  value_normalized BIGINT,
  base_unit        TEXT NOT NULL,
  open_note        TEXT NOT NULL,
  aspiration       SMALLINT NOT NULL,
  deadline         TEXT,
  region_code      TEXT NOT NULL,
  quotas_must_sum  SMALLINT NOT NULL,
  text             TEXT NOT NULL,
  source           TEXT NOT NULL,
  line             INTEGER NOT NULL,
  UNIQUE (programme_id, target_key)
);

CREATE TABLE programme_quotas (
  id               {{ID}},
  target_id        BIGINT NOT NULL REFERENCES programme_targets (id),
  county_code      TEXT NOT NULL,
  region_code      TEXT NOT NULL,
  region_name      TEXT NOT NULL,
  value_text       TEXT NOT NULL,
  value_normalized BIGINT,
  kind             TEXT NOT NULL CHECK (kind IN ('quota', 'each', 'candidate')),
  line             INTEGER NOT NULL
);
CREATE INDEX programme_quotas_target ON programme_quotas (target_id);

CREATE TABLE programme_tasks (
  id            {{ID}},
  programme_id  BIGINT NOT NULL REFERENCES programmes (id),
  county_code   TEXT NOT NULL,
  number        INTEGER NOT NULL,
  text          TEXT NOT NULL,
  deadline      TEXT,
  deadline_text TEXT NOT NULL,
  source        TEXT NOT NULL,
  line          INTEGER NOT NULL,
  UNIQUE (programme_id, number)
);

-- Lead and coordinating units of a task, in the order the plan lists them; links to targets.
CREATE TABLE programme_task_units (
  task_id     BIGINT NOT NULL REFERENCES programme_tasks (id),
  county_code TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('lead', 'coordinating', 'target', 'indicator')),
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  PRIMARY KEY (task_id, role, position)
);

CREATE TABLE programme_award_rules (
  id                       {{ID}},
  programme_id             BIGINT NOT NULL REFERENCES programmes (id),
  county_code              TEXT NOT NULL,
  rule_key                 TEXT NOT NULL,
  name                     TEXT NOT NULL,
  kind                     TEXT NOT NULL,
  subject                  TEXT NOT NULL,
  designation_level        TEXT NOT NULL,
  designation_kind         TEXT NOT NULL,
  amount_type              TEXT NOT NULL,
  amount_fen               BIGINT,
  percent_bp               BIGINT,
  percent_of               TEXT NOT NULL,
  up_to                    SMALLINT NOT NULL,
  cap_fen                  BIGINT,
  floor_fen                BIGINT,
  tiers_set_locally        SMALLINT NOT NULL,
  frequency                TEXT NOT NULL,
  payable_after_acceptance SMALLINT NOT NULL,
  text                     TEXT NOT NULL,
  source                   TEXT NOT NULL,
  line                     INTEGER NOT NULL,
  UNIQUE (programme_id, rule_key)
);

-- Eligibility conditions, tiers, multipliers and locally-set parts of a rule.
CREATE TABLE programme_award_terms (
  id          {{ID}},
  rule_id     BIGINT NOT NULL REFERENCES programme_award_rules (id),
  county_code TEXT NOT NULL,
  term        TEXT NOT NULL CHECK (term IN ('eligibility', 'tier', 'multiplier', 'set_locally', 'region_tag')),
  name        TEXT NOT NULL,
  comparator  TEXT NOT NULL,
  value_text  TEXT NOT NULL,
  unit        TEXT NOT NULL,
  value_normalized BIGINT,
  upper_normalized BIGINT,
  amount_normalized BIGINT,
  note        TEXT NOT NULL,
  line        INTEGER NOT NULL
);
CREATE INDEX programme_award_terms_rule ON programme_award_terms (rule_id);

-- Funds, tranches, categories and constraints of the fund plan (amounts in fen, percent in
-- basis points).
CREATE TABLE programme_fund_items (
  id           {{ID}},
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  county_code  TEXT NOT NULL,
  item         TEXT NOT NULL CHECK (item IN ('fund', 'tranche', 'category', 'constraint')),
  item_key     TEXT NOT NULL,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  fund_key     TEXT NOT NULL,
  amount_fen   BIGINT,
  percent_bp   BIGINT,
  tags         TEXT NOT NULL,
  note         TEXT NOT NULL,
  source       TEXT NOT NULL,
  line         INTEGER NOT NULL
);
CREATE INDEX programme_fund_items_programme ON programme_fund_items (programme_id, item);

CREATE TABLE programme_workflow (
  id           {{ID}},
  programme_id BIGINT NOT NULL REFERENCES programmes (id),
  county_code  TEXT NOT NULL,
  item         TEXT NOT NULL CHECK (item IN ('stage', 'material', 'reporting', 'phase')),
  item_key     TEXT NOT NULL,
  name         TEXT NOT NULL,
  working_days INTEGER,
  start_date   TEXT,
  end_date     TEXT,
  detail       TEXT NOT NULL,
  source       TEXT NOT NULL,
  line         INTEGER NOT NULL
);
CREATE INDEX programme_workflow_programme ON programme_workflow (programme_id, item);
