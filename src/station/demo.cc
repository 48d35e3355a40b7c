#include "station/demo.h"

#include <random>

#include "account/account.h"
#include "region/region.h"
#include "station/records.h"
#include "station/records_store.h"
#include "station/station_store.h"

namespace ruralec::station {
namespace {

constexpr char kGenerated[] = "演示数据（生成）";

// Monthly figures of an item at a station of `scale` (1 = an average village point): quantity
// range and the average amount per unit in fen (0: the item has no amount).
struct ItemModel {
  const char* item;
  int lo, hi;
  int64_t fen_per_unit;
};
constexpr ItemModel kModels[] = {
    {"purchase", 20, 160, 8000}, {"uplink", 4, 60, 15000},      {"bill_payment", 30, 260, 9000},
    {"parcel_in", 120, 1400, 0}, {"parcel_out", 20, 380, 0},    {"finance", 8, 70, 50000},
    {"ticketing", 0, 12, 26000}, {"group_buying", 0, 90, 4000}, {"mobile_topup", 10, 120, 5000},
    {"information", 10, 80, 0},
};

std::string ShortName(std::string name) {
  for (const char* cut : {"村民委员会", "村委会", "居民委员会", "居委会", "委员会"}) {
    if (size_t p = name.find(cut); p != std::string::npos) name.resize(p);
  }
  return name;
}

struct Plan {
  StationInput in;
  std::vector<NewStatus> changes;  // after the registration (planned)
  double scale = 1.0;
};

Plan PlanFor(const region::Division& r, Level level, std::mt19937& rng, CivilDate today) {
  Plan p;
  p.in.region = r.code;
  p.in.level = level;
  std::string base = ShortName(r.name);
  bool named = base.ends_with("村") || base.ends_with("社区");
  p.in.name = base + (level == Level::kTown ? "电商综合服务站"
                      : named               ? "电商服务点"
                                            : "村电商服务点");
  p.in.address = ShortName(r.name) + "（" + kGenerated + "）";
  p.in.manager_name = "演示负责人";
  p.in.agreement_no = "DEMO-" + r.code.str();
  p.in.build_kind = rng() % 3 == 0 ? "upgraded" : "new";
  p.in.services = {"assisted_purchase", "assisted_sale", "bill_payment", "parcel_service"};
  if (rng() % 2) p.in.services.push_back("financial_service");
  if (rng() % 3) p.in.services.push_back("uplink_sales");
  p.in.facilities = {rng() % 2 ? "yinong_info_agency" : "village_post"};
  p.in.carriers = {"邮政", "中通"};
  p.scale = level == Level::kTown ? 3.0 : 0.5 + (rng() % 100) / 100.0;
  int roll = static_cast<int>(rng() % 100);
  CivilDate built = CivilDate(today.year() - 4, 1, 1).AddDays(rng() % 900);
  p.in.built_on = built;
  if (roll < 6) return p;  // planned
  p.changes.push_back({StationStatus::kBuilding, built, kGenerated, "DEMO"});
  if (roll < 12) return p;  // building
  CivilDate online = built.AddDays(60 + rng() % 120);
  p.in.online_on = online;
  p.changes.push_back({StationStatus::kOperating, online, kGenerated, "DEMO"});
  if (roll < 16)
    p.changes.push_back(
        {StationStatus::kSuspended, today.AddDays(-(rng() % 200)), kGenerated, "DEMO"});
  return p;
}

std::string PeriodOf(int y, int m) {
  char b[8];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}

// Twelve months of records ending with the month before `today`.
Result<int64_t> AddRecords(storage::Connection& conn, const Station& s, double scale,
                           std::mt19937& rng, CivilDate today, int64_t now) {
  std::vector<std::vector<storage::Value>> rows;
  int y = today.year(), m = today.month();
  for (int k = 0; k < 12; ++k) {
    if (--m == 0) m = 12, --y;
    std::string period = PeriodOf(y, m);
    if (s.online_on && period < s.online_on->ToString().substr(0, 7)) continue;
    double season = (m >= 9 && m <= 12) ? 1.3 : (m <= 2 ? 1.15 : 1.0);  // harvest, new year
    for (const auto& im : kModels) {
      int q = static_cast<int>((im.lo + rng() % (im.hi - im.lo + 1)) * scale * season);
      if (q == 0) continue;
      int64_t fen = im.fen_per_unit * q * (80 + static_cast<int64_t>(rng() % 41)) / 100;
      store::NewRecord r{s.id, s.region, period, im.item, q, fen, "generated"};
      r.created_at = now;
      rows.push_back(store::RecordRow(r));
    }
  }
  if (rows.empty()) return 0;
  ASSIGN_OR_RETURN(int64_t n,
                   conn.BulkInsert("station_service_records", store::RecordColumns(), rows));
  (void)n;
  return static_cast<int64_t>(rows.size());
}

}  // namespace

Result<DemoSummary> GenerateDemo(const Deps& d, const DemoOptions& o) {
  int64_t now = d.clock.NowMs();
  CivilDate today = ShanghaiDate(now);
  std::mt19937 rng(static_cast<uint32_t>(std::stoul(o.county.county().str().substr(0, 6))));
  DemoSummary sum;
  auto conn = d.db.Acquire();
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    sum = DemoSummary{};
    ASSIGN_OR_RETURN(auto towns, region::AtLevelIn(*conn, o.county, RegionLevel::kTown));
    ASSIGN_OR_RETURN(auto villages, region::AtLevelIn(*conn, o.county, RegionLevel::kVillage));
    bool op = !o.operator_village.empty();
    const RegionCode& op_region = o.operator_village;
    std::vector<std::pair<region::Division, Level>> sites;
    for (const auto& t : towns) sites.push_back({t, Level::kTown});
    for (const auto& v : villages) {
      bool mine = op && v.code == op_region;  // the demo operator's own station
      if (!mine && !region::IsVillageCommittee(v.name)) continue;
      if (!mine && static_cast<int>(rng() % 100) >= o.village_share_percent) continue;
      sites.push_back({v, Level::kVillage});
    }
    for (const auto& [r, level] : sites) {
      Plan p = PlanFor(r, level, rng, today);
      bool linked = op && level == Level::kVillage && r.code == op_region;
      if (linked && p.changes.size() < 2) {  // the operator's station is open
        p.in.online_on = p.in.built_on->AddDays(90);
        p.changes = {{StationStatus::kBuilding, *p.in.built_on, kGenerated, "DEMO"},
                     {StationStatus::kOperating, *p.in.online_on, kGenerated, "DEMO"}};
      }
      if (op && level == Level::kVillage && op_region.parent().Contains(r.code))
        p.in.operator_entity_id = o.operator_entity_id;
      NewStatus reg{StationStatus::kPlanned, p.in.built_on->AddDays(-30), kGenerated, "DEMO"};
      ASSIGN_OR_RETURN(
          int64_t id, store::Insert(*conn, d.cipher, p.in, reg, std::nullopt, {std::nullopt, now}));
      if (linked) sum.operator_station = id;
      ++sum.stations;
      for (const auto& c : p.changes) {
        ASSIGN_OR_RETURN(Station s, store::Get(*conn, id));
        RETURN_IF_ERROR(store::AddChange(*conn, s, c, {std::nullopt, now}));
      }
      ASSIGN_OR_RETURN(Station s, store::Get(*conn, id));
      if (s.status != StationStatus::kOperating) continue;  // records of the open stations
      ++sum.operating;
      ASSIGN_OR_RETURN(int64_t n, AddRecords(*conn, s, p.scale, rng, today, now));
      sum.records += n;
    }
    return {};
  });
  if (!st.ok()) return st.take_error();
  return sum;
}

}  // namespace ruralec::station
