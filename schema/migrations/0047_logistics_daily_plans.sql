-- 0047: the daily co-delivery plan (统仓共配; issue 22 items 5–6, src/logistics/daily_plan.h,
-- docs/LOGISTICS.md "Daily co-delivery plan").
-- logistics_pickups: requests to collect uplink goods (最初一公里) at a village point on a day,
-- in pieces and kg, cold or not; status open → planned (a plan took it) or cancelled.
-- logistics_daily_plans: one plan of a region for a day, built from the parcels waiting at its
-- county centre and town hubs and the day's pickups, solved by the routing solver (the solve is
-- also recorded as a job row of logistics_plans: job_id); draft until published, then fixed.
-- logistics_daily_routes: one vehicle's route (from its depot node), in the plan's order; a
-- locked route keeps its stops when the dispatcher moves others. logistics_daily_stops: a visit
-- of a village point from one depot (the parcels waiting there for the point: waybill ids as
-- ",1,2,"; the pickups: pickup ids), its order and planned arrival (seconds from midnight), or
-- unassigned (route_id NULL) with the reason. logistics_stop_confirmations: a driver's
-- confirmation of a stop, idempotent by the client's key (unique per county).

-- owner: logistics
CREATE TABLE logistics_pickups (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  node_id         BIGINT NOT NULL REFERENCES logistics_nodes (id),
  pickup_date     TEXT NOT NULL,
  pieces          BIGINT NOT NULL,
  kg              BIGINT NOT NULL,
  cold            SMALLINT NOT NULL DEFAULT 0,
  note            TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'collected', 'cancelled')),
  plan_id         BIGINT,
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL
);
CREATE INDEX logistics_pickups_date ON logistics_pickups (county_code, pickup_date, id);
CREATE INDEX logistics_pickups_region ON logistics_pickups (region_code, id);

-- owner: logistics
CREATE TABLE logistics_daily_plans (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  plan_date       TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  job_id          BIGINT,
  road_factor_permille INTEGER NOT NULL,
  speed_kmh       INTEGER NOT NULL,
  parcels         BIGINT NOT NULL DEFAULT 0,
  pickups         BIGINT NOT NULL DEFAULT 0,
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  published_by    BIGINT,
  published_at    BIGINT
);
CREATE INDEX logistics_daily_plans_region ON logistics_daily_plans (region_code, plan_date, id);

-- owner: logistics
CREATE TABLE logistics_daily_routes (
  id              {{ID}},
  plan_id         BIGINT NOT NULL REFERENCES logistics_daily_plans (id),
  county_code     TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  vehicle_id      BIGINT NOT NULL REFERENCES logistics_vehicles (id),
  depot_node_id   BIGINT NOT NULL REFERENCES logistics_nodes (id),
  locked          SMALLINT NOT NULL DEFAULT 0,
  distance_m      BIGINT NOT NULL DEFAULT 0,
  departure_s     BIGINT NOT NULL DEFAULT 0,
  return_s        BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX logistics_daily_routes_plan ON logistics_daily_routes (plan_id, seq);

-- owner: logistics
CREATE TABLE logistics_daily_stops (
  id              {{ID}},
  plan_id         BIGINT NOT NULL REFERENCES logistics_daily_plans (id),
  county_code     TEXT NOT NULL,
  route_id        BIGINT REFERENCES logistics_daily_routes (id),
  seq             INTEGER NOT NULL,
  depot_node_id   BIGINT NOT NULL REFERENCES logistics_nodes (id),
  node_id         BIGINT NOT NULL REFERENCES logistics_nodes (id),
  parcels         BIGINT NOT NULL DEFAULT 0,
  pickup_pieces   BIGINT NOT NULL DEFAULT 0,
  pickup_kg       BIGINT NOT NULL DEFAULT 0,
  cold            SMALLINT NOT NULL DEFAULT 0,
  waybill_ids     TEXT NOT NULL DEFAULT '',
  pickup_ids      TEXT NOT NULL DEFAULT '',
  arrival_s       BIGINT,
  reason          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX logistics_daily_stops_plan ON logistics_daily_stops (plan_id, route_id, seq);

-- owner: logistics
CREATE TABLE logistics_stop_confirmations (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  stop_id         BIGINT NOT NULL REFERENCES logistics_daily_stops (id),
  client_key      TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  UNIQUE (county_code, client_key)
);
CREATE INDEX logistics_stop_confirmations_stop ON logistics_stop_confirmations (stop_id);
