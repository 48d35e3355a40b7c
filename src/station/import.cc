#include "station/import.h"

#include <algorithm>
#include <memory>
#include <span>

#include "region/region.h"
#include "station/service_internal.h"
#include "station/station_store.h"

namespace ruralec::station {
namespace {

using imports::Cells;
using imports::Column;
using imports::Personal;
using imports::RowError;
using imports::RowOutcome;

enum Col {
  kName,
  kLevel,
  kRegion,
  kAddress,
  kLat,
  kLng,
  kManager,
  kMobile,
  kAgreement,
  kBuildKind,
  kBuiltOn,
  kOnlineOn,
  kFacilities,
  kServices,
  kCarriers,
  kStatus,
  kStatusDate,
  kReason,
  kDocument,
};
constexpr Column kColumns[] = {
    {"站点名称*", true},
    {"站点级别*", true},
    {"区划代码*", true},
    {"地址", false},
    {"纬度", false},
    {"经度", false},
    {"负责人", false, Personal::kName},
    {"负责人手机", false, Personal::kMobile},
    {"承办协议编号", false},
    {"建设方式", false},
    {"建设时间", false},
    {"网上运营时间", false},
    {"配套设施", false},
    {"服务项目", false},
    {"快递品牌", false},
    {"状态", false},
    {"状态日期", false},
    {"状态变更原因", false},
    {"决定文件文号", false},
};
constexpr std::span<const Column> kCols(kColumns);

// Which column an error of the service's field names.
int ColumnOf(const std::string& field) {
  static const std::pair<const char*, Col> kFields[] = {
      {"name", kName},
      {"level", kLevel},
      {"region_code", kRegion},
      {"address", kAddress},
      {"lat", kLat},
      {"lng", kLng},
      {"manager_name", kManager},
      {"mobile", kMobile},
      {"agreement_no", kAgreement},
      {"build_kind", kBuildKind},
      {"built_on", kBuiltOn},
      {"online_on", kOnlineOn},
      {"facilities", kFacilities},
      {"services", kServices},
      {"carriers", kCarriers},
      {"status", kStatus},
      {"status_date", kStatusDate},
      {"reason", kReason},
      {"document_no", kDocument},
  };
  for (const auto& [f, c] : kFields) {
    if (field == f) return c;
  }
  return -1;
}

Result<std::optional<CivilDate>> OptDate(const std::string& text, const char* field) {
  if (text.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(text, field));
  return std::optional<CivilDate>(d);
}

// The row as the service's input; an Error names the service's field.
Result<std::pair<StationInput, NewStatus>> Parse(const Cells& c, RegionCode region,
                                                 CivilDate today) {
  StationInput in;
  in.name = c.Get(kName);
  ASSIGN_OR_RETURN(in.level, ParseLevel(c.Get(kLevel)));
  in.region = std::move(region);
  in.address = c.Get(kAddress);
  if (!c.Get(kLat).empty() || !c.Get(kLng).empty()) {
    if (c.Get(kLat).empty()) return Error::Invalid("lat", "经度和纬度须同时填写");
    if (c.Get(kLng).empty()) return Error::Invalid("lng", "经度和纬度须同时填写");
    Point p;
    ASSIGN_OR_RETURN(p.lat_e6, ParseDegrees(c.Get(kLat), 90, "lat"));
    ASSIGN_OR_RETURN(p.lng_e6, ParseDegrees(c.Get(kLng), 180, "lng"));
    in.point = p;
  }
  in.manager_name = c.Get(kManager);
  in.mobile = c.Get(kMobile);
  in.agreement_no = c.Get(kAgreement);
  in.build_kind = c.Get(kBuildKind);
  ASSIGN_OR_RETURN(in.built_on, OptDate(c.Get(kBuiltOn), "built_on"));
  ASSIGN_OR_RETURN(in.online_on, OptDate(c.Get(kOnlineOn), "online_on"));
  in.facilities = imports::SplitList(c.Get(kFacilities));
  in.services = imports::SplitList(c.Get(kServices));
  in.carriers = imports::SplitList(c.Get(kCarriers));
  NewStatus st{StationStatus::kPlanned, today, c.Get(kReason), c.Get(kDocument)};
  if (!c.Get(kStatus).empty()) {
    ASSIGN_OR_RETURN(st.to, ParseStatus(c.Get(kStatus)));
  }
  ASSIGN_OR_RETURN(auto on, OptDate(c.Get(kStatusDate), "status_date"));
  if (on) st.on = *on;
  return std::pair(std::move(in), std::move(st));
}

// One data row: registered, or rejected naming the column of the failing field.
class StationRows : public imports::RowHandler {
 public:
  StationRows(const Deps& d, const account::Principal& who, imports::BatchContext batch)
      : d_(d),
        who_(who),
        batch_(std::move(batch)),
        today_(ShanghaiDate(d.clock.NowMs())),
        regions_(who.region) {}
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    auto region = regions_.Resolve(conn, c.Get(kRegion));  // a code, or a town/village name
    if (!region.ok()) {
      if (!imports::IsRowError(region.error())) return region.take_error();
      return std::optional(c.Reject(kRegion, region.error().message));
    }
    auto parsed = Parse(c, *region, today_);
    if (!parsed.ok())
      return std::optional(c.Reject(ColumnOf(parsed.error().field), parsed.error().message));
    ASSIGN_OR_RETURN(bool earlier, WrittenBySameFile(conn, parsed->first));
    if (earlier) return std::optional(c.AlreadyImported());
    auto id = internal::RegisterIn(conn, d_, who_, parsed->first, parsed->second, batch_.id, false);
    if (id.ok()) return std::optional<RowError>();
    if (!imports::IsRowError(id.error())) return id.take_error();
    return std::optional(c.Reject(ColumnOf(id.error().field), id.error().message));
  }

 private:
  // Registered (same region and name) by an earlier, partially accepted import of this same
  // file: counted as already imported, not rejected as a duplicate (imports.h, issue 15 item 9).
  Result<bool> WrittenBySameFile(storage::Connection& conn, const StationInput& in) {
    if (batch_.same_file.empty()) return false;
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT batch_id FROM stations WHERE region_code = ? "
                                           "AND name = ?",
                                           {in.region.str(), in.name}));
    if (rows.empty() || rows[0].IsNull(0)) return false;
    return std::find(batch_.same_file.begin(), batch_.same_file.end(), rows[0].Int(0)) !=
           batch_.same_file.end();
  }

  const Deps& d_;
  const account::Principal& who_;
  imports::BatchContext batch_;
  CivilDate today_;
  region::LazyNameResolver regions_;
};

}  // namespace

Result<imports::ImportReport> ImportStations(const imports::ImportContext& ctx,
                                             const account::Principal& who, const std::string& path,
                                             imports::Mode mode,
                                             const imports::ImportOptions& opt) {
  if (!who.Can("station:import") || !who.Can("station:edit"))
    return Error::Forbidden("没有导入服务站点的权限");
  Deps d{ctx.db, ctx.audit, ctx.clock, ctx.cipher};
  imports::HandlerFactory make =
      [&d, &who](storage::Connection&,
                 const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<StationRows>(d, who, batch);
  };
  return imports::Run(ctx, who, path, mode, {"stations", "station.import", kCols}, make, opt);
}

spreadsheet::Sheet StationsTemplate() {
  return imports::Template(
      "服务站点", kCols,
      {"符离镇大庄村电商服务站", "村级服务点", "341302100201", "大庄村村委会一楼", "33.812345",
       "116.987654", "张三", "13800138000", "FL-2024-001", "新建", "2024-03-01", "2024-05-01",
       "益农信息社、村邮站", "网上代买、快递代收代发", "邮政、中通", "运营中", "2024-05-01",
       "验收合格", "埇商〔2024〕12号"},
      {
          "带*的列必填；列的顺序不限。",
          "站点级别：镇级综合服务站 或 村级服务点；区划代码：12位代码，或本辖区乡镇、村的名称"
          "（如“符离镇/沈圩村”，村名在辖区内唯一时可只写村名）；村级服务点填行政村，镇级综合服务站"
          "填乡镇。",
          "纬度、经度：WGS-84 十进制度数（如 33.812345），须同时填写或同时留空。",
          "建设方式：新建 或 改造提升；日期格式 YYYY-MM-DD。",
          "配套设施、服务项目：字典中的名称或代码，多个用顿号、逗号或分号分隔；县级可在字典中添加"
          "。",
          "状态：规划中、建设中、运营中、暂停运营（默认 规划中）；状态日期默认为导入当天。",
          "同一区划下站点名称不能重复；同一文件再次导入不会新增数据。",
      });
}

}  // namespace ruralec::station
