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

// Sums and record ids of one subject while the ledger is scanned (plain fields: the scan
// touches each of a million rows, so no map look-ups here).
struct Acc {
  int64_t online = 0, uplink = 0, exported = 0;
  std::vector<int64_t> online_ids, uplink_ids, export_ids;
  void Add(const sales::LedgerRow& row) {
    online += row.amount_fen;
    online_ids.push_back(row.id);
    if (row.uplink) {
      uplink += row.amount_fen;
      uplink_ids.push_back(row.id);
    }
  }
};

void Put(Subject& s, const char* metric, int64_t value, std::vector<int64_t> ids) {
  if (ids.empty()) return;
  s.metrics[metric] = value;
  s.evidence[metric] = std::move(ids);
}

void PutSales(Subject& s, Acc& a) {
  Put(s, "online_sales", a.online, std::move(a.online_ids));
  Put(s, "uplink_online_sales", a.uplink, std::move(a.uplink_ids));
}

Result<std::vector<Subject>> LoadEntities(storage::Connection& conn, const RegionCode& scope) {
  auto [lo, hi] = Range(scope);
  ASSIGN_OR_RETURN(auto tags, LoadTags(conn, scope));
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, name, kind, region_code, linkage_model, "
                                         "contract_farming, employs_poor FROM entities WHERE "
                                         "region_code >= ? AND region_code <= ? ORDER BY id",
                                         {lo, hi}));
  std::vector<Subject> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back(EntitySubject(r));
    out.back().region_tags = TagsOf(tags, out.back().region_code);
  }
  return out;
}

// Brands of the entities in scope; the owner's region, tags and flags, paid to the owner.
Result<std::vector<Subject>> LoadBrands(storage::Connection& conn, const RegionCode& scope,
                                        const std::vector<Subject>& entities,
                                        const std::unordered_map<int64_t, size_t>& entity_at) {
  auto [lo, hi] = Range(scope);
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT b.id, b.name, b.entity_id FROM brands b JOIN "
                                         "entities e ON e.id = b.entity_id WHERE "
                                         "e.region_code >= ? AND e.region_code <= ? "
                                         "ORDER BY b.id",
                                         {lo, hi}));
  std::vector<Subject> out;
  for (const auto& r : rows) {
    auto owner = entity_at.find(r.Int(2));
    if (owner == entity_at.end()) continue;
    Subject b = entities[owner->second];
    b.kind = "brand";
    b.id = r.Int(0);
    b.name = r.Text(1);
    b.personal_name = false;
    out.push_back(std::move(b));
  }
  return out;
}

std::unordered_map<int64_t, size_t> IndexOf(const std::vector<Subject>& v) {
  std::unordered_map<int64_t, size_t> at;
  at.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) at[v[i].id] = i;
  return at;
}

// An export subject per entity with export amounts; it also carries the entity's sales.
std::vector<Subject> Exports(const std::vector<Subject>& entities, std::vector<Acc>& acc) {
  std::vector<Subject> out;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (acc[i].export_ids.empty()) continue;
    Subject x = entities[i];
    x.kind = "export";
    x.metrics.clear();
    x.evidence.clear();
    Put(x, "online_export_sales", acc[i].exported, std::move(acc[i].export_ids));
    Put(x, "online_sales", acc[i].online, acc[i].online_ids);
    Put(x, "uplink_online_sales", acc[i].uplink, acc[i].uplink_ids);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

Result<SubjectData> LoadSubjects(storage::Connection& conn, const RegionCode& scope, int year) {
  ASSIGN_OR_RETURN(std::vector<Subject> entities, LoadEntities(conn, scope));
  auto entity_at = IndexOf(entities);
  ASSIGN_OR_RETURN(std::vector<Subject> brands, LoadBrands(conn, scope, entities, entity_at));
  auto brand_at = IndexOf(brands);
  std::vector<Acc> eacc(entities.size()), bacc(brands.size());
  RETURN_IF_ERROR(sales::ScanYear(conn, scope, year, [&](const sales::LedgerRow& row) {
    auto e = entity_at.find(row.entity_id);
    if (e == entity_at.end()) return;
    Acc& a = eacc[e->second];
    a.Add(row);
    if (row.export_usd_cents) {
      a.exported += *row.export_usd_cents;
      a.export_ids.push_back(row.id);
    }
    if (!row.brand_id) return;
    auto b = brand_at.find(*row.brand_id);
    if (b != brand_at.end()) bacc[b->second].Add(row);
  }));
  std::vector<Subject> exports = Exports(entities, eacc);
  for (size_t i = 0; i < entities.size(); ++i) PutSales(entities[i], eacc[i]);
  for (size_t i = 0; i < brands.size(); ++i) PutSales(brands[i], bacc[i]);
  SubjectData d;
  d.by_kind["entity"] = std::move(entities);
  d.by_kind["brand"] = std::move(brands);
  d.by_kind["export"] = std::move(exports);
  d.metrics = {"online_sales", "uplink_online_sales", "online_export_sales"};
  return d;
}

}  // namespace ruralec::award
