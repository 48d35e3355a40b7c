// The public trace page's view of a batch (public_trace.h contract).
#include "products/public_trace.h"

#include <algorithm>
#include <map>

#include "products/links.h"
#include "products/products.h"
#include "products/products_store.h"
#include "products/scan_store.h"
#include "products/service_internal.h"
#include "products/trace_store.h"
#include "region/region.h"

namespace ruralec::products::trace {
namespace {

Error NotTraced() { return Error::NotFound("未查到该溯源码，请核对包装上的二维码"); }

bool WellFormed(const std::string& code) {
  return code.size() == 16 && std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  c == '-' || c == '_';
         });
}

// The origin as "安徽省宿州市埇桥区符离镇" (the stored ancestors' names, top down).
Result<std::string> OriginOf(storage::Connection& conn, const RegionCode& region) {
  ASSIGN_OR_RETURN(auto path, region::Path(conn, region));
  std::string out;
  for (const auto& r : path) out += r.name;
  return out;
}

Status FillProduct(storage::Connection& conn, const Batch& b, CivilDate today, PublicView& v) {
  ASSIGN_OR_RETURN(auto stored, products::store::GetProduct(conn, b.product_id));
  if (!stored) return NotTraced();
  std::vector<Product> one = {*stored};
  RETURN_IF_ERROR(internal::Name(conn, one, today));
  const Product& p = one[0];
  v.product_name = p.name;
  v.category_label = p.category_label.empty() ? p.category : p.category_label;
  v.specs = p.specs;
  v.packaging_standard = p.packaging_standard;
  v.has_gtin = !p.gtin.empty();
  v.item_key = v.has_gtin ? p.gtin : CountyItemCode(p.id);
  v.grade = p.grade;
  v.grade_scale_name = p.grade_scale_name;
  v.brand_name = p.brand_name;
  v.regional_brand_name = p.regional_brand_name;
  v.producer_name = p.entity_name;
  v.admission = AdmissionName(p.admission);
  v.admission_label = AdmissionLabel(p.admission);
  ASSIGN_OR_RETURN(v.origin, OriginOf(conn, p.region));
  ASSIGN_OR_RETURN(auto certs, products::store::CertificationsOf(conn, p.id, p.entity_id));
  RETURN_IF_ERROR(internal::NameCerts(conn, certs, today));
  for (const auto& c : certs)
    if (c.status == "valid")
      v.certifications.push_back(
          {c.kind, c.kind_label, c.number, c.issuer, c.valid_to, !c.product_id.has_value()});
  return {};
}

PublicEvent PublicOf(const Event& e, const std::map<std::string, std::string>& places) {
  PublicEvent out;
  const Step* step = FindStep(e.step);
  out.step = e.step;
  out.step_label = step ? step->label : e.step;
  out.event_time = FormatEventTime(e.event_time, e.time_zone_offset);
  auto it = places.find(e.biz_location);
  out.place = it == places.end() ? "" : it->second;
  out.quantity = e.quantity;
  out.input_quantity = e.input_quantity;
  out.uom = e.uom;
  for (const auto& [k, val] : e.ilmd)
    if (k != "cbvmda:lotNumber") out.dates.emplace_back(k, val);
  if (e.step == "inspecting") {
    out.result = e.disposition == "conformant" ? "pass" : "fail";
    out.test_report = e.test_report;
  }
  out.corrected = !e.declared_reason.empty();
  return out;
}

// The page of the timeline from `from` (kPublicEvents at most, by event time), each event shown
// and each declaration checked against its own tag.
Status FillEvents(storage::Connection& conn, const crypto::RecordMac& mac, const Batch& b,
                  int64_t from, PublicView& v) {
  ASSIGN_OR_RETURN(auto decls, store::DeclarationsOf(conn, b.id));
  ASSIGN_OR_RETURN(auto rows, store::EventsByTime(conn, b.id, from, kPublicEvents));
  v.events_total = std::max<int64_t>(0, b.event_count - static_cast<int64_t>(decls.size()));
  v.events_from = from;
  std::map<std::string, std::string> declared;
  for (const auto& decl : decls) {
    declared[decl.event_id] = decl.error_reason;
    v.shown_ok = v.shown_ok && mac.Check(kTagContext, TagInput(decl, b), decl.hash);
  }
  std::vector<std::string> codes;
  for (auto& e : rows) {
    codes.push_back(e.biz_location);
    if (auto it = declared.find(e.event_id); it != declared.end()) e.declared_reason = it->second;
    v.shown_ok = v.shown_ok && mac.Check(kTagContext, TagInput(e, b), e.hash);
  }
  ASSIGN_OR_RETURN(auto places, region::NamesOf(conn, codes));
  for (const auto& e : rows) v.events.push_back(PublicOf(e, places));
  return {};
}

}  // namespace

Result<PublicView> PublicTrace(const Deps& d, WindowCounter& misses, const std::string& address,
                               const std::string& code, int64_t events_from) {
  if (misses.Over(address))
    return Error{ErrorCode::kUnavailable, "查询过于频繁，请15分钟后再试", ""};
  if (!WellFormed(code)) {
    misses.Add(address);
    return NotTraced();
  }
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto batch, store::BatchByCode(*conn, code));
  if (!batch) {
    misses.Add(address);
    return NotTraced();
  }
  const CivilDate today = ShanghaiDate(d.clock.NowMs());
  PublicView v;
  v.code = code;
  v.lot = batch->lot;
  v.quantity = batch->quantity;
  v.uom = batch->uom;
  v.produced_on = batch->produced_on;
  if (events_from < 0) events_from = 0;
  RETURN_IF_ERROR(FillProduct(*conn, *batch, today, v));
  RETURN_IF_ERROR(FillEvents(*conn, d.mac, *batch, events_from, v));
  ASSIGN_OR_RETURN(auto chain, CheckRecent(*conn, d.mac, *batch));
  v.chain_ok = chain.ok && v.shown_ok;
  // The scan (the first page of the timeline only) and the chain's mark moved past the rows
  // walked: their own short write; a busy database costs the count or the mark, not the page.
  if (events_from == 0 || chain.held_seq > chain.marked)
    (void)storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
      if (events_from == 0) RETURN_IF_ERROR(store::CountScan(*conn, *batch, today));
      if (v.chain_ok) RETURN_IF_ERROR(MoveMark(*conn, d.mac, *batch, chain, d.clock.NowMs()));
      return {};
    });
  return v;
}

}  // namespace ruralec::products::trace
