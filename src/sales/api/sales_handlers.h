// HTTP ⇄ domain for the online-sales ledger, its spreadsheet import and export, the error
// workbooks of imports, and the per-region summary (docs/API.md "Entities, brands and the
// online-sales ledger"). Every route declares its permission; every list is paginated and limited
// to the caller's region scope; a record outside the scope answers 404, a region filter or write
// target outside it 403. Writes and mobile reveals are audited in the same transaction.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::sales::api {

void RegisterRoutes(http::Server& server, storage::Database& db, const audit::AuditLog& audit,
                    const Clock& clock, const crypto::FieldCipher& cipher);

// Adds the ledger to the entity routes (entity/api/extensions.h): "monthly" in the detail, rows
// following a region move. Called by the manifest, so it holds whenever sales is in the binary.
void ExtendEntityRoutes();

}  // namespace ruralec::sales::api
