// Rows read by column name. A store names the columns of its SELECT once (Columns); the SQL's
// column list and every read come from that one declaration, so adding or reordering a column
// cannot shift the others. RowDecoder<T> goes one step further for plain structs: each column
// bound to a member, decoded in one call.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "storage/db.h"

namespace ruralec::storage {

// The columns of a SELECT. Each entry is a column expression ("e.id", "COALESCE(r.name, '')
// AS region_name"); its name is the text after " AS " when present, otherwise after the last
// '.'. Names are unique within one Columns.
class Columns {
 public:
  explicit Columns(const std::vector<std::string_view>& exprs);
  // The same from the SELECT list as written: "e.id, e.name, COALESCE(r.name, '') AS region"
  // (split at the commas outside parentheses).
  explicit Columns(std::string_view list);
  const std::string& List() const { return list_; }  // "e.id, e.name, …" for the SELECT
  // Position of `name`; an unknown name is a programming error: std::out_of_range.
  size_t Index(std::string_view name) const;

 private:
  std::string list_;
  std::vector<std::string> names_;
};

// One row read through its Columns, with Row's types (0 / "" for NULL).
class NamedRow {
 public:
  NamedRow(const Row& row, const Columns& cols) : row_(row), cols_(cols) {}
  bool IsNull(std::string_view name) const { return row_.IsNull(cols_.Index(name)); }
  int64_t Int(std::string_view name) const { return row_.Int(cols_.Index(name)); }
  bool Bool(std::string_view name) const { return Int(name) != 0; }
  std::string Text(std::string_view name) const { return row_.Text(cols_.Index(name)); }
  std::optional<int64_t> OptInt(std::string_view name) const {
    return row_.OptInt(cols_.Index(name));
  }
  std::optional<std::string> OptText(std::string_view name) const {
    return row_.OptText(cols_.Index(name));
  }

 private:
  const Row& row_;
  const Columns& cols_;
};

// A struct decoded from its columns: each column bound to a member of T (int64_t, int, bool,
// std::string or their optional), or to nothing ({}: the caller reads it through Named()).
template <typename T>
class RowDecoder {
 public:
  using Member = std::variant<std::monostate, int64_t T::*, int T::*, bool T::*, std::string T::*,
                              std::optional<int64_t> T::*, std::optional<std::string> T::*>;
  struct Field {
    std::string_view expr;
    Member member;
  };

  RowDecoder(std::initializer_list<Field> fields) : cols_(Exprs(fields)) {
    for (const Field& f : fields) members_.push_back(f.member);
  }
  const Columns& columns() const { return cols_; }
  const std::string& List() const { return cols_.List(); }
  NamedRow Named(const Row& row) const { return NamedRow(row, cols_); }

  T Decode(const Row& row) const {
    T out{};
    for (size_t i = 0; i < members_.size(); ++i) Set(out, row, i);
    return out;
  }

 private:
  static std::vector<std::string_view> Exprs(std::initializer_list<Field> fields) {
    std::vector<std::string_view> out;
    for (const Field& f : fields) out.push_back(f.expr);
    return out;
  }
  void Set(T& out, const Row& row, size_t i) const {
    std::visit(
        [&](auto m) {
          using M = decltype(m);
          if constexpr (std::is_same_v<M, int64_t T::*>) out.*m = row.Int(i);
          if constexpr (std::is_same_v<M, int T::*>) out.*m = static_cast<int>(row.Int(i));
          if constexpr (std::is_same_v<M, bool T::*>) out.*m = row.Int(i) != 0;
          if constexpr (std::is_same_v<M, std::string T::*>) out.*m = row.Text(i);
          if constexpr (std::is_same_v<M, std::optional<int64_t> T::*>) out.*m = row.OptInt(i);
          if constexpr (std::is_same_v<M, std::optional<std::string> T::*>) out.*m = row.OptText(i);
        },
        members_[i]);
  }

  Columns cols_;
  std::vector<Member> members_;
};

}  // namespace ruralec::storage
