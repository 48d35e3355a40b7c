// Courses, sessions and the training dictionaries (training.h contract): permission and scope,
// field checks, the audit entry in the same transaction as each change.
#include <algorithm>
#include <set>

#include "account/stamp.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "region/region.h"
#include "training/service_internal.h"
#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

constexpr size_t kMaxTitle = 100, kMaxText = 200, kMaxSyllabus = 2000, kMaxList = 30;
constexpr int kMaxSessionDays = 366, kMaxCapacity = 10000;

}  // namespace

const std::vector<DictValue>& Builtin(std::string_view dict) {
  static const std::vector<DictValue> levels = {{"awareness", "扫盲班"},
                                                {"beginner", "初级班"},
                                                {"intermediate", "中级班"},
                                                {"elite", "精英班"}};
  static const std::vector<DictValue> tags = {
      {"shop_operation", "网店运营"},
      {"livestream_selling", "直播带货"},
      {"design_short_video", "美工短视频"},
      {"packaging", "产品包装"},
      {"community_marketing", "社群营销"},
      {"cross_border", "跨境电商"},
      {"farmer_mobile_apps", "农民手机应用"},
      {"policy_law", "政策法规"},
      {"logistics", "物流配送"},
      {"branding", "品牌建设"},
  };
  static const std::vector<DictValue> audiences = {
      {kPoorAudience, "建档立卡贫困户"},
      {"returning_graduate", "返乡大学生"},
      {"veteran", "退役军人"},
      {"disabled", "残疾人"},
      {"rural_youth", "农村青年"},
      {"unemployed_women", "待业妇女"},
      {"village_cadre", "村两委干部"},
      {"first_secretary", "驻村第一书记"},
      {"station_operator", "网点经营者"},
      {"business_owner", "企业负责人"},
      {"cooperative_member", "合作社社员"},
      {"new_professional_farmer", "新型职业农民"},
  };
  static const std::vector<DictValue> outcomes = {
      {"opened_shop", "开设网店"},    {"started_business", "创业"},
      {"employed", "电商企业就业"},   {"first_online_sale", "首笔网络销售"},
      {"leader", "认定为电商带头人"},
  };
  static const std::vector<DictValue> none;
  if (dict == "training_levels") return levels;
  if (dict == "training_tags") return tags;
  if (dict == "training_audiences") return audiences;
  if (dict == "training_outcome_kinds") return outcomes;
  return none;
}

Result<std::vector<DictValue>> DictValues(storage::Connection& conn, const RegionCode& county,
                                          std::string_view dict) {
  if (dict != "training_levels" && dict != "training_tags" && dict != "training_audiences")
    return Error::NotFound("字典 " + std::string(dict) + " 不存在");
  std::vector<DictValue> out = Builtin(dict);
  if (county.empty()) return out;
  ASSIGN_OR_RETURN(auto added, store::DictEntries(conn, county, std::string(dict)));
  out.insert(out.end(), added.begin(), added.end());
  return out;
}

namespace internal {

Result<store::View> ViewOf(const account::Principal& who) {
  if (who.Can("training:read")) return store::View{who.region, std::nullopt};
  if (who.Can("training:read:own")) return store::View{who.region, who.id.value};
  return Error::Forbidden("没有查看培训信息的权限");
}

Result<std::string> Text(std::string_view v, std::string_view field, std::string_view label,
                         size_t max, bool optional) {
  return validate::ValidateText(v, {field, label, max, optional});
}

Status CheckDictList(storage::Connection& conn, const RegionCode& county, std::string_view dict,
                     std::string_view field, std::vector<std::string>& values) {
  if (values.size() > kMaxList) return Error::Invalid(std::string(field), "最多30项");
  ASSIGN_OR_RETURN(auto known, DictValues(conn, county, dict));
  std::vector<std::string> out;
  for (const auto& v : values) {
    auto it = std::find_if(known.begin(), known.end(),
                           [&](const DictValue& k) { return k.value == v || k.label == v; });
    if (it == known.end())
      return Error::Invalid(std::string(field), "“" + v + "”不在字典中（可由县级人员添加）");
    if (std::find(out.begin(), out.end(), it->value) == out.end()) out.push_back(it->value);
  }
  values = std::move(out);
  return {};
}

}  // namespace internal

using internal::Text;

Status AddDictValue(const Deps& d, const account::Principal& who, std::string_view dict,
                    const DictValue& input) {
  if (!who.Can("training:dict:edit")) return Error::Forbidden("没有维护培训字典的权限");
  if (who.region.empty() || who.region.level() > RegionLevel::kCounty)
    return Error::Forbidden("培训字典由县级人员维护");
  DictValue v = input;
  ASSIGN_OR_RETURN(v.label, Text(v.label, "label", "名称", 30, false));
  if (v.value.empty() || v.value.size() > 40 ||
      v.value.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    return Error::Invalid("value", "代码应为小写字母、数字或下划线（至多40个字符）");
  auto conn = d.db.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(auto known, DictValues(*conn, who.region.county(), dict));
    for (const auto& k : known) {
      if (k.value == v.value) return Error::Conflict("代码 " + v.value + " 已存在", "value");
      if (k.label == v.label) return Error::Conflict("名称 " + v.label + " 已存在", "label");
    }
    RETURN_IF_ERROR(store::AddDictEntry(*conn, who.region.county(), std::string(dict), v,
                                        StampOf(who, d.clock.NowMs())));
    return d.audit.Append(
        *conn, {who.ToActor(), "training.dict.add", "training_dict",
                std::string(dict) + ":" + v.value, audit::Outcome::kSuccess, "label=" + v.label});
  });
}

// ---- courses ----
namespace {

Status NeedEdit(const account::Principal& who) {
  if (!who.Can("training:edit")) return Error::Forbidden("没有登记和修改培训信息的权限");
  return {};
}

Status CheckRegion(storage::Connection& conn, const account::Principal& who,
                   const RegionCode& region, RegionLevel lowest) {
  if (region.empty()) return Error::Invalid("region_code", "区划代码不能为空");
  if (region.level() > lowest || region.level() < RegionLevel::kCounty)
    return Error::Invalid("region_code", lowest == RegionLevel::kTown
                                             ? "组织区划应为县（区）或乡镇（街道）"
                                             : "区划应为县（区）、乡镇或村");
  if (!who.InScope(region)) return Error::Forbidden("区划 " + region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, region));
  if (!exists) return Error::Invalid("region_code", "区划 " + region.str() + " 不存在");
  return {};
}

Status CheckOrganiser(storage::Connection& conn, const account::Principal& who, CourseInput& in) {
  ASSIGN_OR_RETURN(in.organiser_name,
                   Text(in.organiser_name, "organiser_name", "组织单位", kMaxTitle, true));
  if (in.organiser_kind == "entity") {
    if (!in.organiser_entity_id)
      return Error::Invalid("organiser_entity_id", "请选择组织培训的经营主体");
    auto e = entity::Get(conn, *in.organiser_entity_id);
    if (!e.ok() || !who.CanSee(e->region.county()))
      return Error::Invalid("organiser_entity_id", "组织培训的经营主体不存在");
    in.organiser_name.clear();  // the entity's name is read from the entity module
    return {};
  }
  if (in.organiser_kind != "bureau")
    return Error::Invalid("organiser_kind", "组织方应为 经营主体(entity) 或 部门(bureau)");
  in.organiser_entity_id.reset();
  if (in.organiser_name.empty())
    return Error::Invalid("organiser_name", "请填写组织培训的部门（如 县人社局）");
  return {};
}

Status NormalizeCourse(storage::Connection& conn, const account::Principal& who, CourseInput& in) {
  RETURN_IF_ERROR(CheckRegion(conn, who, in.region, RegionLevel::kTown));
  ASSIGN_OR_RETURN(in.title, Text(in.title, "title", "课程名称", kMaxTitle, false));
  ASSIGN_OR_RETURN(in.funding, Text(in.funding, "funding", "资金来源", kMaxText, true));
  std::vector<std::string> level = {in.level};
  if (in.level.empty()) return Error::Invalid("level", "请选择培训层次");
  RETURN_IF_ERROR(
      internal::CheckDictList(conn, in.region.county(), "training_levels", "level", level));
  in.level = level.front();
  RETURN_IF_ERROR(
      internal::CheckDictList(conn, in.region.county(), "training_tags", "tags", in.tags));
  RETURN_IF_ERROR(internal::CheckDictList(conn, in.region.county(), "training_audiences",
                                          "audiences", in.audiences));
  if (in.min_attendance_bp < 0 || in.min_attendance_bp > 10000)
    return Error::Invalid("min_attendance_percent", "合格出勤率应在 0 到 100 之间");
  if (in.min_score && (*in.min_score < 0 || *in.min_score > 100))
    return Error::Invalid("min_score", "合格分数应在 0 到 100 之间");
  return CheckOrganiser(conn, who, in);
}

// Names the course's region, level and entity organiser.
Status Decorate(storage::Connection& conn, Course& c) {
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, {c.region.str()}));
  c.region_name = names[c.region.str()];
  ASSIGN_OR_RETURN(auto levels, DictValues(conn, c.region.county(), "training_levels"));
  for (const auto& l : levels)
    if (l.value == c.level) c.level_label = l.label;
  if (c.organiser_entity_id) {
    ASSIGN_OR_RETURN(auto e, entity::NamesByIds(conn, {*c.organiser_entity_id}));
    if (auto it = e.find(*c.organiser_entity_id); it != e.end()) c.organiser_name = it->second.name;
  }
  return {};
}

// A course is visible through a visible session for trainers, through its region otherwise.
Result<Course> VisibleCourse(storage::Connection& conn, const account::Principal& who, int64_t id) {
  ASSIGN_OR_RETURN(store::View v, internal::ViewOf(who));
  auto c = store::GetCourse(conn, id);
  std::string missing = "课程 " + std::to_string(id) + " 不存在";
  if (!c.ok()) return Error::NotFound(missing);
  if (v.trainer) {
    ASSIGN_OR_RETURN(bool teaches, store::TeachesCourse(conn, *v.trainer, id));
    if (!teaches) return Error::NotFound(missing);
  } else if (!who.CanSee(c->region)) {
    return Error::NotFound(missing);
  }
  return c;
}

}  // namespace

Result<Course> CreateCourse(const Deps& d, const account::Principal& who,
                            const CourseInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Course>(*conn, storage::TxMode::kWrite, [&]() -> Result<Course> {
    CourseInput in = input;
    RETURN_IF_ERROR(NormalizeCourse(*conn, who, in));
    ASSIGN_OR_RETURN(bool taken, store::CourseTitleTaken(*conn, in.region.county(), in.title, 0));
    if (taken) return Error::Conflict("本县已有同名课程 " + in.title, "title");
    ASSIGN_OR_RETURN(int64_t id, store::InsertCourse(*conn, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "training.course.create", "training_course",
                                                  id, "level=" + in.level + " title=" + in.title)));
    ASSIGN_OR_RETURN(Course c, store::GetCourse(*conn, id));
    RETURN_IF_ERROR(Decorate(*conn, c));
    return c;
  });
}

Result<Course> UpdateCourse(const Deps& d, const account::Principal& who, int64_t id,
                            const CourseInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Course>(*conn, storage::TxMode::kWrite, [&]() -> Result<Course> {
    ASSIGN_OR_RETURN(Course cur, VisibleCourse(*conn, who, id));
    if (!who.InScope(cur.region)) return Error::Forbidden("该课程不在您的管辖范围内");
    CourseInput in = input;
    RETURN_IF_ERROR(NormalizeCourse(*conn, who, in));
    ASSIGN_OR_RETURN(bool taken, store::CourseTitleTaken(*conn, in.region.county(), in.title, id));
    if (taken) return Error::Conflict("本县已有同名课程 " + in.title, "title");
    RETURN_IF_ERROR(store::UpdateCourse(*conn, id, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "training.course.update", "training_course",
                                                  id, "level=" + in.level + " title=" + in.title)));
    ASSIGN_OR_RETURN(Course c, store::GetCourse(*conn, id));
    RETURN_IF_ERROR(Decorate(*conn, c));
    return c;
  });
}

Result<Course> GetCourse(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Course c, VisibleCourse(*conn, who, id));
  RETURN_IF_ERROR(Decorate(*conn, c));
  return c;
}

Result<Page<Course>> ListCourses(const Deps& d, const account::Principal& who,
                                 const CourseFilter& f, const PageRequest& page) {
  ASSIGN_OR_RETURN(store::View v, internal::ViewOf(who));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Course> p, store::ListCourses(*conn, v, f, page));
  for (auto& c : p.items) RETURN_IF_ERROR(Decorate(*conn, c));
  return p;
}

// ---- sessions ----
namespace {

// Trainer accounts by username: each must exist, be active in the caller's county and hold
// training:teach.
Result<std::vector<int64_t>> TrainerIds(storage::Connection& conn, const account::Principal& who,
                                        const std::vector<std::string>& names) {
  if (names.size() > kMaxList) return Error::Invalid("trainers", "最多30名讲师");
  std::vector<int64_t> out;
  for (const auto& n : names) {
    auto p = account::PrincipalFor(conn, n);
    if (!p.ok() || !who.CanSee(p->region.county()))
      return Error::Invalid("trainers", "讲师账号 " + n + " 不存在");
    if (!p->Can("training:teach")) return Error::Invalid("trainers", "账号 " + n + " 不是培训讲师");
    if (std::find(out.begin(), out.end(), p->id.value) == out.end()) out.push_back(p->id.value);
  }
  return out;
}

Status NormalizeSession(storage::Connection& conn, const account::Principal& who,
                        const Course& course, SessionInput& in) {
  if (in.region.empty()) in.region = course.region;
  if (!course.region.Contains(in.region))
    return Error::Invalid("region_code", "班次的区划应在课程的组织区划内");
  RETURN_IF_ERROR(CheckRegion(conn, who, in.region, RegionLevel::kVillage));
  ASSIGN_OR_RETURN(in.name, Text(in.name, "name", "班次名称", kMaxTitle, false));
  ASSIGN_OR_RETURN(in.place, Text(in.place, "place", "培训地点", kMaxText, true));
  ASSIGN_OR_RETURN(in.syllabus, Text(in.syllabus, "syllabus", "课程大纲", kMaxSyllabus, true));
  RETURN_IF_ERROR(validate::PlausibleDate(in.starts_on, "starts_on"));
  RETURN_IF_ERROR(validate::PlausibleDate(in.ends_on, "ends_on"));
  if (in.ends_on < in.starts_on) return Error::Invalid("ends_on", "结束日期不能早于开始日期");
  if (in.ends_on.DaysSinceEpoch() - in.starts_on.DaysSinceEpoch() >= kMaxSessionDays)
    return Error::Invalid("ends_on", "一个班次最长366天");
  if (in.capacity < 1 || in.capacity > kMaxCapacity)
    return Error::Invalid("capacity", "容纳人数应在 1 到 10000 之间");
  return {};
}

Status DecorateSessions(storage::Connection& conn, std::vector<Session>& sessions) {
  std::vector<int64_t> ids;
  std::vector<std::string> codes;
  for (const auto& s : sessions) {
    ids.push_back(s.id);
    codes.push_back(s.region.str());
  }
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  ASSIGN_OR_RETURN(auto trainers, store::TrainersOf(conn, ids));
  std::vector<int64_t> users;
  for (const auto& [sid, us] : trainers) users.insert(users.end(), us.begin(), us.end());
  ASSIGN_OR_RETURN(auto labels, account::UserLabels(conn, users));
  for (auto& s : sessions) {
    s.region_name = names[s.region.str()];
    s.trainers.clear();
    for (int64_t u : trainers[s.id]) {
      auto it = labels.find(u);
      s.trainers.push_back({u, it == labels.end() ? "" : it->second.username,
                            it == labels.end() ? "" : it->second.display_name});
    }
  }
  return {};
}

Result<Session> Decorated(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(Session s, store::GetSession(conn, id));
  std::vector<Session> one = {s};
  RETURN_IF_ERROR(DecorateSessions(conn, one));
  return one.front();
}

std::string SessionDetail(const SessionInput& in, size_t trainers) {
  return "course=" + std::to_string(in.course_id) + " name=" + in.name +
         " dates=" + in.starts_on.ToString() + ".." + in.ends_on.ToString() +
         " trainers=" + std::to_string(trainers);
}

}  // namespace

namespace internal {

Result<SessionAccess> SessionFor(storage::Connection& conn, const account::Principal& who,
                                 int64_t id) {
  ASSIGN_OR_RETURN(store::View v, ViewOf(who));
  std::string missing = "班次 " + std::to_string(id) + " 不存在";
  auto s = store::GetSession(conn, id);
  if (!s.ok()) return Error::NotFound(missing);
  ASSIGN_OR_RETURN(auto trainers, store::TrainersOf(conn, {id}));
  const auto& ids = trainers[id];
  SessionAccess a;
  a.teaches = who.id.valid() && std::find(ids.begin(), ids.end(), who.id.value) != ids.end();
  if (v.trainer ? !a.teaches : !who.CanSee(s->region)) return Error::NotFound(missing);
  a.writable = (a.teaches && who.Can("training:attend")) ||
               (who.Can("training:edit") && who.InScope(s->region));
  a.session = std::move(*s);
  return a;
}

}  // namespace internal

Result<Session> CreateSession(const Deps& d, const account::Principal& who,
                              const SessionInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Session>(*conn, storage::TxMode::kWrite, [&]() -> Result<Session> {
    auto course = VisibleCourse(*conn, who, input.course_id);
    if (!course.ok()) return Error::Invalid("course_id", "课程不存在");
    SessionInput in = input;
    RETURN_IF_ERROR(NormalizeSession(*conn, who, *course, in));
    ASSIGN_OR_RETURN(bool taken, store::SessionNameTaken(*conn, in.course_id, in.name, 0));
    if (taken) return Error::Conflict("该课程已有同名班次 " + in.name, "name");
    ASSIGN_OR_RETURN(auto trainers, TrainerIds(*conn, who, in.trainers));
    ASSIGN_OR_RETURN(int64_t id, store::InsertSession(*conn, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(store::SetTrainers(*conn, id, trainers));
    RETURN_IF_ERROR(
        d.audit.Append(*conn, AuditOf(who, "training.session.create", "training_session", id,
                                      SessionDetail(in, trainers.size()))));
    return Decorated(*conn, id);
  });
}

Result<Session> UpdateSession(const Deps& d, const account::Principal& who, int64_t id,
                              const SessionInput& input) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Session>(*conn, storage::TxMode::kWrite, [&]() -> Result<Session> {
    ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(*conn, who, id));
    if (!who.InScope(a.session.region)) return Error::Forbidden("该班次不在您的管辖范围内");
    ASSIGN_OR_RETURN(Course course, store::GetCourse(*conn, a.session.course_id));
    SessionInput in = input;
    in.course_id = a.session.course_id;  // a session does not move to another course
    RETURN_IF_ERROR(NormalizeSession(*conn, who, course, in));
    ASSIGN_OR_RETURN(bool taken, store::SessionNameTaken(*conn, in.course_id, in.name, id));
    if (taken) return Error::Conflict("该课程已有同名班次 " + in.name, "name");
    ASSIGN_OR_RETURN(int64_t enrolled, store::EnrolledCount(*conn, id));
    if (in.capacity < enrolled)
      return Error::Invalid("capacity",
                            "容纳人数不能少于已报名的 " + std::to_string(enrolled) + " 人");
    ASSIGN_OR_RETURN(auto trainers, TrainerIds(*conn, who, in.trainers));
    RETURN_IF_ERROR(store::UpdateSession(*conn, id, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(store::SetTrainers(*conn, id, trainers));
    RETURN_IF_ERROR(
        d.audit.Append(*conn, AuditOf(who, "training.session.update", "training_session", id,
                                      SessionDetail(in, trainers.size()))));
    return Decorated(*conn, id);
  });
}

Result<Session> GetSession(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(*conn, who, id));
  return Decorated(*conn, id);
}

Result<Page<Session>> ListSessions(const Deps& d, const account::Principal& who,
                                   const SessionFilter& f, const PageRequest& page) {
  ASSIGN_OR_RETURN(store::View v, internal::ViewOf(who));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Session> p, store::ListSessions(*conn, v, f, page));
  RETURN_IF_ERROR(DecorateSessions(*conn, p.items));
  return p;
}

}  // namespace ruralec::training
