// Named-column reads (storage/row.h) against a real database (SQLite, or PostgreSQL under
// scripts/test-pg).
#include "storage/row.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "storage/testing.h"

namespace ruralec::storage {
namespace {

struct Thing {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> n;
  std::optional<std::string> note;
  bool flag = false;
  int small = 0;
  std::string custom;  // filled by the caller from a column bound to nothing
};

const RowDecoder<Thing> kThing{{"t.id", &Thing::id},         {"t.name", &Thing::name},
                               {"t.n", &Thing::n},           {"t.note", &Thing::note},
                               {"t.flag", &Thing::flag},     {"t.small", &Thing::small},
                               {"UPPER(t.name) AS loud", {}}};

TEST(Columns, NamesComeFromTheExpression) {
  Columns c(" e.id,name,  COALESCE(r.name, '') AS region_name ");
  EXPECT_EQ(c.List(), "e.id, name, COALESCE(r.name, '') AS region_name");
  EXPECT_EQ(c.Index("id"), 0u);
  EXPECT_EQ(c.Index("name"), 1u);
  EXPECT_EQ(c.Index("region_name"), 2u);
  EXPECT_THROW(c.Index("e.id"), std::out_of_range);
  EXPECT_THROW(c.Index("missing"), std::out_of_range);
  EXPECT_THROW(Columns("a.id, b.id"), std::logic_error);  // ambiguous names
  EXPECT_EQ(Columns(std::vector<std::string_view>{"a", "b"}).List(), "a, b");
}

TEST(RowDecoder, DecodesMembersAndLeavesTheRestToNamedReads) {
  testing::TempDatabase tdb;
  auto c = tdb.db().Acquire();
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id BIGINT, name TEXT, n BIGINT, note TEXT, flag BIGINT, "
                      "small BIGINT)")
                  .ok());
  ASSERT_TRUE(
      c->Exec("INSERT INTO t VALUES (1, 'ab', 5, 'x', 1, 7), (2, 'cd', NULL, NULL, 0, 0)").ok());
  auto rows = c->Query("SELECT " + kThing.List() + " FROM t ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  Thing a = kThing.Decode((*rows)[0]);
  EXPECT_EQ(a.id, 1);
  EXPECT_EQ(a.name, "ab");
  EXPECT_EQ(a.n, std::optional<int64_t>(5));
  EXPECT_EQ(a.note, std::optional<std::string>("x"));
  EXPECT_TRUE(a.flag);
  EXPECT_EQ(a.small, 7);
  EXPECT_EQ(a.custom, "");
  EXPECT_EQ(kThing.Named((*rows)[0]).Text("loud"), "AB");
  Thing b = kThing.Decode((*rows)[1]);
  EXPECT_EQ(b.n, std::nullopt);
  EXPECT_EQ(b.note, std::nullopt);
  EXPECT_FALSE(b.flag);
  NamedRow r = kThing.Named((*rows)[1]);
  EXPECT_TRUE(r.IsNull("n"));
  EXPECT_EQ(r.Int("n"), 0);
  EXPECT_EQ(r.Text("note"), "");
  EXPECT_FALSE(r.Bool("flag"));
}

}  // namespace
}  // namespace ruralec::storage
