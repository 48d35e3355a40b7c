// Who reads an import's error workbook (issue 17 item 4): one rule for every importing module,
// used by the one download route (imports/api/upload.h RegisterErrorRoute).
#pragma once

#include <string>

#include "account/account.h"
#include "imports/imports.h"

namespace ruralec::imports {

// The permission that reads the error workbooks of an import kind: the owning module's read
// permission ("stations" → "station:read"). Registered by the importing modules when they
// register their routes (before the server serves).
void SetErrorReadPermission(const std::string& kind, const std::string& permission);

// OK when `who` imported it, or holds the kind's read permission with the importer's region in
// their scope. A caller of a bound role reading another's: kForbidden. Otherwise (a kind nobody
// registered included) kNotFound: existence hidden.
Status MayReadErrorReport(const account::Principal& who, const StoredErrorReport& stored,
                          int64_t id);

}  // namespace ruralec::imports
