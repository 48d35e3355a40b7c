// Who reads an import's error workbook (error_access.h): the importer; a holder of the kind's
// owning module's read permission whose scope holds the importer's region; a bound account only
// its own; nobody for a kind no module registered.
#include "imports/error_access.h"

#include <gtest/gtest.h>

namespace ruralec::imports {
namespace {

account::Principal Who(int64_t id, const std::string& region, std::set<std::string> perms) {
  account::Principal p;
  p.id = UserId{id};
  p.region = *RegionCode::Parse(region);
  p.permissions = std::move(perms);
  return p;
}

TEST(ErrorReportAccess, OwningModulesReadPermissionInScopeOrTheImporter) {
  SetErrorReadPermission("stations", "station:read");
  StoredErrorReport stations{*RegionCode::Parse("341302100"), "stations", {}, 7};
  EXPECT_TRUE(MayReadErrorReport(Who(7, "341302100", {}), stations, 1).ok());  // the importer
  EXPECT_TRUE(MayReadErrorReport(Who(8, "341302", {"station:read"}), stations, 1).ok());
  // The ledger's permission no longer opens another module's workbooks.
  EXPECT_EQ(MayReadErrorReport(Who(8, "341302", {"sales:read"}), stations, 1).error().code,
            ErrorCode::kNotFound);
  // Out of scope: hidden.
  EXPECT_EQ(MayReadErrorReport(Who(9, "341302101", {"station:read"}), stations, 1).error().code,
            ErrorCode::kNotFound);
  // A bound account (a business, a station): only its own.
  account::Principal bound = Who(10, "341302100", {"station:read"});
  bound.binding = account::Binding{"station", 3};
  EXPECT_EQ(MayReadErrorReport(bound, stations, 1).error().code, ErrorCode::kForbidden);
  // A kind no module registered: its importer only.
  StoredErrorReport other{*RegionCode::Parse("341302100"), "unknown_kind", {}, 7};
  EXPECT_EQ(MayReadErrorReport(Who(8, "341302", {"station:read"}), other, 1).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(MayReadErrorReport(Who(7, "341302100", {}), other, 1).ok());
}

}  // namespace
}  // namespace ruralec::imports
