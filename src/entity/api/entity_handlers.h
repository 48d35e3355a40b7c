// HTTP ⇄ domain for entities, their shops and brands, the brand list, and the entity import,
// template and export (docs/API.md "Entities, brands and the online-sales ledger"). Every route
// declares its permission (entity:read / entity:edit); every list is paginated and limited to
// the caller's region scope; an entity outside the scope answers 404, a region filter or write
// target outside it 403. Writes and mobile reveals are audited in the same transaction.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::entity::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const crypto::FieldCipher& cipher);

}  // namespace ruralec::entity::api
