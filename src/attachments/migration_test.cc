// Migration 0030: the four old file tables' rows arrive in `attachments` intact (owner, name,
// type, size, sha256 and bytes equal), and the old tables are gone. Runs on SQLite and, under
// scripts/test-pg, on PostgreSQL.
#include <gtest/gtest.h>

#include "attachments/attachments.h"
#include "crypto/crypto.h"
#include "storage/migrate.h"
#include "storage/testing.h"

namespace ruralec::attachments {
namespace {

std::vector<storage::Migration> Before(int version) {
  std::vector<storage::Migration> out;
  for (const auto& m : storage::EmbeddedMigrations())
    if (m.version < version) out.push_back(m);
  return out;
}

void Exec(storage::Connection& conn, const std::string& sql, const storage::Params& p = {}) {
  auto r = conn.Exec(sql, p);
  ASSERT_TRUE(r.ok()) << sql << ": " << r.error().message;
}

struct OldFile {
  std::string table, bytes, name, type;
};

// One parent row per old table, then one file each (and a second task-note file).
void ArrangeVersion29(storage::Connection& conn, const std::vector<OldFile>& files) {
  Exec(conn,
       "INSERT INTO regions (code, name, level, parent_code, county_code) VALUES "
       "('341502000000', '金安区', 'county', NULL, '341502000000')");
  Exec(conn,
       "INSERT INTO programmes (county_code, programme_key, version, content_sha256, name, kind, "
       "status, document_number, region_code, source_file, source_text, loaded_at) VALUES "
       "('341502', 'p', 1, 'x', '方案', 'plan', 'active', '', '341502000000', 'p.yaml', '', 1)");
  Exec(
      conn,
      "INSERT INTO programme_task_notes (programme_id, county_code, task_number, text, status, "
      "author_id, author_name, created_at) VALUES (1, '341502', 3, '已验收', 'done', 7, 'ann', 1)");
  Exec(conn,
       "INSERT INTO designations (county_code, region_code, level, kind, subject_type, "
       "subject_key, subject_name, year, status, status_since, created_at, updated_at) VALUES "
       "('341502000000', '341502000000', 'county', 'county', 'region', 'r', '金安区', 2023, "
       "'candidate', '2023-01-01', 1, 1)");
  Exec(conn,
       "INSERT INTO listings (county_code, region_code, station_id, station_name, product, "
       "quantity, unit, available_from, available_to, status, created_at, updated_at) VALUES "
       "('341502000000', '341502000000', 1, '站', '茶叶', 5, '斤', '2023-01-01', '2023-02-01', "
       "'open', 1, 1)");
  Exec(conn,
       "INSERT INTO indicator_reports (indicator, region_code, county_code, period, "
       "period_first, period_last, version, value, status, reported_name, reported_at) VALUES "
       "('x', '341502000000', '341502000000', '2023Q1', '2023-01-01', '2023-03-31', 1, 5, "
       "'pending', 'ann', 1)");
  for (const auto& f : files) {
    storage::Params common{f.name, f.type, static_cast<int64_t>(f.bytes.size()),
                           crypto::Sha256Hex(f.bytes), crypto::Base64Encode(f.bytes)};
    std::string cols = "filename, content_type, size_bytes, sha256, content_base64, ";
    if (f.table == "programme_task_attachments")
      Exec(conn,
           "INSERT INTO programme_task_attachments (" + cols +
               "note_id, programme_id, county_code, task_number, author_id, author_name, "
               "created_at) VALUES (?, ?, ?, ?, ?, 1, 1, '341502', 3, 7, 'ann', 5)",
           common);
    else if (f.table == "designation_files")
      Exec(conn,
           "INSERT INTO designation_files (" + cols +
               "designation_id, county_code, uploaded_by, uploaded_name, created_at) VALUES "
               "(?, ?, ?, ?, ?, 1, '341502000000', 7, 'ann', 6)",
           common);
    else if (f.table == "matching_files")
      Exec(conn,
           "INSERT INTO matching_files (" + cols +
               "owner_kind, owner_id, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, "
               "'listing', 1, 7, 7)",
           common);
    else
      Exec(conn,
           "INSERT INTO indicator_report_files (" + cols +
               "report_id, county_code, uploaded_by, uploaded_name, created_at) VALUES "
               "(?, ?, ?, ?, ?, 1, '341502000000', NULL, 'bob', 8)",
           common);
  }
}

TEST(AttachmentsMigration, OldFilesArriveIntact) {
  storage::testing::ScratchTarget target;
  auto db = storage::Open(target.target(), 1);
  ASSERT_TRUE(db.ok());
  ASSERT_EQ(*storage::Migrate(**db, Before(30)), 29);
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\1", 20);
  const std::vector<OldFile> files = {
      {"programme_task_attachments", png, "验收.png", kPng},
      {"programme_task_attachments", "第一季度完成培训\n", "说明.txt", kText},
      {"designation_files", "%PDF-1.4\n\xE2\xE3", "创建档案.pdf", kPdf},
      {"matching_files", png, "茶叶.png", kPng},
      {"indicator_report_files", "佐证 1200 人次", "佐证.txt", kText},
  };
  {
    auto conn = (*db)->Acquire();
    ArrangeVersion29(*conn, files);
  }
  ASSERT_GE(*storage::Migrate(**db), 30);
  auto conn = (*db)->Acquire();

  struct Expect {
    Owner owner;
    std::string slot, county, uploader;
    std::optional<int64_t> by;
    int64_t at;
  } expect[] = {
      {{"programme", "task_note", 1}, "", "341502", "ann", 7, 5},
      {{"programme", "task_note", 1}, "", "341502", "ann", 7, 5},
      {{"designation", "designation", 1}, "evidence", "341502000000", "ann", 7, 6},
      {{"matching", "listing", 1}, "photo", "341502000000", "", 7, 7},
      {{"reporting", "report", 1}, "evidence", "341502000000", "bob", std::nullopt, 8},
  };
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& e = expect[i];
    auto list = List(*conn, e.owner);
    ASSERT_TRUE(list.ok());
    size_t at = (i == 1) ? 1 : 0;  // the note's second file
    ASSERT_GT(list->size(), at) << files[i].table;
    const File& f = (*list)[at];
    EXPECT_EQ(f.filename, files[i].name);
    EXPECT_EQ(f.content_type, files[i].type);
    EXPECT_EQ(f.size, static_cast<int64_t>(files[i].bytes.size()));
    EXPECT_EQ(f.sha256, crypto::Sha256Hex(files[i].bytes));
    EXPECT_EQ(f.slot, e.slot);
    EXPECT_EQ(f.county_code, e.county);
    EXPECT_EQ(f.uploaded_name, e.uploader);
    EXPECT_EQ(f.uploaded_by, e.by);
    EXPECT_EQ(f.created_at, e.at);
    auto read = Read(*conn, e.owner, f.id);
    ASSERT_TRUE(read.ok() && read->has_value());
    EXPECT_EQ((*read)->second, files[i].bytes) << files[i].table;
    EXPECT_EQ(crypto::Sha256Hex((*read)->second), f.sha256);
  }
  for (const char* old : {"programme_task_attachments", "designation_files", "matching_files",
                          "indicator_report_files"})
    EXPECT_FALSE(conn->Query(std::string("SELECT COUNT(*) FROM ") + old).ok()) << old;
}

}  // namespace
}  // namespace ruralec::attachments
