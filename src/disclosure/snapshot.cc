// Which builder makes which kind, and the helpers they share (snapshot_internal.h).
#include "disclosure/snapshot.h"

#include "core/date.h"
#include "crypto/person_name.h"
#include "disclosure/snapshot_internal.h"
#include "region/region.h"

namespace ruralec::disclosure {
namespace internal {

std::string Yuan(int64_t fen) { return Fen{fen}.ToYuan(); }

std::string Percent(int64_t part, int64_t whole) {
  if (whole <= 0) return "—";
  // One decimal, rounded half up, by integer arithmetic.
  __int128 tenths = (static_cast<__int128>(part) * 1000 + whole / 2) / whole;
  int64_t t = static_cast<int64_t>(tenths);
  return std::to_string(t / 10) + "." + std::to_string(t % 10 < 0 ? -(t % 10) : t % 10) + "%";
}

std::string PublicName(const std::string& name, bool personal) {
  return personal ? crypto::MaskPersonName(name) : name;
}

std::string CutNote() {
  return "本表仅列出前 " + std::to_string(kMaxRows) + " 条，完整名单请向本县商务主管部门查询。";
}

}  // namespace internal

Result<Snapshot> BuildSnapshot(const Deps& d, const account::Principal& who, Kind kind,
                               const RegionCode& county, std::optional<int64_t> source_id) {
  std::string name;
  {
    auto conn = d.db.Acquire();
    ASSIGN_OR_RETURN(auto names, region::NamesOf(*conn, {county.str()}));
    name = names.count(county.str()) ? names[county.str()] : county.str();
  }
  internal::Context c{d, who, county, name, ShanghaiDate(d.clock.NowMs()).ToString()};
  int64_t id = source_id.value_or(0);
  switch (kind) {
    case Kind::kProgramme:
      return internal::Programme(c, id);
    case Kind::kFunds:
      return internal::Funds(c, id);
    case Kind::kProjects:
      return internal::Projects(c);
    case Kind::kConclusions:
      return internal::Conclusions(c);
    case Kind::kAwards:
      return internal::Awards(c, id);
    case Kind::kProducts:
      return internal::Products(c);
    case Kind::kStations:
      return internal::Stations(c);
  }
  return Error::Invalid("kind", "公开类别无效");
}

}  // namespace ruralec::disclosure
