// The YAML edge: reads a programme file (docs/PROGRAMME_FORMAT.md) into plain structs.
// Every structural problem (missing key, unknown key, wrong type, bad date or number) becomes
// an Issue with the file's line; reading goes on so one run reports every problem.
#pragma once

#include <string>
#include <vector>

#include "programme/programme.h"

namespace ruralec::programme {

struct ParsedProgramme {
  Programme programme;
  std::vector<Issue> issues;
  std::string text;  // the file's bytes, for storage and versioning
};

// `file` names the source in issues. A YAML syntax error is one issue at its line.
ParsedProgramme ParseProgramme(const std::string& text, const std::string& file);
// Reads `path`; a missing file is an issue at line 0.
ParsedProgramme ReadProgrammeFile(const std::string& path);

}  // namespace ruralec::programme
