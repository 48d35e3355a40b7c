// The two panels that are not registry figures: fund execution by category (the funds module's
// C++ API, with the caller's funds:read) and programme target progress with its lagging lines
// (the programme module's EvaluateStored, with the caller's programme:read). Either panel says
// why it is empty (no permission, no fund, below county level) instead of showing zeros.
#pragma once

#include "dashboard/screen.h"

namespace ruralec::dashboard {

Result<FundPanel> FundsPanel(const Deps& d, const account::Principal& who, const RegionCode& region,
                             int64_t now);
Result<ProgrammePanel> ProgrammesPanel(const Deps& d, storage::Connection& conn,
                                       const account::Principal& who, const RegionCode& region,
                                       int64_t now);

}  // namespace ruralec::dashboard
