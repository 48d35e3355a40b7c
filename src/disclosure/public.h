// What the public portal may read (no login): only publications that were published — the
// current one, superseded ones and withdrawn ones (their notice, never their content) — of the
// county named in the path. A draft or a submitted publication, or one of another county, is
// kNotFound exactly like an id that does not exist, so no path leads to unpublished data.
// Requests are limited per client address (Gate): kPublicRequests in kPublicWindowMs, then
// kUnavailable (503 with Retry-After) until the window passes. The counter lives in the
// instance's memory (core/window_counter.h): behind several instances the limit is per instance.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/window_counter.h"
#include "disclosure/disclosure.h"

namespace ruralec::disclosure {

inline constexpr int kPublicRequests = 120;
inline constexpr int64_t kPublicWindowMs = 60'000;

// The per-address limit of the public routes (HTML and JSON together).
class Gate {
 public:
  explicit Gate(const Clock& clock) : counter_(clock, kPublicRequests, kPublicWindowMs) {}
  // Counts the request; kUnavailable when the address is over its limit.
  Status Admit(const std::string& address);

 private:
  WindowCounter counter_;
};

struct PublicIndex {
  RegionCode county;
  std::string county_name;
  // Per slot the latest published version (published or withdrawn), in kind order.
  std::vector<Publication> items;
};

// A county code from a path: 6 or 12 digits naming a county that exists; kNotFound otherwise.
Result<RegionCode> PublicCounty(storage::Connection& conn, std::string_view text);
Result<std::string> CountyNameOf(storage::Connection& conn, const RegionCode& county);
Result<PublicIndex> IndexOf(storage::Connection& conn, const RegionCode& county);
// The publication as the public may read it: content only while published or superseded.
Result<Publication> PublicGet(storage::Connection& conn, const RegionCode& county, int64_t id);
// The published versions of its slot, newest first, without content.
Result<std::vector<Publication>> PublicVersions(storage::Connection& conn, const RegionCode& county,
                                                int64_t id);
// Whether the public may see it at all.
bool IsPublic(const Publication& p);

// One page of a county's sitemap: its path and when it last changed (UTC ms).
struct SitemapEntry {
  std::string path;
  int64_t lastmod = 0;
};
// The county's public pages: the index (the latest of the times below), then every publication
// the public may see — a published or superseded version at its publication time, a withdrawn
// one (its notice) at its withdrawal time — newest first. Drafts and submitted rows never.
Result<std::vector<SitemapEntry>> SitemapOf(storage::Connection& conn, const RegionCode& county);
// The counties with a sitemap (at least one publication ever published).
Result<std::vector<RegionCode>> SitemapCounties(storage::Connection& conn);

}  // namespace ruralec::disclosure
