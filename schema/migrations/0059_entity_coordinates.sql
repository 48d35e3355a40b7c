-- 0059: a business entity's optional position (issue 25 item 2: the monitoring screen's point
-- map of stations, logistics nodes and entities). WGS-84 micro-degrees, both or neither, checked
-- inside China's extent by the entity module (src/entity/entity.h "Point"), as stations and
-- logistics nodes keep theirs; never required, never derived from the address.

-- owner: entity
ALTER TABLE entities ADD COLUMN lat_e6 BIGINT;
ALTER TABLE entities ADD COLUMN lng_e6 BIGINT;
