// Traceability (溯源, issue 23 item 3; docs/PRODUCTS.md): batches (lots) of library products and
// their trace events for the seven key steps, each an EPCIS 2.0 event.
//
// Contract:
//  - A batch belongs to an admitted product (its region, producer and county are the product's);
//    its lot is unique per product (1–20 of A–Z a–z 0–9 . _ -). Its public code is random (not
//    derived from anything countable).
//  - An event records one of Steps() (种植 planting, 养殖 breeding, 加工 processing, 包装 packing,
//    检测 inspecting, 运输 shipping, 销售 selling); the step fixes its EPCIS type, action, bizStep
//    and disposition (inspecting: conformant / non_conformant from the result). Its time is given
//    with an offset (+08:00 when none) and is not in the future; its read point and business
//    location are regions of the batch's county.
//  - Events are never edited nor deleted. A correction declares an event erroneous: a new row
//    with the declared event's fields and eventID, kind error_declaration, the reason
//    (incorrect_data | did_not_occur) and the eventIDs of the corrective events recorded with it.
//    An event is declared at most once.
//  - Idempotent by eventID: an event sent again with the same eventID and the same content is the
//    first one (repeated = true); the same eventID with other content is kConflict.
//  - Each batch's rows form a chain: seq 1, 2, … without gaps, prev_hash the previous row's hash,
//    hash = RecordMac.Tag("products.trace_event", TagInput(row)); the batch keeps the count and
//    the last hash. Verify walks it and names the first row that does not hold.
//  - Reads (the batch detail, the public page) give the chain's verdict from the batch's verified
//    mark (CheckRecent): the last row a check found holding, kept with its hash under the key.
//    Appending to a chain that holds moves the mark to the new row; a chain that does not hold
//    keeps its mark where it was, so the rows at fault stay after it and reads keep failing.
//  - Scope as products.h: reads need products:read, writes products:trace, the record's region in
//    scope, an entity account only its own entity's batches.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "crypto/crypto.h"
#include "storage/db.h"

namespace ruralec::products::trace {

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::RecordMac& mac;  // runtime::Context::record_mac
};

// One of the seven key steps and its EPCIS 2.0 mapping.
struct Step {
  const char* name;         // "planting"
  const char* label;        // "种植"
  const char* event_type;   // "ObjectEvent" | "TransformationEvent"
  const char* action;       // "ADD" | "OBSERVE" ("" for a TransformationEvent)
  const char* biz_step;     // CBV: "commissioning", "packing", "inspecting", …
  const char* disposition;  // CBV: "active", "in_progress", … ("" for inspecting: the result's)
  bool ilmd = false;        // carries instance/lot master data (harvest, production dates)
};
const std::vector<Step>& Steps();
const Step* FindStep(std::string_view name_or_label);
// The UN/ECE units a quantity may have (KGM 千克, …).
const std::vector<std::pair<std::string, std::string>>& Units();

struct Batch {
  int64_t id = 0;
  std::string county_code;
  RegionCode region;
  int64_t product_id = 0, entity_id = 0;
  std::string product_name, entity_name, gtin;  // the product's (filled on reads)
  std::string lot, quantity, uom;
  std::optional<CivilDate> produced_on;
  std::string public_code;
  int64_t event_count = 0;
  std::string head_hash;
  int64_t created_at = 0;
};
struct BatchInput {
  int64_t product_id = 0;
  std::string lot, quantity, uom;
  std::optional<CivilDate> produced_on;
};
struct BatchFilter {
  RegionCode region;
  std::optional<int64_t> product_id;
  std::string q;
};

struct Event {
  int64_t id = 0, batch_id = 0;
  std::string county_code;
  int64_t seq = 0;
  std::string event_id;        // urn:uuid:…
  std::string kind = "event";  // "event" | "error_declaration"
  std::string step, event_type, action, biz_step, disposition;
  std::string read_point, biz_location;  // 12-digit region codes
  int64_t event_time = 0;                // UTC ms
  std::string time_zone_offset = "+08:00";
  std::string quantity, input_quantity, uom;
  std::vector<std::pair<std::string, std::string>> ilmd;  // "cbvmda:…" → value
  std::string test_report, note;
  std::string error_reason;                 // a declaration's reason
  std::vector<std::string> corrective_ids;  // a declaration's corrective eventIDs
  std::string fingerprint;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  int64_t record_time = 0;
  std::string prev_hash, hash;
  // Filled on reads: declared erroneous by a later row (its reason).
  std::string declared_reason;
  bool repeated = false;
};

struct EventInput {
  std::string step;
  std::string event_id;                 // optional: the client's urn:uuid (idempotency)
  std::string event_time;               // "2023-09-01T08:00:00+08:00" (no offset: +08:00)
  RegionCode read_point, biz_location;  // default the batch's region / the read point
  std::string quantity, input_quantity, uom;
  std::optional<CivilDate> harvest_start, harvest_end, production_date, best_before;
  std::string test_report;  // inspecting: the test report's number (required)
  std::string result;       // inspecting: "pass" | "fail"
  std::string note;
};
struct CorrectionInput {
  std::string reason = "incorrect_data";  // | "did_not_occur"
  std::string note;                       // why (required)
  std::optional<EventInput> corrective;   // the corrected event, when there is one
};

struct VerifyReport {
  bool ok = true;
  int64_t batches = 0, events = 0;
  // CheckRecent: the rows the batch's mark covered (checked when it was set, not walked again)
  // and the seq and hash of the last row found holding (the mark it may move to).
  int64_t marked = 0, held_seq = 0;
  std::string held_hash;
  std::optional<int64_t> bad_event;  // the first bad row's id (none: the batch head is bad)
  std::string violation;             // in Chinese, naming the batch and the event
};

struct BatchDetail {
  Batch batch;
  std::vector<Event> events;  // chain order
  VerifyReport chain;         // from the batch's mark (CheckRecent)
};

Result<BatchDetail> CreateBatch(const Deps& d, const account::Principal& who, BatchInput in);
Result<Page<Batch>> ListBatches(const Deps& d, const account::Principal& who, BatchFilter f,
                                const PageRequest& page);
// The batch with every row (chain order) and its chain's verdict (CheckRecent).
Result<BatchDetail> GetBatch(const Deps& d, const account::Principal& who, int64_t id);
// The same without the rows (events empty): what a write's answer, a link or a label needs.
Result<BatchDetail> GetBatchHead(const Deps& d, const account::Principal& who, int64_t id);
// Records an event (contract above): the stored event, first or repeated.
Result<Event> RecordEvent(const Deps& d, const account::Principal& who, int64_t batch_id,
                          EventInput in);
// Declares event `event_row` of the batch erroneous, with the corrective event if given: the
// rows recorded (the declaration, then the corrective event), or the first ones (repeated).
Result<std::vector<Event>> Correct(const Deps& d, const account::Principal& who, int64_t batch_id,
                                   int64_t event_row, CorrectionInput in);

// Walks every batch's chain (or one batch's).
Result<VerifyReport> Verify(storage::Connection& conn, const crypto::RecordMac& mac,
                            std::optional<int64_t> batch = std::nullopt);
// A batch's chain from its verified mark (trace_chain_marks): the mark's own tag; the marked
// row still there with the mark's hash and its tag holding; as many rows with seq 1..mark as the
// mark's seq (none removed); every row after the mark walked as Verify does; the batch's count
// and head. `events` is the chain's length, `marked` what the mark covered. What it does not
// see: a row inside the marked prefix changed (its tag fails) or replaced — Verify does.
Result<VerifyReport> CheckRecent(storage::Connection& conn, const crypto::RecordMac& mac,
                                 const Batch& b);
// Moves b's mark to the row `r` found holding (r.held_seq, r.held_hash) when that is past the
// mark (r.ok and r.held_seq > r.marked); in the caller's write transaction.
Status MoveMark(storage::Connection& conn, const crypto::RecordMac& mac, const Batch& b,
                const VerifyReport& r, int64_t now_ms);
// The text a mark's tag covers.
std::string MarkInput(int64_t batch_id, int64_t seq, const std::string& hash);
constexpr const char* kMarkContext = "products.trace_mark";
// The text a row's hash covers (every column but id and hash; the batch's product and lot).
std::string TagInput(const Event& e, const Batch& b);
constexpr const char* kTagContext = "products.trace_event";

// Event times: "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)" → UTC ms and the offset ("+00:00" for Z);
// kInvalidArgument naming `field` otherwise. Format: the local time with its offset.
Result<std::pair<int64_t, std::string>> ParseEventTime(std::string_view text,
                                                       std::string_view field = "event_time");
std::string FormatEventTime(int64_t utc_ms, const std::string& offset);
// The EPCIS class of a batch: GS1 Digital Link https://id.gs1.org/01/{gtin}/10/{lot} when its
// product has a GTIN, else urn:ruralec:lot:{county}:{product}:{lot} (docs/PRODUCTS.md).
std::string EpcClass(const Batch& b);
// Where an event happened, as a URI: urn:ruralec:region:{12-digit code}.
std::string LocationUri(const std::string& region_code);

}  // namespace ruralec::products::trace
