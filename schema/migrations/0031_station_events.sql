-- 0031: per-event service records of the stations (单笔服务记录, issue 17 item 2; src/station/
-- events.h, docs/STATIONS.md "Per-event records"). A station that records one by one writes an
-- event per service (date, item, quantity, amount in fen, products, households); the month's
-- figure of that (station, period, item) is then the sum of its events that are not voided,
-- kept by the server as the current station_service_records row with source 'events' (so the
-- indicators and the award data, which read the monthly records, count every event once).
-- An event is never updated except to void it (voided_at, voided_by, void_reason): a
-- correction voids the wrong event and records the right one. household_ids: ids of the
-- households module (comma-separated, checked through its C++ API); products: names separated
-- by a newline (entered names cannot contain one). region_code/county_code: the station's
-- region when recorded. source: form (entered on the console) or import (batch_id, source_row).

-- owner: station
CREATE TABLE station_service_events (
  id            {{ID}},
  station_id    BIGINT NOT NULL REFERENCES stations (id),
  county_code   TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  happened_on   TEXT NOT NULL CHECK (length(happened_on) = 10),
  period        TEXT NOT NULL CHECK (length(period) = 7),
  item          TEXT NOT NULL,
  quantity      BIGINT NOT NULL CHECK (quantity >= 0),
  amount_fen    BIGINT NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  products      TEXT NOT NULL DEFAULT '',
  household_ids TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL CHECK (source IN ('form', 'import')),
  batch_id      BIGINT,
  source_row    BIGINT,
  voided_at     BIGINT,
  voided_by     BIGINT,
  void_reason   TEXT NOT NULL DEFAULT '',
  created_by    BIGINT,
  created_at    BIGINT NOT NULL
);
CREATE INDEX station_service_events_key ON station_service_events (station_id, period, item);
CREATE INDEX station_service_events_batch ON station_service_events (batch_id, source_row);

-- The monthly record a station's events sum to carries source 'events'.
-- dialect: sqlite
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql,
    'CHECK (source IN (''form'', ''import'', ''generated''))',
    'CHECK (source IN (''form'', ''import'', ''generated'', ''events''))')
  WHERE type = 'table' AND name = 'station_service_records';
PRAGMA writable_schema = RESET;
-- dialect: postgresql
ALTER TABLE station_service_records DROP CONSTRAINT IF EXISTS station_service_records_source_check;
ALTER TABLE station_service_records ADD CONSTRAINT station_service_records_source_check
  CHECK (source IN ('form', 'import', 'generated', 'events'));
-- dialect: all
