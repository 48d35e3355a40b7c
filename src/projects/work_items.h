// The projects module's work items for the home page (docs/MODULES.md "Work items"): overdue
// findings of the issue list to rectify, findings whose rectification awaits the office's check,
// and overdue review, acceptance and evaluation deadlines (the reminders of issue 21 item 8).
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::projects {

std::vector<runtime::WorkProvider> WorkProviders();

}  // namespace ruralec::projects
