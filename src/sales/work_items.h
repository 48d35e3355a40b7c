// The sales module's key figure for the home page (issue 26 item 11, docs/MODULES.md "Work
// items"): the online sales of the caller's region this year (or, when the ledger has nothing
// this year yet, of the latest year with data), for county-level staff.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::sales {

std::vector<runtime::WorkProvider> WorkProviders();

}  // namespace ruralec::sales
