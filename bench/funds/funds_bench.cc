// Special-funds benchmark (issue 21 Measures; docs/PERFORMANCE.md "Special funds"): a province's
// funds ledger — FUNDS funds (default 100, one per county) of 5 categories and
// PROJECTS_PER_FUND projects each (default 100), ~10,000 transfers a fund (40 tranches arrive;
// per project a commitment, an advance, its settlement, 96 payments and a decommitment of the
// rest): 1,004,000 transfers by default — in a fresh database, then:
//   - `funds verify` of the whole ledger (funds::Verify: every tag of every chain, every balance
//     recomputed and compared; the measure's target < 10 s), median of 3;
//   - verify of one fund, median of 21;
//   - one fund's balance sheet (funds::Balances: every account) and its page (the service's
//     GetFund: the figures per category and the constraint panel), medians of 21 (< 100 ms);
//   - one transfer (an arrival) on a loaded fund through funds::Move in its own transaction,
//     median of 21: what the finance clerk waits for.
// The ledger is generated through the module's store (funds/ledger_store.h) in one transaction a
// fund, with the tags the ledger itself would write (TagInput under the record key); it is
// verified first, so a generator that wrote something the ledger would refuse stops the bench.
//   funds_bench TARGET [FUNDS=100] [PROJECTS_PER_FUND=100]   (TARGET: a SQLite file or a
//   postgresql:// URL; a database that already holds funds is measured as it is)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "funds/ledger.h"
#include "funds/ledger_store.h"
#include "funds/rules.h"
#include "funds/service.h"
#include "province.h"
#include "storage/migrate.h"

using namespace ruralec;
using namespace ruralec::bench;
using namespace ruralec::funds;

namespace {

constexpr int kCategories = 5, kTranches = 40, kPayments = 96;
constexpr int64_t kCommit = 1'000'000, kAdvance = 300'000, kPayment = 7'000;  // fen
const char* const kCategoryCodes[kCategories] = {"public_service_center", "logistics", "training",
                                                 "brand", "uplink"};

Fund NewFund(int k, int projects) {
  Fund f;
  f.county_code = County(k);
  f.name = "电子商务进农村综合示范专项资金" + std::to_string(k);
  f.amount = Fen{kCommit * projects};
  f.advance_pct = 30;
  f.valid_from = CivilDate(2024, 1, 1);
  f.valid_to = CivilDate(2026, 12, 31);
  f.document = "财建〔2024〕" + std::to_string(k) + "号";
  for (int c = 0; c < kCategories; ++c)
    f.categories.push_back({kCategoryCodes[c], kCategoryCodes[c], Fen{kCommit * projects / 5}});
  return f;
}

// One fund's ledger: each transfer chained, inserted, and summed into its balances; the
// projects are accepted (dated) so the advances are settled and the payments allowed.
struct FundWriter {
  storage::Connection& c;
  const crypto::RecordMac& mac;
  FundId fund;
  int64_t seq = 0, day = 0;
  std::string prev;
  std::map<Account, int64_t> balances;

  void Add(Op op, const std::string& category, const std::string& project, int64_t amount) {
    Transfer t;
    t.fund = fund;
    t.seq = ++seq;
    t.op = op;
    std::tie(t.from, t.to) = MovementOf(op, category, project);
    t.amount = Fen{amount};
    t.value_date = CivilDate(2024, 1, 2).AddDays(static_cast<int>(day++ / 40));
    t.document = "凭证" + std::to_string(t.seq);
    if (op == Op::kCommit) t.purpose = "station", t.uplink_pct = 60;
    t.idempotency_key = "bench-" + std::to_string(fund.value) + "-" + std::to_string(t.seq);
    t.prev_tag = prev;
    t.created_at = 1'704'153'600'000 + t.seq * 1000;
    t.tag = mac.Tag("funds.transfer", TagInput(t));
    prev = t.tag;
    Must(store::InsertTransfer(c, t, "bench"));
    balances[t.from] -= amount;
    balances[t.to] += amount;
  }
};

int64_t WriteFund(storage::Connection& c, const crypto::RecordMac& mac, FundId id, int projects) {
  FundWriter w{c, mac, id};
  MustOk(storage::InTransaction(c, storage::TxMode::kWrite, [&]() -> Status {
    for (int i = 0; i < kTranches; ++i) w.Add(Op::kArrive, "", "", kCommit * projects / kTranches);
    for (int p = 0; p < projects; ++p) {
      const std::string cat = kCategoryCodes[p % kCategories], key = "P-" + std::to_string(p);
      RETURN_IF_ERROR(store::PutProject(
          c, id,
          {key, "项目" + std::to_string(p), ProjectStatus::kAccepted, CivilDate(2024, 6, 30)}));
      w.Add(Op::kCommit, cat, key, kCommit);
      w.Add(Op::kAdvance, cat, key, kAdvance);
      w.Add(Op::kSettle, cat, key, kAdvance);
      for (int j = 0; j < kPayments; ++j) w.Add(Op::kPay, cat, key, kPayment);
      w.Add(Op::kDecommit, cat, key, kCommit - kAdvance - kPayments * kPayment);
    }
    for (const auto& [account, delta] : w.balances)
      RETURN_IF_ERROR(store::AddToBalance(c, id, account, delta));
    return {};
  }));
  return w.seq;
}

double TimeVerify(storage::Connection& c, const crypto::RecordMac& mac, std::optional<FundId> fund,
                  int runs, VerifyReport* rep) {
  return Median(
      [&] {
        *rep = Must(Verify(c, mac, fund));
        if (!rep->ok) Die(Error::Internal("verify: " + rep->violation));
      },
      runs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: funds_bench TARGET [FUNDS] [PROJECTS_PER_FUND]\n");
    return 2;
  }
  const int nfunds = argc > 2 ? std::atoi(argv[2]) : 100;
  const int projects = argc > 3 ? std::atoi(argv[3]) : 100;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  const crypto::RecordMac mac = crypto::RecordMac::FromKey({});
  auto t0 = std::chrono::steady_clock::now();
  std::vector<FundId> ids;
  int64_t transfers = 0;
  // A database generated before (the same TARGET again) is reused: profiling the reads needs
  // no second generation.
  for (const auto& r : Must(conn->Query("SELECT id FROM funds ORDER BY id")))
    ids.push_back(FundId{r.Int(0)});
  if (ids.empty()) {
    ProvinceRegions(*conn);
    for (int k = 0; k < nfunds; ++k) {
      ids.push_back(Must(CreateFund(*conn, NewFund(k % kCounties, projects), Actor{})));
      transfers += WriteFund(*conn, mac, ids.back(), projects);
    }
  } else {
    transfers = Must(conn->Query("SELECT COUNT(*) FROM fund_transfers")).at(0).Int(0);
  }
  const double gen = Since(t0);

  VerifyReport all, one;
  const double c0 = Cpu();
  const double all_ms = TimeVerify(*conn, mac, std::nullopt, 3, &all);
  const double all_cpu_ms = (Cpu() - c0) * 1000 / 3;
  const FundId fund = ids[ids.size() / 2];
  const double one_ms = TimeVerify(*conn, mac, fund, 21, &one);

  size_t accounts = 0;
  const double sheet_ms = Median([&] { accounts = Must(Balances(*conn, fund)).size(); });
  SystemClock clock;
  audit::AuditLog audit(clock, mac);
  Deps d{*db, audit, clock, mac};
  const Fund f = Must(store::LoadFund(*conn, fund));
  account::Principal staff = Staff(f.county_code, {"funds:read", "funds:edit"});
  FundView view;
  const double page_ms = Median([&] { view = Must(GetFund(d, staff, fund)); });

  int n = 0;
  const double move_ms = Median([&] {
    TransferRequest r;
    r.op = Op::kArrive;
    r.amount = Fen{100};
    r.value_date = CivilDate(2025, 1, 2);
    r.document = "追加";
    r.idempotency_key = "bench-move-" + std::to_string(n++);
    Must(Move(*conn, mac, fund, r, Actor{}));
  });
  std::printf(
      "%s funds=%d transfers=%lld generate_s=%.1f verify_all_ms=%.0f (cpu %.0f; %lld transfers) "
      "verify_one_ms=%.1f (%lld) balance_sheet_ms=%.2f (%zu accounts) fund_page_ms=%.2f "
      "(%zu categories) move_ms=%.2f\n",
      std::string(db->Dialect()).c_str(), nfunds, static_cast<long long>(transfers), gen, all_ms,
      all_cpu_ms, static_cast<long long>(all.transfers), one_ms,
      static_cast<long long>(one.transfers), sheet_ms, accounts, page_ms,
      view.figures.categories.size(), move_ms);
  return all.transfers == transfers ? 0 : 1;
}
