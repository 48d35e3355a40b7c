-- 0041: traceability (溯源, issue 23 item 3; docs/PRODUCTS.md): batches (lots) of a library product
-- and their trace events, each mapped to an EPCIS 2.0 event. Events are never edited: a correction
-- is a new row declaring the earlier event erroneous (kind 'error_declaration', same event_id),
-- usually with a corrective event. Each batch's rows form a keyed hash chain (seq 1, 2, …;
-- prev_hash = the previous row's hash; hash = crypto::RecordMac over every column), and the batch
-- keeps the count and the last hash, so a changed, removed or reordered event is detected
-- (`ruralec trace verify`).

-- A batch of a product. region_code/entity_id are the product's (scope); public_code is the
-- random code of its public trace page (not guessable); quantity a decimal text with its UN/ECE
-- unit (uom).
-- owner: products
CREATE TABLE trace_batches (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  product_id    BIGINT NOT NULL REFERENCES products (id),
  entity_id     BIGINT NOT NULL,
  lot           TEXT NOT NULL,
  quantity      TEXT NOT NULL DEFAULT '',
  uom           TEXT NOT NULL DEFAULT '',
  produced_on   TEXT,
  public_code   TEXT NOT NULL UNIQUE,
  event_count   INTEGER NOT NULL DEFAULT 0,
  head_hash     TEXT NOT NULL DEFAULT '',
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  UNIQUE (product_id, lot)
);
CREATE INDEX trace_batches_region ON trace_batches (region_code);

-- One link of a batch's chain. event_id: the EPCIS eventID (urn:uuid:…); step: planting,
-- breeding, processing, packing, inspecting, shipping, selling (the seven key steps); event_type,
-- action, biz_step, disposition: its EPCIS mapping; read_point/biz_location: region codes;
-- event_time: UTC ms with the offset it was given in; ilmd: "key=value" lines (cbvmda:…).
-- An error declaration repeats the declared event's fields with error_reason, corrective_ids
-- (",id,") and record_time as its declaration time.
-- owner: products
CREATE TABLE trace_events (
  id                {{ID}},
  batch_id          BIGINT NOT NULL REFERENCES trace_batches (id),
  county_code       TEXT NOT NULL,
  seq               INTEGER NOT NULL,
  event_id          TEXT NOT NULL,
  kind              TEXT NOT NULL,
  step              TEXT NOT NULL,
  event_type        TEXT NOT NULL,
  action            TEXT NOT NULL DEFAULT '',
  biz_step          TEXT NOT NULL,
  disposition       TEXT NOT NULL DEFAULT '',
  read_point        TEXT NOT NULL,
  biz_location      TEXT NOT NULL,
  event_time        BIGINT NOT NULL,
  time_zone_offset  TEXT NOT NULL,
  quantity          TEXT NOT NULL DEFAULT '',
  input_quantity    TEXT NOT NULL DEFAULT '',
  uom               TEXT NOT NULL DEFAULT '',
  ilmd              TEXT NOT NULL DEFAULT '',
  test_report       TEXT NOT NULL DEFAULT '',
  note              TEXT NOT NULL DEFAULT '',
  error_reason      TEXT NOT NULL DEFAULT '',
  corrective_ids    TEXT NOT NULL DEFAULT '',
  fingerprint       TEXT NOT NULL,
  actor_id          BIGINT,
  actor_name        TEXT NOT NULL DEFAULT '',
  record_time       BIGINT NOT NULL,
  prev_hash         TEXT NOT NULL,
  hash              TEXT NOT NULL,
  UNIQUE (batch_id, seq),
  UNIQUE (event_id, kind)
);
CREATE INDEX trace_events_time ON trace_events (county_code, event_time);

-- The EPCIS 2.0 query store (issue 23 item 4; docs/PRODUCTS.md "EPCIS interface"): every event
-- the county holds as the query interface serves it — the trace events recorded here (a copy
-- written with each chain row, trace_event_id set) and the events captured from outside
-- (POST /epcis/capture). document: the event's JSON-LD as served (recordTime set); fingerprint:
-- what makes a capture of the same eventID the same event; declaration 1: an error declaration
-- of event_id. Never updated.
-- owner: products
CREATE TABLE epcis_events (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  event_id        TEXT NOT NULL,
  declaration     INTEGER NOT NULL DEFAULT 0,
  event_type      TEXT NOT NULL,
  event_time      BIGINT NOT NULL,
  record_time     BIGINT NOT NULL,
  biz_step        TEXT NOT NULL DEFAULT '',
  disposition     TEXT NOT NULL DEFAULT '',
  read_point      TEXT NOT NULL DEFAULT '',
  biz_location    TEXT NOT NULL DEFAULT '',
  document        TEXT NOT NULL,
  fingerprint     TEXT NOT NULL,
  trace_event_id  BIGINT,
  captured_by     BIGINT,
  UNIQUE (county_code, event_id, declaration)
);
CREATE INDEX epcis_events_time ON epcis_events (county_code, event_time);

-- Every EPC, EPC class or parent id an EPCIS event names (MATCH_epc: exact, or a prefix).
-- owner: products
CREATE TABLE epcis_event_epcs (
  event_row    BIGINT NOT NULL REFERENCES epcis_events (id),
  county_code  TEXT NOT NULL,
  epc          TEXT NOT NULL
);
CREATE INDEX epcis_event_epcs_epc ON epcis_event_epcs (county_code, epc);
CREATE INDEX epcis_event_epcs_row ON epcis_event_epcs (event_row);
