// Personal-data canaries (issue 20 item 7; docs/TESTING.md "Personal-data canaries"). Canary ID
// numbers, mobiles and household names go in through every path that takes personal data
// (tests/access/canaries.test: forms and imports, accepted and refused rows); then the SQLite
// file, its WAL, every stored cell (zip blobs inflated), a backup made by `ruralec backup`, the
// server log, every GET answer but the /pii/ ones (downloads unzipped) and the public routes
// must not contain any canary in plaintext. Masked forms (138****0001, 张*) are fine.
#include <gtest/gtest.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "access/probes.h"
#include "access/sweep_support.h"
#include "access/zip_text.h"

namespace ruralec::accesstest {
namespace {

const std::string kFixture = std::string(RURALEC_SOURCE_DIR) + "/tests/access/canaries.test";

std::vector<std::string> Canaries() {
  std::ifstream in(kFixture);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("# canary ", 0) == 0) out.push_back(line.substr(9));
  return out;
}

std::string FileBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `s` as a URL carries it (%E5%8D%A1…): how a name in a query string reaches a log.
std::string PercentEncoded(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class Finder {
 public:
  explicit Finder(std::vector<std::string> canaries) : canaries_(std::move(canaries)) {
    size_t n = canaries_.size();
    for (size_t i = 0; i < n; ++i)
      if (PercentEncoded(canaries_[i]) != canaries_[i])
        canaries_.push_back(PercentEncoded(canaries_[i]));
  }
  // Records every canary found in `text` (and, for a zip, in its inflated entries).
  void Search(const std::string& where, const std::string& text) {
    ++searched_;
    std::string all = SearchableText(text);
    for (const std::string& c : canaries_)
      if (all.find(c) != std::string::npos) found_.push_back(where + ": " + c);
  }
  const std::vector<std::string>& found() const { return found_; }
  int searched() const { return searched_; }

 private:
  std::vector<std::string> canaries_;
  std::vector<std::string> found_;
  int searched_ = 0;
};

// Every stored cell, zip blobs inflated (an xlsx kept in the database is compressed).
void SearchCells(storage::Database& db, Finder& f) {
  auto conn = db.Acquire();
  auto tables = conn->Query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  ASSERT_TRUE(tables.ok());
  for (const auto& t : *tables) {
    auto rows = conn->Query("SELECT * FROM " + t.Text(0));
    ASSERT_TRUE(rows.ok());
    std::string text;
    for (const auto& r : *rows)
      for (size_t i = 0; i < r.size(); ++i) text += SearchableText(r.Text(i)) + "\n";
    f.Search("table " + t.Text(0), text);
  }
}

// Every GET route but /pii/ (the fixture's requests, else synthesized), plain and as csv: as
// the county's staff (who see personal data masked) every answer; as the town's staff (who see
// a household head's name) the downloads (any answer that is no JSON); the public routes
// without a session.
void SearchAnswers(Server& s, ProbeBuilder& probes, const std::vector<Recorded>& rec, Finder& f) {
  for (const http::RouteEntry& e : s.server().Routes()) {
    if (e.method != "GET" || e.pattern.find("/pii/") != std::string::npos) continue;
    std::vector<std::string> users = {"anonymous"};
    if (e.route.auth) users = {"cty", "town"};
    for (const Probe& p : probes.ProbesFor(e, rec)) {
      for (const std::string& user : users) {
        for (std::string format : {"", "format=csv"}) {
          std::string path = p.path;
          if (!format.empty()) path += (path.find('?') == std::string::npos ? "?" : "&") + format;
          Exchange x;
          ASSERT_EQ(s.Send(user, "GET", path, "", &x), "");
          bool file = http::Json::parse(x.response, nullptr, false).is_discarded();
          if (user != "town" || file)
            f.Search("GET " + path + " as " + user + " → " + std::to_string(x.status), x.response);
        }
      }
    }
  }
}

// The control: the /pii/ routes do answer the canaries entered by form in plaintext — they were
// stored, and the search finds them where they are.
void Control(Server& s, const std::vector<Recorded>& rec,
             const std::vector<std::string>& canaries) {
  int seen = 0;
  for (const Recorded& r : rec) {
    auto j = http::Json::parse(r.x.response, nullptr, false);
    if (r.x.method != "POST" || r.x.status != 201 || !j.is_object() || !j.contains("id")) continue;
    std::string object = PathOnly(r.x.path) + "/" + std::to_string(j["id"].get<int64_t>());
    for (const char* pii : {"/pii/identity", "/pii/mobile", "/pii/id_number"}) {
      Exchange x;
      if (!s.Send("cty", "GET", object + pii, "", &x).empty() || x.status != 200) continue;
      for (const std::string& c : canaries) seen += x.response.find(c) != std::string::npos;
    }
  }
  EXPECT_GE(seen, 4) << "the /pii/ routes should reveal the canaries entered by form";
}

TEST(PiiCanaries, NoPlaintextInDatabaseWalBackupLogExportsOrPublicPages) {
  std::vector<std::string> canaries = Canaries();
  ASSERT_GE(canaries.size(), 20u);
  Finder f(canaries);
  Server s;
  ASSERT_EQ(s.Start(), "");
  // The server's log: everything it writes, at every level.
  auto log_path = s.dir() / "server.log";
  auto logger = spdlog::basic_logger_mt("canaries", log_path.string());
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::trace);
  spdlog::flush_on(spdlog::level::trace);

  std::vector<Recorded> rec;
  ASSERT_EQ(s.RunFixture(kFixture, &rec), "");
  ProbeBuilder probes(s);
  probes.LearnIds(rec);
  Control(s, rec, canaries);
  SearchAnswers(s, probes, rec, f);
  for (const Recorded& r : rec)  // what the forms and imports answered (errors included)
    if (r.x.path.find("/pii/") == std::string::npos)
      f.Search("answer to " + r.x.method + " " + r.x.path, r.x.response);
  SearchCells(s.db(), f);
  f.Search("database file", FileBytes(s.db_path()));
  std::string wal = FileBytes(s.db_path() + "-wal");
  EXPECT_GT(wal.size(), 0u) << "no WAL to search: the canaries went straight to the file";
  f.Search("WAL", wal);

  auto backup = s.dir() / "backup.db";
  std::string cmd = std::string(RURALEC_BIN) + " backup --db " + s.db_path() + " --out " +
                    backup.string() + " >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::string backup_bytes = FileBytes(backup);
  ASSERT_GT(backup_bytes.size(), 0u);
  f.Search("backup", backup_bytes);

  spdlog::set_default_logger(previous);
  std::string log = FileBytes(log_path);
  EXPECT_GT(log.size(), 0u);
  f.Search("server log", log);

  std::cout << "canaries: " << canaries.size() << " values, " << rec.size() << " fixture requests, "
            << f.searched() << " places searched\n";
  std::string all;
  for (const std::string& x : f.found()) all += x + "\n";
  EXPECT_TRUE(f.found().empty()) << f.found().size() << " plaintext canaries found:\n" << all;
}

}  // namespace
}  // namespace ruralec::accesstest
