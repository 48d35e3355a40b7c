// Ledger figures for many regions and ranges in one read (queries.h, "the same figures for many
// regions and ranges"). The rows under the common prefix with months inside any range are
// grouped by (region code, entity, brand, calendar year), with one set of conditional sums per
// range; each requested region then adds up the cells of its subtree. No HAVING: a region's
// total of a subject may span several cells (region codes), and a town is a prefix of them.
// `+is_current = 1`: see the note above Totals in ledger_store.cc.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "entity/entity.h"
#include "sales/queries.h"

namespace ruralec::sales::queries {
namespace {

using storage::Params;
using storage::Row;

bool Inside(const std::string& code, const RegionCode& region) {
  return code.rfind(region.prefix(), 0) == 0;
}

// The select list for range j: uplink, all and agricultural uplink sums of its months, and
// its row count.
std::string RangeColumns(const Range& r, Params& p) {
  std::string in = "period >= ? AND period <= ?";
  for (int i = 0; i < 4; ++i) {
    p.emplace_back(r.from_period);
    p.emplace_back(r.to_period);
  }
  return ", COALESCE(SUM(CASE WHEN " + in + " AND direction = 'uplink' THEN amount_fen END), 0)" +
         ", COALESCE(SUM(CASE WHEN " + in + " THEN amount_fen END), 0)" +
         ", COALESCE(SUM(CASE WHEN " + in +
         " AND direction = 'uplink' AND agricultural = 1 THEN amount_fen END), 0)" +
         ", COUNT(CASE WHEN " + in + " THEN 1 END)";
}

}  // namespace

std::string CommonPrefix(const std::vector<RegionCode>& regions) {
  if (regions.empty()) return "";
  std::string common(regions[0].prefix());
  for (const auto& r : regions) {
    std::string_view p = r.prefix();
    size_t n = 0;
    while (n < common.size() && n < p.size() && common[n] == p[n]) ++n;
    common.resize(n);
  }
  return common;
}

Result<std::vector<LedgerCell>> LedgerCells(storage::Connection& conn,
                                            const std::string& scope_prefix,
                                            const std::vector<Range>& ranges) {
  std::vector<LedgerCell> out;
  if (ranges.empty()) return out;
  Params p;
  std::string sql = "SELECT region_code, entity_id, brand_id, substr(period, 1, 4)";
  std::string from = ranges[0].from_period, to = ranges[0].to_period;
  for (const auto& r : ranges) {
    sql += RangeColumns(r, p);
    from = std::min(from, r.from_period);
    to = std::max(to, r.to_period);
  }
  sql +=
      " FROM sales_records WHERE +is_current = 1 AND region_code LIKE ? AND period >= ? AND "
      "period <= ? GROUP BY region_code, entity_id, brand_id, substr(period, 1, 4)";
  p.emplace_back(scope_prefix + "%");
  p.emplace_back(from);
  p.emplace_back(to);
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql, p));
  out.reserve(rows.size());
  for (const Row& row : rows) {
    LedgerCell c{row.Text(0), row.Int(1), row.OptInt(2), std::stoll(row.Text(3)), {}};
    for (size_t j = 0; j < ranges.size(); ++j) {
      size_t k = 4 + 4 * j;
      c.sums.push_back({row.Int(k), row.Int(k + 1), row.Int(k + 2), row.Int(k + 3)});
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<int64_t> SumIn(const std::vector<LedgerCell>& cells, const RegionCode& region, size_t range,
                      SumOptions o) {
  int64_t total = 0;
  for (const auto& c : cells) {
    if (!Inside(c.region_code, region)) continue;
    const RangeSums& s = c.sums.at(range);
    if (!AddMoney(&total, o.agricultural_only ? s.agricultural_uplink
                          : o.uplink_only     ? s.uplink
                                              : s.all))
      return MoneyOverflow(std::string(region.str()) + " 的网络销售额");
  }
  return total;
}

bool AnyRowsIn(const std::vector<LedgerCell>& cells, const RegionCode& region, size_t range) {
  return std::any_of(cells.begin(), cells.end(), [&](const LedgerCell& c) {
    return Inside(c.region_code, region) && c.sums.at(range).rows > 0;
  });
}

Result<int64_t> CountOverIn(const std::vector<LedgerCell>& cells, const RegionCode& region,
                            size_t range, Fen threshold, Over what, bool uplink_only) {
  std::unordered_map<int64_t, int64_t> totals;  // subject * 10000 + year → fen
  for (const auto& c : cells) {
    if (!Inside(c.region_code, region)) continue;
    if (what == Over::kBrands && !c.brand_id) continue;
    // A town is the first 9 digits of the row's code (codes are digits only).
    int64_t subject = what == Over::kEntities ? c.entity_id
                      : what == Over::kBrands ? *c.brand_id
                                              : std::stoll(c.region_code.substr(0, 9));
    const RangeSums& s = c.sums.at(range);
    if (!AddMoney(&totals[subject * 10000 + c.year], uplink_only ? s.uplink : s.all))
      return MoneyOverflow(std::string(region.str()) + " 内单个对象的网络销售额");
  }
  std::unordered_set<int64_t> over;
  for (const auto& [key, fen] : totals) {
    if (fen > threshold.value) over.insert(key / 10000);
  }
  return static_cast<int64_t>(over.size());
}

Result<std::vector<int64_t>> CountNewEntitiesByRegion(storage::Connection& conn,
                                                      const std::vector<RegionCode>& regions,
                                                      const Range& r) {
  std::vector<int64_t> out(regions.size(), 0);
  if (regions.empty()) return out;
  ASSIGN_OR_RETURN(auto per_region, entity::RegisteredPerRegion(conn, CommonPrefix(regions),
                                                                r.from_date, r.to_date));
  for (const auto& [code, count] : per_region) {
    for (size_t i = 0; i < regions.size(); ++i) {
      if (Inside(code, regions[i])) out[i] += count;
    }
  }
  return out;
}

}  // namespace ruralec::sales::queries
