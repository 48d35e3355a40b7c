// The product library's fixed lists: categories, certification kinds, admission states, the
// admission transition table and the county checklist (products.h).
#include "products/products.h"

namespace ruralec::products {

const std::vector<Entry>& BuiltinCategories() {
  // 004's key sectors (农副产品、制鞋、针织、民族乐器) beside the farm produce of the sales ledger.
  static const std::vector<Entry> k = {
      {"粮油", "粮油"}, {"果蔬", "果蔬"},         {"畜禽肉蛋", "畜禽肉蛋"},     {"水产", "水产"},
      {"茶叶", "茶叶"}, {"中药材", "中药材"},     {"农副加工品", "农副加工品"}, {"制鞋", "制鞋"},
      {"针织", "针织"}, {"民族乐器", "民族乐器"}, {"手工艺品", "手工艺品"},     {"其他", "其他"}};
  return k;
}

const std::vector<Entry>& CertificationKinds() {
  static const std::vector<Entry> k = {{"pollution_free", "无公害农产品"},
                                       {"green_food", "绿色食品"},
                                       {"organic", "有机农产品"},
                                       {"geographical_indication", "农产品地理标志"},
                                       {"compliance_certificate", "食用农产品达标合格证"}};
  return k;
}

const Entry* FindCertificationKind(std::string_view value) {
  for (const auto& e : CertificationKinds())
    if (e.value == value || e.label == value) return &e;
  return nullptr;
}

namespace {

struct AdmissionNames {
  Admission a;
  const char* name;
  const char* label;
};
constexpr AdmissionNames kAdmissions[] = {
    {Admission::kDraft, "draft", "未申请"},         {Admission::kApplied, "applied", "待审核"},
    {Admission::kReturned, "returned", "退回修改"}, {Admission::kAdmitted, "admitted", "已入库"},
    {Admission::kRejected, "rejected", "不予入库"}, {Admission::kSuspended, "suspended", "暂停"},
    {Admission::kRemoved, "removed", "已移出"}};

}  // namespace

const char* AdmissionName(Admission a) {
  for (const auto& x : kAdmissions)
    if (x.a == a) return x.name;
  return "draft";
}

const char* AdmissionLabel(Admission a) {
  for (const auto& x : kAdmissions)
    if (x.a == a) return x.label;
  return "未申请";
}

Result<Admission> ParseAdmission(std::string_view s) {
  for (const auto& x : kAdmissions)
    if (s == x.name || s == x.label) return x.a;
  return Error::Invalid("admission", "未知的准入状态: " + std::string(s));
}

std::vector<Admission> AllAdmissions() {
  std::vector<Admission> out;
  for (const auto& x : kAdmissions) out.push_back(x.a);
  return out;
}

const std::vector<ChecklistItem>& ChecklistItems() {
  static const std::vector<ChecklistItem> k = {
      {"certification", "三品一标或食用农产品达标合格证在有效期内"},
      {"grade", "已按本县分等分级标准定级"},
      {"packaging", "符合统一包装标准"},
      {"business", "经营主体证照齐全、符合经营规范"}};
  return k;
}

const std::vector<AdmissionRule>& AdmissionRules() {
  using A = Admission;
  static const std::vector<AdmissionRule> k = {
      {A::kDraft, A::kApplied, "products:edit", "申请入库"},
      {A::kReturned, A::kApplied, "products:edit", "修改后重新申请"},
      {A::kApplied, A::kAdmitted, "products:review", "审核通过，准予入库", false, true},
      {A::kApplied, A::kReturned, "products:review", "退回修改", true},
      {A::kApplied, A::kRejected, "products:review", "不予入库", true},
      {A::kAdmitted, A::kSuspended, "products:review", "暂停", true},
      {A::kAdmitted, A::kRemoved, "products:review", "移出产品库", true},
      {A::kSuspended, A::kAdmitted, "products:review", "恢复入库", true},
      {A::kSuspended, A::kRemoved, "products:review", "移出产品库", true},
  };
  return k;
}

const AdmissionRule* FindAdmissionRule(Admission from, Admission to) {
  for (const auto& r : AdmissionRules())
    if (r.from == from && r.to == to) return &r;
  return nullptr;
}

}  // namespace ruralec::products
