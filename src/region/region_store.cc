#include <algorithm>
#include <cctype>

#include "core/validate.h"
#include "region/region.h"
#include "storage/order_by.h"
#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::region {
namespace {

using storage::Params;
using storage::Row;

const storage::Columns kRegion(
    "r.code, r.name, r.level, r.parent_code, "
    "(SELECT COUNT(*) FROM regions c WHERE c.parent_code = r.code) AS child_count");
constexpr const char* kFrom = "FROM regions r";

Region ToRegion(const Row& row) {
  storage::NamedRow n(row, kRegion);
  Region r;
  r.code = *RegionCode::Parse(n.Text("code"));
  r.name = n.Text("name");
  auto level = ParseRegionLevel(n.Text("level"));
  r.level = level.ok() ? *level : r.code.level();
  if (!n.IsNull("parent_code")) r.parent = *RegionCode::Parse(n.Text("parent_code"));
  r.child_count = n.Int("child_count");
  return r;
}

// One query for the tags of every region on a page (not one per region).
Status LoadTags(storage::Connection& conn, std::vector<Region>& regions) {
  if (regions.empty()) return {};
  std::string sql = "SELECT region_code, tag FROM region_tags WHERE region_code IN (";
  Params params;
  for (size_t i = 0; i < regions.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.emplace_back(regions[i].code.str());
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query(sql + ") ORDER BY region_code, tag", params));
  for (Region& r : regions) r.tags.clear();
  for (const auto& row : rows) {
    std::string code = row.Text(0);
    for (Region& r : regions) {
      if (r.code.str() == code) r.tags.push_back(row.Text(1));
    }
  }
  return {};
}

Result<Page<Region>> RegionPage(storage::Connection& conn, const storage::Where& where,
                                const PageRequest& page) {
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"code", "r.code"}, {"name", "r.name"}}, "r.code"));
  ASSIGN_OR_RETURN(auto out, storage::QueryPage<Region>(conn, kRegion.List(), kFrom, where, order,
                                                        page, ToRegion));
  RETURN_IF_ERROR(LoadTags(conn, out.items));
  return out;
}

bool ValidTagName(const std::string& name) {
  if (name.empty() || name.size() > 64 || !std::islower(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

}  // namespace

Result<Region> Get(storage::Connection& conn, const RegionCode& code) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT " + kRegion.List() + " " + kFrom + " WHERE r.code = ?", {code.str()}));
  if (rows.empty()) return Error::NotFound("区划 " + code.str() + " 不存在");
  std::vector<Region> one{ToRegion(rows[0])};
  RETURN_IF_ERROR(LoadTags(conn, one));
  return std::move(one[0]);
}

Result<bool> Exists(storage::Connection& conn, const RegionCode& code) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT 1 FROM regions WHERE code = ?", {code.str()}));
  return !rows.empty();
}

Result<std::map<std::string, std::string>> NamesOf(storage::Connection& conn,
                                                   std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::map<std::string, std::string> out;
  constexpr size_t kChunk = 500;  // bound the number of parameters per statement
  for (size_t i = 0; i < codes.size(); i += kChunk) {
    size_t n = std::min(kChunk, codes.size() - i);
    std::string sql = "SELECT code, name FROM regions WHERE code IN (?";
    for (size_t k = 1; k < n; ++k) sql += ", ?";
    storage::Params p(codes.begin() + static_cast<std::ptrdiff_t>(i),
                      codes.begin() + static_cast<std::ptrdiff_t>(i + n));
    ASSIGN_OR_RETURN(auto rows, conn.Query(sql + ")", p));
    for (const auto& r : rows) out[r.Text(0)] = r.Text(1);
  }
  return out;
}

Result<Page<Region>> Children(storage::Connection& conn, const RegionCode& code,
                              const PageRequest& page) {
  ASSIGN_OR_RETURN(auto out,
                   RegionPage(conn, storage::Where().Eq("r.parent_code", code.str()), page));
  if (!out.items.empty()) return out;  // a region with children exists
  ASSIGN_OR_RETURN(bool exists, Exists(conn, code));
  if (!exists) return Error::NotFound("区划 " + code.str() + " 不存在");
  return out;
}

Result<std::vector<Region>> Path(storage::Connection& conn, const RegionCode& code) {
  std::vector<Region> path;
  for (RegionCode c = code; !c.empty(); c = c.parent()) {
    auto r = Get(conn, c);
    if (!r.ok()) {
      if (r.error().code == ErrorCode::kNotFound && !path.empty()) break;  // ancestor not stored
      return r.take_error();
    }
    path.push_back(std::move(r).value());
  }
  std::reverse(path.begin(), path.end());
  return path;
}

Result<Page<Region>> Search(storage::Connection& conn, const RegionCode& scope,
                            const std::string& query, const PageRequest& page) {
  if (query.empty()) return Error::Invalid("q", "请输入要搜索的名称");
  storage::Where where;
  where.InSubtree("r.code", scope).ContainsIf({"r.name"}, query);
  return RegionPage(conn, where, page);
}

Result<std::vector<std::string>> SetTags(storage::Connection& conn, const RegionCode& code,
                                         const std::vector<std::string>& tags, int64_t now_ms) {
  ASSIGN_OR_RETURN(Region before, Get(conn, code));
  std::vector<std::string> wanted = tags;
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  for (const std::string& t : wanted) {
    ASSIGN_OR_RETURN(auto def, conn.Query("SELECT 1 FROM region_tag_defs WHERE name = ?", {t}));
    if (def.empty()) return Error::Invalid("tags", "未定义的区划标签: " + t);
  }
  RETURN_IF_ERROR(conn.Exec("DELETE FROM region_tags WHERE region_code = ?", {code.str()}));
  for (const std::string& t : wanted) {
    RETURN_IF_ERROR(
        conn.Exec("INSERT INTO region_tags (region_code, tag, county_code, updated_at) "
                  "VALUES (?, ?, ?, ?)",
                  {code.str(), t, code.county().str(), now_ms}));
  }
  return before.tags;
}

Result<std::vector<TagDef>> ListTagDefs(storage::Connection& conn) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT name, label, builtin FROM region_tag_defs "
                                         "ORDER BY builtin DESC, name"));
  std::vector<TagDef> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Int(2) != 0});
  return out;
}

// The label is trimmed and checked by the one text rule (issue 15 items 16, 17).
constexpr size_t kMaxTagLabelChars = 30;

Status AddTagDef(storage::Connection& conn, const TagDef& def, int64_t now_ms) {
  if (!ValidTagName(def.name)) {
    return Error::Invalid("name", "标签名只能包含小写字母、数字和下划线，且以字母开头");
  }
  ASSIGN_OR_RETURN(std::string label,
                   validate::ValidateText(def.label, {"label", "标签显示名称", kMaxTagLabelChars}));
  auto r = conn.Exec(
      "INSERT INTO region_tag_defs (name, label, builtin, created_at) "
      "VALUES (?, ?, 0, ?)",
      {def.name, label, now_ms});
  if (!r.ok() && r.error().code == ErrorCode::kConflict) {
    return Error::Conflict("标签 " + def.name + " 已存在", "name");
  }
  return r.ok() ? Status() : r.take_error();
}

Result<std::vector<RegionCode>> TaggedIn(storage::Connection& conn, const RegionCode& scope,
                                         const std::string& tag) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT region_code FROM region_tags WHERE tag = ? AND "
                                         "region_code LIKE ? ORDER BY region_code",
                                         {tag, std::string(scope.prefix()) + "%"}));
  std::vector<RegionCode> out;
  for (const auto& r : rows) out.push_back(*RegionCode::Parse(r.Text(0)));
  return out;
}

Result<std::map<std::string, std::vector<std::string>>> TagsInAndAbove(storage::Connection& conn,
                                                                       const RegionCode& scope) {
  std::map<std::string, std::vector<std::string>> tags;
  std::string prefix(scope.prefix());
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT region_code, tag FROM region_tags WHERE "
                                         "region_code >= ? AND region_code <= ? ORDER BY "
                                         "region_code, tag",
                                         {prefix + std::string(12 - prefix.size(), '0'),
                                          prefix + std::string(12 - prefix.size(), '9')}));
  for (const auto& r : rows) tags[r.Text(0)].push_back(r.Text(1));
  for (RegionCode c = scope.parent(); !c.empty(); c = c.parent()) {
    ASSIGN_OR_RETURN(auto up, conn.Query("SELECT tag FROM region_tags WHERE region_code = ? "
                                         "ORDER BY tag",
                                         {c.str()}));
    for (const auto& r : up) tags[c.str()].push_back(r.Text(0));
  }
  return tags;
}

Result<std::vector<Division>> AtLevelIn(storage::Connection& conn, const RegionCode& scope,
                                        RegionLevel level) {
  std::string prefix(scope.prefix());
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT code, name FROM regions WHERE code >= ? AND "
                                         "code <= ? AND level = ? ORDER BY code",
                                         {prefix + std::string(12 - prefix.size(), '0'),
                                          prefix + std::string(12 - prefix.size(), '9'),
                                          std::string(RegionLevelName(level))}));
  std::vector<Division> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({*RegionCode::Parse(r.Text(0)), r.Text(1)});
  return out;
}

bool IsVillageCommittee(std::string_view name) {
  if (name.find("居委会") != std::string_view::npos) return false;
  if (name.find("居民委员会") != std::string_view::npos) return false;
  for (std::string_view close : {"", ")", "）"}) {
    if (name.size() >= close.size() && name.substr(name.size() - close.size()) == close) {
      std::string_view head = name.substr(0, name.size() - close.size());
      if (head.ends_with("社区")) return false;
    }
  }
  return true;
}

Result<int64_t> UpsertDivisions(storage::Connection& conn, std::vector<Division> divisions) {
  std::sort(divisions.begin(), divisions.end(), [](const Division& a, const Division& b) {
    return std::pair(a.code.level(), a.code) < std::pair(b.code.level(), b.code);
  });
  auto st = conn.Prepare(
      "INSERT INTO regions (code, name, level, parent_code, county_code) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name");
  if (!st.ok()) return st.take_error();
  int64_t n = 0;
  for (const Division& d : divisions) {
    auto& s = **st;
    s.Bind(1, d.code.str());
    s.Bind(2, d.name);
    s.Bind(3, RegionLevelName(d.code.level()));
    RegionCode parent = d.code.parent();
    // A parent the reference data lacks (rare gaps) is left NULL rather than invented.
    ASSIGN_OR_RETURN(auto has_parent, conn.Query("SELECT 1 FROM regions WHERE code = ?",
                                                 {parent.empty() ? "" : parent.str()}));
    if (parent.empty() || has_parent.empty())
      s.BindNull(4);
    else
      s.Bind(4, parent.str());
    s.Bind(5, d.code.county().str());
    RETURN_IF_ERROR(s.Run());
    ++n;
  }
  return n;
}

}  // namespace ruralec::region
