-- 0004: co-delivery route plans computed by the routing solver (src/routing/api, docs/ROUTING.md).
-- One row per planning job: the request, its status (queued -> running -> done | failed), the
-- solver's progress (written at most once a second) and the resulting plan JSON.
-- county_code: the creator's county; region_code: the creator's region (reads are scoped to it).

-- owner: logistics
CREATE TABLE logistics_plans (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  created_by      BIGINT NOT NULL,
  status          TEXT NOT NULL,
  problem         TEXT NOT NULL,
  options         TEXT NOT NULL,
  stops           INTEGER NOT NULL,
  time_limit_ms   BIGINT NOT NULL,
  elapsed_ms      BIGINT NOT NULL,
  iterations      BIGINT NOT NULL,
  best_cost       TEXT,
  result          TEXT,
  error_code      TEXT,
  error_message   TEXT,
  error_field     TEXT,
  created_at      BIGINT NOT NULL,
  started_at      BIGINT,
  finished_at     BIGINT,
  updated_at      BIGINT NOT NULL
);
CREATE INDEX logistics_plans_county ON logistics_plans (county_code, id);
CREATE INDEX logistics_plans_status ON logistics_plans (status, created_at);
