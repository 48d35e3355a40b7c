// The snapshot of one kind for one county, built from the owning modules' C++ APIs with the
// caller's rights (their permissions and scope apply: a maker without funds:read cannot publish
// fund use). What is left out on purpose: no ID number, mobile, address of a person, user name
// or internal id; names of natural persons (individual businesses, family farms, station
// managers) masked as the award 公示 masks them (crypto::MaskPersonName).
#pragma once

#include <optional>
#include <string>

#include "disclosure/disclosure.h"
#include "disclosure/document.h"

namespace ruralec::disclosure {

struct Snapshot {
  std::string subject;  // the slot inside (county, kind)
  Document doc;         // doc.title is the publication's title
};

Result<Snapshot> BuildSnapshot(const Deps& d, const account::Principal& who, Kind kind,
                               const RegionCode& county, std::optional<int64_t> source_id);

}  // namespace ruralec::disclosure
