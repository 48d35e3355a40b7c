#include "funds/award_reclaim.h"

#include <algorithm>
#include <map>

#include "account/stamp.h"
#include "funds/award_pay.h"
#include "funds/ledger_store.h"

namespace ruralec::funds {
namespace {

using account::Principal;

std::string YuanOf(int64_t fen) { return Fen{fen}.ToYuan(); }

Result<Fund> FundFor(storage::Connection& conn, const Principal& who, FundId id, bool write) {
  ASSIGN_OR_RETURN(Fund f, store::LoadFund(conn, id));
  auto county = RegionCode::Parse(f.county_code);
  if (!county.ok() || !who.CanSee(*county)) return Error::NotFound("资金不存在");
  if (write && !who.InScope(*county))
    return Error::Forbidden("资金所属县 " + f.county_code + " 不在您的管辖范围内");
  return f;
}

Result<award::PayableItem> ItemOf(storage::Connection& conn, const Fund& f, int64_t list_id,
                                  int64_t item_id) {
  if (list_id <= 0) return Error::Invalid("list_id", "请指明奖补清单");
  ASSIGN_OR_RETURN(auto items, award::ItemsOfList(conn, list_id));
  for (auto& i : items) {
    if (i.id != item_id) continue;
    if (i.county_code != f.county_code)
      return Error::Invalid("list_id", "该奖补清单不属于本资金所在县");
    return i;
  }
  return Error::Invalid("item_id", "奖补清单" + std::to_string(list_id) +
                                       "（已审定）中没有应付事项" + std::to_string(item_id));
}

// The category to reclaim from: the one named, else the only one the project was paid from.
Result<std::string> CategoryFor(const FundState& s, const std::string& project,
                                const std::string& named) {
  if (!named.empty()) return named;
  std::vector<std::string> paid_in;
  for (const auto& [a, v] : s.balances)
    if (a.kind == Kind::kPaid && a.project == project && v > 0) paid_in.push_back(a.category);
  if (paid_in.size() == 1) return paid_in[0];
  if (paid_in.empty())
    return Error::Conflict("项目" + project + "在本资金没有拨付，没有可追回的款项", "amount");
  return Error::Invalid("category", "项目" + project + "的拨付分属多个类别，请指明从哪个类别追回");
}

TransferRequest TransferOf(const AwardReclaimRequest& q, const award::PayableItem& i,
                           const std::string& category, int64_t amount, int64_t paid,
                           const std::optional<AwardReclaim>& freed) {
  TransferRequest r;
  r.op = Op::kReclaim;
  r.category = category;
  r.project = AwardProjectKey(i);
  r.amount = Fen{amount};
  r.value_date = q.value_date;
  r.document = q.document + "（奖补清单" + std::to_string(i.list_id) + "·应付事项" +
               std::to_string(i.id) + "）";
  r.reason = "奖补清单" + std::to_string(i.list_id) + "核定" + i.payee_name + YuanOf(i.amount_fen) +
             "，已拨付" + YuanOf(paid) + "，追回多付" + YuanOf(amount);
  r.idempotency_key =
      freed ? ReclaimAgainKey(i.list_id, i.id, *freed->reversed_by) : ReclaimKey(i.list_id, i.id);
  return r;
}

// The reclaim row of `item` for its transfer `t`.
AwardReclaim RowOf(const award::PayableItem& item, const Transfer& t) {
  AwardReclaim a;
  a.fund = t.fund;
  a.list_id = item.list_id;
  a.item_id = item.id;
  a.transfer = t.id;
  a.project = t.to.project;
  a.category = t.to.category;
  a.payee_name = item.payee_name;
  a.rule_id = item.rule_id;
  a.delta = Fen{item.delta_fen};
  a.amount = a.outstanding = t.amount;
  a.value_date = t.value_date;
  a.document = t.document;
  a.created_by = t.created_by;
  a.created_at = t.created_at;
  return a;
}

// The reclaim of the item as it stands: none, the live one (a repeat), or a reversed one that
// freed the item. kConflict when it was raised in another fund.
Result<std::optional<AwardReclaim>> PriorOf(storage::Connection& conn, const Fund& f,
                                            int64_t item_id) {
  ASSIGN_OR_RETURN(auto prior, store::ReclaimOfItem(conn, item_id));
  if (prior && prior->fund.value != f.id.value)
    return Error::Conflict("应付事项" + std::to_string(item_id) + "已在资金" +
                               std::to_string(prior->fund.value) + "立追回",
                           "item_id");
  return prior;
}

Result<AwardReclaim> Raise(const Deps& d, storage::Connection& conn, const Principal& who,
                           const Fund& f, const AwardReclaimRequest& q) {
  ASSIGN_OR_RETURN(auto prior, PriorOf(conn, f, q.item_id));
  if (prior && !prior->reversed_by) {
    prior->repeated = true;
    return *prior;
  }
  ASSIGN_OR_RETURN(award::PayableItem item, ItemOf(conn, f, q.list_id, q.item_id));
  ASSIGN_OR_RETURN(FundState s, store::LoadState(conn, f.id));
  const std::string project = AwardProjectKey(item);
  if (!s.projects.count(project))
    return Error::Conflict("本资金没有兑现过" + item.payee_name + "的奖补（项目" + project + "）",
                           "item_id");
  ASSIGN_OR_RETURN(SubjectStanding st, StandingOf(conn, item));
  ASSIGN_OR_RETURN(int64_t amount, ReclaimableAmount(ForReclaim(item, st), st.paid));
  ASSIGN_OR_RETURN(std::string category, CategoryFor(s, project, q.category));
  Actor by{who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt, d.clock.NowMs()};
  ASSIGN_OR_RETURN(Transfer t, Move(conn, d.mac, f.id,
                                    TransferOf(q, item, category, amount, st.paid, prior), by));
  if (t.repeated) return Error::Internal("追回记录与资金变动不一致");
  if (!prior) RETURN_IF_ERROR(award::MarkPaid(conn, item.id));
  AwardReclaim a = RowOf(item, t);
  RETURN_IF_ERROR(store::InsertReclaim(conn, &a));
  RETURN_IF_ERROR(d.audit.Append(
      conn,
      account::AuditOf(who, "funds.award_reclaim", "fund", f.id.value,
                       "list=" + std::to_string(item.list_id) + " item=" + std::to_string(item.id) +
                           " seq=" + std::to_string(t.seq) + " amount=" + t.amount.ToYuan() +
                           (prior ? " again_after=" + std::to_string(prior->reversed_by->value)
                                  : std::string()) +
                           " document=" + q.document)));
  return a;
}

}  // namespace

std::string ReclaimKey(int64_t list_id, int64_t item_id) {
  return "award-list-" + std::to_string(list_id) + "-item-" + std::to_string(item_id) + "-reclaim";
}

std::string ReclaimAgainKey(int64_t list_id, int64_t item_id, TransferId reversal) {
  return ReclaimKey(list_id, item_id) + "-after-" + std::to_string(reversal.value);
}

Result<SubjectStanding> StandingOf(storage::Connection& conn, const award::PayableItem& item) {
  ASSIGN_OR_RETURN(auto chain, award::ItemsOfSubject(conn, item));
  SubjectStanding out;
  for (const auto& c : chain) {
    if (c.id > item.id) out.newest = false;
    ASSIGN_OR_RETURN(int64_t pay, store::LiveAmountOfKey(conn, AwardPayKey(c.id)));
    out.paid += pay;
    ASSIGN_OR_RETURN(auto reclaims, store::ReclaimsOfItem(conn, c.id));
    for (const auto& r : reclaims)
      if (!r.reversed_by) out.paid -= r.amount.value;
    if (c.id == item.id && !reclaims.empty()) out.reclaim = reclaims.back();
  }
  return out;
}

award::PayableItem ForReclaim(const award::PayableItem& item, const SubjectStanding& s) {
  award::PayableItem out = item;
  if (item.status == "paid" && s.reclaim && s.reclaim->reversed_by)
    out.status = s.newest ? "open" : "superseded";
  return out;
}

Result<int64_t> ReclaimableAmount(const award::PayableItem& i, int64_t paid) {
  const std::string item = "应付事项" + std::to_string(i.id);
  if (i.status == "superseded")
    return Error::Conflict(item + "已被新版本清单取代，请按最新核定版本追回", "item_id");
  if (i.status != "open") return Error::Conflict(item + "已处理，不能再追回", "item_id");
  const int64_t over = paid - i.amount_fen;
  if (over <= 0)
    return Error::Conflict(i.payee_name + "已拨付" + YuanOf(paid) + "，不超过新版本核定的" +
                               YuanOf(i.amount_fen) + "，没有多付可追回",
                           "amount");
  return over;
}

void ReclaimStates(std::vector<AwardReclaim>& all, const FundState& s) {
  std::map<std::pair<std::string, std::string>, int64_t> owed;  // claw-back per account
  std::vector<AwardReclaim*> newest_first;
  for (auto& a : all) newest_first.push_back(&a);
  std::sort(newest_first.begin(), newest_first.end(),
            [](const AwardReclaim* x, const AwardReclaim* y) { return x->id > y->id; });
  for (AwardReclaim* a : newest_first) {
    auto key = std::make_pair(a->category, a->project);
    if (!owed.count(key)) owed[key] = s.Balance({Kind::kClawback, a->category, a->project});
    if (a->reversed_by) {
      a->recovered = a->outstanding = Fen{0};
      a->state = ReclaimState::kReversed;
      continue;
    }
    int64_t left = std::max<int64_t>(0, std::min(a->amount.value, owed[key]));
    owed[key] -= left;
    a->outstanding = Fen{left};
    a->recovered = Fen{a->amount.value - left};
    a->state = left == a->amount.value ? ReclaimState::kRaised
               : left == 0             ? ReclaimState::kRecovered
                                       : ReclaimState::kPartlyRecovered;
  }
}

Result<AwardReclaim> RaiseAwardReclaim(const Deps& d, const Principal& who, FundId id,
                                       const AwardReclaimRequest& q) {
  if (!who.Can("funds:edit")) return Error::Forbidden("没有登记专项资金变动的权限");
  if (q.item_id <= 0) return Error::Invalid("item_id", "请指明要追回的应付事项");
  if (q.document.empty()) return Error::Invalid("document", "请填写追回依据文件（追回通知书号）");
  auto conn = d.db.Acquire();
  return storage::InTransaction<AwardReclaim>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AwardReclaim> {
        ASSIGN_OR_RETURN(Fund f, FundFor(*conn, who, id, true));
        ASSIGN_OR_RETURN(AwardReclaim a, Raise(d, *conn, who, f, q));
        ASSIGN_OR_RETURN(FundState s, store::LoadState(*conn, id));
        ASSIGN_OR_RETURN(auto all, store::ReclaimsOfFund(*conn, id));
        ReclaimStates(all, s);
        for (auto& x : all)
          if (x.id == a.id) {
            x.repeated = a.repeated;
            return x;
          }
        return a;
      });
}

Result<std::vector<AwardReclaim>> AwardReclaimsOf(const Deps& d, const Principal& who, FundId id,
                                                  int64_t list_id) {
  if (!who.Can("funds:read")) return Error::Forbidden("没有查看专项资金的权限");
  auto conn = d.db.Acquire();
  return storage::InTransaction<std::vector<AwardReclaim>>(
      *conn, storage::TxMode::kRead, [&]() -> Result<std::vector<AwardReclaim>> {
        ASSIGN_OR_RETURN(Fund f, FundFor(*conn, who, id, false));
        ASSIGN_OR_RETURN(FundState s, store::LoadState(*conn, f.id));
        ASSIGN_OR_RETURN(auto all, store::ReclaimsOfFund(*conn, f.id));
        ReclaimStates(all, s);
        std::vector<AwardReclaim> out;
        for (auto it = all.rbegin(); it != all.rend(); ++it)
          if (list_id == 0 || it->list_id == list_id) out.push_back(*it);
        return out;
      });
}

}  // namespace ruralec::funds
