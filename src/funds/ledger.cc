#include "funds/ledger.h"

#include <algorithm>
#include <map>
#include <set>

#include "funds/figures.h"
#include "funds/ledger_store.h"
#include "funds/read_store.h"
#include "funds/rules.h"

namespace ruralec::funds {
namespace {

constexpr const char* kTagContext = "funds.transfer";

std::string YuanOf(int64_t fen) { return Fen{fen}.ToYuan(); }

std::string Join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out += p + '\x1f';
  return out;
}

std::string AccountText(const Account& a) {
  return std::string(KindName(a.kind)) + "/" + a.category + "/" + a.project;
}

// What makes two commands under one key the same command.
std::string Fingerprint(const TransferRequest& r) {
  return crypto::Sha256Hex(
      Join({OpName(r.op), r.category, r.project, std::to_string(r.amount.value),
            r.value_date.ToString(), r.document, r.purpose, std::to_string(r.uplink_pct), r.reason,
            r.reverses ? std::to_string(r.reverses->value) : ""}));
}

Status CheckFund(const Fund& f) {
  if (f.name.empty() || f.name.size() > 180)
    return Error::Invalid("name", "请填写资金名称（60字以内）");
  if (f.amount.value <= 0) return Error::Invalid("amount", "资金总额必须大于0");
  if (f.advance_pct < 0 || f.advance_pct > 100)
    return Error::Invalid("advance_pct", "预拨比例应在0到100之间");
  if (f.valid_to < f.valid_from) return Error::Invalid("valid_to", "有效期结束日不能早于开始日");
  if (f.document.empty()) return Error::Invalid("document", "请填写资金下达文件");
  std::set<std::string> codes;
  int64_t planned = 0;
  for (const auto& c : f.categories) {
    if (c.code.empty() || c.name.empty()) return Error::Invalid("categories", "类别须有代码和名称");
    if (!codes.insert(c.code).second)
      return Error::Invalid("categories", "类别代码重复: " + c.code);
    if (c.planned.value < 0) return Error::Invalid("categories", "计划金额不能为负");
    planned += c.planned.value;
  }
  if (planned > f.amount.value)
    return Error::Invalid(
        "categories", "各类别计划合计" + YuanOf(planned) + "超过资金总额" + YuanOf(f.amount.value));
  return {};
}

// The accounts of a reversal: the original's, swapped; each transfer is reversed at most once
// and a reversal is not itself reversed (a mistaken reversal is corrected by a new command).
Result<std::pair<Account, Account>> ReversalOf(storage::Connection& conn, FundId fund,
                                               TransferRequest& r) {
  if (!r.reverses) return Error::Invalid("reverses", "请指明要冲销的资金变动");
  ASSIGN_OR_RETURN(auto orig, store::FindTransfer(conn, fund, *r.reverses));
  if (!orig) return Error::Invalid("reverses", "该资金没有这笔资金变动");
  if (orig->op == Op::kReverse) return Error::Conflict("冲销记录不能再冲销", "reverses");
  ASSIGN_OR_RETURN(bool done, store::IsReversed(conn, orig->id));
  if (done) return Error::Conflict("这笔资金变动已冲销", "reverses");
  if (r.amount.value != orig->amount.value)
    return Error::Invalid("amount", "冲销金额须等于原记录金额" + YuanOf(orig->amount.value));
  r.category = orig->to.category;
  r.project = orig->to.project;
  return std::pair<Account, Account>{orig->to, orig->from};
}

Result<Transfer> MoveLocked(storage::Connection& conn, const crypto::RecordMac& mac, FundId fund,
                            TransferRequest r, const Actor& by) {
  std::string fp = Fingerprint(r), stored_fp;
  ASSIGN_OR_RETURN(auto prior, store::FindByKey(conn, fund, r.idempotency_key, &stored_fp));
  if (prior) {
    if (stored_fp != fp)
      return Error::Conflict("幂等键" + r.idempotency_key + "已用于另一笔资金变动",
                             "idempotency_key");
    prior->repeated = true;
    return *prior;
  }
  ASSIGN_OR_RETURN(FundState state, store::LoadState(conn, fund));
  std::pair<Account, Account> move = MovementOf(r.op, r.category, r.project);
  if (r.op == Op::kReverse) {
    ASSIGN_OR_RETURN(move, ReversalOf(conn, fund, r));
  } else if (r.reverses) {
    return Error::Invalid("reverses", "只有冲销才能指明原记录");
  }
  RETURN_IF_ERROR(CheckTransfer(state, r, move.first, move.second));
  ASSIGN_OR_RETURN(auto head, store::Head(conn, fund));
  Transfer t;
  t.fund = fund;
  t.seq = head.first + 1;
  t.op = r.op;
  t.from = move.first;
  t.to = move.second;
  t.amount = r.amount;
  t.value_date = r.value_date;
  t.document = r.document;
  t.purpose = r.purpose;
  t.reason = r.reason;
  t.uplink_pct = r.uplink_pct;
  t.reverses = r.reverses;
  t.idempotency_key = r.idempotency_key;
  t.prev_tag = head.second;
  t.created_by = by.user_id;
  t.created_at = by.now_ms;
  t.tag = mac.Tag(kTagContext, TagInput(t));
  ASSIGN_OR_RETURN(t.id, store::InsertTransfer(conn, t, fp));
  RETURN_IF_ERROR(store::AddToBalance(conn, fund, t.from, -t.amount.value));
  RETURN_IF_ERROR(store::AddToBalance(conn, fund, t.to, t.amount.value));
  return t;
}

}  // namespace

std::string TagInput(const Transfer& t) {
  return Join({std::to_string(t.fund.value), std::to_string(t.seq), OpName(t.op),
               AccountText(t.from), AccountText(t.to), std::to_string(t.amount.value),
               t.value_date.ToString(), t.document, t.purpose, std::to_string(t.uplink_pct),
               t.reason, t.reverses ? std::to_string(t.reverses->value) : "", t.idempotency_key,
               t.prev_tag});
}

Result<FundId> CreateFund(storage::Connection& conn, Fund f, const Actor& by) {
  RETURN_IF_ERROR(CheckFund(f));
  return storage::InTransaction<FundId>(conn, storage::TxMode::kWrite, [&]() -> Result<FundId> {
    ASSIGN_OR_RETURN(bool same, store::FundNamed(conn, f.county_code, f.name));
    if (same) return Error::Conflict("本县已有同名资金: " + f.name, "name");
    return store::InsertFund(conn, f, by.user_id, by.now_ms);
  });
}

Result<Fund> GetFund(storage::Connection& conn, FundId fund, const std::string& county) {
  return store::LoadFund(conn, fund, county);
}

Status PutProject(storage::Connection& conn, FundId fund, Project p) {
  if (p.key.empty()) return Error::Invalid("project", "请填写项目编号");
  if (p.name.empty()) return Error::Invalid("name", "请填写项目名称");
  if (p.status != ProjectStatus::kOpen && !p.status_on)
    return Error::Invalid("status_on", "验收结论须注明日期");
  return storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(FundState s, store::LoadState(conn, fund));
    auto it = s.projects.find(p.key);
    if (it != s.projects.end() && it->second.status != ProjectStatus::kOpen &&
        it->second.status != p.status)
      return Error::Conflict("项目验收结论已记录，不能更改", "status");
    return store::PutProject(conn, fund, p);
  });
}

Status CloseThrough(storage::Connection& conn, FundId fund, CivilDate d) {
  return storage::InTransaction(conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(FundState s, store::LoadState(conn, fund));
    if (s.fund.closed_through && d <= *s.fund.closed_through)
      return Error::Conflict("已结账至" + s.fund.closed_through->ToString(), "date");
    if (d >= s.fund.valid_to) {
      ASSIGN_OR_RETURN(auto uplink, store::ProjectUplink(conn, fund));
      RETURN_IF_ERROR(CheckSettlement(s.fund, d, FiguresOf(s, uplink).constraints.uplink_bp));
    }
    return store::SetClosedThrough(conn, fund, d);
  });
}

Result<bool> AdjustPlan(storage::Connection& conn, FundId fund, PlanChange c, const Actor& by) {
  return storage::InTransaction<bool>(conn, storage::TxMode::kWrite, [&]() -> Result<bool> {
    ASSIGN_OR_RETURN(FundState s, store::LoadState(conn, fund));
    RETURN_IF_ERROR(CheckPlanChange(s, c));
    for (const auto& cat : s.fund.categories)
      if (cat.code == c.code) c.before = cat.planned;
    if (c.before.value == c.planned.value) return false;
    c.changed_by = by.user_id;
    c.changed_at = by.now_ms;
    RETURN_IF_ERROR(store::PutPlanChange(conn, fund, c));
    return true;
  });
}

Result<Transfer> Move(storage::Connection& conn, const crypto::RecordMac& mac, FundId fund,
                      TransferRequest r, const Actor& by) {
  return storage::InTransaction<Transfer>(conn, storage::TxMode::kWrite,
                                          [&] { return MoveLocked(conn, mac, fund, r, by); });
}

Result<std::vector<Balance>> Balances(storage::Connection& conn, FundId fund) {
  ASSIGN_OR_RETURN(auto stored, store::StoredBalances(conn, fund));
  std::vector<Balance> out;
  for (auto& [f, b] : stored) out.push_back(b);
  std::sort(out.begin(), out.end(),
            [](const Balance& a, const Balance& b) { return a.account < b.account; });
  return out;
}

Result<VerifyReport> Verify(storage::Connection& conn, const crypto::RecordMac& mac,
                            std::optional<FundId> fund) {
  return storage::InTransaction<VerifyReport>(
      conn, storage::TxMode::kRead, [&]() -> Result<VerifyReport> {
        VerifyReport rep;
        std::map<std::pair<int64_t, Account>, int64_t> computed;
        int64_t cur = 0, seq = 0;
        std::string prev;
        auto fail = [&](const Transfer& t, const std::string& why) {
          rep.ok = false;
          rep.violation =
              "资金" + std::to_string(t.fund.value) + "第" + std::to_string(t.seq) + "笔: " + why;
          return false;
        };
        RETURN_IF_ERROR(store::ScanTransfers(conn, fund, [&](const Transfer& t) {
          if (t.fund.value != cur) cur = t.fund.value, seq = 0, prev.clear(), ++rep.funds;
          ++rep.transfers;
          if (t.seq != seq + 1) return fail(t, "序号不连续（应为" + std::to_string(seq + 1) + "）");
          if (t.prev_tag != prev || !mac.Check(kTagContext, TagInput(t), t.tag))
            return fail(t, "校验链不符（记录被改动、删除或调换）");
          if (t.document.empty()) return fail(t, "缺少依据文件");
          if (t.amount.value <= 0) return fail(t, "金额不为正");
          int64_t& from = computed[{cur, t.from}];
          from -= t.amount.value;
          computed[{cur, t.to}] += t.amount.value;
          if (t.from.kind != Kind::kTreasury && from < 0)
            return fail(t, std::string(KindLabel(t.from.kind)) + "余额为负");
          seq = t.seq, prev = t.tag;
          return true;
        }));
        if (!rep.ok) return rep;
        ASSIGN_OR_RETURN(auto stored, store::StoredBalances(conn, fund));
        std::map<std::pair<int64_t, Account>, int64_t> kept;
        for (const auto& [f, b] : stored) kept[{f.value, b.account}] = b.balance.value;
        for (auto& [k, v] : computed) {
          auto it = kept.find(k);
          int64_t have = it == kept.end() ? 0 : it->second;
          if (have != v) {
            rep.ok = false;
            rep.violation = "资金" + std::to_string(k.first) + "账户" + AccountText(k.second) +
                            "余额记为" + YuanOf(have) + "，按资金变动应为" + YuanOf(v);
            return rep;
          }
          if (it != kept.end()) kept.erase(it);
        }
        for (const auto& [k, v] : kept)
          if (v != 0) {
            rep.ok = false;
            rep.violation = "资金" + std::to_string(k.first) + "账户" + AccountText(k.second) +
                            "有余额" + YuanOf(v) + "但没有资金变动";
            return rep;
          }
        return rep;
      });
}

}  // namespace ruralec::funds
