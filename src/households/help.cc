// Employment, shops and coverage (help.h contract).
#include "households/help.h"

#include <algorithm>
#include <map>

#include "core/validate.h"
#include "entity/entity.h"
#include "households/help_internal.h"
#include "households/help_store.h"
#include "households/register_internal.h"
#include "region/region.h"
#include "storage/figure_changes.h"

namespace ruralec::households {
namespace {

using internal::kMemberContext;

std::optional<int64_t> Actor(const account::Principal& who) {
  return who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt;
}

// The household if `who` may change it (household:edit, visible and in scope), else not found.
Result<store::Stored> Writable(storage::Connection& conn, const account::Principal& who,
                               int64_t id) {
  if (!who.Can("household:edit")) return Error::Forbidden("没有登记帮扶记录的权限");
  return internal::Visible(conn, who, id);
}

Status CheckDates(CivilDate from, const std::optional<CivilDate>& until, std::string_view from_f,
                  std::string_view until_f, CivilDate today) {
  RETURN_IF_ERROR(validate::PlausibleDate(from, from_f, today));
  if (until) {
    RETURN_IF_ERROR(validate::PlausibleDate(*until, until_f));
    if (*until < from) return Error::Invalid(std::string(until_f), "结束日期不能早于开始日期");
  }
  return {};
}

Status CheckEntity(storage::Connection& conn, int64_t id) {
  if (!entity::Get(conn, id).ok())
    return Error::Invalid("entity_id", "经营主体不存在: " + std::to_string(id));
  return {};
}

Status Audit(const Deps& d, storage::Connection& conn, const account::Principal& who,
             const std::string& action, int64_t household, const std::string& detail) {
  return d.audit.Append(conn, {who.ToActor(), action, "household", std::to_string(household),
                               audit::Outcome::kSuccess, detail});
}

Status NameEntities(storage::Connection& conn, std::vector<Employment>& es) {
  std::vector<int64_t> ids;
  for (const auto& e : es) ids.push_back(e.in.entity_id);
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, ids));
  for (auto& e : es)
    if (auto it = names.find(e.in.entity_id); it != names.end()) e.entity_name = it->second.name;
  return {};
}

}  // namespace

namespace internal {

Status CheckEmployment(EmploymentInput& in, CivilDate today) {
  ASSIGN_OR_RETURN(in.member_name,
                   validate::ValidateText(in.member_name, {"member_name", "成员姓名", 50}));
  ASSIGN_OR_RETURN(in.position,
                   validate::ValidateText(in.position, {"position", "岗位", 50, true}));
  return CheckDates(in.since, in.until, "since", "until", today);
}

Status CheckShop(ShopInput& in, CivilDate today) {
  ASSIGN_OR_RETURN(in.platform, validate::ValidateText(in.platform, {"platform", "平台", 30}));
  ASSIGN_OR_RETURN(in.shop_name,
                   validate::ValidateText(in.shop_name, {"shop_name", "店铺名称", 100}));
  ASSIGN_OR_RETURN(in.shop_ref,
                   validate::ValidateText(in.shop_ref, {"shop_ref", "店铺编号或网址", 300, true}));
  return CheckDates(in.opened_on, in.closed_on, "opened_on", "closed_on", today);
}

Status LinkEntityShop(storage::Connection& conn, ShopInput& in) {
  in.entity_shop_id.reset();
  if (!in.entity_id || in.shop_ref.empty()) return {};
  ASSIGN_OR_RETURN(auto shop, entity::FindShop(conn, *in.entity_id, in.shop_ref));
  if (!shop)
    return Error::Invalid("shop_ref", "该经营主体没有店铺编号或网址为“" + in.shop_ref +
                                          "”的网店；请先在经营主体中登记该网店，或不填经营主体");
  in.entity_shop_id = shop->id;
  return {};
}

}  // namespace internal

Result<Employment> AddEmployment(const Deps& d, const account::Principal& who, int64_t household_id,
                                 const EmploymentInput& raw) {
  EmploymentInput in = raw;
  RETURN_IF_ERROR(internal::CheckEmployment(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Employment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Employment> {
        ASSIGN_OR_RETURN(store::Stored h, Writable(*conn, who, household_id));
        RETURN_IF_ERROR(CheckEntity(*conn, in.entity_id));
        store::NewEmployment n{household_id,
                               h.h.region,
                               in,
                               d.cipher.Encrypt(in.member_name, kMemberContext),
                               MaskName(in.member_name),
                               Actor(who),
                               d.clock.NowMs()};
        ASSIGN_OR_RETURN(int64_t id, store::InsertEmployment(*conn, n));
        RETURN_IF_ERROR(Audit(d, *conn, who, "household.employment.add", household_id,
                              "employment=" + std::to_string(id) + " entity=" +
                                  std::to_string(in.entity_id) + " since=" + in.since.ToString()));
        Employment e{id, household_id, in, "", n.now};
        if (!SeesNames(who, h.h.region)) e.in.member_name = n.name_masked;
        std::vector<Employment> one{e};
        RETURN_IF_ERROR(NameEntities(*conn, one));
        return one[0];
      });
}

Result<HouseholdShop> AddShop(const Deps& d, const account::Principal& who, int64_t household_id,
                              const ShopInput& raw) {
  ShopInput in = raw;
  RETURN_IF_ERROR(internal::CheckShop(in, ShanghaiDate(d.clock.NowMs())));
  auto conn = d.db.Acquire();
  return storage::InTransaction<HouseholdShop>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<HouseholdShop> {
        ASSIGN_OR_RETURN(store::Stored h, Writable(*conn, who, household_id));
        if (in.entity_id) RETURN_IF_ERROR(CheckEntity(*conn, *in.entity_id));
        RETURN_IF_ERROR(internal::LinkEntityShop(*conn, in));
        store::NewShop n{household_id, h.h.region, in, Actor(who), d.clock.NowMs()};
        ASSIGN_OR_RETURN(int64_t id, store::InsertShop(*conn, n));
        RETURN_IF_ERROR(Audit(d, *conn, who, "household.shop.add", household_id,
                              "shop=" + std::to_string(id) + " platform=" + in.platform +
                                  " opened_on=" + in.opened_on.ToString()));
        return HouseholdShop{id, household_id, in, n.now};
      });
}

Result<Employment> EndEmployment(const Deps& d, const account::Principal& who, int64_t household_id,
                                 int64_t employment_id, CivilDate until) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<Employment>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Employment> {
        ASSIGN_OR_RETURN(store::Stored h, Writable(*conn, who, household_id));
        ASSIGN_OR_RETURN(auto all, store::EmploymentsOf(*conn, household_id));
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const auto& e) { return e.first.id == employment_id; });
        if (it == all.end())
          return Error::NotFound("就业记录 " + std::to_string(employment_id) + " 不存在");
        Employment e = it->first;
        if (e.in.until)
          return Error::Conflict("该就业记录已于 " + e.in.until->ToString() + " 结束", "until");
        RETURN_IF_ERROR(validate::PlausibleDate(until, "until", ShanghaiDate(d.clock.NowMs())));
        if (until < e.in.since)
          return Error::Invalid("until", "离职日期不能早于入职日期 " + e.in.since.ToString());
        ASSIGN_OR_RETURN(bool ended,
                         store::EndEmployment(*conn, employment_id, until, d.clock.NowMs()));
        if (!ended) return Error::Conflict("该就业记录已结束", "until");
        RETURN_IF_ERROR(
            Audit(d, *conn, who, "household.employment.end", household_id,
                  "employment=" + std::to_string(employment_id) + " until=" + until.ToString()));
        e.in.until = until;
        if (SeesNames(who, h.h.region))
          if (auto n = d.cipher.Decrypt(it->second, kMemberContext); n.ok()) e.in.member_name = *n;
        std::vector<Employment> one{e};
        RETURN_IF_ERROR(NameEntities(*conn, one));
        return one[0];
      });
}

Result<HouseholdShop> CloseShop(const Deps& d, const account::Principal& who, int64_t household_id,
                                int64_t shop_id, CivilDate closed_on) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<HouseholdShop>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<HouseholdShop> {
        RETURN_IF_ERROR(Writable(*conn, who, household_id));
        ASSIGN_OR_RETURN(auto all, store::ShopsOf(*conn, household_id));
        auto it = std::find_if(all.begin(), all.end(),
                               [&](const HouseholdShop& s) { return s.id == shop_id; });
        if (it == all.end())
          return Error::NotFound("网店记录 " + std::to_string(shop_id) + " 不存在");
        HouseholdShop s = *it;
        if (s.in.closed_on)
          return Error::Conflict("该网店已于 " + s.in.closed_on->ToString() + " 关闭", "closed_on");
        CivilDate today = ShanghaiDate(d.clock.NowMs());
        RETURN_IF_ERROR(validate::PlausibleDate(closed_on, "closed_on", today));
        if (closed_on < s.in.opened_on)
          return Error::Invalid("closed_on",
                                "关店日期不能早于开店日期 " + s.in.opened_on.ToString());
        ASSIGN_OR_RETURN(bool closed, store::CloseShop(*conn, shop_id, closed_on, d.clock.NowMs()));
        if (!closed) return Error::Conflict("该网店已关闭", "closed_on");
        RETURN_IF_ERROR(
            Audit(d, *conn, who, "household.shop.close", household_id,
                  "shop=" + std::to_string(shop_id) + " closed_on=" + closed_on.ToString()));
        s.in.closed_on = closed_on;
        return s;
      });
}

Result<HouseholdHelp> HelpOf(const Deps& d, const account::Principal& who, int64_t household_id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(store::Stored h, internal::Visible(*conn, who, household_id));
  bool names = SeesNames(who, h.h.region);
  HouseholdHelp out;
  ASSIGN_OR_RETURN(auto employments, store::EmploymentsOf(*conn, household_id));
  for (auto& [e, enc] : employments) {
    if (names)
      if (auto n = d.cipher.Decrypt(enc, kMemberContext); n.ok()) e.in.member_name = *n;
    out.employments.push_back(std::move(e));
  }
  RETURN_IF_ERROR(NameEntities(*conn, out.employments));
  ASSIGN_OR_RETURN(out.shops, store::ShopsOf(*conn, household_id));
  ASSIGN_OR_RETURN(auto totals, store::PurchaseTotalsOf(*conn, household_id));
  out.purchases = totals.first;
  out.purchase_fen = totals.second;
  return out;
}

namespace {

std::map<std::string, HelpSource>& Sources() {
  static std::map<std::string, HelpSource> sources;
  return sources;
}

// Households of the subtree with any help in [from, to]: this module's records and the sources.
Result<std::set<int64_t>> HelpedAny(storage::Connection& conn, const RegionCode& region,
                                    CivilDate from, CivilDate to) {
  ASSIGN_OR_RETURN(auto helped, store::Helped(conn, region, from, to));
  for (const auto& [name, source] : Sources()) {
    ASSIGN_OR_RETURN(auto more, source(conn, region, from, to));
    helped.insert(more.begin(), more.end());
  }
  return helped;
}

}  // namespace

void AddHelpSource(const std::string& name, HelpSource source) {
  Sources()[name] = std::move(source);
}

Result<Coverage> CoverageIn(storage::Connection& conn, const RegionCode& region, CivilDate from,
                            CivilDate to) {
  ASSIGN_OR_RETURN(auto eligible, store::WillingAndAble(conn, region, to));
  ASSIGN_OR_RETURN(auto helped, HelpedAny(conn, region, from, to));
  Coverage c;
  c.total.region = region;
  std::map<std::string, CoverageCount> towns;
  for (const auto& [id, village] : eligible) {
    RegionCode town = village.parent();
    CoverageCount& t = towns[town.str()];
    t.region = town;
    bool covered = helped.count(id) > 0;
    ++t.eligible;
    ++c.total.eligible;
    if (covered) {
      ++t.covered;
      ++c.total.covered;
    }
  }
  std::vector<std::string> codes = {region.str()};
  for (const auto& [code, t] : towns) codes.push_back(code);
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  c.total.name = names.count(region.str()) ? names[region.str()] : "";
  for (auto& [code, t] : towns) {
    t.name = names.count(code) ? names[code] : "";
    c.towns.push_back(std::move(t));
  }
  return c;
}

Result<Coverage> CoverageFor(const Deps& d, const account::Principal& who, const RegionCode& region,
                             CivilDate from, CivilDate to) {
  if (!who.Can("household:read")) return Error::Forbidden("没有查看贫困户信息的权限");
  if (!who.InScope(region)) return Error::Forbidden("该区划不在您的管辖范围内");
  if (to < from) return Error::Invalid("to", "结束日期不能早于开始日期");
  auto conn = d.db.Acquire();
  return CoverageIn(*conn, region, from, to);
}

Result<Page<Household>> Uncovered(const Deps& d, const account::Principal& who,
                                  const RegionCode& region, CivilDate from, CivilDate to,
                                  const PageRequest& page) {
  if (!who.Can("household:read")) return Error::Forbidden("没有查看贫困户信息的权限");
  if (!who.InScope(region)) return Error::Forbidden("该区划不在您的管辖范围内");
  if (to < from) return Error::Invalid("to", "结束日期不能早于开始日期");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto eligible, store::WillingAndAble(*conn, region, to));
  ASSIGN_OR_RETURN(auto helped, HelpedAny(*conn, region, from, to));
  std::vector<int64_t> ids;
  for (const auto& [id, village] : eligible)
    if (!helped.count(id)) ids.push_back(id);
  Page<Household> out;
  out.page = page.page;
  out.page_size = page.page_size;
  out.total = static_cast<int64_t>(ids.size());
  std::vector<int64_t> slice;
  for (int64_t i = page.offset(); i < out.total && i < page.offset() + page.page_size; ++i)
    slice.push_back(ids[static_cast<size_t>(i)]);
  ASSIGN_OR_RETURN(auto stored, store::ByIds(*conn, slice));
  for (auto& s : stored) out.items.push_back(internal::Shown(d, who, std::move(s)));
  RETURN_IF_ERROR(internal::FillRegionNames(*conn, out.items));
  return out;
}

}  // namespace ruralec::households
