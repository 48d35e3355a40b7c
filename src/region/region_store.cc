#include <algorithm>
#include <cctype>

#include "core/validate.h"
#include "region/region.h"
#include "storage/order_by.h"

namespace ruralec::region {
namespace {

using storage::Params;
using storage::Row;

constexpr const char* kSelect =
    "SELECT r.code, r.name, r.level, r.parent_code, "
    "(SELECT COUNT(*) FROM regions c WHERE c.parent_code = r.code) FROM regions r ";

Region ToRegion(const Row& row) {
  Region r;
  r.code = *RegionCode::Parse(row.Text(0));
  r.name = row.Text(1);
  r.level = ParseRegionLevel(row.Text(2)).ok() ? *ParseRegionLevel(row.Text(2)) : r.code.level();
  if (!row.IsNull(3)) r.parent = *RegionCode::Parse(row.Text(3));
  r.child_count = row.Int(4);
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

Result<Page<Region>> QueryPage(storage::Connection& conn, const std::string& where, Params params,
                               const PageRequest& page) {
  Page<Region> out;
  out.page = page.page;
  out.page_size = page.page_size;
  ASSIGN_OR_RETURN(auto count, conn.Query("SELECT COUNT(*) FROM regions r " + where, params));
  out.total = count.at(0).Int(0);
  params.emplace_back(int64_t{page.page_size});
  params.emplace_back(page.offset());
  ASSIGN_OR_RETURN(std::string order,
                   storage::OrderBy(page, {{"code", "r.code"}, {"name", "r.name"}}, "r.code"));
  ASSIGN_OR_RETURN(auto rows, conn.Query(kSelect + where + order + " LIMIT ? OFFSET ?", params));
  for (const auto& row : rows) out.items.push_back(ToRegion(row));
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
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string(kSelect) + "WHERE r.code = ?", {code.str()}));
  if (rows.empty()) return Error::NotFound("区划 " + code.str() + " 不存在");
  std::vector<Region> one{ToRegion(rows[0])};
  RETURN_IF_ERROR(LoadTags(conn, one));
  return std::move(one[0]);
}

Result<Page<Region>> Children(storage::Connection& conn, const RegionCode& code,
                              const PageRequest& page) {
  RETURN_IF_ERROR(Get(conn, code));
  return QueryPage(conn, "WHERE r.parent_code = ?", {code.str()}, page);
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
  std::string like = "%";
  for (char c : query) {  // LIKE wildcards in the query are literal
    if (c == '%' || c == '_' || c == '\\') like += '\\';
    like += c;
  }
  like += '%';
  return QueryPage(conn, "WHERE r.code LIKE ? AND r.name LIKE ? ESCAPE '\\'",
                   {std::string(scope.prefix()) + "%", like}, page);
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
