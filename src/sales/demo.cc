#include "sales/demo.h"

#include <random>
#include <string>

#include "sales/sales.h"

namespace ruralec::sales {
namespace {

// Share of the year's sales by month, in per mille: January (年货) and November (双十一) peak.
constexpr int kSeason[12] = {120, 70, 60, 65, 70, 75, 70, 75, 85, 90, 130, 90};
static_assert(kSeason[0] + kSeason[1] + kSeason[2] + kSeason[3] + kSeason[4] + kSeason[5] +
                  kSeason[6] + kSeason[7] + kSeason[8] + kSeason[9] + kSeason[10] + kSeason[11] ==
              1000);

// The year's uplink in fen by rank: 0-1 above 1000万元, 2-7 between 100万 and 600万, then
// between 5万 and 80万.
int64_t YearUplink(int rank, std::mt19937& rng) {
  constexpr int64_t kWan = 1'000'000;  // 1万元 in fen
  if (rank < 2) return (1200 + static_cast<int64_t>(rng() % 1300)) * kWan;
  if (rank < 8) return (110 + static_cast<int64_t>(rng() % 490)) * kWan;
  return (5 + static_cast<int64_t>(rng() % 75)) * kWan;
}

SalesInput Row(const entity::DemoBusiness& b, int year, int month, Direction dir, Fen amount) {
  SalesInput in;
  in.entity_id = b.id;
  in.shop_id = b.shop_id;
  char period[8];
  std::snprintf(period, sizeof period, "%04d-%02d", year, month);
  in.period = period;
  in.platform = "淘宝";
  in.direction = dir;
  in.agricultural = dir == Direction::kUplink;
  in.category = dir == Direction::kUplink ? b.product : "日用品";
  in.amount = amount;
  in.orders = amount.value / 6000 + 1;  // about 60 元 an order
  return in;
}

Status AddBusiness(storage::Connection& conn, const account::Principal& who,
                   const entity::DemoBusiness& b, int year, std::mt19937& rng, int64_t now_ms,
                   DemoLedger& out) {
  int64_t year_fen = YearUplink(b.rank, rng);
  for (int m = 1; m <= 12; ++m) {
    int64_t jitter = 900 + static_cast<int64_t>(rng() % 200);  // ±10%
    int64_t month_fen = year_fen * kSeason[m - 1] / 1000 * jitter / 1000;
    // A brand's products sell under the brand: its share of the month gets its own row.
    int64_t brand_fen = b.brand_id ? month_fen * 6 / 10 : 0;
    SalesInput up = Row(b, year, m, Direction::kUplink, Fen{month_fen - brand_fen});
    RETURN_IF_ERROR(Record(conn, who, up, {}, now_ms));
    if (brand_fen) {
      SalesInput br = Row(b, year, m, Direction::kUplink, Fen{brand_fen});
      br.brand_id = b.brand_id;
      br.shop_id.reset();
      br.platform = "京东";
      RETURN_IF_ERROR(Record(conn, who, br, {}, now_ms));
      ++out.rows;
    }
    SalesInput down = Row(b, year, m, Direction::kDownlink, Fen{month_fen / 5});
    RETURN_IF_ERROR(Record(conn, who, down, {}, now_ms));
    out.rows += 2;
    out.uplink_fen += month_fen;
  }
  return {};
}

}  // namespace

Result<DemoLedger> GenerateDemo(storage::Connection& conn, const account::Principal& who,
                                const std::vector<entity::DemoBusiness>& businesses, int year,
                                int64_t now_ms) {
  std::mt19937 rng(static_cast<uint32_t>(year) * 7919u + businesses.size());
  DemoLedger out;
  Status st = storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    for (const auto& b : businesses)
      RETURN_IF_ERROR(AddBusiness(conn, who, b, year, rng, now_ms, out));
    return {};
  });
  if (!st.ok()) return st.take_error();
  return out;
}

}  // namespace ruralec::sales
