// Cold-chain resources of the logistics network (issue 22 item 1; 003: 集成冷库、气调库、保鲜车辆等
// 冷链资源，提供产地预冷、冷藏保鲜和低温运输等服务). The cold vehicles are the network's vehicles
// with `cold` (network.h); this file keeps the stores.
//
// Contract:
//  - kind: a value of the logistics_cold_kinds dictionary — built-in 冷库 cold_store, 气调库
//    ca_store, 预冷库 precooling — or one the county added (字典管理, logistics:dict:edit); given
//    by value or label. A county's disabled entry is no new choice but stays valid on a resource
//    that already has it.
//  - Where: at a node of the network (node_id: the node exists, lies in the editor's scope; the
//    resource's region is then the node's), or in a region (county level or below, existing, in
//    the editor's scope; default the editor's region). It never moves to another county.
//  - name (unique in the county), operator: the business running it (a business name, no
//    personal data).
//  - capacity_tonnes: whole tonnes (吨), 1 .. 10,000,000. Temperatures in tenths of a degree
//    Celsius (-18.5 °C = -185), -60.0 .. +30.0 °C, min <= max; written as decimals with at most
//    one decimal ("-18", "-18.5", "4").
//  - Scope as the network's: lists show the caller's region subtree; a single read also an area
//    above the caller's; another town's resource is "not found"; writes need
//    logistics:network:edit and the resource's region in scope. Every write is audited in its
//    transaction (logistics.cold_resource.create|update).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logistics/network.h"

namespace ruralec::logistics {

struct ColdKind {
  std::string value, label;
};
const std::vector<ColdKind>& BuiltinColdKinds();

// Temperatures: tenths of a degree Celsius.
constexpr int kMinTenths = -600, kMaxTenths = 300;
constexpr int64_t kMaxColdTonnes = 10'000'000;
// "-18", "-18.5", "+4", "0.0" → tenths; at most one decimal, within kMinTenths..kMaxTenths.
Result<int> ParseTenths(std::string_view text, std::string_view field);
// -185 → "-18.5", 40 → "4.0".
std::string FormatTenths(int tenths);

struct ColdResourceInput {
  std::string kind;  // value or label of logistics_cold_kinds
  std::string name, operator_name;
  std::optional<int64_t> node_id;
  RegionCode region;  // without a node; default the editor's region
  int64_t capacity_tonnes = 0;
  int temp_min = 0, temp_max = 0;  // tenths of °C
  bool active = true;
};

struct ColdResource {
  int64_t id = 0;
  RegionCode region;
  std::string region_name;
  std::string kind, kind_label;
  std::string name, operator_name;
  std::optional<int64_t> node_id;
  std::string node_name;
  int64_t capacity_tonnes = 0;
  int temp_min = 0, temp_max = 0;
  bool active = true;
  int64_t created_at = 0, updated_at = 0;
};

struct ColdResourceFilter {
  RegionCode region;  // subtree; default the caller's region
  std::string kind;   // a dictionary value
  std::optional<int64_t> node_id;
  std::optional<bool> active;
  std::string q;  // name or operator contains
};

Result<ColdResource> CreateColdResource(const Deps& d, const account::Principal& who,
                                        const ColdResourceInput& in);
Result<ColdResource> UpdateColdResource(const Deps& d, const account::Principal& who, int64_t id,
                                        const ColdResourceInput& in);
Result<ColdResource> GetColdResource(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<ColdResource>> ListColdResources(const Deps& d, const account::Principal& who,
                                             ColdResourceFilter f, const PageRequest& page);

// Whether `value` is a kind: built-in, or (for a region inside a county) one of the county's.
Result<bool> KnownColdKind(storage::Connection& conn, const RegionCode& region,
                           const std::string& value);
// The tonnes of the active resources of `region`'s subtree created before `end_ms` (all kinds
// when `kind` is empty): the cold_storage_capacity indicator.
Result<int64_t> ColdCapacityTonnes(storage::Connection& conn, const RegionCode& region,
                                   const std::string& kind, int64_t end_ms);

}  // namespace ruralec::logistics
