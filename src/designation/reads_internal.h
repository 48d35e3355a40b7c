// The counting rule shared by the indicator (indicators.cc) and the award reads (reads.cc).
#pragma once

#include <optional>

#include "designation/designation_store.h"

namespace ruralec::designation::internal {

// The state at the end of `day`; nullopt before the registration date.
std::optional<State> StateOn(const store::Timeline& t, CivilDate day);
// Recognised on a day of [from, to] and still recognised at the end of `to`.
bool Counted(const store::Timeline& t, CivilDate from, CivilDate to);

}  // namespace ruralec::designation::internal
