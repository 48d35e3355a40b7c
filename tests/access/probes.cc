#include "access/probes.h"

#include <algorithm>
#include <regex>

namespace ruralec::accesstest {

std::string PathOnly(const std::string& p) { return p.substr(0, p.find('?')); }

std::string RegionOf(const http::Json& j) {
  if (!j.is_object()) return "";
  for (const char* k : {"region_code", "county_code", "scope_code", "code", "region"}) {
    if (!j.contains(k)) continue;
    if (j[k].is_string()) return j[k].get<std::string>();
    if (j[k].is_object()) return RegionOf(j[k]);  // {"region": {"region_code": …}}
  }
  return "";
}

namespace {

// The capture groups of a route pattern, with the literal text before each.
struct Group {
  std::string before, regex;
};
std::vector<Group> Groups(const std::string& pattern, std::string* tail) {
  std::vector<Group> out;
  std::string lit;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '(') {
      lit += pattern[i];
      continue;
    }
    size_t close = pattern.find(')', i);
    out.push_back({lit, pattern.substr(i + 1, close - i - 1)});
    lit.clear();
    i = close;
  }
  *tail = lit;
  return out;
}

bool IsId(const std::string& g) { return g == "\\d+"; }
bool IsRegion(const std::string& g) { return g.find("\\d{12}") != std::string::npos; }

// A value matching a capture group that is no id: a region of town A, a month, a year, the
// first alternative, a name.
std::string Sample(const std::string& g) {
  if (IsRegion(g)) return kVillageA;
  if (g == "\\d{4}-\\d{2}") return "2023-10";
  if (g == "\\d{4}") return "2023";
  if (g.find('|') != std::string::npos) return g.substr(0, g.find('|'));
  return "x";
}

bool HasRegion(const http::Json& j) { return !RegionOf(j).empty(); }
// Whether the object is town A's (符离镇 or below); an object without a region counts as such.
bool OfTownA(const http::Json& j) {
  std::string r = RegionOf(j);
  return r.empty() || r.rfind("341302100", 0) == 0;
}

}  // namespace

void ProbeBuilder::LearnIds(const std::vector<Recorded>& rec) {
  for (const Recorded& r : rec) {
    std::string path = PathOnly(r.x.path);
    std::smatch m;
    static const std::regex kSeg("/(\\d+)(?=/|$)");
    for (auto it = std::sregex_iterator(path.begin(), path.end(), kSeg);
         it != std::sregex_iterator(); ++it) {
      ids_.emplace(path.substr(0, it->position(0) + 1), (*it)[1].str());
    }
    if (r.x.method == "POST" && r.x.status == 201) {
      auto j = http::Json::parse(r.x.response, nullptr, false);
      auto id = [](const http::Json& o) {
        return o.is_object() && o.contains("id") && o["id"].is_number_integer()
                   ? std::to_string(o["id"].get<int64_t>())
                   : std::string();
      };
      std::string v = id(j);
      if (v.empty() && j.is_object())
        for (auto& [k, o] : j.items())
          if (v.empty()) v = id(o);
      if (!v.empty()) ids_.emplace(path + "/", v);
      if (v.empty()) continue;
      // The object as its maker reads it, when the creation's answer does not say where it is.
      Exchange got;
      if (!HasRegion(j) && s_.Send(r.x.user, "GET", path + "/" + v, "", &got).empty())
        j = http::Json::parse(got.response, nullptr, false);
      if (!OfTownA(j)) {
        area_wide_.insert(path + "/" + v);
        area_wide_.insert(r.x.method + " " + r.x.path + " " + r.x.body);
      }
    }
  }
}

std::vector<Probe> ProbeBuilder::ProbesFor(const http::RouteEntry& e,
                                           const std::vector<Recorded>& rec) {
  std::regex re("^" + e.base + e.pattern + "$");
  std::string tail;
  auto groups = Groups(e.pattern, &tail);
  bool names = std::any_of(groups.begin(), groups.end(),
                           [](const Group& g) { return IsId(g.regex) || IsRegion(g.regex); });
  std::vector<Probe> out;
  std::set<std::string> seen;
  for (const Recorded& r : rec) {
    if (r.x.method != e.method || !std::regex_match(PathOnly(r.x.path), re)) continue;
    if (r.x.status < 200 || r.x.status > 299 || !seen.insert(r.x.path + r.x.body).second) continue;
    out.push_back({r.x.method, r.x.path, r.x.body, true, e.method == "GET" || !r.changed, names});
    if (out.size() == 2) break;
  }
  if (!out.empty()) return out;
  return Synthesized(e, rec, false);
}

std::vector<Probe> ProbeBuilder::Synthesized(const http::RouteEntry& e,
                                             const std::vector<Recorded>& rec, bool always) {
  std::string tail, path = e.base;
  auto groups = Groups(e.pattern, &tail);
  for (const Group& g : groups) {
    path += g.before;
    if (IsId(g.regex)) {
      auto it = ids_.find(path);
      path += it != ids_.end() ? it->second : "1";
      if (it == ids_.end()) unbacked_.insert(e.method + " " + e.pattern);
    } else {
      path += Sample(g.regex);
    }
  }
  path += tail;
  bool takes_id = std::any_of(groups.begin(), groups.end(),
                              [](const Group& g) { return IsId(g.regex) || IsRegion(g.regex); });
  if (e.method == "GET") {
    path += "?region=341302100&region_code=341302100";
    return {{e.method, path, "", false, true, takes_id}};
  }
  std::string body = "{}";
  if (e.method == "PUT") {
    std::string collection = path.substr(0, path.rfind('/'));
    for (const Recorded& r : rec)
      if (r.x.method == "POST" && r.x.path == collection && r.x.status == 201) body = r.x.body;
  }
  if (takes_id || always) return {{e.method, path, body, false, false, takes_id}};
  return {};
}

bool ProbeBuilder::AreaWide(const Probe& p) const {
  if (area_wide_.count(p.method + " " + p.path + " " + p.body)) return true;
  for (const std::string& a : area_wide_) {
    if (p.path.rfind(a, 0) == 0 &&
        (p.path.size() == a.size() || p.path[a.size()] == '/' || p.path[a.size()] == '?'))
      return true;
  }
  return false;
}

}  // namespace ruralec::accesstest
