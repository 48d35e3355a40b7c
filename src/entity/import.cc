#include "entity/import.h"

#include <algorithm>
#include <optional>

#include "entity/entity.h"
#include "entity/queries.h"
#include "entity/validation.h"
#include "region/region.h"
#include "storage/figure_changes.h"

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
  kEShopRef,
  kELng,
  kELat
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
                                     {"网店ID或网址", false},
                                     {"经度", false},
                                     {"纬度", false}};

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
  if (field == "lat") return kELat;
  if (field == "lng") return kELng;
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
  auto point = ParsePoint(c.Get(kELat), c.Get(kELng));
  if (!point.ok()) return c.Reject(EntityColumnOf(point.error().field), point.error().message);
  e.point = *point;
  return std::nullopt;
}

// The row's shop (both columns or neither), checked; nullopt = none. A shop registered already
// is refused unless it is `entity`'s own (then *known is set and nothing is added).
Result<std::optional<RowError>> CheckShop(storage::Connection& conn, const Cells& c, Shop& shop,
                                          bool& has_shop, int64_t entity, bool& known) {
  shop = Shop{0, 0, c.Get(kEPlatform), c.Get(kEShopName), c.Get(kEShopRef)};
  has_shop = !shop.platform.empty() || !shop.shop_ref.empty();
  known = false;
  if (!has_shop) return std::optional<RowError>();
  if (shop.platform.empty() || shop.shop_ref.empty())
    return std::optional(c.Reject(shop.platform.empty() ? kEPlatform : kEShopRef,
                                  "登记网店须同时填写网店平台和网店ID或网址"));
  if (Status st = ValidateShop(shop); !st.ok())
    return std::optional(c.Reject(EntityColumnOf(st.error().field), st.error().message));
  ASSIGN_OR_RETURN(auto dup, conn.Query("SELECT entity_id FROM entity_shops WHERE platform = ? "
                                        "AND shop_ref = ?",
                                        {shop.platform, shop.shop_ref}));
  if (!dup.empty() && entity != 0 && dup[0].Int(0) == entity) known = true;
  if (!dup.empty() && !known) return std::optional(c.Reject(kEShopRef, "该平台上的网店已登记"));
  return std::optional<RowError>();
}

// ImportOptions::update_existing: the registered entity `id` takes the row's values. Columns
// the file lacks stay as they are; a region change is refused (moving an entity is announced to
// the modules that keep rows by region, which the detail page does); a new shop is added.
RowOutcome UpdateRow(storage::Connection& conn, const ImportContext& ctx,
                     const account::Principal& who, const Cells& c, const NewEntity& e, int64_t id,
                     const imports::BatchContext& batch, int64_t now) {
  ASSIGN_OR_RETURN(Entity cur, Get(conn, id));
  if (!who.InScope(cur.region))
    return std::optional(c.Reject(kEUscc, "该统一社会信用代码已由您辖区以外登记，不能更新"));
  if (cur.region != e.region)
    return std::optional(
        c.Reject(kERegion, "更新已登记的主体不能改变所在区划，请在主体详情页中迁移"));
  Shop shop;
  bool has_shop = false, known = false;
  ASSIGN_OR_RETURN(auto bad_shop, CheckShop(conn, c, shop, has_shop, id, known));
  if (bad_shop) return bad_shop;
  auto present = [&c](int col) { return c.idx[static_cast<size_t>(col)] >= 0; };
  queries::EntityPatch p;
  p.name = e.name;
  p.kind = e.kind;
  if (present(kERegistered)) p.registered_on = e.registered_on;
  if (present(kEContact)) p.contact_name = e.contact_name;
  if (present(kEMobile)) p.mobile = e.mobile;
  if (present(kELinkage)) p.model = e.linkage.model;
  if (present(kEContract)) p.contract_farming = e.linkage.contract_farming;
  if (present(kEPoor)) p.employs_poor = e.linkage.employs_poor;
  if (present(kELat) || present(kELng)) p.point = e.point;
  auto changed = queries::UpdateEntity(conn, ctx.cipher, id, p, now);
  if (!changed.ok() && imports::IsRowError(changed.error()))
    return std::optional(c.Reject(EntityColumnOf(changed.error().field), changed.error().message));
  if (!changed.ok()) return changed.take_error();
  if (has_shop && !known) {
    shop.entity_id = id;
    auto added = AddShop(conn, shop, now);
    if (!added.ok()) return added.take_error();
    changed->push_back("shop");
  }
  if (!changed->empty()) {
    std::string fields;
    for (const auto& f : *changed) fields += (fields.empty() ? "" : ",") + f;
    RETURN_IF_ERROR(ctx.audit.Append(
        conn,
        {who.ToActor(), "entity.update", "entity", std::to_string(id), audit::Outcome::kSuccess,
         "changed=" + fields + " import_batch=" + std::to_string(batch.id)}));
  }
  return std::optional<RowError>();
}

// A row: a new entity (and its shop), or with `update` an existing one updated (*updated set).
RowOutcome EntityRow(storage::Connection& conn, const ImportContext& ctx,
                     const account::Principal& who, const Cells& c,
                     const imports::BatchContext& batch, const region::NameResolver& regions,
                     bool update, bool& updated, int64_t now) {
  updated = false;
  NewEntity e;
  if (auto bad = ParseEntityFields(c, regions, e)) return bad;
  ASSIGN_OR_RETURN(auto prior,
                   conn.Query("SELECT batch_id, id FROM entities WHERE uscc = ?", {e.uscc}));
  if (!prior.empty()) {
    // Registered by an earlier, partially accepted import of this same file: not an error.
    if (auto b = prior[0].OptInt(0);
        b && std::find(batch.same_file.begin(), batch.same_file.end(), *b) != batch.same_file.end())
      return std::optional(c.AlreadyImported());
    bool same = prior[0].OptInt(0) == batch.id;
    if (same || !update)
      return std::optional(
          c.Reject(kEUscc, same ? "与文件中前面的行重复" : "该统一社会信用代码已登记"));
    auto out = UpdateRow(conn, ctx, who, c, e, prior[0].Int(1), batch, now);
    updated = out.ok() && !out->has_value();
    return out;
  }
  Shop shop;
  bool has_shop = false, known = false;
  ASSIGN_OR_RETURN(auto bad_shop, CheckShop(conn, c, shop, has_shop, 0, known));
  if (bad_shop) return bad_shop;
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
                imports::BatchContext batch, bool update, int64_t now)
      : ctx_(ctx), who_(who), batch_(std::move(batch)), update_(update), now_(now) {}
  int64_t Updated() const override { return updated_; }
  // The batch's registrations, marked once per county from its earliest month (Insert leaves
  // an import's rows to this), in the import's transaction.
  Status Finish(storage::Connection& conn) override {
    return storage::MarkFiguresChangedBy(
        conn,
        "SELECT region_code, MIN(registered_on) FROM entities WHERE batch_id = ? GROUP BY "
        "region_code",
        {batch_.id}, now_);
  }
  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    if (!regions_) {  // the importer's towns and villages, once per run
      ASSIGN_OR_RETURN(auto loaded, region::NameResolver::Load(conn, who_.region));
      regions_ = std::move(loaded);
    }
    bool updated = false;
    auto out = EntityRow(conn, ctx_, who_, c, batch_, *regions_, update_, updated, now_);
    updated_ += updated ? 1 : 0;
    return out;
  }

 private:
  std::optional<region::NameResolver> regions_;
  const ImportContext& ctx_;
  const account::Principal& who_;
  imports::BatchContext batch_;
  bool update_;
  int64_t updated_ = 0;
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
      [&ctx, &who, now, update = opt.update_existing](
          storage::Connection&,
          const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<EntityHandler>(ctx, who, batch, update, now);
  };
  return imports::Run(ctx, who, path, mode, {"entities", "entity.import", kEntityColumns}, make,
                      opt);
}

spreadsheet::Sheet EntitiesTemplate() {
  return imports::Template(
      "经营主体", kEntityColumns,
      {"91341302MA2N00001C", "示例电商有限公司", "企业", "341302100000", "2019-03-01", "张三",
       "13800138000", "是", "否", "否", "淘宝", "示例旗舰店", "123456", "116.964400", "33.645200"},
      {"带*的列为必填；列的顺序可以调整，但表头文字须与模板一致。",
       "主体类型：企业、合作社、家庭农场、个体工商户、运营服务商。",
       "所在区划代码：12位统计用区划代码，或乡镇、村的名称（如“符离镇”“符离镇/沈圩村”；村名在"
       "辖区内唯一时可只写村名），须为乡镇（街道）或行政村（社区），且在您的管辖范围内。",
       "利益联结机制、订单农业、带动建档立卡贫困户：是 或 否。",
       "经度、纬度：可不填；填写时两列都填，WGS-84 十进制度数（最多6位小数，如 116.964400、"
       "33.645200），须在中国境内，用于统计监测大屏的点位图。",
       "联系电话加密保存，列表中只显示掩码。导入前请删除示例行。"});
}

}  // namespace ruralec::entity
