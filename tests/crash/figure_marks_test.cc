// The change-feed sweep (issue 25 item 3; docs/DASHBOARD.md "Precomputation and staleness",
// docs/MODULES.md "Marking changed figures"). The screen's stored county figures are trusted only
// while no write has marked their county changed, so every write that changes what a stored
// figure counts must mark (county, month) in its own transaction. This test runs the access
// sweep's fixture and the crash sweep's writes (every write route, called as users do) and, after
// each request, compares the columns the screen's figures count (kCounted below, per indicator)
// with their state before it: a request that changed them must have left a mark in
// `figure_changes`. Nothing here names a route, so a write added later that forgets its mark
// fails here as soon as the fixture calls it (the crash sweep requires that it does).
// kCounted must name every indicator of the screen's panels (checked first), so a panel added
// later says which columns it counts.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>

#include "access/sweep_support.h"
#include "dashboard/catalogue.h"

namespace ruralec::marktest {
namespace {

// indicator → the tables and columns its computation reads (those a write may change; the
// region tree is loaded by operators, not by a route).
const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& Counted() {
  static const std::vector<std::pair<std::string, std::string>> sales = {
      {"sales_records", "*"},
      {"entities",
       "SELECT id, region_code FROM entities WHERE id IN (SELECT entity_id FROM sales_records) "
       "ORDER BY id"}};
  static const std::vector<std::pair<std::string, std::string>> stations = {
      {"stations", "id, region_code, level, status"}, {"station_status_changes", "*"}};
  static const std::vector<std::pair<std::string, std::string>> records = {
      {"station_service_records", "*"}, {"station_service_events", "*"}};
  // Attendance rows carry their own region (the trainee's when recorded).
  static const std::vector<std::pair<std::string, std::string>> attendance = {
      {"training_attendance", "*"}};
  static const std::vector<std::pair<std::string, std::string>> scans = {
      {"logistics_scan_events", "*"}, {"logistics_nodes", "id, region_code, level, status"}};
  static const std::vector<std::pair<std::string, std::string>> library = {
      // A product counts once it has an admission step or a certificate.
      {"products",
       "SELECT id, region_code FROM products WHERE id IN (SELECT product_id FROM "
       "product_admissions) OR id IN (SELECT product_id FROM product_certifications) ORDER BY id"},
      {"product_certifications",
       "id, region_code, product_id, entity_id, kind, valid_from, "
       "valid_to"},
      {"product_admissions", "*"}};
  static const std::map<std::string, std::vector<std::pair<std::string, std::string>>> m = {
      {"rural_online_sales", sales},
      {"rural_online_sales_increase", sales},
      {"agri_online_retail", sales},
      {"station_uplink_sales", records},
      {"entities_over_sales_threshold", sales},
      {"brands_over_sales_threshold", sales},
      {"new_entities",
       {{"entities",
         "SELECT id, region_code, registered_on FROM entities WHERE registered_on IS NOT NULL "
         "ORDER BY id"}}},
      {"stations", stations},
      {"village_station_coverage_rate", stations},
      {"station_service_count", records},
      {"training_person_times", attendance},
      {"training_trainees", attendance},
      {"training_conversion_rate",
       {{"training_outcomes", "*"},
        {"training_attendance", "*"},
        {"training_settings", "county_code, conversion_kinds, conversion_months"}}},
      {"express_coverage_rate", scans},
      {"delivery_frequency", scans},
      {"logistics_nodes", {{"logistics_nodes", "id, region_code, level, status, created_at"}}},
      {"certified_products", library},
      {"admitted_products", library},
      {"certified_entities_selling_online", library},
      {"demonstration_units",
       {{"designations", "id, region_code, level, kind, status, status_since, recognised_on"},
        {"designation_status_changes", "*"}}},
      {"willing_poor_household_coverage_rate",
       {{"households", "id, region_code, status, lifted_year, willing, willing_on, able, able_on"},
        {"purchases", "id, household_id, region_code, purchased_on, is_current"},
        {"household_employments", "id, household_id, region_code, since, until"},
        {"household_shops", "id, household_id, region_code, opened_on, closed_on"},
        {"training_attendance", "*"},
        {"training_trainees",
         "SELECT t.id, t.household_id FROM training_trainees t WHERE t.household_id IS NOT NULL "
         "AND t.id IN (SELECT trainee_id FROM training_attendance) ORDER BY t.id"},
        {"matches", "*"}}},
  };
  return m;
}

// Every (table, columns) pair the figures read, once. `columns` is a column list of the table
// ("*": all) or a whole SELECT (the rows a figure can count, e.g. products with a certificate).
std::set<std::pair<std::string, std::string>> Reads() {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& [indicator, tables] : Counted())
    for (const auto& read : tables) out.insert(read);
  return out;
}

// A digest of each read's rows, keyed by "table: columns".
std::map<std::string, size_t> Digest(storage::Database& db,
                                     const std::set<std::pair<std::string, std::string>>& reads) {
  std::map<std::string, size_t> out;
  auto conn = db.Acquire();
  for (const auto& [table, cols] : reads) {
    std::string sql =
        cols.rfind("SELECT", 0) == 0 ? cols : "SELECT " + cols + " FROM " + table + " ORDER BY 1";
    auto rows = conn->Query(sql);
    if (!rows.ok()) continue;  // a module left out of the binary
    size_t h = rows->size();
    for (const auto& r : *rows)
      for (size_t i = 0; i < r.size(); ++i)
        h = h * 1000003 ^ std::hash<std::string>()((r.IsNull(i) ? "\x01" : "") + r.Text(i));
    out[table + ": " + cols.substr(0, 40)] = h;
  }
  return out;
}

int64_t Marks(storage::Database& db) {
  auto conn = db.Acquire();
  auto rows = conn->Query("SELECT COUNT(*) FROM figure_changes");
  return rows.ok() && !rows->empty() ? rows->at(0).Int(0) : -1;
}

TEST(FigureMarks, EveryPanelIndicatorSaysWhatItCounts) {
  for (const auto& p : dashboard::Panels())
    for (const auto& f : p.figures)
      EXPECT_TRUE(Counted().count(f.indicator))
          << "panel " << p.key << ", figure " << f.key << ": indicator " << f.indicator
          << " has no entry in kCounted (the tables and columns it reads)";
}

TEST(FigureMarks, EveryWriteThatChangesACountedColumnMarksItsCounty) {
  if (storage::testing::PostgresUrl().size()) GTEST_SKIP() << "SQLite only (as the crash sweep)";
  accesstest::Server s;
  ASSERT_EQ(s.Start(), "");
  const auto cols = Reads();
  auto clear = [&] {
    auto conn = s.db().Acquire();
    ASSERT_TRUE(conn->Exec("DELETE FROM figure_changes").ok());
  };
  clear();
  auto prev = Digest(s.db(), cols);
  int changed = 0, marked = 0;
  std::vector<std::string> unmarked;
  std::vector<accesstest::Recorded> rec;
  s.on_recorded = [&](const accesstest::Recorded& r) {
    auto now = Digest(s.db(), cols);
    std::string tables;
    for (const auto& [t, h] : now)
      if (!prev.count(t) || prev.at(t) != h) tables += (tables.empty() ? "" : ", ") + t;
    if (!tables.empty()) {
      ++changed;
      if (Marks(s.db()) > 0)
        ++marked;
      else
        unmarked.push_back(r.x.method + " " + r.x.path + " (" + std::to_string(r.x.status) +
                           ") changed " + tables + " and marked nothing");
    }
    clear();
    prev = std::move(now);
  };
  s.on_login = [&] { prev = Digest(s.db(), cols), clear(); };
  ASSERT_EQ(s.RunFixture(std::string(RURALEC_SOURCE_DIR) + "/tests/access/fixture.test", &rec), "");
  ASSERT_EQ(s.RunFixture(std::string(RURALEC_SOURCE_DIR) + "/tests/crash/writes.test", &rec), "");
  s.on_recorded = nullptr;
  s.on_login = nullptr;
  for (const auto& u : unmarked) ADD_FAILURE() << u;
  std::cout << rec.size() << " requests, " << changed << " changed counted columns, " << marked
            << " marked\n";
  EXPECT_GT(changed, 20);  // the fixture does write the figures' ledgers
}

}  // namespace
}  // namespace ruralec::marktest
