// SQL edge of the evaluation: builds Subjects from entities, brands, the ledger and tags.
#include <unordered_map>

#include "award/data.h"
#include "sales/totals.h"

namespace ruralec::award {
namespace {

std::pair<std::string, std::string> Range(const RegionCode& scope) {
  std::string prefix(scope.prefix());
  return {prefix + std::string(12 - prefix.size(), '0'),
          prefix + std::string(12 - prefix.size(), '9')};
}

// Tags of every region in the subtree and of the scope's ancestors, by region code.
Result<std::unordered_map<std::string, std::vector<std::string>>> LoadTags(
    storage::Connection& conn, const RegionCode& scope) {
  std::unordered_map<std::string, std::vector<std::string>> tags;
  auto [lo, hi] = Range(scope);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT region_code, tag FROM region_tags WHERE "
                                         "region_code >= ? AND region_code <= ?",
                                         {lo, hi}));
  for (const auto& r : rows) tags[r.Text(0)].push_back(r.Text(1));
  for (RegionCode c = scope.parent(); !c.empty(); c = c.parent()) {
    ASSIGN_OR_RETURN(auto up, conn.Query("SELECT region_code, tag FROM region_tags WHERE "
                                         "region_code = ?",
                                         {c.str()}));
    for (const auto& r : up) tags[r.Text(0)].push_back(r.Text(1));
  }
  return tags;
}

std::set<std::string> TagsOf(const std::unordered_map<std::string, std::vector<std::string>>& all,
                             const std::string& code) {
  std::set<std::string> out;
  auto rc = RegionCode::Parse(code);
  if (!rc.ok()) return out;
  for (RegionCode c = *rc; !c.empty(); c = c.parent()) {
    auto it = all.find(c.str());
    if (it != all.end()) out.insert(it->second.begin(), it->second.end());
  }
  return out;
}

Subject EntitySubject(const storage::Row& r) {
  Subject s;
  s.kind = "entity";
  s.id = r.Int(0);
  s.payee_entity_id = s.id;
  s.name = r.Text(1);
  std::string kind = r.Text(2);
  s.region_code = r.Text(3);
  if (kind == "enterprise") s.flags.insert("enterprise");
  if (kind == "cooperative") s.flags.insert("cooperative");
  if (r.Int(4)) s.flags.insert("linkage_model");
  if (r.Int(5)) s.flags.insert("contract_farming");
  if (r.Int(6)) s.flags.insert("employs_poor");
  s.personal_name = kind == "individual_business" || kind == "family_farm";
  return s;
}

void Add(Subject& s, const char* metric, int64_t value, int64_t record_id) {
  s.metrics[metric] += value;
  s.evidence[metric].push_back(record_id);
}

}  // namespace

Result<SubjectData> LoadSubjects(storage::Connection& conn, const RegionCode& scope, int year) {
  auto [lo, hi] = Range(scope);
  ASSIGN_OR_RETURN(auto tags, LoadTags(conn, scope));
  ASSIGN_OR_RETURN(auto erows, conn.Query("SELECT id, name, kind, region_code, linkage_model, "
                                          "contract_farming, employs_poor FROM entities WHERE "
                                          "region_code >= ? AND region_code <= ? ORDER BY id",
                                          {lo, hi}));
  std::vector<Subject> entities, exports, brands;
  std::unordered_map<int64_t, size_t> entity_at, export_at, brand_at;
  entities.reserve(erows.size());
  for (const auto& r : erows) {
    entity_at[r.Int(0)] = entities.size();
    entities.push_back(EntitySubject(r));
    entities.back().region_tags = TagsOf(tags, entities.back().region_code);
  }
  ASSIGN_OR_RETURN(auto brows, conn.Query("SELECT b.id, b.name, b.entity_id FROM brands b JOIN "
                                          "entities e ON e.id = b.entity_id WHERE "
                                          "e.region_code >= ? AND e.region_code <= ? "
                                          "ORDER BY b.id",
                                          {lo, hi}));
  for (const auto& r : brows) {
    auto owner = entity_at.find(r.Int(2));
    if (owner == entity_at.end()) continue;
    Subject b = entities[owner->second];
    b.kind = "brand";
    b.id = r.Int(0);
    b.name = r.Text(1);
    b.personal_name = false;
    brand_at[b.id] = brands.size();
    brands.push_back(std::move(b));
  }
  RETURN_IF_ERROR(sales::ScanYear(conn, scope, year, [&](const sales::LedgerRow& row) {
    auto e = entity_at.find(row.entity_id);
    if (e == entity_at.end()) return;
    Subject& s = entities[e->second];
    Add(s, "online_sales", row.amount_fen, row.id);
    if (row.uplink) Add(s, "uplink_online_sales", row.amount_fen, row.id);
    if (row.brand_id) {
      auto b = brand_at.find(*row.brand_id);
      if (b != brand_at.end()) {
        Add(brands[b->second], "online_sales", row.amount_fen, row.id);
        if (row.uplink) Add(brands[b->second], "uplink_online_sales", row.amount_fen, row.id);
      }
    }
    if (row.export_usd_cents) {
      auto [it, fresh] = export_at.try_emplace(row.entity_id, exports.size());
      if (fresh) {
        Subject x = s;
        x.kind = "export";
        x.metrics.clear();
        x.evidence.clear();
        exports.push_back(std::move(x));
      }
      Add(exports[it->second], "online_export_sales", *row.export_usd_cents, row.id);
    }
  }));
  // An export subject also carries the entity's full-year sales figures.
  for (auto& x : exports) {
    const Subject& s = entities[entity_at[x.id]];
    for (const char* m : {"online_sales", "uplink_online_sales"}) {
      auto v = s.metrics.find(m);
      if (v == s.metrics.end()) continue;
      x.metrics[m] = v->second;
      x.evidence[m] = s.evidence.at(m);
    }
  }
  std::sort(exports.begin(), exports.end(),
            [](const Subject& a, const Subject& b) { return a.id < b.id; });
  SubjectData d;
  d.by_kind["entity"] = std::move(entities);
  d.by_kind["brand"] = std::move(brands);
  d.by_kind["export"] = std::move(exports);
  d.metrics = {"online_sales", "uplink_online_sales", "online_export_sales"};
  return d;
}

}  // namespace ruralec::award
