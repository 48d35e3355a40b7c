#include "routing/io/json_io.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <type_traits>

namespace ruralec::routing {
namespace {

using nlohmann::json;

// A JSON number as an int64: integers within range, and doubles that are whole and within range
// (2.0 is 2). json's own get<int>() casts 1e177 to int, which is undefined behaviour: found by
// routing_json_fuzz.
bool AsInt64(const json& x, int64_t& out) {
  if (x.is_number_unsigned()) {
    if (x.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return false;
    out = static_cast<int64_t>(x.get<uint64_t>());
    return true;
  }
  if (x.is_number_integer()) {
    out = x.get<int64_t>();
    return true;
  }
  if (!x.is_number_float()) return false;
  const double d = x.get<double>();
  // 2^63 is exactly representable; anything below it in magnitude converts without overflow.
  if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) >= 9223372036854775808.0)
    return false;
  out = static_cast<int64_t>(d);
  return true;
}

std::string Join(const std::string& path, const char* key) {
  return path.empty() ? key : path + "." + key;
}

// Field access with JSON-path error messages.
class Reader {
 public:
  template <typename T>
  Result<T> Get(const json& obj, const std::string& path, const char* key, T fallback,
                bool required = false) {
    if (!obj.is_object()) return Error::Invalid(path, "must be an object");
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) return Error::Invalid(Join(path, key), "is required");
      return fallback;
    }
    if constexpr (std::is_integral_v<T>) {
      int64_t v = 0;
      if (!AsInt64(*it, v) || v < std::numeric_limits<T>::min() ||
          v > std::numeric_limits<T>::max())
        return Error::Invalid(Join(path, key), "must be an integer in range");
      return static_cast<T>(v);
    } else {
      try {
        return it->get<T>();
      } catch (const json::exception&) {
        return Error::Invalid(Join(path, key), "has the wrong type");
      }
    }
  }
  Result<Load> GetLoad(const json& obj, const std::string& path, const char* key) {
    Load load{};
    auto it = obj.find(key);
    if (it == obj.end()) return load;
    if (!it->is_array() || it->size() > kMaxDims)
      return Error::Invalid(path + "." + key, "must be an array of <= 3 integers");
    for (size_t d = 0; d < it->size(); ++d) {
      if (!(*it)[d].is_number_integer() || !AsInt64((*it)[d], load[d]))
        return Error::Invalid(path + "." + key, "must contain integers");
    }
    return load;
  }
  Result<TimeWindow> GetWindow(const json& obj, const std::string& path, const char* key) {
    TimeWindow w;
    auto it = obj.find(key);
    if (it == obj.end()) return w;
    ASSIGN_OR_RETURN(w.open, Get<int64_t>(*it, path + "." + key, "open", 0));
    ASSIGN_OR_RETURN(w.close, Get<int64_t>(*it, path + "." + key, "close", kNoLimit));
    return w;
  }
};

Result<std::vector<int64_t>> ReadMatrix(const json& m, const std::string& path, size_t n) {
  if (!m.is_array() || m.size() != n) return Error::Invalid(path, "must be a nodes x nodes array");
  std::vector<int64_t> out;
  out.reserve(n * n);
  for (const json& row : m) {
    if (!row.is_array() || row.size() != n)
      return Error::Invalid(path, "must be a nodes x nodes array");
    for (const json& x : row) {
      // |value| < 2^53 keeps llround defined and sums of a route far from int64 overflow.
      if (!x.is_number() || !std::isfinite(x.get<double>()) || std::fabs(x.get<double>()) > 9e15)
        return Error::Invalid(path, "must contain finite numbers below 9e15");
      out.push_back(x.is_number_integer() && !x.is_number_unsigned()
                        ? x.get<int64_t>()
                        : std::llround(x.get<double>()));
    }
  }
  return out;
}

// The member `key` of `doc` as an array (absent: empty). A number or an object there used to reach
// json's operator[] and abort the process: found by routing_json_fuzz.
Result<const json*> ArrayAt(const json& doc, const char* key) {
  static const json kEmpty = json::array();
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return &kEmpty;
  if (!it->is_array()) return Error::Invalid(key, "must be an array");
  return &*it;
}

Status ReadNodes(Reader& rd, const json& doc, Problem& p, std::vector<GeoPoint>& points,
                 std::map<std::string, int>& depot_index) {
  ASSIGN_OR_RETURN(const json* depots_ptr, ArrayAt(doc, "depots"));
  const json& depots = *depots_ptr;
  for (size_t i = 0; i < depots.size(); ++i) {
    const std::string path = "depots[" + std::to_string(i) + "]";
    Depot d;
    ASSIGN_OR_RETURN(d.id, rd.Get<std::string>(depots[i], path, "id", "", true));
    ASSIGN_OR_RETURN(d.window, rd.GetWindow(depots[i], path, "window"));
    GeoPoint g;
    ASSIGN_OR_RETURN(g.lat, rd.Get<double>(depots[i], path, "lat", 0));
    ASSIGN_OR_RETURN(g.lon, rd.Get<double>(depots[i], path, "lon", 0));
    if (!depot_index.emplace(d.id, static_cast<int>(i)).second)
      return Error::Invalid(path + ".id", "duplicate id");
    points.push_back(g);
    p.depots.push_back(d);
  }
  ASSIGN_OR_RETURN(const json* stops_ptr, ArrayAt(doc, "stops"));
  const json& stops = *stops_ptr;
  for (size_t i = 0; i < stops.size(); ++i) {
    const std::string path = "stops[" + std::to_string(i) + "]";
    Stop s;
    ASSIGN_OR_RETURN(s.id, rd.Get<std::string>(stops[i], path, "id", "", true));
    ASSIGN_OR_RETURN(s.delivery, rd.GetLoad(stops[i], path, "delivery"));
    ASSIGN_OR_RETURN(s.pickup, rd.GetLoad(stops[i], path, "pickup"));
    ASSIGN_OR_RETURN(s.service_time, rd.Get<int64_t>(stops[i], path, "service_time", 0));
    ASSIGN_OR_RETURN(s.window, rd.GetWindow(stops[i], path, "window"));
    ASSIGN_OR_RETURN(s.unserved_penalty, rd.Get<double>(stops[i], path, "unserved_penalty", 1e9));
    GeoPoint g;
    ASSIGN_OR_RETURN(g.lat, rd.Get<double>(stops[i], path, "lat", 0));
    ASSIGN_OR_RETURN(g.lon, rd.Get<double>(stops[i], path, "lon", 0));
    points.push_back(g);
    p.stops.push_back(s);
  }
  return {};
}

Status ReadVehicles(Reader& rd, const json& doc, Problem& p,
                    const std::map<std::string, int>& depot_index) {
  ASSIGN_OR_RETURN(const json* vehicles_ptr, ArrayAt(doc, "vehicles"));
  const json& vehicles = *vehicles_ptr;
  for (size_t i = 0; i < vehicles.size(); ++i) {
    const std::string path = "vehicles[" + std::to_string(i) + "]";
    const json& j = vehicles[i];
    Vehicle v;
    ASSIGN_OR_RETURN(v.id, rd.Get<std::string>(j, path, "id", "", true));
    ASSIGN_OR_RETURN(const std::string start,
                     rd.Get<std::string>(j, path, "start_depot", "", true));
    ASSIGN_OR_RETURN(const std::string end, rd.Get<std::string>(j, path, "end_depot", start));
    if (!depot_index.count(start))
      return Error::Invalid(path + ".start_depot", "unknown depot " + start);
    if (!depot_index.count(end)) return Error::Invalid(path + ".end_depot", "unknown depot " + end);
    v.start_depot = depot_index.at(start);
    v.end_depot = depot_index.at(end);
    ASSIGN_OR_RETURN(v.capacity, rd.GetLoad(j, path, "capacity"));
    ASSIGN_OR_RETURN(v.shift, rd.GetWindow(j, path, "shift"));
    ASSIGN_OR_RETURN(v.max_duration, rd.Get<int64_t>(j, path, "max_duration", kNoLimit));
    ASSIGN_OR_RETURN(v.fixed_cost, rd.Get<double>(j, path, "fixed_cost", 0));
    ASSIGN_OR_RETURN(const double per_km, rd.Get<double>(j, path, "cost_per_km", 1));
    ASSIGN_OR_RETURN(const double per_hour, rd.Get<double>(j, path, "cost_per_hour", 0));
    v.cost_per_distance = per_km / 1000.0;
    v.cost_per_duration = per_hour / 3600.0;
    p.vehicles.push_back(v);
  }
  return {};
}

json LoadJson(const Load& l, int dims) {
  return json(std::vector<int64_t>(l.begin(), l.begin() + dims));
}

json WindowJson(const TimeWindow& w) {
  json j = {{"open", w.open}};
  if (w.close < kNoLimit) j["close"] = w.close;
  return j;
}

}  // namespace

Result<Problem> ParseProblemJson(const std::string& text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // also out_of_range (1e9999): found by routing_json_fuzz
    return Error::Invalid("", std::string("invalid JSON: ") + e.what());
  }
  if (!doc.is_object()) return Error::Invalid("", "document must be an object");
  Reader rd;
  Problem p;
  ASSIGN_OR_RETURN(p.num_dims, rd.Get<int>(doc, "", "num_dims", 1));
  std::vector<GeoPoint> points;
  std::map<std::string, int> depot_index;
  RETURN_IF_ERROR(ReadNodes(rd, doc, p, points, depot_index));
  RETURN_IF_ERROR(ReadVehicles(rd, doc, p, depot_index));
  const size_t n = points.size();
  if (doc.contains("distance")) {
    ASSIGN_OR_RETURN(p.distance, ReadMatrix(doc["distance"], "distance", n));
    if (doc.contains("duration")) {
      ASSIGN_OR_RETURN(p.duration, ReadMatrix(doc["duration"], "duration", n));
    }
  } else {
    ASSIGN_OR_RETURN(const double road, rd.Get<double>(doc, "", "road_factor", 1.3));
    ASSIGN_OR_RETURN(const double speed, rd.Get<double>(doc, "", "speed_kmh", 40));
    // Bounds keep the derived matrix (metres and seconds, rounded to int64) well defined.
    if (!(road > 0 && road <= 10)) return Error::Invalid("road_factor", "must be in (0, 10]");
    if (!(speed >= 1 && speed <= 300)) return Error::Invalid("speed_kmh", "must be in [1, 300]");
    for (size_t i = 0; i < points.size(); ++i) {
      if (!(std::fabs(points[i].lat) <= 90 && std::fabs(points[i].lon) <= 180))
        return Error::Invalid("lat/lon", "coordinates out of range at node " + std::to_string(i));
    }
    SetMatrixFromCoordinates(p, points, road, speed);
  }
  RETURN_IF_ERROR(Validate(p));
  return p;
}

Result<Problem> ReadProblemJsonFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::Invalid("json", "cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseProblemJson(ss.str());
}

std::string ProblemToJson(const Problem& p) {
  json doc = {{"num_dims", p.num_dims}};
  for (const Depot& d : p.depots)
    doc["depots"].push_back({{"id", d.id}, {"window", WindowJson(d.window)}});
  for (const Stop& s : p.stops) {
    doc["stops"].push_back({{"id", s.id},
                            {"delivery", LoadJson(s.delivery, p.num_dims)},
                            {"pickup", LoadJson(s.pickup, p.num_dims)},
                            {"service_time", s.service_time},
                            {"window", WindowJson(s.window)},
                            {"unserved_penalty", s.unserved_penalty}});
  }
  for (const Vehicle& v : p.vehicles) {
    json j = {{"id", v.id},
              {"start_depot", p.depots[v.start_depot].id},
              {"end_depot", p.depots[v.end_depot].id},
              {"capacity", LoadJson(v.capacity, p.num_dims)},
              {"shift", WindowJson(v.shift)},
              {"fixed_cost", v.fixed_cost},
              {"cost_per_km", v.cost_per_distance * 1000.0},
              {"cost_per_hour", v.cost_per_duration * 3600.0}};
    if (v.max_duration < kNoLimit) j["max_duration"] = v.max_duration;
    doc["vehicles"].push_back(j);
  }
  const size_t n = static_cast<size_t>(p.num_nodes());
  for (size_t i = 0; i < n; ++i) {
    doc["distance"].push_back(
        std::vector<int64_t>(p.distance.begin() + i * n, p.distance.begin() + (i + 1) * n));
    if (!p.duration.empty()) {
      doc["duration"].push_back(
          std::vector<int64_t>(p.duration.begin() + i * n, p.duration.begin() + (i + 1) * n));
    }
  }
  return doc.dump(1);
}

std::string SolutionToJson(const Problem& p, const Solution& s) {
  json doc = {{"feasible", s.feasible},
              {"total_distance", s.total_distance},
              {"cost",
               {{"total", s.cost.total()},
                {"fixed", s.cost.fixed},
                {"distance", s.cost.distance},
                {"duration", s.cost.duration},
                {"unserved", s.cost.unserved}}},
              {"routes", json::array()},
              {"unserved", json::array()}};
  for (const Route& r : s.routes) {
    json route = {{"vehicle", p.vehicles[r.vehicle].id},
                  {"departure", r.departure},
                  {"return", r.return_time},
                  {"distance", r.distance},
                  {"duration", r.duration},
                  {"cost", r.cost},
                  {"start_load", LoadJson(r.start_load, p.num_dims)},
                  {"visits", json::array()}};
    for (const Visit& v : r.visits) {
      route["visits"].push_back({{"stop", p.stops[v.stop].id},
                                 {"arrival", v.arrival},
                                 {"service_start", v.service_start},
                                 {"load_after", LoadJson(v.load_after, p.num_dims)}});
    }
    doc["routes"].push_back(route);
  }
  for (int u : s.unserved) doc["unserved"].push_back(p.stops[u].id);
  return doc.dump(2);
}

}  // namespace ruralec::routing
