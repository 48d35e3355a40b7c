// Reads other modules make of entities, brands and shops: names for a page of their rows in one
// query per 500 ids, and registrations counted per region code.
#include <algorithm>

#include "entity/entity.h"

namespace ruralec::entity {
namespace {

// Calls `fn` with the rows of `select … WHERE id IN (…)` for the distinct ids, 500 at a time
// (bounds the parameters per statement).
template <typename Fn>
Status ById(storage::Connection& conn, const std::string& select, std::vector<int64_t> ids, Fn fn) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  constexpr size_t kChunk = 500;
  for (size_t i = 0; i < ids.size(); i += kChunk) {
    size_t n = std::min(kChunk, ids.size() - i);
    std::string sql = select + " WHERE id IN (?";
    for (size_t k = 1; k < n; ++k) sql += ", ?";
    storage::Params p(ids.begin() + static_cast<std::ptrdiff_t>(i),
                      ids.begin() + static_cast<std::ptrdiff_t>(i + n));
    ASSIGN_OR_RETURN(auto rows, conn.Query(sql + ")", p));
    for (const auto& r : rows) fn(r);
  }
  return {};
}

}  // namespace

Result<std::map<int64_t, EntityName>> NamesByIds(storage::Connection& conn,
                                                 std::vector<int64_t> ids) {
  std::map<int64_t, EntityName> out;
  RETURN_IF_ERROR(
      ById(conn, "SELECT id, uscc, name FROM entities", std::move(ids), [&](const storage::Row& r) {
        out[r.Int(0)] = {r.Text(1), r.Text(2)};
      }));
  return out;
}

Result<std::map<int64_t, std::string>> BrandNamesByIds(storage::Connection& conn,
                                                       std::vector<int64_t> ids) {
  std::map<int64_t, std::string> out;
  RETURN_IF_ERROR(ById(conn, "SELECT id, name FROM brands", std::move(ids),
                       [&](const storage::Row& r) { out[r.Int(0)] = r.Text(1); }));
  return out;
}

Result<std::map<int64_t, std::string>> ShopRefsByIds(storage::Connection& conn,
                                                     std::vector<int64_t> ids) {
  std::map<int64_t, std::string> out;
  RETURN_IF_ERROR(ById(conn, "SELECT id, shop_ref FROM entity_shops", std::move(ids),
                       [&](const storage::Row& r) { out[r.Int(0)] = r.Text(1); }));
  return out;
}

Result<std::map<std::string, int64_t>> RegisteredPerRegion(storage::Connection& conn,
                                                           const std::string& prefix,
                                                           const std::string& from,
                                                           const std::string& to) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT region_code, COUNT(*) FROM entities WHERE "
                                         "region_code LIKE ? AND registered_on >= ? AND "
                                         "registered_on <= ? GROUP BY region_code",
                                         {prefix + "%", from, to}));
  std::map<std::string, int64_t> out;
  for (const auto& r : rows) out[r.Text(0)] = r.Int(1);
  return out;
}

}  // namespace ruralec::entity
