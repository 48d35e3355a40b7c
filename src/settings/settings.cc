#include "settings/settings.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/date.h"
#include "core/validate.h"
#include "storage/where.h"

namespace ruralec::settings {
namespace {

bool HasComma(std::string_view s) {
  return s.find(',') != std::string_view::npos || s.find("，") != std::string_view::npos;
}

std::string Quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

Result<int64_t> WholeNumber(const ParamDef& def, std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    return Error::Invalid(def.name, def.label + "应为整数: " + std::string(text));
  return v;
}

std::string Yuan(int64_t fen) {
  std::string s = std::to_string(fen / 100);
  int64_t cents = (fen < 0 ? -fen : fen) % 100;
  if (cents) s += (cents < 10 ? ".0" : ".") + std::to_string(cents);
  return s + "元";
}

Status CheckBounds(const ParamDef& def, int64_t v) {
  auto show = [&](int64_t b) { return def.type == ParamType::kFen ? Yuan(b) : std::to_string(b); };
  if (def.min && v < *def.min)
    return Error::Invalid(def.name, def.label + "不能小于" + show(*def.min));
  if (def.max && v > *def.max)
    return Error::Invalid(def.name, def.label + "不能大于" + show(*def.max));
  return {};
}

// A web origin: http(s)://host[:port], the host of letters, digits, '-' and '.', lower-cased.
Result<std::string> Origin(const ParamDef& def, std::string_view text) {
  std::string s(text);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!s.empty() && s.back() == '/') s.pop_back();
  if (s.empty()) return s;
  size_t start = s.rfind("https://", 0) == 0 ? 8 : s.rfind("http://", 0) == 0 ? 7 : 0;
  std::string rest = s.substr(start);
  size_t colon = rest.find(':');
  std::string host = rest.substr(0, colon),
              port = colon == std::string::npos ? "" : rest.substr(colon + 1);
  bool host_ok =
      !host.empty() && host.size() <= 253 && host.front() != '.' && host.front() != '-' &&
      host.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") == std::string::npos;
  bool port_ok =
      colon == std::string::npos || (!port.empty() && port.size() <= 5 &&
                                     port.find_first_not_of("0123456789") == std::string::npos);
  if (start == 0 || !host_ok || !port_ok)
    return Error::Invalid(def.name,
                          def.label + "应为 https://域名[:端口]（不含路径）: " + std::string(text));
  return s;
}

}  // namespace

Status CheckNewEntry(CountyEntry& e) {
  ASSIGN_OR_RETURN(e.label, validate::ValidateText(e.label, {"label", "名称", 30, false}));
  if (HasComma(e.label)) return Error::Invalid("label", "名称不能包含逗号");
  if (e.value.empty()) e.value = e.label;
  ASSIGN_OR_RETURN(e.value, validate::ValidateText(e.value, {"value", "代码", 40, false}));
  if (HasComma(e.value) || e.value.find('/') != std::string::npos)
    return Error::Invalid("value", "代码不能包含逗号或斜杠");
  e.builtin = false;
  e.disabled = false;
  return {};
}

Status CheckUnique(const std::vector<CountyEntry>& known, const CountyEntry& e) {
  for (const auto& k : known) {
    if (k.value == e.value) return Error::Conflict("代码" + Quoted(e.value) + "已存在", "value");
    if (k.label == e.label) return Error::Conflict("名称" + Quoted(e.label) + "已存在", "label");
  }
  return {};
}

Result<std::vector<CountyEntry>> CountyEntries(storage::Connection& conn, const RegionCode& county,
                                               const std::string& dict) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT value, label, disabled FROM county_dict_entries "
                                         "WHERE county_code = ? AND dict = ? ORDER BY id",
                                         {county.county().str(), dict}));
  std::vector<CountyEntry> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), false, r.Int(2) != 0});
  return out;
}

Status AddCountyEntry(storage::Connection& conn, const RegionCode& county, const std::string& dict,
                      const CountyEntry& e, storage::Stamp stamp) {
  auto n = conn.Exec(
      "INSERT INTO county_dict_entries (county_code, dict, value, label, disabled, created_by, "
      "created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)",
      {county.county().str(), dict, e.value, e.label, storage::OrNull(stamp.by), stamp.now_ms,
       storage::OrNull(stamp.by), stamp.now_ms});
  if (!n.ok()) return n.take_error();
  return {};
}

Status SetCountyEntryDisabled(storage::Connection& conn, const RegionCode& county,
                              const std::string& dict, const std::string& value, bool disabled,
                              storage::Stamp stamp) {
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE county_dict_entries SET disabled = ?, "
                                        "updated_by = ?, updated_at = ? WHERE county_code = ? "
                                        "AND dict = ? AND value = ?",
                                        {int64_t{disabled}, storage::OrNull(stamp.by), stamp.now_ms,
                                         county.county().str(), dict, value}));
  if (n == 0) return Error::NotFound("本县没有添加字典项" + Quoted(value));
  return {};
}

std::string_view ParamTypeName(ParamType t) {
  switch (t) {
    case ParamType::kInt:
      return "int";
    case ParamType::kFen:
      return "fen";
    case ParamType::kBool:
      return "bool";
    case ParamType::kEnum:
      return "enum";
    case ParamType::kDate:
      return "date";
    case ParamType::kUrl:
      return "url";
  }
  return "int";
}

Result<std::string> CheckValue(const ParamDef& def, std::string_view text) {
  switch (def.type) {
    case ParamType::kInt:
    case ParamType::kFen: {
      ASSIGN_OR_RETURN(int64_t v, WholeNumber(def, text));
      RETURN_IF_ERROR(CheckBounds(def, v));
      return std::to_string(v);
    }
    case ParamType::kBool:
      if (text == "true" || text == "1") return std::string("true");
      if (text == "false" || text == "0") return std::string("false");
      return Error::Invalid(def.name, def.label + "应为“是”或“否”");
    case ParamType::kEnum:
      for (const auto& [value, label] : def.options)
        if (text == value || text == label) return value;
      return Error::Invalid(def.name, def.label + "不是可选的值: " + std::string(text));
    case ParamType::kDate: {
      auto d = CivilDate::Parse(text, def.name);
      if (!d.ok())
        return Error::Invalid(def.name, def.label + "应为日期 YYYY-MM-DD: " + std::string(text));
      return d->ToString();
    }
    case ParamType::kUrl:
      return Origin(def, text);
  }
  return Error::Invalid(def.name, def.label + "类型未知");
}

Status CheckDef(const ParamDef& def) {
  if (def.name.empty() || def.label.empty()) return Error::Invalid("params", "参数缺少名称");
  if (def.min && def.max && *def.min > *def.max)
    return Error::Invalid(def.name, def.label + "的上下限颠倒");
  if (def.type == ParamType::kEnum && def.options.empty())
    return Error::Invalid(def.name, def.label + "没有可选值");
  auto v = CheckValue(def, def.default_value);
  if (!v.ok()) return Error::Invalid(def.name, def.label + "的默认值无效: " + v.error().message);
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> StoredParams(storage::Connection& conn,
                                                                      const RegionCode& county) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT name, value FROM county_params "
                                         "WHERE county_code = ? ORDER BY name",
                                         {county.county().str()}));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.Text(0), r.Text(1));
  return out;
}

Status PutParam(storage::Connection& conn, const RegionCode& county, const std::string& name,
                const std::string& value, storage::Stamp stamp) {
  ASSIGN_OR_RETURN(int64_t n, conn.Exec("UPDATE county_params SET value = ?, updated_by = ?, "
                                        "updated_at = ? WHERE county_code = ? AND name = ?",
                                        {value, storage::OrNull(stamp.by), stamp.now_ms,
                                         county.county().str(), name}));
  if (n > 0) return {};
  auto ins = conn.Exec(
      "INSERT INTO county_params (county_code, name, value, updated_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {county.county().str(), name, value, storage::OrNull(stamp.by), stamp.now_ms});
  if (!ins.ok()) return ins.take_error();
  return {};
}

Result<std::string> ParamText(storage::Connection& conn, const RegionCode& county,
                              const ParamDef& def) {
  if (county.empty()) return def.default_value;
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT value FROM county_params "
                                                "WHERE county_code = ? AND name = ?",
                                                {county.county().str(), def.name}));
  if (!row) return def.default_value;
  auto v = CheckValue(def, row->Text(0));
  return v.ok() ? *v : def.default_value;
}

Result<int64_t> IntParam(storage::Connection& conn, const RegionCode& county, const ParamDef& def) {
  ASSIGN_OR_RETURN(std::string text, ParamText(conn, county, def));
  return WholeNumber(def, text);
}

Result<bool> BoolParam(storage::Connection& conn, const RegionCode& county, const ParamDef& def) {
  ASSIGN_OR_RETURN(std::string text, ParamText(conn, county, def));
  return text == "true";
}

}  // namespace ruralec::settings
