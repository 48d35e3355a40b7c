// Internal to the YAML edge: the mapping reader and small typed helpers shared by the
// reader files. Not part of the module's interface.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "programme/programme.h"

namespace ruralec::programme::yaml_internal {

inline int LineOf(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

// Reading context: where issues go.
struct Ctx {
  std::string file;
  std::vector<Issue>* issues;
  void Add(int line, std::string message) const {
    issues->push_back({file, line, std::move(message)});
  }
};

// A YAML mapping whose keys are looked up once each; Done() reports keys nobody asked for
// (typos such as `deadlne` must not pass silently).
class Map {
 public:
  Map(const YAML::Node& node, const Ctx& ctx, std::string what)
      : ctx_(ctx), what_(std::move(what)), line_(LineOf(node)) {
    if (!node.IsMap()) {
      ok_ = false;
      if (node.IsDefined()) ctx_.Add(line_, what_ + " 应为映射 (expected a mapping)");
      return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      keys_[it->first.Scalar()] = {it->first, it->second};
    }
  }
  bool ok() const { return ok_; }
  int line() const { return line_; }
  const Ctx& ctx() const { return ctx_; }
  bool Has(const std::string& key) const { return keys_.count(key) > 0; }

  // The node of `key` (undefined node when missing); reports a missing required key.
  YAML::Node Get(const std::string& key, bool required = false) {
    used_.insert(key);
    auto it = keys_.find(key);
    if (it == keys_.end()) {
      if (required && ok_) ctx_.Add(line_, what_ + " 缺少字段 " + key + " (missing key)");
      return YAML::Node(YAML::NodeType::Undefined);
    }
    return it->second.second;
  }
  std::string Str(const std::string& key, bool required = false) {
    YAML::Node n = Get(key, required);
    if (!n.IsDefined() || n.IsNull()) return "";
    if (!n.IsScalar()) {
      ctx_.Add(LineOf(n), key + " 应为文本 (expected a scalar)");
      return "";
    }
    return n.Scalar();
  }
  int Line(const std::string& key) {
    auto it = keys_.find(key);
    return it == keys_.end() ? line_ : LineOf(it->second.first);
  }
  void Done() {
    for (const auto& [k, kv] : keys_) {
      if (!used_.count(k))
        ctx_.Add(LineOf(kv.first), what_ + " 中有未知字段 " + k + " (unknown key)");
    }
  }

 private:
  const Ctx& ctx_;
  std::string what_;
  int line_;
  bool ok_ = true;
  std::map<std::string, std::pair<YAML::Node, YAML::Node>> keys_;
  std::set<std::string> used_;
};

bool ReadBool(Map& m, const std::string& key);
std::optional<CivilDate> ReadDate(Map& m, const std::string& key, bool required = false);
std::optional<int> ReadInt(Map& m, const std::string& key, bool required = false);
std::vector<std::string> ReadStrings(Map& m, const std::string& key, bool required = false);
// A quantity written either "100万元" or {value: 100, unit: 万元}.
std::optional<Quantity> QuantityFrom(const YAML::Node& n, const Ctx& ctx, const std::string& what);
std::optional<Quantity> ReadQuantity(Map& m, const std::string& key, bool required = false);
// Calls fn(map) for each element of the sequence at `key`, then reports its unknown keys.
void ForEach(Map& parent, const std::string& key, const std::string& what,
             const std::function<void(Map&)>& fn);
RegionRef RegionFrom(const YAML::Node& n, const Ctx& ctx);

void ReadAwardRules(Map& root, Programme& p);
void ReadFundPlan(Map& root, Programme& p);
void ReadWorkflow(Map& root, Programme& p);

}  // namespace ruralec::programme::yaml_internal
