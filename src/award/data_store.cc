// Data edge of the evaluation: builds Subjects from entities and brands (entity module), region
// tags (region module), the ledger (sales' year scan), the stations' service records (station
// module), the demonstration designations that count for the year (designation module) and the
// purchases from poor households and villages (households module). No SQL of its own.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "award/data.h"
#include "award/words.h"
#include "crypto/person_name.h"
#include "designation/designation.h"
#include "entity/entity.h"
#include "households/award_reads.h"
#include "households/purchases.h"
#include "matching/agreements.h"
#include "region/region.h"
#include "sales/totals.h"
#include "station/assessment.h"
#include "station/records.h"
#include "training/training.h"

namespace ruralec::award {
namespace {

using TagMap = std::map<std::string, std::vector<std::string>>;

std::set<std::string> TagsOf(const TagMap& all, const RegionCode& code) {
  std::set<std::string> out;
  for (RegionCode c = code; !c.empty(); c = c.parent()) {
    auto it = all.find(c.str());
    if (it != all.end()) out.insert(it->second.begin(), it->second.end());
  }
  return out;
}

Subject EntitySubject(const entity::Entity& e, const TagMap& tags) {
  Subject s;
  s.kind = "entity";
  s.id = e.id;
  s.payee_entity_id = s.id;
  s.name = e.name;
  s.region_code = e.region.str();
  if (e.kind == entity::Kind::kEnterprise) s.flags.insert("enterprise");
  if (e.kind == entity::Kind::kCooperative) s.flags.insert("cooperative");
  if (e.linkage.model) s.flags.insert("linkage_model");
  if (e.linkage.contract_farming) s.flags.insert("contract_farming");
  if (e.linkage.employs_poor) s.flags.insert("employs_poor");
  s.personal_name =
      e.kind == entity::Kind::kIndividualBusiness || e.kind == entity::Kind::kFamilyFarm;
  s.region_tags = TagsOf(tags, e.region);
  return s;
}

// Sums and record ids of one subject while the ledger is scanned (plain fields: the scan
// touches each of a million rows, so no map look-ups here). Checked sums: Add() returns false
// when a sum would leave int64 (the subject must then fail the evaluation, not be dropped
// with a wrapped, negative figure).
struct Acc {
  int64_t online = 0, uplink = 0, exported = 0;
  std::vector<int64_t> online_ids, uplink_ids, export_ids;
  [[nodiscard]] bool Add(const sales::LedgerRow& row) {
    if (!AddMoney(&online, row.amount_fen)) return false;
    online_ids.push_back(row.id);
    if (row.uplink) {
      if (!AddMoney(&uplink, row.amount_fen)) return false;
      uplink_ids.push_back(row.id);
    }
    return true;
  }
  [[nodiscard]] bool AddExport(const sales::LedgerRow& row) {
    if (!row.export_usd_cents) return true;
    if (!AddMoney(&exported, *row.export_usd_cents)) return false;
    export_ids.push_back(row.id);
    return true;
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
  ASSIGN_OR_RETURN(TagMap tags, region::TagsInAndAbove(conn, scope));
  ASSIGN_OR_RETURN(std::vector<entity::Entity> rows, entity::EntitiesIn(conn, scope));
  std::vector<Subject> out;
  out.reserve(rows.size());
  for (const auto& e : rows) out.push_back(EntitySubject(e, tags));
  return out;
}

// Brands of the entities in scope; the owner's region, tags and flags, paid to the owner.
Result<std::vector<Subject>> LoadBrands(storage::Connection& conn, const RegionCode& scope,
                                        const std::vector<Subject>& entities,
                                        const std::unordered_map<int64_t, size_t>& entity_at) {
  ASSIGN_OR_RETURN(std::vector<entity::Brand> rows, entity::BrandsIn(conn, scope));
  std::vector<Subject> out;
  for (const auto& r : rows) {
    auto owner = entity_at.find(r.entity_id);
    if (owner == entity_at.end()) continue;
    Subject b = entities[owner->second];
    b.kind = "brand";
    b.id = r.id;
    b.name = r.name;
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

// 003 R03: the total of each station's latest assessment of the year (centi-points), the
// assessment's id as its evidence; a station not assessed in the year has no score.
Status PutAssessments(storage::Connection& conn, const RegionCode& scope, int year,
                      std::vector<Subject>& stations) {
  ASSIGN_OR_RETURN(auto scores, station::AssessmentsInYear(conn, scope, year));
  std::map<int64_t, const station::YearAssessment*> by_station;
  for (const auto& a : scores) by_station[a.station_id] = &a;
  for (auto& s : stations) {
    auto it = by_station.find(s.id);
    if (it == by_station.end()) continue;
    Put(s, "station_assessment_score", it->second->total_centi, {it->second->assessment_id});
  }
  return {};
}

// One subject per registered station of the scope, paid to its operating entity (承办企业) when
// the registry names one. Metrics from its current service records of the year (station
// module's YearFigures); evidence: the station_service_records ids summed; and its assessment
// score (PutAssessments).
Result<std::vector<Subject>> LoadStations(storage::Connection& conn, const RegionCode& scope,
                                          int year) {
  ASSIGN_OR_RETURN(TagMap tags, region::TagsInAndAbove(conn, scope));
  ASSIGN_OR_RETURN(auto stations, station::YearFigures(conn, scope, year));
  std::vector<Subject> out;
  out.reserve(stations.size());
  for (auto& st : stations) {
    Subject s;
    s.kind = "station";
    s.id = st.station_id;
    s.payee_entity_id = st.operator_entity_id.value_or(0);
    s.name = st.name;
    s.region_code = st.region.str();
    s.flags.insert(st.level == station::Level::kTown ? "town_station" : "village_station");
    s.flags.insert(std::string("status_") + station::StatusName(st.status));
    s.region_tags = TagsOf(tags, st.region);
    if (auto up = st.items.find(station::kUplinkItem); up != st.items.end()) {
      Put(s, "uplink_online_sales", up->second.amount_fen, up->second.record_ids);
      // 002 R09: uplink services that produced online sales (its tiers are set locally).
      if (up->second.amount_fen > 0)
        Put(s, "uplink_service_with_sales", up->second.amount_fen, up->second.record_ids);
    }
    int64_t services = 0;
    std::vector<int64_t> ids;
    for (auto& [item, y] : st.items) {
      services += y.quantity;
      ids.insert(ids.end(), y.record_ids.begin(), y.record_ids.end());
    }
    std::sort(ids.begin(), ids.end());
    Put(s, "station_service_performance", services, std::move(ids));  // 001 R01
    out.push_back(std::move(s));
  }
  RETURN_IF_ERROR(PutAssessments(conn, scope, year, out));
  return out;
}

// One subject per designation that counts for the year (designation::RecognisedIn): named by
// its subject and title, paid to the entity for a 示范企业 (no payee entity otherwise),
// carrying the recognising document for the line's explanation.
Result<std::vector<Subject>> LoadDemonstrations(storage::Connection& conn, const RegionCode& scope,
                                                int year) {
  ASSIGN_OR_RETURN(TagMap tags, region::TagsInAndAbove(conn, scope));
  ASSIGN_OR_RETURN(auto rows, designation::RecognisedIn(conn, scope, year));
  std::vector<Subject> out;
  for (const auto& d : rows) {
    Subject s;
    s.kind = "demonstration";
    s.id = d.id;
    s.name = d.subject_name + "（" + designation::LevelLabel(d.level) +
             designation::KindLabel(d.kind) + "）";
    s.region_code = d.region.str();
    if (d.subject_type == designation::SubjectType::kEntity) s.payee_entity_id = *d.subject_id;
    s.region_tags = TagsOf(tags, d.region);
    s.designation = DesignationRef{d.id,
                                   designation::LevelName(d.level),
                                   designation::KindName(d.kind),
                                   d.year,
                                   d.document_no,
                                   d.issuing_body,
                                   d.recognised_on ? d.recognised_on->ToString() : ""};
    out.push_back(std::move(s));
  }
  return out;
}

// One subject per buying entity of the scope with current purchases from poor households or
// poverty villages in the year (households::PurchasesOfYear): the entity's name, region, tags and
// flags, paid to the entity. purchase_from_poor and purchase_amount are the year's sum (fen);
// evidence: the ids of the purchases summed, so a line names the purchases behind each yuan.
Result<std::vector<Subject>> LoadPurchases(storage::Connection& conn, const RegionCode& scope,
                                           int year, const std::vector<Subject>& entities,
                                           const std::unordered_map<int64_t, size_t>& entity_at) {
  ASSIGN_OR_RETURN(auto buyers, households::PurchasesOfYear(conn, scope, year));
  std::vector<Subject> out;
  for (auto& b : buyers) {
    auto e = entity_at.find(b.entity_id);
    if (e == entity_at.end()) continue;
    Subject s = entities[e->second];
    s.kind = "purchase";
    s.metrics.clear();
    s.evidence.clear();
    Put(s, "purchase_from_poor", b.amount_fen, b.purchase_ids);
    Put(s, "purchase_amount", b.amount_fen, std::move(b.purchase_ids));
    out.push_back(std::move(s));
  }
  return out;
}

// One subject per person and course level in the year of their first qualification at that
// level (training::FirstQualificationsIn), so a person is paid once per level however many
// sessions or years follow. Named by the masked name (the line is about a natural person); no
// payee entity (the subsidy goes to the person through the 人社 bureau); the evidence is the
// enrolment, the explanation carries course, level and certificate code.
Result<std::vector<Subject>> LoadTrainees(storage::Connection& conn, const RegionCode& scope,
                                          int year) {
  ASSIGN_OR_RETURN(TagMap tags, region::TagsInAndAbove(conn, scope));
  ASSIGN_OR_RETURN(auto rows, training::FirstQualificationsIn(conn, scope, year));
  std::vector<Subject> out;
  for (const auto& q : rows) {
    Subject s;
    s.kind = "trainee";
    s.id = q.enrolment_id;
    s.name = crypto::MaskPersonName(q.name);
    s.personal_name = true;
    s.region_code = q.region.str();
    s.region_tags = TagsOf(tags, q.region);
    s.flags.insert("level_" + q.level);
    Put(s, "training_qualified", 1, {q.enrolment_id});
    s.training =
        TrainingRef{q.enrolment_id, q.trainee_id,  q.course_id,        q.course_title,
                    q.level,        q.level_label, q.certificate_code, q.qualified_on.ToString()};
    out.push_back(std::move(s));
  }
  return out;
}

// 001 R03: each entity's employments of poor-household members overlapping the year
// (households::EmploymentsOfYear) as poor_household_employment (count; evidence the
// household_employments ids). Such an entity employs the poor by the record itself, so it also
// holds the `employs_poor` flag its registration may not have ticked.
Status PutEmployments(storage::Connection& conn, int year, std::vector<Subject>& entities,
                      const std::unordered_map<int64_t, size_t>& entity_at) {
  ASSIGN_OR_RETURN(auto rows, households::EmploymentsOfYear(conn, year));
  for (auto& r : rows) {
    auto e = entity_at.find(r.entity_id);
    if (e == entity_at.end()) continue;
    Subject& s = entities[e->second];
    auto n = static_cast<int64_t>(r.employment_ids.size());
    Put(s, "poor_household_employment", n, std::move(r.employment_ids));
    s.flags.insert("employs_poor");
  }
  return {};
}

// 002 R07: the attributed months of the entities' agreements with a co-op or base
// (matching::CooperationSalesOfYear), read before the ledger scan so that the scan can sum
// those entities' ledger sales per month.
struct Cooperation {
  std::vector<matching::CooperationMonth> months;                      // by entity, month, id
  std::unordered_map<int64_t, std::map<std::string, int64_t>> ledger;  // entity → month → fen
};

Result<Cooperation> LoadCooperation(storage::Connection& conn, const RegionCode& scope, int year) {
  Cooperation c;
  ASSIGN_OR_RETURN(c.months, matching::CooperationSalesOfYear(conn, scope, year));
  for (const auto& m : c.months) c.ledger[m.entity_id];
  return c;
}

// stable_purchase_cooperation and cooperation_online_sales (fen): per month, the attributed
// sales — but never more than the entity's current ledger sales of that month (an attribution
// is a share of what the ledger records); evidence the agreement_sales rows. A month limited
// by the ledger is said in the lines' note.
Status PutCooperation(Cooperation& c, std::vector<Subject>& entities,
                      const std::unordered_map<int64_t, size_t>& entity_at) {
  size_t i = 0;
  while (i < c.months.size()) {
    int64_t entity_id = c.months[i].entity_id;
    std::map<std::string, int64_t> claimed;
    std::vector<int64_t> ids;
    for (; i < c.months.size() && c.months[i].entity_id == entity_id; ++i) {
      if (!AddMoney(&claimed[c.months[i].month], c.months[i].amount_fen))
        return MoneyOverflow("协议归属销售额");
      ids.push_back(c.months[i].id);
    }
    auto e = entity_at.find(entity_id);
    if (e == entity_at.end()) continue;
    const auto& ledger = c.ledger[entity_id];
    int64_t base = 0;
    std::string limited;
    for (const auto& [month, fen] : claimed) {
      auto l = ledger.find(month);
      int64_t recorded = l == ledger.end() ? 0 : l->second;
      base += std::min(fen, recorded);  // each ≤ the ledger's month: no overflow past its sum
      if (fen > recorded)
        limited += (limited.empty() ? "" : "、") + month + "（归属 " + QuantityWords(fen, "fen") +
                   "，台账 " + QuantityWords(recorded, "fen") + "）";
    }
    Subject& s = entities[e->second];
    Put(s, "stable_purchase_cooperation", base, ids);
    Put(s, "cooperation_online_sales", base, std::move(ids));
    if (!limited.empty()) {
      std::string note = "协议归属销售额超过台账网络销售额的月份按台账计：" + limited;
      s.metric_notes["stable_purchase_cooperation"] = note;
      s.metric_notes["cooperation_online_sales"] = note;
    }
  }
  return {};
}

// 001 R05: one subject per poor household of the scope whose first online shop opened in the
// year (households::FirstShopsIn): poor_household_online_shop = 1 (a fact; evidence the shop's
// household_shops id). Named by the head's masked name and the shop; no payee entity (the
// household is paid by the county's finance office).
Result<std::vector<Subject>> LoadHouseholdShops(storage::Connection& conn, const RegionCode& scope,
                                                int year) {
  ASSIGN_OR_RETURN(TagMap tags, region::TagsInAndAbove(conn, scope));
  ASSIGN_OR_RETURN(auto rows, households::FirstShopsIn(conn, scope, year));
  std::vector<Subject> out;
  for (const auto& f : rows) {
    Subject s;
    s.kind = "household";
    s.id = f.household_id;
    s.name = f.head_name_masked + "户（" + f.platform + "：" + f.shop_name + "）";
    s.personal_name = true;
    s.region_code = f.region.str();
    s.region_tags = TagsOf(tags, f.region);
    Put(s, "poor_household_online_shop", 1, {f.shop_id});
    out.push_back(std::move(s));
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
  ASSIGN_OR_RETURN(Cooperation coop, LoadCooperation(conn, scope, year));
  std::optional<std::string> overflow;  // the first subject whose sum left int64
  RETURN_IF_ERROR(sales::ScanYear(conn, scope, year, [&](const sales::LedgerRow& row) {
    auto e = entity_at.find(row.entity_id);
    if (overflow || e == entity_at.end()) return;
    if (!coop.ledger.empty()) {
      auto c = coop.ledger.find(row.entity_id);
      if (c != coop.ledger.end() && !AddMoney(&c->second[row.period], row.amount_fen))
        overflow = entities[e->second].name;
    }
    Acc& a = eacc[e->second];
    if (!a.Add(row) || !a.AddExport(row)) overflow = entities[e->second].name;
    if (!row.brand_id) return;
    auto b = brand_at.find(*row.brand_id);
    if (b != brand_at.end() && !bacc[b->second].Add(row)) overflow = brands[b->second].name;
  }));
  if (overflow) return MoneyOverflow(*overflow + " 的 " + std::to_string(year) + " 年网络销售额");
  std::vector<Subject> exports = Exports(entities, eacc);
  ASSIGN_OR_RETURN(std::vector<Subject> purchases,
                   LoadPurchases(conn, scope, year, entities, entity_at));
  for (size_t i = 0; i < entities.size(); ++i) PutSales(entities[i], eacc[i]);
  RETURN_IF_ERROR(PutEmployments(conn, year, entities, entity_at));
  RETURN_IF_ERROR(PutCooperation(coop, entities, entity_at));
  for (size_t i = 0; i < brands.size(); ++i) PutSales(brands[i], bacc[i]);
  SubjectData d;
  d.by_kind["entity"] = std::move(entities);
  d.by_kind["brand"] = std::move(brands);
  d.by_kind["export"] = std::move(exports);
  d.by_kind["purchase"] = std::move(purchases);
  ASSIGN_OR_RETURN(d.by_kind["station"], LoadStations(conn, scope, year));
  ASSIGN_OR_RETURN(d.by_kind["demonstration"], LoadDemonstrations(conn, scope, year));
  ASSIGN_OR_RETURN(d.by_kind["trainee"], LoadTrainees(conn, scope, year));
  ASSIGN_OR_RETURN(d.by_kind["household"], LoadHouseholdShops(conn, scope, year));
  d.metrics = {"online_sales",
               "uplink_online_sales",
               "online_export_sales",
               "uplink_service_with_sales",
               "station_service_performance",
               "station_assessment_score",
               "purchase_from_poor",
               "purchase_amount",
               "training_qualified",
               "poor_household_employment",
               "stable_purchase_cooperation",
               "cooperation_online_sales",
               "poor_household_online_shop"};
  return d;
}

}  // namespace ruralec::award
