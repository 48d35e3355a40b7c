// Scan statistics of the public trace pages (public_trace.h "scan statistics").
#include "entity/entity.h"
#include "products/products_store.h"
#include "products/public_trace.h"
#include "products/scan_store.h"
#include "products/service_internal.h"
#include "products/trace_store.h"

namespace ruralec::products::trace {
namespace {

Status Range(const Deps& d, ScanFilter& f) {
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  if (!f.to) f.to = today;
  if (!f.from) f.from = f.to->AddDays(-29);
  if (*f.to < *f.from) return Error::Invalid("to", "结束日期不能早于开始日期");
  if (f.to->DaysSinceEpoch() - f.from->DaysSinceEpoch() > 366)
    return Error::Invalid("from", "统计区间不能超过一年");
  return {};
}

}  // namespace

Result<Page<BatchScanRow>> ScanStats(const Deps& d, const account::Principal& who, ScanFilter f,
                                     const PageRequest& page) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  if (f.region.empty()) f.region = who.region;
  if (!who.InScope(f.region))
    return Error::Forbidden("区划 " + f.region.str() + " 不在您的管辖范围内");
  RETURN_IF_ERROR(Range(d, f));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto totals,
                   store::ScanTotals(*conn, f.region, internal::Owner(who), *f.from, *f.to, page));
  Page<BatchScanRow> out;
  out.total = totals.total;
  out.page = totals.page;
  out.page_size = totals.page_size;
  std::vector<int64_t> entities;
  for (const auto& t : totals.items) {
    ASSIGN_OR_RETURN(auto b, store::GetBatch(*conn, t.batch_id));
    if (!b) continue;
    ASSIGN_OR_RETURN(auto p, products::store::GetProduct(*conn, b->product_id));
    if (p) {
      b->product_name = p->name;
      b->gtin = p->gtin;
    }
    entities.push_back(b->entity_id);
    out.items.push_back({*b, t.scans, t.last_day});
  }
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(*conn, entities));
  for (auto& r : out.items)
    if (names.contains(r.batch.entity_id)) r.batch.entity_name = names[r.batch.entity_id].name;
  return out;
}

Result<std::vector<DayCount>> BatchScanDays(const Deps& d, const account::Principal& who,
                                            int64_t batch_id, ScanFilter f) {
  RETURN_IF_ERROR(internal::NeedRead(who));
  RETURN_IF_ERROR(Range(d, f));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto b, store::GetBatch(*conn, batch_id));
  if (!b || !internal::Sees(who, b->region, b->entity_id))
    return Error::NotFound("批次不存在或不在您的管辖范围内");
  ASSIGN_OR_RETURN(auto days, store::ScansOf(*conn, batch_id, *f.from, *f.to));
  std::vector<DayCount> out;
  for (const auto& x : days) out.push_back({x.day, x.scans});
  return out;
}

}  // namespace ruralec::products::trace
