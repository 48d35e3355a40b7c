// The purchases ledger: sellers (registered households, poverty villages), duplicates refused,
// corrections superseding with history, scope by the buying entity, the import.
#include "households/purchases.h"

#include "households/purchase_import.h"
#include "households/test_fixture.h"

namespace ruralec::households {
namespace {

using testing::kIds;

class Purchases : public testing::HouseholdFixture {
 protected:
  void SetUp() override {
    HouseholdFixture::SetUp();
    auto h = Register(D(), town_, Input("341302100201", "张三", kIds[0]));
    ASSERT_TRUE(h.ok());
    household_ = h->id;
  }
  PurchaseInput FromHousehold(int64_t amount_fen, const std::string& voucher = "ZZ001") {
    PurchaseInput in;
    in.entity_id = e1_;
    in.seller_kind = SellerKind::kHousehold;
    in.household_id = household_;
    in.product = "酥梨";
    in.quantity = 500;
    in.unit = "斤";
    in.amount_fen = amount_fen;
    in.purchased_on = *CivilDate::Parse("2023-09-12");
    in.evidence_kind = "transfer";
    in.evidence_no = voucher;
    return in;
  }
  int64_t household_ = 0;
};

TEST_F(Purchases, RecordsFromAHouseholdAndRefusesDuplicates) {
  auto p = RecordPurchase(D(), town_, FromHousehold(125000));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->in.village.str(), "341302100201");  // the household's village
  EXPECT_EQ(p->seller_label, "张*");               // never the unmasked name
  EXPECT_EQ(p->entity_name, "符离电商有限公司");
  auto dup = RecordPurchase(D(), town_, FromHousehold(99900));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(RecordPurchase(D(), town_, FromHousehold(99900, "ZZ002")).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.create'"), 2);
}

TEST_F(Purchases, VillageSellersMustBePovertyVillages) {
  PurchaseInput in = FromHousehold(50000);
  in.seller_kind = SellerKind::kVillage;
  in.village = *RegionCode::Parse("341302100201");  // not tagged
  in.seller_name = "沈圩果蔬合作社";
  EXPECT_EQ(RecordPurchase(D(), town_, in).error().field, "village_code");
  in.village = *RegionCode::Parse("341302100202");  // poverty_village
  auto p = RecordPurchase(D(), town_, in);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->seller_label, "沈圩果蔬合作社");
  EXPECT_FALSE(p->in.household_id.has_value());
}

TEST_F(Purchases, FieldsAreNamed) {
  auto in = FromHousehold(0);
  EXPECT_EQ(RecordPurchase(D(), town_, in).error().field, "amount");
  in = FromHousehold(100);
  in.purchased_on = *CivilDate::Parse("2023-12-01");  // in the future
  EXPECT_EQ(RecordPurchase(D(), town_, in).error().field, "purchased_on");
  in = FromHousehold(100);
  in.evidence_no = " ";
  EXPECT_EQ(RecordPurchase(D(), town_, in).error().field, "evidence_no");
  in = FromHousehold(100);
  in.household_id = 9999;
  EXPECT_EQ(RecordPurchase(D(), town_, in).error().field, "household_id");
  in = FromHousehold(100);
  in.entity_id = e2_;  // the other town's entity: outside town_'s scope
  EXPECT_EQ(RecordPurchase(D(), town_, in).error().field, "entity_id");
}

TEST_F(Purchases, CorrectionsSupersedeAndKeepHistory) {
  auto p = RecordPurchase(D(), town_, FromHousehold(125000));
  ASSERT_TRUE(p.ok());
  auto c = CorrectPurchase(D(), town_, p->id, FromHousehold(120000), "金额录错");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->supersedes_id, p->id);
  auto again = CorrectPurchase(D(), town_, p->id, FromHousehold(1), "再改旧记录");
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto chain = PurchaseHistory(D(), county_, c->id);
  ASSERT_TRUE(chain.ok());
  ASSERT_EQ(chain->size(), 2u);
  EXPECT_EQ((*chain)[1].in.amount_fen, 125000);
  EXPECT_FALSE((*chain)[1].current);
  PurchaseFilter f;
  auto current = ListPurchases(D(), county_, f, {});
  ASSERT_TRUE(current.ok());
  ASSERT_EQ(current->total, 1);
  EXPECT_EQ(current->items[0].in.amount_fen, 120000);
  f.history = true;
  EXPECT_EQ(ListPurchases(D(), county_, f, {})->total, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.correct'"), 1);
}

TEST_F(Purchases, ScopeFollowsTheBuyerAndBoundEntitiesSeeTheirOwn) {
  auto p = RecordPurchase(D(), county_, FromHousehold(125000));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(ListPurchases(D(), other_town_, {}, {})->total, 0);
  EXPECT_EQ(GetPurchase(D(), other_town_, p->id).error().code, ErrorCode::kNotFound);
  auto own = MakePrincipal("341302100201", "entity");
  own.binding = account::Binding{"entity", e1_};
  EXPECT_EQ(ListPurchases(D(), own, {}, {})->total, 1);
  own.binding = account::Binding{"entity", e2_};
  EXPECT_EQ(ListPurchases(D(), own, {}, {})->total, 0);
  EXPECT_EQ(GetPurchase(D(), own, p->id).error().code, ErrorCode::kNotFound);
}

TEST_F(Purchases, YearSumsNameThePurchases) {
  auto a = RecordPurchase(D(), town_, FromHousehold(125000, "A"));
  auto in = FromHousehold(50000, "B");
  in.seller_kind = SellerKind::kVillage;
  in.village = *RegionCode::Parse("341302100202");
  in.seller_name = "大庄合作社";
  auto b = RecordPurchase(D(), town_, in);
  auto old = FromHousehold(7, "C");
  old.purchased_on = *CivilDate::Parse("2022-12-31");
  ASSERT_TRUE(a.ok() && b.ok() && RecordPurchase(D(), town_, old).ok());
  auto c = tdb_.db().Acquire();
  auto year = PurchasesOfYear(*c, *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(year.ok());
  ASSERT_EQ(year->size(), 1u);
  EXPECT_EQ((*year)[0].entity_id, e1_);
  EXPECT_EQ((*year)[0].amount_fen, 175000);
  EXPECT_EQ((*year)[0].from_households_fen, 125000);
  EXPECT_EQ((*year)[0].from_villages_fen, 50000);
  EXPECT_EQ((*year)[0].purchase_ids, (std::vector<int64_t>{a->id, b->id}));
}

TEST_F(Purchases, ImportFindsSellersByIdNumberAndIsIdempotent) {
  std::string header =
      "收购主体信用代码,卖方类型,卖方身份证号,卖方村区划代码,卖方名称,产品,数量,单位,金额(元),"
      "收购日期,凭证类型,凭证号\n";
  std::string row1 = std::string("91341302MA2NAP9013,农户,") + kIds[0] +
                     ",,,酥梨,500,斤,1250.00,2023-09-12,转账凭证,ZZ1\n";
  std::string row2 =
      "91341302MA2NAP9013,贫困村,,341302100202,大庄合作社,山芋,100,斤,80,2023-10-01,,R2\n";
  std::string unknown =
      std::string("91341302MA2NAP9013,农户,") + kIds[4] + ",,,酥梨,1,斤,1,2023-09-12,收据,R3\n";
  std::string path = WriteFile("p.csv", header + row1 + row2 + unknown + row1);
  auto rep = ImportPurchases(Ctx(), town_, path, imports::Mode::kValidOnly);
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->rows_imported, 2);
  EXPECT_EQ(rep->rows_rejected, 2);
  EXPECT_EQ(rep->errors[0].column, "卖方身份证号");
  EXPECT_EQ(Count("SELECT SUM(amount_fen) FROM purchases WHERE source = 'import'"), 133000);
  // A file with the same rows again: already imported; a changed amount: rejected.
  std::string changed = std::string("91341302MA2NAP9013,农户,") + kIds[0] +
                        ",,,酥梨,500,斤,1300.00,2023-09-12,转账凭证,ZZ1\n";
  auto again = ImportPurchases(Ctx(), town_, WriteFile("p2.csv", header + row1 + row2 + changed),
                               imports::Mode::kValidOnly);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows_already_imported, 2);
  EXPECT_EQ(again->rows_rejected, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM purchases"), 2);
}

}  // namespace
}  // namespace ruralec::households
