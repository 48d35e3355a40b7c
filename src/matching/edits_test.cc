// Edits of agreements and the changes in words (edits.h contract): table-driven refusals of
// edits that would break the attributed sales, the history kept, and CooperationSalesOfYear.
#include "matching/edits.h"

#include "matching/test_fixture.h"

namespace ruralec::matching {
namespace {

using testing::MatchingFixture;

class EditTest : public MatchingFixture {
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
    in.parties = {{PartyKind::kCoop, "沈圩酥梨合作社", {}, {}}};
    in.products = {{"酥梨", "斤", 50000, 220}};
    return in;
  }
};

TEST_F(EditTest, RefusesWhatBreaksTheAttributedSales) {
  auto a = CreateAgreement(Dp(), entity_, Contract());
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(RecordSales(Dp(), entity_, a->id, {"2023-05", 100000, "订单导出"}).ok());
  AgreementInput other = Contract();
  other.agreement_no = "HT-2023-002";
  ASSERT_TRUE(CreateAgreement(Dp(), entity_, other).ok());
  struct Case {
    const char* name;
    void (*change)(AgreementInput&);
    const char* field;  // nullptr: accepted
  };
  const Case cases[] = {
      {"period starts after a month with sales",
       [](AgreementInput& in) { in.valid_from = *CivilDate::Parse("2023-06-01"); }, "valid_from"},
      {"period ends before a month with sales",
       [](AgreementInput& in) { in.valid_to = *CivilDate::Parse("2023-04-30"); }, "valid_to"},
      {"the month's last day still inside",
       [](AgreementInput& in) { in.valid_to = *CivilDate::Parse("2023-05-01"); }, nullptr},
      {"last co-op replaced by a village",
       [](AgreementInput& in) {
         in.parties = {{PartyKind::kVillage, "沈圩村", {}, {}}};
       },
       "parties"},
      {"co-op replaced by a base",
       [](AgreementInput& in) {
         in.parties = {{PartyKind::kBase, "酥梨基地", {}, {}}};
       },
       nullptr},
      {"another agreement's number", [](AgreementInput& in) { in.agreement_no = "HT-2023-002"; },
       "agreement_no"},
      {"another entity", [](AgreementInput& in) { in.entity_id = 999; }, "entity_id"},
      {"bad model", [](AgreementInput& in) { in.model = "包销"; }, "model"},
  };
  for (const Case& c : cases) {
    AgreementInput in = Contract();
    c.change(in);
    auto r = UpdateAgreement(Dp(), county_, a->id, in, "测试");
    if (!c.field) {
      EXPECT_TRUE(r.ok()) << c.name << ": " << r.error().message;
      continue;
    }
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().field, c.field) << c.name << ": " << r.error().message;
  }
  // Only the accepted edits were kept (two), each audited.
  auto h = AgreementHistory(Dp(), county_, a->id, {1, 20});
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->total, 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'agreement.update'"), 2);
  // The newest first: the base edit also restored the period the previous one had shortened.
  ASSERT_EQ(h->items[0].changes.size(), 2u);
  EXPECT_EQ(h->items[0].changes[0].field, "valid_to");
  EXPECT_EQ(h->items[0].changes[0].before, "2023-05-01");
  EXPECT_EQ(h->items[0].changes[1].field, "parties");
  EXPECT_EQ(h->items[0].changes[1].label, "合作方");
  EXPECT_EQ(h->items[0].changes[1].before, "专业合作社 沈圩酥梨合作社");
  EXPECT_EQ(h->items[0].changes[1].after, "基地 酥梨基地");
  EXPECT_EQ(h->items[0].reason, "测试");
  // Outside the entity's scope: not found, nothing written.
  auto far = UpdateAgreement(Dp(), other_town_, a->id, Contract(), "");
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().code, ErrorCode::kNotFound);
}

TEST_F(EditTest, NoChangeWritesNoHistory) {
  auto a = CreateAgreement(Dp(), entity_, Contract());
  ASSERT_TRUE(a.ok());
  auto r = UpdateAgreement(Dp(), entity_, a->id, Contract(), "");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->edit);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM matching_edits"), 0);
}

TEST(Diff, ListingFieldsInWords) {
  Listing a;
  a.product = "酥梨";
  a.unit = "斤";
  a.quantity = 800;
  a.price_fen = 250;
  Listing b = a;
  b.quantity = 1000;
  b.price_fen.reset();
  auto d = ListingDiff(a, b);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].label, "数量");
  EXPECT_EQ(d[0].before, "800斤");
  EXPECT_EQ(d[0].after, "1000斤");
  EXPECT_EQ(d[1].before, "2.50 元/斤");
  EXPECT_EQ(d[1].after, "面议");
  EXPECT_TRUE(ListingDiff(a, a).empty());
}

// 002 R07's read: only agreements naming a co-op or a base, the months of the year, by entity.
TEST_F(EditTest, CooperationSalesNameTheRows) {
  auto coop = CreateAgreement(Dp(), entity_, Contract());
  AgreementInput village = Contract();
  village.agreement_no = "HT-2023-009";
  village.parties = {{PartyKind::kVillage, "沈圩村", {}, {}}};
  auto other = CreateAgreement(Dp(), entity_, village);
  ASSERT_TRUE(coop.ok() && other.ok());
  auto s1 = RecordSales(Dp(), entity_, coop->id, {"2023-05", 100000, "订单导出"});
  ASSERT_TRUE(s1.ok());
  EXPECT_GT(s1->id, 0);
  ASSERT_TRUE(RecordSales(Dp(), entity_, other->id, {"2023-05", 5, "x"}).ok());
  auto c = tdb_.db().Acquire();
  auto rows = CooperationSalesOfYear(*c, *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].id, s1->id);
  EXPECT_EQ((*rows)[0].agreement_id, coop->id);
  EXPECT_EQ((*rows)[0].amount_fen, 100000);
  EXPECT_TRUE(CooperationSalesOfYear(*c, *RegionCode::Parse("341302"), 2022)->empty());
}

}  // namespace
}  // namespace ruralec::matching
