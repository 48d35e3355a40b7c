-- 0037: parcels and their scan events (快递与扫描事件; issue 22 item 2, src/logistics/parcels.h,
-- docs/LOGISTICS.md "Parcels and scan events").
-- logistics_scan_events is the canonical event ledger: one row per distinct scan, identified by
-- dedupe_key (carrier, waybill number, scan type, scan time, node), unique per county, so the
-- same scan ingested twice is one event. Events are never updated. scanned_at: UTC ms;
-- utc_offset_min: the offset the scan was written with (+480 for Beijing time). node_id: a
-- node of logistics_nodes, or node_text when the carrier's site is not registered.
-- logistics_waybills holds one row per (county, carrier, number) with its state derived from
-- its events by time (parcels.h DeriveState) — rewritten whenever an event is added — and the
-- recipient's phone encrypted (FieldCipher, context "logistics_waybills.phone"), its blind index,
-- a masked copy and phone4_tag, the keyed index of (carrier, number, last four digits) that the
-- public tracking looks up. region_code: the region of the node of the latest event naming one
-- (else the importer's region); staff reads are scoped on it.

-- owner: logistics
CREATE TABLE logistics_waybills (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  carrier         TEXT NOT NULL,
  waybill_no      TEXT NOT NULL,
  direction       TEXT NOT NULL DEFAULT 'downlink' CHECK (direction IN ('downlink', 'uplink')),
  state           TEXT NOT NULL,
  state_at        BIGINT NOT NULL,
  state_node_id   BIGINT,
  event_count     BIGINT NOT NULL DEFAULT 0,
  first_at        BIGINT NOT NULL,
  last_at         BIGINT NOT NULL,
  phone_enc       TEXT,
  phone_idx       TEXT,
  phone_masked    TEXT,
  phone4_tag      TEXT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  UNIQUE (county_code, carrier, waybill_no)
);
CREATE INDEX logistics_waybills_number ON logistics_waybills (waybill_no);
CREATE INDEX logistics_waybills_region ON logistics_waybills (region_code, id);
CREATE INDEX logistics_waybills_phone ON logistics_waybills (phone_idx);

-- owner: logistics
CREATE TABLE logistics_scan_events (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  waybill_id      BIGINT NOT NULL REFERENCES logistics_waybills (id),
  dedupe_key      TEXT NOT NULL,
  scan_type       TEXT NOT NULL CHECK (scan_type IN ('accepted', 'dispatched', 'arrived',
                    'out_for_delivery', 'stored', 'signed', 'problem', 'returned')),
  scanned_at      BIGINT NOT NULL,
  utc_offset_min  INTEGER NOT NULL,
  node_id         BIGINT,
  node_text       TEXT NOT NULL DEFAULT '',
  next_node_id    BIGINT,
  operator        TEXT NOT NULL DEFAULT '',
  direction       TEXT NOT NULL DEFAULT 'downlink' CHECK (direction IN ('downlink', 'uplink')),
  reason          TEXT NOT NULL DEFAULT '',
  raw_code        TEXT NOT NULL DEFAULT '',
  raw_text        TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL CHECK (source IN ('carrier_file', 'app', 'driver', 'manual')),
  batch_id        BIGINT,
  source_row      BIGINT,
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  UNIQUE (county_code, dedupe_key)
);
CREATE INDEX logistics_scan_events_waybill ON logistics_scan_events (waybill_id, scanned_at);
CREATE INDEX logistics_scan_events_batch ON logistics_scan_events (batch_id);
