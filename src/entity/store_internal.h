// Shared by the entity module's SQL files (entity_store.cc, queries.cc); not published.
#pragma once

#include "entity/entity.h"
#include "storage/row.h"

namespace ruralec::entity::internal {

// The entity of an `entities` row, read by column name (id, uscc, name, kind, region_code,
// registered_on, contact_name, mobile_masked, linkage_model, contract_farming, employs_poor,
// created_at); the one decoder of the table.
Entity EntityFrom(const storage::NamedRow& r);

}  // namespace ruralec::entity::internal
