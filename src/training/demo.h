// Generated demonstration data of the training module for `ruralec demo` (issue 18): courses at
// the four levels, sessions over the last year taught by the demo trainer, trainees from the
// county's villages with valid (generated, fictitious) ID numbers, their attendance and the
// assessment of the ended sessions — all labelled as generated: course titles and places end
// with 演示数据（生成）, trainee names start 演示学员, attendance rows carry source = generated.
// Deterministic for a given county and date. Meant for a fresh database.
#pragma once

#include <string>

#include "training/training.h"

namespace ruralec::training {

struct DemoOptions {
  RegionCode county;
  std::string county_username;   // the county staff account that registers everything
  std::string trainer_username;  // the trainer of every session
  int sessions = 12, per_session = 30;
};

struct DemoSummary {
  int64_t courses = 0, sessions = 0, trainees = 0, attendance = 0, qualified = 0;
};

Result<DemoSummary> GenerateDemo(const Deps& d, const DemoOptions& o);

// A valid 居民身份证号 (GB 11643 check digit) for region prefix `area` (6 digits), birth date
// and sequence (0–999): fictitious numbers for demo data and benchmarks.
std::string FictitiousIdNumber(const std::string& area, CivilDate birth, int sequence);

}  // namespace ruralec::training
