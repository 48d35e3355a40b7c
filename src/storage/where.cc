#include "storage/where.h"

#include <algorithm>
#include <stdexcept>

namespace ruralec::storage {

std::string LikeEscaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

Value TextOrNull(const std::string& s) { return s.empty() ? Value{Null{}} : Value{s}; }
Value OrNull(const std::optional<std::string>& v) { return v ? Value{*v} : Value{Null{}}; }
Value OrNull(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }

Params SubtreeRange(const RegionCode& scope) {
  std::string prefix(scope.prefix());
  return {prefix + std::string(12 - prefix.size(), '0'),
          prefix + std::string(12 - prefix.size(), '9')};
}

Where& Where::InSubtree(std::string_view column, const RegionCode& scope) {
  std::string c(column);
  Sql(c + " >= ? AND " + c + " <= ?", SubtreeRange(scope));
  if (scope.level() <= RegionLevel::kCounty) {
    sqlite_pages_.emplace_back(
        conds_.size() - 1, "likelihood(" + c + " >= ?, 0.9) AND likelihood(" + c + " <= ?, 0.9)");
  }
  return *this;
}

Where& Where::Cmp(std::string_view column, std::string_view op, Value v) {
  static constexpr std::string_view kOps[] = {"=", "<>", "<", "<=", ">", ">="};
  if (std::find(std::begin(kOps), std::end(kOps), op) == std::end(kOps))
    throw std::logic_error("storage::Where: operator " + std::string(op));
  return Sql(std::string(column) + " " + std::string(op) + " ?", {std::move(v)});
}

Where& Where::EqIf(std::string_view column, const std::string& v) { return CmpIf(column, "=", v); }

Where& Where::EqIf(std::string_view column, const std::optional<int64_t>& v) {
  return CmpIf(column, "=", v);
}

Where& Where::CmpIf(std::string_view column, std::string_view op, const std::string& v) {
  return v.empty() ? *this : Cmp(column, op, v);
}

Where& Where::CmpIf(std::string_view column, std::string_view op, const std::optional<int64_t>& v) {
  return v ? Cmp(column, op, *v) : *this;
}

Where& Where::StartsWith(std::string_view column, std::string_view prefix) {
  // A prefix without wildcards (a region prefix) keeps the plain form the indexes are used for.
  std::string escaped = LikeEscaped(prefix);
  std::string escape = escaped.size() == prefix.size() ? "" : " ESCAPE '\\'";
  return Sql(std::string(column) + " LIKE ?" + escape, {escaped + "%"});
}

Where& Where::ContainsIf(const std::vector<std::string_view>& columns, std::string_view text) {
  if (text.empty() || columns.empty()) return *this;
  std::string cond;
  Params values;
  for (std::string_view c : columns) {
    cond += (cond.empty() ? "(" : " OR ") + std::string(c) + " LIKE ? ESCAPE '\\'";
    values.emplace_back("%" + LikeEscaped(text) + "%");
  }
  return Sql(cond + ")", std::move(values));
}

Where& Where::Sql(std::string_view condition, Params values) {
  if (static_cast<size_t>(std::count(condition.begin(), condition.end(), '?')) != values.size())
    throw std::logic_error("storage::Where: placeholders do not match values: " +
                           std::string(condition));
  conds_.emplace_back(condition);
  for (auto& v : values) params_.push_back(std::move(v));
  return *this;
}

std::string Where::Clause() const { return PageClause(""); }

std::string Where::PageClause(std::string_view dialect) const {
  std::string out;
  auto alt = sqlite_pages_.begin();
  for (size_t i = 0; i < conds_.size(); ++i) {
    const std::string* c = &conds_[i];
    if (alt != sqlite_pages_.end() && alt->first == i) {
      if (dialect == "sqlite") c = &alt->second;
      ++alt;
    }
    out += (out.empty() ? " WHERE " : " AND ") + *c;
  }
  return out;
}

std::string JoinedList(const std::vector<std::string>& items) {
  std::string out = ",";
  for (const auto& s : items) out += s + ",";
  return out;
}

std::vector<std::string> SplitList(const std::string& column) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < column.size()) {
    size_t comma = column.find(',', start);
    if (comma == std::string::npos) comma = column.size();
    if (comma > start) out.push_back(column.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace ruralec::storage
