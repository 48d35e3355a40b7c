-- 0036: the three-level logistics network (县级物流配送中心 / 镇级快递物流中转站 / 村级物流服务点,
-- "1+4+N"; issue 22 item 1, src/logistics/network.h, docs/LOGISTICS.md "Network").
-- A node serves one region at its level (a county centre: a county or city; a town hub: a town;
-- a village point: a village) and may name the village service station it is (station_id: an id
-- of the station module, checked through its C++ API, never joined). code: the node's code in
-- carrier files, unique per county. Coordinates in WGS-84 micro-degrees. Opening hours as
-- minutes of the day (open_min < close_min). carriers: values of the logistics_carriers
-- dictionary, comma-separated. Vehicles carry their capacities (parcels, kg, litres) and shift;
-- lines run from a node through ordered stops on the weekdays of `weekdays` ("135": Mon, Wed,
-- Fri; 1 = Monday).

-- owner: logistics
CREATE TABLE logistics_nodes (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  level           TEXT NOT NULL CHECK (level IN ('county_centre', 'town_hub', 'village_point')),
  code            TEXT NOT NULL,
  name            TEXT NOT NULL,
  address         TEXT NOT NULL DEFAULT '',
  lat_e6          BIGINT,
  lng_e6          BIGINT,
  open_min        INTEGER,
  close_min       INTEGER,
  capacity_parcels BIGINT,
  carriers        TEXT NOT NULL DEFAULT '',
  station_id      BIGINT,
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  UNIQUE (county_code, code)
);
CREATE INDEX logistics_nodes_region ON logistics_nodes (region_code, id);
CREATE INDEX logistics_nodes_station ON logistics_nodes (station_id);

-- owner: logistics
CREATE TABLE logistics_vehicles (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  plate           TEXT NOT NULL,
  owner           TEXT NOT NULL DEFAULT '',
  capacity_parcels BIGINT,
  capacity_kg     BIGINT,
  capacity_litres BIGINT,
  cold            SMALLINT NOT NULL DEFAULT 0,
  shift_start_min INTEGER,
  shift_end_min   INTEGER,
  home_node_id    BIGINT REFERENCES logistics_nodes (id),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  UNIQUE (county_code, plate)
);
CREATE INDEX logistics_vehicles_region ON logistics_vehicles (region_code, id);

-- owner: logistics
CREATE TABLE logistics_lines (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('trunk', 'branch')),
  code            TEXT NOT NULL,
  name            TEXT NOT NULL,
  from_node_id    BIGINT NOT NULL REFERENCES logistics_nodes (id),
  weekdays        TEXT NOT NULL,
  departure_min   INTEGER,
  vehicle_id      BIGINT REFERENCES logistics_vehicles (id),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  UNIQUE (county_code, code)
);
CREATE INDEX logistics_lines_region ON logistics_lines (region_code, id);

-- owner: logistics
CREATE TABLE logistics_line_stops (
  line_id         BIGINT NOT NULL REFERENCES logistics_lines (id),
  seq             INTEGER NOT NULL,
  node_id         BIGINT NOT NULL REFERENCES logistics_nodes (id),
  county_code     TEXT NOT NULL,
  PRIMARY KEY (line_id, seq)
);
CREATE INDEX logistics_line_stops_node ON logistics_line_stops (node_id);
