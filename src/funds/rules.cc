#include "funds/rules.h"

namespace ruralec::funds {
namespace {

using Big = __int128;  // amount × percent stays exact beyond int64

std::string YuanOf(int64_t fen) { return Fen{fen}.ToYuan(); }

bool IsProjectOp(Op op) { return op != Op::kArrive && op != Op::kGiveBack && op != Op::kReverse; }

const Purpose* FindPurpose(const std::string& code) {
  for (const auto& p : Purposes())
    if (code == p.code) return &p;
  return nullptr;
}

const Category* FindCategory(const Fund& f, const std::string& code) {
  for (const auto& c : f.categories)
    if (c.code == code) return &c;
  return nullptr;
}

std::string Pct(Big num, Big den) {  // one decimal, rounded down
  if (den <= 0) return "0%";
  auto tenths = static_cast<int64_t>(num * 1000 / den);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

Status CheckRequest(const FundState& s, const TransferRequest& r) {
  if (r.amount.value <= 0) return Error::Invalid("amount", "金额必须大于0");
  if (r.document.empty())
    return Error::Invalid("document", "每笔资金变动须有依据文件（批复、凭证或国库支付单号）");
  if (r.idempotency_key.empty()) return Error::Invalid("idempotency_key", "缺少幂等键");
  if (s.fund.closed_through && r.value_date <= *s.fund.closed_through)
    return Error::Conflict("该资金已结账至" + s.fund.closed_through->ToString() + "，不能记入" +
                               r.value_date.ToString(),
                           "value_date");
  if (r.uplink_pct < 0 || r.uplink_pct > 100)
    return Error::Invalid("uplink_pct", "上行占比应在0到100之间");
  if (!IsProjectOp(r.op)) return {};
  if (!FindCategory(s.fund, r.category))
    return Error::Invalid("category", "资金计划中没有类别: " + r.category);
  if (!s.projects.count(r.project))
    return Error::Invalid("project", "该资金没有项目: " + r.project);
  return {};
}

// 公共服务中心 ≤ 15% 原则上: over it only with a recorded reason.
Status CheckCommit(const FundState& s, const TransferRequest& r) {
  const Purpose* p = FindPurpose(r.purpose);
  if (!p) return Error::Invalid("purpose", "请选择资金用途");
  if (p->forbidden) return Error::Conflict(std::string("专项资金不得用于") + p->label, "purpose");
  const Category* c = FindCategory(s.fund, r.category);
  Big after = Big(s.CategoryApproved(r.category)) + r.amount.value;
  if (after > c->planned.value)
    return Error::Conflict(c->name + "已安排" + YuanOf(s.CategoryApproved(r.category)) +
                               "，再安排" + YuanOf(r.amount.value) + "将超过计划" +
                               YuanOf(c->planned.value) + "（须先按文件调整计划）",
                           "amount");
  if (r.category == kPublicServiceCenter &&
      after * 100 > Big(s.fund.amount.value) * kPublicServiceCenterPct && r.reason.empty())
    return Error::Conflict("公共服务中心支出将占资金总额的" + Pct(after, s.fund.amount.value) +
                               "，超过15%（原则上），须填写理由",
                           "reason");
  if (s.projects.at(r.project).status == ProjectStatus::kFailed)
    return Error::Conflict("项目验收不合格，不能再安排资金", "project");
  return {};
}

Status CheckAdvance(const FundState& s, const TransferRequest& r) {
  const Project& p = s.projects.at(r.project);
  if (p.status != ProjectStatus::kOpen)
    return Error::Conflict("预拨只能在验收前办理（项目" + p.name + "已" +
                               (p.status == ProjectStatus::kAccepted ? "验收" : "验收不合格") +
                               "）",
                           "project");
  if (s.fund.advance_pct == 0) return Error::Conflict("该资金验收前不预拨（验收后拨付）", "op");
  Account adv{Kind::kAdvanced, r.category, r.project};
  Big after = Big(s.Balance(adv)) + r.amount.value;
  Big approved = s.Approved(r.project);
  if (after * 100 > approved * s.fund.advance_pct)
    return Error::Conflict("预拨累计" + YuanOf(static_cast<int64_t>(after)) + "将超过核定补助" +
                               YuanOf(static_cast<int64_t>(approved)) + "的" +
                               std::to_string(s.fund.advance_pct) + "%",
                           "amount");
  return {};
}

Status CheckStatusFor(const FundState& s, const TransferRequest& r) {
  const Project& p = s.projects.at(r.project);
  if ((r.op == Op::kPay || r.op == Op::kSettle) && p.status != ProjectStatus::kAccepted)
    return Error::Conflict("项目" + p.name + "未通过验收，不能拨付或清算预拨", "project");
  if (r.op == Op::kClawback && p.status != ProjectStatus::kFailed)
    return Error::Conflict("只有验收不合格的项目才能追回预拨资金", "project");
  return {};
}

// An award over-payment (paid under an earlier version of the list, no longer owed by the
// approved later one) becomes a claw-back receivable: only with its reason, at most what the
// project was paid in that category.
Status CheckReclaim(const FundState& s, const TransferRequest& r) {
  if (r.reason.empty())
    return Error::Invalid("reason", "追回多付奖补须写明依据（哪一版奖补清单核减了多少）");
  const int64_t paid = s.Balance({Kind::kPaid, r.category, r.project});
  if (r.amount.value > paid)
    return Error::Conflict("追回多付" + YuanOf(r.amount.value) + "超过项目" + r.project + "在" +
                               FindCategory(s.fund, r.category)->name + "已拨付的" + YuanOf(paid),
                           "amount");
  return {};
}

}  // namespace

int64_t FundState::Balance(const Account& a) const {
  auto it = balances.find(a);
  return it == balances.end() ? 0 : it->second;
}

int64_t FundState::Approved(const std::string& project) const {
  int64_t sum = 0;
  for (const auto& [a, v] : balances)
    if (a.project == project && a.kind != Kind::kTreasury && a.kind != Kind::kAvailable) sum += v;
  return sum;
}

int64_t FundState::CategoryApproved(const std::string& category) const {
  int64_t sum = 0;
  for (const auto& [a, v] : balances)
    if (a.category == category && a.kind != Kind::kTreasury && a.kind != Kind::kAvailable) sum += v;
  return sum;
}

std::pair<Account, Account> MovementOf(Op op, const std::string& category,
                                       const std::string& project) {
  Account treasury{Kind::kTreasury, "", ""}, available{Kind::kAvailable, "", ""};
  auto at = [&](Kind k) { return Account{k, category, project}; };
  switch (op) {
    case Op::kArrive:
      return {treasury, available};
    case Op::kCommit:
      return {available, at(Kind::kCommitted)};
    case Op::kDecommit:
      return {at(Kind::kCommitted), available};
    case Op::kAdvance:
      return {at(Kind::kCommitted), at(Kind::kAdvanced)};
    case Op::kPay:
      return {at(Kind::kCommitted), at(Kind::kPaid)};
    case Op::kSettle:
      return {at(Kind::kAdvanced), at(Kind::kPaid)};
    case Op::kClawback:
      return {at(Kind::kAdvanced), at(Kind::kClawback)};
    case Op::kRecover:
      return {at(Kind::kClawback), available};
    case Op::kReclaim:
      return {at(Kind::kPaid), at(Kind::kClawback)};
    case Op::kGiveBack:
      return {available, treasury};
    case Op::kReverse:
      break;
  }
  return {treasury, treasury};
}

Status CheckTransfer(const FundState& s, const TransferRequest& r, const Account& from,
                     const Account& to) {
  RETURN_IF_ERROR(CheckRequest(s, r));
  if (r.op == Op::kCommit) RETURN_IF_ERROR(CheckCommit(s, r));
  if (r.op == Op::kAdvance) RETURN_IF_ERROR(CheckAdvance(s, r));
  if (r.op == Op::kReclaim) RETURN_IF_ERROR(CheckReclaim(s, r));
  if (IsProjectOp(r.op)) RETURN_IF_ERROR(CheckStatusFor(s, r));
  if (from == to) return Error::Invalid("op", "转出和转入是同一账户");
  if (from.kind != Kind::kTreasury && s.Balance(from) < r.amount.value)
    return Error::Conflict(
        "余额不足: " + (from.project.empty() ? "" : "项目" + from.project + "的") +
            KindLabel(from.kind) + "余额" + YuanOf(s.Balance(from)) + "，本次" +
            YuanOf(r.amount.value),
        "amount");
  return {};
}

Status CheckPlanChange(const FundState& s, const PlanChange& c) {
  const Category* cat = FindCategory(s.fund, c.code);
  if (!cat) return Error::Invalid("code", "资金计划中没有类别: " + c.code);
  if (c.planned.value < 0) return Error::Invalid("planned_fen", "计划金额不能为负");
  if (c.document.empty()) return Error::Invalid("document", "调整资金计划须有依据文件");
  if (c.reason.empty()) return Error::Invalid("reason", "请填写调整理由");
  const int64_t approved = s.CategoryApproved(c.code);
  if (c.planned.value < approved)
    return Error::Conflict(
        cat->name + "已安排" + YuanOf(approved) + "，计划不能调低到" + YuanOf(c.planned.value),
        "planned_fen");
  Big plans = c.planned.value;
  for (const auto& other : s.fund.categories)
    if (other.code != c.code) plans += other.planned.value;
  if (plans > s.fund.amount.value)
    return Error::Conflict("调整后各类别计划合计" + YuanOf(static_cast<int64_t>(plans)) +
                               "，超过资金总额" + YuanOf(s.fund.amount.value),
                           "planned_fen");
  return {};
}

Status CheckSettlement(const Fund& f, CivilDate through, int64_t uplink_bp) {
  if (through < f.valid_to || uplink_bp < 0 || uplink_bp >= 5000) return {};
  return Error::Conflict("结算须农产品上行支出不低于50%，现为" + std::to_string(uplink_bp / 100) +
                             "." + std::to_string(uplink_bp % 100 / 10) + "%（资金有效期至" +
                             f.valid_to.ToString() + "）",
                         "through");
}

}  // namespace ruralec::funds
