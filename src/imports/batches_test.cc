// Who may undo an import batch, and when (imports/batches.h): the rule is data, one row each.
#include "imports/batches.h"

#include <gtest/gtest.h>

namespace ruralec::imports {
namespace {

account::Principal Who(int64_t id, const char* region, std::vector<std::string> perms) {
  account::Principal p;
  p.id.value = id;
  p.region = *RegionCode::Parse(region);
  p.permissions = {perms.begin(), perms.end()};
  return p;
}

TEST(MayUndoTest, TheImporterOrACountyHolderOfTheImportPermissionOnce) {
  Batch base;
  base.id = 9;
  base.county = *RegionCode::Parse("341302000000");
  base.kind = "sales";
  base.rows_imported = 3;
  base.created_by = 5;
  struct Case {
    const char* what;
    account::Principal who;
    std::function<void(Batch&)> change;
    ErrorCode want;  // kInternal: allowed
    const char* reason;
  };
  auto same = [](Batch&) {};
  const Case cases[] = {
      {"the importer, a town clerk", Who(5, "341302101000", {}), same, ErrorCode::kInternal, ""},
      {"county staff with the permission", Who(6, "341302000000", {"sales:import"}), same,
       ErrorCode::kInternal, ""},
      {"county staff without it", Who(6, "341302000000", {"sales:read"}), same,
       ErrorCode::kForbidden, "只有导入人"},
      {"town staff with it, not the importer", Who(7, "341302101000", {"sales:import"}), same,
       ErrorCode::kForbidden, "只有导入人"},
      {"another county's staff", Who(8, "341321000000", {"sales:import"}), same,
       ErrorCode::kForbidden, "只有导入人"},
      {"a city account with it", Who(8, "341300000000", {"sales:import"}), same,
       ErrorCode::kForbidden, "只有导入人"},
      {"undone already", Who(5, "341302101000", {}), [](Batch& b) { b.undone_at = 1; },
       ErrorCode::kConflict, "已撤销"},
      {"it updated existing records", Who(5, "341302101000", {}),
       [](Batch& b) { b.rows_updated = 2; }, ErrorCode::kConflict, "更新了 2 条已有记录"},
      {"it wrote nothing", Who(5, "341302101000", {}), [](Batch& b) { b.rows_imported = 0; },
       ErrorCode::kConflict, "没有导入任何行"},
      {"by the command line (no importer)", Who(5, "341302101000", {}),
       [](Batch& b) { b.created_by.reset(); }, ErrorCode::kForbidden, "只有导入人"},
  };
  for (const Case& c : cases) {
    Batch b = base;
    c.change(b);
    Status st = MayUndo(b, c.who, "sales:import");
    if (c.want == ErrorCode::kInternal) {
      EXPECT_TRUE(st.ok()) << c.what << ": " << st.error().message;
      continue;
    }
    ASSERT_FALSE(st.ok()) << c.what;
    EXPECT_EQ(st.error().code, c.want) << c.what;
    EXPECT_NE(st.error().message.find(c.reason), std::string::npos) << st.error().message;
  }
}

}  // namespace
}  // namespace ruralec::imports
