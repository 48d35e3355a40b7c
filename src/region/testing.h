// Test support: a small region tree (安徽 › 宿州 › 埇桥区 with towns 341302100 and 341302101 and
// village 341302100201), enough for scope tests without reading the reference data.
#pragma once

#include <string>
#include <vector>

#include "region/region.h"

namespace ruralec::region::testing {

inline Result<int64_t> AddSmallTree(storage::Connection& conn) {
  std::vector<Division> d;
  for (const char* code : {"34", "3413", "341302", "341302100", "341302101", "341302100201"}) {
    d.push_back({*RegionCode::Parse(code), std::string("R") + code});
  }
  return UpsertDivisions(conn, d);
}

}  // namespace ruralec::region::testing
