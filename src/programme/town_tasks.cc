#include "programme/town_tasks.h"

#include <algorithm>
#include <map>
#include <set>

namespace ruralec::programme {
namespace {

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every town-level region under `parent` (a county's children; a city's counties' children).
void TownsUnder(const RegionDirectory& dir, const RegionCode& parent,
                std::vector<ResolvedRegion>& out) {
  for (auto& child : dir.Children(parent)) {
    if (child.code.level() == RegionLevel::kTown)
      out.push_back(std::move(child));
    else if (child.code.level() < RegionLevel::kTown)
      TownsUnder(dir, child.code, out);
  }
}

// The level suffixes a collective unit takes in, or nullopt when `unit` is no collective one.
std::optional<std::vector<std::string>> CollectiveClasses(const std::string& unit) {
  for (const auto& [word, suffixes] : CollectiveWords())
    if (StartsWith(unit, word)) return suffixes;
  return std::nullopt;
}

// A town's own government or office, as opposed to a county department (区商务局, 县人民政府).
bool IsTownOffice(const std::string& unit) {
  for (const char* county : {"区", "县", "市"})
    if (StartsWith(unit, county)) return false;
  return EndsWith(unit, "人民政府") || EndsWith(unit, "办事处");
}

}  // namespace

std::vector<ResolvedRegion> LeadingTowns(const std::vector<std::string>& lead_units,
                                         const RegionDirectory& dir) {
  std::vector<ResolvedRegion> towns;
  TownsUnder(dir, dir.root(), towns);
  std::set<std::string> taken;
  for (const auto& unit : lead_units) {
    auto classes = CollectiveClasses(unit);
    if (!classes && !IsTownOffice(unit)) continue;
    for (const auto& t : towns) {
      bool in = classes ? std::count(classes->begin(), classes->end(), LevelSuffix(t.name)) > 0
                        : unit.find(NameStem(t.name)) != std::string::npos;
      if (in) taken.insert(t.code.str());
    }
  }
  std::vector<ResolvedRegion> out;
  for (const auto& t : towns)
    if (taken.count(t.code.str())) out.push_back(t);
  std::sort(out.begin(), out.end(),
            [](const ResolvedRegion& a, const ResolvedRegion& b) { return a.code < b.code; });
  return out;
}

std::optional<RegionCode> TownOf(const RegionCode& region) {
  if (region.level() < RegionLevel::kTown) return std::nullopt;
  auto town = RegionCode::Parse(region.str().substr(0, 9));
  if (!town.ok()) return std::nullopt;
  return *town;
}

std::vector<TownLine> TownLines(const std::vector<ResolvedRegion>& towns,
                                const std::vector<TaskNote>& notes, int task) {
  std::map<std::string, size_t> index;
  std::vector<TownLine> out;
  for (const auto& t : towns) {
    index[t.code.str()] = out.size();
    out.push_back({t.code, t.name});
  }
  for (const auto& n : notes) {
    auto it = index.find(n.region_code);
    if (n.task_number != task || it == index.end()) continue;
    TownLine& line = out[it->second];
    ApplyNoteStatus(line.status, n.status);
    ++line.notes;
    line.latest = n;
  }
  return out;
}

}  // namespace ruralec::programme
