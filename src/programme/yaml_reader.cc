#include "programme/yaml_reader.h"

#include <fstream>
#include <sstream>

#include "core/validate.h"
#include "programme/indicators.h"
#include "programme/yaml_internal.h"

namespace ruralec::programme::yaml_internal {

bool ReadBool(Map& m, const std::string& key) {
  YAML::Node n = m.Get(key);
  if (!n.IsDefined() || n.IsNull()) return false;
  if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) return n.Scalar() == "true";
  m.ctx().Add(LineOf(n), key + " 应为 true 或 false");
  return false;
}

std::optional<CivilDate> ReadDate(Map& m, const std::string& key, bool required) {
  YAML::Node n = m.Get(key, required);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  auto d = CivilDate::Parse(n.IsScalar() ? n.Scalar() : "", key);
  if (!d.ok()) {
    m.ctx().Add(LineOf(n), key + " 不是有效日期 YYYY-MM-DD: " + (n.IsScalar() ? n.Scalar() : ""));
    return std::nullopt;
  }
  if (Status plausible = validate::PlausibleDate(*d, key); !plausible.ok()) {
    m.ctx().Add(LineOf(n), key + ": " + plausible.error().message);
    return std::nullopt;
  }
  return *d;
}

std::optional<int> ReadInt(Map& m, const std::string& key, bool required) {
  YAML::Node n = m.Get(key, required);
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  try {
    return n.as<int>();
  } catch (const YAML::Exception&) {
    m.ctx().Add(LineOf(n), key + " 应为整数");
    return std::nullopt;
  }
}

std::vector<std::string> ReadStrings(Map& m, const std::string& key, bool required) {
  YAML::Node n = m.Get(key, required);
  std::vector<std::string> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (n.IsScalar()) return {n.Scalar()};
  if (!n.IsSequence()) {
    m.ctx().Add(LineOf(n), key + " 应为文本列表 (expected a list)");
    return out;
  }
  for (const auto& e : n) {
    if (e.IsScalar()) {
      out.push_back(e.Scalar());
    } else {
      m.ctx().Add(LineOf(e), key + " 的元素应为文本");
    }
  }
  return out;
}

// Splits "100万元" into number and the longest known unit suffix.
namespace {
bool SplitQuantity(const std::string& s, std::string& num, std::string& unit) {
  size_t best = 0;
  for (const auto& u : Units()) {
    if (s.size() > u.name.size() &&
        s.compare(s.size() - u.name.size(), u.name.size(), u.name) == 0 && u.name.size() > best) {
      best = u.name.size();
    }
  }
  if (best == 0) return false;
  num = s.substr(0, s.size() - best);
  unit = s.substr(s.size() - best);
  return true;
}

}  // namespace

std::optional<Quantity> QuantityFrom(const YAML::Node& n, const Ctx& ctx, const std::string& what) {
  if (!n.IsDefined() || n.IsNull()) return std::nullopt;
  Quantity q;
  q.line = LineOf(n);
  if (n.IsScalar()) {
    if (!SplitQuantity(n.Scalar(), q.text, q.unit)) {
      ctx.Add(q.line, what + " 缺少已知单位: " + n.Scalar());
      return std::nullopt;
    }
    return q;
  }
  Map m(n, ctx, what);
  if (!m.ok()) return std::nullopt;
  q.text = m.Str("value", true);
  q.unit = m.Str("unit", true);
  m.Done();
  return q;
}

std::optional<Quantity> ReadQuantity(Map& m, const std::string& key, bool required) {
  return QuantityFrom(m.Get(key, required), m.ctx(), key);
}

void ForEach(Map& parent, const std::string& key, const std::string& what,
             const std::function<void(Map&)>& fn) {
  YAML::Node n = parent.Get(key);
  if (!n.IsDefined() || n.IsNull()) return;
  if (!n.IsSequence()) {
    parent.ctx().Add(LineOf(n), key + " 应为列表 (expected a list)");
    return;
  }
  for (const auto& e : n) {
    Map m(e, parent.ctx(), what);
    if (!m.ok()) continue;
    fn(m);
    m.Done();
  }
}

RegionRef RegionFrom(const YAML::Node& n, const Ctx& ctx) {
  RegionRef r;
  r.line = LineOf(n);
  if (n.IsScalar()) {
    r.name = n.Scalar();
    return r;
  }
  Map m(n, ctx, "region");
  if (!m.ok()) return r;
  r.name = m.Str("name");
  r.code = m.Str("code");
  if (r.name.empty() && r.code.empty()) ctx.Add(r.line, "region 需要 name 或 code");
  m.Done();
  return r;
}

void ReadPhases(Map& root, Programme& p) {
  ForEach(root, "phases", "phase", [&](Map& m) {
    Phase ph;
    ph.line = m.line();
    ph.name = m.Str("name", true);
    ph.start = ReadDate(m, "start");
    ph.end = ReadDate(m, "end");
    ph.text = m.Str("text");
    ph.source = m.Str("source", true);
    p.phases.push_back(std::move(ph));
  });
}

void ReadQuotas(Map& t, Target& target) {
  YAML::Node qn = t.Get("quotas");
  if (!qn.IsDefined() || qn.IsNull()) return;
  Map qm(qn, t.ctx(), "quotas");
  if (!qm.ok()) return;
  target.quotas_must_sum = ReadBool(qm, "must_sum");
  std::string default_source = qm.Str("source");
  ForEach(qm, "items", "quota", [&](Map& m) {
    Quota q;
    q.line = m.line();
    q.region = RegionFrom(m.Get("region", true), m.ctx());
    q.value.text = m.Str("value", true);
    q.value.line = m.Line("value");
    q.value.unit = m.Str("unit");  // default: the target's unit
    q.source = m.Str("source");
    if (q.source.empty()) q.source = default_source;
    target.quotas.push_back(std::move(q));
  });
  qm.Done();
}

void ReadQuotaEach(Map& t, Target& target) {
  YAML::Node n = t.Get("quota_each");
  if (!n.IsDefined() || n.IsNull()) return;
  Map m(n, t.ctx(), "quota_each");
  if (!m.ok()) return;
  QuotaEach e;
  e.line = m.line();
  e.value.text = m.Str("value", true);
  e.value.line = m.Line("value");
  e.applies_to = m.Str("applies_to", true);
  e.name_suffixes = ReadStrings(m, "name_suffixes");
  YAML::Node names = m.Get("names");
  if (names.IsSequence()) {
    for (const auto& r : names) e.names.push_back(RegionFrom(r, m.ctx()));
  }
  if (e.name_suffixes.empty() && e.names.empty())
    m.ctx().Add(e.line, "quota_each 须有 name_suffixes 或 names");
  e.source = m.Str("source");
  m.Done();
  target.quota_each = std::move(e);
}

void ReadParams(Map& t, Target& target) {
  YAML::Node n = t.Get("params");
  if (!n.IsDefined() || n.IsNull()) return;
  if (!n.IsMap()) {
    t.ctx().Add(LineOf(n), "params 应为映射");
    return;
  }
  for (auto it = n.begin(); it != n.end(); ++it) {
    if (!it->second.IsScalar()) {
      t.ctx().Add(LineOf(it->second), "params 的值应为文本");
      continue;
    }
    target.params[it->first.Scalar()] = it->second.Scalar();
  }
}

void ReadTargets(Map& root, Programme& p) {
  ForEach(root, "targets", "target", [&](Map& m) {
    Target t;
    t.line = m.line();
    t.id = m.Str("id", true);
    t.indicator = m.Str("indicator", true);
    ReadParams(m, t);
    t.comparator = m.Str("comparator", true);
    std::string value = m.Str("value");
    std::string unit = m.Str("unit", true);
    if (!value.empty()) t.value = Quantity{value, unit, m.Line("value")};
    t.open = m.Str("open");
    if (value.empty() && t.open.empty()) {
      m.ctx().Add(t.line, "target " + t.id + " 缺少 value（若文件未给出数值，须写 open 说明）");
    }
    t.aspiration = ReadBool(m, "aspiration");
    t.deadline = ReadDate(m, "deadline");
    t.deadline_note = m.Str("deadline_note");
    if (m.Has("region")) t.region = RegionFrom(m.Get("region"), m.ctx());
    ReadQuotas(m, t);
    ReadQuotaEach(m, t);
    YAML::Node cands = m.Get("candidates");
    if (cands.IsSequence()) {
      for (const auto& c : cands) t.candidates.push_back(RegionFrom(c, m.ctx()));
    }
    for (auto& q : t.quotas) {
      if (q.value.unit.empty()) q.value.unit = unit;
    }
    if (t.quota_each) t.quota_each->value.unit = unit;
    t.text = m.Str("text", true);
    t.source = m.Str("source", true);
    p.targets.push_back(std::move(t));
  });
}

void ReadTasks(Map& root, Programme& p) {
  ForEach(root, "tasks", "task", [&](Map& m) {
    Task t;
    t.line = m.line();
    t.number = ReadInt(m, "number", true).value_or(0);
    t.text = m.Str("text", true);
    t.lead_units = ReadStrings(m, "lead_units", true);
    t.coordinating_units = ReadStrings(m, "coordinating_units");
    t.deadline = ReadDate(m, "deadline");
    t.deadline_text = m.Str("deadline_text");
    t.targets = ReadStrings(m, "targets");
    t.indicators = ReadStrings(m, "indicators");
    t.source = m.Str("source", true);
    p.tasks.push_back(std::move(t));
  });
}

void ReadHeader(Map& root, Programme& p) {
  p.format = root.Str("format", true);
  if (!p.format.empty() && p.format != "ruralec.programme/1") {
    root.ctx().Add(root.Line("format"),
                   "不支持的格式 " + p.format + "（应为 ruralec.programme/1）");
  }
  p.id = root.Str("id", true);
  p.name = root.Str("name", true);
  p.kind = root.Str("kind", true);
  p.status = root.Str("status", true);
  p.issuers = ReadStrings(root, "issuers", true);
  p.document_number = root.Str("document_number");
  p.issued_on = ReadDate(root, "issued_on");
  p.region = RegionFrom(root.Get("region", true), root.ctx());
  p.source_document = root.Str("source_document", true);
  p.notes = ReadStrings(root, "notes");
  YAML::Node per = root.Get("period", true);
  if (per.IsDefined()) {
    Map m(per, root.ctx(), "period");
    if (m.ok()) {
      p.period_start = ReadDate(m, "start", true);
      p.period_end = ReadDate(m, "end");
      p.period_note = m.Str("note");
      m.Done();
    }
  }
}

}  // namespace ruralec::programme::yaml_internal

namespace ruralec::programme {

std::string FormatIssue(const Issue& issue) {
  return issue.file + ":" + std::to_string(issue.line) + ": " + issue.message;
}

ParsedProgramme ParseProgramme(const std::string& text, const std::string& file) {
  using yaml_internal::Ctx;
  using yaml_internal::Map;
  using yaml_internal::ReadAwardRules;
  using yaml_internal::ReadFundPlan;
  using yaml_internal::ReadHeader;
  using yaml_internal::ReadPhases;
  using yaml_internal::ReadTargets;
  using yaml_internal::ReadTasks;
  using yaml_internal::ReadWorkflow;
  ParsedProgramme out;
  out.text = text;
  Ctx ctx{file, &out.issues};
  YAML::Node doc;
  try {
    doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    ctx.Add(e.mark.is_null() ? 0 : e.mark.line + 1, "YAML 语法错误: " + e.msg);
    return out;
  }
  Map root(doc, ctx, "programme");
  if (!root.ok()) {
    if (!doc.IsDefined() || doc.IsNull()) ctx.Add(1, "文件为空 (empty file)");
    return out;
  }
  ReadHeader(root, out.programme);
  ReadPhases(root, out.programme);
  ReadTargets(root, out.programme);
  ReadTasks(root, out.programme);
  ReadAwardRules(root, out.programme);
  ReadFundPlan(root, out.programme);
  ReadWorkflow(root, out.programme);
  root.Done();
  return out;
}

ParsedProgramme ReadProgrammeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ParsedProgramme out;
    out.issues.push_back({path, 0, "无法读取文件 (cannot read file)"});
    return out;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseProgramme(ss.str(), path);
}

}  // namespace ruralec::programme
