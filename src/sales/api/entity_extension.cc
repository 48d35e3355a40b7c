// What sales adds to the entity routes (entity/api/extensions.h): the twelve months of the
// entity's ledger in GET /entities/{id} ("monthly"), and its ledger rows following a region move.
#include "entity/api/extensions.h"
#include "sales/api/common.h"
#include "sales/api/sales_handlers.h"

namespace ruralec::sales::api {
namespace {

Status AddMonthly(storage::Connection& conn, int64_t entity_id, int year, Json& out) {
  ASSIGN_OR_RETURN(auto months, queries::Monthly(conn, entity_id, year));
  Json m = Json::array();
  for (const auto& x : months) {
    m.push_back({{"period", x.period},
                 {"uplink_fen", x.uplink_fen},
                 {"downlink_fen", x.downlink_fen},
                 {"agricultural_uplink_fen", x.agricultural_uplink_fen},
                 {"export_usd_cents", x.export_usd_cents}});
  }
  out["monthly"] = {{"year", year}, {"months", m}};
  return {};
}

}  // namespace

void ExtendEntityRoutes() { entity::api::Extend("sales", {AddMonthly, FollowEntityRegion}); }

}  // namespace ruralec::sales::api
