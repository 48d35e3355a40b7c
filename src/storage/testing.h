// Test support: a fresh, migrated database per test. Uses a temporary SQLite file by default;
// RURALEC_TEST_DB=postgresql://... runs the same tests on PostgreSQL (issue 4).
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "storage/db.h"
#include "storage/migrate.h"

namespace ruralec::storage::testing {

class TempDatabase {
 public:
  TempDatabase() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("ruralec-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    target_ = (dir_ / "test.db").string();
    auto db = Open(target_, 4);
    if (!db.ok()) std::abort();
    db_ = std::move(db).value();
    if (!Migrate(*db_).ok()) std::abort();
  }
  ~TempDatabase() {
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Database& db() { return *db_; }
  const std::string& target() const { return target_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::string target_;
  std::unique_ptr<Database> db_;
};

}  // namespace ruralec::storage::testing
