#include "training/demo.h"

#include <random>

#include "region/region.h"
#include "training/service_internal.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

constexpr char kGenerated[] = "演示数据（生成）";

struct CourseModel {
  const char* title;
  const char* level;
  std::vector<std::string> tags;
};
const CourseModel kCourses[] = {
    {"农民手机应用扫盲班", "awareness", {"farmer_mobile_apps", "policy_law"}},
    {"网店运营初级班", "beginner", {"shop_operation", "packaging"}},
    {"直播带货中级班", "intermediate", {"livestream_selling", "design_short_video"}},
    {"农村电商带头人精英班", "elite", {"community_marketing", "branding"}},
};

Result<account::Principal> Who(const Deps& d, const std::string& username) {
  auto conn = d.db.Acquire();
  return account::PrincipalFor(*conn, username);
}

Result<std::vector<region::Division>> Villages(const Deps& d, const RegionCode& county) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto all, region::AtLevelIn(*conn, county, RegionLevel::kVillage));
  std::vector<region::Division> out;
  for (auto& v : all)
    if (region::IsVillageCommittee(v.name)) out.push_back(std::move(v));
  if (out.empty()) return Error::Internal("演示县没有行政村数据");
  return out;
}

Result<std::vector<int64_t>> Trainees(const Deps& d, const account::Principal& county,
                                      const std::vector<region::Division>& villages, int n,
                                      std::mt19937& rng, DemoSummary& sum) {
  std::vector<int64_t> ids;
  for (int i = 0; i < n; ++i) {
    TraineeInput in;
    CivilDate birth = CivilDate(1965, 1, 1).AddDays(static_cast<int64_t>(rng() % 13000));
    in.id_number = FictitiousIdNumber(county.region.str().substr(0, 6), birth, i % 1000);
    in.name = "演示学员" + std::to_string(1000 + i).substr(1);
    in.region = villages[rng() % villages.size()].code;
    if (rng() % 5 == 0) in.audiences.push_back(kPoorAudience);
    if (rng() % 4 == 0) in.audiences.push_back("rural_youth");
    ASSIGN_OR_RETURN(Registered r, RegisterTrainee(d, county, in));
    if (r.created) ++sum.trainees;
    ids.push_back(r.trainee.id);
  }
  return ids;
}

// Attendance of one session, written as generated rows (most trainees attend every day).
Status Attend(const Deps& d, const Session& s, const std::vector<int64_t>& who, std::mt19937& rng,
              DemoSummary& sum) {
  auto conn = d.db.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    std::vector<store::NewAttendance> rows;
    for (int64_t id : who) {
      ASSIGN_OR_RETURN(Trainee t, store::GetTrainee(*conn, id));
      for (CivilDate day = s.starts_on; day <= s.ends_on; day = day.AddDays(1)) {
        if (rng() % 10 == 0) continue;
        rows.push_back(
            {s.id, id, t.region, day.ToString(), "generated", std::nullopt, std::nullopt});
      }
    }
    sum.attendance += static_cast<int64_t>(rows.size());
    return store::InsertAttendance(*conn, rows, {std::nullopt, d.clock.NowMs()});
  });
}

}  // namespace

std::string FictitiousIdNumber(const std::string& area, CivilDate birth, int sequence) {
  std::string seq = std::to_string(1000 + sequence % 1000).substr(1);
  std::string b = birth.ToString();
  std::string id = area + b.substr(0, 4) + b.substr(5, 2) + b.substr(8, 2) + seq;
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  return id + "10X98765432"[sum % 11];
}

Result<DemoSummary> GenerateDemo(const Deps& d, const DemoOptions& o) {
  ASSIGN_OR_RETURN(account::Principal county, Who(d, o.county_username));
  ASSIGN_OR_RETURN(account::Principal trainer, Who(d, o.trainer_username));
  ASSIGN_OR_RETURN(auto villages, Villages(d, o.county));
  std::mt19937 rng(static_cast<unsigned>(std::stoul(o.county.str().substr(0, 6))));
  DemoSummary sum;
  std::vector<Course> courses;
  for (const auto& m : kCourses) {
    CourseInput in;
    in.region = o.county;
    in.title = std::string(m.title) + "（" + kGenerated + "）";
    in.level = m.level;
    in.tags = m.tags;
    in.audiences = {kPoorAudience, "rural_youth"};
    in.organiser_name = "县人社局（演示）";
    in.funding = "就业技能培训资金（演示）";
    ASSIGN_OR_RETURN(Course c, CreateCourse(d, county, in));
    courses.push_back(c);
    ++sum.courses;
  }
  ASSIGN_OR_RETURN(auto people,
                   Trainees(d, county, villages, o.sessions * o.per_session * 2 / 3, rng, sum));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  for (int i = 0; i < o.sessions; ++i) {
    SessionInput in;
    in.course_id = courses[i % courses.size()].id;
    in.name = "第" + std::to_string(i / courses.size() + 1) + "期";
    in.starts_on = today.AddDays(-360 + i * 28);
    in.ends_on = in.starts_on.AddDays(2);
    in.place = std::string("县电商公共服务中心（") + kGenerated + "）";
    in.capacity = o.per_session + 10;
    in.trainers = {trainer.username};
    ASSIGN_OR_RETURN(Session s, CreateSession(d, county, in));
    ++sum.sessions;
    std::vector<int64_t> who;
    for (int k = 0; k < o.per_session; ++k) who.push_back(people[rng() % people.size()]);
    std::sort(who.begin(), who.end());
    who.erase(std::unique(who.begin(), who.end()), who.end());
    RETURN_IF_ERROR(Enrol(d, county, s.id, who));
    if (today < s.ends_on) continue;  // a session still running has attendance to come
    RETURN_IF_ERROR(Attend(d, s, who, rng, sum));
    ASSIGN_OR_RETURN(Assessment a, Assess(d, county, s.id, {}));
    sum.qualified += a.qualified;
  }
  return sum;
}

}  // namespace ruralec::training
