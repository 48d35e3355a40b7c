-- 0044: scans of the public trace page (溯源码扫码, issue 23 items 6–7; docs/PRODUCTS.md "Public
-- trace page"): one row per batch and day (Asia/Shanghai), counting the lookups of the batch's
-- public code that reached the server (GET /api/v1/public/trace/{code}, a revalidation too).
-- region_code is the batch's (scope of the statistics and of the trace_page_scans indicator).
-- owner: products
CREATE TABLE trace_scans (
  batch_id     BIGINT NOT NULL REFERENCES trace_batches (id),
  county_code  TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  day          TEXT NOT NULL,
  scans        BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (batch_id, day)
);
CREATE INDEX trace_scans_region_day ON trace_scans (region_code, day);
