#include "matching/api/matching_handlers.h"

#include "http/list.h"
#include "http/params.h"
#include "station/station.h"

namespace ruralec::matching::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

Json PointJson(const std::optional<Point>& p, bool lat) {
  if (!p) return nullptr;
  return station::FormatDegrees(lat ? p->lat_e6 : p->lng_e6);
}

Json ListingJson(const Listing& l) {
  Json seller = l.seller_visible ? Json(l.seller_name) : Json(nullptr);
  Json contact = l.seller_visible ? Json(l.contact) : Json(nullptr);
  return {{"id", l.id},
          {"village_code", l.village.str()},
          {"village_name", l.village_name},
          {"station_id", l.station_id},
          {"station_name", l.station_name},
          {"lat", PointJson(l.point, true)},
          {"lng", PointJson(l.point, false)},
          {"seller_visible", l.seller_visible},
          {"household_id", http::OptIntJson(l.household_id)},
          {"seller_name", seller},
          {"contact", contact},
          {"product", l.product},
          {"unit", l.unit},
          {"quantity", l.quantity},
          {"matched_quantity", l.matched_quantity},
          {"left", l.quantity - l.matched_quantity},
          {"price_fen", http::OptIntJson(l.price_fen)},
          {"available_from", l.available_from.ToString()},
          {"available_to", l.available_to.ToString()},
          {"note", l.note},
          {"status", ListingStatusName(l.status)},
          {"status_label", ListingStatusLabel(l.status)},
          {"photo_count", l.photo_count},
          {"created_at", http::TimeJson(l.created_at)}};
}

Json DemandJson(const Demand& d) {
  return {{"id", d.id},
          {"entity_id", d.in.entity_id},
          {"entity_name", d.entity_name},
          {"region_code", d.in.region.str()},
          {"region_name", d.region_name},
          {"product", d.in.product},
          {"unit", d.in.unit},
          {"quantity", d.in.quantity},
          {"matched_quantity", d.matched_quantity},
          {"price_min_fen", http::OptIntJson(d.in.price_min_fen)},
          {"price_max_fen", http::OptIntJson(d.in.price_max_fen)},
          {"wanted_from", d.in.wanted_from.ToString()},
          {"wanted_to", d.in.wanted_to.ToString()},
          {"lat", PointJson(d.in.delivery, true)},
          {"lng", PointJson(d.in.delivery, false)},
          {"note", d.in.note},
          {"status", DemandStatusName(d.status)},
          {"status_label", DemandStatusLabel(d.status)},
          {"created_at", http::TimeJson(d.created_at)}};
}

Json ProposalJson(const ProposalView& v) {
  Json reasons = Json::array();
  for (const Reason& r : v.proposal.reasons)
    reasons.push_back({{"code", r.code}, {"points", r.points}, {"text", r.text}});
  return {{"listing", ListingJson(v.listing)},
          {"score", v.proposal.score},
          {"distance_m", http::OptIntJson(v.proposal.distance_m)},
          {"quantity", v.proposal.quantity},
          {"reasons", reasons}};
}

Json MatchJson(const Match& m) {
  Json score = m.score ? Json(*m.score) : Json(nullptr);
  return {{"id", m.id},
          {"listing_id", m.listing_id},
          {"demand_id", http::OptIntJson(m.demand_id)},
          {"entity_id", m.entity_id},
          {"entity_name", m.entity_name},
          {"village_code", m.village.str()},
          {"village_name", m.village_name},
          {"product", m.product},
          {"quantity", m.quantity},
          {"unit", m.unit},
          {"price_fen", http::OptIntJson(m.price_fen)},
          {"score", score},
          {"reasons", m.reasons},
          {"matched_on", m.matched_on.ToString()},
          {"created_at", http::TimeJson(m.created_at)}};
}

Result<int64_t> RequiredInt(const Json& body, const std::string& field, const char* label) {
  ASSIGN_OR_RETURN(auto v, http::BodyOptInt(body, field));
  if (!v) return Error::Invalid(field, std::string("请填写") + label);
  return *v;
}

// Optional lat/lng pair (decimal degrees as number or text).
Result<std::optional<Point>> PointFrom(const Json& body) {
  auto text = [&](const char* k) -> std::string {
    if (!body.contains(k) || body[k].is_null()) return "";
    return body[k].is_string() ? body[k].get<std::string>() : body[k].dump();
  };
  std::string lat = text("lat"), lng = text("lng");
  if (lat.empty() && lng.empty()) return std::optional<Point>();
  if (lat.empty()) return Error::Invalid("lat", "请同时填写纬度和经度");
  if (lng.empty()) return Error::Invalid("lng", "请同时填写纬度和经度");
  ASSIGN_OR_RETURN(int64_t la, station::ParseDegrees(lat, 90, "lat"));
  ASSIGN_OR_RETURN(int64_t lo, station::ParseDegrees(lng, 180, "lng"));
  return std::optional<Point>(Point{la, lo});
}

Result<std::optional<RegionCode>> OptRegion(const std::string& text, const std::string& field) {
  if (text.empty()) return std::optional<RegionCode>();
  auto code = RegionCode::Parse(text);
  if (!code.ok()) return Error::Invalid(field, "区划代码无效: " + text);
  return std::optional<RegionCode>(*code);
}

Result<ListingInput> ListingFrom(const Json& body) {
  ListingInput in;
  ASSIGN_OR_RETURN(in.station_id, RequiredInt(body, "station_id", "经由的服务站点"));
  ASSIGN_OR_RETURN(in.household_id, http::BodyOptInt(body, "household_id"));
  ASSIGN_OR_RETURN(auto village, http::OptionalString(body, "village_code"));
  ASSIGN_OR_RETURN(auto code, OptRegion(village.value_or(""), "village_code"));
  if (code) in.village = *code;
  ASSIGN_OR_RETURN(in.seller_name, http::RequiredString(body, "seller_name"));
  ASSIGN_OR_RETURN(in.contact, http::RequiredString(body, "contact"));
  ASSIGN_OR_RETURN(in.product, http::RequiredString(body, "product"));
  ASSIGN_OR_RETURN(in.unit, http::RequiredString(body, "unit"));
  ASSIGN_OR_RETURN(in.quantity, RequiredInt(body, "quantity", "数量"));
  ASSIGN_OR_RETURN(in.price_fen, http::BodyOptInt(body, "price_fen"));
  ASSIGN_OR_RETURN(in.available_from, RequiredDate(body, "available_from"));
  ASSIGN_OR_RETURN(in.available_to, RequiredDate(body, "available_to"));
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  in.note = note.value_or("");
  return in;
}

Result<DemandInput> DemandFrom(const Json& body) {
  DemandInput in;
  ASSIGN_OR_RETURN(auto entity, http::BodyOptInt(body, "entity_id"));
  in.entity_id = entity.value_or(0);
  ASSIGN_OR_RETURN(auto region, http::OptionalString(body, "region_code"));
  ASSIGN_OR_RETURN(auto code, OptRegion(region.value_or(""), "region_code"));
  if (code) in.region = *code;
  ASSIGN_OR_RETURN(in.product, http::RequiredString(body, "product"));
  ASSIGN_OR_RETURN(in.unit, http::RequiredString(body, "unit"));
  ASSIGN_OR_RETURN(in.quantity, RequiredInt(body, "quantity", "数量"));
  ASSIGN_OR_RETURN(in.price_min_fen, http::BodyOptInt(body, "price_min_fen"));
  ASSIGN_OR_RETURN(in.price_max_fen, http::BodyOptInt(body, "price_max_fen"));
  ASSIGN_OR_RETURN(in.wanted_from, RequiredDate(body, "wanted_from"));
  ASSIGN_OR_RETURN(in.wanted_to, RequiredDate(body, "wanted_to"));
  ASSIGN_OR_RETURN(in.delivery, PointFrom(body));
  ASSIGN_OR_RETURN(auto note, http::OptionalString(body, "note"));
  in.note = note.value_or("");
  return in;
}

Result<ListingFilter> ListingFilterFrom(const Request& req) {
  ListingFilter f;
  ASSIGN_OR_RETURN(auto code, OptRegion(req.Query("region_code"), "region_code"));
  if (code) f.region = *code;
  f.product = req.Query("product");
  if (std::string s = req.Query("status"); !s.empty()) {
    if (s == "open")
      f.status = ListingStatus::kOpen;
    else if (s == "matched")
      f.status = ListingStatus::kMatched;
    else if (s == "withdrawn")
      f.status = ListingStatus::kWithdrawn;
    else
      return Error::Invalid("status", "状态应为 open、matched 或 withdrawn");
  }
  ASSIGN_OR_RETURN(f.station_id, http::QueryOptInt(req, "station_id"));
  return f;
}

Result<DemandFilter> DemandFilterFrom(const Request& req) {
  DemandFilter f;
  ASSIGN_OR_RETURN(auto code, OptRegion(req.Query("region_code"), "region_code"));
  if (code) f.region = *code;
  f.product = req.Query("product");
  if (std::string s = req.Query("status"); !s.empty()) {
    if (s == "open")
      f.status = DemandStatus::kOpen;
    else if (s == "filled")
      f.status = DemandStatus::kFilled;
    else if (s == "closed")
      f.status = DemandStatus::kClosed;
    else
      return Error::Invalid("status", "状态应为 open、filled 或 closed");
  }
  ASSIGN_OR_RETURN(f.entity_id, http::QueryOptInt(req, "entity_id"));
  return f;
}

// The changes of a listing edit: keys present are changed (price_fen null: 面议).
Result<ListingChanges> ListingChangesFrom(const Json& body) {
  ListingChanges c;
  ASSIGN_OR_RETURN(c.product, http::OptionalString(body, "product"));
  ASSIGN_OR_RETURN(c.unit, http::OptionalString(body, "unit"));
  ASSIGN_OR_RETURN(c.note, http::OptionalString(body, "note"));
  ASSIGN_OR_RETURN(c.quantity, http::BodyOptInt(body, "quantity"));
  if (body.contains("price_fen")) {
    ASSIGN_OR_RETURN(auto price, http::BodyOptInt(body, "price_fen"));
    c.price_fen = price;
  }
  ASSIGN_OR_RETURN(c.available_from, OptDate(body, "available_from"));
  ASSIGN_OR_RETURN(c.available_to, OptDate(body, "available_to"));
  ASSIGN_OR_RETURN(c.reason, ReasonFrom(body));
  return c;
}

struct Terms {
  std::optional<int64_t> quantity, price_fen;
};
Result<Terms> TermsFrom(const Json& body) {
  Terms t;
  ASSIGN_OR_RETURN(t.quantity, http::BodyOptInt(body, "quantity"));
  ASSIGN_OR_RETURN(t.price_fen, http::BodyOptInt(body, "price_fen"));
  return t;
}

void RegisterListingRoutes(http::Server& s, const Deps& d) {
  s.Get("/matching/listings", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    ASSIGN_OR_RETURN(ListingFilter f, ListingFilterFrom(req));
    ASSIGN_OR_RETURN(auto p, ListListings(d, req.principal(), f, page));
    return http::PageJson(p, page, ListingJson);
  });
  s.Post("/matching/listings", {true, "listing:edit"}, [d](Request& req, Reply& r) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(ListingInput in, ListingFrom(body));
    ASSIGN_OR_RETURN(Listing l, CreateListing(d, req.principal(), in));
    r.status = 201;
    return ListingJson(l);
  });
  s.Get(R"(/matching/listings/(\d+))", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(Listing l, GetListing(d, req.principal(), id));
    ASSIGN_OR_RETURN(auto photos, ListingPhotos(d, req.principal(), id));
    Json out = ListingJson(l);
    out["photos"] = Json::array();
    for (const auto& f : photos) out["photos"].push_back(FileJson(f));
    return out;
  });
  s.Put(R"(/matching/listings/(\d+))", {true, "listing:edit"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(ListingChanges c, ListingChangesFrom(body));
          ASSIGN_OR_RETURN(auto done, UpdateListing(d, req.principal(), id, std::move(c)));
          Json out = ListingJson(done.value);
          out["edit"] = EditJson(done.edit);
          return out;
        });
  s.Get(R"(/matching/listings/(\d+)/history)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    ASSIGN_OR_RETURN(auto p, ListingHistory(d, req.principal(), id, page));
    return http::PageJson(p, page, [](const Edit& e) { return EditJson(e); });
  });
  s.Get(R"(/matching/listings/(\d+)/pii/contact)", {}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
    ASSIGN_OR_RETURN(std::string contact, RevealListingContact(d, req.principal(), id));
    return Json{{"contact", contact}};
  });
  s.Post(R"(/matching/listings/(\d+)/withdraw)", {true, "listing:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Listing l, WithdrawListing(d, req.principal(), id));
           return ListingJson(l);
         });
  s.Post(R"(/matching/listings/(\d+)/photos)", {true, "listing:edit"},
         [d](Request& req, Reply& r) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(auto file, UploadedFile(req));
           ASSIGN_OR_RETURN(File f,
                            AddListingPhoto(d, req.principal(), id, file.first, file.second));
           r.status = 201;
           return FileJson(f);
         });
  s.Get(R"(/matching/listings/(\d+)/photos/(\d+))", {},
        [d](Request& req, Reply& r) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(int64_t file_id, http::PathId(req, 2, "file_id"));
          ASSIGN_OR_RETURN(auto found, ListingPhoto(d, req.principal(), id, file_id));
          return FileReply(std::move(found), r);
        });
  s.Post(R"(/matching/listings/(\d+)/take)", {true, "match:accept"},
         [d](Request& req, Reply& r) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(auto entity, http::BodyOptInt(body, "entity_id"));
           ASSIGN_OR_RETURN(Terms t, TermsFrom(body));
           ASSIGN_OR_RETURN(Match m, TakeListing(d, req.principal(), id, entity.value_or(0),
                                                 t.quantity, t.price_fen));
           r.status = 201;
           return MatchJson(m);
         });
}

void RegisterDemandRoutes(http::Server& s, const Deps& d) {
  s.Get("/matching/demands", {true, "demand:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    ASSIGN_OR_RETURN(DemandFilter f, DemandFilterFrom(req));
    ASSIGN_OR_RETURN(auto p, ListDemands(d, req.principal(), f, page));
    return http::PageJson(p, page, DemandJson);
  });
  s.Post("/matching/demands", {true, "demand:edit"}, [d](Request& req, Reply& r) -> Result<Json> {
    ASSIGN_OR_RETURN(Json body, req.Body());
    ASSIGN_OR_RETURN(DemandInput in, DemandFrom(body));
    ASSIGN_OR_RETURN(Demand dm, CreateDemand(d, req.principal(), in));
    r.status = 201;
    return DemandJson(dm);
  });
  s.Get(R"(/matching/demands/(\d+))", {true, "demand:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Demand dm, GetDemand(d, req.principal(), id));
          return DemandJson(dm);
        });
  s.Post(R"(/matching/demands/(\d+)/close)", {true, "demand:edit"},
         [d](Request& req, Reply&) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(Demand dm, CloseDemand(d, req.principal(), id));
           return DemandJson(dm);
         });
  s.Get(R"(/matching/demands/(\d+)/proposals)", {true, "demand:read"},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(PageRequest page, req.Page());
          ASSIGN_OR_RETURN(auto p, Proposals(d, req.principal(), id, page));
          return http::PageJson(p, page, ProposalJson);
        });
  s.Post(R"(/matching/demands/(\d+)/proposals/(\d+)/accept)", {true, "match:accept"},
         [d](Request& req, Reply& r) -> Result<Json> {
           ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
           ASSIGN_OR_RETURN(int64_t listing, http::PathId(req, 2, "listing_id"));
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(Terms t, TermsFrom(body));
           ASSIGN_OR_RETURN(
               Match m, AcceptProposal(d, req.principal(), id, listing, t.quantity, t.price_fen));
           r.status = 201;
           return MatchJson(m);
         });
  s.Get("/matching/matches", {true, "match:read"}, [d](Request& req, Reply&) -> Result<Json> {
    ASSIGN_OR_RETURN(PageRequest page, req.Page());
    MatchFilter f;
    ASSIGN_OR_RETURN(auto code, OptRegion(req.Query("region_code"), "region_code"));
    if (code) f.region = *code;
    ASSIGN_OR_RETURN(f.entity_id, http::QueryOptInt(req, "entity_id"));
    ASSIGN_OR_RETURN(f.demand_id, http::QueryOptInt(req, "demand_id"));
    ASSIGN_OR_RETURN(f.listing_id, http::QueryOptInt(req, "listing_id"));
    ASSIGN_OR_RETURN(auto p, ListMatches(d, req.principal(), f, page));
    return http::PageJson(p, page, MatchJson);
  });
}

}  // namespace

Result<std::optional<CivilDate>> OptDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto text, http::OptionalString(body, field));
  if (!text || text->empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(*text, field));
  return std::optional<CivilDate>(d);
}

Result<CivilDate> RequiredDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto d, OptDate(body, field));
  if (!d) return Error::Invalid(field, "请填写日期（YYYY-MM-DD）: " + field);
  return *d;
}

Json EditJson(const std::optional<Edit>& e) {
  if (!e) return nullptr;
  Json changes = Json::array();
  for (const FieldChange& c : e->changes)
    changes.push_back(
        {{"field", c.field}, {"label", c.label}, {"before", c.before}, {"after", c.after}});
  return {{"id", e->id},
          {"changes", changes},
          {"reason", e->reason},
          {"edited_by", http::OptIntJson(e->edited_by)},
          {"edited_by_name", e->edited_by_name},
          {"edited_at", http::TimeJson(e->edited_at)}};
}

Result<std::string> ReasonFrom(const Json& body) {
  ASSIGN_OR_RETURN(auto reason, http::OptionalString(body, "reason"));
  return reason.value_or("");
}

Json FileJson(const File& f) {
  return {{"id", f.id},     {"filename", f.filename}, {"content_type", f.content_type},
          {"size", f.size}, {"sha256", f.sha256},     {"created_at", http::TimeJson(f.created_at)}};
}

Result<Json> FileReply(std::pair<File, std::string> found, Reply& r) {
  r.content_type = found.first.content_type;
  r.filename = found.first.filename;
  r.raw_body = std::move(found.second);
  return Json(nullptr);
}

Result<std::pair<std::string, std::string>> UploadedFile(const Request& req) {
  auto part = req.FormPart("file");
  if (!part || part->filename.empty())
    return Error::Invalid("file", "请以 multipart/form-data 上传名为 file 的文件");
  return std::make_pair(part->filename, part->content);
}

void RegisterRoutes(http::Server& s, const Deps& d) {
  RegisterListingRoutes(s, d);
  RegisterDemandRoutes(s, d);
  RegisterAgreementRoutes(s, d);
}

}  // namespace ruralec::matching::api
