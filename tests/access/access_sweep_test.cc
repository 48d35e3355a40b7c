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

#include "access/probes.h"
#include "access/sweep_support.h"
#include "access/zip_text.h"
#include "account/roles.h"
#include "app/modules.h"

namespace ruralec::accesstest {
namespace {

// What town A's data shows: the marker of every name the fixture entered, and (in an answer
// that is no error, which may name the refused region) the codes of the two villages its
// objects are in: masked names hide the marker, not the place.
constexpr char kMarker[] = "符离标记";
const char* const kVillages[] = {"341302100205", "341302100206"};

struct Identity {
  std::string kind;  // sibling | no-permission | anonymous
  std::string user;  // "anonymous" for none
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
// the check was not reached, counted apart). So is a read naming one of town A's objects or its
// region; another read (a list) may answer, without town A's data.
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
  // A read naming one of town A's objects (or its region) is refused too, whatever it shows.
  if (!refused && p.names_object) return "status " + std::to_string(x.status) + " for town A's";
  return "";
}

// A sibling's write answered 2xx that made an object of the sibling town itself (its region is
// 芦岭镇's), showing nothing of town A but what the request sent: an agreement of the sibling's
// own business naming a registered household of town A as a party (businesses buy from and
// contract with households anywhere in the county, as purchases do). Counted apart.
bool OwnCreation(const Identity& who, const Probe& p, const Exchange& x) {
  if (who.kind != "sibling" || x.status < 200 || x.status > 299 || p.read_like) return false;
  auto j = http::Json::parse(x.response, nullptr, false);
  if (RegionOf(j).rfind("341302101", 0) != 0) return false;
  std::string text = x.response;
  for (size_t at = text.find(kMarker); at != std::string::npos; at = text.find(kMarker, at + 1)) {
    size_t end = text.find('"', at);  // the JSON string holding the marker
    size_t start = text.rfind('"', at) + 1;
    if (p.body.find(text.substr(start, end - start)) == std::string::npos) return false;
  }
  return true;
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
  ProbeBuilder sweep(s);
  sweep.LearnIds(rec);
  Users users(s);
  ASSERT_EQ(users.Setup(), "");

  std::vector<std::string> failures;
  std::map<std::string, int> tried;  // identity kind → probes
  std::map<std::string, int> statuses;
  int routes = 0, routes_swept = 0, area_wide = 0, own = 0;
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
        bool own_object = OwnCreation(w, p, x);  // the sibling's own, naming town A's by id
        if (own_object) {
          ++own;
          what.clear();
        }
        // A refused import still logs its batch (and error workbook): the caller's own record.
        std::string changed = Changes(
            s.db(), before, after, ImportedNothing(x) ? ImportTables() : std::set<std::string>());
        // A permitted read may be audited (an export); nothing else may change.
        bool permitted_read = p.read_like && x.status >= 200 && x.status < 300;
        if (!changed.empty() && !own_object &&
            !(permitted_read && changed.rfind("audited", 0) == 0 &&
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
  std::cout << "\nsibling probes skipped on county objects: " << area_wide
            << "; sibling writes making its own object: " << own << "\nanswers:";
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
