-- 0015: village e-commerce service stations (乡村电商服务站点, src/station, docs/STATIONS.md):
-- the registry, its status history and its import batches, and the county extensions of the
-- facilities/services dictionaries.
-- region_code: the village (村级服务点) or town (镇级综合服务站) the station serves; reads are
-- scoped by prefix on it. Coordinates are WGS-84 in integer micro-degrees (1e-6°, ~0.1 m).
-- facilities/services/carriers: comma-delimited values with a leading and trailing comma
-- (",a,b,") so one LIKE '%,a,%' filters them on both backends.
-- status/status_since mirror the latest station_status_changes row (written together).

-- owner: station
CREATE TABLE stations (
  id                 {{ID}},
  county_code        TEXT NOT NULL,
  region_code        TEXT NOT NULL REFERENCES regions (code),
  level              TEXT NOT NULL CHECK (level IN ('town', 'village')),
  name               TEXT NOT NULL,
  address            TEXT NOT NULL DEFAULT '',
  lat_e6             BIGINT,
  lng_e6             BIGINT,
  manager_name       TEXT NOT NULL DEFAULT '',
  mobile_enc         TEXT,
  mobile_bidx        TEXT,
  mobile_masked      TEXT,
  operator_user_id   BIGINT,
  operator_entity_id BIGINT,
  agreement_no       TEXT NOT NULL DEFAULT '',
  build_kind         TEXT NOT NULL DEFAULT 'new' CHECK (build_kind IN ('new', 'upgraded')),
  built_on           TEXT,
  online_on          TEXT,
  facilities         TEXT NOT NULL DEFAULT ',',
  services           TEXT NOT NULL DEFAULT ',',
  carriers           TEXT NOT NULL DEFAULT ',',
  status             TEXT NOT NULL CHECK (status IN ('planned', 'building', 'operating',
                                                     'suspended', 'exited')),
  status_since       TEXT NOT NULL,
  batch_id           BIGINT,
  created_by         BIGINT,
  created_at         BIGINT NOT NULL,
  updated_at         BIGINT NOT NULL,
  UNIQUE (region_code, name)
);
CREATE INDEX stations_region ON stations (region_code, id);
CREATE INDEX stations_county ON stations (county_code, status);
CREATE INDEX stations_operator ON stations (operator_user_id);

-- One row per status change, the first one the registration (from_status NULL). Never updated.
-- owner: station
CREATE TABLE station_status_changes (
  id           {{ID}},
  station_id   BIGINT NOT NULL REFERENCES stations (id),
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  changed_on   TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  document_no  TEXT NOT NULL DEFAULT '',
  recorded_by  BIGINT,
  recorded_at  BIGINT NOT NULL
);
CREATE INDEX station_status_changes_station ON station_status_changes (station_id, changed_on, id);
CREATE INDEX station_status_changes_region ON station_status_changes (region_code, changed_on);

-- A file imported once per county (its SHA-256); a re-import of the same file adds nothing.
-- owner: station
CREATE TABLE station_import_batches (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('stations', 'records')),
  file_name     TEXT NOT NULL,
  file_hash     TEXT NOT NULL,
  mode          TEXT NOT NULL,
  rows_total    BIGINT NOT NULL DEFAULT 0,
  rows_imported BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  UNIQUE (county_code, kind, file_hash)
);

-- Entries a county adds to the built-in facilities/services dictionaries (module.cc).
-- owner: station
CREATE TABLE station_dict_entries (
  county_code TEXT NOT NULL,
  dict        TEXT NOT NULL CHECK (dict IN ('station_facilities', 'station_services')),
  value       TEXT NOT NULL,
  label       TEXT NOT NULL,
  created_by  BIGINT,
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (county_code, dict, value)
);
