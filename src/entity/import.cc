#include "entity/import.h"

#include <algorithm>
#include <optional>

#include "entity/entity.h"
#include "entity/validation.h"
#include "region/region.h"

namespace ruralec::entity {
namespace {

using imports::Cells;
using imports::Column;
using imports::ImportContext;
using imports::Personal;
using imports::RowError;
using imports::RowOutcome;

// ---------------------------------------------------------------- entity rows

enum EntityCol {
  kEUscc,
  kEName,
  kEKind,
  kERegion,
  kERegistered,
  kEContact,
  kEMobile,
  kELinkage,
  kEContract,
  kEPoor,
  kEPlatform,
  kEShopName,
  kEShopRef
};
constexpr Column kEntityColumns[] = {{"统一社会信用代码*", true},
                                     {"主体名称*", true},
                                     {"主体类型*", true},
                                     {"所在区划代码*", true},
                                     {"注册日期", false},
                                     {"联系人", false, Personal::kName},
                                     {"联系电话", false, Personal::kMobile},
                                     {"利益联结机制", false},
                                     {"订单农业", false},
                                     {"带动建档立卡贫困户", false},
                                     {"网店平台", false},
                                     {"网店名称", false},
                                     {"网店ID或网址", false}};

int EntityColumnOf(const std::string& field) {
  if (field == "uscc") return kEUscc;
  if (field == "name") return kEName;
  if (field == "mobile") return kEMobile;
  if (field == "contact_name") return kEContact;
  if (field == "region_code") return kERegion;
  if (field == "registered_on") return kERegistered;
  if (field == "platform") return kEPlatform;
  if (field == "shop_name") return kEShopName;
  if (field == "shop_ref") return kEShopRef;
  return -1;
}

std::optional<RowError> ParseEntityFields(const Cells& c, const region::NameResolver& regions,
                                          NewEntity& e) {
  e.uscc = c.Get(kEUscc);
  e.name = c.Get(kEName);
  auto kind = ParseKind(c.Get(kEKind));
  if (!kind.ok()) return c.Reject(kEKind, kind.error().message);
  e.kind = *kind;
  auto region = regions.Resolve(c.Get(kERegion));
  if (!region.ok()) return c.Reject(kERegion, region.error().message);
  e.region = *region;
  if (const std::string& d = c.Get(kERegistered); !d.empty()) {
    auto date = CivilDate::Parse(d);
    if (!date.ok()) return c.Reject(kERegistered, "注册日期应为 YYYY-MM-DD");
    e.registered_on = *date;
  }
  e.contact_name = c.Get(kEContact);
  e.mobile = c.Get(kEMobile);
  const std::pair<int, bool*> flags[] = {{kELinkage, &e.linkage.model},
                                         {kEContract, &e.linkage.contract_farming},
                                         {kEPoor, &e.linkage.employs_poor}};
  for (const auto& [col, out] : flags) {
    auto f = ParseFlag(c.Get(col), "flag");
    if (!f.ok()) return c.Reject(col, f.error().message);
    *out = *f;
  }
  if (Status st = Validate(e); !st.ok())
    return c.Reject(EntityColumnOf(st.error().field), st.error().message);
  return std::nullopt;
}

RowOutcome EntityRow(storage::Connection& conn, const ImportContext& ctx,
                     const account::Principal& who, const Cells& c,
                     const imports::BatchContext& batch, const region::NameResolver& regions,
                     int64_t now) {
  NewEntity e;
  if (auto bad = ParseEntityFields(c, regions, e)) return bad;
  ASSIGN_OR_RETURN(auto prior,
                   conn.Query("SELECT batch_id FROM entities WHERE uscc = ?", {e.uscc}));
  if (!prior.empty()) {
    // Registered by an earlier, partially accepted import of this same file: not an error.
    if (auto b = prior[0].OptInt(0);
        b && std::find(batch.same_file.begin(), batch.same_file.end(), *b) != batch.same_file.end())
      return std::optional(c.AlreadyImported());
    bool same = prior[0].OptInt(0) == batch.id;
    return std::optional(
        c.Reject(kEUscc, same ? "与文件中前面的行重复" : "该统一社会信用代码已登记"));
  }
  Shop shop{0, 0, c.Get(kEPlatform), c.Get(kEShopName), c.Get(kEShopRef)};
  bool has_shop = !shop.platform.empty() || !shop.shop_ref.empty();
  if (has_shop && (shop.platform.empty() || shop.shop_ref.empty()))
    return std::optional(c.Reject(shop.platform.empty() ? kEPlatform : kEShopRef,
                                  "登记网店须同时填写网店平台和网店ID或网址"));
  if (has_shop) {
    if (Status st = ValidateShop(shop); !st.ok())
      return std::optional(c.Reject(EntityColumnOf(st.error().field), st.error().message));
    ASSIGN_OR_RETURN(auto dup, conn.Query("SELECT 1 FROM entity_shops WHERE platform = ? AND "
                                          "shop_ref = ?",
                                          {shop.platform, shop.shop_ref}));
    if (!dup.empty()) return std::optional(c.Reject(kEShopRef, "该平台上的网店已登记"));
  }
  auto id = Insert(conn, ctx.cipher, who, e, now, batch.id);
  if (!id.ok() && imports::IsRowError(id.error())) {
    int col =
        id.error().code == ErrorCode::kForbidden ? kERegion : EntityColumnOf(id.error().field);
    return std::optional(c.Reject(col, id.error().message));
  }
  if (!id.ok()) return id.take_error();
  if (has_shop) {
    shop.entity_id = *id;
    auto s = AddShop(conn, shop, now);
    if (!s.ok()) return s.take_error();  // checked above: a failure here is not the row's fault
  }
  return std::optional<RowError>();
}

class EntityHandler : public imports::RowHandler {
 public:
  EntityHandler(const ImportContext& ctx, const account::Principal& who,
                imports::BatchContext batch, int64_t now)
      : ctx_(ctx), who_(who), batch_(std::move(batch)), now_(now) {}
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    if (!regions_) {  // the importer's towns and villages, once per run
      ASSIGN_OR_RETURN(auto loaded, region::NameResolver::Load(conn, who_.region));
      regions_ = std::move(loaded);
    }
    return EntityRow(conn, ctx_, who_, c, batch_, *regions_, now_);
  }

 private:
  std::optional<region::NameResolver> regions_;
  const ImportContext& ctx_;
  const account::Principal& who_;
  imports::BatchContext batch_;
  int64_t now_;
};

}  // namespace

Result<imports::ImportReport> ImportEntities(const ImportContext& ctx,
                                             const account::Principal& who, const std::string& path,
                                             imports::Mode mode,
                                             const imports::ImportOptions& opt) {
  if (!who.Can("entity:edit")) return Error::Forbidden("您没有登记经营主体的权限（entity:edit）");
  int64_t now = ctx.clock.NowMs();
  imports::HandlerFactory make =
      [&ctx, &who, now](
          storage::Connection&,
          const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<EntityHandler>(ctx, who, batch, now);
  };
  return imports::Run(ctx, who, path, mode, {"entities", "entity.import", kEntityColumns}, make,
                      opt);
}

spreadsheet::Sheet EntitiesTemplate() {
  return imports::Template(
      "经营主体", kEntityColumns,
      {"91341302MA2N00001C", "示例电商有限公司", "企业", "341302100000", "2019-03-01", "张三",
       "13800138000", "是", "否", "否", "淘宝", "示例旗舰店", "123456"},
      {"带*的列为必填；列的顺序可以调整，但表头文字须与模板一致。",
       "主体类型：企业、合作社、家庭农场、个体工商户、运营服务商。",
       "所在区划代码：12位统计用区划代码，或乡镇、村的名称（如“符离镇”“符离镇/沈圩村”；村名在"
       "辖区内唯一时可只写村名），须为乡镇（街道）或行政村（社区），且在您的管辖范围内。",
       "利益联结机制、订单农业、带动建档立卡贫困户：是 或 否。",
       "联系电话加密保存，列表中只显示掩码。导入前请删除示例行。"});
}

}  // namespace ruralec::entity
