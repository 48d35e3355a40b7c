#include "products/products_store.h"

#include <algorithm>

#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::products::store {
namespace {

using storage::Null;
using storage::Value;

std::optional<CivilDate> OptDate(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}
CivilDate DateOf(const std::string& t) { return OptDate(t).value_or(CivilDate{}); }
Admission AdmissionOf(const std::string& s) {
  auto a = ParseAdmission(s);
  return a.ok() ? *a : Admission::kDraft;
}
Status ExecOk(Result<int64_t> r) {
  if (!r.ok()) return r.take_error();
  return {};
}
std::string OrderOf(const PageRequest& page, const std::string& col, const std::string& tie) {
  return " ORDER BY " + col + (page.descending ? " DESC" : "") + ", " + tie;
}

const storage::Columns kScaleCols("id, county_code, name, grades, note, created_at");

GradeScale ToScale(const storage::Row& row) {
  storage::NamedRow r(row, kScaleCols);
  return {r.Int("id"),
          r.Text("county_code"),
          r.Text("name"),
          r.Text("note"),
          storage::SplitList(r.Text("grades")),
          r.Int("created_at")};
}

const storage::Columns kCols(
    "p.id, p.county_code, p.region_code, p.entity_id, p.name, p.category, p.brand_id, "
    "p.regional_brand_id, p.gtin, p.specs, p.packaging_standard, p.grade_scale_id, p.grade, "
    "p.admission, p.admission_on, p.created_at, p.updated_at, "
    "COALESCE(s.name, '') AS scale_name");
constexpr const char* kFrom =
    "FROM products p LEFT JOIN product_grade_scales s ON s.id = p.grade_scale_id";

Product ToProduct(const storage::Row& row) {
  storage::NamedRow r(row, kCols);
  Product p;
  p.id = r.Int("id");
  p.county_code = r.Text("county_code");
  p.region = *RegionCode::Parse(r.Text("region_code"));
  p.entity_id = r.Int("entity_id");
  p.name = r.Text("name");
  p.category = r.Text("category");
  p.category_label = p.category;
  p.brand_id = r.OptInt("brand_id");
  p.regional_brand_id = r.OptInt("regional_brand_id");
  p.gtin = r.Text("gtin");
  p.specs = r.Text("specs");
  p.packaging_standard = r.Text("packaging_standard");
  p.grade_scale_id = r.OptInt("grade_scale_id");
  p.grade = r.Text("grade");
  p.admission = AdmissionOf(r.Text("admission"));
  p.admission_on = OptDate(r.OptText("admission_on"));
  p.created_at = r.Int("created_at");
  p.updated_at = r.Int("updated_at");
  p.grade_scale_name = r.Text("scale_name");
  return p;
}

const storage::Columns kCertCols(
    "c.id, c.county_code, c.region_code, c.product_id, c.entity_id, c.kind, c.number, c.issuer, "
    "c.valid_from, c.valid_to, c.note, c.created_at, c.updated_at, "
    "COALESCE(p.name, '') AS product_name");
constexpr const char* kCertFrom =
    "FROM product_certifications c LEFT JOIN products p ON p.id = c.product_id";

Certification ToCert(const storage::Row& row) {
  storage::NamedRow r(row, kCertCols);
  Certification c;
  c.id = r.Int("id");
  c.county_code = r.Text("county_code");
  c.region = *RegionCode::Parse(r.Text("region_code"));
  c.product_id = r.OptInt("product_id");
  c.entity_id = r.Int("entity_id");
  c.kind = r.Text("kind");
  c.number = r.Text("number");
  c.issuer = r.Text("issuer");
  c.valid_from = DateOf(r.Text("valid_from"));
  c.valid_to = DateOf(r.Text("valid_to"));
  c.note = r.Text("note");
  c.created_at = r.Int("created_at");
  c.updated_at = r.Int("updated_at");
  c.product_name = r.Text("product_name");
  return c;
}

const storage::Columns kMoveCols(
    "id, product_id, seq, from_state, to_state, on_date, idempotency_key, fingerprint, note, "
    "checklist, actor_id, actor_name, created_at");

AdmissionMove ToMove(const storage::Row& row) {
  storage::NamedRow r(row, kMoveCols);
  AdmissionMove m;
  m.id = r.Int("id");
  m.product_id = r.Int("product_id");
  m.seq = static_cast<int>(r.Int("seq"));
  m.from = AdmissionOf(r.Text("from_state"));
  m.to = AdmissionOf(r.Text("to_state"));
  m.on = DateOf(r.Text("on_date"));
  m.idempotency_key = r.Text("idempotency_key");
  m.note = r.Text("note");
  m.checklist = storage::SplitList(r.Text("checklist"));
  m.actor_id = r.OptInt("actor_id");
  m.actor_name = r.Text("actor_name");
  m.created_at = r.Int("created_at");
  return m;
}

}  // namespace

// ---- grading scales ----

Result<int64_t> InsertScale(storage::Connection& conn, const GradeScale& s, storage::Stamp by) {
  ASSIGN_OR_RETURN(storage::Row row,
                   conn.QueryOne("INSERT INTO product_grade_scales (county_code, name, grades, "
                                 "note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                                 "RETURNING id",
                                 {s.county_code, s.name, storage::JoinedList(s.grades), s.note,
                                  storage::OrNull(by.by), by.now_ms},
                                 "insert grade scale"));
  return row.Int(0);
}

Result<std::optional<GradeScale>> GetScale(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kScaleCols.List() +
                                                    " FROM product_grade_scales WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<GradeScale>();
  return std::optional<GradeScale>(ToScale(*row));
}

Result<std::optional<GradeScale>> FindScale(storage::Connection& conn, const std::string& county,
                                            const std::string& name) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kScaleCols.List() +
                             " FROM product_grade_scales WHERE county_code = ? AND name = ?",
                         {county, name}));
  if (!row) return std::optional<GradeScale>();
  return std::optional<GradeScale>(ToScale(*row));
}

Result<Page<GradeScale>> ListScales(storage::Connection& conn, const RegionCode& scope,
                                    const PageRequest& page) {
  storage::Where w;
  w.InSubtree("county_code", scope);
  std::string order = page.sort == "name" ? OrderOf(page, "name", "id") : " ORDER BY id DESC";
  return storage::QueryPage<GradeScale>(conn, kScaleCols.List(), "FROM product_grade_scales", w,
                                        order, page, ToScale);
}

// ---- products ----

Result<int64_t> InsertProduct(storage::Connection& conn, const Product& p, storage::Stamp by) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO products (county_code, region_code, entity_id, name, category, brand_id, "
          "regional_brand_id, gtin, specs, packaging_standard, grade_scale_id, grade, admission, "
          "created_by, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {p.county_code, p.region.str(), p.entity_id, p.name, p.category,
           storage::OrNull(p.brand_id), storage::OrNull(p.regional_brand_id), p.gtin, p.specs,
           p.packaging_standard, storage::OrNull(p.grade_scale_id), p.grade,
           std::string(AdmissionName(p.admission)), storage::OrNull(by.by), by.now_ms, by.now_ms},
          "insert product"));
  return row.Int(0);
}

Status UpdateProduct(storage::Connection& conn, const Product& p, int64_t now_ms) {
  // A product moved to another region takes its certification and admission counts along, in
  // every month (storage/figure_changes.h): both counties are marked.
  ASSIGN_OR_RETURN(auto old,
                   conn.QueryOptional("SELECT region_code FROM products WHERE id = ?", {p.id}));
  if (old && old->Text(0) != p.region.str()) {
    if (auto was = RegionCode::Parse(old->Text(0)); was.ok())
      RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, *was, "2000-01", now_ms));
    RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, p.region, "2000-01", now_ms));
  }
  return ExecOk(conn.Exec(
      "UPDATE products SET region_code = ?, name = ?, category = ?, brand_id = ?, "
      "regional_brand_id = ?, gtin = ?, specs = ?, packaging_standard = ?, grade_scale_id = ?, "
      "grade = ?, updated_at = ? WHERE id = ?",
      {p.region.str(), p.name, p.category, storage::OrNull(p.brand_id),
       storage::OrNull(p.regional_brand_id), p.gtin, p.specs, p.packaging_standard,
       storage::OrNull(p.grade_scale_id), p.grade, now_ms, p.id}));
}

Status SetAdmission(storage::Connection& conn, int64_t id, Admission a, CivilDate on,
                    int64_t now_ms) {
  return ExecOk(
      conn.Exec("UPDATE products SET admission = ?, admission_on = ?, updated_at = ? WHERE id = ?",
                {std::string(AdmissionName(a)), on.ToString(), now_ms, id}));
}

Result<std::optional<Product>> GetProduct(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional(
                                 "SELECT " + kCols.List() + " " + kFrom + " WHERE p.id = ?", {id}));
  if (!row) return std::optional<Product>();
  return std::optional<Product>(ToProduct(*row));
}

Result<bool> GtinTaken(storage::Connection& conn, const std::string& county,
                       const std::string& gtin, int64_t except) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT id FROM products WHERE county_code = ? "
                                                "AND gtin = ? AND id <> ?",
                                                {county, gtin, except}));
  return row.has_value();
}

Result<Page<Product>> ListProducts(storage::Connection& conn, const Filter& f,
                                   std::optional<int64_t> owner, CivilDate today,
                                   const PageRequest& page) {
  storage::Where w;
  w.InSubtree("p.region_code", f.region);
  w.EqIf("p.entity_id", owner);
  w.EqIf("p.entity_id", f.entity_id);
  w.EqIf("p.category", f.category);
  if (f.admission) w.Eq("p.admission", std::string(AdmissionName(*f.admission)));
  w.ContainsIf({"p.name", "p.gtin", "p.specs"}, f.q);
  if (f.certified) {
    std::string exists =
        "EXISTS (SELECT 1 FROM product_certifications c WHERE c.product_id = p.id AND "
        "c.valid_from <= ? AND c.valid_to >= ?)";
    w.Sql(*f.certified ? exists : "NOT " + exists, {today.ToString(), today.ToString()});
  }
  std::string order = " ORDER BY p.id DESC";
  if (page.sort == "name") order = OrderOf(page, "p.name", "p.id");
  if (page.sort == "id") order = OrderOf(page, "p.id", "p.id");
  if (page.sort == "updated_at") order = OrderOf(page, "p.updated_at", "p.id");
  return storage::QueryPage<Product>(conn, kCols.List(), kFrom, w, order, page, ToProduct);
}

Result<std::set<int64_t>> CertifiedAmong(storage::Connection& conn, const std::vector<int64_t>& ids,
                                         CivilDate today) {
  std::set<int64_t> out;
  constexpr size_t kChunk = 500;
  for (size_t i = 0; i < ids.size(); i += kChunk) {
    size_t n = std::min(kChunk, ids.size() - i);
    storage::Params p = {today.ToString(), today.ToString()};
    std::string in = "?";
    p.emplace_back(ids[i]);
    for (size_t k = 1; k < n; ++k) {
      in += ", ?";
      p.emplace_back(ids[i + k]);
    }
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT DISTINCT product_id FROM product_certifications "
                                           "WHERE valid_from <= ? AND valid_to >= ? AND "
                                           "product_id IN (" +
                                               in + ")",
                                           p));
    for (const auto& r : rows) out.insert(r.Int(0));
  }
  return out;
}

// ---- certifications ----

Result<int64_t> InsertCertification(storage::Connection& conn, const Certification& c,
                                    storage::Stamp by) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO product_certifications (county_code, region_code, product_id, "
                    "entity_id, kind, number, issuer, valid_from, valid_to, note, created_by, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {c.county_code, c.region.str(), storage::OrNull(c.product_id), c.entity_id,
                     c.kind, c.number, c.issuer, c.valid_from.ToString(), c.valid_to.ToString(),
                     c.note, storage::OrNull(by.by), by.now_ms, by.now_ms},
                    "insert certification"));
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, c.region, c.valid_from.ToString(), by.now_ms));
  return row.Int(0);
}

Status UpdateCertification(storage::Connection& conn, const Certification& c, int64_t now_ms) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(
      conn, "SELECT region_code, valid_from FROM product_certifications WHERE id = ?", {c.id},
      now_ms));
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, c.region, c.valid_from.ToString(), now_ms));
  return ExecOk(conn.Exec(
      "UPDATE product_certifications SET kind = ?, number = ?, issuer = ?, valid_from = ?, "
      "valid_to = ?, note = ?, updated_at = ? WHERE id = ?",
      {c.kind, c.number, c.issuer, c.valid_from.ToString(), c.valid_to.ToString(), c.note, now_ms,
       c.id}));
}

Result<std::optional<Certification>> GetCertification(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto row,
      conn.QueryOptional("SELECT " + kCertCols.List() + " " + kCertFrom + " WHERE c.id = ?", {id}));
  if (!row) return std::optional<Certification>();
  return std::optional<Certification>(ToCert(*row));
}

Result<bool> CertificationTaken(storage::Connection& conn, const Certification& c) {
  std::string holder = c.product_id ? "product_id = ?" : "product_id IS NULL AND entity_id = ?";
  ASSIGN_OR_RETURN(
      auto row, conn.QueryOptional("SELECT id FROM product_certifications WHERE kind = ? AND "
                                   "number = ? AND id <> ? AND " +
                                       holder,
                                   {c.kind, c.number, c.id, c.product_id.value_or(c.entity_id)}));
  return row.has_value();
}

Result<Page<Certification>> ListCertifications(storage::Connection& conn, const CertFilter& f,
                                               std::optional<int64_t> owner, CivilDate today,
                                               const PageRequest& page) {
  storage::Where w;
  w.InSubtree("c.region_code", f.region);
  w.EqIf("c.entity_id", owner);
  w.EqIf("c.entity_id", f.entity_id);
  w.EqIf("c.product_id", f.product_id);
  w.EqIf("c.kind", f.kind);
  const std::string t = today.ToString();
  if (f.status == "valid") w.Sql("c.valid_from <= ? AND c.valid_to >= ?", {t, t});
  if (f.status == "expired") w.Cmp("c.valid_to", "<", t);
  if (f.expiring)
    w.Sql("c.valid_to >= ? AND c.valid_to <= ?", {t, today.AddDays(*f.expiring).ToString()});
  std::string order = f.expiring ? " ORDER BY c.valid_to, c.id" : " ORDER BY c.id DESC";
  if (page.sort == "valid_to") order = OrderOf(page, "c.valid_to", "c.id");
  if (page.sort == "id") order = OrderOf(page, "c.id", "c.id");
  return storage::QueryPage<Certification>(conn, kCertCols.List(), kCertFrom, w, order, page,
                                           ToCert);
}

Result<std::vector<Certification>> CertificationsOf(storage::Connection& conn, int64_t product_id,
                                                    int64_t entity_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kCertCols.List() + " " + kCertFrom +
                                             " WHERE c.product_id = ? OR (c.product_id IS NULL AND "
                                             "c.entity_id = ?) ORDER BY c.valid_to DESC, c.id",
                                         {product_id, entity_id}));
  std::vector<Certification> out;
  for (const auto& r : rows) out.push_back(ToCert(r));
  return out;
}

// ---- admission ----

Result<std::optional<AdmissionMove>> FindMove(storage::Connection& conn, int64_t product_id,
                                              const std::string& key, std::string* fingerprint) {
  ASSIGN_OR_RETURN(auto row, conn.QueryOptional("SELECT " + kMoveCols.List() +
                                                    " FROM product_admissions WHERE product_id = "
                                                    "? AND idempotency_key = ?",
                                                {product_id, key}));
  if (!row) return std::optional<AdmissionMove>();
  *fingerprint = storage::NamedRow(*row, kMoveCols).Text("fingerprint");
  return std::optional<AdmissionMove>(ToMove(*row));
}

Result<int64_t> InsertMove(storage::Connection& conn, const AdmissionMove& m,
                           const std::string& fingerprint) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO product_admissions (product_id, seq, from_state, to_state, "
          "on_date, idempotency_key, fingerprint, note, checklist, actor_id, "
          "actor_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {m.product_id, int64_t{m.seq}, std::string(AdmissionName(m.from)),
           std::string(AdmissionName(m.to)), m.on.ToString(), m.idempotency_key, fingerprint,
           m.note, m.checklist.empty() ? std::string() : storage::JoinedList(m.checklist),
           storage::OrNull(m.actor_id), m.actor_name, m.created_at},
          "insert admission move"));
  ASSIGN_OR_RETURN(auto product, conn.QueryOptional("SELECT region_code FROM products WHERE id = ?",
                                                    {m.product_id}));
  if (product)  // the admitted products of the county from the move's date on
    if (auto region = RegionCode::Parse(product->Text(0)); region.ok())
      RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, *region, m.on.ToString(), m.created_at));
  return row.Int(0);
}

Result<std::vector<AdmissionMove>> History(storage::Connection& conn, int64_t product_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kMoveCols.List() +
                                             " FROM product_admissions WHERE product_id = ? "
                                             "ORDER BY seq",
                                         {product_id}));
  std::vector<AdmissionMove> out;
  for (const auto& r : rows) out.push_back(ToMove(r));
  return out;
}

}  // namespace ruralec::products::store
