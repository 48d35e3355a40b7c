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

// GET …/imports/errors/{id}: the error workbook of path capture 1, if it exists, has not
// expired, lies in the caller's scope and the caller holds `read_permission[kind]` (when the
// kind has one); 404 otherwise (existence hidden).
Result<http::Json> ErrorWorkbook(storage::Database& db, const Clock& clock, http::Request& req,
                                 http::Reply& reply,
                                 const std::map<std::string, std::string>& read_permission);

}  // namespace ruralec::imports::api
