#include "matching/demo.h"

#include <cstdio>

#include "households/households.h"
#include "station/station.h"

namespace ruralec::matching {
namespace {

constexpr const char* kProducts[] = {"酥梨", "山芋", "大豆"};

Result<int64_t> Listings(const Deps& d, const account::Principal& who, const RegionCode& county,
                         CivilDate today) {
  ASSIGN_OR_RETURN(auto stations, station::List({d.db, d.audit, d.clock, d.cipher}, who,
                                                station::Filter{county}, {1, 12}));
  households::Filter hf;
  hf.region = county;
  ASSIGN_OR_RETURN(auto hs, households::List({d.db, d.audit, d.clock, d.cipher}, who, hf, {1, 6}));
  int64_t n = 0;
  for (const auto& s : stations.items) {
    ListingInput in;
    in.station_id = s.id;
    in.village = s.region.level() == RegionLevel::kVillage ? s.region : RegionCode();
    if (n < static_cast<int64_t>(hs.items.size())) in.household_id = hs.items[n].id;
    if (in.village.empty() && !in.household_id) continue;  // a town station without a household
    char contact[16];
    std::snprintf(contact, sizeof contact, "1380000%04d", static_cast<int>(n + 1));
    in.seller_name = "演示卖方" + std::to_string(n + 1);
    in.contact = contact;
    in.product = kProducts[n % 3];
    in.unit = "斤";
    in.quantity = 500 + 100 * n;
    if (n % 4 != 3) in.price_fen = 200 + 10 * n;
    in.available_from = today;
    in.available_to = today.AddDays(60);
    in.note = "演示数据";
    RETURN_IF_ERROR(CreateListing(d, who, in));
    ++n;
  }
  return n;
}

// A demand of the demo entity for 酥梨 and its best proposal accepted.
Result<int64_t> DemandAndMatch(const Deps& d, const account::Principal& who, int64_t entity,
                               CivilDate today) {
  DemandInput in;
  in.entity_id = entity;
  in.product = "酥梨";
  in.unit = "斤";
  in.quantity = 2000;
  in.price_max_fen = 300;
  in.wanted_from = today;
  in.wanted_to = today.AddDays(45);
  in.note = "演示数据";
  ASSIGN_OR_RETURN(Demand dm, CreateDemand(d, who, in));
  ASSIGN_OR_RETURN(auto proposals, Proposals(d, who, dm.id, {1, 1}));
  if (proposals.items.empty()) return 0;
  RETURN_IF_ERROR(
      AcceptProposal(d, who, dm.id, proposals.items[0].listing.id, std::nullopt, std::nullopt));
  return 1;
}

Status DemoAgreement(const Deps& d, const account::Principal& who, int64_t entity,
                     std::optional<int64_t> household, CivilDate today) {
  AgreementInput in;
  in.entity_id = entity;
  in.agreement_no = "DEMO-HT-001";
  in.title = "酥梨订单收购协议（演示数据）";
  in.model = "order_farming";
  in.signed_on = today.AddDays(-365);
  in.valid_from = in.signed_on;
  in.valid_to = today.AddDays(365);
  in.parties.push_back({PartyKind::kCoop, "演示酥梨专业合作社（演示数据）", {}, {}});
  if (household) in.parties.push_back({PartyKind::kHousehold, "演示户", household, {}});
  in.products.push_back({"酥梨", "斤", 50000, 220});
  ASSIGN_OR_RETURN(auto a, CreateAgreement(d, who, in));
  for (int k = 1; k <= 3; ++k) {
    CivilDate day = today.AddDays(-30 * k);
    char month[8];
    std::snprintf(month, sizeof month, "%04d-%02d", day.year(), day.month());
    RETURN_IF_ERROR(RecordSales(d, who, a.id, {month, 1'200'000 + 150'000 * k, "演示订单导出"}));
  }
  return {};
}

}  // namespace

Result<DemoSummary> GenerateDemo(const Deps& d, const account::Principal& who,
                                 const RegionCode& county, int64_t entity) {
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  DemoSummary out;
  ASSIGN_OR_RETURN(out.listings, Listings(d, who, county, today));
  ASSIGN_OR_RETURN(out.matches, DemandAndMatch(d, who, entity, today));
  out.demands = 1;
  households::Filter hf;
  hf.region = county;
  ASSIGN_OR_RETURN(auto hs, households::List({d.db, d.audit, d.clock, d.cipher}, who, hf, {1, 1}));
  std::optional<int64_t> household;
  if (!hs.items.empty()) household = hs.items[0].id;
  RETURN_IF_ERROR(DemoAgreement(d, who, entity, household, today));
  out.agreements = 1;
  return out;
}

}  // namespace ruralec::matching
