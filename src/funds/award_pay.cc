#include "funds/award_pay.h"

#include <algorithm>

#include "account/stamp.h"
#include "funds/award_reclaim.h"
#include "funds/ledger_store.h"

namespace ruralec::funds {
namespace {

using account::Principal;

std::string YuanOf(int64_t fen) { return Fen{fen}.ToYuan(); }

// A settled item: paid (or settled with nothing to pay), or its reclaim raised — and, when that
// reclaim was reversed, what raising it again would take now.
AwardItemView SettledView(AwardItemView v, const SubjectStanding& st) {
  v.reason = st.reclaim ? "已立追回" : "已支付";
  if (!st.reclaim || !st.reclaim->reversed_by) return v;
  auto again = ReclaimableAmount(ForReclaim(v.item, st), st.paid);
  v.reason =
      "追回已冲销" + (again.ok() ? "，可重新追回" + YuanOf(*again) : "：" + again.error().message);
  if (again.ok()) v.reclaim = Fen{*again};
  return v;
}

// An item as a run sees it: what its subject is still owed (its amount less what was actually
// paid over the versions, in any fund) is paid when it may be; an over-payment is reclaimed.
Result<AwardItemView> ViewOf(storage::Connection& conn, const award::PayableItem& i) {
  AwardItemView v{i, AwardProjectKey(i)};
  if (i.status == "superseded") {
    v.reason = "已被新版本清单取代";
    return v;
  }
  ASSIGN_OR_RETURN(SubjectStanding st, StandingOf(conn, i));
  if (i.status != "open") return SettledView(std::move(v), st);
  const int64_t due = i.amount_fen - st.paid;
  if (due < 0) {
    auto r = ReclaimableAmount(i, st.paid);
    if (!r.ok()) return r.error();
    v.reclaim = Fen{*r};
    v.reason =
        (i.delta_fen < 0 ? "新版本核减" + YuanOf(-i.delta_fen)
                         : "已拨付" + YuanOf(st.paid) + "，超过核定" + YuanOf(i.amount_fen)) +
        "，可追回" + YuanOf(*r);
    return v;
  }
  v.due = Fen{due};
  v.payable = !i.payable_after_acceptance || i.acceptance_status == "accepted";
  if (!v.payable)
    v.reason = i.acceptance_status == "failed" ? "验收不合格，不予支付" : "待验收后支付";
  return v;
}

Result<std::vector<AwardItemView>> Views(storage::Connection& conn, const Fund& f,
                                         int64_t list_id) {
  if (list_id <= 0) return Error::Invalid("list_id", "请指明奖补清单");
  ASSIGN_OR_RETURN(auto items, award::ItemsOfList(conn, list_id));
  if (items.empty())
    return Error::Invalid("list_id", "该奖补清单没有应付事项（清单不存在、未审定或没有应付条目）");
  std::vector<AwardItemView> out;
  for (auto& i : items) {
    if (i.county_code != f.county_code)
      return Error::Invalid("list_id", "该奖补清单不属于本资金所在县");
    ASSIGN_OR_RETURN(AwardItemView v, ViewOf(conn, i));
    out.push_back(std::move(v));
  }
  return out;
}

// The fund, if the caller sees it (404 otherwise) and, to write, its county is in their region.
Result<Fund> FundInScope(storage::Connection& conn, const Principal& who, FundId id, bool write) {
  ASSIGN_OR_RETURN(Fund f, store::LoadFund(conn, id));
  auto county = RegionCode::Parse(f.county_code);
  if (!county.ok() || !who.CanSee(*county)) return Error::NotFound("资金不存在");
  if (write && !who.InScope(*county))
    return Error::Forbidden("资金所属县 " + f.county_code + " 不在您的管辖范围内");
  return f;
}

Result<AwardAcceptanceResult> Accept(const Deps& d, storage::Connection& conn, const Principal& who,
                                     const Fund& f, const AwardAcceptance& a) {
  ASSIGN_OR_RETURN(auto views, Views(conn, f, a.list_id));
  auto v = std::find_if(views.begin(), views.end(),
                        [&](const AwardItemView& x) { return x.item.id == a.item_id; });
  if (v == views.end())
    return Error::Invalid("item_id", "奖补清单" + std::to_string(a.list_id) + "中没有应付事项" +
                                         std::to_string(a.item_id));
  const std::string want = a.accepted ? "accepted" : "failed";
  if (v->item.acceptance_status == want) return AwardAcceptanceResult{*v, true};
  if (!v->item.payable_after_acceptance)
    return Error::Conflict("应付事项" + std::to_string(a.item_id) + "的条款无需验收即可支付",
                           "item_id");
  RETURN_IF_ERROR(award::SetAcceptance(conn, a.item_id, a.accepted));
  RETURN_IF_ERROR(d.audit.Append(
      conn, account::AuditOf(who, "funds.award_acceptance", "fund", f.id.value,
                             "list=" + std::to_string(a.list_id) +
                                 " item=" + std::to_string(a.item_id) + " result=" + want +
                                 " on=" + a.on.ToString() + " document=" + a.document)));
  award::PayableItem now = v->item;
  now.acceptance_status = want;
  ASSIGN_OR_RETURN(AwardItemView view, ViewOf(conn, now));
  return AwardAcceptanceResult{view, false};
}

TransferRequest RequestOf(Op op, const AwardPayment& p, const AwardItemView& v) {
  TransferRequest r;
  r.op = op;
  r.category = p.category;
  r.project = v.project;
  r.amount = v.due;
  r.value_date = p.value_date;
  r.document = p.document + "（奖补清单" + std::to_string(v.item.list_id) + "·应付事项" +
               std::to_string(v.item.id) + "）";
  if (op == Op::kCommit) {
    r.purpose = "award";
    r.uplink_pct = p.uplink_pct;
  }
  r.idempotency_key = op == Op::kCommit ? "award-item-" + std::to_string(v.item.id) + "-commit"
                                        : AwardPayKey(v.item.id);
  return r;
}

// Commits and pays what the item's subject is still owed under its project (created accepted on
// the value date: the approved list is the acceptance of an award), then marks the item paid —
// settled without a transfer when nothing is owed.
Status PayItem(const Deps& d, storage::Connection& conn, FundId fund, const AwardPayment& p,
               const AwardItemView& v, const Actor& by) {
  if (v.due.value > 0) {
    ASSIGN_OR_RETURN(FundState s, store::LoadState(conn, fund));
    if (!s.projects.count(v.project)) {
      Project prj{v.project, v.item.payee_name + "（" + v.item.rule_id + "）",
                  ProjectStatus::kAccepted, p.value_date};
      RETURN_IF_ERROR(store::PutProject(conn, fund, prj));
    }
    ASSIGN_OR_RETURN(Transfer commit, Move(conn, d.mac, fund, RequestOf(Op::kCommit, p, v), by));
    ASSIGN_OR_RETURN(Transfer pay, Move(conn, d.mac, fund, RequestOf(Op::kPay, p, v), by));
    if (commit.repeated || pay.repeated)  // an open item has never been paid under its keys
      return Error::Internal("奖补事项的安排与拨付记录不一致");
  }
  return award::MarkPaid(conn, v.item.id);
}

}  // namespace

std::string AwardPayKey(int64_t item_id) {
  return "award-item-" + std::to_string(item_id) + "-pay";
}

std::string AwardProjectKey(const award::PayableItem& i) {
  return "award:" + i.programme_key + ":" + i.rule_id + ":" + i.subject_kind + ":" +
         std::to_string(i.subject_id);
}

Result<std::vector<AwardItemView>> AwardItems(const Deps& d, const Principal& who, FundId id,
                                              int64_t list_id) {
  if (!who.Can("funds:read")) return Error::Forbidden("没有查看专项资金的权限");
  auto conn = d.db.Acquire();
  return storage::InTransaction<std::vector<AwardItemView>>(
      *conn, storage::TxMode::kRead, [&]() -> Result<std::vector<AwardItemView>> {
        ASSIGN_OR_RETURN(Fund f, store::LoadFund(*conn, id));
        auto county = RegionCode::Parse(f.county_code);
        if (!county.ok() || !who.CanSee(*county)) return Error::NotFound("资金不存在");
        return Views(*conn, f, list_id);
      });
}

Result<AwardAcceptanceResult> RecordAwardAcceptance(const Deps& d, const Principal& who, FundId id,
                                                    const AwardAcceptance& a) {
  if (!who.Can("funds:edit")) return Error::Forbidden("没有登记专项资金变动的权限");
  if (a.item_id <= 0) return Error::Invalid("item_id", "请指明应付事项");
  if (a.document.empty()) return Error::Invalid("document", "请填写验收意见文号");
  auto conn = d.db.Acquire();
  return storage::InTransaction<AwardAcceptanceResult>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AwardAcceptanceResult> {
        ASSIGN_OR_RETURN(Fund f, FundInScope(*conn, who, id, true));
        return Accept(d, *conn, who, f, a);
      });
}

Result<AwardPaymentResult> PayAwardList(const Deps& d, const Principal& who, FundId id,
                                        const AwardPayment& p) {
  if (!who.Can("funds:edit")) return Error::Forbidden("没有登记专项资金变动的权限");
  if (p.category.empty()) return Error::Invalid("category", "请选择支出类别");
  if (p.document.empty()) return Error::Invalid("document", "请填写国库支付凭证号");
  Actor by{who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt, d.clock.NowMs()};
  auto conn = d.db.Acquire();
  return storage::InTransaction<AwardPaymentResult>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<AwardPaymentResult> {
        ASSIGN_OR_RETURN(Fund f, store::LoadFund(*conn, id));
        auto county = RegionCode::Parse(f.county_code);
        if (!county.ok() || !who.CanSee(*county)) return Error::NotFound("资金不存在");
        if (!who.InScope(*county))
          return Error::Forbidden("资金所属县 " + f.county_code + " 不在您的管辖范围内");
        AwardPaymentResult out;
        ASSIGN_OR_RETURN(out.items, Views(*conn, f, p.list_id));
        for (const auto& v : out.items) {
          if (!v.payable) continue;
          Status s = PayItem(d, *conn, id, p, v, by);
          if (!s.ok()) {
            Error e = s.error();
            e.message = "应付事项" + std::to_string(v.item.id) + "（" + v.item.payee_name +
                        "）: " + e.message;
            return e;
          }
          ++out.paid_items;
          out.paid.value += v.due.value;
        }
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "funds.award_payment", "fund", id.value,
                                    "list=" + std::to_string(p.list_id) +
                                        " items=" + std::to_string(out.paid_items) + " amount=" +
                                        out.paid.ToYuan() + " document=" + p.document)));
        return out;
      });
}

}  // namespace ruralec::funds
