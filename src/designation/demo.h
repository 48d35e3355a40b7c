// Generated demonstration designations for `ruralec demo` (labelled as demo data in their note):
// a provincial 示范镇 and county-level 示范村 recognised in 2019 with (invented) documents, a
// provincial 示范县 applied for, and two county-level village candidates of the current year.
#pragma once

#include "designation/designation.h"

namespace ruralec::designation {

struct DemoSummary {
  int designations = 0, recognised = 0;
};

// `who` holds designation:edit over `county` (the demo's county user).
Result<DemoSummary> GenerateDemo(const Deps& d, const account::Principal& who,
                                 const RegionCode& county);

}  // namespace ruralec::designation
