// Designations benchmark (issue 17 item 4 at province size; docs/PERFORMANCE.md
// "Designations"): 100 counties × 10 towns × 20 villages; every village a county-level 示范村
// candidate in each of 2021–2023 (60,000), every town a province-level 示范镇 candidate in each
// year (3,000), a quarter of them recognised (with the document) and their status history — in
// a fresh database, then, each a median of 21 runs:
//   - the designation list, one page of 20, filtered (county: recognised village designations
//     of 2023; province: document number contains a text, page 3);
//   - demonstration_units (county level, village kind) of one county and of the province, 2023;
//   - designation::RecognisedIn for one county and the province (the award engine's read).
//   designation_bench TARGET   (TARGET: a new SQLite file or postgresql:// URL)
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "designation/designation.h"
#include "designation/indicators.h"
#include "province.h"
#include "storage/migrate.h"

using namespace ruralec;
using namespace ruralec::bench;
using storage::Null;
using storage::Value;

namespace {

const std::set<std::string> kPermissions = {"designation:read", "designation:edit"};

constexpr int kYears = 3;  // 2021, 2022, 2023

struct Rows {
  std::vector<std::vector<Value>> designations, changes;
  int64_t id = 0, change_id = 0;
};

// One designation of `code` (a town or a village) with its status history: candidate on 1
// March; one in four recognised on 1 October with a document number.
void Add(Rows& r, int k, const std::string& code, const char* level, const char* kind,
         const std::string& name, int year) {
  int64_t id = ++r.id;
  bool recognised = id % 4 == 0;
  std::string y = std::to_string(year),
              doc = recognised ? "皖商〔" + y + "〕" + std::to_string(id) + "号" : "";
  std::string county = Pad(County(k)), region = Pad(code);
  r.designations.push_back(
      {id, county, region, std::string(level), std::string(kind), std::string("region"),
       Value(Null{}), "region:" + code, name, int64_t{year},
       std::string(recognised ? "安徽省商务厅" : ""), doc,
       std::string(recognised ? "recognised" : "candidate"), y + (recognised ? "-10-01" : "-03-01"),
       recognised ? Value(y + "-10-01") : Value(Null{}), int64_t{0}, int64_t{0}});
  r.changes.push_back({++r.change_id, id, county, Value(Null{}), std::string("candidate"),
                       y + "-03-01", std::string(""), int64_t{0}});
  if (recognised)
    r.changes.push_back({++r.change_id, id, county, std::string("candidate"),
                         std::string("recognised"), y + "-10-01", doc, int64_t{0}});
}

int64_t Generate(storage::Connection& c) {
  ProvinceRegions(c);
  Rows r;
  for (int k = 0; k < kCounties; ++k)
    for (int year = 2021; year < 2021 + kYears; ++year)
      for (int t = 0; t < kTowns; ++t) {
        Add(r, k, Town(k, t), "province", "town", "镇" + std::to_string(t), year);
        for (int v = 0; v < kVillages; ++v)
          Add(r, k, Village(k, t, v), "county", "village", "第" + std::to_string(v) + "村委会",
              year);
      }
  Insert(c, "designations",
         {"id", "county_code", "region_code", "level", "kind", "subject_type", "subject_id",
          "subject_key", "subject_name", "year", "issuing_body", "document_no", "status",
          "status_since", "recognised_on", "created_at", "updated_at"},
         r.designations);
  Insert(c, "designation_status_changes",
         {"id", "designation_id", "county_code", "from_status", "to_status", "changed_on",
          "document_no", "recorded_at"},
         r.changes);
  return r.id;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: designation_bench TARGET\n");
    return 2;
  }
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  auto t0 = std::chrono::steady_clock::now();
  int64_t n = Generate(*conn);
  double gen = Since(t0);
  SystemClock clock;
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  designation::Deps d{*db, audit, clock, cipher};
  const std::string county = County(42);
  account::Principal staff = Staff(county, kPermissions), province = Staff("34", kPermissions);

  int64_t total_c = 0, total_p = 0;
  double list_county = Median([&] {
    designation::Filter f;
    f.kind = designation::Kind::kVillage;
    f.status = designation::State::kRecognised;
    f.year = 2023;
    total_c = Must(designation::List(d, staff, f, {1, 20})).total;
  });
  double list_province = Median([&] {
    designation::Filter f;
    f.q = "〔2023〕1";
    total_p = Must(designation::List(d, province, f, {3, 20})).total;
  });
  auto fn = IndicatorFn(designation::indicators::Sources(), "demonstration_units");
  std::map<std::string, std::string> params{{"level", "county"}, {"kind", "village"}};
  int64_t units_c = 0, units_p = 0;
  double ind_county = Median([&] {
    units_c = Measure(*conn, fn, "demonstration_units", county, CivilDate(2023, 1, 1),
                      CivilDate(2023, 12, 31), params)
                  .value.value_or(-1);
  });
  double ind_province = Median([&] {
    units_p = Measure(*conn, fn, "demonstration_units", "34", CivilDate(2023, 1, 1),
                      CivilDate(2023, 12, 31), params)
                  .value.value_or(-1);
  });
  size_t rec_c = 0, rec_p = 0;
  double recognised_county = Median([&] {
    rec_c = Must(designation::RecognisedIn(*conn, *RegionCode::Parse(county), 2023)).size();
  });
  double recognised_province = Median(
      [&] {
        rec_p = Must(designation::RecognisedIn(*conn, *RegionCode::Parse("34"), 2023)).size();
      },
      5);
  std::printf(
      "%s designations=%lld generate_s=%.1f list_county_ms=%.2f (total %lld) "
      "list_province_ms=%.2f (total %lld) units_county_ms=%.2f (%lld) units_province_ms=%.2f "
      "(%lld) recognised_county_ms=%.2f (%zu) recognised_province_ms=%.2f (%zu)\n",
      std::string(db->Dialect()).c_str(), static_cast<long long>(n), gen, list_county,
      static_cast<long long>(total_c), list_province, static_cast<long long>(total_p), ind_county,
      static_cast<long long>(units_c), ind_province, static_cast<long long>(units_p),
      recognised_county, rec_c, recognised_province, rec_p);
  return 0;
}
