// The module layout holds (docs/MODULES.md): every table has exactly one owning module, named
// by its migration and claimed by that module's manifest, and SQL in a module's sources names
// only the tables it owns. Tests arrange data through SQL freely, so *_test.cc and test
// fixtures are not scanned.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/modules.h"
#include "ownership.h"

namespace ruralec::layout {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = RURALEC_SOURCE_DIR;

// Tables of the foundation libraries (not modules): the migration runner's own, and the change
// feed of stored figures (storage/figure_changes.h) every writing module marks through.
const std::map<std::string, std::string> kFoundationTables = {{"schema_version", "storage"},
                                                              {"figure_changes", "storage"}};

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> Migrations() {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(kRoot / "schema/migrations"))
    if (e.path().extension() == ".sql") out[e.path().filename().string()] = Read(e.path());
  return out;
}

// table -> owning module, from the manifests of the binary's modules.
std::map<std::string, std::string> ManifestOwners() {
  std::map<std::string, std::string> out = kFoundationTables;
  for (const runtime::Module* m : app::Modules())
    for (const auto& t : m->tables) out[t] = m->name;
  return out;
}

bool InBinary(const std::string& module) {
  for (const runtime::Module* m : app::Modules())
    if (m->name == module) return true;
  return false;
}

// Violations that predate the check, as "file table": none left (issue 14 item 4 removed the
// last ones). The test fails on any use not listed here, and on a listed one that is gone (so
// the list only shrinks).
const std::set<std::string> kKnownViolations = {};

bool IsTestCode(const fs::path& p) {
  std::string name = p.filename().string();
  return name.ends_with("_test.cc") || name == "test_fixture.h" || name == "testing.h" ||
         name == "test_util.h";
}

TEST(OwnershipTest, FindsTheTablesSqlNames) {
  const std::string src = R"(
    conn.Query("SELECT id FROM users WHERE x = ?");  // FROM comments_are_skipped
    conn.Exec("INSERT INTO audit_log (a) "
              "SELECT b FROM "
              "entities JOIN brands ON 1 = 1");
    conn.Exec("UPDATE sales_records SET a = 1 ON CONFLICT DO UPDATE SET b = excluded.b");
  )";
  std::vector<std::string> names;
  for (const auto& u : TablesNamedInSql(src)) names.push_back(u.table);
  EXPECT_EQ(names, (std::vector<std::string>{"users", "audit_log", "entities", "brands",
                                             "sales_records"}));
}

TEST(OwnershipTest, ADeliberateViolationIsReported) {
  std::map<std::string, std::string> owners = {{"entities", "entity"}, {"sales_records", "sales"}};
  auto v = Violations("src/sales/ledger_store.cc", "sales",
                      "\n\nconn.Exec(\"UPDATE entities SET name = ?\");\n"
                      "conn.Exec(\"UPDATE sales_records SET x = 1\");",
                      owners);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0], "src/sales/ledger_store.cc:3 names entities (owned by entity)");
}

TEST(OwnershipTest, EveryTableHasOneOwnerNamedByItsMigrationAndItsManifest) {
  auto owners = ManifestOwners();
  std::set<std::string> created;
  for (const CreatedTable& t : CreatedTables(Migrations())) {
    created.insert(t.table);
    EXPECT_FALSE(t.owner.empty()) << t.migration << ": no \"-- owner:\" line above " << t.table;
    auto it = owners.find(t.table);
    // A module deleted from the binary's list keeps its migrations (a database may hold its data).
    if (it == owners.end() && !InBinary(t.owner) && fs::is_directory(kRoot / "src" / t.owner))
      continue;
    ASSERT_NE(it, owners.end()) << t.table << " (" << t.migration << ") is in no manifest";
    EXPECT_EQ(it->second, t.owner) << t.table << ": migration " << t.migration << " says "
                                   << t.owner << ", the manifest of " << it->second << " claims it";
  }
  for (const auto& [table, owner] : owners)
    if (!kFoundationTables.count(table))
      EXPECT_TRUE(created.count(table))
          << owner << " claims " << table << ", no migration makes it";
}

TEST(OwnershipTest, ModulesNameOnlyTheirOwnTablesInSql) {
  auto owners = ManifestOwners();
  std::vector<std::string> fresh;
  std::set<std::string> known_seen;
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "src")) {
    const fs::path& p = e.path();
    if (!e.is_regular_file() || IsTestCode(p)) continue;
    if (p.extension() != ".cc" && p.extension() != ".h") continue;
    fs::path rel = fs::relative(p, kRoot);
    std::string module = std::next(rel.begin())->string();  // src/<module>/...
    for (const auto& use : TablesNamedInSql(Read(p))) {
      auto it = owners.find(use.table);
      if (it == owners.end() || it->second == module) continue;
      std::string key = rel.string() + " " + use.table;
      if (kKnownViolations.count(key)) {
        known_seen.insert(key);
        continue;
      }
      fresh.push_back(rel.string() + ":" + std::to_string(use.line) + " names " + use.table +
                      " (owned by " + it->second + ")");
    }
  }
  std::string list;
  for (const auto& v : fresh) list += "\n  " + v;
  EXPECT_TRUE(fresh.empty()) << fresh.size() << " cross-module table uses:" << list;
  for (const auto& k : kKnownViolations)
    EXPECT_TRUE(known_seen.count(k)) << "fixed: remove \"" << k << "\" from kKnownViolations";
}

}  // namespace
}  // namespace ruralec::layout
