#include "station/records_import.h"

#include <memory>
#include <unordered_map>

#include "region/region.h"
#include "station/import_rows_internal.h"
#include "station/records_internal.h"
#include "storage/figure_changes.h"

namespace ruralec::station {
namespace {

using imports::Cells;
using imports::Column;
using imports::RowError;
using imports::RowOutcome;

enum Col { kRegion, kName, kPeriod, kItem, kQuantity, kAmount };
constexpr Column kColumns[] = {{"区划代码*", true}, {"站点名称*", true}, {"月份*", true},
                               {"服务项目*", true}, {"数量*", true},     {"金额(元)", false}};

// The current records of the months a station of the file names (read once per station and
// month, before this file wrote any) and the keys this file gave it.
struct Known {
  std::unordered_map<std::string, std::map<std::string, ServiceRecord>> months;  // period → item
  std::unordered_map<std::string, int64_t> in_file;  // "period|item" → row number
};

class RecordRows : public imports::RowHandler {
 public:
  RecordRows(const account::Principal& who, int64_t batch, int64_t now, CivilDate today)
      : who_(who), batch_(batch), now_(now), today_(today), stations_(who) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    std::optional<RowError> reject;
    ASSIGN_OR_RETURN(internal::FileStation * s, stations_.Find(conn, c, kRegion, kName, reject));
    if (!s) return reject;
    const std::string& period = c.Get(kPeriod);
    if (Status st = CheckPeriod(period, today_); !st.ok())
      return std::optional(c.Reject(kPeriod, st.error().message));
    auto f = internal::ReadFigure(c, *s, kItem, kQuantity, kAmount, reject);
    if (!f) return reject;
    return Keep(conn, c, *s->ref, known_[s->ref->id], period, f->item, f->quantity, f->amount_fen);
  }

  Status Finish(storage::Connection& conn) override { return Flush(conn); }

 private:
  static constexpr size_t kFlushRows = 2000;

  RowOutcome Keep(storage::Connection& conn, const Cells& c, const store::StationRef& ref, Known& k,
                  const std::string& period, const RecordItem& item, int64_t q, int64_t amount) {
    std::string key = period + "|" + item.value;
    auto [at, fresh] = k.in_file.emplace(key, c.row.number);
    if (!fresh)
      return std::optional(c.Reject(
          -1, "与文件第" + std::to_string(at->second) + "行重复（同一站点、月份、服务项目）"));
    auto month = k.months.find(period);
    if (month == k.months.end()) {
      ASSIGN_OR_RETURN(auto current, store::CurrentOfMonth(conn, ref.id, period));
      month = k.months.emplace(period, std::move(current)).first;
    }
    if (auto cur = month->second.find(item.value); cur != month->second.end()) {
      if (cur->second.quantity == q && cur->second.amount_fen == amount)
        return std::optional(c.AlreadyImported());  // the same figures: nothing to write
      if (cur->second.source == "events")           // events.h: the month is the sum of its events
        return std::optional(c.Reject(
            -1, "该站点本月“" + item.label + "”按单笔记录汇总（合计不同），不能导入月度合计"));
      return std::optional(c.Reject(
          -1, "该站点本月已有不同的“" + item.label + "”记录，如需修改请在站点服务记录中更正"));
    }
    store::NewRecord r{ref.id, ref.region, period, item.value, q, amount, "import"};
    r.batch_id = batch_;
    r.source_row = c.row.number;
    r.created_by = who_.id.valid() ? std::optional<int64_t>(who_.id.value) : std::nullopt;
    r.created_at = now_;
    rows_.push_back(store::RecordRow(r));
    if (rows_.size() >= kFlushRows) RETURN_IF_ERROR(Flush(conn));
    return std::optional<RowError>();
  }

  Status Flush(storage::Connection& conn) {
    if (rows_.empty()) return {};
    RETURN_IF_ERROR(storage::MarkFiguresChangedRows(conn, store::RecordColumns(), rows_,
                                                    "region_code", "period", now_));
    auto n = conn.BulkInsert("station_service_records", store::RecordColumns(), rows_);
    rows_.clear();
    if (!n.ok()) return n.take_error();
    return {};
  }

  const account::Principal& who_;
  int64_t batch_, now_;
  CivilDate today_;
  internal::StationFinder stations_;
  std::unordered_map<int64_t, Known> known_;  // by station id
  std::vector<std::vector<storage::Value>> rows_;
};

}  // namespace

Result<imports::ImportReport> ImportRecords(const imports::ImportContext& ctx,
                                            const account::Principal& who, const std::string& path,
                                            imports::Mode mode, const imports::ImportOptions& opt) {
  if (!who.Can("station:record:import")) return Error::Forbidden("没有导入站点服务记录的权限");
  int64_t now = ctx.clock.NowMs();
  CivilDate today = ShanghaiDate(now);
  imports::HandlerFactory make =
      [&who, now, today](
          storage::Connection&,
          const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<RecordRows>(who, batch.id, now, today);
  };
  return imports::Run(ctx, who, path, mode, {"station_records", "station.records.import", kColumns},
                      make, opt);
}

spreadsheet::Sheet RecordsTemplate() {
  return imports::Template(
      "站点服务记录", kColumns,
      {"341302100201", "符离镇大庄村电商服务站", "2024-05", "代卖（农产品上行）", "36", "12800.50"},
      {"带*的列必填；列的顺序不限。每行是一个站点一个月一个服务项目的合计。",
       "区划代码、站点名称：与站点台账一致（站点须已登记，且在您的填报范围内）；区划可填12位代码"
       "或乡镇、村的名称（如“符离镇/沈圩村”）。",
       "月份：YYYY-MM，不能是未来月份。",
       "服务项目：代买、代卖（农产品上行）、生活缴费、快递代收、快递代发、金融服务、代购车票机票、"
       "社区团购、话费充值、信息咨询，或县级添加的项目（名称或代码）。",
       "数量：单数/件数/笔数等非负整数；金额：元，最多两位小数（快递代收代发、信息咨询不填金额）。",
       "同一站点、月份、服务项目只能有一行；已有相同记录的行不重复写入，已有不同记录的行被拒绝"
       "（请在站点服务记录中更正）；同一文件再次导入不会新增数据。"});
}

}  // namespace ruralec::station
