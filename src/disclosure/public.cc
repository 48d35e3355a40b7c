// The public portal's reads (public.h).
#include "disclosure/public.h"

#include <algorithm>

#include "disclosure/publication_store.h"
#include "region/region.h"

namespace ruralec::disclosure {
namespace {

Error Missing() { return Error::NotFound("未找到该公开信息"); }

int KindOrder(Kind k) {
  auto all = AllKinds();
  return static_cast<int>(std::find(all.begin(), all.end(), k) - all.begin());
}

}  // namespace

Status Gate::Admit(const std::string& address) {
  if (counter_.Over(address)) return Error{ErrorCode::kUnavailable, "访问过于频繁，请稍后再试", ""};
  counter_.Add(address);
  return {};
}

bool IsPublic(const Publication& p) {
  return p.version > 0 && (p.status == State::kPublished || p.status == State::kSuperseded ||
                           p.status == State::kWithdrawn);
}

Result<RegionCode> PublicCounty(storage::Connection& conn, std::string_view text) {
  bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                             [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!digits || (text.size() != 6 && text.size() != 12)) return Error::NotFound("区县代码无效");
  auto code = RegionCode::Parse(text);
  if (!code.ok() || code->level() != RegionLevel::kCounty) return Error::NotFound("区县代码无效");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, *code));
  if (!exists) return Error::NotFound("区县不存在");
  return *code;
}

Result<std::string> CountyNameOf(storage::Connection& conn, const RegionCode& county) {
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, {county.str()}));
  return names.count(county.str()) ? names[county.str()] : county.str();
}

Result<std::vector<SitemapEntry>> SitemapOf(storage::Connection& conn, const RegionCode& county) {
  ASSIGN_OR_RETURN(auto rows, store::CountyVersions(conn, county));
  std::vector<SitemapEntry> pages;
  int64_t latest = 0;
  const std::string base = "/public/" + std::string(county.prefix());
  for (const auto& p : rows) {
    if (!IsPublic(p)) continue;
    const int64_t at =
        p.status == State::kWithdrawn ? p.withdrawn_at.value_or(0) : p.published_at.value_or(0);
    pages.push_back({base + "/publications/" + std::to_string(p.id), at});
    latest = std::max(latest, at);
  }
  std::stable_sort(pages.begin(), pages.end(),
                   [](const auto& a, const auto& b) { return a.lastmod > b.lastmod; });
  if (pages.empty()) return pages;
  pages.insert(pages.begin(), SitemapEntry{base, latest});
  return pages;
}

Result<std::vector<RegionCode>> SitemapCounties(storage::Connection& conn) {
  return store::PublishingCounties(conn);
}

Result<PublicIndex> IndexOf(storage::Connection& conn, const RegionCode& county) {
  PublicIndex out;
  out.county = county;
  ASSIGN_OR_RETURN(out.county_name, CountyNameOf(conn, county));
  ASSIGN_OR_RETURN(auto rows, store::CountyVersions(conn, county));
  // Rows come per slot, newest version first: keep the first of each slot.
  std::string last_slot;
  for (auto& p : rows) {
    std::string slot = std::string(KindName(p.kind)) + "\n" + p.subject;
    if (slot == last_slot || !IsPublic(p)) continue;
    last_slot = slot;
    out.items.push_back(std::move(p));
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const auto& a, const auto& b) {
    return KindOrder(a.kind) < KindOrder(b.kind);
  });
  return out;
}

Result<Publication> PublicGet(storage::Connection& conn, const RegionCode& county, int64_t id) {
  auto p = store::Get(conn, id);
  if (!p.ok() || p->county != county || !IsPublic(*p)) return Missing();
  if (p->status == State::kWithdrawn) p->content.clear();
  return p;
}

Result<std::vector<Publication>> PublicVersions(storage::Connection& conn, const RegionCode& county,
                                                int64_t id) {
  ASSIGN_OR_RETURN(Publication p, PublicGet(conn, county, id));
  ASSIGN_OR_RETURN(auto all, store::SlotVersions(conn, p));
  std::vector<Publication> out;
  for (auto& v : all)
    if (IsPublic(v)) out.push_back(std::move(v));
  return out;
}

}  // namespace ruralec::disclosure
