// Tracking (tracking.h contract).
#include "logistics/tracking.h"

#include <iterator>
#include <set>

#include "logistics/network_store.h"
#include "region/region.h"

namespace ruralec::logistics {
namespace {

Status NeedRead(const account::Principal& who) {
  if (!who.Can("logistics:parcel:read")) return Error::Forbidden("没有查看快递信息的权限");
  return {};
}

// Names of the registered nodes the events name (one batch read).
Status NameEvents(storage::Connection& conn, WaybillView& v) {
  std::vector<int64_t> ids;
  for (const auto& e : v.events) {
    if (e.event.node_id) ids.push_back(*e.event.node_id);
    if (e.event.next_node_id) ids.push_back(*e.event.next_node_id);
  }
  if (v.waybill.state_node_id) ids.push_back(*v.waybill.state_node_id);
  ASSIGN_OR_RETURN(auto nodes, store::NodesByIds(conn, ids));
  auto name = [&](const std::optional<int64_t>& id) {
    if (!id) return std::string();
    auto it = nodes.find(*id);
    return it == nodes.end() ? std::string() : it->second.name;
  };
  for (auto& e : v.events) {
    e.node_name = name(e.event.node_id);
    e.next_node_name = name(e.event.next_node_id);
  }
  v.state_node_name = name(v.waybill.state_node_id);
  return {};
}

Result<WaybillView> ViewOf(storage::Connection& conn, store::WaybillRow w) {
  WaybillView v;
  ASSIGN_OR_RETURN(v.carrier_label, CarrierLabel(conn, w.county, w.carrier));
  if (auto r = region::Get(conn, w.region); r.ok()) v.region_name = r->name;
  ASSIGN_OR_RETURN(auto events, store::Timeline(conn, w.id));
  for (auto& e : events) v.events.push_back({std::move(e), "", ""});
  v.waybill = std::move(w);
  RETURN_IF_ERROR(NameEvents(conn, v));
  return v;
}

Error NotTracked() { return Error::NotFound("未查到该运单"); }

}  // namespace

Result<WaybillView> TrackWaybill(const Deps& d, const account::Principal& who,
                                 const std::string& carrier, const std::string& number) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  RegionCode county = who.region.county();
  auto value = ParseCarrier(*conn, county, carrier);
  if (!value.ok()) return NotTracked();
  ASSIGN_OR_RETURN(auto w, store::FindWaybill(*conn, county, *value, number));
  if (!w || !who.InScope(w->region)) return NotTracked();
  return ViewOf(*conn, std::move(*w));
}

Result<WaybillView> WaybillById(const Deps& d, const account::Principal& who, int64_t id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  auto w = store::GetWaybill(*conn, id);
  if (!w.ok() && w.error().code != ErrorCode::kNotFound) return w.take_error();
  if (!w.ok() || !who.InScope(w->region)) return NotTracked();
  return ViewOf(*conn, std::move(*w));
}

Result<Page<store::WaybillRow>> ListWaybills(const Deps& d, const account::Principal& who,
                                             store::WaybillFilter f, const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  auto conn = d.db.Acquire();
  if (!f.carrier.empty()) {
    ASSIGN_OR_RETURN(f.carrier, ParseCarrier(*conn, who.region.county(), f.carrier));
  }
  return store::ListWaybills(*conn, f, page);
}

// ---- public ----

bool PublicLimiter::Over(std::map<std::string, Window>& m, const std::string& key, int limit,
                         int64_t now) {
  auto it = m.find(key);
  if (it == m.end()) return false;
  if (now - it->second.start >= kPublicWindowMs) {
    m.erase(it);
    return false;
  }
  return it->second.misses >= limit;
}

void PublicLimiter::Add(std::map<std::string, Window>& m, const std::string& key, int64_t now) {
  if (m.size() > 100'000) {  // drop the windows that are over
    for (auto it = m.begin(); it != m.end();) {
      it = now - it->second.start >= kPublicWindowMs ? m.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = m.try_emplace(key, Window{now, 0});
  if (!fresh && now - it->second.start >= kPublicWindowMs) it->second = Window{now, 0};
  ++it->second.misses;
}

Status PublicLimiter::Check(const std::string& address, const std::string& number) {
  std::lock_guard lock(mu_);
  int64_t now = clock_.NowMs();
  if (Over(by_address_, address, kPublicMissesPerAddress, now) ||
      Over(by_number_, number, kPublicMissesPerNumber, now))
    return Error{ErrorCode::kUnavailable, "查询过于频繁，请15分钟后再试", ""};
  return {};
}

void PublicLimiter::Miss(const std::string& address, const std::string& number) {
  std::lock_guard lock(mu_);
  int64_t now = clock_.NowMs();
  Add(by_address_, address, now);
  Add(by_number_, number, now);
}

Result<std::vector<WaybillView>> PublicTrack(const Deps& d, PublicLimiter& limiter,
                                             const std::string& address, const std::string& number,
                                             const std::string& phone4) {
  if (number.empty() || number.size() > 40)
    return Error::Invalid("waybill", "请填写运单号（至多40位）");
  bool digits = phone4.size() == 4 && phone4.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) return Error::Invalid("phone4", "请填写收件人手机号后四位");
  RETURN_IF_ERROR(limiter.Check(address, number));
  std::string tag = d.cipher.BlindIndex(number + "|" + phone4, "logistics_waybills.phone4");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto rows, store::ByNumberAndTag(*conn, number, tag));
  if (rows.empty()) {
    limiter.Miss(address, number);
    return NotTracked();
  }
  std::vector<WaybillView> out;
  for (auto& w : rows) {
    ASSIGN_OR_RETURN(WaybillView v, ViewOf(*conn, std::move(w)));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace ruralec::logistics
