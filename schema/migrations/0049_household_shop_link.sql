-- 0049: a household's online shop linked to the entity shop record it trades as (issue 19
-- item 6 "linked to an entity/shop record"; src/households/help.h): the entity's registered
-- shop with the same shop id or URL.

-- owner: households
ALTER TABLE household_shops ADD COLUMN entity_shop_id BIGINT;
