// Spreadsheet import of designations (csv and xlsx), through the shared runner of the imports
// module (imports/imports.h has the file, mode, batch, re-import and error contract; batches are
// import_batches rows of kind "designations", audited "designation.import").
// Row rules: every data row goes through the same rules as POST /designations (designation.h):
// a region code for county/town/village/park kinds, a station or entity id for points and
// enterprises; a designation already recorded (same level, kind, subject and year) is a rejected
// row, so re-importing an edited file adds only the new ones — unless an earlier, partly accepted
// import of the same file wrote it (counted as already imported). Designations carry their batch.
#pragma once

#include <string>

#include "account/account.h"
#include "designation/designation.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::designation {

// Needs designation:edit; subjects in the importer's scope.
Result<imports::ImportReport> ImportDesignations(const imports::ImportContext& ctx,
                                                 const account::Principal& who,
                                                 const std::string& path, imports::Mode mode,
                                                 const imports::ImportOptions& options = {});

spreadsheet::Sheet DesignationsTemplate();

}  // namespace ruralec::designation
