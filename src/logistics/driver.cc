// The driver's confirmation of a stop (daily_plan.h "the driver's confirmation"): idempotent by
// the phone's key, scan events through the ledger, pickups collected, one transaction.
#include <algorithm>
#include <set>

#include "account/stamp.h"
#include "core/validate.h"
#include "logistics/daily_plan.h"
#include "logistics/daily_plan_internal.h"
#include "logistics/daily_plan_store.h"
#include "logistics/parcels.h"

namespace ruralec::logistics {
namespace {

Status CheckKey(const std::string& key) {
  const bool ok =
      key.size() >= 8 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
      });
  if (!ok) return Error::Invalid("client_key", "确认编号应为 8 到 64 位字母、数字、- 或 _");
  return {};
}

// The stop on a route of the published plan.
Result<const PlanStop*> FindStop(const DailyPlan& p, int64_t stop_id) {
  for (const auto& r : p.routes)
    for (const auto& s : r.stops)
      if (s.id == stop_id) return &s;
  for (const auto& s : p.unassigned)
    if (s.id == stop_id) return Error::Conflict("该站点未安排车辆，不能确认");
  return Error::NotFound("站点 " + std::to_string(stop_id) + " 不在该计划中");
}

const char* OutcomeOf(int64_t signed_count, int64_t problems) {
  if (problems == 0) return signed_count > 0 ? "delivered" : "visited";
  return signed_count > 0 ? "partial" : "problem";
}

// The scans of the stop's parcels, each through the ledger's checks.
Status Scans(storage::Connection& conn, const Ingest& ing, const PlanStop& stop,
             const StopConfirmation& c, const std::string& at, ConfirmOutcome& out) {
  const std::set<int64_t> problems(c.problem_waybill_ids.begin(), c.problem_waybill_ids.end());
  NodeCache nodes;
  std::set<int64_t> touched;
  for (const WaybillRef& w : stop.waybills) {
    ScanInput in;
    in.carrier = w.carrier;
    in.waybill_no = w.waybill_no;
    const bool problem = problems.count(w.id) > 0;
    in.scan_type = problem ? "problem" : "signed";
    in.reason = problem ? c.problem_reason : "";
    in.scanned_at = at;
    in.node_code = stop.node_code;
    in.source = "driver";
    ASSIGN_OR_RETURN(Event e, CheckScan(conn, ing, in, nodes));
    ASSIGN_OR_RETURN(RowResult r, StoreEvent(conn, ing, e, "", touched));
    (void)r;
    ++(problem ? out.problems : out.signed_count);
  }
  return RefreshWaybills(conn, ing, touched);
}

}  // namespace

Result<ConfirmOutcome> ConfirmStop(const Deps& d, const account::Principal& who, int64_t plan_id,
                                   int64_t stop_id, const StopConfirmation& c) {
  RETURN_IF_ERROR(NeedIngest(who));
  RETURN_IF_ERROR(CheckKey(c.client_key));
  ASSIGN_OR_RETURN(std::string note, validate::ValidateText(c.note, {"note", "备注", 200, true}));
  const std::string at =
      c.confirmed_at.empty() ? FormatScanTime(d.clock.NowMs(), 480) : c.confirmed_at;
  auto conn = d.db.Acquire();
  return storage::InTransaction<ConfirmOutcome>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ConfirmOutcome> {
        ASSIGN_OR_RETURN(DailyPlan p, internal::LoadPlan(*conn, who, plan_id));
        ConfirmOutcome out;
        out.stop_id = stop_id;
        const RegionCode county = p.region.county();
        ASSIGN_OR_RETURN(auto seen, store::FindConfirmation(*conn, county, c.client_key));
        if (seen) {
          if (seen->stop_id != stop_id)
            return Error::Conflict("该确认编号已用于其他站点", "client_key");
          out.duplicate = true;
          out.confirmation_id = seen->id;
          out.outcome = seen->outcome;
          return out;
        }
        if (p.status != "published") return Error::Conflict("配送计划尚未发布，不能确认站点");
        ASSIGN_OR_RETURN(const PlanStop* stop, FindStop(p, stop_id));
        for (int64_t w : c.problem_waybill_ids) {
          if (std::find(stop->waybill_ids.begin(), stop->waybill_ids.end(), w) ==
              stop->waybill_ids.end())
            return Error::Invalid("problem_waybill_ids",
                                  "运单 " + std::to_string(w) + " 不在该站点");
        }
        if (!c.problem_waybill_ids.empty() && c.problem_reason.empty())
          return Error::Invalid("problem_reason", "问题件须填写原因");
        Ingest ing{d, who, Source::kDriver};
        RETURN_IF_ERROR(Scans(*conn, ing, *stop, c, at, out));
        if (c.picked_up && !stop->pickup_ids.empty()) {
          RETURN_IF_ERROR(store::MarkPickupsCollected(*conn, stop->pickup_ids, d.clock.NowMs()));
          out.pickups_collected = static_cast<int64_t>(stop->pickup_ids.size());
        }
        out.outcome = OutcomeOf(out.signed_count, out.problems);
        const auto stamp = account::StampOf(who, d.clock.NowMs());
        ASSIGN_OR_RETURN(out.confirmation_id,
                         store::InsertConfirmation(*conn, county, stop_id, c.client_key,
                                                   out.outcome, note, stamp));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "logistics.stop.confirm", "logistics_daily_plan", plan_id,
                                    "stop=" + stop->node_code + " outcome=" + out.outcome +
                                        " signed=" + std::to_string(out.signed_count) +
                                        " problems=" + std::to_string(out.problems))));
        return out;
      });
}

}  // namespace ruralec::logistics
