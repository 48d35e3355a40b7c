// Admission (准入, products.h): the transition table, the county checklist, reasons, idempotent
// commands, the full history, and who may move what.
#include <gtest/gtest.h>

#include <set>

#include "entity/entity.h"
#include "products/module.h"
#include "products/products.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::products {
namespace {

int64_t NoonOf(const char* day) {
  return CivilDate::Parse(day)->DaysSinceEpoch() * 86'400'000 + 4 * 3'600'000;
}

TEST(AdmissionTable, AllowsExactlyTheLibrarysMoves) {
  using A = Admission;
  const std::set<std::pair<A, A>> allowed = {
      {A::kDraft, A::kApplied},    {A::kReturned, A::kApplied},   {A::kApplied, A::kAdmitted},
      {A::kApplied, A::kReturned}, {A::kApplied, A::kRejected},   {A::kAdmitted, A::kSuspended},
      {A::kAdmitted, A::kRemoved}, {A::kSuspended, A::kAdmitted}, {A::kSuspended, A::kRemoved},
  };
  for (A from : AllAdmissions())
    for (A to : AllAdmissions())
      EXPECT_EQ(FindAdmissionRule(from, to) != nullptr, allowed.contains({from, to}))
          << AdmissionName(from) << " -> " << AdmissionName(to);
  EXPECT_STREQ(FindAdmissionRule(A::kDraft, A::kApplied)->permission, "products:edit");
  EXPECT_STREQ(FindAdmissionRule(A::kApplied, A::kAdmitted)->permission, "products:review");
  EXPECT_TRUE(FindAdmissionRule(A::kApplied, A::kAdmitted)->checklist);
  EXPECT_TRUE(FindAdmissionRule(A::kAdmitted, A::kRemoved)->reason);
}

class AdmissionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&products::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
    town_ = runtime::testing::PrincipalWithRole("341302100", "town_staff", 8);
    clock_.Set(NoonOf("2023-11-15"));
    entity::NewEntity e;
    e.uscc = "91341302MA2NAP9013";
    e.name = "符离电商有限公司";
    e.region = *RegionCode::Parse("341302100201");
    auto id = entity::Insert(*c, cipher_, county_, e, clock_.NowMs());
    ASSERT_TRUE(id.ok());
    owner_ = runtime::testing::PrincipalWithRole("341302100201", "entity", 10);
    owner_.binding = account::Binding{"entity", *id};
    ProductInput in;
    in.name = "符离集烧鸡";
    in.category = "农副加工品";
    auto p = Create(Dp(), owner_, in);
    ASSERT_TRUE(p.ok()) << p.error().message;
    product_ = p->product.id;
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_}; }
  Result<std::pair<AdmissionMove, Detail>> Move(const account::Principal& who, Admission to,
                                                const std::string& key, std::string note = "",
                                                std::vector<std::string> checklist = {}) {
    AdmissionCommand c;
    c.to = to;
    c.idempotency_key = key;
    c.note = std::move(note);
    c.checklist = std::move(checklist);
    return Apply(Dp(), who, product_, c);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  account::Principal county_, town_, owner_;
  int64_t product_ = 0;
};

TEST_F(AdmissionTest, WalksApplicationReviewSuspensionAndRemovalWithTheHistory) {
  using A = Admission;
  const std::vector<std::string> all = {"certification", "grade", "packaging", "business"};
  const struct Step {
    const account::Principal* who;
    A to;
    const char* note;
    std::vector<std::string> checklist;
    const char* error_field;  // "" allowed; "forbidden": refused for the permission
  } steps[] = {
      {&county_, A::kAdmitted, "", all, "to"},        // not applied yet
      {&owner_, A::kApplied, "", {}, ""},             // the business applies
      {&owner_, A::kAdmitted, "", all, "forbidden"},  // and cannot admit itself
      {&town_, A::kAdmitted, "", all, "forbidden"},   // nor can a town
      {&county_, A::kAdmitted, "", {"grade", "packaging"}, "checklist"},
      {&county_, A::kAdmitted, "", {"grade", "taste"}, "checklist"},  // unknown item
      {&county_, A::kReturned, "", {}, "note"},                       // a return needs the reason
      {&county_, A::kReturned, "缺少绿色食品证书", {}, ""},
      {&owner_, A::kApplied, "已补充证书", {}, ""},
      {&county_, A::kAdmitted, "", all, ""},
      {&county_, A::kSuspended, "抽检不合格", {}, ""},
      {&county_, A::kAdmitted, "整改复检合格", {}, ""},
      {&county_, A::kRemoved, "", {}, "note"},
      {&county_, A::kRemoved, "停产", {}, ""},
      {&county_, A::kAdmitted, "恢复", {}, "to"},  // removed is final
  };
  int n = 0, moves = 0;
  for (const auto& s : steps) {
    auto r = Move(*s.who, s.to, "k" + std::to_string(++n), s.note, s.checklist);
    if (std::string(s.error_field).empty()) {
      ASSERT_TRUE(r.ok()) << n << ": " << r.error().message;
      EXPECT_EQ(r->second.product.admission, s.to) << n;
      EXPECT_EQ(r->first.seq, ++moves);
    } else if (std::string(s.error_field) == "forbidden") {
      ASSERT_FALSE(r.ok()) << n;
      EXPECT_EQ(r.error().code, ErrorCode::kForbidden) << n;
    } else {
      ASSERT_FALSE(r.ok()) << n;
      EXPECT_EQ(r.error().field, s.error_field) << n << ": " << r.error().message;
    }
  }
  auto d = Get(Dp(), county_, product_);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->history.size(), 7u);
  EXPECT_EQ(d->history[1].note, "缺少绿色食品证书");
  EXPECT_EQ(d->history[3].checklist,
            (std::vector<std::string>{"business", "certification", "grade", "packaging"}));
  EXPECT_EQ(d->history.back().to, A::kRemoved);
  EXPECT_TRUE(d->next.empty());
  // A removed product is no longer edited.
  ProductInput in;
  in.name = "符离集烧鸡";
  in.category = "农副加工品";
  EXPECT_EQ(Update(Dp(), owner_, product_, in).error().field, "admission");
}

TEST_F(AdmissionTest, ACommandSentTwiceMovesOnceAndAKeyIsNotReusedForAnother) {
  auto first = Move(owner_, Admission::kApplied, "apply-1");
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->first.repeated);
  auto again = Move(owner_, Admission::kApplied, "apply-1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->first.repeated);
  EXPECT_EQ(again->first.id, first->first.id);
  EXPECT_EQ(again->second.history.size(), 1u);
  auto other = Move(county_, Admission::kReturned, "apply-1", "x");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "idempotency_key");
  auto detail = Get(Dp(), county_, product_);
  ASSERT_TRUE(detail.ok());
  std::set<Admission> next(detail->next.begin(), detail->next.end());
  EXPECT_EQ(next, (std::set<Admission>{Admission::kAdmitted, Admission::kReturned,
                                       Admission::kRejected}));
  EXPECT_TRUE(Get(Dp(), owner_, product_)->next.empty());  // the business waits
}

}  // namespace
}  // namespace ruralec::products
