// The award module's work items for the home page (issue 26 item 11, docs/MODULES.md "Work
// items"): lists waiting for the caller's approval (待审核, maker-checker: not the caller's own),
// drafts waiting to be proposed, and the key figure "approvals waiting" for county staff.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::award {

std::vector<runtime::WorkProvider> WorkProviders();

}  // namespace ruralec::award
