// The public trace page (溯源查询, issue 23 item 6; docs/PRODUCTS.md "Public trace page"): what
// anyone holding a batch's code sees, without signing in.
//
// Contract:
//  - The code is the batch's random public code (16 URL-safe characters); nothing else opens a
//    batch, so batches cannot be enumerated by counting lots or ids.
//  - The view: the product (name, category, specs, packaging standard, GTIN or county item code,
//    grade and its scale, brands), the producer's business name only (never a person's data:
//    no contact, no legal representative, no actor of an event), the origin's region names, the
//    certifications that count today (the product's and its producer's: kind, number, issuer,
//    valid to), the batch (lot, quantity, production date), its events by event time (step,
//    time, place, quantity, ILMD dates, the inspection's result and report number; a declared
//    event flagged as corrected; no notes, no actors) and whether its chain verifies.
//  - The timeline is paged: kPublicEvents events from `events_from` (0: the first), with the
//    total. The chain's verdict: every row after the batch's verified mark walked, the mark
//    checked (CheckRecent), and every event shown and every declaration checked against its own
//    tag; a read that walked rows past the mark and found them holding moves the mark.
//  - Lookups are limited per client address, in memory per instance, like the logistics public
//    tracking: an address with kPublicMisses failed lookups (unknown or malformed codes) in
//    kPublicWindowMs gets kUnavailable until the window passes; found codes are never limited.
//  - Each lookup that finds its batch (its first page of events) counts one scan of the batch on
//    the day (Asia/Shanghai); a failure to count does not fail the page.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/window_counter.h"
#include "products/trace.h"

namespace ruralec::products::trace {

inline constexpr int kPublicMisses = 20;
// Events a page of the public timeline shows (a batch's first ones by event time; the next from
// `events_from`).
inline constexpr int64_t kPublicEvents = 100;
inline constexpr int64_t kPublicWindowMs = 15 * 60'000;

struct PublicCert {
  std::string kind, kind_label, number, issuer;
  CivilDate valid_to;
  bool of_producer = false;  // the producer's certificate (else the product's)
};

struct PublicEvent {
  std::string step, step_label, event_time, place;
  std::string quantity, input_quantity, uom;
  std::vector<std::pair<std::string, std::string>> dates;  // cbvmda key → YYYY-MM-DD
  std::string result;                                      // inspecting: pass | fail
  std::string test_report;
  bool corrected = false;  // declared erroneous by a later correction
};

struct PublicView {
  std::string code;
  std::string product_name, category_label, specs, packaging_standard, item_key;
  bool has_gtin = false;
  std::string grade, grade_scale_name, brand_name, regional_brand_name;
  std::string producer_name, origin;  // business name; "安徽省宿州市埇桥区符离镇"
  std::string admission, admission_label;
  std::string lot, quantity, uom;
  std::optional<CivilDate> produced_on;
  std::vector<PublicCert> certifications;
  std::vector<PublicEvent> events;  // kPublicEvents at most, from events_from, by event time
  int64_t events_total = 0, events_from = 0;
  bool chain_ok = false;
  bool shown_ok = true;  // every event shown (and every declaration) holds its own tag
};

// The public view of the batch with `code` (contract above); kNotFound "未查到该溯源码" for an
// unknown or malformed code, kUnavailable when `address` used up its misses. `misses` counts the
// failures per address: WindowCounter(clock, kPublicMisses, kPublicWindowMs), one per server.
Result<PublicView> PublicTrace(const Deps& d, WindowCounter& misses, const std::string& address,
                               const std::string& code, int64_t events_from = 0);

// ---- scan statistics (the console's 扫码统计; products:read, the caller's scope) ----
struct ScanFilter {
  RegionCode region;                  // default the caller's
  std::optional<CivilDate> from, to;  // default the 30 days up to today
};
struct BatchScanRow {
  Batch batch;  // with the product's name and the producer's
  int64_t scans = 0;
  std::optional<CivilDate> last_day;
};
struct DayCount {
  CivilDate day;
  int64_t scans = 0;
};
// The batches of the scope scanned in the range, most scanned first (an entity account: its
// own); kInvalidArgument naming from/to for a reversed or over-a-year range.
Result<Page<BatchScanRow>> ScanStats(const Deps& d, const account::Principal& who, ScanFilter f,
                                     const PageRequest& page);
// One batch's scans per day in the range (days without a scan left out); kNotFound outside the
// caller's view.
Result<std::vector<DayCount>> BatchScanDays(const Deps& d, const account::Principal& who,
                                            int64_t batch_id, ScanFilter f);

}  // namespace ruralec::products::trace
