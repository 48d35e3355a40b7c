#include "programme/api/tree_diff.h"

#include <algorithm>
#include <map>
#include <set>

namespace ruralec::programme::api {
namespace {

using http::Json;

const char* const kItemKeys[] = {"id",     "number",     "stage",  "project_type", "setting",
                                 "metric", "region_tag", "region", "name"};

std::string KeyText(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// The key every item of both lists has, unique on each side; "" when none.
std::string ItemKey(const Json& a, const Json& b) {
  for (const char* k : kItemKeys) {
    bool ok = true;
    for (const Json* list : {&a, &b}) {
      std::set<std::string> seen;
      for (const auto& item : *list) {
        if (!item.is_object() || !item.contains(k) || item[k].is_structured() ||
            !seen.insert(KeyText(item[k])).second) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (ok) return k;
  }
  return "";
}

bool Structured(const Json& v) {
  return v.is_object() || (v.is_array() && std::any_of(v.begin(), v.end(), [](const Json& i) {
                             return i.is_object() || i.is_array();
                           }));
}

void Walk(const Json& a, const Json& b, const std::string& path, std::vector<TreeChange>& out);

void WalkObjects(const Json& a, const Json& b, const std::string& path,
                 std::vector<TreeChange>& out) {
  std::set<std::string> keys;
  for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
  for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
  for (const auto& k : keys) {
    std::string p = path.empty() ? k : path + "." + k;
    Json va = a.contains(k) ? a[k] : Json(), vb = b.contains(k) ? b[k] : Json();
    Walk(va, vb, p, out);
  }
}

void WalkLists(const Json& a, const Json& b, const std::string& path,
               std::vector<TreeChange>& out) {
  std::string key = ItemKey(a, b);
  if (key.empty()) {  // by position
    for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      Walk(i < a.size() ? a[i] : Json(), i < b.size() ? b[i] : Json(),
           path + "[#" + std::to_string(i + 1) + "]", out);
    }
    return;
  }
  std::map<std::string, const Json*> before;
  for (const auto& item : a) before[KeyText(item[key])] = &item;
  for (const auto& item : b) {
    std::string k = KeyText(item[key]);
    auto it = before.find(k);
    Walk(it == before.end() ? Json() : *it->second, item, path + "[" + k + "]", out);
    if (it != before.end()) before.erase(it);
  }
  for (const auto& item : a) {
    std::string k = KeyText(item[key]);
    if (before.count(k)) Walk(item, Json(), path + "[" + k + "]", out);
  }
}

bool Absent(const Json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
         (v.is_structured() && v.empty());
}

void Walk(const Json& a, const Json& b, const std::string& path, std::vector<TreeChange>& out) {
  if (Absent(a) && Absent(b)) return;
  if (Absent(a)) return out.push_back({path, "added", nullptr, b});
  if (Absent(b)) return out.push_back({path, "removed", a, nullptr});
  if (a == b) return;
  if (a.is_object() && b.is_object()) return WalkObjects(a, b, path, out);
  if (a.is_array() && b.is_array() && (Structured(a) || Structured(b)))
    return WalkLists(a, b, path, out);
  out.push_back({path, "changed", a, b});
}

}  // namespace

std::vector<TreeChange> DiffTrees(const Json& before, const Json& after) {
  std::vector<TreeChange> out;
  Walk(before, after, "", out);
  return out;
}

}  // namespace ruralec::programme::api
