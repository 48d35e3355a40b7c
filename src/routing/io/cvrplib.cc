#include "routing/io/cvrplib.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace ruralec::routing {
namespace {

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

struct RawNode {
  double x = 0, y = 0;
  Load delivery{}, pickup{};
  int64_t open = 0, close = kNoLimit, service = 0;
};

constexpr int64_t kMaxDimension = 100'000;
// Demands, times, coordinates and matrix entries beyond this are refused: llround is undefined
// past int64, and sums over 100,000 nodes must not overflow (found by cvrplib_fuzz).
constexpr double kMaxMagnitude = 1e12;

class Parser {
 public:
  Parser(std::istream& in, Rounding rounding) : in_(in), rounding_(rounding) {}

  Result<CvrplibInstance> Run() {
    std::string line;
    while (NextLine(line)) {
      const std::string t = Trim(line);
      if (t.empty()) continue;
      if (t == "EOF") break;
      const auto colon = t.find(':');
      const std::string key = Trim(colon == std::string::npos ? t : t.substr(0, colon));
      if (key.size() > 8 && key.substr(key.size() - 8) == "_SECTION") {
        RETURN_IF_ERROR(Section(key));
      } else if (colon != std::string::npos) {
        header_[key] = Trim(t.substr(colon + 1));
      } else {
        return Fail("unrecognised line '" + t + "'");
      }
    }
    return Build();
  }

 private:
  bool NextLine(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_no_;
    return true;
  }
  Error Fail(const std::string& msg) const {
    return Error::Invalid("vrp", "line " + std::to_string(line_no_) + ": " + msg);
  }
  Result<int64_t> HeaderInt(const std::string& key, int64_t fallback) const {
    auto it = header_.find(key);
    if (it == header_.end()) return fallback;
    size_t used = 0;
    long long v = 0;
    try {
      v = std::stoll(it->second, &used);
    } catch (...) {
    }
    // "1M-]" is not 1 (found by cvrplib_fuzz: a partial parse made CAPACITY 1).
    if (used == 0 || used != it->second.size() || std::abs(static_cast<double>(v)) > kMaxMagnitude)
      return Error::Invalid("vrp", key + " is not an integer: " + it->second);
    return static_cast<int64_t>(v);
  }
  // Reads `count` whitespace-separated rows of `cols` numbers (rows may wrap over lines).
  Result<std::vector<double>> Numbers(size_t total) {
    std::vector<double> out;
    std::string line;
    while (out.size() < total && NextLine(line)) {
      std::istringstream ss(line);
      std::string tok;
      while (ss >> tok) {
        double x = 0;
        try {
          x = std::stod(tok);
        } catch (...) {
          return Fail("expected a number, got '" + tok + "'");
        }
        if (!std::isfinite(x) || std::abs(x) > kMaxMagnitude)
          return Fail("number out of range: '" + tok + "'");
        out.push_back(x);
      }
    }
    if (out.size() != total) return Fail("section ended early or has extra values");
    return out;
  }
  Status Section(const std::string& key) {
    ASSIGN_OR_RETURN(dim_, HeaderInt("DIMENSION", -1));
    if (dim_ < 2) return Fail("DIMENSION missing or < 2 before " + key);
    // The largest published instances have ~30,000 nodes; a larger figure only reserves memory
    // (found by cvrplib_fuzz: DIMENSION 2222…2 threw std::length_error out of the reader).
    if (dim_ > kMaxDimension) return Fail("DIMENSION above " + std::to_string(kMaxDimension));
    nodes_.resize(dim_);
    const size_t n = static_cast<size_t>(dim_);
    if (key == "NODE_COORD_SECTION") {
      ASSIGN_OR_RETURN(auto v, Numbers(3 * n));
      for (size_t i = 0; i < n; ++i)
        RETURN_IF_ERROR(At(v[3 * i], [&](RawNode& r) {
          r.x = v[3 * i + 1];
          r.y = v[3 * i + 2];
        }));
      has_coords_ = true;
    } else if (key == "DEMAND_SECTION") {
      RETURN_IF_ERROR(DemandSection());
    } else if (key == "PICKUP_AND_DELIVERY_SECTION") {
      ASSIGN_OR_RETURN(auto v, Numbers(7 * n));
      for (size_t i = 0; i < n; ++i) {
        const double* r = &v[7 * i];
        RETURN_IF_ERROR(At(r[0], [&](RawNode& node) {
          node.open = std::llround(r[2]);
          node.close = std::llround(r[3]);
          node.service = std::llround(r[4]);
          node.pickup[0] = std::llround(r[5]);
          node.delivery[0] = std::llround(r[6]);
        }));
      }
    } else if (key == "TIME_WINDOW_SECTION") {
      ASSIGN_OR_RETURN(auto v, Numbers(3 * n));
      for (size_t i = 0; i < n; ++i) {
        const double* r = &v[3 * i];
        if (r[1] > r[2]) return Fail("time window opens after it closes");
        RETURN_IF_ERROR(At(r[0], [&](RawNode& node) {
          node.open = std::llround(r[1]);
          node.close = std::llround(r[2]);
        }));
      }
    } else if (key == "SERVICE_TIME_SECTION") {
      ASSIGN_OR_RETURN(auto v, Numbers(2 * n));
      for (size_t i = 0; i < n; ++i)
        RETURN_IF_ERROR(
            At(v[2 * i], [&](RawNode& node) { node.service = std::llround(v[2 * i + 1]); }));
    } else if (key == "EDGE_WEIGHT_SECTION") {
      auto fmt = header_.find("EDGE_WEIGHT_FORMAT");
      if (fmt == header_.end() || fmt->second != "FULL_MATRIX")
        return Fail("only FULL_MATRIX edge weights are supported");
      ASSIGN_OR_RETURN(auto v, Numbers(n * n));
      matrix_.resize(n * n);
      for (size_t i = 0; i < n * n; ++i) matrix_[i] = std::llround(v[i]);
    } else if (key == "DEPOT_SECTION") {
      RETURN_IF_ERROR(DepotSection());
    } else {
      return Fail("unsupported section " + key);
    }
    return {};
  }
  template <typename F>
  Status At(double id, F&& f) {
    const int64_t i = std::llround(id);
    if (i < 1 || i > dim_) return Fail("node id " + std::to_string(i) + " out of range");
    f(nodes_[i - 1]);
    return {};
  }
  // "id demand" or "id delivery pickup" per line.
  Status DemandSection() {
    std::string line;
    for (int64_t k = 0; k < dim_ && NextLine(line); ++k) {
      std::istringstream ss(line);
      std::vector<double> v;
      double x;
      while (ss >> x) {
        if (!std::isfinite(x) || std::abs(x) > kMaxMagnitude) return Fail("demand out of range");
        v.push_back(x);
      }
      if (v.size() < 2 || v.size() > 3) return Fail("expected 'id demand [pickup]'");
      RETURN_IF_ERROR(At(v[0], [&](RawNode& r) {
        r.delivery[0] = std::llround(v[1]);
        if (v.size() == 3) r.pickup[0] = std::llround(v[2]);
      }));
    }
    return {};
  }
  Status DepotSection() {
    std::string line;
    while (NextLine(line)) {
      const std::string t = Trim(line);
      if (t.empty()) continue;
      long long id = 0;
      size_t used = 0;
      try {
        id = std::stoll(t, &used);
      } catch (...) {  // found by tests/fuzz/cvrplib_fuzz: it escaped and ended the process
      }
      if (used == 0 || used != t.size()) return Fail("depot id is not an integer: " + t);
      if (id == -1) return {};
      if (depot_ >= 0) return Fail("only one depot is supported");
      if (id < 1 || id > dim_) return Fail("depot id out of range");
      depot_ = static_cast<int>(id - 1);
    }
    return Fail("DEPOT_SECTION not terminated by -1");
  }

  Result<CvrplibInstance> Build();

  // Distance of two nodes given by coordinates, in the instance's integer unit.
  int64_t Euclid(const RawNode& u, const RawNode& v) const {
    const double d = std::sqrt((u.x - v.x) * (u.x - v.x) + (u.y - v.y) * (u.y - v.y));
    return dimacs_ ? static_cast<int64_t>(10.0 * d) : std::llround(d);
  }

  std::istream& in_;
  Rounding rounding_;
  bool dimacs_ = false;
  int line_no_ = 0;
  int64_t dim_ = -1;
  int depot_ = -1;
  bool has_coords_ = false;
  std::map<std::string, std::string> header_;
  std::vector<RawNode> nodes_;
  std::vector<int64_t> matrix_;
};

Result<CvrplibInstance> Parser::Build() {
  if (nodes_.empty()) return Error::Invalid("vrp", "no nodes");
  if (depot_ < 0) depot_ = 0;
  ASSIGN_OR_RETURN(const int64_t capacity, HeaderInt("CAPACITY", -1));
  if (capacity <= 0) return Error::Invalid("vrp", "CAPACITY missing");
  ASSIGN_OR_RETURN(const int64_t max_dist, HeaderInt("DISTANCE", 0));
  ASSIGN_OR_RETURN(const int64_t service, HeaderInt("SERVICE_TIME", 0));
  dimacs_ = rounding_ == Rounding::kDimacs ||
            (rounding_ == Rounding::kAuto && header_.count("TYPE") && header_["TYPE"] == "VRPTW");
  CvrplibInstance out;
  out.name = header_.count("NAME") ? header_["NAME"] : "";
  out.scale = dimacs_ ? 10 : 1;
  const int64_t k = out.scale;
  auto scaled = [k](int64_t t) { return t >= kNoLimit / k ? kNoLimit : t * k; };
  Problem& p = out.problem;
  const RawNode& dn = nodes_[depot_];
  const TimeWindow depot_window{scaled(dn.open), scaled(dn.close)};
  p.depots.push_back(Depot{"1", depot_window});
  std::vector<int> order = {depot_};
  int64_t total = 0;
  for (int i = 0; i < static_cast<int>(nodes_.size()); ++i) {
    if (i == depot_) continue;
    const RawNode& r = nodes_[i];
    Stop s;
    s.id = std::to_string(i + 1);
    s.delivery = r.delivery;
    s.pickup = r.pickup;
    s.service_time = scaled(r.service > 0 ? r.service : service);
    s.window = TimeWindow{scaled(r.open), scaled(r.close)};
    total += std::max(r.delivery[0], r.pickup[0]);
    p.stops.push_back(s);
    order.push_back(i);
  }
  // DIMENSION may be stated again after the matrix was read (found by cvrplib_fuzz: the
  // matrix was then indexed past its end).
  if (!matrix_.empty() && matrix_.size() != nodes_.size() * nodes_.size())
    return Error::Invalid("vrp", "EDGE_WEIGHT_SECTION does not match DIMENSION");
  // Checked before the n×n allocation: a DIMENSION of 100,000 with no section behind it would
  // otherwise reserve 80 GB.
  if (matrix_.empty() && !has_coords_)
    return Error::Invalid("vrp", "neither coordinates nor an edge-weight matrix");
  const size_t n = order.size();
  p.distance.resize(n * n);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      const RawNode& u = nodes_[order[a]];
      const RawNode& v = nodes_[order[b]];
      if (!matrix_.empty()) {
        p.distance[a * n + b] = matrix_[static_cast<size_t>(order[a]) * nodes_.size() + order[b]];
      } else {
        p.distance[a * n + b] = Euclid(u, v);
      }
    }
  }
  if (has_coords_) {
    for (int i : order) p.points.push_back(GeoPoint{nodes_[i].y, nodes_[i].x});
  }
  ASSIGN_OR_RETURN(int64_t fleet, HeaderInt("VEHICLES", -1));
  if (fleet <= 0)
    fleet = static_cast<int64_t>(std::ceil(1.3 * static_cast<double>(total) / capacity)) + 3;
  // More vehicles than stops can never be used (one stop per vehicle is the most a fleet needs);
  // found by cvrplib_fuzz: demand 6.5e10 at capacity 1 asked for 8.5e10 vehicles.
  fleet = std::min<int64_t>(fleet, std::max<int64_t>(1, static_cast<int64_t>(p.stops.size())));
  for (int64_t k = 0; k < fleet; ++k) {
    Vehicle v;
    v.id = std::to_string(k + 1);
    v.capacity[0] = capacity;
    if (max_dist > 0) v.max_duration = scaled(max_dist);
    p.vehicles.push_back(v);
  }
  RETURN_IF_ERROR(Validate(p));
  return out;
}

}  // namespace

Result<CvrplibInstance> ParseCvrplib(std::istream& in, Rounding rounding) {
  return Parser(in, rounding).Run();
}

Result<CvrplibInstance> ReadCvrplibFile(const std::string& path, Rounding rounding) {
  std::ifstream in(path);
  if (!in) return Error::Invalid("vrp", "cannot open " + path);
  auto r = ParseCvrplib(in, rounding);
  if (!r.ok()) {
    Error e = r.take_error();
    e.message = path + ": " + e.message;
    return e;
  }
  return r;
}

std::string FormatSol(const Solution& s) {
  std::ostringstream out;
  int k = 0;
  for (const Route& r : s.routes) {
    out << "Route #" << ++k << ":";
    for (int stop : r.stops) out << ' ' << stop + 1;
    out << '\n';
  }
  out << "Cost " << std::llround(s.cost.total()) << '\n';
  return out.str();
}

Result<SolFile> ParseSol(std::istream& in) {
  SolFile sol;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string t = Trim(line);
    if (t.rfind("Route", 0) == 0) {
      const auto colon = t.find(':');
      if (colon == std::string::npos)
        return Error::Invalid("sol", "line " + std::to_string(line_no) + ": missing ':'");
      std::istringstream ss(t.substr(colon + 1));
      std::vector<int> route;
      long long c;
      while (ss >> c) {
        if (c < 1)
          return Error::Invalid("sol",
                                "line " + std::to_string(line_no) + ": customer must be >= 1");
        route.push_back(static_cast<int>(c - 1));
      }
      sol.routes.push_back(std::move(route));
    } else if (t.rfind("Cost", 0) == 0) {
      try {
        sol.cost = std::stoll(t.substr(4));
      } catch (...) {
        return Error::Invalid("sol", "line " + std::to_string(line_no) + ": bad cost");
      }
    }
  }
  return sol;
}

}  // namespace ruralec::routing
