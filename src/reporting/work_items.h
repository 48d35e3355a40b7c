// The reporting module's work items for the home page (issue 26 item 11, docs/MODULES.md "Work
// items"): reports waiting for the caller's confirmation (待确认; someone else's, in scope) and
// the caller's own reports sent back (已退回, no newer version since).
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::reporting {

std::vector<runtime::WorkProvider> WorkProviders();

}  // namespace ruralec::reporting
