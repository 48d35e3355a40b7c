#include "households/help_import.h"

#include <memory>
#include <unordered_map>

#include "entity/entity.h"
#include "households/help_internal.h"
#include "households/help_store.h"
#include "households/register_internal.h"

namespace ruralec::households {
namespace {

using imports::Cells;
using imports::Column;
using imports::RowError;
using imports::RowOutcome;

enum EmpCol { kEHead, kEMember, kEEntity, kEPosition, kESince, kEUntil };
constexpr Column kEmploymentColumns[] = {{"户主身份证号*", true},     {"成员姓名*", true},
                                         {"用工主体信用代码*", true}, {"岗位", false},
                                         {"入职日期*", true},         {"离职日期", false}};
enum ShopCol { kSHead, kSPlatform, kSName, kSRef, kSEntity, kSOpened, kSClosed };
constexpr Column kShopColumns[] = {{"户主身份证号*", true},     {"平台*", true},
                                   {"店铺名称*", true},         {"店铺编号或网址", false},
                                   {"经营主体信用代码", false}, {"开店日期*", true},
                                   {"关店日期", false}};

Result<std::optional<CivilDate>> OptDate(const std::string& t, std::string_view field) {
  if (t.empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(t, field));
  return std::optional<CivilDate>(d);
}

// What both handlers share: the household by the head's ID number (visible to the importer),
// entities by credit code (cached), rejections on the field's column.
class HelpRows : public imports::RowHandler {
 public:
  HelpRows(const imports::ImportContext& ctx, const account::Principal& who)
      : ctx_(ctx), who_(who), today_(ShanghaiDate(ctx.clock.NowMs())) {}

 protected:
  Result<store::Stored> Household(storage::Connection& conn, const std::string& id_number) {
    ASSIGN_OR_RETURN(auto ref, FindByIdNumber(conn, ctx_.cipher, id_number));
    if (!ref) return Error::Invalid("household", "该身份证号的户主未在贫困户登记簿中");
    auto h = internal::Visible(conn, who_, ref->id);
    if (!h.ok() || !who_.InScope(h->h.region))
      return Error::Invalid("household", "该户不在您的管辖范围内");
    return h;
  }
  Result<int64_t> Entity(storage::Connection& conn, const std::string& uscc) {
    auto it = entities_.find(uscc);
    if (it == entities_.end()) {
      ASSIGN_OR_RETURN(auto e, entity::FindByUscc(conn, uscc));
      it = entities_.emplace(uscc, e ? e->id : 0).first;
    }
    if (it->second == 0) return Error::Invalid("entity_id", "经营主体未登记: " + uscc);
    return it->second;
  }
  RowOutcome Reject(const Cells& c, const Error& e, int column) {
    if (!imports::IsRowError(e)) return e;
    return std::optional(c.Reject(column, e.message));
  }
  // The row number of an earlier identical row of the file, or 0 (and remembers this one).
  int64_t Repeated(const std::string& key, int64_t row) {
    auto [at, fresh] = in_file_.emplace(key, row);
    return fresh ? 0 : at->second;
  }
  std::optional<int64_t> Actor() const {
    return who_.id.valid() ? std::optional<int64_t>(who_.id.value) : std::nullopt;
  }

  const imports::ImportContext& ctx_;
  const account::Principal& who_;
  CivilDate today_;

 private:
  std::unordered_map<std::string, int64_t> entities_, in_file_;
};

class EmploymentRows : public HelpRows {
 public:
  using HelpRows::HelpRows;
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    auto h = Household(conn, c.Get(kEHead));
    if (!h.ok()) return Reject(c, h.error(), kEHead);
    EmploymentInput in;
    auto entity = Entity(conn, c.Get(kEEntity));
    if (!entity.ok()) return Reject(c, entity.error(), kEEntity);
    in.entity_id = *entity;
    in.member_name = c.Get(kEMember);
    in.position = c.Get(kEPosition);
    Status st = [&]() -> Status {
      ASSIGN_OR_RETURN(in.since, CivilDate::Parse(c.Get(kESince), "since"));
      ASSIGN_OR_RETURN(in.until, OptDate(c.Get(kEUntil), "until"));
      return internal::CheckEmployment(in, today_);
    }();
    if (!st.ok()) return Reject(c, st.error(), ColumnOf(st.error().field));
    std::string key = std::to_string(h->h.id) + "|" + in.member_name + "|" +
                      std::to_string(in.entity_id) + "|" + in.since.ToString();
    if (int64_t first = Repeated(key, c.row.number))
      return std::optional(c.Reject(kEMember, "与文件第" + std::to_string(first) + "行重复"));
    ASSIGN_OR_RETURN(auto known, store::EmploymentsOf(conn, h->h.id));
    for (const auto& [e, enc] : known) {
      auto name = ctx_.cipher.Decrypt(enc, internal::kMemberContext);
      if (name.ok() && *name == in.member_name && e.in.entity_id == in.entity_id &&
          e.in.since == in.since)
        return std::optional(c.AlreadyImported());
    }
    store::NewEmployment n{h->h.id,
                           h->h.region,
                           in,
                           ctx_.cipher.Encrypt(in.member_name, internal::kMemberContext),
                           MaskName(in.member_name),
                           Actor(),
                           ctx_.clock.NowMs()};
    RETURN_IF_ERROR(store::InsertEmployment(conn, n));
    return std::optional<RowError>();
  }

 private:
  static int ColumnOf(const std::string& field) {
    if (field == "member_name") return kEMember;
    if (field == "position") return kEPosition;
    if (field == "until") return kEUntil;
    return kESince;
  }
};

class ShopRows : public HelpRows {
 public:
  using HelpRows::HelpRows;
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    auto h = Household(conn, c.Get(kSHead));
    if (!h.ok()) return Reject(c, h.error(), kSHead);
    ShopInput in;
    if (!c.Get(kSEntity).empty()) {
      auto entity = Entity(conn, c.Get(kSEntity));
      if (!entity.ok()) return Reject(c, entity.error(), kSEntity);
      in.entity_id = *entity;
    }
    in.platform = c.Get(kSPlatform);
    in.shop_name = c.Get(kSName);
    in.shop_ref = c.Get(kSRef);
    Status st = [&]() -> Status {
      ASSIGN_OR_RETURN(in.opened_on, CivilDate::Parse(c.Get(kSOpened), "opened_on"));
      ASSIGN_OR_RETURN(in.closed_on, OptDate(c.Get(kSClosed), "closed_on"));
      RETURN_IF_ERROR(internal::CheckShop(in, today_));
      return internal::LinkEntityShop(conn, in);
    }();
    if (!st.ok()) return Reject(c, st.error(), ColumnOf(st.error().field));
    std::string key = std::to_string(h->h.id) + "|" + in.platform + "|" + in.shop_name;
    if (int64_t first = Repeated(key, c.row.number))
      return std::optional(c.Reject(kSName, "与文件第" + std::to_string(first) + "行重复"));
    ASSIGN_OR_RETURN(auto known, store::ShopsOf(conn, h->h.id));
    for (const auto& s : known)
      if (s.in.platform == in.platform && s.in.shop_name == in.shop_name)
        return std::optional(c.AlreadyImported());
    RETURN_IF_ERROR(
        store::InsertShop(conn, {h->h.id, h->h.region, in, Actor(), ctx_.clock.NowMs()}));
    return std::optional<RowError>();
  }

 private:
  static int ColumnOf(const std::string& field) {
    if (field == "platform") return kSPlatform;
    if (field == "shop_name") return kSName;
    if (field == "shop_ref") return kSRef;
    if (field == "closed_on") return kSClosed;
    return kSOpened;
  }
};

template <typename Rows>
Result<imports::ImportReport> Import(const imports::ImportContext& ctx,
                                     const account::Principal& who, const std::string& path,
                                     imports::Mode mode, const imports::ImportOptions& opt,
                                     imports::RunSpec spec) {
  if (!who.Can("household:import") || !who.Can("household:edit"))
    return Error::Forbidden("没有导入帮扶记录的权限");
  imports::HandlerFactory make = [&ctx, &who](storage::Connection&, const imports::BatchContext&)
      -> std::unique_ptr<imports::RowHandler> { return std::make_unique<Rows>(ctx, who); };
  return imports::Run(ctx, who, path, mode, spec, make, opt);
}

}  // namespace

Result<imports::ImportReport> ImportEmployments(const imports::ImportContext& ctx,
                                                const account::Principal& who,
                                                const std::string& path, imports::Mode mode,
                                                const imports::ImportOptions& opt) {
  return Import<EmploymentRows>(
      ctx, who, path, mode, opt,
      {"household_employments", "household.employment.import", kEmploymentColumns});
}

Result<imports::ImportReport> ImportShops(const imports::ImportContext& ctx,
                                          const account::Principal& who, const std::string& path,
                                          imports::Mode mode, const imports::ImportOptions& opt) {
  return Import<ShopRows>(ctx, who, path, mode, opt,
                          {"household_shops", "household.shop.import", kShopColumns});
}

spreadsheet::Sheet EmploymentsTemplate() {
  return imports::Template(
      "贫困户成员就业", kEmploymentColumns,
      {"341302198001011233", "张小三", "91341302MA2NAP9013", "打包员", "2023-03-01", ""},
      {"带*的列必填；列的顺序不限。每行一名成员在一个经营主体的一段就业。",
       "户主身份证号：该户户主的18位身份证号（须在贫困户登记簿中、在您的管辖范围内）。",
       "用工主体信用代码：已登记经营主体的统一社会信用代码。成员姓名加密保存。",
       "入职日期、离职日期：YYYY-MM-DD，入职不晚于今天；仍在职的离职日期留空。",
       "同一户、同一成员、同一主体、同一入职日期的记录不重复写入。"});
}

spreadsheet::Sheet ShopsTemplate() {
  return imports::Template(
      "贫困户开设网店", kShopColumns,
      {"341302198001011233", "淘宝", "张三家的酥梨", "https://shop.example/123", "", "2023-05-01",
       ""},
      {"带*的列必填；列的顺序不限。每行一家网店。",
       "户主身份证号：该户户主的18位身份证号（须在贫困户登记簿中、在您的管辖范围内）。",
       "经营主体信用代码：网店以经营主体名义开设时填写（须已登记）。",
       "开店日期、关店日期：YYYY-MM-DD，开店不晚于今天；仍在经营的关店日期留空。",
       "同一户同一平台同名的网店不重复写入。"});
}

}  // namespace ruralec::households
