// The household register: field rules, encrypted ID numbers with a blind index, masking by
// the caller's level, the audited reveal, scope, and the import.
#include "households/households.h"

#include "households/import.h"
#include "households/test_fixture.h"

namespace ruralec::households {
namespace {

using testing::HouseholdFixture;
using testing::kIds;

class Households : public HouseholdFixture {};

TEST_F(Households, FieldsAreCheckedAndNamed) {
  auto bad_id = Input("341302100201", "张三", "341302198001011234");  // wrong check digit
  EXPECT_EQ(Register(D(), town_, bad_id).error().field, "id_number");
  auto lifted = Input("341302100201", "张三", kIds[0]);
  lifted.status = PovertyStatus::kLifted;
  EXPECT_EQ(Register(D(), town_, lifted).error().field, "lifted_year");
  lifted.lifted_year = 2024;  // after this year (2023)
  EXPECT_EQ(Register(D(), town_, lifted).error().field, "lifted_year");
  auto undated = Input("341302100201", "张三", kIds[0]);
  undated.willing_on.reset();
  EXPECT_EQ(Register(D(), town_, undated).error().field, "willing_on");
  auto at_town = Input("341302100000", "张三", kIds[0]);
  EXPECT_EQ(Register(D(), town_, at_town).error().field, "region_code");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM households"), 0);
}

TEST_F(Households, IdNumberIsEncryptedWithABlindIndexAndOneHouseholdPerHead) {
  auto h = Register(D(), town_, Input("341302100201", "张三", kIds[3]));
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_EQ(h->id_masked, "341302********654X");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM households WHERE id_enc LIKE '%34130219660808654X%' OR "
                  "head_name_enc LIKE '%张三%'"),
            0);
  // The same head (lower-case x) is refused, in any village.
  auto again = Register(D(), county_, Input("341302101203", "张三", "34130219660808654x"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "id_number");
  auto c = tdb_.db().Acquire();
  auto found = FindByIdNumber(*c, cipher_, "34130219660808654X");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, h->id);
}

TEST_F(Households, NamesAreMaskedAboveTheTownAndHiddenOutsideScope) {
  auto h = Register(D(), town_, Input("341302100201", "欧阳小明", kIds[0]));
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->head_name, "欧阳小明");  // town staff of the household's town
  EXPECT_FALSE(h->name_masked);
  auto by_county = List(D(), county_, {}, {});
  ASSERT_TRUE(by_county.ok());
  ASSERT_EQ(by_county->total, 1);
  EXPECT_EQ(by_county->items[0].head_name, "欧***");
  EXPECT_TRUE(by_county->items[0].name_masked);
  // Another town's staff: not in their list, not found by id, and their own town only.
  auto other = List(D(), other_town_, {}, {});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->total, 0);
  EXPECT_EQ(Get(D(), other_town_, h->id).error().code, ErrorCode::kNotFound);
  Filter f;
  f.region = *RegionCode::Parse("341302100");
  EXPECT_EQ(List(D(), other_town_, f, {}).error().code, ErrorCode::kForbidden);
}

TEST_F(Households, RevealIsAuditedAndScoped) {
  auto h = Register(D(), town_, Input("341302100201", "张三", kIds[0]));
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(Reveal(D(), other_town_, h->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'pii.view'"), 0);
  auto r = Reveal(D(), county_, h->id);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->head_name, "张三");
  EXPECT_EQ(r->id_number, kIds[0]);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'pii.view' AND "
                  "object_type = 'household.id_number' AND object_id = '" +
                  std::to_string(h->id) + "'"),
            1);
  auto auditor = MakePrincipal("341302", "auditor");
  EXPECT_FALSE(Reveal(D(), auditor, h->id).ok());  // reads the register, masked only
}

TEST_F(Households, UpdateReplacesFieldsAndHelpersAndIsAudited) {
  auto h = Register(D(), town_, Input("341302100201", "张三", kIds[0], false));
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->willing);
  auto in = Input("341302100201", "张三", kIds[0]);
  in.helpers = {{HelperKind::kUnit, "区商务局", std::nullopt},
                {HelperKind::kEntity, "符离电商", e1_}};
  auto u = Update(D(), town_, h->id, in);
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_TRUE(u->willing && u->able);
  ASSERT_EQ(u->helpers.size(), 2u);
  EXPECT_EQ(u->helpers[1].entity_id, e1_);
  in.helpers[1].entity_id = 999;
  EXPECT_EQ(Update(D(), town_, h->id, in).error().field, "helpers");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.update'"), 1);
  EXPECT_EQ(Update(D(), other_town_, h->id, in).error().code, ErrorCode::kNotFound);
}

TEST_F(Households, ImportChecksRowsAndCountsRegisteredHeadsAsImported) {
  std::string header =
      "区划代码,户主姓名,户主身份证号,家庭人口,户类型,脱贫年度,有参与意愿,意愿表示日期,"
      "有参与能力,能力认定日期,生产产品,结对帮扶\n";
  std::string good = std::string("341302100201,张三,") + kIds[0] +
                     ",4,建档立卡贫困户,,是,2023-03-01,是,2023-03-01,酥梨、山芋,"
                     "帮扶单位:区商务局、经营主体:91341302MA2NAP9013\n";
  std::string bad_id = "341302100201,李四,341302198001011234,2,监测户,,否,,否,,,\n";
  std::string lifted = std::string("341302100202,王五,") + kIds[1] + ",2,已脱贫,2020,否,,否,,,\n";
  std::string path = WriteFile("h.csv", header + good + bad_id + good + lifted);
  auto rep = ImportHouseholds(Ctx(), town_, path, imports::Mode::kValidOnly);
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->rows_imported, 2);
  EXPECT_EQ(rep->rows_rejected, 2);
  ASSERT_EQ(rep->errors.size(), 2u);
  EXPECT_EQ(rep->errors[0].column, "户主身份证号");
  EXPECT_NE(rep->errors[1].reason.find("第2行"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM household_helpers WHERE entity_id IS NOT NULL"), 1);
  // The fixed file: the registered heads count as already imported.
  std::string fixed = WriteFile("h2.csv", header + good + lifted);
  auto again = ImportHouseholds(Ctx(), town_, fixed, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows_imported, 0);
  EXPECT_EQ(again->rows_already_imported, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM households"), 2);
  // Outside the importer's scope.
  auto out = ImportHouseholds(Ctx(), other_town_, WriteFile("h3.csv", header + good),
                              imports::Mode::kValidOnly);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->rows_rejected, 1);
}

TEST(HouseholdNames, MaskKeepsTheFirstCharacter) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳小明"), "欧***");
  EXPECT_EQ(MaskName(""), "");
}

}  // namespace
}  // namespace ruralec::households
