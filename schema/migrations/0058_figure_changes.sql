-- 0058: the change feed of stored figures (issue 25 item 3; src/storage/figure_changes.h,
-- docs/DASHBOARD.md "Precomputation and staleness"). A module that writes rows a figure counts
-- (the sales ledger, station records, training attendance, fund transfers …) marks, in the same
-- write transaction, the county and the first month whose figures the write changed; the
-- monitoring screen's refresher re-measures that county's stored figures from that month on and
-- removes the mark if it was not marked again meanwhile (`version`). One row per county: a new
-- mark keeps the earlier month, bumps the version and the time of the last mark.

-- owner: storage
CREATE TABLE figure_changes (
  county_code     TEXT PRIMARY KEY CHECK (length(county_code) = 12),
  from_month      TEXT NOT NULL CHECK (length(from_month) = 7),
  version         BIGINT NOT NULL,
  first_marked_at BIGINT NOT NULL,
  marked_at       BIGINT NOT NULL
);
