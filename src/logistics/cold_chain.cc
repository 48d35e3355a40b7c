// The cold-chain resources' rules (cold_chain.h contract): the kinds dictionary, temperatures in
// tenths of a degree, where a resource sits, permission and scope, the audit entry in the same
// transaction as each change.
#include "logistics/cold_chain.h"

#include "account/stamp.h"
#include "core/validate.h"
#include "logistics/cold_chain_store.h"
#include "logistics/network_store.h"
#include "region/region.h"
#include "settings/settings.h"

namespace ruralec::logistics {
namespace {

using account::AuditOf;
using account::StampOf;

constexpr char kDict[] = "logistics_cold_kinds";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of a kind given by value or label: built-in, or the county's own (a disabled one
// only when it is `current`, the kind the resource already has).
Result<std::string> ParseColdKind(storage::Connection& conn, const RegionCode& county,
                                  std::string_view text, const std::string& current) {
  if (text.empty()) return Error::Invalid("kind", "冷链资源类型不能为空");
  for (const auto& k : BuiltinColdKinds()) {
    if (text == k.value || text == k.label) return k.value;
  }
  ASSIGN_OR_RETURN(auto own, settings::CountyEntries(conn, county.county(), kDict));
  for (const auto& e : own) {
    if (text != e.value && text != e.label) continue;
    if (e.disabled && e.value != current)
      return Error::Invalid("kind", "冷链资源类型“" + e.label + "”已停用");
    return e.value;
  }
  return Error::Invalid("kind",
                        "冷链资源类型“" + std::string(text) +
                            "”不在字典中（冷库、气调库、预冷库，或县级人员在字典中添加的）");
}

Result<std::string> KindLabel(storage::Connection& conn, const RegionCode& county,
                              const std::string& value) {
  for (const auto& k : BuiltinColdKinds()) {
    if (value == k.value) return k.label;
  }
  ASSIGN_OR_RETURN(auto own, settings::CountyEntries(conn, county.county(), kDict));
  for (const auto& e : own) {
    if (value == e.value) return e.label;
  }
  return value;
}

Status NeedEdit(const account::Principal& who) {
  if (!who.Can("logistics:network:edit")) return Error::Forbidden("没有维护物流网络的权限");
  return {};
}

Status NeedRead(const account::Principal& who) {
  if (!who.Can("logistics:network:read")) return Error::Forbidden("没有查看物流网络的权限");
  return {};
}

// Where the resource sits: the node's region at a node, else a region in scope at county level
// or below (default the editor's).
Status CheckPlace(storage::Connection& conn, const account::Principal& who, ColdResourceInput& in) {
  if (in.node_id) {
    auto n = store::GetNode(conn, *in.node_id);
    if (!n.ok() && n.error().code != ErrorCode::kNotFound) return n.take_error();
    if (!n.ok() || !who.InScope(n->region))
      return Error::Invalid("node_id", "所在网点不存在或不在您的管辖范围内");
    if (!in.region.empty() && in.region != n->region)
      return Error::Invalid("region_code", "区划应与所在网点的区划一致（可不填）");
    in.region = n->region;
    return {};
  }
  if (in.region.empty()) in.region = who.region;
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  if (in.region.level() < RegionLevel::kCounty)
    return Error::Invalid("region_code", "冷链资源应属于县级或以下区划");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, in.region));
  if (!exists) return Error::Invalid("region_code", "区划 " + in.region.str() + " 不存在");
  return {};
}

Status Normalize(storage::Connection& conn, const account::Principal& who, ColdResourceInput& in,
                 const std::string& current_kind) {
  RETURN_IF_ERROR(CheckPlace(conn, who, in));
  ASSIGN_OR_RETURN(in.kind, ParseColdKind(conn, in.region, in.kind, current_kind));
  ASSIGN_OR_RETURN(in.name, validate::ValidateText(in.name, {"name", "名称", 100, false}));
  ASSIGN_OR_RETURN(in.operator_name,
                   validate::ValidateText(in.operator_name, {"operator", "运营单位", 100, true}));
  if (in.capacity_tonnes < 1 || in.capacity_tonnes > kMaxColdTonnes)
    return Error::Invalid("capacity_tonnes", "库容应为 1 到 10000000 之间的整数（吨）");
  if (in.temp_min < kMinTenths || in.temp_min > kMaxTenths)
    return Error::Invalid("temp_min", "最低温度应在 -60.0 到 30.0 ℃ 之间");
  if (in.temp_max < kMinTenths || in.temp_max > kMaxTenths)
    return Error::Invalid("temp_max", "最高温度应在 -60.0 到 30.0 ℃ 之间");
  if (in.temp_min > in.temp_max) return Error::Invalid("temp_max", "最高温度不能低于最低温度");
  return {};
}

// Reads: the resource's region inside the caller's scope or an area above it; another town's
// is "not found".
Result<ColdResource> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  auto c = store::GetColdResource(conn, id);
  if (!c.ok() && c.error().code != ErrorCode::kNotFound) return c.take_error();
  if (!c.ok() || !who.CanSee(c->region))
    return Error::NotFound("冷链资源 " + std::to_string(id) + " 不存在");
  return c;
}

// Names for one page: regions in one batch, the kinds' labels, the nodes in one batch.
Status Decorate(storage::Connection& conn, std::vector<ColdResource>& items) {
  std::vector<std::string> codes;
  std::vector<int64_t> node_ids;
  for (const auto& c : items) {
    codes.push_back(c.region.str());
    if (c.node_id) node_ids.push_back(*c.node_id);
  }
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  ASSIGN_OR_RETURN(auto nodes, store::NodesByIds(conn, node_ids));
  for (auto& c : items) {
    if (auto it = names.find(c.region.str()); it != names.end()) c.region_name = it->second;
    if (c.node_id) {
      if (auto it = nodes.find(*c.node_id); it != nodes.end()) c.node_name = it->second.name;
    }
    ASSIGN_OR_RETURN(c.kind_label, KindLabel(conn, c.region, c.kind));
  }
  return {};
}

Result<ColdResource> Decorated(storage::Connection& conn, ColdResource c) {
  std::vector<ColdResource> one{std::move(c)};
  RETURN_IF_ERROR(Decorate(conn, one));
  return std::move(one.front());
}

std::string Detail(const ColdResourceInput& in) {
  return "kind=" + in.kind + " name=" + in.name + " region=" + in.region.str() +
         (in.node_id ? " node=" + std::to_string(*in.node_id) : "") +
         " tonnes=" + std::to_string(in.capacity_tonnes) + " temp=" + FormatTenths(in.temp_min) +
         ".." + FormatTenths(in.temp_max) + (in.active ? "" : " retired");
}

}  // namespace

const std::vector<ColdKind>& BuiltinColdKinds() {
  static const std::vector<ColdKind> kinds = {
      {"cold_store", "冷库"}, {"ca_store", "气调库"}, {"precooling", "预冷库"}};
  return kinds;
}

Result<int> ParseTenths(std::string_view t, std::string_view field) {
  const std::string f(field);
  auto bad = [&] {
    return Error::Invalid(f, "温度应为 -60.0 到 30.0 之间的摄氏度数，最多1位小数，如 -18 或 4.5");
  };
  size_t i = 0;
  bool negative = false;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) negative = t[i++] == '-';
  int whole = 0, digits = 0;
  for (; i < t.size() && IsDigit(t[i]); ++i, ++digits) {
    if (digits >= 3) return bad();
    whole = whole * 10 + (t[i] - '0');
  }
  if (digits == 0) return bad();
  int tenth = 0;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (i >= t.size() || !IsDigit(t[i])) return bad();
    tenth = t[i++] - '0';
    while (i < t.size() && t[i] == '0') ++i;  // "4.50" is 4.5; "4.55" is refused below
  }
  if (i != t.size()) return bad();
  int v = (whole * 10 + tenth) * (negative ? -1 : 1);
  if (v < kMinTenths || v > kMaxTenths) return bad();
  return v;
}

std::string FormatTenths(int tenths) {
  int a = tenths < 0 ? -tenths : tenths;
  return (tenths < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10);
}

Result<ColdResource> CreateColdResource(const Deps& d, const account::Principal& who,
                                        const ColdResourceInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  ColdResourceInput in = input;
  auto conn = d.db.Acquire();
  return storage::InTransaction<ColdResource>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ColdResource> {
        RETURN_IF_ERROR(Normalize(*conn, who, in, ""));
        ASSIGN_OR_RETURN(bool taken, store::ColdNameTaken(*conn, in.region.county(), in.name, 0));
        if (taken) return Error::Conflict("本县已有名为“" + in.name + "”的冷链资源", "name");
        ASSIGN_OR_RETURN(int64_t id,
                         store::InsertColdResource(*conn, in, StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "logistics.cold_resource.create",
                                                      "logistics_cold_resource", id, Detail(in))));
        ASSIGN_OR_RETURN(ColdResource c, store::GetColdResource(*conn, id));
        return Decorated(*conn, std::move(c));
      });
}

Result<ColdResource> UpdateColdResource(const Deps& d, const account::Principal& who, int64_t id,
                                        const ColdResourceInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  ColdResourceInput in = input;
  auto conn = d.db.Acquire();
  return storage::InTransaction<ColdResource>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ColdResource> {
        ASSIGN_OR_RETURN(ColdResource cur, Visible(*conn, who, id));
        if (!who.InScope(cur.region)) return Error::Forbidden("该冷链资源不在您的管辖范围内");
        if (!in.node_id && in.region.empty()) in.region = cur.region;
        RETURN_IF_ERROR(Normalize(*conn, who, in, cur.kind));
        if (cur.region.county() != in.region.county())
          return Error::Invalid(in.node_id ? "node_id" : "region_code", "冷链资源不能移到其他县");
        ASSIGN_OR_RETURN(bool taken, store::ColdNameTaken(*conn, in.region.county(), in.name, id));
        if (taken) return Error::Conflict("本县已有名为“" + in.name + "”的冷链资源", "name");
        RETURN_IF_ERROR(store::UpdateColdResource(*conn, id, in, StampOf(who, d.clock.NowMs())));
        RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "logistics.cold_resource.update",
                                                      "logistics_cold_resource", id, Detail(in))));
        ASSIGN_OR_RETURN(ColdResource c, store::GetColdResource(*conn, id));
        return Decorated(*conn, std::move(c));
      });
}

Result<ColdResource> GetColdResource(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(ColdResource c, Visible(*conn, who, id));
  return Decorated(*conn, std::move(c));
}

Result<Page<ColdResource>> ListColdResources(const Deps& d, const account::Principal& who,
                                             ColdResourceFilter f, const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  if (!f.kind.empty()) {
    ASSIGN_OR_RETURN(f.kind, ParseColdKind(*conn, f.region, f.kind, f.kind));
  }
  ASSIGN_OR_RETURN(Page<ColdResource> p, store::ListColdResources(*conn, f, page));
  RETURN_IF_ERROR(Decorate(*conn, p.items));
  return p;
}

Result<bool> KnownColdKind(storage::Connection& conn, const RegionCode& region,
                           const std::string& value) {
  for (const auto& k : BuiltinColdKinds()) {
    if (value == k.value) return true;
  }
  if (region.empty() || region.level() < RegionLevel::kCounty) return false;
  ASSIGN_OR_RETURN(auto own, settings::CountyEntries(conn, region.county(), kDict));
  for (const auto& e : own) {
    if (value == e.value) return true;
  }
  return false;
}

Result<int64_t> ColdCapacityTonnes(storage::Connection& conn, const RegionCode& region,
                                   const std::string& kind, int64_t end_ms) {
  return store::SumColdTonnes(conn, region, kind, end_ms);
}

}  // namespace ruralec::logistics
