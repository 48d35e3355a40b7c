// Parcels and scan events (issue 22 item 2): the canonical event ledger and the waybills whose
// state is derived from it.
//
// Contract:
//  - One scan is one event: carrier, waybill number, scan type (揽收 accepted, 发往 dispatched,
//    到达 arrived, 派送 out_for_delivery, 入柜/驿站 stored, 签收 signed, 问题件 problem — with
//    its reason —, 退回 returned), the scan time with its UTC offset, the node (a registered
//    node of the county, or the carrier's own site text), operator, next node, direction
//    (downlink delivery / uplink pickup), the carrier's raw code and text, and the source
//    (carrier_file, app, driver, manual).
//  - Idempotent: an event's dedupe key is (carrier, number, type, scan time, node); ingesting a
//    scan whose key is already stored in the county adds nothing and counts as a duplicate.
//    Events are never changed or deleted.
//  - A waybill (county, carrier, number) exists from its first event. Its state is a function
//    of its set of events (DeriveState): events in scan-time order, each setting the state,
//    except that once 签收 (signed) only a later 退回 (returned) changes it — a late 到达 does
//    not undo a delivery. Ingest order does not matter.
//  - The recipient's mobile (optional, from any event row) is kept encrypted, with a blind
//    index, a masked copy, and a keyed tag of (carrier, number, last four digits) for the
//    public tracking; the first mobile given for a waybill stays.
//  - Ingest needs logistics:parcel:ingest and a county-level or lower account; events go to
//    the importer's county. A node given by the code of a registered node of that county is
//    linked and must be visible to the importer; any other text is kept as the carrier's site.
//    A waybill already stored must lie in the importer's scope (a town clerk adds scans to
//    their town's parcels; county staff and drivers to all of the county's).
//  - A waybill's region is that of the node of its latest event naming one (else the
//    importer's region); staff reads need logistics:parcel:read and that region in scope,
//    otherwise "not found".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "logistics/network.h"
#include "storage/db.h"

namespace ruralec::logistics {

enum class ScanType {
  kAccepted,
  kDispatched,
  kArrived,
  kOutForDelivery,
  kStored,
  kSigned,
  kProblem,
  kReturned
};
inline constexpr int kScanTypes = 8;
const char* ScanTypeName(ScanType t);   // accepted …
const char* ScanTypeLabel(ScanType t);  // 揽收 …
// The code name or the Chinese label (also 收寄, 派件, 入柜, 驿站, 妥投 …).
Result<ScanType> ParseScanType(std::string_view text, std::string_view field = "scan_type");

enum class Direction { kDownlink, kUplink };
const char* DirectionName(Direction d);  // downlink | uplink
Result<Direction> ParseDirection(std::string_view text, std::string_view field = "direction");

enum class Source { kCarrierFile, kApp, kDriver, kManual };
const char* SourceName(Source s);  // carrier_file | app | driver | manual
Result<Source> ParseSource(std::string_view text, std::string_view field = "source");

// A scan time: "2026-12-07 10:15:00" (Beijing time, +08:00), "2026-12-07T10:15:00+08:00",
// "…Z", seconds optional; UTC ms and the offset written.
struct ScanTime {
  int64_t utc_ms = 0;
  int offset_min = 480;
};
Result<ScanTime> ParseScanTime(std::string_view text, std::string_view field = "scanned_at");
// ISO-8601 with the scan's own offset: "2026-12-07T10:15:00+08:00".
std::string FormatScanTime(int64_t utc_ms, int offset_min);

// One scan as given (text fields not yet checked).
struct ScanInput {
  std::string carrier;  // value or label of logistics_carriers
  std::string waybill_no;
  std::string scan_type;
  std::string scanned_at;
  std::string node_code;  // a registered node's code, or the carrier's site text
  std::string next_node_code;
  std::string operator_name;
  std::string direction;  // "" = downlink
  std::string reason;     // required for 问题件
  std::string raw_code, raw_text;
  std::string source;  // "" = the ingest path's default
  std::string recipient_phone;
};

// A checked event, ready to store.
struct Event {
  int64_t id = 0;
  std::string carrier, waybill_no;
  ScanType type = ScanType::kAccepted;
  ScanTime at;
  std::optional<int64_t> node_id;
  std::string node_text;  // the site text when no registered node matched (or "")
  std::optional<int64_t> next_node_id;
  std::string operator_name;
  Direction direction = Direction::kDownlink;
  std::string reason, raw_code, raw_text;
  Source source = Source::kManual;
  std::optional<int64_t> batch_id, source_row;
  std::string DedupeKey() const;
};

// ---- the derived state (pure) ----

struct StateEvent {
  int64_t id = 0;  // ties in time break by kind order, then id (ingest order)
  ScanType type = ScanType::kAccepted;
  int64_t at = 0;
  std::optional<int64_t> node_id;
};
struct DerivedState {
  ScanType state = ScanType::kAccepted;
  int64_t state_at = 0;
  std::optional<int64_t> state_node_id;  // the node of the event that set the state
  std::optional<int64_t> last_node_id;   // the node of the latest event naming one
  int64_t first_at = 0, last_at = 0;
};
// Needs at least one event.
DerivedState DeriveState(std::vector<StateEvent> events);

// ---- ingest ----

struct Ingest {
  const Deps& deps;
  const account::Principal& who;
  Source default_source = Source::kManual;
};

// What one row came to.
enum class RowResult { kAccepted, kDuplicate };

// Checks a scan (carrier of the county, waybill number, type, time not in the future beyond
// 10 minutes, node by code, reason of a 问题件, texts) into an event; kInvalidArgument naming
// the field for a bad one. `nodes` caches code lookups across rows.
class NodeCache {
 public:
  // The county's node of `code`, if any (each code looked up once).
  Result<std::optional<Node>> ByCode(storage::Connection& conn, const RegionCode& county,
                                     const std::string& code);

 private:
  std::map<std::string, std::optional<Node>> cache_;
};
Result<Event> CheckScan(storage::Connection& conn, const Ingest& ing, const ScanInput& in,
                        NodeCache& nodes);

// Stores a checked event inside the caller's write transaction: the waybill made or found (and
// the phone set when it had none), the event inserted unless its key is stored. Adds the
// waybill's id to `touched` when an event was added (call RefreshWaybills after the batch).
Result<RowResult> StoreEvent(storage::Connection& conn, const Ingest& ing, const Event& e,
                             const std::string& phone, std::set<int64_t>& touched);
// Recomputes the state (and region) of the waybills in `touched` from their events.
Status RefreshWaybills(storage::Connection& conn, const Ingest& ing,
                       const std::set<int64_t>& touched);

// One scan entered by hand or sent by an app (POST /logistics/scans): checked, stored, the
// waybill refreshed and the entry audited "logistics.scan" (a duplicate writes nothing).
struct ScanOutcome {
  RowResult result = RowResult::kAccepted;
  int64_t waybill_id = 0;
};
Result<ScanOutcome> RecordScan(const Deps& d, const account::Principal& who, const ScanInput& in);

Status NeedIngest(const account::Principal& who);

}  // namespace ruralec::logistics
