// SQL of station assessment (assessment.h): templates, their items, assessments and scores.
// Internal to the station module; rules are in assessment.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "station/assessment.h"
#include "station/station_store.h"

namespace ruralec::station::store {

Result<int64_t> InsertTemplate(storage::Connection& conn, const RegionCode& county,
                               const TemplateInput& in, Stamp stamp);
// Replaces name, kind, pass mark and items (only for a template no assessment uses).
Status ReplaceTemplate(storage::Connection& conn, int64_t id, const TemplateInput& in,
                       int64_t now_ms);
Status RetireTemplate(storage::Connection& conn, int64_t id, int64_t now_ms);
// With items and the number of assessments using it; kNotFound when absent.
Result<AssessmentTemplate> GetTemplate(storage::Connection& conn, int64_t id);
Result<std::vector<AssessmentTemplate>> TemplatesOf(storage::Connection& conn,
                                                    const RegionCode& county, bool with_retired);
Result<bool> TemplateNameTaken(storage::Connection& conn, const RegionCode& county,
                               const std::string& name, int64_t except_id);

struct NewAssessment {
  const Station* station = nullptr;
  const AssessmentTemplate* tmpl = nullptr;
  std::string period;
  CivilDate assessed_on;
  int64_t total_centi = 0;
  bool passed = false;
  std::string comment;
  std::vector<ItemScore> scores;
};
Result<int64_t> InsertAssessment(storage::Connection& conn, const NewAssessment& a, Stamp stamp);
Result<bool> AssessmentExists(storage::Connection& conn, int64_t station_id, int64_t template_id,
                              const std::string& period);
// With its scores (item names, weights and maxima from the template); kNotFound when absent.
Result<Assessment> GetAssessment(storage::Connection& conn, int64_t id);
Result<std::vector<Assessment>> AssessmentsOfStation(storage::Connection& conn, int64_t station_id);
Status SetEvidence(storage::Connection& conn, int64_t id, const EvidenceFile& f,
                   const std::string& bytes, int64_t now_ms);
Result<std::pair<EvidenceFile, std::string>> ReadEvidence(storage::Connection& conn, int64_t id);
Status SetFollowup(storage::Connection& conn, int64_t id, Followup kind, const std::string& status,
                   const std::optional<CivilDate>& deadline, const std::string& note,
                   int64_t now_ms);
// The assessments of a template and period of the stations in `scope`, by total descending.
Result<std::vector<Assessment>> RankingRows(storage::Connection& conn, const RegionCode& scope,
                                            int64_t template_id, const std::string& period);
// Every assessment of `scope`'s stations whose period starts with `year`, newest period first.
Result<std::vector<Assessment>> AssessmentsOfYear(storage::Connection& conn,
                                                  const RegionCode& scope, int year);

}  // namespace ruralec::station::store
