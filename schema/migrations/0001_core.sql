-- 0001: platform core — regions, calendar, accounts, sessions, audit.
-- Portable SQL accepted by SQLite 3.40 and PostgreSQL 15. The only dialect token is {{ID}}
-- (an auto-generated BIGINT primary key), replaced by the backend. Times are BIGINT UTC
-- milliseconds; civil dates are TEXT 'YYYY-MM-DD'; flags are SMALLINT 0/1.
-- Every table holding county data carries county_code (the 12-digit code of its county,
-- or the region's own code above county level), the distribution key for a sharded deployment.

-- owner: region
CREATE TABLE regions (
  code        TEXT PRIMARY KEY CHECK (length(code) = 12),
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'village')),
  parent_code TEXT REFERENCES regions (code),
  county_code TEXT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_code, code);
CREATE INDEX regions_name ON regions (name);

CREATE TABLE region_tag_defs (
  name        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  builtin     SMALLINT NOT NULL DEFAULT 0,
  created_at  BIGINT NOT NULL
);

CREATE TABLE region_tags (
  region_code TEXT NOT NULL REFERENCES regions (code),
  tag         TEXT NOT NULL REFERENCES region_tag_defs (name),
  county_code TEXT NOT NULL,
  updated_at  BIGINT NOT NULL,
  PRIMARY KEY (region_code, tag)
);
CREATE INDEX region_tags_tag ON region_tags (tag, region_code);

-- owner: calendar
CREATE TABLE calendar_years (
  year        INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);

CREATE TABLE calendar_days (
  day         TEXT PRIMARY KEY,
  year        INTEGER NOT NULL REFERENCES calendar_years (year),
  kind        TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name        TEXT NOT NULL
);
CREATE INDEX calendar_days_year ON calendar_days (year, day);

-- owner: account
CREATE TABLE roles (
  name        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  is_admin    SMALLINT NOT NULL DEFAULT 0,
  builtin     SMALLINT NOT NULL DEFAULT 0
);

CREATE TABLE role_permissions (
  role        TEXT NOT NULL REFERENCES roles (name),
  permission  TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);

CREATE TABLE users (
  id                   {{ID}},
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  region_code          TEXT NOT NULL REFERENCES regions (code),
  county_code          TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  password_changed_at  BIGINT NOT NULL,
  must_change_password SMALLINT NOT NULL DEFAULT 0,
  status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  mobile_enc           TEXT,
  mobile_bidx          TEXT,
  mobile_masked        TEXT,
  last_login_at        BIGINT,
  created_at           BIGINT NOT NULL,
  updated_at           BIGINT NOT NULL
);
CREATE INDEX users_region ON users (region_code);
CREATE INDEX users_mobile_bidx ON users (mobile_bidx);

CREATE TABLE user_roles (
  user_id     BIGINT NOT NULL REFERENCES users (id),
  role        TEXT NOT NULL REFERENCES roles (name),
  county_code TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE password_history (
  user_id       BIGINT NOT NULL REFERENCES users (id),
  password_hash TEXT NOT NULL,
  changed_at    BIGINT NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, changed_at);

-- Failed-login counters keyed by the submitted username (known or not), so a lockout answers
-- the same for an unknown user and a real one.
CREATE TABLE login_throttle (
  username         TEXT PRIMARY KEY,
  failed_count     INTEGER NOT NULL,
  first_failure_at BIGINT NOT NULL,
  locked_until     BIGINT
);

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users (id),
  csrf_token   TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  ip           TEXT NOT NULL,
  county_code  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- Append-only, hash-chained. seq is assigned by the appender (gapless), hash =
-- SHA-256(prev_hash || canonical row). audit_head holds the last seq and hash so that a
-- truncated tail is detected too.
-- owner: audit
CREATE TABLE audit_log (
  seq          BIGINT PRIMARY KEY,
  at           BIGINT NOT NULL,
  user_id      BIGINT,
  username     TEXT NOT NULL,
  role         TEXT NOT NULL,
  ip           TEXT NOT NULL,
  action       TEXT NOT NULL,
  object_type  TEXT NOT NULL,
  object_id    TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  detail       TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  county_code  TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (username, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);

CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

INSERT INTO region_tag_defs (name, label, builtin, created_at) VALUES
  ('poverty_county', '贫困县', 1, 0),
  ('old_revolutionary_area', '革命老区（大别山）', 1, 0),
  ('flood_storage_area', '行蓄洪区', 1, 0),
  ('poverty_village', '贫困村', 1, 0);
