#include "funds/funds.h"

#include <array>
#include <utility>

namespace ruralec::funds {
namespace {

template <typename E, size_t N>
Result<E> Parse(const std::array<std::pair<E, const char*>, N>& names, std::string_view s,
                const char* field, const char* what) {
  for (const auto& [e, n] : names)
    if (s == n) return e;
  return Error::Invalid(field, std::string("未知的") + what + ": " + std::string(s));
}

template <typename E, size_t N>
const char* Name(const std::array<std::pair<E, const char*>, N>& names, E e) {
  for (const auto& [v, n] : names)
    if (v == e) return n;
  return "";
}

constexpr std::array<std::pair<Source, const char*>, 5> kSources = {{
    {Source::kCentral, "central"},
    {Source::kProvincial, "provincial"},
    {Source::kCity, "city"},
    {Source::kCounty, "county"},
    {Source::kOther, "other"},
}};
constexpr std::array<std::pair<Kind, const char*>, 6> kKinds = {{
    {Kind::kTreasury, "treasury"},
    {Kind::kAvailable, "available"},
    {Kind::kCommitted, "committed"},
    {Kind::kAdvanced, "advanced"},
    {Kind::kPaid, "paid"},
    {Kind::kClawback, "clawback"},
}};
constexpr std::array<std::pair<Op, const char*>, 11> kOps = {{
    {Op::kArrive, "arrive"},
    {Op::kCommit, "commit"},
    {Op::kDecommit, "decommit"},
    {Op::kAdvance, "advance"},
    {Op::kPay, "pay"},
    {Op::kSettle, "settle"},
    {Op::kClawback, "clawback"},
    {Op::kRecover, "recover"},
    {Op::kGiveBack, "give_back"},
    {Op::kReverse, "reverse"},
    {Op::kReclaim, "reclaim"},
}};
constexpr std::array<std::pair<ProjectStatus, const char*>, 3> kStatuses = {{
    {ProjectStatus::kOpen, "open"},
    {ProjectStatus::kAccepted, "accepted"},
    {ProjectStatus::kFailed, "failed"},
}};

}  // namespace

const char* SourceName(Source s) { return Name(kSources, s); }
Result<Source> ParseSource(std::string_view s) { return Parse(kSources, s, "source", "资金来源"); }
const char* KindName(Kind k) { return Name(kKinds, k); }
const char* KindLabel(Kind k) {
  switch (k) {
    case Kind::kTreasury:
      return "国库";
    case Kind::kAvailable:
      return "可用资金";
    case Kind::kCommitted:
      return "已安排未拨付";
    case Kind::kAdvanced:
      return "已预拨";
    case Kind::kPaid:
      return "已拨付";
    case Kind::kClawback:
      return "应追回";
  }
  return "";
}
Result<Kind> ParseKind(std::string_view s) { return Parse(kKinds, s, "kind", "账户类别"); }
const char* OpName(Op op) { return Name(kOps, op); }
Result<Op> ParseOp(std::string_view s) { return Parse(kOps, s, "op", "资金操作"); }
const char* ProjectStatusName(ProjectStatus s) { return Name(kStatuses, s); }
Result<ProjectStatus> ParseProjectStatus(std::string_view s) {
  return Parse(kStatuses, s, "status", "项目状态");
}

const char* SourceLabel(Source s) {
  static constexpr std::array<const char*, 5> kLabels = {"中央财政", "省级财政", "市级配套",
                                                         "县级配套", "其他"};
  return kLabels.at(static_cast<size_t>(s));
}
const char* OpLabel(Op op) {
  static constexpr std::array<const char*, 11> kLabels = {
      "资金到位", "安排项目资金", "核减安排", "预拨", "拨付",        "预拨转拨付",
      "追回预拨", "追回到账",     "交回国库", "冲销", "追回多付奖补"};
  return kLabels.at(static_cast<size_t>(op));
}
const char* ProjectStatusLabel(ProjectStatus s) {
  static constexpr std::array<const char*, 3> kLabels = {"未验收", "验收通过", "验收不合格"};
  return kLabels.at(static_cast<size_t>(s));
}

// 004 lists the forbidden uses (不得用于…); the allowed purposes are the programme's spending
// lines. Counties may add allowed purposes later through a dictionary; the forbidden stay.
const std::vector<Purpose>& Purposes() {
  static const std::vector<Purpose> p = {
      {"public_service", "公共服务体系建设", false},
      {"logistics", "物流配送体系建设", false},
      {"uplink", "农产品上行", false},
      {"training", "电商培训", false},
      {"station", "站点建设与运营", false},
      {"brand", "品牌培育与质量追溯", false},
      {"other_allowed", "其他方案内支出", false},
      {"award", "奖补资金兑现", false},
      {"platform_build", "网络交易平台建设", true},
      {"buildings", "楼堂馆所建设", true},
      {"traffic", "购买流量", true},
      {"working_funds", "工作经费", true},
      {"staff_pay", "人员工资及奖励", true},
      {"land", "征地拆迁", true},
      {"personnel", "人员经费", true},
  };
  return p;
}

}  // namespace ruralec::funds
