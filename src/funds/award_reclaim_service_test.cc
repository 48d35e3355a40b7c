// Reclaiming award over-payments through the service (award_reclaim.h) on a real, migrated
// database (SQLite, or PostgreSQL with RURALEC_TEST_DB). The award module's approved lists and
// payable items are seeded by SQL as its approval writes them: version 1 paid by a payment run,
// version 2 (+2万 for 甲) superseded before it was paid, version 3 paying 甲 5万 (−7万 against
// version 2). The reclaim takes back only what was paid beyond 5万; 乙, never paid from the
// fund, has nothing to reclaim; what 2018's list paid on the same project does not count; a
// repeat answers the first reclaim; another fund of the county cannot reclaim the same item; the
// state follows the recoveries.
#include <gtest/gtest.h>

#include "funds/award_pay.h"
#include "funds/award_reclaim.h"
#include "funds/module.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::funds {
namespace {

constexpr int64_t kWan = 1'000'000;  // 1万元 in fen

class AwardReclaimServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&funds::ModuleDef()}).ok());
    finance_ = runtime::testing::PrincipalWithRole("341302", "finance_staff", 8);
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    Exec(*c,
         "INSERT INTO users (id, username, display_name, region_code, county_code, password_hash, "
         "password_changed_at, created_at, updated_at) VALUES (8, 'fin', '财政局', '341302000000', "
         "'341302000000', 'x', 0, 0, 0)");
    Exec(*c,
         "INSERT INTO programmes (id, county_code, programme_key, version, content_sha256, name, "
         "kind, status, document_number, region_code, source_file, source_text, loaded_at) VALUES "
         "(1, '341302000000', 'p', 1, 'h', '方案', 'upgrade', 'final', '测', '341302000000', "
         "'f', 't', 0)");
    for (int v = 1; v <= 3; ++v)
      Exec(*c,
           "INSERT INTO award_lists (id, county_code, scope_code, programme_id, programme_key, "
           "period, version, status, line_count, payable_count, total_fen, content_sha256, "
           "rules_json, created_by, created_at) VALUES (" +
               std::to_string(v) + ", '341302000000', '341302000000', 1, 'p', '2019', " +
               std::to_string(v) + ", '" + (v == 3 ? "approved" : "superseded") +
               "', 0, 0, 0, 'h', '[]', 8, 0)");
    // The 2018 list (id 4) of the same yearly rule: its payment lands on the same project.
    Exec(*c,
         "INSERT INTO award_lists (id, county_code, scope_code, programme_id, programme_key, "
         "period, version, status, line_count, payable_count, total_fen, content_sha256, "
         "rules_json, created_by, created_at) VALUES (4, '341302000000', '341302000000', 1, 'p', "
         "'2018', 1, 'approved', 0, 0, 0, 'h', '[]', 8, 0)");
    fund_ = MakeFund(*c, "县级奖补资金");
    // Version 1: 甲 10万, open until the payment run below; 乙's item of version 1 was
    // superseded before anything was paid.
    Item(*c, 1, 1, 1, "甲电商有限公司", 10 * kWan, 10 * kWan, "open");
    Item(*c, 2, 1, 2, "乙合作社", 3 * kWan, 3 * kWan, "superseded");
  }

  static void Exec(storage::Connection& c, const std::string& sql) {
    auto s = c.Exec(sql, {});
    ASSERT_TRUE(s.ok()) << s.error().message << "\n" << sql;
  }
  void Item(storage::Connection& c, int64_t id, int64_t list, int64_t subject, const char* payee,
            int64_t amount, int64_t delta, const char* status, const char* period = "2019") {
    Exec(c,
         "INSERT INTO award_payable_items (id, county_code, list_id, programme_key, scope_code, "
         "period, rule_id, subject_kind, subject_id, payee_name, region_code, amount_fen, "
         "delta_fen, payable_after_acceptance, acceptance_status, status, created_at) VALUES (" +
             std::to_string(id) + ", '341302000000', " + std::to_string(list) +
             ", 'p', '341302000000', '" + period + "', 'R01', 'entity', " +
             std::to_string(subject) + ", '" + payee + "', '341302100000', " +
             std::to_string(amount) + ", " + std::to_string(delta) + ", 0, 'not_required', '" +
             status + "', 0)");
  }
  FundId MakeFund(storage::Connection& c, const char* name) {
    Fund f;
    f.county_code = "341302000000";
    f.name = name;
    f.source = Source::kCounty;
    f.amount = Fen{100 * kWan};
    f.valid_from = CivilDate(2019, 1, 1);
    f.valid_to = CivilDate(2020, 12, 31);
    f.document = "埇财〔2019〕20号";
    f.categories = {{"awards", "奖补兑现", Fen{50 * kWan}}};
    auto id = CreateFund(c, f, {8, 0});
    EXPECT_TRUE(id.ok());
    TransferRequest r;
    r.op = Op::kArrive;
    r.amount = Fen{100 * kWan};
    r.value_date = CivilDate(2019, 6, 1);
    r.document = "到位";
    r.idempotency_key = "arrive";
    EXPECT_TRUE(Move(c, mac_, *id, r, {8, 0}).ok());
    return *id;
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_, mac_}; }
  AwardReclaimRequest Req(int64_t list, int64_t item) {
    return {list, item, "", CivilDate(2020, 2, 1), "埇财追〔2020〕1号"};
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  crypto::RecordMac mac_ = crypto::RecordMac::FromKey({4, 2});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal finance_;
  FundId fund_;
};

TEST_F(AwardReclaimServiceTest, TakesBackOnlyWhatWasPaidBeyondWhatTheLatestVersionOwes) {
  AwardPayment p{1, "awards", CivilDate(2019, 12, 20), "国库支付2019-1220", 0};
  auto paid = PayAwardList(Dp(), finance_, fund_, p);
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  ASSERT_EQ(paid->paid.value, 10 * kWan);
  {
    auto c = tdb_.db().Acquire();
    Item(*c, 6, 4, 1, "甲电商有限公司", 4 * kWan, 4 * kWan, "open", "2018");
  }
  p.list_id = 4;  // 2018's 4万 on the same project: not part of 2019's award
  ASSERT_TRUE(PayAwardList(Dp(), finance_, fund_, p).ok());
  {
    auto c = tdb_.db().Acquire();
    // Version 2 (12万, +2万) was superseded by version 3 before it was paid; version 3 pays 甲
    // 5万 (−7万 against version 2) and drops 乙 (−3万 against version 1, never paid).
    Item(*c, 3, 2, 1, "甲电商有限公司", 12 * kWan, 2 * kWan, "superseded");
    Item(*c, 4, 3, 1, "甲电商有限公司", 5 * kWan, -7 * kWan, "open");
    Item(*c, 5, 3, 2, "乙合作社", 0, -3 * kWan, "open");
  }
  auto views = AwardItems(Dp(), finance_, fund_, 3);
  ASSERT_TRUE(views.ok());
  // 10万 paid for 2019 − 5万 owed: not the 7万 delta, nor 14万 − 5万 (the project's payments)
  EXPECT_EQ(views->at(0).reclaim.value, 5 * kWan);
  EXPECT_EQ(views->at(1).reclaim.value, 0);
  EXPECT_NE(views->at(0).reason.find("可追回50,000.00元"), std::string::npos)
      << views->at(0).reason;

  auto none = RaiseAwardReclaim(Dp(), finance_, fund_, Req(3, 5));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "item_id");
  EXPECT_NE(none.error().message.find("本资金没有兑现过乙合作社的奖补"), std::string::npos);

  auto r = RaiseAwardReclaim(Dp(), finance_, fund_, Req(3, 4));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->amount.value, 5 * kWan);
  EXPECT_EQ(r->category, "awards");
  EXPECT_EQ(r->state, ReclaimState::kRaised);
  EXPECT_FALSE(r->repeated);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_payable_items WHERE id = 4 AND status = 'paid'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'funds.award_reclaim'"), 1);

  // A repeat, even with another date, answers the first reclaim and moves nothing.
  auto again = Req(3, 4);
  again.value_date = CivilDate(2020, 2, 9);
  auto rep = RaiseAwardReclaim(Dp(), finance_, fund_, again);
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_TRUE(rep->repeated);
  EXPECT_EQ(rep->id, r->id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fund_transfers WHERE op = 'reclaim'"), 1);

  // Another fund of the county cannot reclaim the same item.
  FundId other;
  {
    auto c = tdb_.db().Acquire();
    other = MakeFund(*c, "另一笔资金");
  }
  auto twice = RaiseAwardReclaim(Dp(), finance_, other, Req(3, 4));
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("已在资金"), std::string::npos);

  // 3万 back: partly recovered.
  TransferRequest back;
  back.op = Op::kRecover;
  back.category = "awards";
  back.project = r->project;
  back.amount = Fen{3 * kWan};
  back.value_date = CivilDate(2020, 3, 1);
  back.document = "缴款书1";
  back.idempotency_key = "back-1";
  ASSERT_TRUE(MoveMoney(Dp(), finance_, fund_, back).ok());
  auto list = AwardReclaimsOf(Dp(), finance_, fund_, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->at(0).state, ReclaimState::kPartlyRecovered);
  EXPECT_EQ(list->at(0).recovered.value, 3 * kWan);
  EXPECT_EQ(list->at(0).outstanding.value, 2 * kWan);
  auto conn = tdb_.db().Acquire();
  auto rep2 = Verify(*conn, mac_);
  ASSERT_TRUE(rep2.ok());
  EXPECT_TRUE(rep2->ok) << rep2->violation;
}

}  // namespace
}  // namespace ruralec::funds
