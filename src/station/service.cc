// The station registry's rules (station.h contract): permission and scope, field checks,
// the status machine, the audit entry in the same transaction as each change.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "account/bound.h"
#include "account/recorders.h"
#include "account/stamp.h"
#include "core/degrees.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "region/region.h"
#include "station/records.h"
#include "station/service_internal.h"
#include "station/station.h"
#include "station/station_store.h"

namespace ruralec::station {
namespace {

struct Named {
  const char* name;
  const char* label;
};
constexpr std::array<Named, 2> kLevels{{{"town", "镇级综合服务站"}, {"village", "村级服务点"}}};
constexpr std::array<Named, 5> kStatuses{{{"planned", "规划中"},
                                          {"building", "建设中"},
                                          {"operating", "运营中"},
                                          {"suspended", "暂停运营"},
                                          {"exited", "已退出"}}};

constexpr size_t kMaxName = 100, kMaxAddress = 200, kMaxPerson = 50, kMaxDoc = 100,
                 kMaxReason = 500, kMaxListItems = 30, kMaxCarrier = 30;

}  // namespace

const std::vector<DictValue>& Builtin(std::string_view dict) {
  static const std::vector<DictValue> facilities = {
      {"yinong_info_agency", "益农信息社"},
      {"employment_poverty_post", "就业扶贫驿站"},
      {"rural_express_point", "农村快递公共服务点"},
      {"agri_finance_room", "惠农金融服务室"},
      {"village_post", "村邮站"},
      {"supply_marketing", "供销社网点"},
      {"party_service_centre", "村党群服务中心"},
      {"village_store", "万村千乡农家店"},
  };
  static const std::vector<DictValue> services = {
      {"policy_publicity", "政策宣传"},  {"assisted_purchase", "网上代买"},
      {"assisted_sale", "网上代卖"},     {"bill_payment", "生活缴费"},
      {"financial_service", "金融服务"}, {"parcel_service", "快递代收代发"},
      {"ticketing", "代买机票火车票"},   {"community_group_buying", "社区团购"},
      {"uplink_sales", "农产品上行"},    {"information_service", "信息服务"},
  };
  static const std::vector<DictValue> items = [] {
    std::vector<DictValue> out;
    for (const auto& i : BuiltinRecordItems()) out.push_back({i.value, i.label});
    return out;
  }();
  static const std::vector<DictValue> none;
  if (dict == "station_record_items") return items;
  if (dict == "station_facilities") return facilities;
  if (dict == "station_services") return services;
  return none;
}

const char* LevelName(Level l) { return kLevels[static_cast<size_t>(l)].name; }
const char* LevelLabel(Level l) { return kLevels[static_cast<size_t>(l)].label; }
const char* StatusName(StationStatus s) { return kStatuses[static_cast<size_t>(s)].name; }
const char* StatusLabel(StationStatus s) { return kStatuses[static_cast<size_t>(s)].label; }

Result<Level> ParseLevel(std::string_view t, std::string_view field) {
  for (size_t i = 0; i < kLevels.size(); ++i) {
    if (t == kLevels[i].name || t == kLevels[i].label) return static_cast<Level>(i);
  }
  if (t == "镇级" || t == "乡镇") return Level::kTown;
  if (t == "村级" || t == "村") return Level::kVillage;
  return Error::Invalid(std::string(field),
                        "站点级别应为 镇级综合服务站(town) 或 村级服务点(village)");
}

Result<StationStatus> ParseStatus(std::string_view t, std::string_view field) {
  for (size_t i = 0; i < kStatuses.size(); ++i) {
    if (t == kStatuses[i].name || t == kStatuses[i].label) return static_cast<StationStatus>(i);
  }
  return Error::Invalid(std::string(field),
                        "站点状态应为 规划中、建设中、运营中、暂停运营 或 已退出");
}

bool CanChange(StationStatus from, StationStatus to) {
  using S = StationStatus;
  switch (from) {
    case S::kPlanned:
      return to == S::kBuilding || to == S::kExited;
    case S::kBuilding:
      return to == S::kOperating || to == S::kExited;
    case S::kOperating:
      return to == S::kSuspended || to == S::kExited;
    case S::kSuspended:
      return to == S::kOperating || to == S::kExited;
    case S::kExited:
      return false;
  }
  return false;
}

Result<int64_t> ParseDegrees(std::string_view t, int limit, std::string_view field) {
  std::string f(field);
  std::string bad = f == "lat" ? "纬度应为 -90 到 90 之间的十进制度数（WGS-84），最多6位小数"
                               : "经度应为 -180 到 180 之间的十进制度数（WGS-84），最多6位小数";
  std::optional<int64_t> v = MicroDegrees(t);
  if (!v || *v < -int64_t{limit} * 1'000'000 || *v > int64_t{limit} * 1'000'000)
    return Error::Invalid(f, bad);
  return *v;
}

std::string FormatDegrees(int64_t e6) {
  int64_t a = e6 < 0 ? -e6 : e6;
  std::string frac = std::to_string(a % 1'000'000);
  return (e6 < 0 ? "-" : "") + std::to_string(a / 1'000'000) + "." +
         std::string(6 - frac.size(), '0') + frac;
}

Result<View> ViewOf(const account::Principal& who) {
  if (who.Can("station:read")) return View{who.region, std::nullopt, std::nullopt};
  if (who.Can("station:read:own"))
    return View{who.region, who.BoundTo("station").value_or(0), std::nullopt};
  if (who.Can("station:read:operated"))  // agreements may cover any village of the county
    return View{who.region.county(), std::nullopt, who.BoundTo("entity").value_or(0)};
  return Error::Forbidden("没有查看服务站点的权限");
}

namespace {

bool Visible(const View& v, const Station& s) {
  return v.Sees(s.region, s.id, s.operator_entity_id);
}

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

// Every value known to the dictionary (built-in or the county's); labels are mapped to values.
Status CheckDictList(storage::Connection& conn, const RegionCode& county, std::string_view dict,
                     std::string_view field, std::vector<std::string>& values) {
  if (values.size() > kMaxListItems)
    return Error::Invalid(std::string(field), "最多" + std::to_string(kMaxListItems) + "项");
  ASSIGN_OR_RETURN(auto known, DictValues(conn, county, dict));
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& v : values) {
    auto it = std::find_if(known.begin(), known.end(),
                           [&](const DictValue& k) { return k.value == v || k.label == v; });
    if (it == known.end())
      return Error::Invalid(std::string(field),
                            "“" + v + "”不在字典中（可由县级人员在字典中添加）");
    if (seen.insert(it->value).second) out.push_back(it->value);
  }
  values = std::move(out);
  return {};
}

Status CheckCarriers(std::vector<std::string>& carriers) {
  if (carriers.size() > kMaxListItems) return Error::Invalid("carriers", "最多30项");
  std::vector<std::string> out;
  for (const auto& c : carriers) {
    ASSIGN_OR_RETURN(std::string t, Text(c, "carriers", "快递品牌", kMaxCarrier, false));
    if (t.find(',') != std::string::npos) return Error::Invalid("carriers", "快递品牌不能包含逗号");
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  carriers = std::move(out);
  return {};
}

Status CheckDates(const StationInput& in, CivilDate today) {
  if (in.built_on) RETURN_IF_ERROR(validate::PlausibleDate(*in.built_on, "built_on", today));
  if (in.online_on) RETURN_IF_ERROR(validate::PlausibleDate(*in.online_on, "online_on", today));
  if (in.built_on && in.online_on && *in.online_on < *in.built_on)
    return Error::Invalid("online_on", "网上运营时间不能早于建设时间");
  return {};
}

// The region exists at the station's level and lies in the editor's scope.
Status CheckRegion(storage::Connection& conn, const account::Principal& who,
                   const StationInput& in) {
  if (in.region.empty()) return Error::Invalid("region_code", "区划代码不能为空");
  RegionLevel want = in.level == Level::kTown ? RegionLevel::kTown : RegionLevel::kVillage;
  if (in.region.level() != want)
    return Error::Invalid("region_code", in.level == Level::kTown
                                             ? "镇级综合服务站的区划应为乡镇（街道）"
                                             : "村级服务点的区划应为行政村（社区）");
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  auto r = region::Get(conn, in.region);
  if (!r.ok()) return Error::Invalid("region_code", "区划 " + in.region.str() + " 不存在");
  return {};
}

// Field rules that need the database (dictionaries, region, linked records).
Status Normalize(storage::Connection& conn, const account::Principal& who, StationInput& in,
                 CivilDate today) {
  RETURN_IF_ERROR(CheckRegion(conn, who, in));
  ASSIGN_OR_RETURN(in.name, Text(in.name, "name", "站点名称", kMaxName, false));
  ASSIGN_OR_RETURN(in.address, Text(in.address, "address", "地址", kMaxAddress, true));
  ASSIGN_OR_RETURN(in.manager_name,
                   Text(in.manager_name, "manager_name", "负责人", kMaxPerson, true));
  ASSIGN_OR_RETURN(in.agreement_no,
                   Text(in.agreement_no, "agreement_no", "承办协议编号", kMaxDoc, true));
  if (!in.mobile.empty()) RETURN_IF_ERROR(validate::Mobile(in.mobile, "mobile"));
  if (in.build_kind.empty()) in.build_kind = "new";
  if (in.build_kind == "新建") in.build_kind = "new";
  if (in.build_kind == "改造提升" || in.build_kind == "升级") in.build_kind = "upgraded";
  if (in.build_kind != "new" && in.build_kind != "upgraded")
    return Error::Invalid("build_kind", "建设方式应为 新建(new) 或 改造提升(upgraded)");
  RETURN_IF_ERROR(CheckDates(in, today));
  RETURN_IF_ERROR(
      CheckDictList(conn, in.region, "station_facilities", "facilities", in.facilities));
  RETURN_IF_ERROR(CheckDictList(conn, in.region, "station_services", "services", in.services));
  RETURN_IF_ERROR(CheckCarriers(in.carriers));
  if (in.operator_entity_id) {  // 承办企业: an entity of the station's county
    auto e = entity::Get(conn, *in.operator_entity_id);
    if (!e.ok() || e->region.county() != in.region.county())
      return Error::Invalid("operator_entity_id", "承办企业不存在");
  }
  return {};
}

// Fills the names shown with a station (region name, the operator accounts bound to it).
Status Decorate(storage::Connection& conn, Station& s) {
  if (auto r = region::Get(conn, s.region); r.ok()) s.region_name = r->name;
  ASSIGN_OR_RETURN(auto ops, account::UsersBoundTo(conn, "station", s.id));
  s.operator_usernames.clear();
  for (const auto& o : ops) s.operator_usernames.push_back(o.username);
  return {};
}

Result<Station> Visible(storage::Connection& conn, const account::Principal& who, int64_t id) {
  ASSIGN_OR_RETURN(View v, ViewOf(who));
  auto s = store::Get(conn, id);
  if (!s.ok() || !Visible(v, *s)) return Error::NotFound("站点 " + std::to_string(id) + " 不存在");
  return s;
}

Status NeedEdit(const account::Principal& who) {
  if (!who.Can("station:edit")) return Error::Forbidden("没有登记和修改服务站点的权限");
  return {};
}

Status CheckChange(const Station& s, const NewStatus& c, CivilDate today) {
  if (!CanChange(s.status, c.to))
    return Error::Conflict(
        std::string("站点状态不能从“") + StatusLabel(s.status) + "”改为“" + StatusLabel(c.to) + "”",
        "status");
  RETURN_IF_ERROR(validate::PlausibleDate(c.on, "date", today));
  if (c.on < s.status_since)
    return Error::Invalid("date",
                          "变更日期不能早于上一次状态变更（" + s.status_since.ToString() + "）");
  return {};
}

Result<NewStatus> CleanChange(NewStatus c, bool initial) {
  ASSIGN_OR_RETURN(c.reason, Text(c.reason, "reason", "变更原因", kMaxReason, initial));
  ASSIGN_OR_RETURN(c.document_no,
                   Text(c.document_no, "document_no", "决定文件文号", kMaxDoc, initial));
  return c;
}

}  // namespace

namespace internal {

Result<int64_t> RegisterIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                           const StationInput& input, const std::optional<NewStatus>& initial,
                           std::optional<int64_t> batch_id, bool audit) {
  RETURN_IF_ERROR(NeedEdit(who));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  NewStatus first = initial.value_or(NewStatus{StationStatus::kPlanned, today, "", ""});
  ASSIGN_OR_RETURN(first, CleanChange(first, true));
  if (first.to == StationStatus::kExited) return Error::Invalid("status", "不能登记已退出的站点");
  RETURN_IF_ERROR(validate::PlausibleDate(first.on, "status_date", today));
  StationInput in = input;
  RETURN_IF_ERROR(Normalize(conn, who, in, today));
  ASSIGN_OR_RETURN(bool taken, store::NameTaken(conn, in.region, in.name, 0));
  if (taken) return Error::Conflict("该区划已登记同名站点 " + in.name, "name");
  ASSIGN_OR_RETURN(int64_t id, store::Insert(conn, d.cipher, in, first, batch_id,
                                             StampOf(who, d.clock.NowMs())));
  if (!audit) return id;
  RETURN_IF_ERROR(
      d.audit.Append(conn, AuditOf(who, "station.create", "station", id,
                                   "region=" + in.region.str() + " level=" + LevelName(in.level) +
                                       " status=" + StatusName(first.to))));
  return id;
}

}  // namespace internal

Result<Station> Register(const Deps& d, const account::Principal& who, const StationInput& input,
                         std::optional<NewStatus> initial, std::optional<int64_t> batch_id) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Station>(*conn, storage::TxMode::kWrite, [&]() -> Result<Station> {
    ASSIGN_OR_RETURN(int64_t id,
                     internal::RegisterIn(*conn, d, who, input, initial, batch_id, true));
    ASSIGN_OR_RETURN(Station s, store::Get(*conn, id));
    RETURN_IF_ERROR(Decorate(*conn, s));
    return s;
  });
}

Result<Station> Update(const Deps& d, const account::Principal& who, int64_t id,
                       const StationInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  return storage::InTransaction<Station>(*conn, storage::TxMode::kWrite, [&]() -> Result<Station> {
    ASSIGN_OR_RETURN(Station cur, Visible(*conn, who, id));
    StationInput in = input;
    RETURN_IF_ERROR(Normalize(*conn, who, in, today));
    ASSIGN_OR_RETURN(bool taken, store::NameTaken(*conn, in.region, in.name, id));
    if (taken) return Error::Conflict("该区划已登记同名站点 " + in.name, "name");
    ASSIGN_OR_RETURN(auto changed,
                     store::Update(*conn, d.cipher, cur, in, StampOf(who, d.clock.NowMs())));
    if (!changed.empty()) {
      std::string list;
      for (const auto& c : changed) list += (list.empty() ? "" : ",") + c;
      RETURN_IF_ERROR(
          d.audit.Append(*conn, AuditOf(who, "station.update", "station", id, "changed=" + list)));
    }
    ASSIGN_OR_RETURN(Station s, store::Get(*conn, id));
    RETURN_IF_ERROR(Decorate(*conn, s));
    return s;
  });
}

namespace internal {

Result<Station> VisibleStation(storage::Connection& conn, const account::Principal& who,
                               int64_t id) {
  ASSIGN_OR_RETURN(Station s, Visible(conn, who, id));
  RETURN_IF_ERROR(Decorate(conn, s));
  return s;
}

Status ChangeStatusIn(storage::Connection& conn, const Deps& d, const account::Principal& who,
                      int64_t id, const NewStatus& change) {
  RETURN_IF_ERROR(NeedEdit(who));
  ASSIGN_OR_RETURN(NewStatus c, CleanChange(change, false));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  ASSIGN_OR_RETURN(Station cur, Visible(conn, who, id));
  if (!who.InScope(cur.region)) return Error::Forbidden("该站点不在您的管辖范围内");
  RETURN_IF_ERROR(CheckChange(cur, c, today));
  RETURN_IF_ERROR(store::AddChange(conn, cur, c, StampOf(who, d.clock.NowMs())));
  return d.audit.Append(conn,
                        AuditOf(who, "station.status", "station", id,
                                std::string(StatusName(cur.status)) + "->" + StatusName(c.to) +
                                    " on=" + c.on.ToString() + " doc=" + c.document_no));
}

}  // namespace internal

Result<Station> ChangeStatus(const Deps& d, const account::Principal& who, int64_t id,
                             const NewStatus& change) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Station>(*conn, storage::TxMode::kWrite, [&]() -> Result<Station> {
    RETURN_IF_ERROR(internal::ChangeStatusIn(*conn, d, who, id, change));
    ASSIGN_OR_RETURN(Station s, store::Get(*conn, id));
    RETURN_IF_ERROR(Decorate(*conn, s));
    return s;
  });
}

Result<Station> Get(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Station s, Visible(*conn, who, id));
  RETURN_IF_ERROR(Decorate(*conn, s));
  return s;
}

Result<std::vector<StatusChange>> History(const Deps& d, const account::Principal& who,
                                          int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Station s, Visible(*conn, who, id));
  ASSIGN_OR_RETURN(auto changes, store::Changes(*conn, s.id));
  RETURN_IF_ERROR(account::NameRecorders(*conn, changes));
  return changes;
}

Result<Page<Station>> List(const Deps& d, const account::Principal& who, Filter f,
                           const PageRequest& page) {
  ASSIGN_OR_RETURN(View v, ViewOf(who));
  if (f.region.empty()) f.region = v.region;
  if (!v.region.Contains(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  f.station_id = v.station;
  f.operator_entity_id = v.company;
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Station> p, store::List(*conn, f, page));
  std::map<std::string, std::string> names;  // region names, once per code of the page
  for (auto& s : p.items) {
    auto it = names.find(s.region.str());
    if (it == names.end()) {
      auto r = region::Get(*conn, s.region);
      it = names.emplace(s.region.str(), r.ok() ? r->name : "").first;
    }
    s.region_name = it->second;
  }
  return p;
}

Result<std::vector<DictValue>> DictValues(storage::Connection& conn, const RegionCode& county,
                                          std::string_view dict) {
  if (dict != "station_facilities" && dict != "station_services" && dict != "station_record_items")
    return Error::NotFound("字典 " + std::string(dict) + " 不存在");
  std::vector<DictValue> out = Builtin(dict);
  if (county.empty()) return out;
  ASSIGN_OR_RETURN(auto added, store::DictEntries(conn, county, std::string(dict)));
  out.insert(out.end(), added.begin(), added.end());
  return out;
}

Status AddDictValue(const Deps& d, const account::Principal& who, std::string_view dict,
                    const DictValue& input) {
  if (!who.Can("station:dict:edit")) return Error::Forbidden("没有维护站点字典的权限");
  if (who.region.empty() || who.region.level() > RegionLevel::kCounty)
    return Error::Forbidden("站点字典由县级人员维护");
  DictValue v = input;
  ASSIGN_OR_RETURN(v.label, Text(v.label, "label", "名称", 30, false));
  if (v.value.empty() || v.value.size() > 40 ||
      !std::all_of(v.value.begin(), v.value.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      }))
    return Error::Invalid("value", "代码应为小写字母、数字或下划线（至多40个字符）");
  if (v.label.find(',') != std::string::npos) return Error::Invalid("label", "名称不能包含逗号");
  auto conn = d.db.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(auto known, DictValues(*conn, who.region.county(), dict));
    for (const auto& k : known) {
      if (k.value == v.value) return Error::Conflict("代码 " + v.value + " 已存在", "value");
      if (k.label == v.label) return Error::Conflict("名称 " + v.label + " 已存在", "label");
    }
    RETURN_IF_ERROR(store::AddDictEntry(*conn, who.region.county(), std::string(dict), v,
                                        StampOf(who, d.clock.NowMs())));
    return d.audit.Append(
        *conn, {who.ToActor(), "station.dict.add", "station_dict",
                std::string(dict) + ":" + v.value, audit::Outcome::kSuccess, "label=" + v.label});
  });
}

}  // namespace ruralec::station
