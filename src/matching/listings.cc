// Listings (信息传递): rules of matching.h for listings, and the helpers shared by the other
// service files (internal.h).
#include <algorithm>
#include <set>

#include "attachments/attachments.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "households/households.h"
#include "matching/edit_store.h"
#include "matching/internal.h"
#include "region/region.h"
#include "station/station_store.h"

namespace ruralec::matching {

const char* ListingStatusName(ListingStatus s) {
  switch (s) {
    case ListingStatus::kMatched:
      return "matched";
    case ListingStatus::kWithdrawn:
      return "withdrawn";
    default:
      return "open";
  }
}
const char* ListingStatusLabel(ListingStatus s) {
  switch (s) {
    case ListingStatus::kMatched:
      return "已对接";
    case ListingStatus::kWithdrawn:
      return "已撤回";
    default:
      return "在售";
  }
}

namespace internal {

std::optional<int64_t> StationOnly(const account::Principal& who) {
  if (who.Can("listing:read")) return std::nullopt;
  return who.BoundTo("station").value_or(0);  // a station operator without its station: none
}

Result<ListingView> ListingViewOf(const account::Principal& who) {
  ListingView v;
  v.region = who.region;
  if (who.Can("listing:read") || who.Can("listing:read:own")) {
    v.staff = true;
    v.station = StationOnly(who);
    if (v.station) v.region = who.region.county();  // the station decides; any village of it
    return v;
  }
  if (who.Can("listing:browse")) {
    v.entity = entity::OwnEntityOnly(who).value_or(0);
    v.region = who.region.county();
    return v;
  }
  return Error::Forbidden("没有查看农产品供应信息的权限");
}

bool Sees(const ListingView& v, const Listing& l) {
  if (!v.region.Contains(l.village)) return false;
  if (v.station && l.station_id != *v.station) return false;
  return v.staff || l.status == ListingStatus::kOpen;
}

Status FillVillageNames(storage::Connection& conn, std::vector<Listing>& ls) {
  std::vector<std::string> codes;
  for (const auto& l : ls) codes.push_back(l.village.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  for (auto& l : ls)
    if (auto it = names.find(l.village.str()); it != names.end()) l.village_name = it->second;
  return {};
}

Result<std::vector<Listing>> Present(const Deps& d, storage::Connection& conn, const ListingView& v,
                                     std::vector<store::ListingRow> rows) {
  std::set<int64_t> taken;
  if (v.entity && !v.staff) {
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.listing.id);
    ASSIGN_OR_RETURN(auto t, store::TakenUpAmong(conn, *v.entity, ids));
    taken.insert(t.begin(), t.end());
  }
  std::vector<Listing> out;
  for (auto& r : rows) {
    Listing l = std::move(r.listing);
    l.seller_visible = v.staff;
    if (taken.count(l.id)) {  // the contact stays masked: RevealListingContact, audited
      ASSIGN_OR_RETURN(l.seller_name, d.cipher.Decrypt(r.seller_enc, "matching.seller_name"));
      l.seller_visible = true;
    } else if (!v.staff) {
      l.seller_name.clear();
      l.contact.clear();
      l.household_id.reset();
    }
    out.push_back(std::move(l));
  }
  RETURN_IF_ERROR(FillVillageNames(conn, out));
  return out;
}

Result<RegionCode> CheckEntity(storage::Connection& conn, const account::Principal& who,
                               int64_t entity_id) {
  if (entity_id <= 0) return Error::Invalid("entity_id", "请选择经营主体");
  auto e = entity::Get(conn, entity_id);
  bool ok = e.ok();
  if (ok) {
    if (auto own = entity::OwnEntityOnly(who))
      ok = *own == entity_id;
    else
      ok = who.InScope(e->region);
  }
  if (!ok) return Error::Invalid("entity_id", "经营主体不存在或不在您的管辖范围内");
  return e->region;
}

std::optional<int64_t> ActorId(const account::Principal& who) {
  return who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
}

Status Audit(const Deps& d, storage::Connection& conn, const account::Principal& who,
             const std::string& action, const std::string& type, int64_t id,
             const std::string& detail) {
  return d.audit.Append(
      conn, {who.ToActor(), action, type, std::to_string(id), audit::Outcome::kSuccess, detail});
}

Result<File> StoreFile(const Deps& d, storage::Connection& conn, const account::Principal& who,
                       const std::string& owner_kind, int64_t owner_id,
                       const std::string& county_code, std::string_view filename,
                       std::string_view bytes, const attachments::Limits& limits) {
  ASSIGN_OR_RETURN(attachments::CheckedFile checked,
                   attachments::CheckAttachment(filename, bytes, limits));
  File f{0,
         checked.filename,
         checked.content_type,
         crypto::Sha256Hex(bytes),
         static_cast<int64_t>(bytes.size()),
         d.clock.NowMs()};
  ASSIGN_OR_RETURN(f.id, store::InsertFile(conn, owner_kind, owner_id, county_code, f,
                                           std::string(bytes), ActorId(who), who.display_name));
  return f;
}

}  // namespace internal

namespace {

using internal::ListingView;

// The offer: product, unit, quantity, price, period, note (creation and edits).
Status ValidateOffer(ListingInput& in, CivilDate today) {
  ASSIGN_OR_RETURN(in.product, validate::ValidateText(in.product, {"product", "产品", 30}));
  ASSIGN_OR_RETURN(in.unit, validate::ValidateText(in.unit, {"unit", "单位", 10}));
  if (in.quantity <= 0 || in.quantity > kMaxQuantity)
    return Error::Invalid("quantity", "数量应为 1 至 10亿 的整数");
  if (in.price_fen && (*in.price_fen <= 0 || *in.price_fen > kMaxUnitPriceFen))
    return Error::Invalid("price_fen", "预期单价应大于0，且不超过100万元");
  RETURN_IF_ERROR(validate::PlausibleDate(in.available_from, "available_from"));
  RETURN_IF_ERROR(validate::PlausibleDate(in.available_to, "available_to"));
  if (in.available_to < in.available_from)
    return Error::Invalid("available_to", "供应截止日期不能早于开始日期");
  if (in.available_to < today) return Error::Invalid("available_to", "供应截止日期已过");
  ASSIGN_OR_RETURN(in.note, validate::ValidateText(in.note, {"note", "备注", 200, true}));
  return {};
}

Status ValidateListing(ListingInput& in, CivilDate today) {
  if (in.station_id <= 0) return Error::Invalid("station_id", "请选择经由的服务站点");
  RETURN_IF_ERROR(ValidateOffer(in, today));
  ASSIGN_OR_RETURN(in.seller_name,
                   validate::ValidateText(in.seller_name, {"seller_name", "卖方姓名", 30}));
  return validate::Mobile(in.contact, "contact");
}

// The station the listing goes through, visible to the lister.
Result<station::Station> CheckStation(storage::Connection& conn, const account::Principal& who,
                                      int64_t id) {
  auto s = station::store::Get(conn, id);
  bool ok = s.ok();
  if (ok) {
    if (auto bound = internal::StationOnly(who))
      ok = *bound == id;
    else
      ok = who.InScope(s->region);
  }
  if (!ok) return Error::Invalid("station_id", "服务站点不存在或不在您的管辖范围内");
  return std::move(*s);
}

// The seller's village: the household's, or the villager's (a village of the station's town
// for a station operator, of the lister's scope for staff).
Status CheckVillage(storage::Connection& conn, const account::Principal& who,
                    const station::Station& st, ListingInput& in) {
  if (in.household_id) {
    ASSIGN_OR_RETURN(auto h, households::FindById(conn, *in.household_id));
    if (!h) return Error::Invalid("household_id", "农户未登记");
    in.village = h->region;
  }
  if (in.village.empty() || in.village.level() != RegionLevel::kVillage)
    return Error::Invalid("village_code", "卖方所在村的区划代码应为12位行政村代码");
  if (!region::Get(conn, in.village).ok())
    return Error::Invalid("village_code", "区划不存在: " + in.village.str());
  RegionCode town = *RegionCode::Parse(st.region.str().substr(0, 9));
  bool ok = internal::StationOnly(who) ? town.Contains(in.village) : who.InScope(in.village);
  if (!ok) return Error::Invalid("village_code", "卖方所在村不在该站点所在乡镇或您的管辖范围内");
  return {};
}

Result<store::ListingRow> Visible(storage::Connection& conn, const ListingView& v, int64_t id) {
  ASSIGN_OR_RETURN(auto row, store::GetListing(conn, id));
  bool ok = row && internal::Sees(v, row->listing);
  if (row && !ok && v.entity && v.region.Contains(row->listing.village)) {
    ASSIGN_OR_RETURN(ok, store::TookUp(conn, id, *v.entity));  // its own take-up, now closed
  }
  if (!ok) return Error::NotFound("供应信息 " + std::to_string(id) + " 不存在");
  return std::move(*row);
}

Result<Listing> Read(const Deps& d, storage::Connection& conn, const account::Principal& who,
                     int64_t id) {
  ASSIGN_OR_RETURN(ListingView v, internal::ListingViewOf(who));
  ASSIGN_OR_RETURN(store::ListingRow row, Visible(conn, v, id));
  std::vector<store::ListingRow> one{std::move(row)};
  ASSIGN_OR_RETURN(auto ls, internal::Present(d, conn, v, std::move(one)));
  return std::move(ls[0]);
}

// The lister's view of a listing it may change.
Result<store::ListingRow> Editable(storage::Connection& conn, const account::Principal& who,
                                   int64_t id) {
  if (!who.Can("listing:edit")) return Error::Forbidden("没有发布农产品供应信息的权限");
  auto station = internal::StationOnly(who);
  ListingView v{true, station, std::nullopt, station ? who.region.county() : who.region};
  return Visible(conn, v, id);
}

}  // namespace

Result<Listing> CreateListing(const Deps& d, const account::Principal& who, ListingInput in) {
  if (!who.Can("listing:edit")) return Error::Forbidden("没有发布农产品供应信息的权限");
  RETURN_IF_ERROR(ValidateListing(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Listing>(*conn, storage::TxMode::kWrite, [&]() -> Result<Listing> {
    ASSIGN_OR_RETURN(station::Station st, CheckStation(*conn, who, in.station_id));
    RETURN_IF_ERROR(CheckVillage(*conn, who, st, in));
    store::NewListing n{in, st.name};
    if (st.point) n.point = Point{st.point->lat_e6, st.point->lng_e6};
    n.seller_enc = d.cipher.Encrypt(in.seller_name, "matching.seller_name");
    n.seller_masked = households::MaskName(in.seller_name);
    n.contact_enc = d.cipher.Encrypt(in.contact, "matching.contact");
    n.contact_masked = crypto::MaskMobile(in.contact);
    n.created_by = internal::ActorId(who);
    n.now = d.clock.NowMs();
    ASSIGN_OR_RETURN(int64_t id, store::InsertListing(*conn, n));
    RETURN_IF_ERROR(internal::Audit(d, *conn, who, "listing.create", "listing", id,
                                    "station=" + std::to_string(in.station_id) +
                                        " village=" + in.village.str() + " product=" + in.product));
    return Read(d, *conn, who, id);
  });
}

Result<Listing> WithdrawListing(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Listing>(*conn, storage::TxMode::kWrite, [&]() -> Result<Listing> {
    ASSIGN_OR_RETURN(store::ListingRow row, Editable(*conn, who, id));
    if (row.listing.status != ListingStatus::kOpen)
      return Error::Conflict("只有在售的供应信息可以撤回", "status");
    RETURN_IF_ERROR(store::SetListingStatus(*conn, id, ListingStatus::kWithdrawn, d.clock.NowMs()));
    RETURN_IF_ERROR(internal::Audit(d, *conn, who, "listing.withdraw", "listing", id, ""));
    return Read(d, *conn, who, id);
  });
}

namespace {

// The offer of `l` with the changes applied, validated; the rules of what was matched.
Result<Listing> Changed(const Listing& l, const ListingChanges& c, CivilDate today) {
  ListingInput in;
  in.product = c.product.value_or(l.product);
  in.unit = c.unit.value_or(l.unit);
  in.quantity = c.quantity.value_or(l.quantity);
  in.price_fen = c.price_fen.value_or(l.price_fen);
  in.available_from = c.available_from.value_or(l.available_from);
  in.available_to = c.available_to.value_or(l.available_to);
  in.note = c.note.value_or(l.note);
  RETURN_IF_ERROR(ValidateOffer(in, today));
  if (l.matched_quantity > 0) {
    std::string done = "已对接 " + std::to_string(l.matched_quantity) + l.unit;
    if (in.product != l.product) return Error::Conflict(done + "，不能修改产品", "product");
    if (in.unit != l.unit) return Error::Conflict(done + "，不能修改单位", "unit");
    if (in.quantity < l.matched_quantity)
      return Error::Conflict("数量不能少于已对接的 " + std::to_string(l.matched_quantity) + l.unit,
                             "quantity");
  }
  Listing out = l;
  out.product = in.product;
  out.unit = in.unit;
  out.quantity = in.quantity;
  out.price_fen = in.price_fen;
  out.available_from = in.available_from;
  out.available_to = in.available_to;
  out.note = in.note;
  return out;
}

}  // namespace

Result<Edited<Listing>> UpdateListing(const Deps& d, const account::Principal& who, int64_t id,
                                      ListingChanges c) {
  ASSIGN_OR_RETURN(c.reason, internal::EditReason(c.reason));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Edited<Listing>>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Edited<Listing>> {
        ASSIGN_OR_RETURN(store::ListingRow row, Editable(*conn, who, id));
        if (row.listing.status != ListingStatus::kOpen)
          return Error::Conflict("只有在售的供应信息可以修改", "status");
        ASSIGN_OR_RETURN(Listing after, Changed(row.listing, c, ShanghaiDate(d.clock.NowMs())));
        auto changes = ListingDiff(row.listing, after);
        if (!changes.empty())
          RETURN_IF_ERROR(store::UpdateListingOffer(*conn, after, d.clock.NowMs()));
        ASSIGN_OR_RETURN(auto edit, internal::RecordEdit(d, *conn, who, "listing", id,
                                                         std::move(changes), c.reason));
        ASSIGN_OR_RETURN(Listing now, Read(d, *conn, who, id));
        return Edited<Listing>{std::move(now), std::move(edit)};
      });
}

Result<Listing> GetListing(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Listing>(*conn, storage::TxMode::kRead,
                                         [&]() { return Read(d, *conn, who, id); });
}

Result<std::string> RevealListingContact(const Deps& d, const account::Principal& who, int64_t id) {
  ASSIGN_OR_RETURN(ListingView v, internal::ListingViewOf(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<std::string>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<std::string> {
        ASSIGN_OR_RETURN(store::ListingRow row, Visible(*conn, v, id));
        bool may = v.staff;
        if (!may && v.entity) {
          ASSIGN_OR_RETURN(may, store::TookUp(*conn, id, *v.entity));
        }
        if (!may) return Error::Forbidden("只有接单的经营主体和工作人员可以查看卖方联系电话");
        ASSIGN_OR_RETURN(std::string contact,
                         d.cipher.Decrypt(row.contact_enc, "matching.contact"));
        RETURN_IF_ERROR(
            internal::Audit(d, *conn, who, "pii.view", "listing", id, "seller contact"));
        return contact;
      });
}

Result<Page<Listing>> ListListings(const Deps& d, const account::Principal& who, ListingFilter f,
                                   const PageRequest& page) {
  ASSIGN_OR_RETURN(ListingView v, internal::ListingViewOf(who));
  if (f.region.empty()) f.region = v.region;
  if (!v.region.Contains(f.region)) return Error::Forbidden("该区划不在您的管辖范围内");
  if (!v.staff) f.status = ListingStatus::kOpen;
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto rows, store::ListListings(*conn, f, v.station, page));
  Page<Listing> out{{}, rows.total, rows.page, rows.page_size};
  ASSIGN_OR_RETURN(out.items, internal::Present(d, *conn, v, std::move(rows.items)));
  return out;
}

Result<File> AddListingPhoto(const Deps& d, const account::Principal& who, int64_t listing_id,
                             std::string_view filename, std::string_view bytes) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<File>(*conn, storage::TxMode::kWrite, [&]() -> Result<File> {
    ASSIGN_OR_RETURN(store::ListingRow row, Editable(*conn, who, listing_id));
    if (row.listing.photo_count >= kMaxListingPhotos)
      return Error::Conflict("每条供应信息最多 " + std::to_string(kMaxListingPhotos) + " 张照片",
                             "file");
    ASSIGN_OR_RETURN(File f, internal::StoreFile(d, *conn, who, "listing", listing_id,
                                                 row.listing.village.county().str(), filename,
                                                 bytes, attachments::ImagesOnly()));
    RETURN_IF_ERROR(internal::Audit(d, *conn, who, "listing.file.add", "listing", listing_id,
                                    "file=" + std::to_string(f.id) + " sha256=" + f.sha256));
    return f;
  });
}

Result<std::vector<File>> ListingPhotos(const Deps& d, const account::Principal& who,
                                        int64_t listing_id) {
  ASSIGN_OR_RETURN(ListingView v, internal::ListingViewOf(who));
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(Visible(*conn, v, listing_id));
  return store::Files(*conn, "listing", listing_id);
}

Result<std::pair<File, std::string>> ListingPhoto(const Deps& d, const account::Principal& who,
                                                  int64_t listing_id, int64_t file_id) {
  ASSIGN_OR_RETURN(ListingView v, internal::ListingViewOf(who));
  auto conn = d.db.Acquire();
  RETURN_IF_ERROR(Visible(*conn, v, listing_id));
  return store::ReadFile(*conn, "listing", listing_id, file_id);
}

}  // namespace ruralec::matching
