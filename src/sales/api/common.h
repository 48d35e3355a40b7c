// Helpers shared by the sales/entity route files: path ids, query parsing, scope checks, the
// JSON shapes of docs/API.md and file replies (xlsx/csv). Internal to src/sales/api.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "http/server.h"
#include "sales/queries.h"
#include "spreadsheet/spreadsheet.h"
#include "storage/db.h"

namespace ruralec::sales::api {

using http::Json;
using http::Reply;
using http::Request;

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// A private temporary directory (mkdtemp), removed with its files when the object goes.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// Exports hold at most this many rows (a larger selection is 400: narrow the filters).
inline constexpr int kMaxExportRows = 100000;

// The i-th path capture as an id; kInvalidArgument naming `field` otherwise.
Result<int64_t> PathId(const Request& req, size_t i, const std::string& field = "id");
// Optional integer / boolean / region query parameters.
Result<std::optional<int64_t>> QueryOptInt(const Request& req, const std::string& name);
Result<std::optional<bool>> QueryOptBool(const Request& req, const std::string& name);
// The `region_code` query parameter (default: the caller's region); 403 outside scope.
Result<RegionCode> ScopedRegion(const Request& req, const std::string& name = "region_code");
// "YYYY" year parameter (default: the clock's current Shanghai year).
Result<int> QueryYear(const Request& req, const Clock& clock, const std::string& name = "year");

// The entity if it exists and lies in the caller's scope; 404 otherwise (existence hidden).
Result<queries::EntityRow> VisibleEntity(storage::Connection& conn, const Request& req, int64_t id);
Result<queries::SalesRow> VisibleSales(storage::Connection& conn, const Request& req, int64_t id);

Json EntityJson(const queries::EntityRow& e);
Json ShopJson(const entity::Shop& s);
Json BrandJson(const queries::BrandRow& b);
Json SalesJson(const queries::SalesRow& s);
Json OptInt(const std::optional<int64_t>& v);

// Body field helpers: kInvalidArgument naming the field when the type is wrong.
Result<std::optional<int64_t>> BodyOptInt(const Json& body, const std::string& field);
Result<std::optional<bool>> BodyOptBool(const Json& body, const std::string& field);

// Writes the sheet as xlsx (default) or csv per the `format` query parameter into `reply`.
Status FileReply(const Request& req, const spreadsheet::Sheet& sheet, const std::string& stem,
                 Reply& reply);
Status XlsxReply(const spreadsheet::Sheet& sheet, const std::string& filename, Reply& reply);

audit::Entry AuditEntry(const Request& req, std::string action, std::string type, int64_t id,
                        std::string detail);

// The list filters of GET /entities and GET /sales, shared with their exports.
Result<queries::EntityFilter> EntityFilterFrom(const Request& req);
Result<queries::SalesFilter> SalesFilterFrom(const Request& req);

// Route registration per area (entity_routes.cc, ledger_routes.cc, import_routes.cc,
// summary_routes.cc).
void RegisterEntityRoutes(http::Server& s, const Deps& d);
void RegisterLedgerRoutes(http::Server& s, const Deps& d);
void RegisterImportRoutes(http::Server& s, const Deps& d);
void RegisterSummaryRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::sales::api
