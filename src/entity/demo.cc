#include "entity/demo.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "region/region.h"

namespace ruralec::entity {
namespace {

constexpr std::string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

struct Product {
  const char* name;      // in the business name
  const char* category;  // the ledger's category
  const char* brand;     // brand stem ("" = none)
};
constexpr Product kProducts[] = {
    {"酥梨", "水果", "皇藏峪酥梨"}, {"烧鸡", "熟食", "符离集烧鸡"}, {"面粉", "粮油", "埇桥面粉"},
    {"果蔬", "蔬菜", ""},           {"禽蛋", "禽蛋", ""},           {"羊肉", "肉类", "埇桥羊肉"},
    {"土特产", "土特产", ""},       {"粮油", "粮油", ""},           {"石榴", "水果", "塔山石榴"},
    {"家纺", "日用品", ""},
};

struct KindModel {
  Kind kind;
  const char* suffix;
  const char* uscc_prefix;  // registration authority + organisation type
};
constexpr KindModel kKinds[] = {
    {Kind::kEnterprise, "电子商务有限公司", "91"},
    {Kind::kCooperative, "种养专业合作社", "93"},
    {Kind::kFamilyFarm, "家庭农场", "92"},
    {Kind::kIndividualBusiness, "网店", "92"},
};

std::string ShortTown(std::string name) {
  for (const char* cut : {"街道办事处", "街道", "镇", "乡"}) {
    std::string s(cut);
    if (name.size() > s.size() && name.ends_with(s)) return name.substr(0, name.size() - s.size());
  }
  return name;
}

// A valid, recognisable demo credit code: prefix + county + "DM" + 7 digits + check.
std::string DemoUscc(const char* prefix, const RegionCode& county, int n) {
  char digits[8];
  std::snprintf(digits, sizeof digits, "%07d", n);
  std::string first17 = std::string(prefix) + std::string(county.prefix()) + "DM" + digits;
  return first17 + UsccCheck(first17);
}

Result<DemoBusiness> AddOne(storage::Connection& conn, const crypto::FieldCipher& cipher,
                            const account::Principal& who, const region::Region& town, int n,
                            std::mt19937& rng, int64_t now_ms) {
  const Product& p = kProducts[rng() % std::size(kProducts)];
  // The first business of a town is an enterprise, so every town has one to rank.
  const KindModel& k = n % 3 == 0 ? kKinds[0] : kKinds[1 + rng() % 3];
  NewEntity e;
  e.uscc = DemoUscc(k.uscc_prefix, who.region.county(), n);
  e.name = ShortTown(town.name) + p.name + k.suffix + "（演示）";
  e.kind = k.kind;
  e.region = town.code;
  e.registered_on = CivilDate(2014 + static_cast<int>(rng() % 5), 1 + rng() % 12, 1 + rng() % 28);
  e.contact_name = "演示联系人";
  e.linkage.model = rng() % 3 == 0;
  e.linkage.contract_farming = rng() % 2 == 0;
  e.linkage.employs_poor = rng() % 4 == 0;
  DemoBusiness b{0, k.kind, town.code, e.name, p.category, 0, 0, n};
  ASSIGN_OR_RETURN(b.id, Insert(conn, cipher, who, e, now_ms));
  static constexpr const char* kPlatforms[] = {"淘宝", "京东", "拼多多", "抖音"};
  Shop shop{0, b.id, kPlatforms[rng() % 4], e.name + "的网店", "demo-shop-" + std::to_string(n)};
  ASSIGN_OR_RETURN(b.shop_id, AddShop(conn, shop, now_ms));
  if (*p.brand && k.kind != Kind::kIndividualBusiness && rng() % 2 == 0) {
    Brand brand{0,  b.id,         std::string(p.brand) + "·" + ShortTown(town.name) + "（演示）",
                "", {p.category}, rng() % 3 == 0};
    ASSIGN_OR_RETURN(b.brand_id, AddBrand(conn, brand, now_ms));
  }
  return b;
}

}  // namespace

char UsccCheck(std::string_view first17) {
  int sum = 0, weight = 1;
  for (char c : first17.substr(0, 17)) {
    size_t v = kUsccChars.find(c);
    sum += static_cast<int>(v == std::string_view::npos ? 0 : v) * weight;
    weight = weight * 3 % 31;
  }
  return kUsccChars[(31 - sum % 31) % 31];
}

Result<std::vector<DemoBusiness>> GenerateDemo(storage::Connection& conn,
                                               const crypto::FieldCipher& cipher,
                                               const account::Principal& who,
                                               const RegionCode& county, int64_t now_ms) {
  ASSIGN_OR_RETURN(auto towns, region::Children(conn, county, {1, PageRequest::kMaxPageSize}));
  std::mt19937 rng(std::stoul(std::string(county.prefix())));
  std::vector<DemoBusiness> out;
  Status st = storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    int n = 0;
    for (const auto& town : towns.items) {
      int count = 2 + static_cast<int>(rng() % 2);
      for (int i = 0; i < count; ++i) {
        ASSIGN_OR_RETURN(auto b, AddOne(conn, cipher, who, town, n, rng, now_ms));
        out.push_back(std::move(b));
        ++n;
      }
      n += 3 - count;  // the next town starts at a multiple of 3: its first is an enterprise
    }
    return {};
  });
  if (!st.ok()) return st.take_error();
  // Rank: a shuffled order of the enterprises first, so the largest sellers are companies.
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  std::stable_partition(order.begin(), order.end(),
                        [&](size_t i) { return out[i].kind == Kind::kEnterprise; });
  for (size_t r = 0; r < order.size(); ++r) out[order[r]].rank = static_cast<int>(r);
  return out;
}

}  // namespace ruralec::entity
