// Shared by daily_plan.cc and driver.cc (not published).
#pragma once

#include "account/account.h"
#include "logistics/daily_plan.h"
#include "storage/db.h"

namespace ruralec::logistics::internal {

// The plan with its routes and stops (node, vehicle, waybill and confirmation fields filled);
// "not found" outside the caller's scope.
Result<DailyPlan> LoadPlan(storage::Connection& conn, const account::Principal& who, int64_t id);

}  // namespace ruralec::logistics::internal
