#include "programme/api/yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ruralec::programme::api {
namespace {

using http::Json;

http::Json NodeToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      Json o = Json::object();
      for (const auto& kv : n) o[kv.first.as<std::string>()] = NodeToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Sequence: {
      Json a = Json::array();
      for (const auto& item : n) a.push_back(NodeToJson(item));
      return a;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      // Only a plain (unquoted) true/false is a boolean, as the reader takes it.
      if (n.Tag() != "!" && (s == "true" || s == "false")) return s == "true";
      return s;
    }
    default:
      return nullptr;
  }
}

// The format's keys in the order a file writes them (docs/PROGRAMME_FORMAT.md); one ranking
// serves every level because a key keeps its place relative to its neighbours throughout.
const std::vector<std::string>& KeyOrder() {
  static const std::vector<std::string> kOrder = {"format",
                                                  "id",
                                                  "number",
                                                  "name",
                                                  "stage",
                                                  "project_type",
                                                  "setting",
                                                  "kind",
                                                  "status",
                                                  "subject",
                                                  "designation",
                                                  "level",
                                                  "issuers",
                                                  "document_number",
                                                  "issued_on",
                                                  "region",
                                                  "code",
                                                  "period",
                                                  "start",
                                                  "end",
                                                  "note",
                                                  "source_document",
                                                  "indicator",
                                                  "params",
                                                  "metric",
                                                  "comparator",
                                                  "threshold",
                                                  "value",
                                                  "unit",
                                                  "type",
                                                  "percent",
                                                  "of",
                                                  "up_to",
                                                  "tiers",
                                                  "from",
                                                  "to",
                                                  "amount",
                                                  "cap",
                                                  "floor",
                                                  "open",
                                                  "aspiration",
                                                  "deadline",
                                                  "deadline_note",
                                                  "deadline_text",
                                                  "after",
                                                  "working_days",
                                                  "conclusions",
                                                  "publish_conclusion",
                                                  "frequency",
                                                  "by",
                                                  "quotas",
                                                  "must_sum",
                                                  "quota_each",
                                                  "applies_to",
                                                  "name_suffixes",
                                                  "names",
                                                  "items",
                                                  "candidates",
                                                  "lead_units",
                                                  "coordinating_units",
                                                  "targets",
                                                  "indicators",
                                                  "eligibility",
                                                  "region_tags",
                                                  "flags",
                                                  "multipliers",
                                                  "region_tag",
                                                  "uplift",
                                                  "payable_after_acceptance",
                                                  "quota",
                                                  "set_locally",
                                                  "local",
                                                  "set_by",
                                                  "decided_on",
                                                  "reference",
                                                  "funds",
                                                  "fund",
                                                  "tranches",
                                                  "categories",
                                                  "tags",
                                                  "tag",
                                                  "constraints",
                                                  "in_principle",
                                                  "clawback",
                                                  "support_directions",
                                                  "phases",
                                                  "tasks",
                                                  "award_rules",
                                                  "fund_plan",
                                                  "workflow",
                                                  "stages",
                                                  "materials",
                                                  "reporting",
                                                  "text",
                                                  "source",
                                                  "notes"};
  return kOrder;
}

size_t Rank(const std::string& key) {
  const auto& order = KeyOrder();
  return static_cast<size_t>(std::find(order.begin(), order.end(), key) - order.begin());
}

bool IsEmpty(const Json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return v.get_ref<const std::string&>().empty();
  if (v.is_array() || v.is_object()) return v.empty();
  return false;
}

bool AllScalars(const Json& a) {
  return std::all_of(a.begin(), a.end(), [](const Json& v) { return !v.is_structured(); });
}

Status Emit(YAML::Emitter& out, const Json& v, const std::string& path, int depth);

// The format nests at most six levels (award_rules[i].local.tiers[k].from); anything far deeper
// is not a programme, and refusing it keeps a hostile body from exhausting the stack.
constexpr int kMaxDepth = 16;

Status EmitScalar(YAML::Emitter& out, const Json& v, const std::string& path) {
  if (v.is_boolean()) {
    out << YAML::TrueFalseBool << v.get<bool>();
  } else if (v.is_number_integer()) {
    out << v.dump();
  } else if (v.is_number_float()) {
    if (!std::isfinite(v.get<double>())) return Error::Invalid(path, "数值无效");
    out << v.dump();
  } else {
    out << v.get<std::string>();
  }
  return {};
}

Status EmitMap(YAML::Emitter& out, const Json& o, const std::string& path, int depth) {
  std::vector<std::string> keys;
  for (auto it = o.begin(); it != o.end(); ++it)
    if (!IsEmpty(it.value())) keys.push_back(it.key());
  std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    size_t ra = Rank(a), rb = Rank(b);
    return ra != rb ? ra < rb : a < b;
  });
  out << YAML::BeginMap;
  for (const auto& k : keys) {
    out << YAML::Key << k << YAML::Value;
    RETURN_IF_ERROR(Emit(out, o.at(k), path.empty() ? k : path + "." + k, depth + 1));
  }
  out << YAML::EndMap;
  return {};
}

Status Emit(YAML::Emitter& out, const Json& v, const std::string& path, int depth) {
  if (depth > kMaxDepth) return Error::Invalid(path, "方案内容嵌套过深");
  if (v.is_object()) return EmitMap(out, v, path, depth);
  if (v.is_array()) {
    // Lists of words stay on one line ([乡, 镇]); lists of items are blocks, one key a line.
    out << (AllScalars(v) ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
    for (size_t i = 0; i < v.size(); ++i) {
      if (IsEmpty(v[i]) && !v[i].is_structured()) continue;
      RETURN_IF_ERROR(Emit(out, v[i], path + "[" + std::to_string(i) + "]", depth + 1));
    }
    out << YAML::EndSeq;
    return {};
  }
  return EmitScalar(out, v, path);
}

// Walks the re-read text: the path of each node, at the line its key (or item) starts on.
void MapLines(const YAML::Node& n, const std::string& path, std::map<int, std::string>& at) {
  if (n.IsMap()) {
    for (const auto& kv : n) {
      std::string p = path.empty() ? kv.first.Scalar() : path + "." + kv.first.Scalar();
      at[kv.first.Mark().line + 1] = p;
      MapLines(kv.second, p, at);
    }
  } else if (n.IsSequence() && n.Style() != YAML::EmitterStyle::Flow) {
    size_t i = 0;
    for (const auto& item : n) {
      std::string p = path + "[" + std::to_string(i++) + "]";
      MapLines(item, p, at);
      // The item wins the line of its first key: the checker reports an item's problems there.
      at[item.Mark().line + 1] = p;
    }
  }
}

}  // namespace

Result<Json> YamlToTree(const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Error::Invalid("yaml", "第 " + std::to_string(e.mark.line + 1) + " 行 YAML 语法错误");
  }
  if (!root.IsMap()) return Error::Invalid("yaml", "方案文件的顶层应为键值表");
  return NodeToJson(root);
}

Result<EmittedYaml> TreeToYaml(const Json& tree) {
  if (!tree.is_object()) return Error::Invalid("programme", "方案应为对象");
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetMapFormat(YAML::Block);
  RETURN_IF_ERROR(Emit(out, tree, "", 0));
  if (!out.good()) return Error::Internal("方案写出失败: " + out.GetLastError());
  EmittedYaml e{std::string(out.c_str()) + "\n", {}};
  try {
    // The emitted text is re-read as the checker will read it; map each line to its path.
    MapLines(YAML::Load(e.text), "", e.path_at_line);
  } catch (const YAML::Exception& ex) {
    return Error::Internal(std::string("方案写出后无法读回: ") + ex.what());
  }
  return e;
}

std::string PathAtLine(const EmittedYaml& emitted, int line) {
  if (line <= 0) return "";
  auto it = emitted.path_at_line.upper_bound(line);
  if (it == emitted.path_at_line.begin()) return "";
  return std::prev(it)->second;
}

std::string IssuePath(const EmittedYaml& emitted, const Issue& issue) {
  std::string path = PathAtLine(emitted, issue.line);
  static const std::string kMissing = "缺少字段 ";  // yaml_reader's wording for a missing key
  auto at = issue.message.find(kMissing);
  if (at == std::string::npos) return path;
  std::string key = issue.message.substr(at + kMissing.size());
  key = key.substr(0, key.find_first_of(" (（"));
  if (key.empty()) return path;
  return path.empty() ? key : path + "." + key;
}

}  // namespace ruralec::programme::api
