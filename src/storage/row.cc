#include "storage/row.h"

#include <stdexcept>

namespace ruralec::storage {
namespace {

std::string NameOf(std::string_view expr) {
  if (size_t as = expr.rfind(" AS "); as != std::string_view::npos)
    return std::string(expr.substr(as + 4));
  if (size_t dot = expr.rfind('.'); dot != std::string_view::npos)
    return std::string(expr.substr(dot + 1));
  return std::string(expr);
}

std::vector<std::string_view> SplitList(std::string_view list) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  auto add = [&](size_t end) {
    std::string_view e = list.substr(start, end - start);
    while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
    while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
    if (!e.empty()) out.push_back(e);
  };
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] == '(') ++depth;
    if (list[i] == ')') --depth;
    if (list[i] == ',' && depth == 0) {
      add(i);
      start = i + 1;
    }
  }
  add(list.size());
  return out;
}

}  // namespace

Columns::Columns(std::string_view list) : Columns(SplitList(list)) {}

Columns::Columns(const std::vector<std::string_view>& exprs) {
  for (std::string_view e : exprs) {
    list_ += (list_.empty() ? "" : ", ") + std::string(e);
    std::string name = NameOf(e);
    for (const auto& n : names_) {
      if (n == name) throw std::logic_error("storage::Columns: duplicate column " + name);
    }
    names_.push_back(std::move(name));
  }
}

size_t Columns::Index(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return i;
  }
  throw std::out_of_range("storage::Columns: no column " + std::string(name));
}

}  // namespace ruralec::storage
