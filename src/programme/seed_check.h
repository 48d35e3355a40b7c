// Checks a programme against its seed document (`programme check FILE --seed SEED.txt`,
// docs/PROGRAMME_FORMAT.md "Checking against the seed"). Check() alone cannot see whether a
// `source: "…, l.73"` points at the sentence the item encodes; this pass reads the seed text
// and reports, per item, every reference that does not hold:
//  - each `l.N` / `l.N-M` in a `source` (and in period.note) lies inside the seed;
//  - the cited lines contain the item's figures (value, threshold, amounts, rates, working
//    days, the numbers of its `text`, the year of its deadline) and its quoted words (“…”,
//    a task's deadline_text, an applies_to); a number the file reads from words says so in its
//    text (“全覆盖”记为100%), and 1..10 may be written as a Chinese numeral (一个);
//  - workflow `after:` names a stage of the same file;
//  - a quota set's regions match the sentence: each region is named on the cited lines or
//    covered by a collective word there (各县区, 每个乡镇（街道）), a collective word takes every
//    region of its classes, a region the sentence names is not left out, and `name_suffixes`
//    do not stand for a class whose members the sentence names one by one.
// A wrong reference names the item, the cited lines and where the text actually is.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "programme/programme.h"
#include "programme/regions.h"
#include "programme/yaml_reader.h"

namespace ruralec::programme {

struct SeedText {
  std::string name;                // file name, for messages
  std::vector<std::string> lines;  // lines[0] is l.1
};

Result<SeedText> ReadSeed(const std::string& path);

// `p` as filled by Check() (regions resolved); `regions` null skips the region checks.
std::vector<Issue> CheckAgainstSeed(const Programme& p, const std::string& file,
                                    const SeedText& seed, const RegionDirectory* regions);

// CheckFile(path, division_dir) followed by CheckAgainstSeed with the seed at `seed_path`;
// issues sorted by line.
ParsedProgramme CheckFileWithSeed(const std::string& path, const std::string& division_dir,
                                  const std::string& seed_path);

}  // namespace ruralec::programme
