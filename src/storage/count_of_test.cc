// Connection::CountOf may answer a list's COUNT from an earlier count (storage/count_store.h).
// These tests hold it to the only promise that matters: the answer always equals a fresh count of
// the data as it is, whoever changed it (this connection, another connection of the pool, another
// process, inside or outside a transaction, a restore).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "storage/db.h"
#include "storage/testing.h"

namespace ruralec::storage {
namespace {

constexpr const char* kCountSql = "SELECT COUNT(*) FROM t WHERE n >= ? AND name = ?";

class CountOfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, n BIGINT)").ok());
  }
  static int64_t Fresh(Connection& c, int64_t min_n, const std::string& name) {
    // A different SQL text: never answered from CountOf's store.
    auto rows = c.Query("SELECT COUNT(*) FROM t WHERE name = ? AND n >= ?", {name, min_n});
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  testing::TempDatabase tdb_;
};

// A naive model (the rows by id) against random writes through three connections: two of the
// pool and one of a second Database on the same target (as another process would be), some in
// transactions that commit or roll back. After every step, CountOf on a random connection with
// random parameters equals the model's count; inside an open transaction it sees that
// transaction's own uncommitted rows.
TEST_F(CountOfTest, AlwaysEqualsTheDataWhoeverWroteIt) {
  auto other = Open(tdb_.target(), 1);
  ASSERT_TRUE(other.ok());
  auto a = tdb_.db().Acquire();
  auto b = tdb_.db().Acquire();
  auto c = (*other)->Acquire();
  std::vector<Connection*> conns = {&*a, &*b, &*c};
  std::map<int64_t, std::pair<std::string, int64_t>> model;
  std::mt19937 rng(20261207);
  auto pick = [&](int n) { return static_cast<int>(rng() % n); };
  const std::vector<std::string> names = {"甲", "乙", "丙"};
  auto model_count = [&](int64_t min_n, const std::string& name) {
    int64_t k = 0;
    for (const auto& [id, row] : model) k += row.first == name && row.second >= min_n;
    return k;
  };
  auto check = [&](Connection& conn, int step) {
    for (int q = 0; q < 3; ++q) {
      int64_t min_n = pick(10);
      const std::string& name = names[pick(3)];
      auto got = conn.CountOf(kCountSql, {min_n, name});
      ASSERT_TRUE(got.ok()) << got.error().message;
      ASSERT_EQ(*got, model_count(min_n, name)) << "step " << step;
    }
  };
  int64_t next_id = 1;
  for (int step = 0; step < 600; ++step) {
    Connection& w = *conns[pick(3)];
    int op = pick(4);
    bool in_tx = pick(3) == 0;
    bool commit = pick(2) == 0;
    auto staged = model;
    if (in_tx) ASSERT_TRUE(w.Begin(TxMode::kWrite).ok());
    if (op <= 1) {  // insert
      int64_t id = next_id++;
      std::string name = names[pick(3)];
      int64_t n = pick(10);
      ASSERT_TRUE(w.Exec("INSERT INTO t (id, name, n) VALUES (?, ?, ?)", {id, name, n}).ok());
      staged[id] = {name, n};
    } else if (op == 2 && !staged.empty()) {  // update the filtered column
      auto it = std::next(staged.begin(), pick(static_cast<int>(staged.size())));
      int64_t n = pick(10);
      ASSERT_TRUE(w.Exec("UPDATE t SET n = ? WHERE id = ?", {n, it->first}).ok());
      it->second.second = n;
    } else if (!staged.empty()) {  // delete
      auto it = std::next(staged.begin(), pick(static_cast<int>(staged.size())));
      ASSERT_TRUE(w.Exec("DELETE FROM t WHERE id = ?", {it->first}).ok());
      staged.erase(it);
    }
    if (in_tx) {
      std::swap(model, staged);
      check(w, step);  // the transaction sees its own writes
      std::swap(model, staged);
      ASSERT_TRUE((commit ? w.Commit() : w.Rollback()).ok());
      if (!commit) staged = model;
    }
    model = staged;
    check(*conns[pick(3)], step);
  }
}

TEST_F(CountOfTest, AgreesWithAFreshCountAfterARestore) {
  auto one = Open(tdb_.target(), 1);  // one connection: the restore writes through it
  ASSERT_TRUE(one.ok());
  Database& db = **one;
  {
    auto c = db.Acquire();
    ASSERT_TRUE(c->Exec("INSERT INTO t (id, name, n) VALUES (1, '甲', 5)").ok());
  }
  std::string file = (tdb_.dir() / "before.bin").string();
  ASSERT_TRUE(db.Backup(file).ok());
  {
    auto c = db.Acquire();
    ASSERT_TRUE(c->Exec("INSERT INTO t (id, name, n) VALUES (2, '甲', 5)").ok());
    EXPECT_EQ(*c->CountOf(kCountSql, {int64_t{0}, std::string("甲")}), 2);
  }
  ASSERT_TRUE(db.Restore(file).ok());
  auto c = db.Acquire();
  EXPECT_EQ(Fresh(*c, 0, "甲"), 1);
  EXPECT_EQ(*c->CountOf(kCountSql, {int64_t{0}, std::string("甲")}), 1);
}

// Parameters that differ only in type or in where one text ends are different counts.
TEST_F(CountOfTest, KeepsDistinctParametersApart) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(c->Exec("INSERT INTO t (id, name, n) VALUES (1, 'ab', 1), (2, 'a', 1)").ok());
  const char* sql = "SELECT COUNT(*) FROM t WHERE name = ? OR name = ?";
  EXPECT_EQ(*c->CountOf(sql, {std::string("a"), std::string("b")}), 1);
  EXPECT_EQ(*c->CountOf(sql, {std::string("ab"), std::string("")}), 1);
  EXPECT_EQ(*c->CountOf(sql, {std::string("ab"), std::string("a")}), 2);
  EXPECT_EQ(*c->CountOf(sql, {std::string("x"), Null{}}), 0);
  EXPECT_EQ(*c->CountOf(sql, {std::string("a"), std::string("b")}), 1);
}

}  // namespace
}  // namespace ruralec::storage
