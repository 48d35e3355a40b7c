// The network's rules (network.h contract): permission and scope, field checks, the audit entry
// in the same transaction as each change.
#include "logistics/network.h"

#include <algorithm>
#include <set>

#include "account/stamp.h"
#include "core/validate.h"
#include "logistics/network_store.h"
#include "region/region.h"
#include "station/station.h"

namespace ruralec::logistics {
namespace {

using account::AuditOf;
using account::StampOf;

constexpr size_t kMaxCode = 40, kMaxName = 100, kMaxAddress = 200, kMaxStops = 200;
constexpr int64_t kMaxCapacity = 100'000'000;

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

Status NeedEdit(const account::Principal& who) {
  if (!who.Can("logistics:network:edit")) return Error::Forbidden("没有维护物流网络的权限");
  return {};
}

Status NeedRead(const account::Principal& who) {
  if (!who.Can("logistics:network:read")) return Error::Forbidden("没有查看物流网络的权限");
  return {};
}

Status CheckCapacity(const std::optional<int64_t>& v, const char* field) {
  if (v && (*v < 0 || *v > kMaxCapacity))
    return Error::Invalid(field, "容量应为 0 到 100000000 之间的整数");
  return {};
}

// The region exists at the node's level and lies in the editor's scope.
Status CheckNodeRegion(storage::Connection& conn, const account::Principal& who,
                       const NodeInput& in) {
  if (in.region.empty()) return Error::Invalid("region_code", "区划代码不能为空");
  RegionLevel l = in.region.level();
  bool ok = in.level == NodeLevel::kCountyCentre
                ? (l == RegionLevel::kCounty || l == RegionLevel::kCity)
            : in.level == NodeLevel::kTownHub ? l == RegionLevel::kTown
                                              : l == RegionLevel::kVillage;
  if (!ok)
    return Error::Invalid("region_code", in.level == NodeLevel::kCountyCentre
                                             ? "县级物流配送中心的区划应为县（区）或市"
                                         : in.level == NodeLevel::kTownHub
                                             ? "镇级快递物流中转站的区划应为乡镇（街道）"
                                             : "村级物流服务点的区划应为行政村（社区）");
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, in.region));
  if (!exists) return Error::Invalid("region_code", "区划 " + in.region.str() + " 不存在");
  return {};
}

Status CheckCarriers(storage::Connection& conn, const RegionCode& region,
                     std::vector<std::string>& carriers) {
  if (carriers.size() > 30) return Error::Invalid("carriers", "最多30项");
  std::vector<std::string> out;
  for (const auto& c : carriers) {
    ASSIGN_OR_RETURN(std::string v, ParseCarrier(conn, region, c, "carriers"));
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  carriers = std::move(out);
  return {};
}

// A linked station: visible to the editor (the station module's rule) and in the node's village.
Status CheckStation(const Deps& d, const account::Principal& who, const NodeInput& in) {
  if (!in.station_id) return {};
  if (in.level != NodeLevel::kVillagePoint)
    return Error::Invalid("station_id", "只有村级物流服务点可以关联服务站点");
  station::Deps sd{d.db, d.audit, d.clock, d.cipher};
  auto s = station::Get(sd, who, *in.station_id);
  if (!s.ok() &&
      (s.error().code == ErrorCode::kNotFound || s.error().code == ErrorCode::kForbidden))
    return Error::Invalid("station_id", "服务站点 " + std::to_string(*in.station_id) + " 不存在");
  if (!s.ok()) return s.take_error();
  if (s->region != in.region)
    return Error::Invalid("station_id", "服务站点“" + s->name + "”不在该网点所在的村");
  return {};
}

Status NormalizeNode(storage::Connection& conn, const account::Principal& who, NodeInput& in) {
  RETURN_IF_ERROR(CheckNodeRegion(conn, who, in));
  ASSIGN_OR_RETURN(in.code, Text(in.code, "code", "网点编码", kMaxCode, false));
  if (in.code.find(',') != std::string::npos) return Error::Invalid("code", "网点编码不能包含逗号");
  ASSIGN_OR_RETURN(in.name, Text(in.name, "name", "网点名称", kMaxName, false));
  ASSIGN_OR_RETURN(in.address, Text(in.address, "address", "地址", kMaxAddress, true));
  RETURN_IF_ERROR(CheckCapacity(in.capacity_parcels, "capacity_parcels"));
  return CheckCarriers(conn, in.region, in.carriers);
}

Status Decorate(const Deps& d, storage::Connection& conn, const account::Principal& who, Node& n) {
  if (auto r = region::Get(conn, n.region); r.ok()) n.region_name = r->name;
  if (n.station_id) {
    station::Deps sd{d.db, d.audit, d.clock, d.cipher};
    if (auto s = station::Get(sd, who, *n.station_id); s.ok()) n.station_name = s->name;
  }
  return {};
}

// Reads: the node's region inside the caller's scope or an area above it (a town clerk sees the
// county centre); writes (`write`): inside the scope.
Result<Node> VisibleNode(storage::Connection& conn, const account::Principal& who, int64_t id,
                         bool write = false) {
  auto n = store::GetNode(conn, id);
  if (!n.ok() && n.error().code != ErrorCode::kNotFound) return n.take_error();
  if (!n.ok() || !who.CanSee(n->region))
    return Error::NotFound("网点 " + std::to_string(id) + " 不存在");
  if (write && !who.InScope(n->region)) return Error::Forbidden("该网点不在您的管辖范围内");
  return n;
}

std::string NodeDetail(const NodeInput& in) {
  return "code=" + in.code + " level=" + NodeLevelName(in.level) + " region=" + in.region.str() +
         (in.station_id ? " station=" + std::to_string(*in.station_id) : "");
}

Result<RegionCode> Scope(const account::Principal& who, RegionCode region) {
  if (region.empty()) return who.region;
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  return region;
}

}  // namespace

// ---- nodes ----

Result<Node> CreateNode(const Deps& d, const account::Principal& who, const NodeInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  NodeInput in = input;
  {
    auto conn = d.db.Acquire();
    RETURN_IF_ERROR(NormalizeNode(*conn, who, in));
  }
  RETURN_IF_ERROR(CheckStation(d, who, in));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Node>(*conn, storage::TxMode::kWrite, [&]() -> Result<Node> {
    ASSIGN_OR_RETURN(bool taken, store::NodeCodeTaken(*conn, in.region.county(), in.code, 0));
    if (taken) return Error::Conflict("本县已有编码为 " + in.code + " 的网点", "code");
    ASSIGN_OR_RETURN(int64_t id, store::InsertNode(*conn, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditOf(who, "logistics.node.create", "logistics_node", id, NodeDetail(in))));
    ASSIGN_OR_RETURN(Node n, store::GetNode(*conn, id));
    RETURN_IF_ERROR(Decorate(d, *conn, who, n));
    return n;
  });
}

Result<Node> UpdateNode(const Deps& d, const account::Principal& who, int64_t id,
                        const NodeInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  NodeInput in = input;
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(Node cur, VisibleNode(*conn, who, id, true));
    (void)cur;
    RETURN_IF_ERROR(NormalizeNode(*conn, who, in));
  }
  RETURN_IF_ERROR(CheckStation(d, who, in));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Node>(*conn, storage::TxMode::kWrite, [&]() -> Result<Node> {
    ASSIGN_OR_RETURN(Node cur, VisibleNode(*conn, who, id, true));
    if (cur.region.county() != in.region.county())
      return Error::Invalid("region_code", "网点不能移到其他县");
    ASSIGN_OR_RETURN(bool taken, store::NodeCodeTaken(*conn, in.region.county(), in.code, id));
    if (taken) return Error::Conflict("本县已有编码为 " + in.code + " 的网点", "code");
    RETURN_IF_ERROR(store::UpdateNode(*conn, id, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditOf(who, "logistics.node.update", "logistics_node", id, NodeDetail(in))));
    ASSIGN_OR_RETURN(Node n, store::GetNode(*conn, id));
    RETURN_IF_ERROR(Decorate(d, *conn, who, n));
    return n;
  });
}

Result<Node> GetNode(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Node n, VisibleNode(*conn, who, id));
  RETURN_IF_ERROR(Decorate(d, *conn, who, n));
  return n;
}

Result<Page<Node>> ListNodes(const Deps& d, const account::Principal& who, NodeFilter f,
                             const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  ASSIGN_OR_RETURN(f.region, Scope(who, f.region));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Node> p, store::ListNodes(*conn, f, page));
  std::vector<std::string> codes;
  for (const auto& n : p.items) codes.push_back(n.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(*conn, codes));
  for (auto& n : p.items) {
    if (auto it = names.find(n.region.str()); it != names.end()) n.region_name = it->second;
  }
  return p;
}

// ---- vehicles ----

namespace {

Status NormalizeVehicle(storage::Connection& conn, const account::Principal& who,
                        VehicleInput& in) {
  if (in.region.empty()) in.region = who.region;
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  if (in.region.level() < RegionLevel::kCounty)
    return Error::Invalid("region_code", "车辆应属于县级或以下区划");
  ASSIGN_OR_RETURN(in.plate, Text(in.plate, "plate", "车牌号", 20, false));
  ASSIGN_OR_RETURN(in.owner, Text(in.owner, "owner", "所属单位", kMaxName, true));
  RETURN_IF_ERROR(CheckCapacity(in.capacity_parcels, "capacity_parcels"));
  RETURN_IF_ERROR(CheckCapacity(in.capacity_kg, "capacity_kg"));
  RETURN_IF_ERROR(CheckCapacity(in.capacity_litres, "capacity_litres"));
  if (in.home_node_id) {
    auto n = store::GetNode(conn, *in.home_node_id);
    if (!n.ok() || n->region.county() != in.region.county() || !who.InScope(n->region))
      return Error::Invalid("home_node_id", "停靠网点不存在或不在您的管辖范围内");
  }
  return {};
}

Result<Vehicle> VisibleVehicle(storage::Connection& conn, const account::Principal& who,
                               int64_t id) {
  auto v = store::GetVehicle(conn, id);
  if (!v.ok() && v.error().code != ErrorCode::kNotFound) return v.take_error();
  if (!v.ok() || !who.CanSee(v->region))
    return Error::NotFound("车辆 " + std::to_string(id) + " 不存在");
  return v;
}

}  // namespace

Result<Vehicle> CreateVehicle(const Deps& d, const account::Principal& who,
                              const VehicleInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  VehicleInput in = input;
  auto conn = d.db.Acquire();
  return storage::InTransaction<Vehicle>(*conn, storage::TxMode::kWrite, [&]() -> Result<Vehicle> {
    RETURN_IF_ERROR(NormalizeVehicle(*conn, who, in));
    ASSIGN_OR_RETURN(bool taken, store::PlateTaken(*conn, in.region.county(), in.plate, 0));
    if (taken) return Error::Conflict("本县已登记车牌 " + in.plate, "plate");
    ASSIGN_OR_RETURN(int64_t id, store::InsertVehicle(*conn, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "logistics.vehicle.create",
                                                  "logistics_vehicle", id, "plate=" + in.plate)));
    return store::GetVehicle(*conn, id);
  });
}

Result<Vehicle> UpdateVehicle(const Deps& d, const account::Principal& who, int64_t id,
                              const VehicleInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  VehicleInput in = input;
  auto conn = d.db.Acquire();
  return storage::InTransaction<Vehicle>(*conn, storage::TxMode::kWrite, [&]() -> Result<Vehicle> {
    ASSIGN_OR_RETURN(Vehicle cur, VisibleVehicle(*conn, who, id));
    if (!who.InScope(cur.region)) return Error::Forbidden("该车辆不在您的管辖范围内");
    if (in.region.empty()) in.region = cur.region;
    RETURN_IF_ERROR(NormalizeVehicle(*conn, who, in));
    if (cur.region.county() != in.region.county())
      return Error::Invalid("region_code", "车辆不能移到其他县");
    ASSIGN_OR_RETURN(bool taken, store::PlateTaken(*conn, in.region.county(), in.plate, id));
    if (taken) return Error::Conflict("本县已登记车牌 " + in.plate, "plate");
    RETURN_IF_ERROR(store::UpdateVehicle(*conn, id, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "logistics.vehicle.update",
                                                  "logistics_vehicle", id, "plate=" + in.plate)));
    return store::GetVehicle(*conn, id);
  });
}

Result<Vehicle> GetVehicle(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return VisibleVehicle(*conn, who, id);
}

Result<Page<Vehicle>> ListVehicles(const Deps& d, const account::Principal& who, RegionCode region,
                                   const std::string& q, const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  ASSIGN_OR_RETURN(region, Scope(who, region));
  auto conn = d.db.Acquire();
  return store::ListVehicles(*conn, region, q, page);
}

// ---- lines ----

namespace {

// The origin and the stops: existing, active, in the county, of the kind's levels, distinct.
Result<Node> CheckLineNodes(storage::Connection& conn, const account::Principal& who,
                            const LineInput& in) {
  auto from = store::GetNode(conn, in.from_node_id);
  if (!from.ok() || !who.InScope(from->region))
    return Error::Invalid("from_node_id", "起点网点不存在或不在您的管辖范围内");
  NodeLevel want_from =
      in.kind == LineKind::kTrunk ? NodeLevel::kCountyCentre : NodeLevel::kTownHub;
  NodeLevel want_stop =
      in.kind == LineKind::kTrunk ? NodeLevel::kTownHub : NodeLevel::kVillagePoint;
  if (from->level != want_from)
    return Error::Invalid("from_node_id", in.kind == LineKind::kTrunk
                                              ? "主干线的起点应为县级物流配送中心"
                                              : "支线的起点应为镇级快递物流中转站");
  if (in.stop_node_ids.empty()) return Error::Invalid("stops", "线路至少有一个停靠网点");
  if (in.stop_node_ids.size() > kMaxStops) return Error::Invalid("stops", "停靠网点最多200个");
  std::set<int64_t> seen;
  ASSIGN_OR_RETURN(auto nodes, store::NodesByIds(conn, in.stop_node_ids));
  for (int64_t id : in.stop_node_ids) {
    auto it = nodes.find(id);
    if (it == nodes.end() || it->second.region.county() != from->region.county() ||
        !who.CanSee(it->second.region))
      return Error::Invalid("stops", "停靠网点 " + std::to_string(id) + " 不存在");
    if (it->second.level != want_stop)
      return Error::Invalid("stops", "“" + it->second.name + "”不是" + NodeLevelLabel(want_stop));
    if (!it->second.active) return Error::Invalid("stops", "“" + it->second.name + "”已停用");
    if (!seen.insert(id).second || id == in.from_node_id)
      return Error::Invalid("stops", "“" + it->second.name + "”重复");
  }
  return *from;
}

Status NormalizeLine(storage::Connection& conn, const account::Principal& who, LineInput& in,
                     RegionCode& region) {
  ASSIGN_OR_RETURN(in.code, Text(in.code, "code", "线路编码", kMaxCode, false));
  ASSIGN_OR_RETURN(in.name, Text(in.name, "name", "线路名称", kMaxName, false));
  ASSIGN_OR_RETURN(in.weekdays, ParseWeekdays(in.weekdays));
  if (in.departure_min && (*in.departure_min < 0 || *in.departure_min >= 24 * 60))
    return Error::Invalid("departure", "发车时间应在 00:00 到 23:59 之间");
  ASSIGN_OR_RETURN(Node from, CheckLineNodes(conn, who, in));
  region = from.region;
  if (in.vehicle_id) {
    auto v = store::GetVehicle(conn, *in.vehicle_id);
    if (!v.ok() || v->region.county() != region.county() || !who.InScope(v->region))
      return Error::Invalid("vehicle_id", "车辆不存在或不在您的管辖范围内");
  }
  return {};
}

Status NameLine(storage::Connection& conn, Line& l) {
  auto from = store::GetNode(conn, l.from_node_id);
  if (from.ok()) l.from_node_name = from->name;
  return {};
}

Result<Line> VisibleLine(storage::Connection& conn, const account::Principal& who, int64_t id) {
  auto l = store::GetLine(conn, id);
  if (!l.ok() && l.error().code != ErrorCode::kNotFound) return l.take_error();
  if (!l.ok() || !who.CanSee(l->region))
    return Error::NotFound("线路 " + std::to_string(id) + " 不存在");
  RETURN_IF_ERROR(NameLine(conn, *l));
  return l;
}

std::string LineDetail(const LineInput& in) {
  return "code=" + in.code + " kind=" + LineKindName(in.kind) + " weekdays=" + in.weekdays +
         " stops=" + std::to_string(in.stop_node_ids.size());
}

}  // namespace

Result<Line> CreateLine(const Deps& d, const account::Principal& who, const LineInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  LineInput in = input;
  auto conn = d.db.Acquire();
  return storage::InTransaction<Line>(*conn, storage::TxMode::kWrite, [&]() -> Result<Line> {
    RegionCode region;
    RETURN_IF_ERROR(NormalizeLine(*conn, who, in, region));
    ASSIGN_OR_RETURN(bool taken, store::LineCodeTaken(*conn, region.county(), in.code, 0));
    if (taken) return Error::Conflict("本县已有编码为 " + in.code + " 的线路", "code");
    ASSIGN_OR_RETURN(int64_t id,
                     store::InsertLine(*conn, in, region, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditOf(who, "logistics.line.create", "logistics_line", id, LineDetail(in))));
    ASSIGN_OR_RETURN(Line l, store::GetLine(*conn, id));
    RETURN_IF_ERROR(NameLine(*conn, l));
    return l;
  });
}

Result<Line> UpdateLine(const Deps& d, const account::Principal& who, int64_t id,
                        const LineInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  LineInput in = input;
  auto conn = d.db.Acquire();
  return storage::InTransaction<Line>(*conn, storage::TxMode::kWrite, [&]() -> Result<Line> {
    ASSIGN_OR_RETURN(Line cur, VisibleLine(*conn, who, id));
    if (!who.InScope(cur.region)) return Error::Forbidden("该线路不在您的管辖范围内");
    RegionCode region;
    RETURN_IF_ERROR(NormalizeLine(*conn, who, in, region));
    if (cur.region.county() != region.county())
      return Error::Invalid("from_node_id", "线路不能移到其他县");
    ASSIGN_OR_RETURN(bool taken, store::LineCodeTaken(*conn, region.county(), in.code, id));
    if (taken) return Error::Conflict("本县已有编码为 " + in.code + " 的线路", "code");
    RETURN_IF_ERROR(store::UpdateLine(*conn, id, in, region, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(
        *conn, AuditOf(who, "logistics.line.update", "logistics_line", id, LineDetail(in))));
    ASSIGN_OR_RETURN(Line l, store::GetLine(*conn, id));
    RETURN_IF_ERROR(NameLine(*conn, l));
    return l;
  });
}

Result<Line> GetLine(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return VisibleLine(*conn, who, id);
}

Result<Page<Line>> ListLines(const Deps& d, const account::Principal& who, LineFilter f,
                             const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  ASSIGN_OR_RETURN(f.region, Scope(who, f.region));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Line> p, store::ListLines(*conn, f, page));
  for (auto& l : p.items) RETURN_IF_ERROR(NameLine(*conn, l));
  return p;
}

}  // namespace ruralec::logistics
