#include "station/events_internal.h"
#include "station/import_rows_internal.h"
#include "station/records_internal.h"

namespace ruralec::station::internal {
namespace {

Result<int64_t> ParseQuantity(const std::string& t) {
  if (t.empty() || t.size() > 10) return Error::Invalid("quantity", "数量应为非负整数");
  int64_t v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return Error::Invalid("quantity", "数量应为非负整数");
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

// Staff name places of their region; an operator company's stations lie anywhere in its county.
StationFinder::StationFinder(const account::Principal& who)
    : who_(who), regions_(who.Can("station:read") ? who.region : who.region.county()) {}

Result<FileStation*> StationFinder::Find(storage::Connection& conn, const imports::Cells& c,
                                         int region_col, int name_col,
                                         std::optional<imports::RowError>& reject) {
  auto region = regions_.Resolve(conn, c.Get(region_col));  // a code, or a town/village name
  if (!region.ok() && !imports::IsRowError(region.error())) return region.take_error();
  if (!region.ok() || region->level() < RegionLevel::kTown) {
    reject = c.Reject(region_col,
                      region.ok() ? "区划代码应为站点所在的乡镇或行政村" : region.error().message);
    return nullptr;
  }
  const std::string& name = c.Get(name_col);
  std::string key = region->str() + "|" + name;
  auto it = known_.find(key);
  if (it == known_.end()) {
    FileStation s;
    ASSIGN_OR_RETURN(s.ref, store::FindStation(conn, *region, name));
    if (s.ref) {
      s.writable = CanImport(who_, *s.ref);
      auto items = items_.find(region->county().str());
      if (items == items_.end()) {
        ASSIGN_OR_RETURN(auto all, RecordItems(conn, region->county()));
        items = items_.emplace(region->county().str(), std::move(all)).first;
      }
      s.items = items->second;
    }
    it = known_.emplace(key, std::move(s)).first;
  }
  if (!it->second.ref) {
    reject = c.Reject(name_col, "该区划下没有名为“" + name + "”的站点");
    return nullptr;
  }
  if (!it->second.writable) {
    reject = c.Reject(name_col, "该站点不在您的填报范围内");
    return nullptr;
  }
  return &it->second;
}

std::optional<FileFigure> ReadFigure(const imports::Cells& c, const FileStation& s, int item_col,
                                     int quantity_col, int amount_col,
                                     std::optional<imports::RowError>& reject) {
  const RecordItem* item = FindItem(s.items, c.Get(item_col));
  if (!item) {
    reject = c.Reject(item_col, "服务项目“" + c.Get(item_col) + "”不在字典中");
    return std::nullopt;
  }
  auto q = ParseQuantity(c.Get(quantity_col));
  if (!q.ok()) {
    reject = c.Reject(quantity_col, q.error().message);
    return std::nullopt;
  }
  FileFigure f{*item, *q, 0};
  if (!c.Get(amount_col).empty()) {
    auto a = Fen::Parse(c.Get(amount_col));
    if (!a.ok()) {
      reject = c.Reject(amount_col, a.error().message);
      return std::nullopt;
    }
    f.amount_fen = a->value;
  }
  if (Status st = CheckFigure(*item, f.quantity, f.amount_fen); !st.ok()) {
    reject =
        c.Reject(st.error().field == "quantity" ? quantity_col : amount_col, st.error().message);
    return std::nullopt;
  }
  return f;
}

}  // namespace ruralec::station::internal
