// Training benchmark (issue 18 Measures; docs/PERFORMANCE.md "Training"): a province-sized
// register — 100 counties × 10 towns × 20 villages, 200,000 trainees (2,000 per county, ID
// numbers encrypted with their blind index), 5,000 sessions of 2023 (50 per county, 40 trainees
// × 10 days each: 2,000,000 attendance rows) — in a fresh database, then:
//   - person-times of one county for 2023 (training_person_times through the indicator source),
//     and of the province, medians of 21 runs;
//   - a 100,000-row sign-in-sheet import (csv: 50 new sessions of one county × 200 of its
//     registered trainees × 10 days) through training::ImportAttendance, rows/s — every row
//     validates its ID number and looks the person up by the blind index.
//   training_bench TARGET [TRAINEES_PER_COUNTY=2000]   (TARGET: a new SQLite file or
//   postgresql:// URL)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "common.h"
#include "crypto/crypto.h"
#include "imports/imports.h"
#include "province.h"
#include "region/region.h"
#include "storage/migrate.h"
#include "training/demo.h"
#include "training/import.h"
#include "training/indicators.h"
#include "training/training.h"

using namespace ruralec;
using namespace ruralec::bench;
using storage::Value;

namespace {

const std::set<std::string> kPermissions = {"training:read", "training:edit", "training:attend",
                                            "training:import"};

constexpr int kSessionsPerCounty = 50, kPerSession = 40, kDays = 10;

struct Person {
  int64_t id;
  std::string id_number, name, region;
};

std::string IdNumber(int county, int i) {
  CivilDate birth = CivilDate(1960, 1, 1).AddDays((county * 7919 + i * 13) % 15000);
  return training::FictitiousIdNumber(County(county), birth, i % 1000);
}

// Courses (one per county), sessions, trainees, enrolments and attendance, bulk-inserted.
std::vector<std::vector<Person>> Generate(storage::Connection& c, const crypto::FieldCipher& ci,
                                          int per_county) {
  ProvinceRegions(c);
  std::vector<std::vector<Value>> courses, sessions, trainees, enrol, att;
  std::vector<std::vector<Person>> people(kCounties);
  int64_t tid = 0, sid = 0;
  for (int k = 0; k < kCounties; ++k) {
    std::string county = Pad(County(k));
    courses.push_back({int64_t{k + 1}, county, county, "课程" + std::to_string(k),
                       std::string("beginner"), std::string("bureau"), std::string("人社局"),
                       int64_t{0}, int64_t{0}});
    for (int i = 0; i < per_county; ++i) {
      // Each person counted twice: the same ID numbers are generated for the import below.
      std::string idn = IdNumber(k, i), region = Pad(Village(k, i % kTowns, i % kVillages));
      people[k].push_back({++tid, idn, "学员" + std::to_string(tid), region});
      trainees.push_back({tid, county, region, people[k].back().name,
                          ci.Encrypt(idn, "training_trainees.id_number"),
                          ci.BlindIndex(idn, "training_trainees.id_number"),
                          crypto::MaskIdNumber(idn), std::string(i % 2 ? "m" : "f"),
                          std::string("1980-01-01"),
                          i % 5 ? std::string(",") : std::string(",registered_poor_household,"),
                          int64_t{0}, int64_t{0}});
    }
    for (int s = 0; s < kSessionsPerCounty; ++s) {
      CivilDate start = CivilDate(2023, 1, 2).AddDays(s * 7);
      sessions.push_back({++sid, int64_t{k + 1}, county, county, "第" + std::to_string(s) + "期",
                          start.ToString(), start.AddDays(kDays - 1).ToString(), int64_t{60},
                          int64_t{0}, int64_t{0}});
      for (int j = 0; j < kPerSession; ++j) {
        const Person& p = people[k][(s * kPerSession + j) % people[k].size()];
        enrol.push_back({sid, p.id, county, p.region, int64_t{0}, int64_t{0}});
        for (int day = 0; day < kDays; ++day)
          att.push_back({sid, p.id, county, p.region, start.AddDays(day).ToString(),
                         std::string("generated"), int64_t{0}});
      }
    }
  }
  Insert(c, "training_courses",
         {"id", "county_code", "region_code", "title", "level", "organiser_kind", "organiser_name",
          "created_at", "updated_at"},
         courses);
  Insert(c, "training_sessions",
         {"id", "course_id", "county_code", "region_code", "name", "starts_on", "ends_on",
          "capacity", "created_at", "updated_at"},
         sessions);
  Insert(c, "training_trainees",
         {"id", "county_code", "region_code", "name", "id_enc", "id_bidx", "id_masked", "gender",
          "birth_date", "audiences", "created_at", "updated_at"},
         trainees);
  Insert(c, "training_enrolments",
         {"session_id", "trainee_id", "county_code", "region_code", "created_at", "updated_at"},
         enrol);
  for (size_t at = 0; at < att.size(); at += 200000) {
    std::vector<std::vector<Value>> part(att.begin() + at,
                                         att.begin() + std::min(att.size(), at + 200000));
    Insert(
        c, "training_attendance",
        {"session_id", "trainee_id", "county_code", "region_code", "day", "source", "recorded_at"},
        part);
  }
  return people;
}

runtime::Measurement PersonTimes(storage::Connection& c, const std::string& region) {
  static const runtime::ComputeFn fn =
      IndicatorFn(training::indicators::Sources(), "training_person_times");
  return Measure(c, fn, "training_person_times", region, CivilDate(2023, 1, 1),
                 CivilDate(2023, 12, 31));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: training_bench TARGET [TRAINEES_PER_COUNTY]\n");
    return 2;
  }
  int per_county = argc > 2 ? std::atoi(argv[2]) : 2000;
  MustOk(crypto::Init());
  auto db = Must(storage::Open(argv[1], 2));
  Must(storage::Migrate(*db));
  auto conn = db->Acquire();
  crypto::FieldCipher cipher = crypto::FieldCipher::FromKey({});
  auto t0 = std::chrono::steady_clock::now();
  auto people = Generate(*conn, cipher, per_county);
  double gen = Since(t0);
  SystemClock clock;
  audit::AuditLog audit(clock, crypto::RecordMac::FromKey({}));
  training::Deps d{*db, audit, clock, cipher};
  const int k = 42;
  int64_t county_pt = 0, province_pt = 0;
  double county_ms = Median([&] { county_pt = PersonTimes(*conn, County(k)).value.value_or(-1); });
  double province_ms =
      Median([&] { province_pt = PersonTimes(*conn, "34").value.value_or(-1); }, 5);

  // 100,000 rows: 50 new sessions of county k × 200 of its trainees × 10 days of 2024.
  account::Principal staff = Staff(County(k), kPermissions);
  std::vector<int64_t> fresh;
  for (int s = 0; s < 50; ++s) {
    training::SessionInput in;
    in.course_id = k + 1;
    in.name = "导入" + std::to_string(s);
    in.starts_on = CivilDate(2024, 3, 1).AddDays(s * 10);
    in.ends_on = in.starts_on.AddDays(kDays - 1);
    in.capacity = 250;
    fresh.push_back(Must(training::CreateSession(d, staff, in)).id);
  }
  std::string csv = std::string(argv[1]).find("://") == std::string::npos
                        ? std::string(argv[1]) + ".signin.csv"
                        : "/tmp/training_bench_signin.csv";
  {
    std::ofstream out(csv);
    out << "班次编号,身份证号,姓名,签到日期,户籍村区划代码,手机号,人员类别\n";
    for (int s = 0; s < 50; ++s)
      for (int j = 0; j < 200; ++j) {
        const Person& p = people[k][(s * 200 + j) % people[k].size()];
        for (int day = 0; day < kDays; ++day)
          out << fresh[s] << ',' << p.id_number << ',' << p.name << ','
              << CivilDate(2024, 3, 1).AddDays(s * 10 + day).ToString() << ",,,\n";
      }
  }
  imports::ImportContext ictx{*db, audit, clock, cipher};
  auto t1 = std::chrono::steady_clock::now();
  auto rep = Must(training::ImportAttendance(ictx, staff, csv, imports::Mode::kAllOrNothing));
  double imp = Since(t1);
  std::remove(csv.c_str());
  std::printf(
      "%s trainees=%d sessions=%d attendance=%d generate_s=%.1f county_person_times_ms=%.2f "
      "(%lld) province_person_times_ms=%.2f (%lld) import_rows=%lld rejected=%lld import_s=%.2f "
      "rows_per_s=%.0f\n",
      std::string(db->Dialect()).c_str(), per_county * kCounties, kCounties * kSessionsPerCounty,
      kCounties * kSessionsPerCounty * kPerSession * kDays, gen, county_ms,
      static_cast<long long>(county_pt), province_ms, static_cast<long long>(province_pt),
      static_cast<long long>(rep.rows_imported), static_cast<long long>(rep.rows_rejected), imp,
      rep.rows_imported / imp);
  return rep.rows_rejected == 0 && rep.rows_imported == 100000 ? 0 : 1;
}
