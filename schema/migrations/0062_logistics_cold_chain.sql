-- 0062: cold-chain resources of the logistics network (issue 22 item 1: 冷库, 气调库, 预冷库 with
-- their capacity and temperature range; src/logistics/cold_chain.h, docs/LOGISTICS.md "Cold-chain
-- resources"). kind: a value of the logistics_cold_kinds dictionary (built-in cold_store,
-- ca_store, precooling; a county adds its own). A resource sits at a node of the network
-- (node_id, its region then the node's) or only in a region. operator: the business running it
-- (a business name, no personal data). capacity_tonnes: storage capacity in whole tonnes (吨,
-- > 0). Temperatures in tenths of a degree Celsius (-18.0 °C = -180), min <= max, within
-- -60.0 .. +30.0 °C. The name is unique in the county.

-- owner: logistics
CREATE TABLE logistics_cold_resources (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  region_code     TEXT NOT NULL,
  kind            TEXT NOT NULL,
  name            TEXT NOT NULL,
  node_id         BIGINT REFERENCES logistics_nodes (id),
  operator        TEXT NOT NULL DEFAULT '',
  capacity_tonnes BIGINT NOT NULL CHECK (capacity_tonnes > 0),
  temp_min_dc     INTEGER NOT NULL CHECK (temp_min_dc >= -600),
  temp_max_dc     INTEGER NOT NULL CHECK (temp_max_dc <= 300),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_by      BIGINT,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  CHECK (temp_min_dc <= temp_max_dc),
  UNIQUE (county_code, name)
);
CREATE INDEX logistics_cold_resources_region ON logistics_cold_resources (region_code, id);
CREATE INDEX logistics_cold_resources_node ON logistics_cold_resources (node_id);
