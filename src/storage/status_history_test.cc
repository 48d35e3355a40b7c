// The shared status-history store (storage/status_history.h) against a real database (SQLite,
// or PostgreSQL under scripts/test-pg): rows appended with the module's own columns, read back
// oldest first with the statuses parsed by the module.
#include "storage/status_history.h"

#include <gtest/gtest.h>

#include "storage/testing.h"

namespace ruralec::storage {
namespace {

enum class Light { kRed, kGreen };
Result<Light> ParseLight(std::string_view t, std::string_view field) {
  if (t == "red") return Light::kRed;
  if (t == "green") return Light::kGreen;
  return Error::Invalid(std::string(field), "unknown");
}

TEST(StatusHistory, AppendsWithExtraColumnsAndReadsOldestFirst) {
  testing::TempDatabase tdb;
  auto c = tdb.db().Acquire();
  ASSERT_TRUE(c->Exec("CREATE TABLE h (id BIGINT, thing_id BIGINT, county_code TEXT, region_code "
                      "TEXT, from_status TEXT, "
                      "to_status TEXT, changed_on TEXT, reason TEXT, document_no TEXT, "
                      "recorded_by BIGINT, recorded_at BIGINT)")
                  .ok());
  HistoryTable t{"h", "thing_id"};
  RegionCode county = *RegionCode::Parse("341302");
  CivilDate d1{2024, 3, 1}, d2{2024, 2, 1};
  ASSERT_TRUE(AppendStatusChange(*c, t,
                                 {7,
                                  county,
                                  "red",
                                  "green",
                                  d1,
                                  "开工",
                                  "文1",
                                  5,
                                  100,
                                  {{"region_code", std::string("341302100000")}}})
                  .ok());
  ASSERT_TRUE(AppendStatusChange(*c, t,
                                 {7,
                                  county,
                                  std::nullopt,
                                  "red",
                                  d2,
                                  "",
                                  "",
                                  std::nullopt,
                                  50,
                                  {{"region_code", std::string("341302100000")}}})
                  .ok());
  ASSERT_TRUE(AppendStatusChange(*c, t,
                                 {8,
                                  county,
                                  std::nullopt,
                                  "purple",
                                  d1,
                                  "",
                                  "",
                                  1,
                                  1,
                                  {{"region_code", std::string("x")}}})
                  .ok());
  auto rows = ReadStatusHistory(*c, t, 7, ParseLight, Light::kRed);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].changed_on, d2);  // by date, not by insertion
  EXPECT_FALSE((*rows)[0].from.has_value());
  EXPECT_EQ((*rows)[0].to, Light::kRed);
  EXPECT_EQ((*rows)[0].recorded_by, std::nullopt);
  EXPECT_EQ((*rows)[1].from, std::optional<Light>(Light::kRed));
  EXPECT_EQ((*rows)[1].to, Light::kGreen);
  EXPECT_EQ((*rows)[1].reason, "开工");
  EXPECT_EQ((*rows)[1].document_no, "文1");
  EXPECT_EQ((*rows)[1].recorded_by, std::optional<int64_t>(5));
  EXPECT_EQ((*rows)[1].recorded_at, 100);
  auto region = c->Query("SELECT region_code FROM h WHERE thing_id = 7");
  ASSERT_TRUE(region.ok());
  EXPECT_EQ((*region)[0].Text(0), "341302100000");
  // A status the module no longer knows reads as the fallback.
  auto other = ReadStatusHistory(*c, t, 8, ParseLight, Light::kGreen);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ((*other)[0].to, Light::kGreen);
}

}  // namespace
}  // namespace ruralec::storage
