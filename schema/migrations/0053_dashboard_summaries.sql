-- 0053: the monitoring screen's per-county, per-month figures (issue 25 item 3; docs/DASHBOARD.md
-- "Precomputation and staleness"), written by `ruralec dashboard refresh` and read by the screen
-- of a city or province, which sums the stored counties instead of measuring each of them. A
-- row older than the screen's limit is not used (the county is measured live instead).

-- owner: dashboard
CREATE TABLE dashboard_summaries (
  region_code  TEXT NOT NULL CHECK (length(region_code) = 12),
  month        TEXT NOT NULL CHECK (length(month) = 7),
  figure       TEXT NOT NULL,
  ok           SMALLINT NOT NULL,
  value        BIGINT,
  numerator    BIGINT,
  denominator  BIGINT,
  baseline     BIGINT,
  source       TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT '',
  computed_at  BIGINT NOT NULL,
  PRIMARY KEY (region_code, month, figure)
);
CREATE INDEX dashboard_summaries_month ON dashboard_summaries (month, computed_at);
