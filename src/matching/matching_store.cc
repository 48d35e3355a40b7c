#include "matching/matching_store.h"

#include <algorithm>
#include <map>

#include "attachments/attachments.h"
#include "crypto/crypto.h"
#include "storage/figure_changes.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::matching::store {
namespace {

Status Done(const Result<int64_t>& r) { return r.ok() ? Status() : Status(r.error()); }

using storage::OrNull;

const storage::Columns kListing(
    "l.id, l.region_code, l.station_id, l.station_name, l.lat_e6, l.lng_e6, l.household_id, "
    "l.seller_name_enc, l.seller_name_masked, l.contact_enc, l.contact_masked, l.product, "
    "l.quantity, l.matched_quantity, l.unit, l.price_fen, l.available_from, l.available_to, "
    "l.note, l.status, l.created_at, l.updated_at");

CivilDate DateOf(const std::string& text) {
  auto d = CivilDate::Parse(text);
  return d.ok() ? *d : CivilDate();
}

std::optional<Point> PointOf(const storage::NamedRow& r) {
  auto lat = r.OptInt("lat_e6"), lng = r.OptInt("lng_e6");
  if (!lat || !lng) return std::nullopt;
  return Point{*lat, *lng};
}

ListingStatus ListingStatusOf(const std::string& s) {
  if (s == "matched") return ListingStatus::kMatched;
  if (s == "withdrawn") return ListingStatus::kWithdrawn;
  return ListingStatus::kOpen;
}

constexpr const char* kModule = "matching";

// Photo counts from the attachments module, one statement per 500 listings.
template <typename Range>
Status FillPhotoCounts(storage::Connection& conn, Range& rows) {
  std::vector<int64_t> ids;
  for (const ListingRow& r : rows) ids.push_back(r.listing.id);
  ASSIGN_OR_RETURN(auto counts, attachments::Counts(conn, kModule, "listing", ids));
  for (ListingRow& r : rows)
    r.listing.photo_count = counts.contains(r.listing.id) ? counts[r.listing.id] : 0;
  return {};
}

ListingRow ToListing(const storage::Row& row) {
  storage::NamedRow r(row, kListing);
  ListingRow out{{}, r.Text("seller_name_enc"), r.Text("contact_enc")};
  Listing& l = out.listing;
  l.id = r.Int("id");
  l.village = *RegionCode::Parse(r.Text("region_code"));
  l.station_id = r.Int("station_id");
  l.station_name = r.Text("station_name");
  l.point = PointOf(r);
  l.household_id = r.OptInt("household_id");
  l.seller_name = r.Text("seller_name_masked");
  l.contact = r.Text("contact_masked");
  l.product = r.Text("product");
  l.quantity = r.Int("quantity");
  l.matched_quantity = r.Int("matched_quantity");
  l.unit = r.Text("unit");
  l.price_fen = r.OptInt("price_fen");
  l.available_from = DateOf(r.Text("available_from"));
  l.available_to = DateOf(r.Text("available_to"));
  l.note = r.Text("note");
  l.status = ListingStatusOf(r.Text("status"));
  l.created_at = r.Int("created_at");
  l.updated_at = r.Int("updated_at");
  return out;
}

const storage::Columns kDemand(
    "d.id, d.entity_id, d.region_code, d.product, d.quantity, d.matched_quantity, d.unit, "
    "d.price_min_fen, d.price_max_fen, d.wanted_from, d.wanted_to, d.lat_e6, d.lng_e6, d.note, "
    "d.status, d.created_at, d.updated_at");

DemandStatus DemandStatusOf(const std::string& s) {
  if (s == "filled") return DemandStatus::kFilled;
  if (s == "closed") return DemandStatus::kClosed;
  return DemandStatus::kOpen;
}

Demand ToDemand(const storage::Row& row) {
  storage::NamedRow r(row, kDemand);
  Demand d;
  d.id = r.Int("id");
  d.in.entity_id = r.Int("entity_id");
  d.in.region = *RegionCode::Parse(r.Text("region_code"));
  d.in.product = r.Text("product");
  d.in.quantity = r.Int("quantity");
  d.matched_quantity = r.Int("matched_quantity");
  d.in.unit = r.Text("unit");
  d.in.price_min_fen = r.OptInt("price_min_fen");
  d.in.price_max_fen = r.OptInt("price_max_fen");
  d.in.wanted_from = DateOf(r.Text("wanted_from"));
  d.in.wanted_to = DateOf(r.Text("wanted_to"));
  d.in.delivery = PointOf(r);
  d.in.note = r.Text("note");
  d.status = DemandStatusOf(r.Text("status"));
  d.created_at = r.Int("created_at");
  d.updated_at = r.Int("updated_at");
  return d;
}

const storage::Columns kMatch(
    "m.id, m.listing_id, m.demand_id, m.entity_id, m.region_code, m.quantity, m.unit, "
    "m.price_fen, m.score, m.reasons, m.matched_on, m.created_at, "
    "(SELECT l.product FROM listings l WHERE l.id = m.listing_id) AS product");

Match ToMatch(const storage::Row& row) {
  storage::NamedRow r(row, kMatch);
  Match m;
  m.id = r.Int("id");
  m.listing_id = r.Int("listing_id");
  m.demand_id = r.OptInt("demand_id");
  m.entity_id = r.Int("entity_id");
  m.village = *RegionCode::Parse(r.Text("region_code"));
  m.quantity = r.Int("quantity");
  m.unit = r.Text("unit");
  m.price_fen = r.OptInt("price_fen");
  if (auto s = r.OptInt("score")) m.score = static_cast<int>(*s);
  m.reasons = r.Text("reasons");
  m.matched_on = DateOf(r.Text("matched_on"));
  m.created_at = r.Int("created_at");
  m.product = r.Text("product");
  return m;
}

storage::Value LatOrNull(const std::optional<Point>& p) {
  return p ? storage::Value{p->lat_e6} : storage::Value{storage::Null{}};
}
storage::Value LngOrNull(const std::optional<Point>& p) {
  return p ? storage::Value{p->lng_e6} : storage::Value{storage::Null{}};
}

}  // namespace

Result<int64_t> InsertListing(storage::Connection& conn, const NewListing& n) {
  const ListingInput& in = n.in;
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO listings (county_code, region_code, station_id, station_name, lat_e6, "
          "lng_e6, "
          "household_id, seller_name_enc, seller_name_masked, contact_enc, contact_masked, "
          "product, quantity, unit, price_fen, available_from, available_to, note, status, "
          "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, "
          "?, ?, ?, 'open', ?, ?, ?) RETURNING id",
          {in.village.county().str(),
           in.village.str(),
           in.station_id,
           n.station_name,
           LatOrNull(n.point),
           LngOrNull(n.point),
           OrNull(in.household_id),
           n.seller_enc,
           n.seller_masked,
           n.contact_enc,
           n.contact_masked,
           in.product,
           in.quantity,
           in.unit,
           OrNull(in.price_fen),
           in.available_from.ToString(),
           in.available_to.ToString(),
           in.note,
           OrNull(n.created_by),
           n.now,
           n.now},
          "insert listing"));
  return row.Int(0);
}

Result<std::optional<ListingRow>> GetListing(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows, conn.Query("SELECT " + kListing.List() + " FROM listings l WHERE l.id = ?", {id}));
  if (rows.empty()) return std::optional<ListingRow>();
  std::vector<ListingRow> one{ToListing(rows[0])};
  RETURN_IF_ERROR(FillPhotoCounts(conn, one));
  return std::optional<ListingRow>(std::move(one[0]));
}

Result<Page<ListingRow>> ListListings(storage::Connection& conn, const ListingFilter& f,
                                      std::optional<int64_t> station, const PageRequest& page) {
  storage::Where w;
  w.InSubtree("l.region_code", f.region)
      .EqIf("l.product", f.product)
      .EqIf("l.station_id", station ? station : f.station_id);
  if (station && f.station_id && *f.station_id != *station) w.Sql("1 = 0");
  if (f.status) w.Eq("l.status", std::string(ListingStatusName(*f.status)));
  ASSIGN_OR_RETURN(auto out,
                   storage::QueryPage<ListingRow>(conn, kListing.List(), "FROM listings l", w,
                                                  " ORDER BY l.id DESC", page, ToListing));
  RETURN_IF_ERROR(FillPhotoCounts(conn, out.items));
  return out;
}

// The candidates' columns only: what the ranking and the view check read (no ciphertexts, no
// photo count) — a demand may have tens of thousands of them.
const storage::Columns kCandidate(
    "l.id, l.region_code, l.station_id, l.lat_e6, l.lng_e6, l.product, l.quantity, "
    "l.matched_quantity, l.unit, l.price_fen, l.available_from, l.available_to");

Listing ToCandidate(const storage::Row& row) {
  storage::NamedRow r(row, kCandidate);
  Listing l;
  l.id = r.Int("id");
  l.village = *RegionCode::Parse(r.Text("region_code"));
  l.station_id = r.Int("station_id");
  l.point = PointOf(r);
  l.product = r.Text("product");
  l.quantity = r.Int("quantity");
  l.matched_quantity = r.Int("matched_quantity");
  l.unit = r.Text("unit");
  l.price_fen = r.OptInt("price_fen");
  l.available_from = DateOf(r.Text("available_from"));
  l.available_to = DateOf(r.Text("available_to"));
  return l;  // status open (the query's condition)
}

Result<std::vector<Listing>> OpenCandidates(storage::Connection& conn, const RegionCode& region,
                                            const std::string& product, CivilDate from,
                                            CivilDate to) {
  storage::Where w;
  w.Eq("l.product", product).Eq("l.status", std::string("open"));
  // A region of county level or below names its county: listings_product (product, status,
  // county_code, available_from) then ranges over the period too, instead of reading every open
  // listing of the product in the province to keep the period's (bench/matching: 132 ms → see
  // docs/PERFORMANCE.md "Matching").
  if (region.level() >= RegionLevel::kCounty) w.Eq("l.county_code", region.county().str());
  w.InSubtree("l.region_code", region)
      .Cmp("l.available_from", "<=", to.ToString())
      .Cmp("l.available_to", ">=", from.ToString());
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kCandidate.List() + " FROM listings l" + w.Clause(), w.params()));
  std::vector<Listing> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToCandidate(r));
  // In id order (the ranking's tie-break) without a sort in SQL: the index gives another order.
  std::sort(out.begin(), out.end(), [](const Listing& a, const Listing& b) { return a.id < b.id; });
  return out;
}

Result<std::vector<ListingRow>> ListingsByIds(storage::Connection& conn,
                                              const std::vector<int64_t>& ids) {
  std::map<int64_t, ListingRow> found;
  for (size_t start = 0; start < ids.size(); start += 500) {
    storage::Params params;
    std::string marks;
    for (size_t i = start; i < ids.size() && i < start + 500; ++i) {
      params.emplace_back(ids[i]);
      marks += marks.empty() ? "?" : ", ?";
    }
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT " + kListing.List() +
                                               " FROM listings l WHERE l.id IN (" + marks + ")",
                                           params));
    for (const auto& r : rows) {
      ListingRow lr = ToListing(r);
      int64_t id = lr.listing.id;
      found.emplace(id, std::move(lr));
    }
  }
  std::vector<ListingRow> out;
  for (int64_t id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
  RETURN_IF_ERROR(FillPhotoCounts(conn, out));
  return out;
}

Status SetListingStatus(storage::Connection& conn, int64_t id, ListingStatus s, int64_t now) {
  return Done(conn.Exec("UPDATE listings SET status = ?, updated_at = ? WHERE id = ?",
                        {std::string(ListingStatusName(s)), now, id}));
}

Status AddListingMatched(storage::Connection& conn, int64_t id, int64_t q, int64_t now) {
  return Done(
      conn.Exec("UPDATE listings SET matched_quantity = matched_quantity + ?, status = CASE WHEN "
                "matched_quantity + ? >= quantity THEN 'matched' ELSE status END, updated_at = ? "
                "WHERE id = ?",
                {q, q, now, id}));
}

Result<int64_t> InsertDemand(storage::Connection& conn, const NewDemand& n) {
  const DemandInput& in = n.in;
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne(
          "INSERT INTO demands (entity_id, county_code, region_code, product, quantity, unit, "
          "price_min_fen, price_max_fen, wanted_from, wanted_to, lat_e6, lng_e6, note, status, "
          "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "'open', ?, ?, ?) RETURNING id",
          {in.entity_id, in.region.county().str(), in.region.str(), in.product, in.quantity,
           in.unit, OrNull(in.price_min_fen), OrNull(in.price_max_fen), in.wanted_from.ToString(),
           in.wanted_to.ToString(), LatOrNull(in.delivery), LngOrNull(in.delivery), in.note,
           OrNull(n.created_by), n.now, n.now},
          "insert demand"));
  return row.Int(0);
}

Result<std::optional<Demand>> GetDemand(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT " + kDemand.List() + " FROM demands d WHERE d.id = ?", {id}));
  if (rows.empty()) return std::optional<Demand>();
  return std::optional<Demand>(ToDemand(rows[0]));
}

Result<Page<Demand>> ListDemands(storage::Connection& conn, const DemandFilter& f,
                                 std::optional<int64_t> own_entity, const PageRequest& page) {
  storage::Where w;
  if (own_entity) {
    w.Eq("d.entity_id", *own_entity);
    if (f.entity_id && *f.entity_id != *own_entity) w.Sql("1 = 0");
  } else {
    // Demands aimed at the caller's subtree or at an area above it (Principal::CanSee: town
    // staff see their county's demands — those their villages can answer).
    storage::Params p = storage::SubtreeRange(f.region);
    std::string in;
    for (RegionCode a = f.region.parent(); !a.empty(); a = a.parent()) {
      p.emplace_back(a.str());
      in += ", ?";
    }
    w.Sql("(d.region_code >= ? AND d.region_code <= ? OR d.region_code IN (''" + in + "))", p);
    w.EqIf("d.entity_id", f.entity_id);
  }
  w.EqIf("d.product", f.product);
  if (f.status) w.Eq("d.status", std::string(DemandStatusName(*f.status)));
  return storage::QueryPage<Demand>(conn, kDemand.List(), "FROM demands d", w,
                                    " ORDER BY d.id DESC", page, ToDemand);
}

Status SetDemandStatus(storage::Connection& conn, int64_t id, DemandStatus s, int64_t now) {
  return Done(conn.Exec("UPDATE demands SET status = ?, updated_at = ? WHERE id = ?",
                        {std::string(DemandStatusName(s)), now, id}));
}

Status AddDemandMatched(storage::Connection& conn, int64_t id, int64_t q, int64_t now) {
  return Done(conn.Exec(
      "UPDATE demands SET matched_quantity = matched_quantity + ?, status = CASE WHEN "
      "matched_quantity + ? >= quantity THEN 'filled' ELSE status END, updated_at = ? WHERE id = ?",
      {q, q, now, id}));
}

Result<int64_t> InsertMatch(storage::Connection& conn, const NewMatch& n) {
  const Match& m = n.m;
  // A match of a listing naming a household helps it (the households' coverage figure, stored
  // per county and month: storage/figure_changes.h).
  RETURN_IF_ERROR(
      storage::MarkFiguresChanged(conn, m.village, m.matched_on.ToString(), m.created_at));
  std::optional<int64_t> score;
  if (m.score) score = *m.score;
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO matches (listing_id, demand_id, entity_id, county_code, "
                    "region_code, quantity, unit, price_fen, score, reasons, matched_on, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {m.listing_id, OrNull(m.demand_id), m.entity_id, m.village.county().str(),
                     m.village.str(), m.quantity, m.unit, OrNull(m.price_fen), OrNull(score),
                     m.reasons, m.matched_on.ToString(), OrNull(n.created_by), m.created_at},
                    "insert match"));
  return row.Int(0);
}

Result<std::optional<Match>> GetMatch(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT " + kMatch.List() + " FROM matches m WHERE m.id = ?", {id}));
  if (rows.empty()) return std::optional<Match>();
  return std::optional<Match>(ToMatch(rows[0]));
}

Result<Page<Match>> ListMatches(storage::Connection& conn, const MatchFilter& f,
                                const PageRequest& page) {
  storage::Where w;
  if (!f.region.empty()) w.InSubtree("m.region_code", f.region);
  w.EqIf("m.entity_id", f.entity_id)
      .EqIf("m.demand_id", f.demand_id)
      .EqIf("m.listing_id", f.listing_id);
  return storage::QueryPage<Match>(conn, kMatch.List(), "FROM matches m", w, " ORDER BY m.id DESC",
                                   page, ToMatch);
}

Result<bool> TookUp(storage::Connection& conn, int64_t listing_id, int64_t entity_id) {
  ASSIGN_OR_RETURN(auto rows,
                   conn.Query("SELECT 1 FROM matches WHERE listing_id = ? AND entity_id = ?",
                              {listing_id, entity_id}));
  return !rows.empty();
}

Result<std::vector<int64_t>> TakenUpAmong(storage::Connection& conn, int64_t entity_id,
                                          const std::vector<int64_t>& listing_ids) {
  std::vector<int64_t> out;
  for (size_t start = 0; start < listing_ids.size(); start += 500) {
    storage::Params params{entity_id};
    std::string marks;
    for (size_t i = start; i < listing_ids.size() && i < start + 500; ++i) {
      params.emplace_back(listing_ids[i]);
      marks += marks.empty() ? "?" : ", ?";
    }
    ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT DISTINCT listing_id FROM matches WHERE "
                                           "entity_id = ? AND listing_id IN (" +
                                               marks + ")",
                                           params));
    for (const auto& r : rows) out.push_back(r.Int(0));
  }
  return out;
}

Result<std::set<int64_t>> HouseholdsMatched(storage::Connection& conn, const RegionCode& region,
                                            CivilDate from, CivilDate to) {
  storage::Where w;
  w.InSubtree("m.region_code", region)
      .Cmp("m.matched_on", ">=", from.ToString())
      .Cmp("m.matched_on", "<=", to.ToString())
      .Sql("l.household_id IS NOT NULL");
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT DISTINCT l.household_id FROM matches m JOIN "
                                         "listings l ON l.id = m.listing_id" +
                                             w.Clause(),
                                         w.params()));
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.Int(0));
  return out;
}

Result<int64_t> InsertFile(storage::Connection& conn, const std::string& owner_kind,
                           int64_t owner_id, const std::string& county_code, const File& f,
                           const std::string& bytes, std::optional<int64_t> by,
                           const std::string& by_name) {
  ASSIGN_OR_RETURN(attachments::File saved,
                   attachments::Store(conn,
                                      {{kModule, owner_kind, owner_id},
                                       county_code,
                                       owner_kind == "listing" ? "photo" : "document",
                                       by,
                                       by_name,
                                       f.created_at},
                                      {f.filename, f.content_type}, bytes));
  return saved.id;
}

namespace {
File ToFile(const attachments::File& f) {
  return {f.id, f.filename, f.content_type, f.sha256, f.size, f.created_at};
}
}  // namespace

Result<std::vector<File>> Files(storage::Connection& conn, const std::string& owner_kind,
                                int64_t owner_id) {
  ASSIGN_OR_RETURN(auto files, attachments::List(conn, {kModule, owner_kind, owner_id}));
  std::vector<File> out;
  for (const auto& f : files) out.push_back(ToFile(f));
  return out;
}

Result<std::pair<File, std::string>> ReadFile(storage::Connection& conn,
                                              const std::string& owner_kind, int64_t owner_id,
                                              int64_t file_id) {
  ASSIGN_OR_RETURN(auto found, attachments::Read(conn, {kModule, owner_kind, owner_id}, file_id));
  if (!found) return Error::NotFound("文件 " + std::to_string(file_id) + " 不存在");
  return std::make_pair(ToFile(found->first), std::move(found->second));
}

}  // namespace ruralec::matching::store
