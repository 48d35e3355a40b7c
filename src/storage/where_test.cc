// The WHERE builder and the paged query (storage/where.h): values only ever as parameters,
// against a real database (SQLite, or PostgreSQL under scripts/test-pg).
#include "storage/where.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "storage/testing.h"

namespace ruralec::storage {
namespace {

// The parameters as text: 'text', a number or NULL.
std::string Show(const Params& params) {
  std::string out;
  for (const auto& v : params) {
    if (!out.empty()) out += " ";
    if (auto* s = std::get_if<std::string>(&v)) out += "'" + *s + "'";
    if (auto* n = std::get_if<int64_t>(&v)) out += std::to_string(*n);
    if (std::holds_alternative<Null>(v)) out += "NULL";
  }
  return out;
}

TEST(Where, ClauseAndParametersInOrder) {
  Where w;
  EXPECT_EQ(w.Clause(), "");
  w.StartsWith("region_code", "341302")
      .EqIf("kind", std::string())
      .EqIf("kind", std::string("farm"))
      .EqIf("entity_id", std::optional<int64_t>())
      .CmpIf("period", ">=", std::string("2024-01"))
      .CmpIf("at", "<=", std::optional<int64_t>(9))
      .ContainsIf({"name", "uscc"}, "")
      .Sql("x IN (?, ?)", {int64_t{1}, int64_t{2}});
  EXPECT_EQ(w.Clause(),
            " WHERE region_code LIKE ? AND kind = ? AND period >= ? AND at <= ? AND x IN (?, ?)");
  EXPECT_EQ(Show(w.params()), "'341302%' 'farm' '2024-01' 9 1 2");
}

TEST(Where, SubtreeAsARange) {
  EXPECT_EQ(Show(SubtreeRange(*RegionCode::Parse("341302"))), "'341302000000' '341302999999'");
  EXPECT_EQ(Show(SubtreeRange(RegionCode())), "'000000000000' '999999999999'");  // everything
  Where w;
  w.InSubtree("e.region_code", *RegionCode::Parse("341302001"));
  EXPECT_EQ(w.Clause(), " WHERE e.region_code >= ? AND e.region_code <= ?");
  EXPECT_EQ(Show(w.params()), "'341302001000' '341302001999'");
}

TEST(Where, NullableValues) {
  EXPECT_EQ(Show({TextOrNull(""), TextOrNull("x"), OrNull(std::optional<int64_t>()),
                  OrNull(std::optional<int64_t>(3)), OrNull(std::optional<std::string>("y"))}),
            "NULL 'x' NULL 3 'y'");
}

TEST(Where, UserTextIsAlwaysAParameterMatchedLiterally) {
  Where w;
  w.ContainsIf({"a", "b"}, "50%_x'; DROP TABLE t; --").StartsWith("c", "a_b");
  EXPECT_EQ(w.Clause(),
            " WHERE (a LIKE ? ESCAPE '\\' OR b LIKE ? ESCAPE '\\') AND c LIKE ? ESCAPE '\\'");
  EXPECT_EQ(Show(w.params()),
            R"('%50\%\_x'; DROP TABLE t; --%' '%50\%\_x'; DROP TABLE t; --%' 'a\_b%')");
  EXPECT_THROW(w.Cmp("a", "= 1 OR 1 =", int64_t{1}), std::logic_error);
  EXPECT_THROW(w.Sql("a = ?", {}), std::logic_error);
}

TEST(QueryPage, CountsFiltersAndPages) {
  testing::TempDatabase tdb;
  auto c = tdb.db().Acquire();
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id BIGINT, name TEXT)").ok());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (1, 'a%b'), (2, 'axb'), (3, 'a%c'), (4, 'z')").ok());
  Where w;
  w.ContainsIf({"name"}, "a%");  // the % is literal: 'axb' does not match
  auto page = QueryPage<int64_t>(*c, "id", "FROM t", w, " ORDER BY id DESC", PageRequest{1, 1},
                                 [](const Row& r) { return r.Int(0); });
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->total, 2);
  EXPECT_EQ(page->items, std::vector<int64_t>{3});
  auto second = QueryPage<int64_t>(*c, "id", "FROM t", w, " ORDER BY id DESC", PageRequest{2, 1},
                                   [](const Row& r) -> Result<int64_t> { return r.Int(0); });
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->items, std::vector<int64_t>{1});
  auto failing =
      QueryPage<int64_t>(*c, "id", "FROM t", Where(), "", PageRequest{},
                         [](const Row&) -> Result<int64_t> { return Error::Internal("bad row"); });
  EXPECT_FALSE(failing.ok());
}

// The total is counted only when the page cannot tell it; every case must report the same
// total a COUNT(*) would.
TEST(QueryPage, TotalIsRightWhetherCountedOrDerived) {
  testing::TempDatabase tdb;
  auto c = tdb.db().Acquire();
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id BIGINT)").ok());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (1), (2), (3), (4), (5)").ok());
  struct Case {
    int page, size;
    std::string where;
    int64_t total;
    size_t items;
  };
  const Case cases[] = {
      {1, 2, "", 5, 2},    // a full first page: counted
      {3, 2, "", 5, 1},    // the last, partial page: offset + rows
      {1, 10, "", 5, 5},   // everything on one page
      {2, 5, "", 5, 0},    // just past the end: counted
      {9, 2, "", 5, 0},    // far past the end: counted
      {1, 20, "x", 0, 0},  // nothing matches
      {2, 20, "x", 0, 0},  // nothing matches, a later page
      {1, 5, "", 5, 5},    // exactly one full page: counted
  };
  for (const Case& k : cases) {
    Where w;
    if (!k.where.empty()) w.Sql("id > ?", {int64_t{100}});
    auto p = QueryPage<int64_t>(*c, "id", "FROM t", w, " ORDER BY id", PageRequest{k.page, k.size},
                                [](const Row& r) { return r.Int(0); });
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->total, k.total) << "page " << k.page << " size " << k.size << " " << k.where;
    EXPECT_EQ(p->items.size(), k.items) << "page " << k.page << " size " << k.size;
  }
}

// A page of a county-wide list walks the list's order and stops when the page is full; a town's
// page reads its rows through the region index. Both return what the plain clause returns, and
// the count (Clause) is unchanged.
TEST(QueryPage, WideScopesWalkTheListOrderNarrowOnesTheRegionIndex) {
  if (!testing::PostgresUrl().empty()) GTEST_SKIP() << "SQLite's planner only";
  testing::TempDatabase tdb;
  auto c = tdb.db().Acquire();
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, region_code TEXT, n BIGINT)").ok());
  ASSERT_TRUE(c->Exec("CREATE INDEX t_region ON t (region_code)").ok());
  const char* towns[] = {"341302001000", "341302002000", "341302003000", "341321001000"};
  for (int i = 1; i <= 400; ++i) {
    ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (?, ?, ?)",
                        {int64_t{i}, std::string(towns[i % 4]), int64_t{i % 7}})
                    .ok());
  }
  struct Case {
    const char* scope;
    bool uses_index;
  };
  for (const Case& k : {Case{"341302", false}, Case{"34", false}, Case{"341302002", true}}) {
    Where w;
    w.Sql("n >= ?", {int64_t{1}}).InSubtree("region_code", *RegionCode::Parse(k.scope));
    Params params = w.params();
    auto plan = c->Query("EXPLAIN QUERY PLAN SELECT id FROM t" + w.PageClause("sqlite") +
                             " ORDER BY id DESC LIMIT 20",
                         params);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    std::string detail;
    for (const auto& r : *plan) detail += r.Text(3) + "; ";
    EXPECT_EQ(detail.find("t_region") != std::string::npos, k.uses_index)
        << k.scope << ": " << detail;
    auto plain = c->Query("SELECT id FROM t" + w.Clause() + " ORDER BY id DESC LIMIT 20", params);
    auto page = QueryPage<int64_t>(*c, "id", "FROM t", w, " ORDER BY id DESC", PageRequest{1, 20},
                                   [](const Row& r) { return r.Int(0); });
    ASSERT_TRUE(page.ok() && plain.ok());
    ASSERT_EQ(page->items.size(), plain->size()) << k.scope;
    for (size_t i = 0; i < plain->size(); ++i) EXPECT_EQ(page->items[i], (*plain)[i].Int(0));
    auto count = c->Query("SELECT COUNT(*) FROM t" + w.Clause(), params);
    EXPECT_EQ(page->total, count->at(0).Int(0)) << k.scope;
  }
}

TEST(ListColumnTest, JoinsAndSplitsCodeLists) {
  EXPECT_EQ(JoinedList({"a", "b_c"}), ",a,b_c,");
  EXPECT_EQ(JoinedList({}), ",");
  EXPECT_EQ(SplitList(",a,b_c,"), (std::vector<std::string>{"a", "b_c"}));
  EXPECT_TRUE(SplitList(",").empty());
  EXPECT_EQ(SplitList("a,,b"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace ruralec::storage
