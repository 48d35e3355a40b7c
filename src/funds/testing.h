// Test support for award payments and reclaims on a migrated database (SQLite, or PostgreSQL
// with RURALEC_TEST_DB): the award module's approved lists and payable items are seeded by SQL
// as its approval writes them (src/award/approve.cc WriteItems: the open items of the previous
// version superseded, each new item's delta against the previous version's item of its subject,
// a reversal item for a subject the new version dropped), funds of county 341302 with money
// arrived, and the finance staff who pay and reclaim.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "funds/award_pay.h"
#include "funds/award_reclaim.h"
#include "funds/ledger_store.h"
#include "funds/module.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::funds::testing {

constexpr int64_t kWan = 1'000'000;  // 1万元 in fen

class AwardLedgerTest : public ::testing::Test {
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
  }

  static void Exec(storage::Connection& c, const std::string& sql) {
    auto s = c.Exec(sql, {});
    ASSERT_TRUE(s.ok()) << s.error().message << "\n" << sql;
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    auto row = c->QueryOne(sql, {}, "count");
    EXPECT_TRUE(row.ok()) << sql;
    return row.ok() ? row->Int(0) : -1;
  }

  // A fund of the county with `plan` in category "awards" and its whole amount arrived.
  FundId MakeFund(const std::string& name, int64_t amount = 500 * kWan) {
    auto c = tdb_.db().Acquire();
    Fund f;
    f.county_code = "341302000000";
    f.name = name;
    f.source = Source::kCounty;
    f.amount = Fen{amount};
    f.valid_from = CivilDate(2019, 1, 1);
    f.valid_to = CivilDate(2022, 12, 31);
    f.document = "埇财〔2019〕20号";
    f.categories = {{"awards", "奖补兑现", Fen{amount}}};
    auto id = CreateFund(*c, f, {8, 0});
    EXPECT_TRUE(id.ok());
    TransferRequest r;
    r.op = Op::kArrive;
    r.amount = Fen{amount};
    r.value_date = CivilDate(2019, 6, 1);
    r.document = "到位";
    r.idempotency_key = "arrive";
    EXPECT_TRUE(Move(*c, mac_, *id, r, {8, 0}).ok());
    return *id;
  }

  // Approves the next version of `period`'s list paying each subject its amount (absent or 0:
  // not on the list); `after_acceptance`: the rule pays only after acceptance (items pending,
  // or as recorded for the item they replace). Returns the list id.
  int64_t Approve(const std::map<int64_t, int64_t>& amounts, const std::string& period = "2019",
                  bool after_acceptance = false) {
    auto c = tdb_.db().Acquire();
    const int64_t id = ++lists_;
    const int64_t version = ++versions_[period];
    const auto prev = last_.find(period);
    std::map<int64_t, std::pair<int64_t, int64_t>> before;  // subject → (item, amount)
    std::map<int64_t, std::string> accepted;                // subject → acceptance_status
    if (prev != last_.end()) {
      Exec(*c, "UPDATE award_lists SET status = 'superseded' WHERE id = " +
                   std::to_string(prev->second));
      Exec(*c,
           "UPDATE award_payable_items SET status = 'superseded' WHERE status = 'open' AND "
           "list_id = " +
               std::to_string(prev->second));
      auto rows = c->Query(
          "SELECT subject_id, id, amount_fen, acceptance_status FROM "
          "award_payable_items WHERE list_id = ?",
          {prev->second});
      EXPECT_TRUE(rows.ok());
      for (const auto& r : *rows) {
        before[r.Int(0)] = {r.Int(1), r.Int(2)};
        accepted[r.Int(0)] = r.Text(3);
      }
    }
    Exec(*c,
         "INSERT INTO award_lists (id, county_code, scope_code, programme_id, programme_key, "
         "period, version, status, line_count, payable_count, total_fen, content_sha256, "
         "rules_json, created_by, created_at) VALUES (" +
             std::to_string(id) + ", '341302000000', '341302000000', 1, 'p', '" + period + "', " +
             std::to_string(version) + ", 'approved', 0, 0, 0, 'h', '[]', 8, 0)");
    last_[period] = id;
    for (const auto& [subject, amount] : amounts) {
      if (amount == 0) continue;
      auto b = before.find(subject);
      std::string acceptance = after_acceptance ? "pending" : "not_required";
      if (after_acceptance && (accepted[subject] == "accepted" || accepted[subject] == "failed"))
        acceptance = accepted[subject];
      Item(*c, id, subject, amount, amount - (b == before.end() ? 0 : b->second.second), period,
           acceptance);
      if (b != before.end()) before.erase(b);
    }
    for (const auto& [subject, was] : before)
      if (was.second != 0) Item(*c, id, subject, 0, -was.second, period, "not_required");
    return id;
  }

  std::vector<award::PayableItem> ItemsOf(int64_t list) {
    auto c = tdb_.db().Acquire();
    auto items = award::ItemsOfList(*c, list);
    EXPECT_TRUE(items.ok());
    return items.ok() ? *items : std::vector<award::PayableItem>{};
  }
  // The item of `subject` in `list` (0 when none).
  int64_t ItemId(int64_t list, int64_t subject) {
    for (const auto& i : ItemsOf(list))
      if (i.subject_id == subject) return i.id;
    return 0;
  }
  // The live or reversed transfer of a fund under `key`.
  std::optional<Transfer> ByKey(FundId fund, const std::string& key) {
    auto c = tdb_.db().Acquire();
    auto t = store::FindByKey(*c, fund, key, nullptr);
    EXPECT_TRUE(t.ok());
    return t.ok() ? *t : std::nullopt;
  }
  Result<Transfer> Reverse(FundId fund, const Transfer& t, const std::string& key) {
    TransferRequest r;
    r.op = Op::kReverse;
    r.reverses = t.id;
    r.amount = t.amount;
    r.value_date = CivilDate(2020, 6, 1);
    r.document = "更正";
    r.idempotency_key = key;
    return MoveMoney(Dp(), finance_, fund, r);
  }
  Result<AwardPaymentResult> Pay(FundId fund, int64_t list) {
    return PayAwardList(Dp(), finance_, fund,
                        {list, "awards", CivilDate(2020, 1, 10), "国库支付2020-0110", 0});
  }
  Result<AwardReclaim> Reclaim(FundId fund, int64_t list, int64_t item) {
    return RaiseAwardReclaim(Dp(), finance_, fund,
                             {list, item, "", CivilDate(2020, 2, 1), "埇财追〔2020〕1号"});
  }
  // What a subject holds as paid (not reclaimed, not reversed), over every fund.
  int64_t PaidBalance(int64_t subject) {
    return Count(
        "SELECT COALESCE(SUM(balance_fen), 0) FROM fund_balances WHERE kind = 'paid' "
        "AND project = 'award:p:R01:entity:" +
        std::to_string(subject) + "'");
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_, mac_}; }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  crypto::RecordMac mac_ = crypto::RecordMac::FromKey({4, 2});
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal finance_;

 private:
  void Item(storage::Connection& c, int64_t list, int64_t subject, int64_t amount, int64_t delta,
            const std::string& period, const std::string& acceptance) {
    Exec(c,
         "INSERT INTO award_payable_items (county_code, list_id, programme_key, scope_code, "
         "period, rule_id, subject_kind, subject_id, payee_name, region_code, amount_fen, "
         "delta_fen, payable_after_acceptance, acceptance_status, status, created_at) VALUES "
         "('341302000000', " +
             std::to_string(list) + ", 'p', '341302000000', '" + period + "', 'R01', 'entity', " +
             std::to_string(subject) + ", '主体" + std::to_string(subject) + "', '341302100000', " +
             std::to_string(amount) + ", " + std::to_string(delta) + ", " +
             (acceptance == "not_required" ? "0" : "1") + ", '" + acceptance + "', 'open', 0)");
  }

  int64_t lists_ = 0;
  std::map<std::string, int64_t> versions_, last_;
};

}  // namespace ruralec::funds::testing
