#include "households/demo.h"

#include "households/help.h"
#include "households/purchases.h"
#include "region/region.h"

namespace ruralec::households {
namespace {

constexpr int kPerVillage = 6;

// A check-digit-valid 身份证号 of the county, born on a day of 1960–1989 chosen by `n`.
std::string DemoId(const RegionCode& county, int64_t n) {
  static const int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char kCheck[] = "10X98765432";
  char birth[16];
  std::snprintf(birth, sizeof birth, "%04d%02d%02d", static_cast<int>(1960 + n % 30),
                static_cast<int>(1 + n % 12), static_cast<int>(1 + n % 28));
  char seq[8];
  std::snprintf(seq, sizeof seq, "%03d", static_cast<int>(n % 1000));
  std::string id = county.str().substr(0, 6) + birth + seq;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  return id + kCheck[sum % 11];
}

HouseholdInput DemoHousehold(const RegionCode& village, int64_t n, CivilDate said) {
  static const char* const kProducts[] = {"酥梨", "山芋", "小麦", "大豆", "土鸡蛋", "蜂蜜"};
  HouseholdInput in;
  in.region = village;
  in.head_name = "演示户" + std::to_string(n);
  in.id_number = DemoId(village.county(), n);
  in.members = static_cast<int>(2 + n % 4);
  in.status = n % 5 == 0   ? PovertyStatus::kLifted
              : n % 7 == 0 ? PovertyStatus::kMonitored
                           : PovertyStatus::kRegistered;
  if (in.status == PovertyStatus::kLifted) in.lifted_year = 2019 + static_cast<int>(n % 2);
  in.willing = n % 3 != 0;
  in.able = n % 4 != 1;
  if (in.willing) in.willing_on = said;
  if (in.able) in.able_on = said;
  in.products = {kProducts[n % 6], kProducts[(n + 2) % 6]};
  in.helpers = {{HelperKind::kUnit, "区商务局（演示数据）", std::nullopt}};
  return in;
}

PurchaseInput DemoPurchase(int64_t buyer, const Household& h, int64_t n, CivilDate on) {
  PurchaseInput p;
  p.entity_id = buyer;
  p.household_id = h.id;
  p.product = h.products.empty() ? "酥梨" : h.products[0];
  p.quantity = 100 + n % 400;
  p.unit = "斤";
  p.amount_fen = p.quantity * (150 + n % 100);
  p.purchased_on = on;
  p.evidence_kind = n % 2 ? "transfer" : "receipt";
  p.evidence_no = "DEMO-" + std::to_string(100000 + n);
  return p;
}

// Purchases, an employment or a shop for the household `n` of the demo (some get none).
Status Help(const Deps& d, const account::Principal& who, int64_t buyer, const Household& h,
            int64_t n, CivilDate today, DemoSummary& out) {
  if (n % 2 == 0) {
    for (int k = 0; k < 2; ++k) {
      CivilDate on = today.AddDays(-static_cast<int>(20 + (n * 37 + k * 90) % 300));
      auto p = RecordPurchase(d, who, DemoPurchase(buyer, h, n * 10 + k, on));
      if (!p.ok()) return p.take_error();
      ++out.purchases;
    }
  }
  if (n % 9 == 1) {
    EmploymentInput e{buyer, "演示成员" + std::to_string(n), "分拣打包", today.AddDays(-200),
                      std::nullopt};
    if (auto r = AddEmployment(d, who, h.id, e); !r.ok()) return r.take_error();
    ++out.employments;
  }
  if (n % 11 == 3) {
    ShopInput s{"微店",
                "演示户" + std::to_string(n) + "的土特产店",
                "",
                std::nullopt,
                today.AddDays(-150),
                std::nullopt};
    if (auto r = AddShop(d, who, h.id, s); !r.ok()) return r.take_error();
    ++out.shops;
  }
  return {};
}

}  // namespace

Result<DemoSummary> GenerateDemo(const Deps& d, const account::Principal& who,
                                 const RegionCode& county, int64_t buyer) {
  std::vector<region::Division> villages;
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(villages, region::AtLevelIn(*conn, county, RegionLevel::kVillage));
  }
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  CivilDate said = today.AddDays(-330);
  DemoSummary out;
  int64_t n = 0;
  for (size_t v = 0; v < villages.size(); v += 4) {
    if (!region::IsVillageCommittee(villages[v].name)) continue;
    for (int i = 0; i < kPerVillage; ++i) {
      ++n;
      ASSIGN_OR_RETURN(Household h, Register(d, who, DemoHousehold(villages[v].code, n, said)));
      ++out.households;
      if (h.willing && h.able) ++out.willing_and_able;
      RETURN_IF_ERROR(Help(d, who, buyer, h, n, today, out));
    }
  }
  return out;
}

}  // namespace ruralec::households
