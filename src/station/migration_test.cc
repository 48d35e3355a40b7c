// Migration 0016 on a database that holds a station import made before the imports module took
// the station batches: the batch moves into import_batches, the stations follow its new id, and
// import_batches accepts the kinds of every importing module (the CHECK of two kinds is gone,
// on SQLite by a schema edit other pooled connections must see too).
#include <gtest/gtest.h>

#include "storage/migrate.h"
#include "storage/testing.h"

namespace ruralec::station {
namespace {

TEST(StationMigration, MovesStationBatchesIntoImportBatches) {
  storage::testing::ScratchTarget scratch;
  auto db = storage::Open(scratch.target(), 3);
  ASSERT_TRUE(db.ok());
  std::vector<storage::Migration> before;
  for (const auto& m : storage::EmbeddedMigrations())
    if (m.version <= 15) before.push_back(m);
  ASSERT_EQ(*storage::Migrate(**db, before), 15);
  {
    auto c = (*db)->Acquire();
    ASSERT_TRUE(
        c->ExecScript("INSERT INTO regions (code, name, level, parent_code, county_code) VALUES "
                      "('341302000000', '埇桥区', 'county', NULL, '341302');"
                      "INSERT INTO import_batches (county_code, kind, file_name, file_hash, mode, "
                      "created_at) VALUES ('341302', 'sales', 's.csv', 'h0', 'valid_only', 1);"
                      "INSERT INTO station_import_batches (county_code, kind, file_name, "
                      "file_hash, mode, rows_total, rows_imported, created_at) VALUES "
                      "('341302', 'stations', 'a.csv', 'h1', 'valid_only', 2, 1, 5);"
                      "INSERT INTO stations (county_code, region_code, level, name, status, "
                      "status_since, batch_id, created_at, updated_at) VALUES ('341302', "
                      "'341302000000', 'town', '甲站', 'planned', '2023-01-01', 1, 5, 5);")
            .ok());
  }
  auto other = (*db)->Acquire();  // a pooled connection opened before the migration
  ASSERT_TRUE(other->Query("SELECT COUNT(*) FROM import_batches").ok());
  ASSERT_TRUE(storage::Migrate(**db).ok());
  auto moved = other->QueryOne(
      "SELECT b.id, b.rows_imported FROM import_batches b JOIN stations s ON s.batch_id = b.id "
      "WHERE b.kind = 'stations' AND b.file_hash = 'h1'",
      {}, "moved");
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->Int(0), 2);
  EXPECT_EQ(moved->Int(1), 1);
  EXPECT_TRUE(other
                  ->Exec("INSERT INTO import_batches (county_code, kind, file_name, file_hash, "
                         "mode, created_at) VALUES ('341302', 'station_records', 'r.csv', 'h2', "
                         "'valid_only', 1)")
                  .ok());
  EXPECT_TRUE(other
                  ->Exec("INSERT INTO import_error_reports (county_code, region_code, kind, "
                         "file_name, rows_rejected, errors_json, created_at, expires_at) VALUES "
                         "('341302', '341302000000', 'stations', 'a.csv', 1, '[]', 1, 2)")
                  .ok());
}

}  // namespace
}  // namespace ruralec::station
