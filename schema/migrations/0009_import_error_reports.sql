-- 0009: error reports of spreadsheet imports made through the HTTP API (src/imports/api), so the
-- error workbook can be downloaded after the upload answered. Kept 7 days (expires_at), then
-- deleted by the next import; reads are scoped by prefix on region_code (the importer's region).
-- errors_json: [{"row": n, "column": "...", "reason": "..."}] as reported by the import.

-- owner: imports
CREATE TABLE import_error_reports (
  id            {{ID}},
  county_code   TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('sales', 'entities')),
  batch_id      BIGINT REFERENCES import_batches (id),
  file_name     TEXT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  errors_json   TEXT NOT NULL,
  created_by    BIGINT,
  created_at    BIGINT NOT NULL,
  expires_at    BIGINT NOT NULL
);
CREATE INDEX import_error_reports_expiry ON import_error_reports (expires_at);
