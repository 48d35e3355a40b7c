-- 0018: station service records (服务记录, src/station/records.h, docs/STATIONS.md): per station,
-- month and service item (dictionary station_record_items) a count and an amount in fen.
-- At most one current row per (station, period, item). A correction inserts a new row
-- (supersedes_id -> the old row) and clears the old row's is_current; the old row stays as
-- history. region_code/county_code: the station's region when recorded (reads and roll-ups are
-- scoped by prefix on it). source: form (entered on the console), import (batch_id, source_row
-- from import_batches), generated (demo data, labelled as such).

-- owner: station
CREATE TABLE station_service_records (
  id                {{ID}},
  station_id        BIGINT NOT NULL REFERENCES stations (id),
  county_code       TEXT NOT NULL,
  region_code       TEXT NOT NULL,
  period            TEXT NOT NULL CHECK (length(period) = 7),
  item              TEXT NOT NULL,
  quantity          BIGINT NOT NULL CHECK (quantity >= 0),
  amount_fen        BIGINT NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  source            TEXT NOT NULL CHECK (source IN ('form', 'import', 'generated')),
  batch_id          BIGINT,
  source_row        BIGINT,
  is_current        SMALLINT NOT NULL DEFAULT 1,
  supersedes_id     BIGINT REFERENCES station_service_records (id),
  correction_reason TEXT NOT NULL DEFAULT '',
  created_by        BIGINT,
  created_at        BIGINT NOT NULL
);
CREATE UNIQUE INDEX station_service_records_current
  ON station_service_records (station_id, period, item) WHERE is_current = 1;
CREATE INDEX station_service_records_region ON station_service_records (region_code, period);

-- Counties extend the service items of the records like the facilities and services.
-- dialect: sqlite
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql,
    'CHECK (dict IN (''station_facilities'', ''station_services''))',
    'CHECK (dict IN (''station_facilities'', ''station_services'', ''station_record_items''))')
  WHERE type = 'table' AND name = 'station_dict_entries';
PRAGMA writable_schema = RESET;
-- dialect: postgresql
ALTER TABLE station_dict_entries DROP CONSTRAINT IF EXISTS station_dict_entries_dict_check;
ALTER TABLE station_dict_entries ADD CONSTRAINT station_dict_entries_dict_check
  CHECK (dict IN ('station_facilities', 'station_services', 'station_record_items'));
-- dialect: all
