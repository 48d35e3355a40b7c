// The built-in tables: the six project types of 004 附件2 with their 28 required materials, the
// status names and the transition table of the workflow (projects.h contract).
#include "projects/projects.h"

namespace ruralec::projects {
namespace {

struct StateRow {
  State s;
  const char* name;
  const char* label;
};
constexpr StateRow kStates[] = {
    {State::kDraft, "draft", "草稿"},
    {State::kSubmitted, "submitted", "已申报"},
    {State::kPreReview, "pre_review", "初审"},
    {State::kCorrection, "correction", "补正"},
    {State::kReview, "review", "评审"},
    {State::kRejected, "rejected", "评审未通过"},
    {State::kImplementing, "implementing", "实施中"},
    {State::kAcceptanceRequested, "acceptance_requested", "已申请验收"},
    {State::kAcceptance, "acceptance", "已验收"},
    {State::kEvaluation, "evaluation", "已评估"},
    {State::kRectification, "rectification", "整改"},
    {State::kApproval, "approval", "审批"},
    {State::kFailed, "failed", "不予补贴"},
    {State::kPayment, "payment", "拨付"},
    {State::kArchived, "archived", "归档"},
};

constexpr const char* kEdit = "projects:edit";
constexpr const char* kReview = "projects:review";

const char* const kInvest =
    "合法有效的投资证明（固定资产和软件购建清单、发票、支付凭证、审计评估报告等）";

}  // namespace

const std::vector<Material>& ExtraMaterialSlots() {
  static const std::vector<Material> extra = [] {
    std::vector<Material> out;
    for (int i = 1; i <= 10; ++i)
      out.push_back({"extra_" + std::to_string(i), "其他材料" + std::to_string(i)});
    return out;
  }();
  return extra;
}

bool IsMaterialSlot(std::string_view code) {
  for (const auto& t : Types())
    for (const auto& m : t.materials)
      if (m.code == code) return true;
  for (const auto& m : ExtraMaterialSlots())
    if (m.code == code) return true;
  return false;
}

const char* StateName(State s) { return kStates[static_cast<int>(s)].name; }
const char* StateLabel(State s) { return kStates[static_cast<int>(s)].label; }

Result<State> ParseState(std::string_view s) {
  for (const auto& r : kStates)
    if (s == r.name || s == r.label) return r.s;
  return Error::Invalid("to", "未知的项目状态: " + std::string(s));
}

std::vector<State> AllStates() {
  std::vector<State> out;
  for (const auto& r : kStates) out.push_back(r.s);
  return out;
}

const char* GradeName(Grade g) {
  switch (g) {
    case Grade::kPass:
      return "pass";
    case Grade::kBasicPass:
      return "basic_pass";
    case Grade::kFail:
      return "fail";
  }
  return "fail";
}

const char* GradeLabel(Grade g) {
  switch (g) {
    case Grade::kPass:
      return "合格";
    case Grade::kBasicPass:
      return "基本合格";
    case Grade::kFail:
      return "不合格";
  }
  return "不合格";
}

Result<Grade> ParseGrade(std::string_view s) {
  for (Grade g : {Grade::kPass, Grade::kBasicPass, Grade::kFail})
    if (s == GradeName(g) || s == GradeLabel(g)) return g;
  return Error::Invalid("grade", "评估结论应为 合格、基本合格 或 不合格");
}

const std::vector<ProjectType>& Types() {
  static const std::vector<ProjectType> types = {
      {"public_service_center",
       "市级农村电子商务公共服务中心建设",
       {{"psc_report", "企业申请报告"},
        {"psc_basic", "承办企业基本情况、企业证件和荣誉证明、经济效益或社会效益证明"},
        {"psc_turnover", "电子商务交易额证明材料"},
        {"psc_investment", kInvest},
        {"psc_publicity", "示范县政府门户网站公示截图及公示的文字材料"}}},
      {"training",
       "农村电子商务培训体系建设",
       {{"trn_report", "培训单位申请报告"},
        {"trn_plan", "培训总体方案"},
        {"trn_teachers", "培训授课人的基本资料和课程大纲"},
        {"trn_attendance", "培训人员签到表、现场照片等资料"}}},
      {"logistics",
       "电子商务物流体系建设",
       {{"lgs_report", "企业申请报告"},
        {"lgs_basic", "基本情况：地址、面积、人员就业、功能、配送辐射半径"},
        {"lgs_photos", "配送中心内、外和设备图片"},
        {"lgs_investment", kInvest}}},
      {"supply_chain",
       "农产品电子商务供应链体系建设",
       {{"spc_report", "承办企业申请报告"},
        {"spc_products", "追溯产品的基本情况：产品名称、生产地址、生产负责人、生产流程"},
        {"spc_traceability", "产品质量安全追溯体系、产品标识载体、溯源查询设备"},
        {"spc_investment", kInvest}}},
      {"marketing",
       "农产品电子商务营销服务体系建设",
       {{"mkt_report", "宣传推广申请报告"},
        {"mkt_plan", "电商宣传推广总体方案"},
        {"mkt_materials", "宣传材料、宣传内容、宣传条幅、视频等资料"},
        {"mkt_events", "电商氛围的宣传策划：电商交流会、沙龙会议、创业大赛等"},
        {"mkt_investment", kInvest}}},
      {"service_station",
       "农村电子商务服务站体系建设",
       {{"sst_report", "企业申请报告"},
        {"sst_plan", "镇（街道）、村服务网点建设工作总体规划"},
        {"sst_sites", "服务网点的地址、联系电话、负责人、建设及网上运营时间、网店内外图片"},
        {"sst_agreement", "与承办企业签署的协议书"},
        {"sst_turnover", "服务网点电子商务交易额有效证明材料"},
        {"sst_investment", kInvest}}},
  };
  return types;
}

const ProjectType* FindType(std::string_view code) {
  for (const auto& t : Types())
    if (t.code == code) return &t;
  return nullptr;
}

const std::vector<TransitionRule>& Transitions() {
  using S = State;
  using G = Grade;
  static const std::vector<TransitionRule> rules = {
      {S::kDraft, S::kSubmitted, kEdit, "提交申报", false, true},
      {S::kSubmitted, S::kPreReview, kReview, "开始初审"},
      {S::kPreReview, S::kCorrection, kReview, "要求补正", true},
      {S::kCorrection, S::kPreReview, kEdit, "补正后重新提交", false, true},
      {S::kPreReview, S::kReview, kReview, "初审通过，进入评审"},
      {S::kReview, S::kImplementing, kReview, "评审通过（公布评审结论）", true},
      {S::kReview, S::kRejected, kReview, "评审未通过（公布评审结论）", true},
      {S::kImplementing, S::kAcceptanceRequested, kEdit, "申请验收"},
      {S::kAcceptanceRequested, S::kAcceptance, kReview, "完成验收（验收意见）", true},
      {S::kAcceptance,
       S::kEvaluation,
       kReview,
       "评估结论",
       false,
       false,
       true,
       {G::kPass, G::kBasicPass, G::kFail}},
      {S::kEvaluation, S::kRectification, kReview, "限期整改", true, false, false, {}, true},
      {S::kEvaluation, S::kApproval, kReview, "报请审批"},
      {S::kEvaluation, S::kFailed, kReview, "不予补贴", true},
      {S::kRectification, S::kApproval, kReview, "整改完成，报请审批", true},
      {S::kRectification, S::kFailed, kReview, "未整改，不予补贴", true},
      {S::kApproval, S::kPayment, kReview, "审批通过，拨付资金"},
      {S::kPayment, S::kArchived, kReview, "归档"},
      {S::kFailed, S::kArchived, kReview, "归档"},
      {S::kRejected, S::kArchived, kReview, "归档"},
  };
  return rules;
}

const TransitionRule* FindRule(State from, State to) {
  for (const auto& r : Transitions())
    if (r.from == from && r.to == to) return &r;
  return nullptr;
}

}  // namespace ruralec::projects
