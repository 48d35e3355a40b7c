// The scan event ledger (parcels.h contract): checking a scan, storing it once, deriving the
// waybill's state from its events.
#include "logistics/parcels.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <tuple>

#include "account/stamp.h"
#include "core/date.h"
#include "core/validate.h"
#include "logistics/network_store.h"
#include "logistics/parcels_store.h"
#include "logistics/scan_stage.h"

namespace ruralec::logistics {
namespace {

struct Named {
  const char* name;
  const char* label;
};
constexpr std::array<Named, kScanTypes> kTypes{{{"accepted", "揽收"},
                                                {"dispatched", "发往"},
                                                {"arrived", "到达"},
                                                {"out_for_delivery", "派送"},
                                                {"stored", "入柜/驿站"},
                                                {"signed", "签收"},
                                                {"problem", "问题件"},
                                                {"returned", "退回"}}};
constexpr std::array<Named, 2> kDirections{{{"downlink", "下行派送"}, {"uplink", "上行揽收"}}};
constexpr std::array<Named, 4> kSources{{{"carrier_file", "快递公司文件"},
                                         {"app", "应用上报"},
                                         {"driver", "司机确认"},
                                         {"manual", "手工录入"}}};

constexpr int64_t kFutureSlackMs = 10 * 60'000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits at `pos` of `t`.
bool Digits(std::string_view t, size_t pos, size_t n, int& out) {
  if (pos + n > t.size()) return false;
  out = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsDigit(t[pos + i])) return false;
    out = out * 10 + (t[pos + i] - '0');
  }
  return true;
}

// "+08:00", "+0800", "Z" at the end of `t` from `pos`; sets offset minutes.
bool Offset(std::string_view t, size_t pos, int& offset) {
  std::string_view z = t.substr(pos);
  if (z.empty()) return true;  // Beijing time by default
  if (z == "Z" || z == "z") {
    offset = 0;
    return true;
  }
  if (z[0] != '+' && z[0] != '-') return false;
  int h = 0, m = 0;
  if (!Digits(z, 1, 2, h)) return false;
  size_t mpos = z.size() > 3 && z[3] == ':' ? 4 : 3;
  if (!Digits(z, mpos, 2, m) || mpos + 2 != z.size() || h > 14 || m > 59) return false;
  offset = (z[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

// An Excel serial date-time (days since 1899-12-30) in Beijing time.
std::optional<ScanTime> FromSerial(std::string_view t) {
  if (t.empty() || t.size() > 20) return std::nullopt;
  size_t dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  if (whole.size() != 5) return std::nullopt;
  for (char c : t) {
    if (!IsDigit(c) && c != '.') return std::nullopt;
  }
  double v = std::stod(std::string(t));
  int64_t ms = static_cast<int64_t>(v * 86'400'000.0 + 0.5);
  int64_t epoch_offset = int64_t{25569} * 86'400'000;  // 1899-12-30 → 1970-01-01
  ms = (ms + 500) / 1000 * 1000;                       // whole seconds
  return ScanTime{ms - epoch_offset - 480 * 60'000, 480};
}

bool Tie(const StateEvent& a, const StateEvent& b) {
  return std::tuple(a.at, static_cast<int>(a.type), a.id) <
         std::tuple(b.at, static_cast<int>(b.type), b.id);
}

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max) {
  return validate::ValidateText(v, {field, label, max, true});
}

Status CheckNumber(const std::string& n) {
  if (n.size() < 4 || n.size() > 40)
    return Error::Invalid("waybill_no", "运单号应为4到40位字母、数字或连字符");
  for (char c : n) {
    bool ok = IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    if (!ok) return Error::Invalid("waybill_no", "运单号应为4到40位字母、数字或连字符");
  }
  return {};
}

}  // namespace

const char* ScanTypeName(ScanType t) { return kTypes[static_cast<size_t>(t)].name; }
const char* ScanTypeLabel(ScanType t) { return kTypes[static_cast<size_t>(t)].label; }

Result<ScanType> ParseScanType(std::string_view t, std::string_view field) {
  for (size_t i = 0; i < kTypes.size(); ++i) {
    if (t == kTypes[i].name || t == kTypes[i].label) return static_cast<ScanType>(i);
  }
  static const std::array<std::pair<const char*, ScanType>, 12> aliases{{
      {"收寄", ScanType::kAccepted},
      {"收件", ScanType::kAccepted},
      {"揽件", ScanType::kAccepted},
      {"发件", ScanType::kDispatched},
      {"中转", ScanType::kDispatched},
      {"到件", ScanType::kArrived},
      {"派件", ScanType::kOutForDelivery},
      {"入柜", ScanType::kStored},
      {"驿站", ScanType::kStored},
      {"妥投", ScanType::kSigned},
      {"问题", ScanType::kProblem},
      {"退件", ScanType::kReturned},
  }};
  for (const auto& [label, type] : aliases) {
    if (t == label) return type;
  }
  return Error::Invalid(std::string(field),
                        "扫描类型应为 揽收、发往、到达、派送、入柜/驿站、签收、问题件 或 退回");
}

const char* DirectionName(Direction d) { return kDirections[static_cast<size_t>(d)].name; }

Result<Direction> ParseDirection(std::string_view t, std::string_view field) {
  if (t.empty() || t == "下行" || t == "派送") return Direction::kDownlink;
  if (t == "上行" || t == "揽收") return Direction::kUplink;
  for (size_t i = 0; i < kDirections.size(); ++i) {
    if (t == kDirections[i].name || t == kDirections[i].label) return static_cast<Direction>(i);
  }
  return Error::Invalid(std::string(field), "方向应为 下行(downlink) 或 上行(uplink)");
}

const char* SourceName(Source s) { return kSources[static_cast<size_t>(s)].name; }

Result<Source> ParseSource(std::string_view t, std::string_view field) {
  for (size_t i = 0; i < kSources.size(); ++i) {
    if (t == kSources[i].name || t == kSources[i].label) return static_cast<Source>(i);
  }
  return Error::Invalid(std::string(field),
                        "来源应为 carrier_file、app、driver 或 manual（快递公司文件、应用上报、"
                        "司机确认、手工录入）");
}

Result<ScanTime> ParseScanTime(std::string_view t, std::string_view field) {
  auto bad = [&] {
    return Error::Invalid(std::string(field),
                          "扫描时间应为 YYYY-MM-DD HH:MM[:SS]（北京时间），或带时区的 "
                          "ISO-8601（2026-12-07T10:15:00+08:00）");
  };
  if (auto serial = FromSerial(t)) return *serial;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (t.size() < 16 || !Digits(t, 0, 4, y) || !Digits(t, 5, 2, mo) || !Digits(t, 8, 2, d))
    return bad();
  if (t[4] != t[7] || (t[4] != '-' && t[4] != '/')) return bad();
  if ((t[10] != ' ' && t[10] != 'T') || !Digits(t, 11, 2, h) || t[13] != ':' ||
      !Digits(t, 14, 2, mi))
    return bad();
  size_t pos = 16;
  if (pos < t.size() && t[pos] == ':') {
    if (!Digits(t, pos + 1, 2, s)) return bad();
    pos += 3;
    if (pos < t.size() && t[pos] == '.') {  // fractions of a second are dropped
      ++pos;
      while (pos < t.size() && IsDigit(t[pos])) ++pos;
    }
  }
  ScanTime out;
  if (!Offset(t, pos, out.offset_min)) return bad();
  if (!CivilDate::IsValid(y, mo, d) || h > 23 || mi > 59 || s > 59) return bad();
  char date[11];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, mo, d);
  ASSIGN_OR_RETURN(CivilDate cd, CivilDate::Parse(date, field));
  out.utc_ms = cd.DaysSinceEpoch() * 86'400'000 + (h * 3600 + mi * 60 + s) * int64_t{1000} -
               int64_t{out.offset_min} * 60'000;
  return out;
}

std::string FormatScanTime(int64_t utc_ms, int offset_min) {
  int64_t local = utc_ms + int64_t{offset_min} * 60'000;
  int64_t days = local >= 0 ? local / 86'400'000 : (local - 86'399'999) / 86'400'000;
  int64_t secs = (local - days * 86'400'000) / 1000;
  char buf[40];
  int off = offset_min < 0 ? -offset_min : offset_min;
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d",
                CivilDate::FromDays(days).ToString().c_str(), static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60),
                offset_min < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

std::string Event::DedupeKey() const {
  return carrier + "|" + waybill_no + "|" + ScanTypeName(type) + "|" + std::to_string(at.utc_ms) +
         "|" + (node_id ? "n" + std::to_string(*node_id) : "t" + node_text);
}

DerivedState DeriveState(std::vector<StateEvent> events) {
  std::sort(events.begin(), events.end(), Tie);
  DerivedState s;
  bool any = false;
  for (const auto& e : events) {
    if (e.node_id) s.last_node_id = e.node_id;
    if (any && s.state == ScanType::kSigned && e.type != ScanType::kReturned) continue;
    s.state = e.type;
    s.state_at = e.at;
    s.state_node_id = e.node_id;
    any = true;
  }
  if (!events.empty()) {
    s.first_at = events.front().at;
    s.last_at = events.back().at;
  }
  return s;
}

Result<std::optional<Node>> NodeCache::ByCode(storage::Connection& conn, const RegionCode& county,
                                              const std::string& code) {
  auto it = cache_.find(code);
  if (it != cache_.end()) return it->second;
  ASSIGN_OR_RETURN(auto n, store::NodeByCode(conn, county, code));
  if (cache_.size() > 100'000) cache_.clear();
  cache_.emplace(code, n);
  return n;
}

Status NeedIngest(const account::Principal& who) {
  if (!who.Can("logistics:parcel:ingest")) return Error::Forbidden("没有录入快递扫描数据的权限");
  if (who.region.empty() || who.region.level() < RegionLevel::kCounty)
    return Error::Forbidden("快递扫描数据由县级及以下人员录入");
  return {};
}

namespace {

// The node of a code: a registered node of the county (visible to the importer), or else the
// carrier's own site text.
Status ResolveNode(storage::Connection& conn, const Ingest& ing, NodeCache& nodes,
                   const std::string& code, const char* field, std::optional<int64_t>& id,
                   std::string* text) {
  if (code.empty()) return {};
  ASSIGN_OR_RETURN(auto n, nodes.ByCode(conn, ing.who.region.county(), code));
  if (n && !ing.who.CanSee(n->region))
    return Error::Invalid(field, "网点 " + code + " 不在您的管辖范围内");
  if (n) {
    id = n->id;
    return {};
  }
  if (text) {
    ASSIGN_OR_RETURN(*text, Text(code, field, "网点", 100));
  }
  return {};
}

}  // namespace

Result<Event> CheckScan(storage::Connection& conn, const Ingest& ing, const ScanInput& in,
                        NodeCache& nodes) {
  Event e;
  RegionCode county = ing.who.region.county();
  ASSIGN_OR_RETURN(e.carrier, ParseCarrier(conn, county, in.carrier, "carrier"));
  e.waybill_no = in.waybill_no;
  RETURN_IF_ERROR(CheckNumber(e.waybill_no));
  ASSIGN_OR_RETURN(e.type, ParseScanType(in.scan_type));
  ASSIGN_OR_RETURN(e.at, ParseScanTime(in.scanned_at));
  int64_t now = ing.deps.clock.NowMs();
  if (e.at.utc_ms > now + kFutureSlackMs)
    return Error::Invalid("scanned_at", "扫描时间不能晚于当前时间");
  if (e.at.utc_ms < int64_t{946'656'000'000})
    return Error::Invalid("scanned_at", "扫描时间不能早于2000年");
  RETURN_IF_ERROR(ResolveNode(conn, ing, nodes, in.node_code, "node", e.node_id, &e.node_text));
  RETURN_IF_ERROR(
      ResolveNode(conn, ing, nodes, in.next_node_code, "next_node", e.next_node_id, nullptr));
  ASSIGN_OR_RETURN(e.operator_name, Text(in.operator_name, "operator", "操作员", 50));
  ASSIGN_OR_RETURN(e.direction, ParseDirection(in.direction));
  ASSIGN_OR_RETURN(e.reason, Text(in.reason, "reason", "问题原因", 200));
  if (e.type == ScanType::kProblem && e.reason.empty())
    return Error::Invalid("reason", "问题件须填写原因");
  ASSIGN_OR_RETURN(e.raw_code, Text(in.raw_code, "raw_code", "原始代码", 50));
  ASSIGN_OR_RETURN(e.raw_text, Text(in.raw_text, "raw_text", "原始描述", 500));
  e.source = ing.default_source;
  if (!in.source.empty()) {
    ASSIGN_OR_RETURN(e.source, ParseSource(in.source));
  }
  if (!in.recipient_phone.empty())
    RETURN_IF_ERROR(validate::Mobile(in.recipient_phone, "recipient_phone"));
  return e;
}

store::Phone PhoneFor(const crypto::FieldCipher& cipher, const std::string& number,
                      const std::string& phone) {
  return {cipher.Encrypt(phone, "logistics_waybills.phone"),
          cipher.BlindIndex(phone, "logistics_waybills.phone"), crypto::MaskMobile(phone),
          cipher.BlindIndex(number + "|" + phone.substr(phone.size() - 4),
                            "logistics_waybills.phone4")};
}

Result<RowResult> StoreEvent(storage::Connection& conn, const Ingest& ing, const Event& e,
                             const std::string& phone, std::set<int64_t>& touched) {
  RegionCode county = ing.who.region.county();
  int64_t now = ing.deps.clock.NowMs();
  ASSIGN_OR_RETURN(auto found, store::FindWaybill(conn, county, e.carrier, e.waybill_no));
  int64_t id = 0;
  bool has_phone = false;
  if (found) {
    // A town clerk adds scans to their town's parcels only (county staff and drivers: all).
    if (!ing.who.InScope(found->region))
      return Error::Invalid("waybill_no", "运单 " + e.waybill_no + " 不在您的管辖范围内");
    id = found->id;
    has_phone = found->has_phone;
  } else {
    store::WaybillRow w;
    w.county = county;
    w.region = ing.who.region;
    w.carrier = e.carrier;
    w.waybill_no = e.waybill_no;
    w.direction = e.direction;
    w.state = e.type;
    w.state_at = w.first_at = w.last_at = e.at.utc_ms;
    w.state_node_id = e.node_id;
    w.created_at = now;
    ASSIGN_OR_RETURN(id, store::InsertWaybill(conn, w));
  }
  if (!phone.empty() && !has_phone)
    RETURN_IF_ERROR(store::SetPhone(conn, id, PhoneFor(ing.deps.cipher, e.waybill_no, phone)));
  std::optional<int64_t> by;
  if (ing.who.id.valid()) by = ing.who.id.value;
  ASSIGN_OR_RETURN(bool added, store::InsertEvent(conn, county, id, e, by, now));
  if (!added) return RowResult::kDuplicate;
  touched.insert(id);
  return RowResult::kAccepted;
}

Status RefreshWaybills(storage::Connection& conn, const Ingest& ing,
                       const std::set<int64_t>& touched) {
  std::map<int64_t, RegionCode> regions;  // node id → region
  int64_t now = ing.deps.clock.NowMs();
  for (int64_t id : touched) {
    ASSIGN_OR_RETURN(auto events, store::StateEvents(conn, id));
    if (events.empty()) continue;
    int64_t count = static_cast<int64_t>(events.size());
    DerivedState s = DeriveState(std::move(events));
    std::optional<RegionCode> region;
    if (s.last_node_id) {
      auto it = regions.find(*s.last_node_id);
      if (it == regions.end()) {
        ASSIGN_OR_RETURN(Node n, store::GetNode(conn, *s.last_node_id));
        it = regions.emplace(n.id, n.region).first;
      }
      region = it->second;
    }
    if (!region) {
      ASSIGN_OR_RETURN(store::WaybillRow w, store::GetWaybill(conn, id));
      region = w.region;
    }
    RETURN_IF_ERROR(store::WriteState(conn, id, s, *region, count, now));
  }
  return {};
}

Result<ScanOutcome> RecordScan(const Deps& d, const account::Principal& who, const ScanInput& in) {
  RETURN_IF_ERROR(NeedIngest(who));
  Ingest ing{d, who, Source::kManual};
  auto conn = d.db.Acquire();
  return storage::InTransaction<ScanOutcome>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ScanOutcome> {
        NodeCache nodes;
        ASSIGN_OR_RETURN(Event e, CheckScan(*conn, ing, in, nodes));
        std::set<int64_t> touched;
        ASSIGN_OR_RETURN(RowResult r, StoreEvent(*conn, ing, e, in.recipient_phone, touched));
        ASSIGN_OR_RETURN(auto w,
                         store::FindWaybill(*conn, who.region.county(), e.carrier, e.waybill_no));
        ScanOutcome out{r, w ? w->id : 0};
        if (r == RowResult::kDuplicate) return out;
        RETURN_IF_ERROR(RefreshWaybills(*conn, ing, touched));
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "logistics.scan", "logistics_waybill", out.waybill_id,
                                    e.carrier + " " + e.waybill_no + " " + ScanTypeName(e.type))));
        return out;
      });
}

}  // namespace ruralec::logistics
