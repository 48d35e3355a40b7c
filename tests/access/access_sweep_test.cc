// Access sweep (issue 20 item 6; docs/TESTING.md "Access sweep"). Walks the route table the
// server assembled from the module manifests and tries every route that takes an object id or a
// region as (a) users of a sibling town holding the route's permission, (b) a user of the
// objects' own town without it and (c) no session. Expected: 403/404 (401 without a session),
// no answer showing town A's data, and nothing changed (every table's rows and the audit log,
// where only `access.denied` entries may appear). Nothing here names a route: ids come from
// the fixture's requests (tests/access/fixture.test), which are replayed with their bodies.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "access/sweep_support.h"
#include "access/zip_text.h"
#include "account/roles.h"
#include "app/modules.h"

namespace ruralec::accesstest {
namespace {

constexpr char kVillageA[] = "341302100205";
// What town A's data shows: the marker of every name the fixture entered, and (in an answer
// that is no error, which may name the refused region) the codes of the two villages its
// objects are in: masked names hide the marker, not the place.
constexpr char kMarker[] = "符离标记";
const char* const kVillages[] = {"341302100205", "341302100206"};

struct Probe {
  std::string method, path, body;
  bool recorded = false;   // replayed from the fixture (else synthesized from the pattern)
  bool read_like = false;  // a GET, or a request that changed nothing when its owner made it
};

struct Identity {
  std::string kind;  // sibling | no-permission | anonymous
  std::string user;  // "anonymous" for none
};

std::string PathOnly(const std::string& p) { return p.substr(0, p.find('?')); }

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

class Sweep {
 public:
  explicit Sweep(Server& s) : s_(s) {}

  // Ids by the path text before them ("/api/v1/entities/" → 1): from every recorded path and
  // from the `id` of every created object's answer (POST /api/v1/entities → "/api/v1/entities/").
  void LearnIds(const std::vector<Recorded>& rec) {
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

  // The requests to try on a route: the fixture's own ones, else one built from its pattern.
  std::vector<Probe> ProbesFor(const http::RouteEntry& e, const std::vector<Recorded>& rec) {
    std::regex re("^/api/v1" + e.pattern + "$");
    std::vector<Probe> out;
    std::set<std::string> seen;
    for (const Recorded& r : rec) {
      if (r.x.method != e.method || !std::regex_match(PathOnly(r.x.path), re)) continue;
      if (r.x.status < 200 || r.x.status > 299 || !seen.insert(r.x.path + r.x.body).second)
        continue;
      out.push_back({r.x.method, r.x.path, r.x.body, true, e.method == "GET" || !r.changed});
      if (out.size() == 2) break;
    }
    if (!out.empty()) return out;
    return Synthesized(e, rec, false);
  }

  // A request built from the pattern: recorded ids (else 1), sample values, for a GET the region
  // of town A as query, for a PUT the body of the fixture's POST to the collection. Empty for a
  // write without id or region (nothing of town A to aim at), unless `always`.
  std::vector<Probe> Synthesized(const http::RouteEntry& e, const std::vector<Recorded>& rec,
                                 bool always) {
    std::string tail, path = "/api/v1";
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
      return {{e.method, path, "", false, true}};
    }
    std::string body = "{}";
    if (e.method == "PUT") {
      std::string collection = path.substr(0, path.rfind('/'));
      for (const Recorded& r : rec)
        if (r.x.method == "POST" && r.x.path == collection && r.x.status == 201) body = r.x.body;
    }
    if (takes_id || always) return {{e.method, path, body, false, false}};
    return {};
  }

  const std::set<std::string>& unbacked() const { return unbacked_; }

  // An object of the county (or its creation): a sibling town may read it, and whether it may
  // write it is the module's rule, so the sibling is not tried there.
  bool AreaWide(const Probe& p) const {
    if (area_wide_.count(p.method + " " + p.path + " " + p.body)) return true;
    for (const std::string& a : area_wide_) {
      if (p.path.rfind(a, 0) == 0 &&
          (p.path.size() == a.size() || p.path[a.size()] == '/' || p.path[a.size()] == '?'))
        return true;
    }
    return false;
  }

  // Whether a created object's answer places it in town A: its region (region_code, county_code)
  // is 符离镇 or below. Objects without a region count as town A's.
  static std::string RegionOf(const http::Json& j) {
    if (!j.is_object()) return "";
    for (const char* k : {"region_code", "county_code", "scope_code", "code", "region"}) {
      if (!j.contains(k)) continue;
      if (j[k].is_string()) return j[k].get<std::string>();
      if (j[k].is_object()) return RegionOf(j[k]);  // {"region": {"region_code": …}}
    }
    return "";
  }
  static bool HasRegion(const http::Json& j) { return !RegionOf(j).empty(); }
  static bool OfTownA(const http::Json& j) {
    std::string r = RegionOf(j);
    return r.empty() || r.rfind("341302100", 0) == 0;
  }

 private:
  Server& s_;
  std::multimap<std::string, std::string> ids_;
  std::set<std::string> unbacked_;
  std::set<std::string> area_wide_;  // path prefixes of county objects; county-object creations
};

// An import's report that imported nothing (every row refused, or the file seen before).
bool ImportedNothing(const Exchange& x) {
  auto j = http::Json::parse(x.response, nullptr, false);
  return x.status == 200 && j.is_object() && j.contains("rows_imported") &&
         j["rows_imported"] == 0 && j.value("rows_already_imported", 0) == 0;
}

// The tables of the imports module (batch log, error workbooks) and its audit action.
std::set<std::string> ImportTables() {
  std::set<std::string> out;
  for (const runtime::Module* m : app::Modules())
    if (m->name == "imports") out.insert(m->tables.begin(), m->tables.end());
  return out;
}

// Why the answer to `p` as `who` is wrong, or "". A write must be refused: 403/404, or 400
// (a replayed body differs from its owner's successful request only by the caller, so a 400 is
// the caller's reference refused — "不存在或不在您的管辖范围内"; for a synthesized body it means
// the check was not reached, counted apart). A read may answer, without town A's data.
std::string Judge(const Identity& who, const Probe& p, const Exchange& x) {
  if (who.kind == "anonymous") return x.status == 401 ? "" : "status " + std::to_string(x.status);
  std::string text = SearchableText(x.response);
  std::vector<std::string> markers = {kMarker};
  if (x.status < 400) markers.insert(markers.end(), std::begin(kVillages), std::end(kVillages));
  for (const std::string& m : markers)
    if (text.find(m) != std::string::npos)
      return "status " + std::to_string(x.status) + " showing town A's data (" + m + ")";
  bool refused = x.status == 403 || x.status == 404 || x.status == 400 || ImportedNothing(x);
  if (!refused && !p.read_like) return "status " + std::to_string(x.status);
  return "";
}

TEST(AccessSweep, EveryRouteRefusesOtherTownsUnpermittedRolesAndNoSession) {
  Server s;
  ASSERT_EQ(s.Start(), "");
  std::vector<Recorded> rec;
  ASSERT_EQ(s.RunFixture(std::string(RURALEC_SOURCE_DIR) + "/tests/access/fixture.test", &rec), "");
  for (const Recorded& r : rec)
    if (r.x.status < 200 || r.x.status > 299)
      std::cout << "fixture request not made: " << r.x.method << " " << r.x.path << " → "
                << r.x.status << " " << r.x.response.substr(0, 200) << "\n";
  Sweep sweep(s);
  sweep.LearnIds(rec);
  Users users(s);
  ASSERT_EQ(users.Setup(), "");

  std::vector<std::string> failures;
  std::map<std::string, int> tried;  // identity kind → probes
  std::map<std::string, int> statuses;
  int routes = 0, routes_swept = 0, area_wide = 0;
  Snapshot before = Take(s.db());
  for (const http::RouteEntry& e : s.server().Routes()) {
    ++routes;
    if (!e.route.auth) continue;  // public: the canaries test (item 7) searches them
    auto probes = sweep.ProbesFor(e, rec);
    std::vector<Identity> who = {{"anonymous", "anonymous"}};
    if (!probes.empty()) {
      ++routes_swept;
      for (const std::string& u : users.Siblings(e.route.permission)) who.push_back({"sibling", u});
      if (auto u = users.WithoutPermission(e); !u.empty()) who.push_back({"no-permission", u});
    } else {
      probes = sweep.Synthesized(e, rec, true);
    }
    before = Take(s.db());  // after any user the route needed was made
    for (const Identity& w : who) {
      for (const Probe& p : probes) {
        if (w.kind == "sibling" && sweep.AreaWide(p)) {
          ++area_wide;
          continue;
        }
        Exchange x;
        std::string err = s.Send(w.user, p.method, p.path, p.body, &x);
        Snapshot after = Take(s.db());
        ++tried[w.kind];
        ++statuses[std::to_string(x.status) + (p.recorded ? "" : " (synthesized)")];
        std::string what = err.empty() ? Judge(w, p, x) : err;
        // A refused import still logs its batch (and error workbook): the caller's own record.
        std::string changed = Changes(
            s.db(), before, after, ImportedNothing(x) ? ImportTables() : std::set<std::string>());
        // A permitted read may be audited (an export); nothing else may change.
        bool permitted_read = p.read_like && x.status >= 200 && x.status < 300;
        if (!changed.empty() && !(permitted_read && changed.rfind("audited", 0) == 0 &&
                                  changed.find("table ") == std::string::npos))
          what += (what.empty() ? "" : "; ") + changed;
        before = std::move(after);
        if (!what.empty())
          failures.push_back(e.module + " " + p.method + " " + p.path + " as " + w.kind + " " +
                             w.user + ": " + what + " — " + x.response.substr(0, 200));
      }
    }
  }
  int total = 0;
  for (const auto& [k, n] : tried) total += n;
  std::cout << "access sweep: " << routes << " routes, " << routes_swept
            << " with an id, region or fixture request; requests tried: " << total;
  for (const auto& [k, n] : tried) std::cout << ", " << k << " " << n;
  std::cout << "\nsibling probes skipped on county objects: " << area_wide << "\nanswers:";
  for (const auto& [k, n] : statuses) std::cout << " " << k << "×" << n;
  std::cout << "\nroutes whose ids no fixture request backs (tried with id 1): "
            << sweep.unbacked().size() << "\n";
  for (const std::string& r : sweep.unbacked()) std::cout << "  " << r << "\n";
  std::string all;
  for (const std::string& f : failures) all += f + "\n";
  EXPECT_TRUE(failures.empty()) << failures.size() << " answers were wrong:\n" << all;
}

}  // namespace
}  // namespace ruralec::accesstest
