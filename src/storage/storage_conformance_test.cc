// Storage conformance: what every backend must do for the domain code to be correct.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>
#include <vector>

#include "storage/db.h"
#include "storage/migrate.h"
#include "storage/pool.h"
#include "storage/testing.h"

namespace ruralec::storage {
namespace {

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, n BIGINT)").ok());
  }
  testing::TempDatabase tdb_;
};

TEST_F(StorageTest, MigrationsAreAppliedOnceAndRecorded) {
  auto conn = tdb_.db().Acquire();
  auto v = SchemaVersion(*conn);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, EmbeddedMigrations().back().version);
  auto again = Migrate(tdb_.db());
  ASSERT_TRUE(again.ok()) << again.error().message;
  auto n = conn->Query("SELECT COUNT(*) FROM schema_version");
  EXPECT_EQ(n->at(0).Int(0), static_cast<int64_t>(EmbeddedMigrations().size()));
}

// Work landed in parallel: a database that applied 9001 before 9000 existed still gets 9000,
// once, and a later run applies nothing again.
TEST_F(StorageTest, AMigrationNumberedBelowTheHighestAppliedStillRuns) {
  std::vector<Migration> first = {{9001, "late_b", "CREATE TABLE mig_b (x INTEGER)"}};
  ASSERT_TRUE(Migrate(tdb_.db(), first).ok());
  std::vector<Migration> both = {{9000, "late_a", "CREATE TABLE mig_a (x INTEGER)"}, first[0]};
  auto v = Migrate(tdb_.db(), both);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(*v, 9001);
  auto conn = tdb_.db().Acquire();
  EXPECT_TRUE(conn->Exec("INSERT INTO mig_a (x) VALUES (1)").ok()) << "9000 did not run";
  ASSERT_TRUE(Migrate(tdb_.db(), both).ok());  // nothing runs twice (CREATE would fail)
  auto n = conn->Query("SELECT COUNT(*) FROM schema_version WHERE version >= 9000");
  EXPECT_EQ(n->at(0).Int(0), 2);
}

TEST_F(StorageTest, TypedValuesAndNullsRoundTrip) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(c->Exec("INSERT INTO t (id, name, n) VALUES (?, ?, ?)",
                      {int64_t{1}, std::string("埇桥区"), int64_t{9'000'000'000'000}})
                  .ok());
  ASSERT_TRUE(
      c->Exec("INSERT INTO t (id, name, n) VALUES (?, ?, ?)", {int64_t{2}, Null{}, Null{}}).ok());
  auto rows = c->Query("SELECT id, name, n FROM t ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].Text(1), "埇桥区");
  EXPECT_EQ((*rows)[0].Int(2), 9'000'000'000'000);
  EXPECT_TRUE((*rows)[1].IsNull(1));
  EXPECT_FALSE((*rows)[1].OptInt(2).has_value());
}

TEST_F(StorageTest, PreparedStatementBindsByType) {
  auto c = tdb_.db().Acquire();
  auto st = c->Prepare("INSERT INTO t (id, name, n) VALUES (?, ?, ?)");
  ASSERT_TRUE(st.ok());
  for (int64_t i = 1; i <= 3; ++i) {
    (*st)->Bind(1, i);
    (*st)->Bind(2, std::string_view("row"));
    (*st)->BindNull(3);
    ASSERT_TRUE((*st)->Run().ok());
    EXPECT_EQ((*st)->Changes(), 1);
  }
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM t")->at(0).Int(0), 3);
}

TEST_F(StorageTest, RolledBackTransactionLeavesNothing) {
  auto c = tdb_.db().Acquire();
  Status st = InTransaction(*c, TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(c->Exec("INSERT INTO t (id) VALUES (1)"));
    return Error::Invalid("x", "abort");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(c->Query("SELECT COUNT(*) FROM t")->at(0).Int(0), 0);
  EXPECT_FALSE(c->InTransaction());
}

TEST_F(StorageTest, UniqueViolationIsAConflict) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(c->Exec("INSERT INTO t (id) VALUES (1)").ok());
  auto r = c->Exec("INSERT INTO t (id) VALUES (1)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(StorageTest, ConcurrentReadModifyWriteLosesNoUpdate) {
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("INSERT INTO t (id, n) VALUES (1, 0)").ok());
  }
  constexpr int kThreads = 4, kEach = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto c = tdb_.db().Acquire();
        Status st = InTransaction(*c, TxMode::kWrite, [&]() -> Status {
          ASSIGN_OR_RETURN(auto rows, c->Query("SELECT n FROM t WHERE id = 1"));
          RETURN_IF_ERROR(c->Exec("UPDATE t SET n = ? WHERE id = 1", {rows.at(0).Int(0) + 1}));
          return {};
        });
        EXPECT_TRUE(st.ok()) << st.error().message;
      }
    });
  }
  for (auto& th : threads) th.join();
  auto c = tdb_.db().Acquire();
  EXPECT_EQ(c->Query("SELECT n FROM t WHERE id = 1")->at(0).Int(0), kThreads * kEach);
}

// Issue 15 item 7: a SUM beyond int64 is a clear kConflict on both backends (SQLite raises
// "integer overflow"; PostgreSQL returns a NUMERIC too large for int64), never database text or
// a wrapped number; sums that fit come back as integers.
TEST_F(StorageTest, SumBeyondInt64IsAClearConflict) {
  auto c = tdb_.db().Acquire();
  for (int64_t i = 1; i <= 3; ++i)
    ASSERT_TRUE(c->Exec("INSERT INTO t (id, n) VALUES (?, 4000000000000000000)", {i}).ok());
  auto fits = c->QueryOne("SELECT SUM(n) FROM t WHERE id <= 2", {}, "sum");
  ASSERT_TRUE(fits.ok()) << fits.error().message;
  EXPECT_EQ(fits->Int(0), 8'000'000'000'000'000'000);
  auto over = c->Query("SELECT SUM(n) FROM t");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::kConflict);
  EXPECT_NE(over.error().message.find("超出可计算范围"), std::string::npos);
  EXPECT_EQ(over.error().message.find("overflow"), std::string::npos) << over.error().message;
}

TEST_F(StorageTest, BulkInsertKeepsEveryValueExactly) {
  std::vector<std::vector<Value>> rows;
  const std::string awkward = "tab\there, newline\nthere, back\\slash, 引号'\"";
  for (int64_t i = 1; i <= 1000; ++i) {
    rows.push_back({i, i % 3 == 0 ? Value(Null{}) : Value(awkward + std::to_string(i)), i * 1000});
  }
  auto c = tdb_.db().Acquire();
  auto n = InTransaction<int64_t>(*c, TxMode::kWrite, [&]() -> Result<int64_t> {
    return c->BulkInsert("t", {"id", "name", "n"}, rows);
  });
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 1000);
  auto back = c->Query("SELECT COUNT(*), SUM(n) FROM t");
  EXPECT_EQ(back->at(0).Int(0), 1000);
  EXPECT_EQ(back->at(0).Int(1), 500500000);
  EXPECT_EQ(c->Query("SELECT name FROM t WHERE id = 5")->at(0).Text(0), awkward + "5");
  EXPECT_TRUE(c->Query("SELECT name FROM t WHERE id = 6")->at(0).IsNull(0));
}

TEST_F(StorageTest, BackupAndRestoreRoundTrip) {
  auto rows = [&](Database& db) {
    auto c = db.Acquire();
    std::string out;
    auto result = c->Query("SELECT id, name FROM t ORDER BY id");
    for (const auto& r : *result) {
      out += r.Text(0) + "=" + r.Text(1) + ";";
    }
    return out;
  };
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("INSERT INTO t (id, name) VALUES (7, '备份'), (8, 'b')").ok());
  }
  std::string before = rows(tdb_.db());
  std::string file = (tdb_.dir() / "backup.bin").string();
  Status b = tdb_.db().Backup(file);
  ASSERT_TRUE(b.ok()) << b.error().message;
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("UPDATE t SET name = 'changed' WHERE id = 7").ok());
    ASSERT_TRUE(c->Exec("INSERT INTO t (id, name) VALUES (9, 'after backup')").ok());
  }
  // Restore into a fresh, empty database and compare with the state at backup time.
  testing::ScratchTarget fresh;
  auto restored = Open(fresh.target(), 1);
  ASSERT_TRUE(restored.ok());
  Status r = (*restored)->Restore(file);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(rows(**restored), before);
  auto c = (*restored)->Acquire();
  EXPECT_EQ(*SchemaVersion(*c), EmbeddedMigrations().back().version);
}

// Connections go to waiters first come, first served: a thread that releases and acquires
// again queues behind the threads already waiting (no barging, so no request starves).
TEST(PoolTest, WaitersAreServedInArrivalOrder) {
  testing::ScratchTarget target;
  auto db = Open(target.target(), 1);
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto* pool = dynamic_cast<PooledDatabase*>(db->get());
  ASSERT_NE(pool, nullptr);
  std::mutex mu;
  std::vector<int> order;
  auto take = [&](int who) {
    auto lease = pool->Acquire();
    std::lock_guard lock(mu);
    order.push_back(who);
  };
  std::vector<std::thread> waiters;
  {
    auto held = pool->Acquire();
    for (int who = 1; who <= 3; ++who) {
      waiters.emplace_back(take, who);
      while (pool->Waiting() < static_cast<size_t>(who)) std::this_thread::yield();
    }
  }  // released: the oldest waiter gets it, not the next caller
  take(4);
  for (auto& t : waiters) t.join();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4}));
}

TEST(RenderSqlTest, ReplacesIdTokenPerDialect) {
  EXPECT_EQ(RenderSql("id {{ID}},", "sqlite"), "id INTEGER PRIMARY KEY AUTOINCREMENT,");
  EXPECT_EQ(RenderSql("id {{ID}},", "postgresql"),
            "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,");
}

TEST(RenderSqlTest, KeepsTheLinesOfTheDialect) {
  const std::string sql =
      "CREATE TABLE a (x INT);\n-- dialect: sqlite\nS;\n-- dialect: postgresql\nP;\n"
      "-- dialect: all\nB;\n";
  EXPECT_EQ(RenderSql(sql, "sqlite"), "CREATE TABLE a (x INT);\nS;\nB;\n");
  EXPECT_EQ(RenderSql(sql, "postgresql"), "CREATE TABLE a (x INT);\nP;\nB;\n");
}

}  // namespace
}  // namespace ruralec::storage
