// The staged scan import (scan_stage.h contract).
#include "logistics/scan_stage.h"

#include "imports/imports.h"
#include "logistics/network_store.h"
#include "storage/figure_changes.h"

namespace ruralec::logistics {
namespace {

constexpr size_t kFlushRows = 2000;
// A staged event's stand-in id for DeriveState's tie-break: above every stored id, in file order
// (the order PublishStagedEvents inserts them in, so the real ids sort the same way).
constexpr int64_t kStagedIds = int64_t{1} << 62;

}  // namespace

ScanStager::ScanStager(const Deps& deps, const account::Principal& who, Source source)
    : deps_(deps), ing_{deps_, who, source} {}

Result<ScanStager::Waybill*> ScanStager::WaybillOf(storage::Connection& conn, const Event& e) {
  std::string key = e.carrier + '|' + e.waybill_no;
  if (auto it = waybills_.find(key); it != waybills_.end()) return &it->second;
  Waybill w;
  w.carrier = e.carrier;
  w.waybill_no = e.waybill_no;
  w.direction = e.direction;
  ASSIGN_OR_RETURN(auto found,
                   store::FindWaybill(conn, ing_.who.region.county(), e.carrier, e.waybill_no));
  if (found) {
    w.id = found->id;
    w.region = found->region.str();
    w.has_phone = found->has_phone;
    w.stored_events = found->event_count;
    ASSIGN_OR_RETURN(store::StoredEvents stored, store::EventsOfWaybill(conn, found->id));
    w.keys.insert(stored.keys.begin(), stored.keys.end());
    w.events = std::move(stored.events);
  } else {
    w.region = ing_.who.region.str();
  }
  Waybill* out = &waybills_.emplace(std::move(key), std::move(w)).first->second;
  order_.push_back(out);  // map nodes do not move
  return out;
}

Result<RowResult> ScanStager::Add(storage::Connection& conn, const ScanInput& in,
                                  int64_t source_row) {
  if (!stage_ready_) {
    RETURN_IF_ERROR(store::CreateScanStage(conn));
    stage_ready_ = true;
  }
  ASSIGN_OR_RETURN(Event e, CheckScan(conn, ing_, in, nodes_));
  ASSIGN_OR_RETURN(Waybill * w, WaybillOf(conn, e));
  // A town clerk adds scans to their town's parcels only (county staff and drivers: all).
  if (w->id) {
    ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(w->region));
    if (!ing_.who.InScope(region))
      return Error::Invalid("waybill_no", "运单 " + e.waybill_no + " 不在您的管辖范围内");
  }
  // The first mobile given for a waybill stays, even from a row that is a duplicate scan.
  if (!in.recipient_phone.empty() && !w->has_phone) {
    w->phone = PhoneFor(ing_.deps.cipher, e.waybill_no, in.recipient_phone);
    w->has_phone = true;
  }
  std::string key = e.DedupeKey();
  if (!w->keys.insert(key).second) return RowResult::kDuplicate;
  e.source_row = source_row;
  w->events.push_back({kStagedIds + source_row, e.type, e.at.utc_ms, e.node_id});
  CivilDate day = ShanghaiDate(e.at.utc_ms);
  if (!earliest_ || day < *earliest_) earliest_ = day;
  buffer_.push_back({std::move(e), std::move(key)});
  ++staged_;
  if (buffer_.size() >= kFlushRows) RETURN_IF_ERROR(Flush(conn));
  return RowResult::kAccepted;
}

Status ScanStager::Flush(storage::Connection& conn) {
  if (buffer_.empty()) return {};
  RETURN_IF_ERROR(store::AppendScanStage(conn, buffer_));
  buffer_.clear();
  return {};
}

Status ScanStager::Finish(storage::Connection& conn) { return Flush(conn); }

// The region of the node of the latest event naming one, else the waybill's own.
Result<std::string> ScanStager::RegionOf(storage::Connection& conn, const Waybill& w,
                                         const DerivedState& s) {
  if (!s.last_node_id) return w.region;
  auto it = node_regions_.find(*s.last_node_id);
  if (it == node_regions_.end()) {
    ASSIGN_OR_RETURN(Node n, store::GetNode(conn, *s.last_node_id));
    it = node_regions_.emplace(n.id, n.region.str()).first;
  }
  return it->second;
}

Status ScanStager::Publish(storage::Connection& conn, int64_t batch) {
  if (!stage_ready_) return {};
  // The stored waybills must be as they were checked: region (scope) and events (state).
  std::vector<int64_t> ids;
  std::unordered_map<int64_t, const Waybill*> stored;
  for (const Waybill* w : order_) {
    if (w->id && w->events.size() > static_cast<size_t>(w->stored_events)) {
      ids.push_back(*w->id);
      stored.emplace(*w->id, w);
    }
  }
  ASSIGN_OR_RETURN(auto now_stored, store::StoredWaybillsNow(conn, ids));
  if (now_stored.size() != ids.size()) return imports::RestartImport();
  for (const auto& s : now_stored) {
    const Waybill* w = stored.at(s.id);
    if (s.region != w->region || s.event_count != w->stored_events) return imports::RestartImport();
  }
  int64_t now = ing_.deps.clock.NowMs();
  RETURN_IF_ERROR(WriteWaybills(conn, now));
  if (staged_ == 0) return {};  // only duplicates (and perhaps a first mobile)
  RegionCode county = ing_.who.region.county();
  std::optional<int64_t> by;
  if (ing_.who.id.valid()) by = ing_.who.id.value;
  auto added = store::PublishStagedEvents(conn, county, batch, by, now);
  if (!added.ok() && added.error().code == ErrorCode::kConflict) return imports::RestartImport();
  if (!added.ok()) return added.take_error();
  if (*added != staged_) return imports::RestartImport();
  // The county's express coverage and delivery frequency from the earliest scan's month.
  return storage::MarkFiguresChanged(conn, county, earliest_->ToString(), now);
}

// New waybills in bulk (in the order the file names them) with their derived state and mobile;
// stored ones that gained events get their state (and a first mobile) written.
Status ScanStager::WriteWaybills(storage::Connection& conn, int64_t now) {
  std::vector<store::NewWaybill> made;
  std::vector<store::WaybillState> states;
  for (const Waybill* wp : order_) {
    const Waybill& w = *wp;
    if (w.id && w.phone) RETURN_IF_ERROR(store::SetPhone(conn, *w.id, *w.phone));
    if (w.events.size() == static_cast<size_t>(w.stored_events)) continue;  // duplicates only
    DerivedState s = DeriveState(w.events);
    ASSIGN_OR_RETURN(std::string region_text, RegionOf(conn, w, s));
    ASSIGN_OR_RETURN(RegionCode region, RegionCode::Parse(region_text));
    auto count = static_cast<int64_t>(w.events.size());
    if (!w.id) {
      made.push_back({w.carrier, w.waybill_no, w.direction, region, s, count, w.phone});
      continue;
    }
    states.push_back({*w.id, region, s, count});
  }
  auto st = store::InsertNewWaybills(conn, ing_.who.region.county(), made, now);
  if (!st.ok() && st.error().code == ErrorCode::kConflict) return imports::RestartImport();
  RETURN_IF_ERROR(st);
  return store::WriteStates(conn, states, now);
}

void ScanStager::Discard(storage::Connection& conn) {
  if (stage_ready_) store::DropScanStage(conn);
  stage_ready_ = false;
}

}  // namespace ruralec::logistics
