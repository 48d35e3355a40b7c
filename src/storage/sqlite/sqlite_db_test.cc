// SQLite backend specifics the conformance suite cannot state: the WAL is checkpointed off the
// writers' path (sqlite_db.cc Checkpointer).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "storage/db.h"
#include "storage/testing.h"

namespace ruralec::storage {
namespace {

// Counts the rows of `table` in the database file alone: immutable=1 makes SQLite ignore the
// WAL, so only what a checkpoint copied into the file is seen.
int64_t RowsInTheFile(const std::string& path, const std::string& table) {
  sqlite3* db = nullptr;
  std::string uri = "file:" + path + "?immutable=1";
  if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    return -1;
  }
  sqlite3_stmt* st = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, ("SELECT COUNT(*) FROM " + table).c_str(), -1, &st, nullptr) ==
          SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

TEST(SqliteCheckpointTest, CommittedRowsReachTheDatabaseFileWithoutAnotherWrite) {
  if (!testing::PostgresUrl().empty()) GTEST_SKIP() << "SQLite only";
  testing::TempDatabase tdb;
  {
    auto c = tdb.db().Acquire();
    ASSERT_TRUE(c->Exec("CREATE TABLE cp (id BIGINT PRIMARY KEY, v TEXT)").ok());
    ASSERT_TRUE(c->Begin(TxMode::kWrite).ok());
    for (int i = 0; i < 3000; ++i)  // about 10 pages of rows: more than one WAL frame
      ASSERT_TRUE(c->Exec("INSERT INTO cp VALUES (?, ?)", {int64_t{i}, std::string(12, 'x')}).ok());
    ASSERT_TRUE(c->Commit().ok());
  }
  // No connection writes again: only the background checkpointer can move the rows.
  int64_t seen = -1;
  for (int waited = 0; waited < 100 && seen != 3000; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    seen = RowsInTheFile(tdb.target(), "cp");
  }
  EXPECT_EQ(seen, 3000) << "the committed rows are still only in the WAL after 10 s";
}

}  // namespace
}  // namespace ruralec::storage
