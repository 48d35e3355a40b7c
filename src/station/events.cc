// Rules of the per-event service records (events.h contract): an event is checked, written, and
// the month's figure of its item made the sum of its events, in one transaction with its audit.
#include "station/events.h"

#include <set>

#include "account/account.h"
#include "core/validate.h"
#include "households/households.h"
#include "station/events_internal.h"
#include "station/events_store.h"
#include "station/records_internal.h"
#include "station/station_store.h"

namespace ruralec::station {
namespace internal {

Status CheckEventKey(const std::optional<ServiceRecord>& cur, const RecordItem& item) {
  if (!cur || cur->source == kEventsSource) return {};
  if (cur->quantity == 0 && cur->amount_fen == 0) return {};
  return Error::Conflict("本月“" + item.label + "”已按月填报合计（" +
                             std::to_string(cur->quantity) + item.unit +
                             "），再逐笔记录会重复计数：请先将月度合计改为 0，或继续按月填报",
                         "item");
}

Result<std::vector<std::string>> CheckProducts(const std::vector<std::string>& products) {
  if (products.size() > kMaxEventProducts)
    return Error::Invalid("products", "产品最多" + std::to_string(kMaxEventProducts) + "个");
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& p : products) {
    ASSIGN_OR_RETURN(std::string name, validate::ValidateText(p, {"products", "产品名称", 50}));
    if (seen.insert(name).second) out.push_back(std::move(name));
  }
  return out;
}

Result<std::vector<int64_t>> ResolveHouseholds(storage::Connection& conn,
                                               const crypto::FieldCipher& cipher,
                                               const RegionCode& county,
                                               const std::vector<int64_t>& ids,
                                               const std::vector<std::string>& id_numbers) {
  if (ids.size() + id_numbers.size() > kMaxEventHouseholds)
    return Error::Invalid("households", "农户最多" + std::to_string(kMaxEventHouseholds) + "户");
  std::vector<int64_t> out;
  std::set<int64_t> seen;
  auto keep = [&](const std::optional<households::HouseholdRef>& h,
                  const std::string& what) -> Status {
    if (!h || !county.Contains(h->region))
      return Error::Invalid("households", "农户" + what + "未在本站点所在县登记为建档立卡户");
    if (seen.insert(h->id).second) out.push_back(h->id);
    return {};
  };
  for (int64_t id : ids) {
    ASSIGN_OR_RETURN(auto h, households::FindById(conn, id));
    RETURN_IF_ERROR(keep(h, "编号 " + std::to_string(id)));
  }
  for (const auto& n : id_numbers) {
    ASSIGN_OR_RETURN(auto h, households::FindByIdNumber(conn, cipher, n));
    RETURN_IF_ERROR(keep(h, "（身份证号第" + std::to_string(&n - id_numbers.data() + 1) + "个）"));
  }
  return out;
}

Result<ServiceRecord> SyncMonth(storage::Connection& conn, const SyncKey& key,
                                std::optional<int64_t> by, int64_t now, const std::string& reason) {
  ASSIGN_OR_RETURN(store::EventSum sum,
                   store::SumEvents(conn, key.station_id, key.period, key.item));
  if (sum.quantity > kMaxQuantity || sum.amount_fen > kMaxAmountFen)
    return Error::Invalid("quantity", "本月该项目的单笔记录合计超出月度上限（10亿、100亿元）");
  ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(conn, key.station_id, key.period));
  auto cur = current.find(key.item);
  if (cur != current.end() && cur->second.source == kEventsSource &&
      cur->second.quantity == sum.quantity && cur->second.amount_fen == sum.amount_fen)
    return cur->second;
  store::NewRecord r{key.station_id, key.region,     key.period,   key.item,
                     sum.quantity,   sum.amount_fen, kEventsSource};
  if (cur != current.end()) r.supersedes_id = cur->second.id;
  r.correction_reason = cur != current.end() ? reason : "";
  r.created_by = by;
  r.created_at = now;
  ASSIGN_OR_RETURN(int64_t id, store::PutRecord(conn, r));
  ServiceRecord out{id,           key.station_id, key.period,   key.item,
                    sum.quantity, sum.amount_fen, kEventsSource};
  out.supersedes_id = r.supersedes_id;
  out.created_by = by;
  out.correction_reason = r.correction_reason;
  out.created_at = now;
  return out;
}

bool CanImport(const account::Principal& who, const store::StationRef& s) {
  if (!who.Can("station:record:import")) return false;
  if (who.Can("station:read")) return CanWrite(who, s);
  if (!who.Can("station:read:operated")) return false;
  auto company = who.BoundTo("entity");  // the operator company: its own stations only
  return company && s.operator_entity_id && *company == *s.operator_entity_id &&
         who.region.county().Contains(s.region);
}

}  // namespace internal

namespace {

std::optional<int64_t> IdOf(const account::Principal& who) {
  return who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
}

// The station if the caller sees it and may write its records; else not found / forbidden.
Result<Station> Writable(storage::Connection& conn, const account::Principal& who, int64_t id) {
  if (!who.Can("station:record:edit")) return Error::Forbidden("没有填报站点服务记录的权限");
  ASSIGN_OR_RETURN(Station s, internal::Seen(conn, who, id));
  if (!internal::CanWrite(who, {s.id, s.region}))
    return Error::Forbidden("没有填报该站点服务记录的权限");
  return s;
}

// The checked event of `in` for station `s` and its item (everything but the month's rule).
struct CheckedEvent {
  store::NewEvent event;
  RecordItem item;
};
Result<CheckedEvent> Checked(storage::Connection& conn, const Deps& d, const Station& s,
                             const EventInput& in) {
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  ASSIGN_OR_RETURN(CivilDate on, CivilDate::Parse(in.happened_on, "happened_on"));
  RETURN_IF_ERROR(validate::PlausibleDate(on, "happened_on", today));
  if (on.ToString() < "2000-01-01") return Error::Invalid("happened_on", "日期不能早于2000年");
  ASSIGN_OR_RETURN(auto items, RecordItems(conn, s.region.county()));
  const RecordItem* item = internal::FindItem(items, in.item);
  if (!item) return Error::Invalid("item", "服务项目“" + in.item + "”不在字典中");
  RETURN_IF_ERROR(internal::CheckFigure(*item, in.quantity, in.amount_fen));
  CheckedEvent out{{s.id, s.region, on.ToString(), item->value, in.quantity, in.amount_fen}, *item};
  store::NewEvent& e = out.event;
  ASSIGN_OR_RETURN(e.products, internal::CheckProducts(in.products));
  ASSIGN_OR_RETURN(e.household_ids,
                   internal::ResolveHouseholds(conn, d.cipher, s.region.county(), in.household_ids,
                                               in.household_id_numbers));
  ASSIGN_OR_RETURN(e.note, validate::ValidateText(in.note, {"note", "备注", 200, true}));
  return out;
}

std::string Figure(const ServiceRecord& r) {
  return std::to_string(r.quantity) + "/" + std::to_string(r.amount_fen);
}

Status Audit(storage::Connection& conn, const Deps& d, const account::Principal& who,
             const char* action, const ServiceEvent& e, const ServiceRecord& month) {
  return d.audit.Append(
      conn,
      {who.ToActor(), action, "station", std::to_string(e.station_id), audit::Outcome::kSuccess,
       "event=" + std::to_string(e.id) + " date=" + e.happened_on + " " + e.item + "=" +
           std::to_string(e.quantity) + "/" + std::to_string(e.amount_fen) + " month=" + e.period +
           " " + Figure(month)});
}

Status FillName(storage::Connection& conn, std::vector<ServiceEvent>& events) {
  std::vector<int64_t> ids;
  for (const auto& e : events)
    if (e.created_by) ids.push_back(*e.created_by);
  if (ids.empty()) return {};
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  for (auto& e : events)
    if (auto it = e.created_by ? labels.find(*e.created_by) : labels.end(); it != labels.end())
      e.created_by_name = it->second.display_name;
  return {};
}

}  // namespace

Result<EventResult> RecordEvent(const Deps& d, const account::Principal& who, int64_t station_id,
                                const EventInput& in) {
  if (!who.Can("station:record:edit")) return Error::Forbidden("没有填报站点服务记录的权限");
  auto conn = d.db.Acquire();
  EventResult out;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(Station s, Writable(*conn, who, station_id));
    ASSIGN_OR_RETURN(CheckedEvent c, Checked(*conn, d, s, in));
    std::string period = c.event.happened_on.substr(0, 7);
    ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(*conn, s.id, period));
    auto cur = current.find(c.item.value);
    RETURN_IF_ERROR(internal::CheckEventKey(
        cur == current.end() ? std::nullopt : std::optional<ServiceRecord>(cur->second), c.item));
    c.event.source = "form";
    c.event.created_by = IdOf(who);
    c.event.created_at = d.clock.NowMs();
    ASSIGN_OR_RETURN(int64_t id, store::InsertEvent(*conn, c.event));
    ASSIGN_OR_RETURN(out.month, internal::SyncMonth(*conn, {s.id, s.region, period, c.item.value},
                                                    IdOf(who), c.event.created_at, "单笔记录"));
    ASSIGN_OR_RETURN(auto e, store::GetEvent(*conn, id));
    out.event = *e;
    return Audit(*conn, d, who, "station.event", out.event, out.month);
  });
  if (!st.ok()) return st.take_error();
  return out;
}

Result<EventResult> VoidEvent(const Deps& d, const account::Principal& who, int64_t station_id,
                              int64_t event_id, const std::string& reason_in) {
  if (!who.Can("station:record:edit")) return Error::Forbidden("没有填报站点服务记录的权限");
  ASSIGN_OR_RETURN(std::string reason,
                   validate::ValidateText(reason_in, {"reason", "作废原因", 200}));
  auto conn = d.db.Acquire();
  EventResult out;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(Station s, Writable(*conn, who, station_id));
    ASSIGN_OR_RETURN(auto e, store::GetEvent(*conn, event_id));
    if (!e || e->station_id != s.id)
      return Error::NotFound("服务记录 " + std::to_string(event_id) + " 不存在");
    if (e->voided_at) return Error::Conflict("该条记录已作废", "id");
    int64_t now = d.clock.NowMs();
    RETURN_IF_ERROR(store::MarkVoided(*conn, e->id, IdOf(who), now, reason));
    ASSIGN_OR_RETURN(out.month, internal::SyncMonth(*conn, {s.id, s.region, e->period, e->item},
                                                    IdOf(who), now, "作废单笔记录：" + reason));
    ASSIGN_OR_RETURN(e, store::GetEvent(*conn, event_id));
    out.event = *e;
    return Audit(*conn, d, who, "station.event.void", out.event, out.month);
  });
  if (!st.ok()) return st.take_error();
  return out;
}

Result<Page<ServiceEvent>> Events(const Deps& d, const account::Principal& who, int64_t station_id,
                                  const EventFilter& f, const PageRequest& page) {
  if (!f.period.empty()) RETURN_IF_ERROR(CheckPeriod(f.period, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Station s, internal::Seen(*conn, who, station_id));
  ASSIGN_OR_RETURN(auto p, store::ListEvents(*conn, s.id, f, page));
  RETURN_IF_ERROR(FillName(*conn, p.items));
  return p;
}

}  // namespace ruralec::station
