-- 0061: the verified mark of each batch's chain (issue 23 Measures; docs/PRODUCTS.md "Chain"):
-- the last row of the batch a check found holding (seq and its hash), tagged with the record key
-- (RecordMac "products.trace_mark" over batch, seq and hash), so that a read — the batch detail,
-- the public page — walks only the rows after it. Set when an event is appended to a chain that
-- holds, or by the public page after it walked a chain that holds; never moved back.
-- `ruralec trace verify` ignores it and walks every chain from its first row.
-- owner: products
CREATE TABLE trace_chain_marks (
  batch_id     BIGINT PRIMARY KEY REFERENCES trace_batches (id),
  county_code  TEXT NOT NULL,
  seq          BIGINT NOT NULL,
  hash         TEXT NOT NULL,
  tag          TEXT NOT NULL,
  marked_at    BIGINT NOT NULL
);

-- The public page's timeline: a batch's events (kind 'event') by event time, a page at a time,
-- and its error declarations, without reading the whole batch.
CREATE INDEX trace_events_batch_time ON trace_events (batch_id, kind, event_time, seq);
