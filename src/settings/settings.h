// County settings (系统管理: 字典管理 and 参数设置, issue 26 item 10): the generic store of the
// entries a county adds to an extensible dictionary, and the typed county parameters the
// modules declare in their manifests (runtime::Module::params). Owns `county_dict_entries` and
// `county_params`.
// Contract:
//  - A dictionary entry is (value, label); a county's own entries may be disabled: a disabled
//    entry is hidden from new choices (pickers) but records carrying it keep showing its label.
//    Built-in entries (the manifest's) can be neither changed nor disabled.
//  - Values and labels are unique within one dictionary of one county, built-in included.
//  - A parameter has a declared type (int, fen, bool, enum, date, url), bounds or options and a
//    default; a county without a stored value reads the default. Values are stored as their
//    canonical text ("12", "true", "2019-01-01"); CheckValue refuses anything else naming the
//    parameter's Chinese label.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"
#include "storage/stamp.h"

namespace ruralec::settings {

// ---- dictionaries ----

struct CountyEntry {
  std::string value, label;
  bool builtin = true;
  bool disabled = false;
};

// Normalises and checks an entry a county adds: label 1–30 characters without a comma; value
// "" takes the label; at most 40 characters, no comma or slash, no control character.
// kInvalidArgument
// naming `value` or `label`.
Status CheckNewEntry(CountyEntry& e);
// kConflict naming the field when `e`'s value or label is already one of `known`.
Status CheckUnique(const std::vector<CountyEntry>& known, const CountyEntry& e);

// The generic store (dictionaries whose module keeps no table of its own).
Result<std::vector<CountyEntry>> CountyEntries(storage::Connection& conn, const RegionCode& county,
                                               const std::string& dict);
Status AddCountyEntry(storage::Connection& conn, const RegionCode& county, const std::string& dict,
                      const CountyEntry& e, storage::Stamp stamp);
// kNotFound when the county has no such entry of its own.
Status SetCountyEntryDisabled(storage::Connection& conn, const RegionCode& county,
                              const std::string& dict, const std::string& value, bool disabled,
                              storage::Stamp stamp);

// ---- parameters ----

// kUrl: a web origin, http(s)://host[:port] in lower case without a path, or "" (not set).
enum class ParamType { kInt, kFen, kBool, kEnum, kDate, kUrl };
std::string_view ParamTypeName(ParamType t);  // "int" | "fen" | "bool" | "enum" | "date" | "url"

struct ParamDef {
  std::string name;   // "<module>.<snake_case>", unique across the modules
  std::string label;  // Chinese, names the field in errors
  ParamType type = ParamType::kInt;
  std::string default_value;                                 // canonical text
  std::optional<int64_t> min, max;                           // int and fen (fen in fen)
  std::vector<std::pair<std::string, std::string>> options;  // enum: value, Chinese label
  std::string help;                                          // Chinese, shown under the field
};

// The canonical text of `text` for `def`, or kInvalidArgument naming `def.name` with a Chinese
// message naming `def.label` (not a whole number, outside the bounds, not an option, not a
// date). Bools accept true/false/1/0.
Result<std::string> CheckValue(const ParamDef& def, std::string_view text);
// Checks a definition itself (the default passes CheckValue, bounds ordered, enum has options).
Status CheckDef(const ParamDef& def);

// The county's stored values (name -> text); parameters without a row are absent.
Result<std::vector<std::pair<std::string, std::string>>> StoredParams(storage::Connection& conn,
                                                                      const RegionCode& county);
Status PutParam(storage::Connection& conn, const RegionCode& county, const std::string& name,
                const std::string& value, storage::Stamp stamp);

// What a module reads where it needs the knob: the county's value, else the default. A stored
// value that no longer passes the definition (bounds narrowed since) reads as the default.
Result<std::string> ParamText(storage::Connection& conn, const RegionCode& county,
                              const ParamDef& def);
Result<int64_t> IntParam(storage::Connection& conn, const RegionCode& county, const ParamDef& def);
Result<bool> BoolParam(storage::Connection& conn, const RegionCode& county, const ParamDef& def);

}  // namespace ruralec::settings
