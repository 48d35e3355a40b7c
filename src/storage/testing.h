// Test support: a fresh, migrated database per test. A temporary SQLite file by default; with
// RURALEC_TEST_DB=postgresql://… (a maintenance URL, see scripts/test-pg) each test gets its own
// freshly created PostgreSQL database, dropped afterwards. The same tests run on both.
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

// The PostgreSQL maintenance URL under test, or "" for SQLite.
inline std::string PostgresUrl() {
  const char* url = std::getenv("RURALEC_TEST_DB");
  return url && *url ? url : "";
}

// Replaces the database name of a postgresql:// URL ("postgresql://h:p/NAME?query").
inline std::string WithDatabase(const std::string& url, const std::string& name) {
  size_t scheme = url.find("://");
  size_t slash = url.find('/', scheme + 3);
  size_t query = url.find('?');
  std::string base = url.substr(0, slash == std::string::npos ? query : slash);
  return base + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

// A fresh, empty database target (file path or URL) that the destructor removes.
class ScratchTarget {
 public:
  ScratchTarget() {
    std::random_device rd;
    std::string tag = std::to_string(::getpid()) + "_" + std::to_string(rd() % 1000000000);
    dir_ = std::filesystem::temp_directory_path() / ("ruralec-test-" + tag);
    std::filesystem::create_directories(dir_);
    admin_ = PostgresUrl();
    if (admin_.empty()) {
      target_ = (dir_ / "test.db").string();
      return;
    }
    name_ = "ruralec_t_" + tag;
    AdminExec("CREATE DATABASE " + name_);
    target_ = WithDatabase(admin_, name_);
  }
  ~ScratchTarget() {
    if (!name_.empty()) AdminExec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& target() const { return target_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  void AdminExec(const std::string& sql) {
    auto db = Open(admin_, 1);
    if (!db.ok()) std::abort();
    auto conn = (*db)->Acquire();
    if (!conn->ExecScript(sql).ok()) std::abort();
  }
  std::filesystem::path dir_;
  std::string admin_, name_, target_;
};

class TempDatabase {
 public:
  TempDatabase() {
    auto db = Open(scratch_.target(), 4);
    if (!db.ok()) std::abort();
    db_ = std::move(db).value();
    if (!Migrate(*db_).ok()) std::abort();
  }
  ~TempDatabase() { db_.reset(); }
  Database& db() { return *db_; }
  const std::string& target() const { return scratch_.target(); }
  const std::filesystem::path& dir() const { return scratch_.dir(); }

 private:
  ScratchTarget scratch_;
  std::unique_ptr<Database> db_;
};

}  // namespace ruralec::storage::testing
