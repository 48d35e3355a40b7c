#include "station/events_import.h"

#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "core/validate.h"
#include "station/events_internal.h"
#include "station/events_store.h"
#include "station/import_rows_internal.h"
#include "station/records_internal.h"
#include "storage/figure_changes.h"

namespace ruralec::station {
namespace {

using imports::Cells;
using imports::Column;
using imports::RowError;
using imports::RowOutcome;

enum Col { kRegion, kName, kDate, kItem, kQuantity, kAmount, kProducts, kHouseholds, kNote };
constexpr Column kColumns[] = {{"区划代码*", true}, {"站点名称*", true},
                               {"日期*", true},     {"服务项目*", true},
                               {"数量*", true},     {"金额(元)", false},
                               {"产品", false},     {"农户", false, imports::Personal::kIdNumber},
                               {"备注", false}};

// "酥梨、黄桃;葡萄" → {"酥梨", "黄桃", "葡萄"}: items separated by 、 , ， ; or ；.
std::vector<std::string> SplitList(const std::string& cell) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < cell.size();) {
    bool sep = false;
    for (std::string_view s : {"、", "，", "；", ",", ";"}) {
      if (cell.compare(i, s.size(), s) == 0) {
        flush();
        i += s.size();
        sep = true;
        break;
      }
    }
    if (!sep) cur += cell[i++];
  }
  flush();
  return out;
}

// Household cells: a decimal id (households module) or a head's 18-character ID number.
void SplitHouseholds(const std::string& cell, EventInput& in) {
  for (auto& v : SplitList(cell)) {
    bool digits =
        !v.empty() && v.size() <= 15 && v.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      in.household_ids.push_back(std::stoll(v));
    } else {
      in.household_id_numbers.push_back(v);
    }
  }
}

using Key = std::tuple<int64_t, std::string, std::string>;  // station, period, item

class EventRows : public imports::RowHandler {
 public:
  EventRows(const imports::ImportContext& ctx, const account::Principal& who,
            const imports::BatchContext& batch, int64_t now)
      : ctx_(ctx), who_(who), batch_(batch), now_(now), stations_(who) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    if (!earlier_) {
      ASSIGN_OR_RETURN(auto rows, store::ImportedRows(conn, batch_.same_file));
      earlier_ = std::move(rows);
    }
    if (earlier_->count(c.row.number)) return std::optional(c.AlreadyImported());
    std::optional<RowError> reject;
    ASSIGN_OR_RETURN(internal::FileStation * s, stations_.Find(conn, c, kRegion, kName, reject));
    if (!s) return reject;
    auto f = internal::ReadFigure(c, *s, kItem, kQuantity, kAmount, reject);
    if (!f) return reject;
    ASSIGN_OR_RETURN(auto e, Event(conn, c, *s->ref, *f, reject));
    if (!e) return reject;
    return Keep(conn, c, *s->ref, f->item, std::move(*e));
  }

  Status Finish(storage::Connection& conn) override {
    RETURN_IF_ERROR(Flush(conn));
    for (const auto& [key, region] : touched_) {
      const auto& [station, period, item] = key;
      auto r =
          internal::SyncMonth(conn, {station, region, period, item}, IdOf(), now_, "导入单笔记录");
      if (!r.ok()) return r.take_error();
    }
    return {};
  }

 private:
  static constexpr size_t kFlushRows = 2000;

  std::optional<int64_t> IdOf() const {
    return who_.id.valid() ? std::optional<int64_t>(who_.id.value) : std::nullopt;
  }

  // The event of the row's date, products, households and note cells.
  Result<std::optional<store::NewEvent>> Event(storage::Connection& conn, const Cells& c,
                                               const store::StationRef& ref,
                                               const internal::FileFigure& f,
                                               std::optional<RowError>& reject) {
    auto fail = [&](int col, const std::string& why) {
      reject = c.Reject(col, why);
      return std::optional<store::NewEvent>();
    };
    auto on = CivilDate::Parse(c.Get(kDate), "happened_on");
    if (!on.ok()) return fail(kDate, on.error().message);
    CivilDate today = ShanghaiDate(now_);
    if (Status st = validate::PlausibleDate(*on, "happened_on", today); !st.ok())
      return fail(kDate, st.error().message);
    if (on->ToString() < "2000-01-01") return fail(kDate, "日期不能早于2000年");
    store::NewEvent e{ref.id, ref.region, on->ToString(), f.item.value, f.quantity, f.amount_fen};
    auto products = internal::CheckProducts(SplitList(c.Get(kProducts)));
    if (!products.ok()) return fail(kProducts, products.error().message);
    e.products = std::move(*products);
    EventInput in;
    SplitHouseholds(c.Get(kHouseholds), in);
    auto hh = internal::ResolveHouseholds(conn, ctx_.cipher, ref.region.county(), in.household_ids,
                                          in.household_id_numbers);
    if (!hh.ok() && !imports::IsRowError(hh.error())) return hh.take_error();
    if (!hh.ok()) return fail(kHouseholds, hh.error().message);
    e.household_ids = std::move(*hh);
    auto note = validate::ValidateText(c.Get(kNote), {"note", "备注", 200, true});
    if (!note.ok()) return fail(kNote, note.error().message);
    e.note = std::move(*note);
    return std::optional(std::move(e));
  }

  RowOutcome Keep(storage::Connection& conn, const Cells& c, const store::StationRef& ref,
                  const RecordItem& item, store::NewEvent e) {
    std::string period = e.happened_on.substr(0, 7);
    Key key{ref.id, period, item.value};
    if (!touched_.count(key)) {
      ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(conn, ref.id, period));
      auto cur = current.find(item.value);
      Status st = internal::CheckEventKey(
          cur == current.end() ? std::nullopt : std::optional<ServiceRecord>(cur->second), item);
      if (!st.ok()) return std::optional(c.Reject(kItem, st.error().message));
      touched_.emplace(key, ref.region);
    }
    e.source = "import";
    e.batch_id = batch_.id;
    e.source_row = c.row.number;
    e.created_by = IdOf();
    e.created_at = now_;
    rows_.push_back(store::EventRow(e));
    if (rows_.size() >= kFlushRows) RETURN_IF_ERROR(Flush(conn));
    return std::optional<RowError>();
  }

  Status Flush(storage::Connection& conn) {
    if (rows_.empty()) return {};
    RETURN_IF_ERROR(storage::MarkFiguresChangedRows(conn, store::EventColumns(), rows_,
                                                    "region_code", "happened_on", now_));
    auto n = conn.BulkInsert("station_service_events", store::EventColumns(), rows_);
    rows_.clear();
    if (!n.ok()) return n.take_error();
    return {};
  }

  const imports::ImportContext& ctx_;
  const account::Principal& who_;
  imports::BatchContext batch_;
  int64_t now_;
  internal::StationFinder stations_;
  std::optional<std::set<int64_t>> earlier_;  // rows earlier batches of the file wrote
  std::map<Key, RegionCode> touched_;         // keys this file wrote events for (checked)
  std::vector<std::vector<storage::Value>> rows_;
};

}  // namespace

Result<imports::ImportReport> ImportEvents(const imports::ImportContext& ctx,
                                           const account::Principal& who, const std::string& path,
                                           imports::Mode mode, const imports::ImportOptions& opt) {
  if (!who.Can("station:record:import")) return Error::Forbidden("没有导入站点服务记录的权限");
  int64_t now = ctx.clock.NowMs();
  imports::HandlerFactory make =
      [&ctx, &who, now](
          storage::Connection&,
          const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<EventRows>(ctx, who, batch, now);
  };
  return imports::Run(ctx, who, path, mode, {"station_events", "station.events.import", kColumns},
                      make, opt);
}

spreadsheet::Sheet EventsTemplate() {
  return imports::Template(
      "站点单笔服务记录", kColumns,
      {"341302100201", "符离镇大庄村电商服务站", "2024-05-18", "代卖（农产品上行）", "1", "128.50",
       "酥梨、黄桃", "", "张大爷代卖酥梨"},
      {"带*"
       "的列必填；列的顺序不限。每行是一笔服务（按笔记录的站点用此模板；按月合计用服务记录模板）。",
       "区划代码、站点名称：与站点台账一致（站点须已登记，且在您的导入范围内：乡镇、县级人员为"
       "辖区内站点，承办企业为本企业承办的站点）；区划可填12位代码或乡镇、村的名称。",
       "日期：YYYY-MM-DD，不能是未来日期；所在月份即记录月份。",
       "服务项目、数量、金额：同服务记录模板（快递代收代发、信息咨询不填金额）。",
       "产品：代买、代卖的产品名称，多个用、分隔（最多20个）。",
       "农户：服务的建档立卡户，填农户编号或户主身份证号，多个用、分隔；须是站点所在县登记的农户。",
       "一个站点某月某项目已按月填报了非零合计的，不能再导入该项目的单笔记录（会重复计数）；"
       "导入后该月该项目的月度合计即单笔记录之和。同一文件再次导入不会新增数据。"});
}

}  // namespace ruralec::station
