#include "households/purchase_store.h"

#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::households::store {
namespace {

using storage::Null;
using storage::Value;

const storage::Columns kPurchase(
    "p.id, p.entity_id, p.buyer_region_code, p.seller_kind, p.household_id, p.region_code, "
    "p.seller_name, p.product, p.quantity, p.unit, p.amount_fen, p.purchased_on, "
    "p.evidence_kind, p.evidence_no, p.source, p.batch_id, p.source_row, p.is_current, "
    "p.supersedes_id, p.correction_reason, p.created_by, p.created_at, p.agreement_id, "
    "p.listing_id");

Purchase ToPurchase(const storage::Row& row) {
  storage::NamedRow r(row, kPurchase);
  Purchase p;
  p.id = r.Int("id");
  p.in.entity_id = r.Int("entity_id");
  p.buyer_region = *RegionCode::Parse(r.Text("buyer_region_code"));
  p.in.seller_kind =
      r.Text("seller_kind") == "village" ? SellerKind::kVillage : SellerKind::kHousehold;
  p.in.household_id = r.OptInt("household_id");
  p.in.village = *RegionCode::Parse(r.Text("region_code"));
  p.in.seller_name = r.Text("seller_name");
  p.seller_label = p.in.seller_name;
  p.in.product = r.Text("product");
  p.in.quantity = r.Int("quantity");
  p.in.unit = r.Text("unit");
  p.in.amount_fen = r.Int("amount_fen");
  if (auto d = CivilDate::Parse(r.Text("purchased_on")); d.ok()) p.in.purchased_on = *d;
  p.in.evidence_kind = r.Text("evidence_kind");
  p.in.evidence_no = r.Text("evidence_no");
  p.source = r.Text("source");
  p.batch_id = r.OptInt("batch_id");
  p.source_row = r.OptInt("source_row");
  p.current = r.Bool("is_current");
  p.supersedes_id = r.OptInt("supersedes_id");
  p.correction_reason = r.Text("correction_reason");
  p.created_by = r.OptInt("created_by");
  p.created_at = r.Int("created_at");
  p.in.agreement_id = r.OptInt("agreement_id");
  p.in.listing_id = r.OptInt("listing_id");
  return p;
}

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }

}  // namespace

Status MarkImportedPurchases(storage::Connection& conn, int64_t batch_id, int64_t now_ms) {
  return storage::MarkFiguresChangedBy(
      conn,
      "SELECT region_code, MIN(purchased_on) FROM purchases WHERE batch_id = ? GROUP BY "
      "region_code",
      {batch_id}, now_ms);
}

Result<int64_t> InsertPurchase(storage::Connection& conn, const NewPurchase& p) {
  // A purchase from a household helps it (the coverage figure: storage/figure_changes.h): the
  // new row's county and month are marked, a correction's old row's too; an import marks its
  // batch once (MarkImportedPurchases).
  if (!p.batch_id)
    RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, p.in.village, p.in.purchased_on.ToString(),
                                                p.created_at));
  if (p.supersedes_id) {
    RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
        conn, "SELECT region_code, purchased_on FROM purchases WHERE id = ?", {*p.supersedes_id},
        p.created_at));
    RETURN_IF_ERROR(
        conn.Exec("UPDATE purchases SET is_current = 0 WHERE id = ?", {*p.supersedes_id}));
  }
  const PurchaseInput& in = p.in;
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO purchases (entity_id, buyer_county_code, buyer_region_code, seller_kind, "
          "household_id, county_code, region_code, seller_name, product, quantity, unit, "
          "amount_fen, purchased_on, evidence_kind, evidence_no, natural_key, source, batch_id, "
          "source_row, is_current, supersedes_id, correction_reason, created_by, created_at, "
          "agreement_id, listing_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {in.entity_id,
           p.buyer_region.county().str(),
           p.buyer_region.str(),
           std::string(SellerKindName(in.seller_kind)),
           Opt(in.household_id),
           in.village.county().str(),
           in.village.str(),
           in.seller_name,
           in.product,
           in.quantity,
           in.unit,
           in.amount_fen,
           in.purchased_on.ToString(),
           in.evidence_kind,
           in.evidence_no,
           PurchaseKey(in),
           p.source,
           Opt(p.batch_id),
           Opt(p.source_row),
           Opt(p.supersedes_id),
           p.correction_reason,
           Opt(p.created_by),
           p.created_at,
           Opt(in.agreement_id),
           Opt(in.listing_id)},
          "insert purchase"));
  return row.Int(0);
}

Result<std::optional<Purchase>> GetPurchase(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kPurchase.List() + " FROM purchases p WHERE p.id = ?", {id}));
  if (rows.empty()) return std::optional<Purchase>();
  return std::optional<Purchase>(ToPurchase(rows[0]));
}

Result<std::optional<Purchase>> CurrentByKey(storage::Connection& conn, const std::string& key) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kPurchase.List() +
                                             " FROM purchases p WHERE p.natural_key = ? AND "
                                             "p.is_current = 1",
                                         {key}));
  if (rows.empty()) return std::optional<Purchase>();
  return std::optional<Purchase>(ToPurchase(rows[0]));
}

Result<Page<Purchase>> ListPurchases(storage::Connection& conn, const PurchaseFilter& f,
                                     std::optional<int64_t> own_entity, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("p.buyer_region_code", f.region)
      .EqIf("p.entity_id", own_entity ? own_entity : f.entity_id)
      .EqIf("p.household_id", f.household_id)
      .CmpIf("p.purchased_on", ">=", f.from ? f.from->ToString() : "")
      .CmpIf("p.purchased_on", "<=", f.to ? f.to->ToString() : "");
  if (own_entity && f.entity_id && *f.entity_id != *own_entity) w.Sql("1 = 0");
  if (!f.history) w.Eq("p.is_current", int64_t{1});
  return storage::QueryPage<Purchase>(conn, kPurchase.List(), "FROM purchases p", w,
                                      " ORDER BY p.purchased_on DESC, p.id DESC", page, ToPurchase);
}

Status ScanCurrent(storage::Connection& conn, const RegionCode& scope, const std::string& from,
                   const std::string& to, const PurchaseVisitor& fn) {
  storage::Where w;
  w.InSubtree("buyer_region_code", scope)
      .Cmp("purchased_on", ">=", from)
      .Cmp("purchased_on", "<=", to)
      .Eq("is_current", int64_t{1});
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT entity_id, seller_kind, amount_fen, id FROM "
                                         "purchases" +
                                             w.Clause() + " ORDER BY entity_id, id",
                                         w.params()));
  for (const auto& r : rows)
    fn(r.Int(0), r.Text(1) == "village" ? SellerKind::kVillage : SellerKind::kHousehold, r.Int(2),
       r.Int(3));
  return {};
}

Result<std::map<int64_t, std::string>> MaskedNames(storage::Connection& conn,
                                                   const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  for (size_t start = 0; start < ids.size(); start += 500) {
    storage::Params params;
    std::string marks;
    for (size_t i = start; i < ids.size() && i < start + 500; ++i) {
      params.emplace_back(ids[i]);
      marks += marks.empty() ? "?" : ", ?";
    }
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, head_name_masked FROM households WHERE id "
                                           "IN (" +
                                               marks + ")",
                                           params));
    for (const auto& r : rows) out[r.Int(0)] = r.Text(1);
  }
  return out;
}

}  // namespace ruralec::households::store
