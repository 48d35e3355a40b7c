#include "station/station_store.h"

#include "storage/figure_changes.h"
#include "storage/order_by.h"
#include "storage/status_history.h"
#include "storage/where.h"

namespace ruralec::station::store {
namespace {

using storage::Null;
using storage::Params;
using storage::Row;
using storage::Value;

constexpr const char* kFields =
    "id, region_code, level, name, address, lat_e6, lng_e6, manager_name, mobile_masked, "
    "operator_entity_id, agreement_no, build_kind, built_on, online_on, "
    "facilities, services, carriers, status, status_since, batch_id, created_at, updated_at";

std::optional<CivilDate> OptDate(const Row& r, size_t i) {
  auto t = r.OptText(i);
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}

Station ToStation(const Row& r) {
  Station s;
  s.id = r.Int(0);
  s.region = *RegionCode::Parse(r.Text(1));
  s.level = r.Text(2) == "town" ? Level::kTown : Level::kVillage;
  s.name = r.Text(3);
  s.address = r.Text(4);
  if (!r.IsNull(5) && !r.IsNull(6)) s.point = Point{r.Int(5), r.Int(6)};
  s.manager_name = r.Text(7);
  s.mobile_masked = r.OptText(8);
  s.operator_entity_id = r.OptInt(9);
  s.agreement_no = r.Text(10);
  s.build_kind = r.Text(11);
  s.built_on = OptDate(r, 12);
  s.online_on = OptDate(r, 13);
  s.facilities = storage::SplitList(r.Text(14));
  s.services = storage::SplitList(r.Text(15));
  s.carriers = storage::SplitList(r.Text(16));
  s.status = ParseStatus(r.Text(17)).ok() ? *ParseStatus(r.Text(17)) : StationStatus::kPlanned;
  s.status_since = OptDate(r, 18).value_or(CivilDate{});
  s.batch_id = r.OptInt(19);
  s.created_at = r.Int(20);
  s.updated_at = r.Int(21);
  return s;
}

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }
Value Opt(const std::optional<CivilDate>& d) { return d ? Value{d->ToString()} : Value{Null{}}; }

// The 12-digit code range of `scope`'s subtree (a range, not LIKE, so the index is used).
Params SubtreeRange(const RegionCode& scope) {
  std::string prefix(scope.prefix());
  return {prefix + std::string(12 - prefix.size(), '0'),
          prefix + std::string(12 - prefix.size(), '9')};
}

struct Mobile {
  Value enc = Null{}, bidx = Null{}, masked = Null{};
};
Mobile EncryptMobile(const crypto::FieldCipher& cipher, const std::string& mobile) {
  if (mobile.empty()) return {};
  return {cipher.Encrypt(mobile, "stations.mobile"), cipher.BlindIndex(mobile, "stations.mobile"),
          crypto::MaskMobile(mobile)};
}

const storage::HistoryTable kHistory{"station_status_changes", "station_id"};

// One row of the station's history (its region kept on the row for the indicators).
Status AppendChange(storage::Connection& conn, int64_t id, const RegionCode& region,
                    std::optional<StationStatus> from, const NewStatus& c, Stamp stamp) {
  storage::HistoryRow row =
      storage::HistoryRowOf(id, region.county(), from, c, StatusName, stamp.by, stamp.now_ms);
  row.extra = {{"region_code", region.str()}};
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, region, c.on.ToString(), stamp.now_ms));
  return storage::AppendStatusChange(conn, kHistory, row);
}

}  // namespace

Result<int64_t> Insert(storage::Connection& conn, const crypto::FieldCipher& cipher,
                       const StationInput& in, const NewStatus& initial,
                       std::optional<int64_t> batch_id, Stamp stamp) {
  Mobile m = EncryptMobile(cipher, in.mobile);
  Value lat = in.point ? Value{in.point->lat_e6} : Value{Null{}};
  Value lng = in.point ? Value{in.point->lng_e6} : Value{Null{}};
  ASSIGN_OR_RETURN(
      Row row,
      conn.QueryOne(
          "INSERT INTO stations (county_code, region_code, level, name, address, lat_e6, lng_e6, "
          "manager_name, mobile_enc, mobile_bidx, mobile_masked, "
          "operator_entity_id, agreement_no, build_kind, built_on, online_on, facilities, "
          "services, carriers, status, status_since, batch_id, created_by, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?) RETURNING id",
          {in.region.county().str(),
           in.region.str(),
           std::string(LevelName(in.level)),
           in.name,
           in.address,
           lat,
           lng,
           in.manager_name,
           m.enc,
           m.bidx,
           m.masked,
           Opt(in.operator_entity_id),
           in.agreement_no,
           in.build_kind,
           Opt(in.built_on),
           Opt(in.online_on),
           storage::JoinedList(in.facilities),
           storage::JoinedList(in.services),
           storage::JoinedList(in.carriers),
           std::string(StatusName(initial.to)),
           initial.on.ToString(),
           Opt(batch_id),
           Opt(stamp.by),
           stamp.now_ms,
           stamp.now_ms},
          "insert station"));
  int64_t id = row.Int(0);
  RETURN_IF_ERROR(AppendChange(conn, id, in.region, std::nullopt, initial, stamp));
  return id;
}

namespace {

// Appends "col = ?" when a value differs from the current one.
struct SetList {
  std::string sql;
  Params params;
  std::vector<std::string> changed;
  void Add(const std::string& field, const std::string& col, Value v) {
    sql += (sql.empty() ? "" : ", ") + col + " = ?";
    params.push_back(std::move(v));
    if (changed.empty() || changed.back() != field) changed.push_back(field);
  }
  template <typename T>
  void IfChanged(const std::string& field, const T& cur, const T& next, Value v) {
    if (cur != next) Add(field, field, std::move(v));
  }
};

}  // namespace

Result<std::vector<std::string>> Update(storage::Connection& conn,
                                        const crypto::FieldCipher& cipher, const Station& cur,
                                        const StationInput& in, Stamp stamp) {
  SetList s;
  if (cur.region != in.region) {
    s.Add("region_code", "region_code", in.region.str());
    s.Add("region_code", "county_code", in.region.county().str());
  }
  s.IfChanged("level", cur.level, in.level, std::string(LevelName(in.level)));
  s.IfChanged("name", cur.name, in.name, in.name);
  s.IfChanged("address", cur.address, in.address, in.address);
  if (cur.point != in.point) {
    s.Add("point", "lat_e6", in.point ? Value{in.point->lat_e6} : Value{Null{}});
    s.Add("point", "lng_e6", in.point ? Value{in.point->lng_e6} : Value{Null{}});
  }
  s.IfChanged("manager_name", cur.manager_name, in.manager_name, in.manager_name);
  std::optional<std::string> masked =
      in.mobile.empty() ? std::nullopt : std::optional(crypto::MaskMobile(in.mobile));
  // A mobile with the same mask may still differ: compare through the blind index.
  ASSIGN_OR_RETURN(Row bidx, conn.QueryOne("SELECT mobile_bidx FROM stations WHERE id = ?",
                                           {cur.id}, "站点不存在"));
  std::string next_bidx = in.mobile.empty() ? "" : cipher.BlindIndex(in.mobile, "stations.mobile");
  if (bidx.Text(0) != next_bidx) {
    Mobile m = EncryptMobile(cipher, in.mobile);
    s.Add("mobile", "mobile_enc", m.enc);
    s.Add("mobile", "mobile_bidx", m.bidx);
    s.Add("mobile", "mobile_masked", m.masked);
  }
  s.IfChanged("operator_entity_id", cur.operator_entity_id, in.operator_entity_id,
              Opt(in.operator_entity_id));
  s.IfChanged("agreement_no", cur.agreement_no, in.agreement_no, in.agreement_no);
  s.IfChanged("build_kind", cur.build_kind, in.build_kind, in.build_kind);
  s.IfChanged("built_on", cur.built_on, in.built_on, Opt(in.built_on));
  s.IfChanged("online_on", cur.online_on, in.online_on, Opt(in.online_on));
  s.IfChanged("facilities", cur.facilities, in.facilities, storage::JoinedList(in.facilities));
  s.IfChanged("services", cur.services, in.services, storage::JoinedList(in.services));
  s.IfChanged("carriers", cur.carriers, in.carriers, storage::JoinedList(in.carriers));
  if (s.changed.empty()) return s.changed;
  s.params.push_back(stamp.now_ms);
  s.params.push_back(cur.id);
  RETURN_IF_ERROR(
      conn.Exec("UPDATE stations SET " + s.sql + ", updated_at = ? WHERE id = ?", s.params));
  if (cur.region != in.region) {  // every month of both counties' station figures
    RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, cur.region, "2000-01", stamp.now_ms));
    RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, in.region, "2000-01", stamp.now_ms));
    RETURN_IF_ERROR(conn.Exec(
        "UPDATE station_status_changes SET region_code = ?, county_code = ? WHERE station_id = ?",
        {in.region.str(), in.region.county().str(), cur.id}));
  }
  return s.changed;
}

Status AddChange(storage::Connection& conn, const Station& s, const NewStatus& c, Stamp stamp) {
  RETURN_IF_ERROR(AppendChange(conn, s.id, s.region, s.status, c, stamp));
  auto n =
      conn.Exec("UPDATE stations SET status = ?, status_since = ?, updated_at = ? WHERE id = ?",
                {std::string(StatusName(c.to)), c.on.ToString(), stamp.now_ms, s.id});
  if (!n.ok()) return n.take_error();
  return {};
}

Result<Station> Get(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + std::string(kFields) + " FROM stations WHERE id = ?", {id}));
  if (rows.empty()) return Error::NotFound("站点 " + std::to_string(id) + " 不存在");
  return ToStation(rows[0]);
}

Result<bool> NameTaken(storage::Connection& conn, const RegionCode& region, const std::string& name,
                       int64_t except_id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT 1 FROM stations WHERE region_code = ? AND name = ? AND "
                              "id <> ?",
                              {region.str(), name, except_id}));
  return !rows.empty();
}

Result<Page<Station>> List(storage::Connection& conn, const Filter& f, const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order, storage::OrderBy(page,
                                                       {{"id", "id"},
                                                        {"name", "name"},
                                                        {"region_code", "region_code"},
                                                        {"status", "status"},
                                                        {"status_since", "status_since"},
                                                        {"updated_at", "updated_at"}},
                                                       "id"));
  Params range = SubtreeRange(f.region);
  storage::Where w;
  w.Cmp("region_code", ">=", range[0]).Cmp("region_code", "<=", range[1]);
  if (f.level) w.Eq("level", std::string(LevelName(*f.level)));
  if (f.status) w.Eq("status", std::string(StatusName(*f.status)));
  // One dictionary value among ",a,b,": taken literally (its _ escaped).
  if (!f.service.empty())
    w.Sql("services LIKE ? ESCAPE '\\'", {"%," + storage::LikeEscaped(f.service) + ",%"});
  if (!f.facility.empty())
    w.Sql("facilities LIKE ? ESCAPE '\\'", {"%," + storage::LikeEscaped(f.facility) + ",%"});
  if (f.station_id) w.Eq("id", *f.station_id);
  if (f.operator_entity_id) w.Eq("operator_entity_id", *f.operator_entity_id);
  w.ContainsIf({"name", "address"}, f.q);
  return storage::QueryPage<Station>(conn, kFields, "FROM stations", w, order, page, ToStation);
}

Result<std::vector<StatusChange>> Changes(storage::Connection& conn, int64_t station_id) {
  return storage::ReadStatusHistory(conn, kHistory, station_id, ParseStatus,
                                    StationStatus::kPlanned);
}

Result<std::vector<Timeline>> Timelines(storage::Connection& conn, const RegionCode& scope) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT s.id, s.region_code, s.level, s.build_kind, c.changed_on, c.to_status "
                 "FROM stations s JOIN station_status_changes c ON c.station_id = s.id "
                 "WHERE s.region_code >= ? AND s.region_code <= ? "
                 "ORDER BY s.id, c.changed_on, c.id",
                 SubtreeRange(scope)));
  std::vector<Timeline> out;
  for (const auto& r : rows) {
    if (out.empty() || out.back().id != r.Int(0)) {
      Timeline t;
      t.id = r.Int(0);
      t.region = *RegionCode::Parse(r.Text(1));
      t.level = r.Text(2) == "town" ? Level::kTown : Level::kVillage;
      t.build_kind = r.Text(3);
      out.push_back(std::move(t));
    }
    auto on = CivilDate::Parse(r.Text(4));
    auto st = ParseStatus(r.Text(5));
    if (on.ok() && st.ok()) out.back().changes.emplace_back(*on, *st);
  }
  return out;
}

Result<std::vector<DictValue>> DictEntries(storage::Connection& conn, const RegionCode& county,
                                           const std::string& dict) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT value, label, disabled FROM station_dict_entries WHERE "
                              "county_code = ? AND dict = ? ORDER BY created_at, value",
                              {county.county().str(), dict}));
  std::vector<DictValue> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), false, r.Int(2) != 0});
  return out;
}

Status AddDictEntry(storage::Connection& conn, const RegionCode& county, const std::string& dict,
                    const DictValue& v, Stamp stamp) {
  auto n = conn.Exec(
      "INSERT INTO station_dict_entries (county_code, dict, value, label, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {county.county().str(), dict, v.value, v.label, Opt(stamp.by), stamp.now_ms});
  if (!n.ok()) return n.take_error();
  return {};
}

Status SetDictEntryDisabled(storage::Connection& conn, const RegionCode& county,
                            const std::string& dict, const std::string& value, bool disabled) {
  auto n = conn.Exec(
      "UPDATE station_dict_entries SET disabled = ? WHERE county_code = ? AND "
      "dict = ? AND value = ?",
      {int64_t{disabled}, county.county().str(), dict, value});
  if (!n.ok()) return n.take_error();
  if (*n == 0) return Error::NotFound("本县没有添加字典项“" + value + "”");
  return {};
}

}  // namespace ruralec::station::store
