#include "households/purchase_import.h"

#include <memory>
#include <unordered_map>

#include "entity/entity.h"
#include "households/purchase_internal.h"
#include "households/purchase_store.h"
#include "region/region.h"

namespace ruralec::households {
namespace {

using imports::Cells;
using imports::Column;
using imports::Personal;
using imports::RowError;
using imports::RowOutcome;

enum Col {
  kBuyer,
  kSellerKind,
  kSellerId,
  kVillage,
  kSellerName,
  kProduct,
  kQuantity,
  kUnit,
  kAmount,
  kDate,
  kEvidenceKind,
  kEvidenceNo,
  kAgreementNo,
  kListingId
};
constexpr Column kColumns[] = {
    {"收购主体信用代码*", true},
    {"卖方类型*", true},
    {"卖方身份证号", false, Personal::kIdNumber},
    {"卖方村区划代码", false},
    {"卖方名称", false},
    {"产品*", true},
    {"数量*", true},
    {"单位*", true},
    {"金额(元)*", true},
    {"收购日期*", true},
    {"凭证类型", false},
    {"凭证号*", true},
    {"协议编号", false},
    {"信息编号", false},
};

int ColumnOf(const std::string& field) {
  static const std::pair<const char*, Col> kFields[] = {{"entity_id", kBuyer},
                                                        {"seller_kind", kSellerKind},
                                                        {"household_id", kSellerId},
                                                        {"village_code", kVillage},
                                                        {"seller_name", kSellerName},
                                                        {"product", kProduct},
                                                        {"quantity", kQuantity},
                                                        {"unit", kUnit},
                                                        {"amount", kAmount},
                                                        {"purchased_on", kDate},
                                                        {"evidence_kind", kEvidenceKind},
                                                        {"evidence_no", kEvidenceNo},
                                                        {"agreement_id", kAgreementNo},
                                                        {"listing_id", kListingId}};
  for (const auto& [name, col] : kFields)
    if (field == name) return col;
  return -1;
}

Result<int64_t> Quantity(const std::string& t) {
  if (t.empty() || t.size() > 10) return Error::Invalid("quantity", "数量应为正整数");
  int64_t v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return Error::Invalid("quantity", "数量应为正整数");
    v = v * 10 + (c - '0');
  }
  return v;
}

Result<std::string> EvidenceKind(const std::string& t) {
  if (t.empty() || t == "收据" || t == "receipt") return std::string("receipt");
  if (t == "转账凭证" || t == "transfer") return std::string("transfer");
  return Error::Invalid("evidence_kind", "凭证类型应为 收据 或 转账凭证");
}

class PurchaseRows : public imports::RowHandler {
 public:
  PurchaseRows(const imports::ImportContext& ctx, const account::Principal& who, int64_t batch)
      : ctx_(ctx),
        who_(who),
        batch_(batch),
        now_(ctx.clock.NowMs()),
        today_(ShanghaiDate(now_)),
        regions_(who.region) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    PurchaseInput in;
    Status st = Read(conn, c, in);
    RegionCode buyer;
    if (st.ok()) st = ValidatePurchase(in, today_);
    if (st.ok()) {
      auto b = internal::CheckBuyer(conn, who_, in.entity_id);
      if (b.ok()) buyer = *b;
      st = b.ok() ? internal::CheckSeller(conn, in) : Status(b.error());
      if (st.ok()) st = internal::CheckLink(conn, in);
    }
    if (!st.ok()) {
      if (!imports::IsRowError(st.error())) return st.error();
      return std::optional(c.Reject(ColumnOf(st.error().field), st.error().message));
    }
    return Keep(conn, c, in, buyer);
  }

 private:
  Status Read(storage::Connection& conn, const Cells& c, PurchaseInput& in) {
    const std::string& uscc = c.Get(kBuyer);
    auto it = buyers_.find(uscc);
    if (it == buyers_.end()) {
      ASSIGN_OR_RETURN(auto e, entity::FindByUscc(conn, uscc));
      it = buyers_.emplace(uscc, e ? e->id : 0).first;
    }
    if (it->second == 0) return Error::Invalid("entity_id", "收购主体未登记: " + uscc);
    in.entity_id = it->second;
    ASSIGN_OR_RETURN(in.seller_kind, ParseSellerKind(c.Get(kSellerKind)));
    if (in.seller_kind == SellerKind::kHousehold) {
      ASSIGN_OR_RETURN(auto h, FindByIdNumber(conn, ctx_.cipher, c.Get(kSellerId)));
      if (!h) return Error::Invalid("household_id", "该身份证号的户主未在贫困户登记簿中");
      in.household_id = h->id;
    } else {
      auto v = regions_.Resolve(conn, c.Get(kVillage));  // a code, or a village name
      if (!v.ok() && imports::IsRowError(v.error()))
        return Error::Invalid("village_code", "卖方村：" + v.error().message);
      if (!v.ok()) return v.error();
      in.village = *v;
      in.seller_name = c.Get(kSellerName);
    }
    in.product = c.Get(kProduct);
    ASSIGN_OR_RETURN(in.quantity, Quantity(c.Get(kQuantity)));
    in.unit = c.Get(kUnit);
    auto amount = Fen::Parse(c.Get(kAmount));
    if (!amount.ok()) return Error::Invalid("amount", amount.error().message);
    in.amount_fen = amount->value;
    ASSIGN_OR_RETURN(in.purchased_on, CivilDate::Parse(c.Get(kDate), "purchased_on"));
    ASSIGN_OR_RETURN(in.evidence_kind, EvidenceKind(c.Get(kEvidenceKind)));
    in.evidence_no = c.Get(kEvidenceNo);
    in.agreement_no = c.Get(kAgreementNo);
    if (const std::string& l = c.Get(kListingId); !l.empty()) {
      auto id = Quantity(l);
      if (!id.ok()) return Error::Invalid("listing_id", "信息编号应为正整数");
      in.listing_id = *id;
    }
    return {};
  }

  RowOutcome Keep(storage::Connection& conn, const Cells& c, const PurchaseInput& in,
                  const RegionCode& buyer) {
    std::string key = PurchaseKey(in);
    auto [at, fresh] = in_file_.emplace(key, c.row.number);
    if (!fresh)
      return std::optional(c.Reject(-1, "与文件第" + std::to_string(at->second) +
                                            "行重复（同一收购主体、卖方、日期、产品、凭证号）"));
    ASSIGN_OR_RETURN(auto cur, store::CurrentByKey(conn, key));
    if (cur) {
      if (cur->in.quantity == in.quantity && cur->in.unit == in.unit &&
          cur->in.amount_fen == in.amount_fen)
        return std::optional(c.AlreadyImported());
      return std::optional(
          c.Reject(-1, "已有不同的收购记录 " + std::to_string(cur->id) + "，如需修改请更正该记录"));
    }
    store::NewPurchase n{in, buyer, "import", batch_, c.row.number};
    n.created_by = who_.id.valid() ? std::optional<int64_t>(who_.id.value) : std::nullopt;
    n.created_at = now_;
    RETURN_IF_ERROR(store::InsertPurchase(conn, n));
    return std::optional<RowError>();
  }
  Status Finish(storage::Connection& conn) override {
    return store::MarkImportedPurchases(conn, batch_, now_);
  }

  const imports::ImportContext& ctx_;
  const account::Principal& who_;
  int64_t batch_, now_;
  CivilDate today_;
  region::LazyNameResolver regions_;
  std::unordered_map<std::string, int64_t> buyers_;   // credit code → entity id (0: none)
  std::unordered_map<std::string, int64_t> in_file_;  // natural key → row number
};

}  // namespace

Result<imports::ImportReport> ImportPurchases(const imports::ImportContext& ctx,
                                              const account::Principal& who,
                                              const std::string& path, imports::Mode mode,
                                              const imports::ImportOptions& opt) {
  if (!who.Can("purchase:import") || !who.Can("purchase:edit"))
    return Error::Forbidden("没有导入收购台账的权限");
  imports::HandlerFactory make =
      [&ctx, &who](storage::Connection&,
                   const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<PurchaseRows>(ctx, who, batch.id);
  };
  return imports::Run(ctx, who, path, mode, {"purchases", "purchase.import", kColumns}, make, opt);
}

spreadsheet::Sheet PurchasesTemplate() {
  return imports::Template(
      "收购台账", kColumns,
      {"91341302MA2NAP9013", "农户", "341302198001011233", "", "", "酥梨", "500", "斤", "1250.00",
       "2019-09-12", "转账凭证", "ZZ20240912001", "", ""},
      {"带*的列必填；列的顺序不限。每行一笔收购。",
       "收购主体信用代码：已登记经营主体的统一社会信用代码（须在您的管辖范围内）。",
       "卖方类型：农户（填卖方身份证号，须在贫困户登记簿中）或 贫困村（填卖方村区划代码，"
       "该村须标注为贫困村，并填卖方名称，如合作社）。",
       "数量：正整数，按所填单位计；金额：元，最多两位小数。收购日期：YYYY-MM-DD，不晚于今天。",
       "凭证类型：收据 或 转账凭证（默认收据）；凭证号必填。",
       "协议编号（可选）：收购所依据的订单农业等协议，填收购主体的协议编号；信息编号（可选）："
       "收购所依据的产销信息编号，该信息须已由收购主体对接。",
       "同一收购主体、卖方、日期、产品、凭证号只能有一笔；已有相同记录的行不重复写入，已有不同记录"
       "的行被拒绝（请更正该记录）；同一文件再次导入不会新增数据。"});
}

}  // namespace ruralec::households
