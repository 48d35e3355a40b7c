#include "designation/import.h"

#include <algorithm>
#include <memory>
#include <span>

#include "designation/designation_store.h"
#include "designation/service_internal.h"
#include "region/region.h"

namespace ruralec::designation {
namespace {

using imports::Cells;
using imports::Column;
using imports::RowError;
using imports::RowOutcome;

enum Col { kLevel, kKind, kRegion, kSubject, kYear, kBody, kDocument, kStatus, kDate, kNote };
constexpr Column kColumns[] = {
    {"级别*", true},     {"类别*", true},     {"区划代码", false},     {"站点或主体编号", false},
    {"年度*", true},     {"认定机关", false}, {"认定文件文号", false}, {"状态", false},
    {"状态日期", false}, {"备注", false},
};
constexpr std::span<const Column> kCols(kColumns);

// Which column an error of the service's field names.
int ColumnOf(const std::string& field) {
  static const std::pair<const char*, Col> kFields[] = {
      {"level", kLevel},    {"kind", kKind}, {"region_code", kRegion}, {"subject_id", kSubject},
      {"subject", kRegion}, {"year", kYear}, {"issuing_body", kBody},  {"document_no", kDocument},
      {"status", kStatus},  {"date", kDate}, {"status_date", kDate},   {"note", kNote},
  };
  for (const auto& [f, c] : kFields) {
    if (field == f) return c;
  }
  return -1;
}

// A positive decimal integer of at most 15 digits, nothing else; nullopt otherwise.
std::optional<int64_t> Positive(const std::string& text) {
  if (text.empty() || text.size() > 15 || text[0] == '0') return std::nullopt;
  int64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

Result<int> Year(const std::string& text) {
  auto y = Positive(text);
  if (!y || *y < 2000 || *y > 2100) return Error::Invalid("year", "年度应在 2000 到 2100 之间");
  return static_cast<int>(*y);
}

// The row as the service's input; an Error names the service's field.
// `region`: the region cell resolved (a code or a town/village name), when it is filled.
Result<std::pair<DesignationInput, std::optional<NewStatus>>> Parse(
    const Cells& c, std::optional<RegionCode> region, CivilDate today) {
  DesignationInput in;
  ASSIGN_OR_RETURN(in.level, ParseLevel(c.Get(kLevel)));
  ASSIGN_OR_RETURN(in.kind, ParseKind(c.Get(kKind)));
  if (region) in.region = std::move(*region);
  if (!c.Get(kSubject).empty()) {
    in.subject_id = Positive(c.Get(kSubject));
    if (!in.subject_id) return Error::Invalid("subject_id", "站点或主体编号应为正整数");
  }
  ASSIGN_OR_RETURN(in.year, Year(c.Get(kYear)));
  in.issuing_body = c.Get(kBody);
  in.document_no = c.Get(kDocument);
  in.note = c.Get(kNote);
  std::optional<NewStatus> st;
  if (!c.Get(kStatus).empty()) {
    st = NewStatus{State::kCandidate, today, "", "", ""};
    ASSIGN_OR_RETURN(st->to, ParseStatus(c.Get(kStatus)));
    if (!c.Get(kDate).empty()) {
      ASSIGN_OR_RETURN(st->on, CivilDate::Parse(c.Get(kDate), "status_date"));
    }
  }
  return std::pair(std::move(in), std::move(st));
}

// One data row: registered, or rejected naming the column of the failing field.
class DesignationRows : public imports::RowHandler {
 public:
  DesignationRows(const Deps& d, const account::Principal& who, imports::BatchContext batch)
      : d_(d),
        who_(who),
        batch_(std::move(batch)),
        today_(ShanghaiDate(d.clock.NowMs())),
        regions_(who.region) {}
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    std::optional<RegionCode> region;
    if (!c.Get(kRegion).empty()) {
      auto r = regions_.Resolve(conn, c.Get(kRegion));  // a code, or a town/village name
      if (!r.ok()) {
        if (!imports::IsRowError(r.error())) return r.take_error();
        return std::optional(c.Reject(kRegion, r.error().message));
      }
      region = std::move(*r);
    }
    auto parsed = Parse(c, std::move(region), today_);
    if (!parsed.ok()) return Reject(c, parsed.error());
    std::optional<NewStatus> initial = parsed->second;
    auto row = internal::Prepare(d_, who_, parsed->first, initial);
    if (!row.ok()) return Reject(c, row.error());
    ASSIGN_OR_RETURN(bool earlier, WrittenBySameFile(conn, *row));
    if (earlier) return std::optional(c.AlreadyImported());
    row->batch_id = batch_.id;
    auto id = internal::RegisterIn(conn, d_, who_, *row, *initial, false);
    if (id.ok()) return std::optional<RowError>();
    return Reject(c, id.error());
  }

 private:
  static RowOutcome Reject(const Cells& c, const Error& e) {
    if (!imports::IsRowError(e)) return e;
    return std::optional(c.Reject(ColumnOf(e.field), e.message));
  }
  // Recorded by an earlier, partially accepted import of this same file: counted as already
  // imported, not rejected as a duplicate (imports.h, issue 15 item 9).
  Result<bool> WrittenBySameFile(storage::Connection& conn, const store::NewRow& row) {
    if (batch_.same_file.empty()) return false;
    ASSIGN_OR_RETURN(auto found,
                     store::Find(conn, row.in.level, row.in.kind, row.subject_key, row.in.year));
    if (!found || !found->batch_id) return false;
    return std::find(batch_.same_file.begin(), batch_.same_file.end(), *found->batch_id) !=
           batch_.same_file.end();
  }

  const Deps& d_;
  const account::Principal& who_;
  imports::BatchContext batch_;
  CivilDate today_;
  region::LazyNameResolver regions_;
};

}  // namespace

Result<imports::ImportReport> ImportDesignations(const imports::ImportContext& ctx,
                                                 const account::Principal& who,
                                                 const std::string& path, imports::Mode mode,
                                                 const imports::ImportOptions& opt) {
  if (!who.Can("designation:edit")) return Error::Forbidden("没有导入示范创建的权限");
  Deps d{ctx.db, ctx.audit, ctx.clock, ctx.cipher, nullptr};
  imports::HandlerFactory make =
      [&d, &who](storage::Connection&,
                 const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<DesignationRows>(d, who, batch);
  };
  return imports::Run(ctx, who, path, mode, {"designations", "designation.import", kCols}, make,
                      opt);
}

spreadsheet::Sheet DesignationsTemplate() {
  return imports::Template(
      "示范创建", kCols,
      {"县（区）级", "示范村", "341302100201", "", "2019", "埇桥区商务局", "埇商〔2019〕8号",
       "已认定", "2019-12-10", ""},
      {"级别：国家级、省级、市级、县（区）级（区级、district 亦可）",
       "类别：示范县、示范镇、示范村、示范点（服务站点）、示范企业、产业强镇/产业园区",
       "示范县/镇/村、产业强镇/园区填写区划代码或本辖区乡镇、村的名称（如“符离镇/沈圩村”）；"
       "示范点填写服务站点编号，示范企业填写经营主体编号",
       "状态：候选（默认）、已申报、已认定（须填写认定文件文号）；状态日期默认为导入当天",
       "同一对象同一年度同级同类只能登记一次，重复的行不导入"});
}

}  // namespace ruralec::designation
