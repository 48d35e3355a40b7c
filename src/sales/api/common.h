// Helpers shared by the sales route files: the visible-record checks and the JSON shapes of
// docs/API.md (generic handler helpers: http/params.h, list.h, file_reply.h, audit_entry.h).
// Internal to src/sales/api.
#pragma once

#include <optional>
#include <string>

#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "entity/entity.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "http/server.h"
#include "sales/queries.h"
#include "spreadsheet/spreadsheet.h"
#include "storage/db.h"

namespace ruralec::sales::api {

using http::Json;
using http::Reply;
using http::Request;
using namespace http;  // NOLINT: the shared handler helpers (params, list, file_reply, audit)

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// The entity if it exists and lies in the caller's scope; 404 otherwise (existence hidden).
Result<entity::Entity> VisibleEntity(storage::Connection& conn, const Request& req, int64_t id);
Result<queries::SalesRow> VisibleSales(storage::Connection& conn, const Request& req, int64_t id);
// 403 for a caller acting for one business (issue 15 item 4): an import's error workbook lists
// other businesses' rows (such a caller imports nothing itself).
Status NoBusinessCaller(const Request& req);

Json SalesJson(const queries::SalesRow& s);
// The list filters of GET /sales, shared with its export.
Result<queries::SalesFilter> SalesFilterFrom(const Request& req);

// Route registration per area (ledger_routes.cc, import_routes.cc, summary_routes.cc).
void RegisterLedgerRoutes(http::Server& s, const Deps& d);
void RegisterImportRoutes(http::Server& s, const Deps& d);
void RegisterSummaryRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::sales::api
