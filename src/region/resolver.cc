// NameResolver (region.h): the region cell of an import read as a code or a name.
#include <algorithm>
#include <array>
#include <set>

#include "region/region.h"

namespace ruralec::region {
namespace {

// What clerks write between a town and its village: 符离镇/新庄村, 符离镇-新庄村, 符离镇 新庄村 …
constexpr std::array<std::string_view, 9> kSeparators = {"/", "／", "-",  "－", "—",
                                                         "·", ">",  "＞", " "};

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The names a division answers to: its own, and without its committee or town suffix
// (新庄村委会 → 新庄村, 新庄; 东仙桥社区居委会 → 东仙桥社区, 东仙桥; 汴河街道办事处 → 汴河街道,
// 汴河; 符离镇 → 符离).
std::set<std::string> KeysOf(std::string_view name, RegionLevel level) {
  std::set<std::string> keys{std::string(name)};
  if (level == RegionLevel::kVillage) {
    for (std::string_view s : {"村民委员会", "村委会"}) {
      if (!EndsWith(name, s)) continue;
      std::string base(name.substr(0, name.size() - s.size()));
      keys.insert(base + "村");
      if (!EndsWith(base, "村")) keys.insert(base);
    }
    for (std::string_view s : {"社区居民委员会", "社区居委会", "居民委员会", "居委会"}) {
      if (!EndsWith(name, s)) continue;
      std::string base(name.substr(0, name.size() - s.size()));
      keys.insert(base);
      keys.insert(base + "社区");
      break;
    }
    if (EndsWith(name, "村") || EndsWith(name, "社区"))
      keys.insert(std::string(name.substr(0, name.size() - (EndsWith(name, "村") ? 3 : 6))));
  } else if (level == RegionLevel::kTown) {
    for (std::string_view s : {"街道办事处", "街道", "镇", "乡"}) {
      if (!EndsWith(name, s)) continue;
      std::string base(name.substr(0, name.size() - s.size()));
      if (s == "街道办事处") keys.insert(base + "街道");
      keys.insert(base);
      break;
    }
  }
  return keys;
}

}  // namespace

Result<NameResolver> NameResolver::Load(storage::Connection& conn, const RegionCode& scope) {
  NameResolver r;
  for (RegionLevel level : {RegionLevel::kCounty, RegionLevel::kTown, RegionLevel::kVillage}) {
    if (static_cast<int>(level) < static_cast<int>(scope.level())) continue;
    ASSIGN_OR_RETURN(std::vector<Division> ds, AtLevelIn(conn, scope, level));
    for (auto& d : ds) {
      size_t i = r.entries_.size();
      for (const std::string& k : KeysOf(d.name, level)) r.by_key_.emplace(k, i);
      r.entries_.push_back({std::move(d.code), std::move(d.name), level});
    }
  }
  return r;
}

std::vector<size_t> NameResolver::Find(std::string_view key, RegionLevel level,
                                       const RegionCode* within) const {
  std::vector<size_t> out;
  auto [b, e] = by_key_.equal_range(std::string(key));
  for (auto it = b; it != e; ++it) {
    const Entry& en = entries_[it->second];
    if (en.level != level) continue;
    if (within && !within->Contains(en.code)) continue;
    out.push_back(it->second);
  }
  return out;
}

// 符离镇/新庄村 (with a separator) or 符离镇新庄村 (a town's name, then a village in it).
std::vector<size_t> NameResolver::FindInTown(std::string_view town,
                                             std::string_view village) const {
  std::vector<size_t> out;
  for (size_t t : Find(Trim(town), RegionLevel::kTown, nullptr)) {
    for (size_t v : Find(Trim(village), RegionLevel::kVillage, &entries_[t].code)) out.push_back(v);
  }
  return out;
}

std::vector<size_t> NameResolver::Candidates(std::string_view cell) const {
  for (std::string_view sep : kSeparators) {
    size_t p = cell.find(sep);
    if (p != std::string_view::npos && p > 0)
      return FindInTown(cell.substr(0, p), cell.substr(p + sep.size()));
  }
  std::vector<size_t> out;
  for (RegionLevel level : {RegionLevel::kCounty, RegionLevel::kTown, RegionLevel::kVillage}) {
    auto found = Find(cell, level, nullptr);
    out.insert(out.end(), found.begin(), found.end());
  }
  if (!out.empty()) return out;
  for (const Entry& t : entries_) {  // 符离镇新庄村: the town's full name as a prefix
    if (t.level != RegionLevel::kTown || cell.size() <= t.name.size() || !cell.starts_with(t.name))
      continue;
    for (size_t v : Find(cell.substr(t.name.size()), RegionLevel::kVillage, &t.code))
      out.push_back(v);
  }
  return out;
}

std::string NameResolver::Describe(size_t i) const {
  const Entry& e = entries_[i];
  std::string town;
  if (e.level == RegionLevel::kVillage) {
    auto parent = e.code.parent();
    for (const Entry& t : entries_) {
      if (t.code == parent) town = t.name;
    }
  }
  return town + e.name + "（" + e.code.str() + "）";
}

Result<RegionCode> NameResolver::Resolve(std::string_view text) const {
  std::string_view cell = Trim(text);
  if (cell.empty()) return Error::Invalid("region", "请填写区划代码或乡镇、村的名称");
  if (AllDigits(cell)) {
    auto code = RegionCode::Parse(cell);
    if (!code.ok()) return Error::Invalid("region", "区划代码应为12位统计用区划代码");
    return *code;
  }
  std::vector<size_t> found = Candidates(cell);
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::string quoted = "“" + std::string(cell) + "”";
  if (found.empty())
    return Error::Invalid("region", quoted + "不是本辖区内乡镇或村的名称，也不是12位区划代码");
  if (found.size() == 1) return entries_[found[0]].code;
  std::string list;
  for (size_t i = 0; i < found.size() && i < 5; ++i) list += (i ? "、" : "") + Describe(found[i]);
  return Error::Invalid("region", quoted + "在本辖区有" + std::to_string(found.size()) + "处：" +
                                      list + "；请写成“乡镇/村”或填写区划代码");
}

Result<RegionCode> LazyNameResolver::Resolve(storage::Connection& conn, std::string_view cell) {
  if (!loaded_) {
    ASSIGN_OR_RETURN(NameResolver r, NameResolver::Load(conn, scope_));
    loaded_ = std::move(r);
  }
  return loaded_->Resolve(cell);
}

}  // namespace ruralec::region
