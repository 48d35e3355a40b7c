-- 0027: reported indicator values (填报, issue 26 item 3; docs/REPORTING.md): a value per
-- indicator, its parameters, region and quarter, stated by town or county staff with evidence
-- files and confirmed by a second person. Versions of one key (indicator, params, region,
-- period) are numbered; at most one is pending and at most one confirmed at a time (older
-- confirmed versions become superseded). Only confirmed values answer the indicator registry.
-- owner: reporting
CREATE TABLE indicator_reports (
  id            {{ID}},
  indicator     TEXT NOT NULL,
  params        TEXT NOT NULL DEFAULT '',  -- canonical "k=v;k=v", keys sorted
  region_code   TEXT NOT NULL,
  county_code   TEXT NOT NULL,
  period        TEXT NOT NULL,             -- "2023Q3"
  period_first  TEXT NOT NULL,             -- the quarter's first and last day
  period_last   TEXT NOT NULL,
  version       INTEGER NOT NULL CHECK (version >= 1),
  value         BIGINT NOT NULL,           -- the indicator's base unit (fen, metre, count, bp)
  note          TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL
                CHECK (status IN ('pending', 'confirmed', 'rejected', 'superseded')),
  reported_by   BIGINT,
  reported_name TEXT NOT NULL,
  reported_at   BIGINT NOT NULL,
  decided_by    BIGINT,
  decided_name  TEXT NOT NULL DEFAULT '',
  decided_at    BIGINT,
  reject_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator, params, region_code, period, version)
);
CREATE INDEX indicator_reports_lookup ON indicator_reports (indicator, region_code, status);
CREATE INDEX indicator_reports_region ON indicator_reports (region_code, id);

-- Evidence files of a report (佐证材料): type sniffed from the bytes (programme attachments'
-- rules), bytes as base64 text like designation_files.
-- owner: reporting
CREATE TABLE indicator_report_files (
  id             {{ID}},
  report_id      BIGINT NOT NULL REFERENCES indicator_reports (id),
  county_code    TEXT NOT NULL,
  filename       TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size_bytes     BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256         TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by    BIGINT,
  uploaded_name  TEXT NOT NULL DEFAULT '',
  created_at     BIGINT NOT NULL
);
CREATE INDEX indicator_report_files_report ON indicator_report_files (report_id, id);
