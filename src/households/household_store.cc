#include "households/household_store.h"

#include <map>

#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::households::store {
namespace {

// The first month a register change marks (every stored month of the county).
constexpr char kEveryMonth[] = "2000-01";

using storage::Null;
using storage::Value;

const storage::Columns kHousehold(
    "h.id, h.region_code, h.head_name_enc, h.head_name_masked, h.id_masked, h.members, h.status, "
    "h.lifted_year, h.willing, h.willing_on, h.able, h.able_on, h.products, h.source, "
    "h.batch_id, h.created_at, h.updated_at");

std::string Joined(const std::vector<std::string>& v) {
  std::string out = ",";
  for (const auto& s : v) out += s + ",";
  return out;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  for (size_t start = 0, comma; start < s.size(); start = comma + 1) {
    comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
  }
  return out;
}

std::optional<CivilDate> OptDate(const std::optional<std::string>& t) {
  if (!t || t->empty()) return std::nullopt;
  auto d = CivilDate::Parse(*t);
  return d.ok() ? std::optional<CivilDate>(*d) : std::nullopt;
}

Value Opt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{Null{}}; }
Value Opt(const std::optional<CivilDate>& d) { return d ? Value{d->ToString()} : Value{Null{}}; }

Stored ToStored(const storage::Row& row) {
  storage::NamedRow r(row, kHousehold);
  Stored s;
  Household& h = s.h;
  h.id = r.Int("id");
  h.region = *RegionCode::Parse(r.Text("region_code"));
  s.head_name_enc = r.Text("head_name_enc");
  h.head_name = r.Text("head_name_masked");
  h.id_masked = r.Text("id_masked");
  h.members = static_cast<int>(r.Int("members"));
  if (auto st = ParseStatus(r.Text("status")); st.ok()) h.status = *st;
  if (auto y = r.OptInt("lifted_year")) h.lifted_year = static_cast<int>(*y);
  h.willing = r.Bool("willing");
  h.willing_on = OptDate(r.OptText("willing_on"));
  h.able = r.Bool("able");
  h.able_on = OptDate(r.OptText("able_on"));
  h.products = Split(r.Text("products"));
  h.source = r.Text("source");
  h.batch_id = r.OptInt("batch_id");
  h.created_at = r.Int("created_at");
  h.updated_at = r.Int("updated_at");
  return s;
}

std::vector<Value> Fields(const Row& r) {
  const HouseholdInput& in = r.in;
  return {r.head_name_enc,
          r.head_name_masked,
          r.id_enc,
          r.id_bidx,
          r.id_masked,
          int64_t{in.members},
          std::string(StatusName(in.status)),
          in.lifted_year ? Value{int64_t{*in.lifted_year}} : Value{Null{}},
          int64_t{in.willing ? 1 : 0},
          Opt(in.willing_on),
          int64_t{in.able ? 1 : 0},
          Opt(in.able_on),
          Joined(in.products)};
}

Status PutHelpers(storage::Connection& conn, int64_t id, const std::vector<Helper>& helpers) {
  RETURN_IF_ERROR(conn.Exec("DELETE FROM household_helpers WHERE household_id = ?", {id}));
  for (const auto& h : helpers) {
    RETURN_IF_ERROR(conn.Exec(
        "INSERT INTO household_helpers (household_id, kind, name, entity_id) VALUES (?, ?, ?, ?)",
        {id, std::string(HelperKindName(h.kind)), h.name, Opt(h.entity_id)}));
  }
  return {};
}

// The helpers of `stored`, one query for all of them.
Status FillHelpers(storage::Connection& conn, std::vector<Stored>& stored) {
  if (stored.empty()) return {};
  std::map<int64_t, size_t> at;
  storage::Params ids;
  std::string marks;
  for (size_t i = 0; i < stored.size(); ++i) {
    at[stored[i].h.id] = i;
    ids.emplace_back(stored[i].h.id);
    marks += i ? ", ?" : "?";
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT household_id, kind, name, entity_id FROM "
                                         "household_helpers WHERE household_id IN (" +
                                             marks + ") ORDER BY id",
                                         ids));
  for (const auto& r : rows) {
    Helper h;
    if (auto k = ParseHelperKind(r.Text(1)); k.ok()) h.kind = *k;
    h.name = r.Text(2);
    h.entity_id = r.OptInt(3);
    stored[at[r.Int(0)]].h.helpers.push_back(std::move(h));
  }
  return {};
}

HouseholdRef RefOf(const storage::Row& r) {
  return {r.Int(0), *RegionCode::Parse(r.Text(1)), r.Int(2) != 0, r.Int(3) != 0};
}

}  // namespace

Result<int64_t> Insert(storage::Connection& conn, const Row& r) {
  std::vector<Value> v = {r.in.region.county().str(), r.in.region.str()};
  for (auto& f : Fields(r)) v.push_back(std::move(f));
  for (Value x : {Value{r.source}, Opt(r.batch_id), Opt(r.created_by), Value{r.now}, Value{r.now}})
    v.push_back(std::move(x));
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO households (county_code, region_code, head_name_enc, "
                    "head_name_masked, id_enc, id_bidx, id_masked, members, status, lifted_year, "
                    "willing, willing_on, able, able_on, products, source, batch_id, created_by, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?) RETURNING id",
                    v, "insert household"));
  int64_t id = row.Int(0);
  // Whether a household counts for the coverage rate is its register row as of a day: a row
  // changes the county's coverage of every stored month (storage/figure_changes.h). An import
  // marks its batch once (MarkImportedHouseholds).
  if (!r.batch_id)
    RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, r.in.region, kEveryMonth, r.now));
  RETURN_IF_ERROR(PutHelpers(conn, id, r.in.helpers));
  return id;
}

Status MarkImportedHouseholds(storage::Connection& conn, int64_t batch_id, int64_t now_ms) {
  return storage::MarkFiguresChangedBy(
      conn, "SELECT DISTINCT region_code, CAST(? AS TEXT) FROM households WHERE batch_id = ?",
      {kEveryMonth, batch_id}, now_ms);
}

Status Update(storage::Connection& conn, int64_t id, const Row& r) {
  RETURN_IF_ERROR(storage::MarkFiguresChangedBy(  // the old county too, if it moved
      conn, "SELECT region_code, CAST(? AS TEXT) FROM households WHERE id = ?", {kEveryMonth, id},
      r.now));
  RETURN_IF_ERROR(storage::MarkFiguresChanged(conn, r.in.region, kEveryMonth, r.now));
  std::vector<Value> v = {r.in.region.county().str(), r.in.region.str()};
  for (auto& f : Fields(r)) v.push_back(std::move(f));
  v.emplace_back(r.now);
  v.emplace_back(id);
  RETURN_IF_ERROR(conn.Exec(
      "UPDATE households SET county_code = ?, region_code = ?, head_name_enc = ?, "
      "head_name_masked = ?, id_enc = ?, id_bidx = ?, id_masked = ?, members = ?, status = ?, "
      "lifted_year = ?, willing = ?, willing_on = ?, able = ?, able_on = ?, products = ?, "
      "updated_at = ? WHERE id = ?",
      v));
  return PutHelpers(conn, id, r.in.helpers);
}

Result<std::optional<Stored>> Get(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kHousehold.List() + " FROM households h WHERE h.id = ?", {id}));
  if (rows.empty()) return std::optional<Stored>();
  std::vector<Stored> one{ToStored(rows[0])};
  RETURN_IF_ERROR(FillHelpers(conn, one));
  return std::optional<Stored>(std::move(one[0]));
}

Result<Page<Stored>> List(storage::Connection& conn, const Filter& f, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("h.region_code", f.region);
  if (f.status) w.Eq("h.status", std::string(StatusName(*f.status)));
  if (f.willing_and_able) {
    if (*f.willing_and_able)
      w.Sql("h.willing = 1 AND h.able = 1");
    else
      w.Sql("(h.willing = 0 OR h.able = 0)");
  }
  if (!f.product.empty()) w.Sql("h.products LIKE ?", {"%," + f.product + ",%"});
  ASSIGN_OR_RETURN(auto p,
                   storage::QueryPage<Stored>(conn, kHousehold.List(), "FROM households h", w,
                                              " ORDER BY h.region_code, h.id", page, ToStored));
  RETURN_IF_ERROR(FillHelpers(conn, p.items));
  return p;
}

Result<std::vector<Stored>> ByIds(storage::Connection& conn, const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<Stored>();
  storage::Params params;
  std::string marks;
  for (int64_t id : ids) {
    params.emplace_back(id);
    marks += marks.empty() ? "?" : ", ?";
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kHousehold.List() +
                                             " FROM households h WHERE h.id IN (" + marks + ")",
                                         params));
  std::map<int64_t, Stored> by_id;
  for (const auto& r : rows) {
    Stored s = ToStored(r);
    by_id.emplace(s.h.id, std::move(s));
  }
  std::vector<Stored> out;
  for (int64_t id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
  RETURN_IF_ERROR(FillHelpers(conn, out));
  return out;
}

Result<std::optional<HouseholdRef>> FindByBlindIndex(storage::Connection& conn,
                                                     const std::string& bidx) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, region_code, willing, able FROM households "
                                         "WHERE id_bidx = ?",
                                         {bidx}));
  if (rows.empty()) return std::optional<HouseholdRef>();
  return std::optional<HouseholdRef>(RefOf(rows[0]));
}

Result<std::optional<HouseholdRef>> FindRef(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT id, region_code, willing, able FROM households "
                                         "WHERE id = ?",
                                         {id}));
  if (rows.empty()) return std::optional<HouseholdRef>();
  return std::optional<HouseholdRef>(RefOf(rows[0]));
}

Result<std::pair<std::string, std::string>> Secrets(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      storage::Row r,
      conn.QueryOne("SELECT head_name_enc, id_enc FROM households WHERE id = ?", {id}, "户不存在"));
  return std::make_pair(r.Text(0), r.Text(1));
}

}  // namespace ruralec::households::store
