-- 0010: drop sales_records_region (region_code, period). No query could use it: every read
-- scopes by region with `region_code LIKE 'prefix%'`, which SQLite never serves from a BINARY
-- index and PostgreSQL serves from a btree only under the C collation; county-wide year sums
-- also scan the table faster than they walk an index (0.17 s against 0.38 s for 1M rows).
-- Keeping it cost about 2.4 s per 1,000,000 imported rows (docs/PERFORMANCE.md, "Import").
-- Per-entity reads keep sales_records_entity (entity_id, period).
DROP INDEX sales_records_region;
