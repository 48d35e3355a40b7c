#include "programme/local_settings.h"

#include <algorithm>
#include <cstdio>
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

Status CheckEdit(const LocalEdit& e, const std::string& at, const AwardRule* r) {
  if (!r) return Error::Invalid(at + ".rule_id", "方案没有奖补规则 " + e.rule_id);
  if (r->set_locally.empty())
    return Error::Invalid(at + ".rule_id", e.rule_id + " 没有留给地方设定的部分");
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; };
  if (blank(e.set_by)) return Error::Invalid(at + ".set_by", e.rule_id + " 须填写设定单位");
  if (blank(e.reference))
    return Error::Invalid(at + ".reference", e.rule_id + " 须填写地方文件文号");
  auto d = CivilDate::Parse(e.decided_on, at + ".decided_on");
  if (!d.ok())
    return Error::Invalid(at + ".decided_on", e.rule_id + " 文件日期无效（应为 YYYY-MM-DD）");
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
    bool open = std::any_of(r->set_locally.begin(), r->set_locally.end(),
                            [&](const LocalSetting& l) { return l.setting == part.setting; });
    if (part.present && !open)
      return Error::Invalid(at + "." + part.field, e.rule_id + " 的" + part.label +
                                                       "不是方案留给地方设定的部分，不能填写");
  }
  for (const auto* s : {&e.set_by, &e.reference}) {
    if (s->size() > 200) return Error::Invalid(at, e.rule_id + " 设定单位或文号过长（200字以内）");
  }
  return {};
}

// The rule's `local:` block, indented at `col`, appended to `out` with each line's field.
void EmitLocal(const LocalEdit& e, const std::string& at, size_t col, int first_line,
               std::vector<std::string>& out, SplicedText& sp) {
  std::string pad(col, ' ');
  auto put = [&](const std::string& line, const std::string& field, const std::string& label) {
    int n = first_line + static_cast<int>(out.size());
    out.push_back(line);
    sp.field_at_line[n] = field;
    sp.label_at_line[n] = label;
  };
  put(pad + "local:", at, e.rule_id);
  put(pad + "  set_by: " + Quote(e.set_by), at + ".set_by", e.rule_id + " 设定单位");
  put(pad + "  decided_on: " + Quote(e.decided_on), at + ".decided_on", e.rule_id + " 文件日期");
  put(pad + "  reference: " + Quote(e.reference), at + ".reference", e.rule_id + " 文号");
  if (!e.tiers.empty()) put(pad + "  tiers:", at + ".tiers", e.rule_id + " 分档");
  for (size_t k = 0; k < e.tiers.size(); ++k) {
    const auto& t = e.tiers[k];
    std::string body;
    if (!t.from.empty()) body += "from: " + Quote(t.from) + ", ";
    if (!t.to.empty()) body += "to: " + Quote(t.to) + ", ";
    body += "amount: " + Quote(t.amount);
    put(pad + "    - {" + body + "}", at + ".tiers[" + std::to_string(k) + "]",
        e.rule_id + " 第" + std::to_string(k + 1) + "档");
  }
  if (!e.value.empty()) put(pad + "  value: " + Quote(e.value), at + ".value", e.rule_id + " 金额");
  if (!e.percent.empty())
    put(pad + "  percent: " + Quote(e.percent), at + ".percent", e.rule_id + " 比例");
  if (!e.threshold.empty())
    put(pad + "  threshold: " + Quote(e.threshold), at + ".threshold", e.rule_id + " 门槛");
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
    if (!s.open.empty())
      out.push_back(OpenItem("workflow_stage", s.stage, s.stage, s.open, s.text, s.source));
  }
  return out;
}

Result<SplicedText> ApplyLocalEdits(const std::string& text, const Programme& p,
                                    const std::vector<LocalEdit>& edits) {
  if (edits.empty()) return Error::Invalid("values", "未填写任何地方设定");
  std::vector<std::pair<const AwardRule*, size_t>> order;  // rule, index in `edits`
  for (size_t i = 0; i < edits.size(); ++i) {
    const auto& e = edits[i];
    const AwardRule* rule = nullptr;
    for (const auto& r : p.award_rules) rule = r.id == e.rule_id ? &r : rule;
    std::string at = "values[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(CheckEdit(e, at, rule));
    for (const auto& o : order) {
      if (o.first == rule) return Error::Invalid(at + ".rule_id", e.rule_id + " 重复提交");
    }
    order.push_back({rule, i});
  }
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first->line < b.first->line; });
  bool trailing = true;
  std::vector<std::string> lines = SplitLines(text, &trailing);
  SplicedText sp;
  long offset = 0;  // lines added minus removed above the current rule
  for (const auto& [rule, i] : order) {
    size_t start = static_cast<size_t>(rule->line - 1 + offset);
    if (rule->line < 1 || start >= lines.size())
      return Error::Internal("奖补规则行号无效: " + rule->id);
    size_t col = KeyColumn(lines[start]);
    auto block = RuleBlock(lines, start, col);
    auto existing = ExistingLocal(lines, block, col);
    size_t at = existing ? existing->first : block.second;
    size_t removed = existing ? existing->second - existing->first : 0;
    std::vector<std::string> local;
    EmitLocal(edits[i], "values[" + std::to_string(i) + "]", col, static_cast<int>(at) + 1, local,
              sp);
    lines.erase(lines.begin() + static_cast<long>(at),
                lines.begin() + static_cast<long>(at + removed));
    lines.insert(lines.begin() + static_cast<long>(at), local.begin(), local.end());
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
