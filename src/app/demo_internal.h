// The parts of `ruralec demo` (demo.cc builds the county, its users and calls these).
#pragma once

#include "app/app_context.h"
#include "core/result.h"
#include "core/types.h"

namespace ruralec::app {

// Seed 002 as a programme, generated businesses and their 2019 ledger, the approved 2019 award
// list, and the demo mark (demo_business.cc). Needs the demo users `county` and `finance`.
Status DemoBusinessData(AppContext& ctx, const RegionCode& county);

}  // namespace ruralec::app
