-- 0052: a county's own boundary map for the monitoring screen's choropleth (issue 25 item 2;
-- docs/DASHBOARD.md "A county's own boundaries"): one GeoJSON FeatureCollection per county,
-- features keyed by region code, checked on upload; the latest upload replaces the previous.
-- approval_number is the 审图号 the county states for the published map ('' = none stated).

-- owner: dashboard
CREATE TABLE dashboard_boundaries (
  county_code     TEXT PRIMARY KEY CHECK (length(county_code) = 12),
  geojson         TEXT NOT NULL,
  features        BIGINT NOT NULL,
  sha256          TEXT NOT NULL,
  approval_number TEXT NOT NULL DEFAULT '',
  uploaded_by     BIGINT,
  uploaded_at     BIGINT NOT NULL
);
