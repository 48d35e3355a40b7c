#include "programme/local_settings.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace ruralec::programme {
namespace {

// The `local:` field that holds a set_locally setting (docs/AWARDS.md §1).
std::string FieldOf(const std::string& setting) {
  if (setting == "tiers") return "tiers";
  if (setting == "amount") return "value";
  if (setting == "rate") return "percent";
  if (setting == "eligibility") return "threshold";
  return "";
}

void AddRuleItems(const AwardRule& r, std::vector<LocalItem>& out) {
  for (const auto& s : r.set_locally) {
    LocalItem it;
    it.kind = "award_rule";
    it.item_id = r.id;
    it.name = r.name;
    it.setting = s.setting;
    it.field = FieldOf(s.setting);
    it.settable = !it.field.empty();
    it.note = s.note;
    if (s.setting == "eligibility") {
      for (const auto& e : r.eligibility) {
        if (e.threshold) continue;
        it.metric = e.metric;
        break;
      }
    }
    if (r.amount.up_to) it.cap = r.amount.cap;
    it.seed_percent = r.amount.percent;
    it.text = r.text;
    it.source = r.source;
    it.local = r.local;
    out.push_back(std::move(it));
  }
}

LocalItem OpenItem(std::string kind, std::string id, std::string name, std::string note,
                   std::string text, std::string source) {
  LocalItem it;
  it.kind = std::move(kind);
  it.item_id = std::move(id);
  it.name = std::move(name);
  it.setting = "open";
  it.note = std::move(note);
  it.text = std::move(text);
  it.source = std::move(source);
  return it;
}

// A YAML double-quoted scalar: quotes, backslashes and control characters escaped, so no user
// text can end the scalar or start a new key.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::vector<std::string> SplitLines(const std::string& text, bool* trailing_newline) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  *trailing_newline = cur.empty();
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

size_t Indent(const std::string& line) {
  size_t i = line.find_first_not_of(' ');
  return i == std::string::npos ? line.size() : i;
}

bool Blank(const std::string& line) {
  size_t i = line.find_first_not_of(" \t\r");
  return i == std::string::npos || line[i] == '#';
}

// The column of the rule's keys on its first line ("  - id: R02" → 4).
size_t KeyColumn(const std::string& line) {
  size_t i = Indent(line);
  if (i < line.size() && line[i] == '-') i = line.find_first_not_of(' ', i + 1);
  return i == std::string::npos ? 0 : i;
}

bool HasOpenSetting(const AwardRule& r, const std::string& setting) {
  return std::any_of(r.set_locally.begin(), r.set_locally.end(),
                     [&](const LocalSetting& l) { return l.setting == setting; });
}

// Who decided, the local document and its date: required for every value.
Status CheckDocument(const LocalEdit& e, const std::string& at, const std::string& name) {
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; };
  if (blank(e.set_by)) return Error::Invalid(at + ".set_by", name + " 须填写设定单位");
  if (blank(e.reference)) return Error::Invalid(at + ".reference", name + " 须填写地方文件文号");
  if (e.set_by.size() > 200)
    return Error::Invalid(at + ".set_by", name + " 设定单位过长（200字以内）");
  if (e.reference.size() > 200)
    return Error::Invalid(at + ".reference", name + " 文号过长（200字以内）");
  if (!CivilDate::Parse(e.decided_on, at + ".decided_on").ok())
    return Error::Invalid(at + ".decided_on", name + " 文件日期无效（应为 YYYY-MM-DD）");
  return {};
}

Status CheckRuleEdit(const LocalEdit& e, const std::string& at, const AwardRule* r) {
  if (!r) return Error::Invalid(at + ".rule_id", "方案没有奖补规则 " + e.rule_id);
  if (r->set_locally.empty())
    return Error::Invalid(at + ".rule_id", e.rule_id + " 没有留给地方设定的部分");
  if (!e.working_days.empty())
    return Error::Invalid(at + ".working_days", e.rule_id + " 是奖补规则，没有工作日期限");
  RETURN_IF_ERROR(CheckDocument(e, at, e.rule_id));
  if (e.tiers.empty() && e.value.empty() && e.percent.empty() && e.threshold.empty())
    return Error::Invalid(at, e.rule_id + " 未填写任何地方设定值");
  // Only parts the rule leaves open (the checker says the same, on the block's first line).
  const struct {
    bool present;
    const char* field;
    const char* setting;
    const char* label;
  } parts[] = {{!e.tiers.empty(), "tiers", "tiers", "分档"},
               {!e.value.empty(), "value", "amount", "金额"},
               {!e.percent.empty(), "percent", "rate", "比例"},
               {!e.threshold.empty(), "threshold", "eligibility", "门槛"}};
  for (const auto& part : parts) {
    if (part.present && !HasOpenSetting(*r, part.setting))
      return Error::Invalid(at + "." + part.field, e.rule_id + " 的" + part.label +
                                                       "不是方案留给地方设定的部分，不能填写");
  }
  return {};
}

Status CheckStageEdit(const LocalEdit& e, const std::string& at, const WorkflowStage* s) {
  if (!s) return Error::Invalid(at + ".stage", "方案没有工作流程阶段 " + e.stage);
  if (s->open.empty())
    return Error::Invalid(at + ".stage", e.stage + " 阶段的期限方案已给出，不是地方设定的部分");
  if (!e.tiers.empty() || !e.value.empty() || !e.percent.empty() || !e.threshold.empty())
    return Error::Invalid(at, e.stage + " 阶段只能设定工作日期限");
  RETURN_IF_ERROR(CheckDocument(e, at, e.stage));
  const auto& d = e.working_days;
  if (d.empty() || d.size() > 3 || d.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(d) < 1 || std::stoi(d) > 365)
    return Error::Invalid(at + ".working_days", e.stage + " 期限须为 1 至 365 个工作日");
  return {};
}

// The `local:` map's entries as flow text ("set_by: \"…\", …, tiers: [{…}]"), for a
// one-line `{…}` item.
std::string FlowBody(const LocalEdit& e) {
  std::string out = "set_by: " + Quote(e.set_by) + ", decided_on: " + Quote(e.decided_on) +
                    ", reference: " + Quote(e.reference);
  if (!e.tiers.empty()) {
    out += ", tiers: [";
    for (size_t k = 0; k < e.tiers.size(); ++k) {
      const auto& t = e.tiers[k];
      out += k ? ", {" : "{";
      if (!t.from.empty()) out += "from: " + Quote(t.from) + ", ";
      if (!t.to.empty()) out += "to: " + Quote(t.to) + ", ";
      out += "amount: " + Quote(t.amount) + "}";
    }
    out += "]";
  }
  if (!e.value.empty()) out += ", value: " + Quote(e.value);
  if (!e.percent.empty()) out += ", percent: " + Quote(e.percent);
  if (!e.threshold.empty()) out += ", threshold: " + Quote(e.threshold);
  if (!e.working_days.empty()) out += ", working_days: " + e.working_days;
  return out;
}

// The item's `local:` block, indented at `col`, appended to `out` with each line's field.
void EmitLocal(const LocalEdit& e, const std::string& at, size_t col, int first_line,
               std::vector<std::string>& out, SplicedText& sp) {
  std::string pad(col, ' ');
  const std::string& name = e.rule_id.empty() ? e.stage : e.rule_id;
  auto put = [&](const std::string& line, const std::string& field, const std::string& label) {
    int n = first_line + static_cast<int>(out.size());
    out.push_back(line);
    sp.field_at_line[n] = field;
    sp.label_at_line[n] = label;
  };
  put(pad + "local:", e.rule_id.empty() ? at + ".working_days" : at, name);
  put(pad + "  set_by: " + Quote(e.set_by), at + ".set_by", name + " 设定单位");
  put(pad + "  decided_on: " + Quote(e.decided_on), at + ".decided_on", name + " 文件日期");
  put(pad + "  reference: " + Quote(e.reference), at + ".reference", name + " 文号");
  if (!e.tiers.empty()) put(pad + "  tiers:", at + ".tiers", name + " 分档");
  for (size_t k = 0; k < e.tiers.size(); ++k) {
    const auto& t = e.tiers[k];
    std::string body;
    if (!t.from.empty()) body += "from: " + Quote(t.from) + ", ";
    if (!t.to.empty()) body += "to: " + Quote(t.to) + ", ";
    body += "amount: " + Quote(t.amount);
    put(pad + "    - {" + body + "}", at + ".tiers[" + std::to_string(k) + "]",
        name + " 第" + std::to_string(k + 1) + "档");
  }
  if (!e.value.empty()) put(pad + "  value: " + Quote(e.value), at + ".value", name + " 金额");
  if (!e.percent.empty())
    put(pad + "  percent: " + Quote(e.percent), at + ".percent", name + " 比例");
  if (!e.threshold.empty())
    put(pad + "  threshold: " + Quote(e.threshold), at + ".threshold", name + " 门槛");
  if (!e.working_days.empty())
    put(pad + "  working_days: " + e.working_days, at + ".working_days", name + " 期限");
}

// The position just past the `}` closing the `{` at `open` (quoted text skipped), or npos.
size_t MatchBrace(const std::string& line, size_t open) {
  int depth = 0;
  bool quoted = false;
  for (size_t i = open; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string::npos;
}

// A one-line item `- {stage: rectification, …}`: its `, local: {…}` entry (as this file writes
// it) replaced or added before the closing brace.
Status SpliceFlowLine(std::string& line, const LocalEdit& e, const std::string& at) {
  size_t open = line.find('{');
  size_t close = MatchBrace(line, open);
  if (close == std::string::npos) return Error::Invalid(at, "该项在文件中跨行书写，无法自动写入");
  size_t old = line.find(", local: {", open);
  if (old != std::string::npos && old < close) {
    size_t end = MatchBrace(line, old + 9);
    if (end == std::string::npos) return Error::Invalid(at, "该项已有的 local 无法识别");
    line.erase(old, end - old);
    close -= end - old;
  } else if (line.find("local:", open) < close) {
    return Error::Invalid(at, "该项已有的 local 写法无法自动替换，请在文件中修改");
  }
  line.insert(close - 1, ", local: {" + FlowBody(e) + "}");
  return {};
}

// Lines [begin, end) of the rule starting at 0-based `start`: until a content line indented
// less than the keys; trailing blank and comment lines stay outside.
std::pair<size_t, size_t> RuleBlock(const std::vector<std::string>& lines, size_t start,
                                    size_t col) {
  size_t end = start + 1;
  while (end < lines.size() && (Blank(lines[end]) || Indent(lines[end]) >= col)) ++end;
  while (end > start + 1 && Blank(lines[end - 1])) --end;
  return {start, end};
}

// Where the existing `local:` key of the block is, and the line after its value.
std::optional<std::pair<size_t, size_t>> ExistingLocal(const std::vector<std::string>& lines,
                                                       std::pair<size_t, size_t> block,
                                                       size_t col) {
  for (size_t i = block.first; i < block.second; ++i) {
    const auto& l = lines[i];
    bool key = i == block.first ? KeyColumn(l) == col && l.compare(col, 6, "local:") == 0
                                : Indent(l) == col && l.compare(col, 6, "local:") == 0;
    if (!key) continue;
    size_t j = i + 1;
    while (j < block.second && (Blank(lines[j]) || Indent(lines[j]) > col)) ++j;
    while (j > i + 1 && Blank(lines[j - 1])) --j;
    return std::make_pair(i, j);
  }
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& lines, bool trailing_newline) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 < lines.size() || trailing_newline) out += '\n';
  }
  return out;
}

// Checks edit `i` and records the line of the rule or stage it sets (each at most once).
template <typename Place>
Status Locate(const Programme& p, const LocalEdit& e, const std::string& at,
              std::vector<Place>& order, std::set<int>& seen, size_t i) {
  int line = 0;
  if (!e.rule_id.empty() && !e.stage.empty())
    return Error::Invalid(at, "一项只能设定一条奖补规则或一个工作流程阶段");
  if (!e.stage.empty()) {
    const WorkflowStage* stage = nullptr;
    for (const auto& s : p.workflow.stages) stage = !stage && s.stage == e.stage ? &s : stage;
    RETURN_IF_ERROR(CheckStageEdit(e, at, stage));
    line = stage->line;
  } else {
    const AwardRule* rule = nullptr;
    for (const auto& r : p.award_rules) rule = r.id == e.rule_id ? &r : rule;
    RETURN_IF_ERROR(CheckRuleEdit(e, at, rule));
    line = rule->line;
  }
  if (!seen.insert(line).second)
    return Error::Invalid(at, (e.stage.empty() ? e.rule_id : e.stage) + " 重复提交");
  order.push_back({line, i});
  return {};
}

}  // namespace

std::vector<LocalItem> LocalItems(const Programme& p) {
  std::vector<LocalItem> out;
  for (const auto& r : p.award_rules) AddRuleItems(r, out);
  for (const auto& t : p.targets) {
    if (!t.open.empty())
      out.push_back(OpenItem("target", t.id, t.indicator, t.open, t.text, t.source));
  }
  for (const auto& f : p.fund_plan.funds) {
    if (!f.open.empty()) out.push_back(OpenItem("fund", f.id, f.name, f.open, "", f.source));
  }
  for (const auto& s : p.workflow.stages) {
    if (s.open.empty()) continue;
    LocalItem it = OpenItem("workflow_stage", s.stage, s.stage, s.open, s.text, s.source);
    it.setting = "deadline";
    it.field = "working_days";
    it.settable = true;
    it.stage_local = s.local;
    out.push_back(std::move(it));
  }
  return out;
}

Result<SplicedText> ApplyLocalEdits(const std::string& text, const Programme& p,
                                    const std::vector<LocalEdit>& edits) {
  if (edits.empty()) return Error::Invalid("values", "未填写任何地方设定");
  struct Place {
    int line;      // 1-based line of the item in `text`
    size_t index;  // in `edits`
  };
  std::vector<Place> order;
  std::set<int> seen;
  for (size_t i = 0; i < edits.size(); ++i) {
    RETURN_IF_ERROR(Locate(p, edits[i], "values[" + std::to_string(i) + "]", order, seen, i));
  }
  std::sort(order.begin(), order.end(),
            [](const Place& a, const Place& b) { return a.line < b.line; });
  bool trailing = true;
  std::vector<std::string> lines = SplitLines(text, &trailing);
  SplicedText sp;
  long offset = 0;  // lines added minus removed above the current item
  for (const auto& [line, i] : order) {
    std::string at = "values[" + std::to_string(i) + "]";
    size_t start = static_cast<size_t>(line - 1 + offset);
    if (line < 1 || start >= lines.size()) return Error::Internal("方案条目行号无效");
    size_t col = KeyColumn(lines[start]);
    if (lines[start].compare(col, 1, "{") == 0) {  // one-line item
      RETURN_IF_ERROR(SpliceFlowLine(lines[start], edits[i], at));
      const auto& e = edits[i];
      sp.field_at_line[static_cast<int>(start) + 1] = e.rule_id.empty() ? at + ".working_days" : at;
      sp.label_at_line[static_cast<int>(start) + 1] = e.rule_id.empty() ? e.stage : e.rule_id;
      continue;
    }
    auto block = RuleBlock(lines, start, col);
    auto existing = ExistingLocal(lines, block, col);
    size_t pos = existing ? existing->first : block.second;
    size_t removed = existing ? existing->second - existing->first : 0;
    std::vector<std::string> local;
    EmitLocal(edits[i], at, col, static_cast<int>(pos) + 1, local, sp);
    lines.erase(lines.begin() + static_cast<long>(pos),
                lines.begin() + static_cast<long>(pos + removed));
    lines.insert(lines.begin() + static_cast<long>(pos), local.begin(), local.end());
    offset += static_cast<long>(local.size()) - static_cast<long>(removed);
  }
  sp.text = Join(lines, trailing);
  return sp;
}

std::vector<FieldIssue> MapIssues(const SplicedText& spliced, const std::vector<Issue>& issues) {
  std::vector<FieldIssue> out;
  for (const auto& i : issues) {
    auto f = spliced.field_at_line.find(i.line);
    if (f == spliced.field_at_line.end()) {
      out.push_back({"yaml", "第" + std::to_string(i.line) + "行: " + i.message});
      continue;
    }
    out.push_back({f->second, spliced.label_at_line.at(i.line) + "：" + i.message});
  }
  return out;
}

}  // namespace ruralec::programme
