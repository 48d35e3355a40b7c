// Rules of the service records (records.h contract): items, periods, figures, who may read and
// write, corrections that keep history, one audit entry per save.
#include "station/records.h"

#include <set>

#include "account/account.h"
#include "station/records_internal.h"
#include "station/records_store.h"
#include "station/station_store.h"

namespace ruralec::station {

const std::vector<RecordItem>& BuiltinRecordItems() {
  static const std::vector<RecordItem> items = {
      {"purchase", "代买", "单", true},          {kUplinkItem, "代卖（农产品上行）", "单", true},
      {"bill_payment", "生活缴费", "笔", true},  {"parcel_in", "快递代收", "件", false},
      {"parcel_out", "快递代发", "件", false},   {"finance", "金融服务", "笔", true},
      {"ticketing", "代购车票机票", "张", true}, {"group_buying", "社区团购", "单", true},
      {"mobile_topup", "话费充值", "笔", true},  {"information", "信息咨询", "人次", false},
  };
  return items;
}

Result<std::vector<RecordItem>> RecordItems(storage::Connection& conn, const RegionCode& county) {
  std::vector<RecordItem> out = BuiltinRecordItems();
  if (county.empty()) return out;
  ASSIGN_OR_RETURN(auto added, store::DictEntries(conn, county, "station_record_items"));
  for (const auto& a : added) out.push_back({a.value, a.label, "次", true, false});
  return out;
}

Status CheckPeriod(const std::string& period, CivilDate today, const std::string& field) {
  auto bad = [&] { return Error::Invalid(field, "月份应为 YYYY-MM（2000-01 至本月）: " + period); };
  if (period.size() != 7 || period[4] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (period[i] < '0' || period[i] > '9') return bad();
  int month = std::stoi(period.substr(5));
  if (month < 1 || month > 12 || period < "2000-01") return bad();
  std::string now = today.ToString().substr(0, 7);
  if (period > now) return Error::Invalid(field, "不能填报未来月份的服务记录: " + period);
  return {};
}

namespace internal {

Status CheckFigure(const RecordItem& item, int64_t quantity, int64_t amount_fen) {
  if (quantity < 0 || quantity > kMaxQuantity)
    return Error::Invalid("quantity", item.label + "的" + item.unit + "数应为 0 至 10亿 的整数");
  if (amount_fen < 0 || amount_fen > kMaxAmountFen)
    return Error::Invalid("amount", item.label + "的金额应为 0 至 100亿元");
  if (!item.has_amount && amount_fen != 0)
    return Error::Invalid("amount", item.label + "只填数量，不填金额");
  return {};
}

const RecordItem* FindItem(const std::vector<RecordItem>& items, const std::string& v) {
  for (const auto& i : items)
    if (i.value == v || i.label == v) return &i;
  return nullptr;
}

bool CanWrite(const account::Principal& who, const store::StationRef& s) {
  if (!who.Can("station:record:edit")) return false;
  if (who.Can("station:read")) return who.InScope(s.region);
  auto own = who.BoundTo("station");  // a station operator: the station bound to the account
  return who.Can("station:read:own") && own && *own == s.id;
}

Result<Station> Seen(storage::Connection& conn, const account::Principal& who, int64_t id) {
  ASSIGN_OR_RETURN(View v, ViewOf(who));
  auto s = store::Get(conn, id);
  if (!s.ok() || !v.Sees(s->region, s->id, s->operator_entity_id))
    return Error::NotFound("站点 " + std::to_string(id) + " 不存在");
  return s;
}

}  // namespace internal

namespace {

using internal::Seen;

bool Writable(const account::Principal& who, const Station& s) {
  return internal::CanWrite(who, {s.id, s.region});
}

Result<StationMonth> MonthIn(storage::Connection& conn, const account::Principal& who,
                             const Station& s, const std::string& period) {
  StationMonth m{s.id, s.name, period, Writable(who, s), {}};
  ASSIGN_OR_RETURN(auto items, RecordItems(conn, s.region.county()));
  ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(conn, s.id, period));
  for (auto& i : items) {
    auto it = current.find(i.value);
    m.items.push_back(
        {i, it == current.end() ? std::nullopt : std::optional<ServiceRecord>(it->second)});
  }
  return m;
}

std::string Figure(int64_t q, int64_t a) { return std::to_string(q) + "/" + std::to_string(a); }

// Writes the changed figures; returns the audit detail of the changes ("" when none).
Result<std::string> WriteChanges(storage::Connection& conn, const Deps& d,
                                 const account::Principal& who, const Station& s,
                                 const std::string& period, const std::vector<RecordFigure>& in,
                                 const std::string& reason) {
  ASSIGN_OR_RETURN(auto items, RecordItems(conn, s.region.county()));
  ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(conn, s.id, period));
  std::set<std::string> seen;
  std::string detail;
  for (const auto& f : in) {
    const RecordItem* item = internal::FindItem(items, f.item);
    if (!item) return Error::Invalid("item", "服务项目“" + f.item + "”不在字典中");
    if (!seen.insert(item->value).second)
      return Error::Invalid("item", "服务项目“" + item->label + "”重复");
    RETURN_IF_ERROR(internal::CheckFigure(*item, f.quantity, f.amount_fen));
    auto cur = current.find(item->value);
    bool had = cur != current.end();
    if (had && cur->second.quantity == f.quantity && cur->second.amount_fen == f.amount_fen)
      continue;
    if (had && cur->second.source == "events")  // events.h: the sum of the month's events
      return Error::Conflict(
          "本月“" + item->label + "”按单笔记录汇总，不能直接改月度合计：" + "请补录或作废单笔记录",
          "item");
    store::NewRecord r{s.id, s.region, period, item->value, f.quantity, f.amount_fen, "form"};
    if (had) r.supersedes_id = cur->second.id;
    r.correction_reason = had ? (reason.empty() ? "更正" : reason) : "";
    r.created_by = who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
    r.created_at = d.clock.NowMs();
    RETURN_IF_ERROR(store::PutRecord(conn, r));
    detail += " " + item->value + "=" + Figure(f.quantity, f.amount_fen);
    if (had) detail += "(was " + Figure(cur->second.quantity, cur->second.amount_fen) + ")";
  }
  return detail;
}

Status FillNames(storage::Connection& conn, std::vector<ServiceRecord>& records) {
  std::vector<int64_t> ids;
  for (const auto& r : records)
    if (r.created_by) ids.push_back(*r.created_by);
  if (ids.empty()) return {};
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, ids));
  for (auto& r : records) {
    if (!r.created_by) continue;
    if (auto it = labels.find(*r.created_by); it != labels.end())
      r.created_by_name = it->second.display_name;
  }
  return {};
}

}  // namespace

Result<StationMonth> Month(const Deps& d, const account::Principal& who, int64_t station_id,
                           const std::string& period) {
  RETURN_IF_ERROR(CheckPeriod(period, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Station s, Seen(*conn, who, station_id));
  ASSIGN_OR_RETURN(StationMonth m, MonthIn(*conn, who, s, period));
  for (auto& i : m.items) {
    if (!i.record) continue;
    std::vector<ServiceRecord> one{*i.record};
    RETURN_IF_ERROR(FillNames(*conn, one));
    i.record = one[0];
  }
  return m;
}

Result<StationMonth> SaveMonth(const Deps& d, const account::Principal& who, int64_t station_id,
                               const std::string& period, const std::vector<RecordFigure>& figures,
                               const std::string& reason) {
  if (!who.Can("station:record:edit")) return Error::Forbidden("没有填报站点服务记录的权限");
  RETURN_IF_ERROR(CheckPeriod(period, ShanghaiDate(d.clock.NowMs())));
  if (reason.size() > 500) return Error::Invalid("reason", "更正原因最多500字");
  auto conn = d.db.Acquire();
  StationMonth out;
  Status st = storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(Station s, Seen(*conn, who, station_id));
    if (!Writable(who, s)) return Error::Forbidden("没有填报该站点服务记录的权限");
    ASSIGN_OR_RETURN(std::string detail, WriteChanges(*conn, d, who, s, period, figures, reason));
    if (!detail.empty())
      RETURN_IF_ERROR(
          d.audit.Append(*conn, {who.ToActor(), "station.records", "station", std::to_string(s.id),
                                 audit::Outcome::kSuccess, "period=" + period + detail}));
    ASSIGN_OR_RETURN(out, MonthIn(*conn, who, s, period));
    return {};
  });
  if (!st.ok()) return st.take_error();
  return out;
}

Result<Page<ServiceRecord>> Records(const Deps& d, const account::Principal& who,
                                    int64_t station_id, const RecordFilter& f,
                                    const PageRequest& page) {
  for (const auto* p : {&f.from, &f.to}) {
    if (!p->empty())
      RETURN_IF_ERROR(CheckPeriod(*p, ShanghaiDate(d.clock.NowMs()), p == &f.from ? "from" : "to"));
  }
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Station s, Seen(*conn, who, station_id));
  ASSIGN_OR_RETURN(auto p, store::ListRecords(*conn, s.id, f, page));
  RETURN_IF_ERROR(FillNames(*conn, p.items));
  return p;
}

Result<std::vector<StationYear>> YearFigures(storage::Connection& conn, const RegionCode& scope,
                                             int year) {
  ASSIGN_OR_RETURN(std::vector<StationYear> out, store::StationsIn(conn, scope));
  std::map<int64_t, size_t> at;
  for (size_t i = 0; i < out.size(); ++i) at[out[i].station_id] = i;
  std::string y = std::to_string(year);
  RETURN_IF_ERROR(store::ScanCurrent(
      conn, scope, y + "-01", y + "-12",
      [&](int64_t station, const std::string& item, int64_t q, int64_t a, int64_t id) {
        auto it = at.find(station);
        if (it == at.end()) return;
        ItemYear& iy = out[it->second].items[item];
        iy.quantity += q;  // ≤ 12 records of ≤ 1e9 / 1e12 each: no overflow
        iy.amount_fen += a;
        iy.record_ids.push_back(id);
      }));
  return out;
}

}  // namespace ruralec::station
