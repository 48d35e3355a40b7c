// The station module's work items for the home page (issue 26 item 11, docs/MODULES.md "Work
// items"): operating stations in the caller's scope (a station operator: their own station)
// without a service record for last month (records are filed after the month ends).
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::station {

std::vector<runtime::WorkProvider> WorkProviders();

}  // namespace ruralec::station
