// Tracking (issue 22 item 3): a waybill's timeline for staff, and the public lookup by waybill
// number plus the last four digits of the recipient's mobile.
//
// Contract:
//  - Staff (logistics:parcel:read) look a waybill up by carrier (value or label) and number in
//    their county; a waybill whose region is outside their scope is "not found", like an
//    unknown one. The answer: the waybill (state, masked mobile) and every event by scan time
//    with node names.
//  - The public (no session) give the number and phone4; the answer is the state and the events
//    (type, time, node name or the carrier's site, problem reason) of the waybills whose stored
//    mobile ends in phone4 — no mobile, operator, raw carrier text or id. An unknown number, a
//    wrong phone4 and a waybill without a mobile answer the same 404 with the same message,
//    after the same single indexed query (the keyed tag of number and phone4).
//  - Public lookups are rate-limited per client address and per waybill number (PublicLimiter):
//    at most kPublicMissesPerAddress failed lookups per address and kPublicMissesPerNumber per
//    number in kPublicWindowMs; beyond that every lookup from that address or for that number
//    answers 503 with Retry-After until the window passes (the limit is per server instance).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "logistics/parcels.h"
#include "logistics/parcels_store.h"

namespace ruralec::logistics {

struct TimelineEvent {
  Event event;
  std::string node_name, next_node_name;  // registered nodes' names ("" otherwise)
};

struct WaybillView {
  store::WaybillRow waybill;
  std::string carrier_label, region_name, state_node_name;
  std::vector<TimelineEvent> events;
};

// Staff lookup (see the contract).
Result<WaybillView> TrackWaybill(const Deps& d, const account::Principal& who,
                                 const std::string& carrier, const std::string& number);
Result<WaybillView> WaybillById(const Deps& d, const account::Principal& who, int64_t id);
// The waybills of the caller's scope (paginated), newest event first by default.
Result<Page<store::WaybillRow>> ListWaybills(const Deps& d, const account::Principal& who,
                                             store::WaybillFilter f, const PageRequest& page);

inline constexpr int kPublicMissesPerAddress = 20;
inline constexpr int kPublicMissesPerNumber = 10;
inline constexpr int64_t kPublicWindowMs = 15 * 60'000;

// Counts failed public lookups in memory (injected clock).
class PublicLimiter {
 public:
  explicit PublicLimiter(const Clock& clock) : clock_(clock) {}
  // kUnavailable when the address or the number has used up its failures.
  Status Check(const std::string& address, const std::string& number);
  void Miss(const std::string& address, const std::string& number);

 private:
  struct Window {
    int64_t start = 0;
    int misses = 0;
  };
  bool Over(std::map<std::string, Window>& m, const std::string& key, int limit, int64_t now);
  void Add(std::map<std::string, Window>& m, const std::string& key, int64_t now);

  const Clock& clock_;
  std::mutex mu_;
  std::map<std::string, Window> by_address_, by_number_;
};

// Public lookup (see the contract): kNotFound "未查到该运单" for every failure.
Result<std::vector<WaybillView>> PublicTrack(const Deps& d, PublicLimiter& limiter,
                                             const std::string& address, const std::string& number,
                                             const std::string& phone4);

}  // namespace ruralec::logistics
