// Spreadsheet import of entities (and one shop each), through the shared runner of the imports
// module (imports/imports.h has the file, mode, batch and error contract).
// Row rules: the same field checks as the single-record path (entity::Validate, ParseKind,
// ParseFlag, ValidateShop, Insert); a uscc already registered, or repeated in the file, and a
// shop already registered on its platform reject the row.
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::entity {

// Needs permission entity:edit; regions must be towns/villages in the importer's scope.
Result<imports::ImportReport> ImportEntities(const imports::ImportContext& ctx,
                                             const account::Principal& who, const std::string& path,
                                             imports::Mode mode,
                                             const imports::ImportOptions& options = {});

spreadsheet::Sheet EntitiesTemplate();

}  // namespace ruralec::entity
