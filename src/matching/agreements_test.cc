// Agreements and their attributed online sales (agreements.h contract).
#include "matching/test_fixture.h"

namespace ruralec::matching {
namespace {

using testing::MatchingFixture;

class AgreementTest : public MatchingFixture {
 protected:
  AgreementInput Contract() {
    AgreementInput in;
    in.entity_id = e1_;
    in.agreement_no = "HT-2023-001";
    in.title = "酥梨订单收购协议";
    in.model = "订单农业";
    in.signed_on = D("2023-03-01");
    in.valid_from = D("2023-03-01");
    in.valid_to = D("2024-02-29");
    in.parties = {{PartyKind::kCoop, "沈圩酥梨合作社", {}, {}},
                  {PartyKind::kHousehold, "张三", h1_, {}}};
    in.products = {{"酥梨", "斤", 50000, 220}};
    return in;
  }
};

TEST_F(AgreementTest, RecordsPartiesProductsAndMasksHouseholds) {
  auto a = CreateAgreement(Dp(), entity_, Contract());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->in.model, "order_farming");
  EXPECT_EQ(a->entity_name, "符离电商有限公司");
  ASSERT_EQ(a->in.parties.size(), 2u);
  EXPECT_EQ(a->in.parties[1].name, "张*");
  EXPECT_EQ(a->in.products[0].quantity, 50000);
  auto dup = CreateAgreement(Dp(), county_, Contract());
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().field, "agreement_no");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'agreement.create'"), 1);
}

TEST_F(AgreementTest, BadInputNamesTheField) {
  struct Case {
    void (*change)(AgreementInput&);
    const char* field;
  };
  const Case cases[] = {
      {[](AgreementInput& in) { in.model = "包销"; }, "model"},
      {[](AgreementInput& in) { in.signed_on = *CivilDate::Parse("2023-12-01"); }, "signed_on"},
      {[](AgreementInput& in) { in.valid_to = *CivilDate::Parse("2023-01-01"); }, "valid_to"},
      {[](AgreementInput& in) { in.parties.clear(); }, "parties"},
      {[](AgreementInput& in) { in.products[0].quantity = 0; }, "products"},
      {[](AgreementInput& in) { in.parties[1].household_id = 999; }, "parties"},
      {[](AgreementInput& in) { in.entity_id = 999; }, "entity_id"},
  };
  for (const Case& c : cases) {
    AgreementInput in = Contract();
    c.change(in);
    auto r = CreateAgreement(Dp(), county_, in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
}

TEST_F(AgreementTest, AttributedSalesReplaceTheMonthAndSumPerYear) {
  auto a = CreateAgreement(Dp(), entity_, Contract());
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(RecordSales(Dp(), entity_, a->id, {"2023-05", 100000, "订单导出 2023-05"}).ok());
  ASSERT_TRUE(RecordSales(Dp(), entity_, a->id, {"2023-05", 120000, "更正"}).ok());
  ASSERT_TRUE(RecordSales(Dp(), town_, a->id, {"2023-06", 30000, "结算单"}).ok());
  auto future = RecordSales(Dp(), entity_, a->id, {"2023-12", 1, "x"});
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "month");
  auto before = RecordSales(Dp(), entity_, a->id, {"2023-02", 1, "x"});
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().field, "month");
  EXPECT_EQ(GetAgreement(Dp(), county_, a->id)->attributed_fen, 150000);

  auto c = tdb_.db().Acquire();
  auto year = AttributedOfYear(*c, *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(year.ok());
  ASSERT_EQ(year->size(), 1u);
  EXPECT_EQ((*year)[0].entity_id, e1_);
  EXPECT_EQ((*year)[0].amount_fen, 150000);
  EXPECT_EQ((*year)[0].agreement_ids, std::vector<int64_t>{a->id});
}

TEST_F(AgreementTest, ScopeFollowsTheEntity) {
  auto a = CreateAgreement(Dp(), entity_, Contract());
  ASSERT_TRUE(a.ok());
  auto r = GetAgreement(Dp(), other_town_, a->id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  auto list = ListAgreements(Dp(), other_town_, {}, {1, 20});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
  EXPECT_EQ(ListAgreements(Dp(), town_, {}, {1, 20})->total, 1);
}

}  // namespace
}  // namespace ruralec::matching
