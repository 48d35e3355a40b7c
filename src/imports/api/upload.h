// The HTTP side of spreadsheet import, for the importing modules' routes: the multipart upload
// (field `file`, .xlsx or .csv; `mode` as a form field or query parameter) answered with the
// report (docs/API.md "Import"), and the download of a kept error workbook.
#pragma once

#include <map>
#include <string>

#include "core/clock.h"
#include "http/server.h"
#include "imports/imports.h"

namespace ruralec::imports::api {

// Saves the upload in a private temporary directory, runs `run` as the caller and answers
// {batch_id, already_imported, rolled_back, rows_*, errors (first 100), error_report_id,
// error_workbook}; rejected rows are kept as an error workbook (kind names it).
Result<http::Json> Upload(const ImportContext& ctx, http::Request& req, const std::string& kind,
                          const ImportFn& run);

// Which permission reads the error workbooks of an import kind: the owning module's read
// permission ("stations" → "station:read"). Each importing module registers its kinds when it
// registers its routes (before the server serves); a kind nobody registered is readable by its
// importer only.
void SetReadPermission(const std::string& kind, const std::string& permission);

// GET /imports/errors/{id} (the imports module's route, one for every importing module): the
// error workbook if it exists and has not expired, and the caller is its importer, or holds the
// read permission of its kind with the importer's region in their scope. A caller of a bound
// role (a business or station account) reads only its own: 403 for another's. 404 otherwise
// (existence hidden). The workbook gives back the rows as read (see imports::ErrorSheet) with
// the columns a module declares personal masked, for everyone. GET /imports/errors/{id}/pii/rows
// serves them unmasked to the importer only (their own file; audited pii.view), 404 to others.
struct ErrorRouteDeps {
  storage::Database& db;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
  const audit::AuditLog& audit;
};
void RegisterErrorRoute(http::Server& s, const ErrorRouteDeps& d);

}  // namespace ruralec::imports::api
