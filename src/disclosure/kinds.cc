// Kinds and states of publications, their names and labels (disclosure.h).
#include <array>

#include "disclosure/disclosure.h"

namespace ruralec::disclosure {
namespace {

struct KindRow {
  Kind kind;
  const char *name, *label, *source;
};
constexpr std::array<KindRow, 7> kKinds{{
    {Kind::kProgramme, "programme", "实施方案与目标进度", "programme"},
    {Kind::kFunds, "funds", "资金使用情况", "fund"},
    {Kind::kProjects, "projects", "项目进度", ""},
    {Kind::kConclusions, "conclusions", "评审与绩效评价结论", ""},
    {Kind::kAwards, "awards", "奖补公示", "award_list"},
    {Kind::kProducts, "products", "特色产品目录", ""},
    {Kind::kStations, "stations", "服务站点名录", ""},
}};

struct StateRow {
  State state;
  const char *name, *label;
};
constexpr std::array<StateRow, 5> kStates{{
    {State::kDraft, "draft", "草稿"},
    {State::kSubmitted, "submitted", "待发布"},
    {State::kPublished, "published", "已发布"},
    {State::kSuperseded, "superseded", "已被新版本取代"},
    {State::kWithdrawn, "withdrawn", "已撤回"},
}};

const KindRow& RowOf(Kind k) {
  for (const auto& r : kKinds)
    if (r.kind == k) return r;
  return kKinds[0];
}

const StateRow& RowOf(State s) {
  for (const auto& r : kStates)
    if (r.state == s) return r;
  return kStates[0];
}

}  // namespace

const char* KindName(Kind k) { return RowOf(k).name; }
const char* KindLabel(Kind k) { return RowOf(k).label; }
const char* SourceOf(Kind k) { return RowOf(k).source; }

Result<Kind> ParseKind(std::string_view text) {
  for (const auto& r : kKinds)
    if (text == r.name) return r.kind;
  return Error::Invalid("kind",
                        "公开类别无效（应为 programme、funds、projects、conclusions、"
                        "awards、products 或 stations）");
}

std::vector<Kind> AllKinds() {
  std::vector<Kind> out;
  for (const auto& r : kKinds) out.push_back(r.kind);
  return out;
}

const char* StateName(State s) { return RowOf(s).name; }
const char* StateLabel(State s) { return RowOf(s).label; }

Result<State> ParseState(std::string_view text) {
  for (const auto& r : kStates)
    if (text == r.name) return r.state;
  return Error::Invalid("status",
                        "状态无效（应为 draft、submitted、published、superseded 或 "
                        "withdrawn）");
}

}  // namespace ruralec::disclosure
