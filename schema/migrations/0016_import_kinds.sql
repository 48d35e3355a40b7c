-- 0016: the imports module takes every importing module's batches (issue 17 step 0).
-- import_batches.kind / import_error_reports.kind name the importing module's RunSpec.kind
-- ("sales", "entities", "stations", "station_records", …); the CHECK listing two of them goes,
-- so a module that starts importing needs no migration of the imports tables. SQLite cannot
-- drop a CHECK: its text is removed from the stored schema (the writable_schema edit SQLite
-- documents for changes that leave every stored row valid); the DROP TABLE below changes the
-- schema cookie, so every open connection reloads the schema.
-- The station registry's own batch table (station_import_batches, 0015) moves into
-- import_batches; stations.batch_id is renumbered to the moved batches' ids.
-- dialect: sqlite
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, ' CHECK (kind IN (''sales'', ''entities''))', '')
  WHERE type = 'table' AND name IN ('import_batches', 'import_error_reports');
PRAGMA writable_schema = RESET;
-- dialect: postgresql
ALTER TABLE import_batches DROP CONSTRAINT IF EXISTS import_batches_kind_check;
ALTER TABLE import_error_reports DROP CONSTRAINT IF EXISTS import_error_reports_kind_check;
-- dialect: all

INSERT INTO import_batches (county_code, kind, file_name, file_hash, mode, rows_total,
                            rows_imported, rows_rejected, created_by, created_at)
  SELECT county_code, kind, file_name, file_hash, mode, rows_total, rows_imported, rows_rejected,
         created_by, created_at
  FROM station_import_batches WHERE kind = 'stations';
UPDATE stations SET batch_id = (
  SELECT ib.id FROM import_batches ib JOIN station_import_batches sb
    ON ib.county_code = sb.county_code AND ib.kind = sb.kind AND ib.file_hash = sb.file_hash
  WHERE sb.id = stations.batch_id)
  WHERE batch_id IS NOT NULL;
DROP TABLE station_import_batches;
