#include "households/import.h"

#include <memory>
#include <unordered_map>

#include "entity/entity.h"
#include "households/register_internal.h"
#include "region/region.h"

namespace ruralec::households {
namespace {

using imports::Cells;
using imports::Column;
using imports::Personal;
using imports::RowError;
using imports::RowOutcome;

enum Col {
  kRegion,
  kName,
  kId,
  kMembers,
  kStatus,
  kLiftedYear,
  kWilling,
  kWillingOn,
  kAble,
  kAbleOn,
  kProducts,
  kHelpers
};
constexpr Column kColumns[] = {
    {"区划代码*", true},
    {"户主姓名*", true, Personal::kName},
    {"户主身份证号*", true, Personal::kIdNumber},
    {"家庭人口*", true},
    {"户类型*", true},
    {"脱贫年度", false},
    {"有参与意愿", false},
    {"意愿表示日期", false},
    {"有参与能力", false},
    {"能力认定日期", false},
    {"生产产品", false},
    {"结对帮扶", false},
};

int ColumnOf(const std::string& field) {
  static const std::pair<const char*, Col> kFields[] = {
      {"region_code", kRegion}, {"head_name", kName},       {"id_number", kId},
      {"members", kMembers},    {"status", kStatus},        {"lifted_year", kLiftedYear},
      {"willing", kWilling},    {"willing_on", kWillingOn}, {"able", kAble},
      {"able_on", kAbleOn},     {"products", kProducts},    {"helpers", kHelpers}};
  for (const auto& [name, col] : kFields)
    if (field == name) return col;
  return -1;
}

Result<int> SmallInt(const std::string& t, std::string_view field, const std::string& what) {
  if (t.empty() || t.size() > 4) return Error::Invalid(std::string(field), what + "应为整数");
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return Error::Invalid(std::string(field), what + "应为整数");
    v = v * 10 + (c - '0');
  }
  return v;
}

Result<std::optional<CivilDate>> OptDate(const std::string& t, std::string_view field) {
  if (t.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(t, field));
  return std::optional<CivilDate>(d);
}

// "帮扶单位:县商务局、经营主体:9134…" -> helpers; an entity helper by its credit code.
Result<std::vector<Helper>> ParseHelpers(storage::Connection& conn, const std::string& text) {
  std::vector<Helper> out;
  for (std::string item : imports::SplitList(text)) {
    for (const char* colon : {"：", ":"}) {
      if (size_t p = item.find(colon); p != std::string::npos) {
        item.replace(p, std::string_view(colon).size(), "\x1f");
        break;
      }
    }
    size_t sep = item.find('\x1f');
    if (sep == std::string::npos)
      return Error::Invalid("helpers", "结对帮扶应写作“类型:名称”: " + item);
    Helper h;
    ASSIGN_OR_RETURN(h.kind, ParseHelperKind(item.substr(0, sep)));
    h.name = item.substr(sep + 1);
    if (h.kind == HelperKind::kEntity) {
      ASSIGN_OR_RETURN(auto e, entity::FindByUscc(conn, h.name));
      if (!e) return Error::Invalid("helpers", "经营主体未登记: " + h.name);
      h.entity_id = e->id;
      h.name = e->name;
    }
    out.push_back(std::move(h));
  }
  return out;
}

Result<HouseholdInput> InputOf(storage::Connection& conn, region::LazyNameResolver& regions,
                               const Cells& c) {
  HouseholdInput in;
  auto region = regions.Resolve(conn, c.Get(kRegion));  // a code, or a village name
  if (!region.ok() && imports::IsRowError(region.error()))
    return Error::Invalid("region_code", region.error().message);
  if (!region.ok()) return region.take_error();
  in.region = *region;
  in.head_name = c.Get(kName);
  in.id_number = c.Get(kId);
  ASSIGN_OR_RETURN(in.members, SmallInt(c.Get(kMembers), "members", "家庭人口"));
  ASSIGN_OR_RETURN(in.status, ParseStatus(c.Get(kStatus)));
  if (!c.Get(kLiftedYear).empty()) {
    ASSIGN_OR_RETURN(int y, SmallInt(c.Get(kLiftedYear), "lifted_year", "脱贫年度"));
    in.lifted_year = y;
  }
  ASSIGN_OR_RETURN(in.willing, entity::ParseFlag(c.Get(kWilling), "willing"));
  ASSIGN_OR_RETURN(in.willing_on, OptDate(c.Get(kWillingOn), "willing_on"));
  ASSIGN_OR_RETURN(in.able, entity::ParseFlag(c.Get(kAble), "able"));
  ASSIGN_OR_RETURN(in.able_on, OptDate(c.Get(kAbleOn), "able_on"));
  in.products = imports::SplitList(c.Get(kProducts));
  ASSIGN_OR_RETURN(in.helpers, ParseHelpers(conn, c.Get(kHelpers)));
  return in;
}

class HouseholdRows : public imports::RowHandler {
 public:
  HouseholdRows(const imports::ImportContext& ctx, const account::Principal& who, int64_t batch)
      : ctx_(ctx),
        who_(who),
        batch_(batch),
        now_(ctx.clock.NowMs()),
        today_(ShanghaiDate(now_)),
        regions_(who.region) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    auto in = InputOf(conn, regions_, c);
    if (in.ok()) {
      Status st = internal::CheckFields(*in, today_);
      if (st.ok()) st = internal::CheckPlace(conn, who_, *in);
      if (!st.ok()) return Reject(c, st.error());
    }
    if (!in.ok()) return Reject(c, in.error());
    store::Row r = internal::RowOf(ctx_.cipher, who_, *in, now_);
    auto [at, fresh] = in_file_.emplace(r.id_bidx, c.row.number);
    if (!fresh)
      return std::optional(c.Reject(kId, "与文件第" + std::to_string(at->second) + "行的户主重复"));
    ASSIGN_OR_RETURN(auto known, store::FindByBlindIndex(conn, r.id_bidx));
    if (known && known->region == in->region) return std::optional(c.AlreadyImported());
    if (known) return std::optional(c.Reject(kId, "该户主已在其他村登记"));
    r.source = "import";
    r.batch_id = batch_;
    RETURN_IF_ERROR(store::Insert(conn, r));
    return std::optional<RowError>();
  }
  Status Finish(storage::Connection& conn) override {
    return store::MarkImportedHouseholds(conn, batch_, now_);
  }

 private:
  static RowOutcome Reject(const Cells& c, const Error& e) {
    if (!imports::IsRowError(e)) return e;
    return std::optional(c.Reject(ColumnOf(e.field), e.message));
  }

  const imports::ImportContext& ctx_;
  const account::Principal& who_;
  int64_t batch_, now_;
  CivilDate today_;
  region::LazyNameResolver regions_;
  std::unordered_map<std::string, int64_t> in_file_;  // blind index → row number
};

}  // namespace

Result<imports::ImportReport> ImportHouseholds(const imports::ImportContext& ctx,
                                               const account::Principal& who,
                                               const std::string& path, imports::Mode mode,
                                               const imports::ImportOptions& opt) {
  if (!who.Can("household:import") || !who.Can("household:edit"))
    return Error::Forbidden("没有导入贫困户登记簿的权限");
  imports::HandlerFactory make =
      [&ctx, &who](storage::Connection&,
                   const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<HouseholdRows>(ctx, who, batch.id);
  };
  return imports::Run(ctx, who, path, mode, {"households", "household.import", kColumns}, make,
                      opt);
}

spreadsheet::Sheet HouseholdsTemplate() {
  return imports::Template(
      "贫困户登记", kColumns,
      {"341302100202", "张三", "341302198001011233", "4", "建档立卡贫困户", "", "是", "2019-03-01",
       "是", "2019-03-01", "酥梨、山芋", "帮扶单位:区商务局、大户:李四"},
      {"带*的列必填；列的顺序不限。每行一户。",
       "区划代码：农户所在行政村的12位代码或村名（如“符离镇/沈圩村”，村名在辖区内唯一时可只写"
       "村名），须在您的管辖范围内。",
       "户主身份证号：18位居民身份证号（校验位正确），加密保存，列表中只显示脱敏号码。",
       "户类型：建档立卡贫困户、已脱贫、监测户；已脱贫须填写脱贫年度。",
       "有参与意愿/有参与能力：是或否；填“是”时须填写对应日期（YYYY-MM-DD，不晚于今天）。",
       "生产产品：多个用顿号分隔。结对帮扶：“类型:名称”，类型为帮扶单位、经营主体、大户、能人；"
       "经营主体写统一社会信用代码。",
       "已在同一村登记的户主不重复写入（修改请在登记簿中进行）；同一文件再次导入不会新增数据。"});
}

}  // namespace ruralec::households
