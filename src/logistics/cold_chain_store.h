// The cold-chain resources' SQL (logistics_cold_resources). No rules: cold_chain.cc has checked
// input, permission and scope. Every function runs in the caller's connection and transaction.
#pragma once

#include "core/page.h"
#include "logistics/cold_chain.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::logistics::store {

// `in` checked: kind a dictionary value, region set (the node's when at a node).
Result<int64_t> InsertColdResource(storage::Connection& conn, const ColdResourceInput& in,
                                   storage::Stamp stamp);
Status UpdateColdResource(storage::Connection& conn, int64_t id, const ColdResourceInput& in,
                          storage::Stamp stamp);
// kNotFound when absent (region_name, kind_label, node_name left empty).
Result<ColdResource> GetColdResource(storage::Connection& conn, int64_t id);
Result<bool> ColdNameTaken(storage::Connection& conn, const RegionCode& county,
                           const std::string& name, int64_t except_id);
Result<Page<ColdResource>> ListColdResources(storage::Connection& conn, const ColdResourceFilter& f,
                                             const PageRequest& page);
Result<int64_t> SumColdTonnes(storage::Connection& conn, const RegionCode& region,
                              const std::string& kind, int64_t end_ms);

}  // namespace ruralec::logistics::store
