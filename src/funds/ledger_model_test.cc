// Model-based test of the funds ledger (issue 21 "Tests that prove it"): a seeded random
// sequence of commands — arrivals, approvals, advances, payments, acceptance and its failure,
// claw-backs, reclaims of award over-payments (with and without their reason) and the recovery
// of either, reversals, repeats of a key, a key reused for another command, a command whose
// transaction dies before its commit (a crash mid-command; the crash sweep kills the real
// server) and its retry — runs against the real ledger (SQLite, or PostgreSQL with
// RURALEC_TEST_DB) and against a naive model written apart from rules.cc. After every step the
// outcome (done or refused) and every balance must agree with the model; `Verify` must pass every
// 100 steps and at the end.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "funds/ledger.h"
#include "storage/testing.h"

namespace ruralec::funds {
namespace {

// Six projects, decided (accepted or failed) one at a time over the run, so that advances,
// payments and claw-backs all meet projects in the state they need.
const char* const kProjects[] = {"P1", "P2", "P3", "P4", "P5", "P6"};
const char* CategoryOf(const std::string& p) {
  return (p.back() - '0') % 2 ? "logistics" : "uplink";
}

struct ModelTransfer {
  Account from, to;
  int64_t amount = 0;
  bool is_reversal = false, reversed = false;
};

// The rules as a county finance officer would state them, one by one.
struct Model {
  std::map<Account, int64_t> bal;
  std::map<std::string, ProjectStatus> status;
  std::map<int64_t, ModelTransfer> transfers;  // by the ledger's transfer id
  int64_t plan_logistics = 600'000'000, plan_uplink = 450'000'000;

  int64_t Get(const Account& a) const { return bal.count(a) ? bal.at(a) : 0; }
  int64_t Approved(const std::string& p) const {
    const char* c = CategoryOf(p);
    return Get({Kind::kCommitted, c, p}) + Get({Kind::kAdvanced, c, p}) + Get({Kind::kPaid, c, p}) +
           Get({Kind::kClawback, c, p});
  }
  int64_t InCategory(const std::string& c) const {
    int64_t s = 0;
    for (const char* p : kProjects)
      if (c == CategoryOf(p)) s += Approved(p);
    return s;
  }
  bool Allowed(const TransferRequest& r, Account* from, Account* to) const {
    Account avail{Kind::kAvailable, "", ""}, treasury{Kind::kTreasury, "", ""};
    auto at = [&](Kind k) { return Account{k, r.category, r.project}; };
    ProjectStatus st = r.project.empty() ? ProjectStatus::kOpen : status.at(r.project);
    switch (r.op) {
      case Op::kArrive:
        *from = treasury, *to = avail;
        return true;
      case Op::kGiveBack:
        *from = avail, *to = treasury;
        break;
      case Op::kCommit:
        *from = avail, *to = at(Kind::kCommitted);
        if (st == ProjectStatus::kFailed) return false;
        if (InCategory(r.category) + r.amount.value >
            (r.category == "uplink" ? plan_uplink : plan_logistics))
          return false;
        break;
      case Op::kDecommit:
        *from = at(Kind::kCommitted), *to = avail;
        break;
      case Op::kAdvance:
        *from = at(Kind::kCommitted), *to = at(Kind::kAdvanced);
        if (st != ProjectStatus::kOpen) return false;
        if ((Get(*to) + r.amount.value) * 2 > Approved(r.project)) return false;  // 50%
        break;
      case Op::kPay:
        *from = at(Kind::kCommitted), *to = at(Kind::kPaid);
        if (st != ProjectStatus::kAccepted) return false;
        break;
      case Op::kSettle:
        *from = at(Kind::kAdvanced), *to = at(Kind::kPaid);
        if (st != ProjectStatus::kAccepted) return false;
        break;
      case Op::kClawback:
        *from = at(Kind::kAdvanced), *to = at(Kind::kClawback);
        if (st != ProjectStatus::kFailed) return false;
        break;
      case Op::kRecover:
        *from = at(Kind::kClawback), *to = avail;
        break;
      case Op::kReclaim:  // an award over-payment: only with its reason, at most what was paid
        *from = at(Kind::kPaid), *to = at(Kind::kClawback);
        if (r.reason.empty()) return false;
        break;
      case Op::kReverse: {
        auto it = transfers.find(r.reverses->value);
        if (it == transfers.end() || it->second.is_reversal || it->second.reversed) return false;
        *from = it->second.to, *to = it->second.from;
        if (from->kind == Kind::kTreasury) return true;
        break;
      }
    }
    return Get(*from) >= r.amount.value;
  }
};

TEST(LedgerModelTest, RandomCommandsAgreeWithANaiveModelAfterEveryStep) {
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  auto mac = crypto::RecordMac::FromKey({4, 2});
  Fund f;
  f.county_code = "341302000000";
  f.name = "省级专项资金";
  f.source = Source::kProvincial;
  f.amount = Fen{1'500'000'000};
  f.advance_pct = 50;
  f.valid_from = CivilDate(2024, 1, 1);
  f.valid_to = CivilDate(2025, 12, 31);
  f.document = "皖财建〔2024〕1号";
  f.categories = {{"logistics", "物流体系", Fen{600'000'000}},
                  {"uplink", "农产品上行", Fen{450'000'000}}};
  Actor by{1, 1'700'000'000'000};
  auto fund = CreateFund(*conn, f, by);
  ASSERT_TRUE(fund.ok()) << fund.error().message;
  Model m;
  for (const char* p : kProjects) {
    ASSERT_TRUE(PutProject(*conn, *fund, {p, std::string("项目") + p}).ok());
    m.status[p] = ProjectStatus::kOpen;
  }
  std::mt19937 rng(20241);
  const int64_t amounts[] = {1, 99, 10'000, 1'000'000, 25'000'000, 100'000'000, 400'000'000};
  std::vector<std::pair<TransferRequest, int64_t>> done;  // accepted requests and their ids
  std::map<Op, int> moved;                                // accepted commands per operation
  int crashes = 0;
  const int kSteps = 2000;
  for (int step = 1; step <= kSteps; ++step) {
    SCOPED_TRACE("step " + std::to_string(step));
    int pick = std::uniform_int_distribution<int>(0, 99)(rng);
    std::string prj = kProjects[rng() % 6];
    if (pick < 1 && step > 400 && m.status[prj] == ProjectStatus::kOpen) {  // decided
      ProjectStatus to = rng() % 2 ? ProjectStatus::kAccepted : ProjectStatus::kFailed;
      ASSERT_TRUE(PutProject(*conn, *fund, {prj, "项目" + prj, to, CivilDate(2024, 8, 1)}).ok());
      m.status[prj] = to;
      continue;
    }
    if (pick < 10 && !done.empty()) {  // a retry: the same key, the same or another command
      auto [req, id] = done[rng() % done.size()];
      bool same = rng() % 2;
      if (!same) req.amount = Fen{req.amount.value + 1};
      auto again = Move(*conn, mac, *fund, req, by);
      ASSERT_EQ(again.ok(), same);
      if (same) EXPECT_EQ(again->id.value, id);
    } else {
      TransferRequest r;
      r.op = static_cast<Op>(pick < 14 ? 0 : rng() % 11);
      if (r.op == Op::kClawback)  // aimed at a failed project
        for (const char* p : kProjects)
          if (m.status[p] == ProjectStatus::kFailed) prj = p;
      if (r.op == Op::kReclaim)  // aimed at an accepted project that was paid
        for (const char* p : kProjects)
          if (m.Get({Kind::kPaid, CategoryOf(p), p}) > 0) prj = p;
      if (r.op == Op::kRecover)  // aimed at money to recover, clawed back or reclaimed
        for (const char* p : kProjects)
          if (m.Get({Kind::kClawback, CategoryOf(p), p}) > 0) prj = p;
      if (r.op != Op::kArrive && r.op != Op::kGiveBack && r.op != Op::kReverse)
        r.project = prj, r.category = CategoryOf(prj);
      r.amount = Fen{amounts[rng() % 7]};
      // Half the time the whole of what the source account holds (settle all, claw back all),
      // as people do: random amounts alone rarely fit an advance exactly.
      Account src, dst;
      if (r.op != Op::kReverse && r.op != Op::kArrive && rng() % 2 &&
          (void(m.Allowed(r, &src, &dst)), m.Get(src) > 0))
        r.amount = Fen{m.Get(src)};
      if (r.op == Op::kReverse) {
        if (done.empty()) continue;
        int64_t id = done[rng() % done.size()].second;
        r.reverses = TransferId{id};
        r.amount = Fen{m.transfers.count(id) ? m.transfers.at(id).amount : 1};
      }
      r.value_date = CivilDate(2024, 9, 1);
      r.document = "凭证" + std::to_string(step);
      r.purpose = r.op == Op::kCommit ? "logistics" : "";
      if (r.op == Op::kReclaim && step % 5) r.reason = "奖补清单第2版核减";
      r.idempotency_key = "k" + std::to_string(step);
      Account from, to;
      bool want = m.Allowed(r, &from, &to);
      if (rng() % 25 == 0) {  // the process dies mid-command: written, never committed
        auto crashed = storage::InTransaction<Transfer>(
            *conn, storage::TxMode::kWrite, [&]() -> Result<Transfer> {
              auto t = Move(*conn, mac, *fund, r, by);
              if (!t.ok()) return t;
              return Error::Internal("进程在提交前中断");
            });
        ASSERT_FALSE(crashed.ok());
        ++crashes;
      }
      // (After a crash: the retry with the same key, as if nothing had been written.)
      auto got = Move(*conn, mac, *fund, r, by);
      ASSERT_EQ(got.ok(), want) << OpName(r.op) << " " << r.amount.value << " "
                                << (got.ok() ? "done" : got.error().message);
      if (got.ok()) {
        m.bal[from] -= r.amount.value;
        m.bal[to] += r.amount.value;
        m.transfers[got->id.value] = {from, to, r.amount.value, r.op == Op::kReverse};
        if (r.reverses) m.transfers[r.reverses->value].reversed = true;
        done.push_back({r, got->id.value});
        ++moved[r.op];
      }
    }
    auto bal = Balances(*conn, *fund);
    ASSERT_TRUE(bal.ok());
    std::map<Account, int64_t> have;
    for (const auto& b : *bal)
      if (b.balance.value) have[b.account] = b.balance.value;
    std::map<Account, int64_t> want;
    for (const auto& [a, v] : m.bal)
      if (v) want[a] = v;
    ASSERT_EQ(have, want);
    if (step % 100 == 0) {
      auto rep = Verify(*conn, mac);
      ASSERT_TRUE(rep.ok());
      ASSERT_TRUE(rep->ok) << rep->violation;
    }
  }
  // The sequence moved money with every operation, not only refused.
  for (int op = 0; op <= static_cast<int>(Op::kReclaim); ++op)
    EXPECT_GE(moved[static_cast<Op>(op)], 1) << OpName(static_cast<Op>(op));
  EXPECT_GE(crashes, 20);
}

}  // namespace
}  // namespace ruralec::funds
