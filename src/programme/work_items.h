// The programme module's work items for the home page (issue 26 item 11, docs/MODULES.md
// "Work items"): per visible programme (latest version), the target lines behind and the tasks
// overdue (key figures for county staff, a to-do for those who write the county's notes), and
// for a town clerk the town-led tasks their town has not reported yet and their town's quota
// lines behind.
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::programme {

std::vector<runtime::WorkProvider> WorkProviders();

}  // namespace ruralec::programme
