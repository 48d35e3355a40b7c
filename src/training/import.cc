#include "training/import.h"

#include <memory>
#include <set>
#include <unordered_map>

#include "core/validate.h"
#include "region/region.h"
#include "storage/figure_changes.h"
#include "training/service_internal.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

using imports::Cells;
using imports::Column;
using imports::Personal;
using imports::RowError;
using imports::RowOutcome;

enum Col { kSession, kIdNumber, kName, kDay, kRegion, kMobile, kAudiences };
constexpr Column kColumns[] = {{"班次编号*", true},
                               {"身份证号*", true, Personal::kIdNumber},
                               {"姓名*", true, Personal::kName},
                               {"签到日期*", true},
                               {"户籍村区划代码", false},
                               {"手机号", false, Personal::kMobile},
                               {"人员类别", false}};
constexpr char kIdContext[] = "training_trainees.id_number";

std::optional<RowError> Rejected(const Cells& c, int col, std::string reason) {
  return c.Reject(col, std::move(reason));
}

// 、，, separated values.
std::vector<std::string> SplitCategories(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto t = validate::ValidateText(cur, {"audiences", "人员类别", 30, true});
    if (t.ok() && !t->empty()) out.push_back(*t);
    cur.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "，") == 0) {
      flush();
      i += 3;
    } else if (text[i] == ',') {
      flush();
      ++i;
    } else {
      cur += text[i++];
    }
  }
  flush();
  return out;
}

// A session of the file, read once: whether the importer may take its attendance, its
// enrolled trainees and the (trainee, day) pairs already recorded.
struct KnownSession {
  std::optional<internal::SessionAccess> access;
  std::set<int64_t> enrolled;
  std::set<std::pair<int64_t, std::string>> attended;
  std::unordered_map<std::string, int64_t> in_file;  // "bidx|day" → row number
};

struct Person {
  int64_t id = 0;
  std::string name;
  Trainee trainee;
};

class AttendanceRows : public imports::RowHandler {
 public:
  AttendanceRows(const Deps& d, const account::Principal& who, int64_t batch, int64_t now)
      : d_(d),
        who_(who),
        batch_(batch),
        now_(now),
        today_(ShanghaiDate(now)),
        regions_(who.region) {}

  RowOutcome Row(storage::Connection& conn, const Cells& c) override {
    auto sid = ParseSessionId(c.Get(kSession));
    if (!sid) return Rejected(c, kSession, "班次编号应为正整数（班次页面上的编号）");
    ASSIGN_OR_RETURN(KnownSession * s, SessionOf(conn, *sid));
    if (!s->access) return Rejected(c, kSession, "班次 " + c.Get(kSession) + " 不存在");
    if (!s->access->writable) return Rejected(c, kSession, "您不能登记该班次的出勤");
    const Session& session = s->access->session;
    auto day = CivilDate::Parse(c.Get(kDay), "day");
    if (!day.ok()) return Rejected(c, kDay, "签到日期应为 YYYY-MM-DD");
    if (*day < session.starts_on || session.ends_on < *day)
      return Rejected(c, kDay,
                      "日期不在班次的培训日期内（" + session.starts_on.ToString() + " 至 " +
                          session.ends_on.ToString() + "）");
    if (today_ < *day) return Rejected(c, kDay, "不能登记未来日期的出勤");
    std::string id = c.Get(kIdNumber);
    for (char& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (Status st = validate::IdCard(id, today_, "id_number"); !st.ok())
      return Rejected(c, kIdNumber, st.error().message);
    std::string bidx = d_.cipher.BlindIndex(id, kIdContext);
    ASSIGN_OR_RETURN(std::optional<Person> known, Find(conn, bidx, id));
    if (known && known->name != c.Get(kName))
      return Rejected(c, kName, "该身份证号已登记为学员“" + known->name + "”，姓名不一致");
    auto [at, fresh] = s->in_file.emplace(bidx + "|" + day->ToString(), c.row.number);
    if (!fresh)
      return Rejected(c, -1,
                      "与文件第" + std::to_string(at->second) + "行重复（同一班次、学员、日期）");
    if (known && s->attended.count({known->id, day->ToString()}))
      return std::optional(c.AlreadyImported());
    bool enrol = !known || !s->enrolled.count(known->id);
    if (enrol && static_cast<int64_t>(s->enrolled.size()) >= session.capacity)
      return Rejected(c, kSession, "班次已满（容纳 " + std::to_string(session.capacity) + " 人）");
    return Write(conn, c, *s, known, id, bidx, *day, enrol);
  }

  Status Finish(storage::Connection& conn) override { return Flush(conn); }

 private:
  static constexpr size_t kFlushRows = 2000;

  static std::optional<int64_t> ParseSessionId(const std::string& t) {
    if (t.empty() || t.size() > 15 || t.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    int64_t v = std::stoll(t);
    return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
  }

  Result<KnownSession*> SessionOf(storage::Connection& conn, int64_t id) {
    if (auto it = sessions_.find(id); it != sessions_.end()) return &it->second;
    KnownSession k;
    auto a = internal::SessionFor(conn, who_, id);
    if (a.ok()) {
      k.access = std::move(*a);
      ASSIGN_OR_RETURN(k.enrolled, store::EnrolledIn(conn, id));
      ASSIGN_OR_RETURN(k.attended, store::AttendedIn(conn, id));
    } else if (a.error().code != ErrorCode::kNotFound) {
      return a.take_error();
    }
    return &sessions_.emplace(id, std::move(k)).first->second;
  }

  // A registered trainee, linked to the household it heads on first sight in this run (the ID
  // number is at hand: a household registered after the trainee is found here).
  Result<std::optional<Person>> Find(storage::Connection& conn, const std::string& bidx,
                                     const std::string& id) {
    if (auto it = people_.find(bidx); it != people_.end()) return std::optional(it->second);
    ASSIGN_OR_RETURN(auto t, store::TraineeByIndex(conn, bidx));
    if (!t) return std::optional<Person>();
    RETURN_IF_ERROR(internal::LinkHousehold(conn, d_, *t, id));
    Person p{t->id, t->name, *t};
    people_.emplace(bidx, p);
    return std::optional(p);
  }

  RowOutcome Write(storage::Connection& conn, const Cells& c, KnownSession& s,
                   std::optional<Person> known, const std::string& id, const std::string& bidx,
                   CivilDate day, bool enrol) {
    if (!known) {
      TraineeInput in;
      in.id_number = id;
      in.name = c.Get(kName);
      in.mobile = c.Get(kMobile);
      in.audiences = SplitCategories(c.Get(kAudiences));
      if (c.Get(kRegion).empty()) return Rejected(c, kRegion, "新学员须填写户籍村区划代码");
      auto region = regions_.Resolve(conn, c.Get(kRegion));  // a code, or a village name
      if (!region.ok()) {
        if (!imports::IsRowError(region.error())) return region.take_error();
        return Rejected(c, kRegion, region.error().message);
      }
      in.region = *region;
      auto r = internal::RegisterIn(conn, d_, who_, in, batch_, false);
      if (!r.ok()) {
        if (!imports::IsRowError(r.error())) return r.take_error();
        return Rejected(c, ColumnOf(r.error().field), r.error().message);
      }
      known = Person{r->trainee.id, r->trainee.name, r->trainee};
      people_.emplace(bidx, *known);
    }
    if (enrol) {
      RETURN_IF_ERROR(store::InsertEnrolment(conn, s.access->session.id, known->trainee, Stamp()));
      s.enrolled.insert(known->id);
    }
    s.attended.insert({known->id, day.ToString()});
    store::NewAttendance a{s.access->session.id, known->id, known->trainee.region,
                           day.ToString(),       "import",  batch_,
                           c.row.number};
    rows_.push_back(store::AttendanceValues(a, Stamp()));
    if (rows_.size() >= kFlushRows) RETURN_IF_ERROR(Flush(conn));
    return std::optional<RowError>();
  }

  static int ColumnOf(const std::string& field) {
    if (field == "name") return kName;
    if (field == "region_code") return kRegion;
    if (field == "mobile") return kMobile;
    if (field == "audiences") return kAudiences;
    if (field == "id_number") return kIdNumber;
    return -1;
  }

  store::Stamp Stamp() const {
    return {who_.id.valid() ? std::optional<int64_t>(who_.id.value) : std::nullopt, now_};
  }

  Status Flush(storage::Connection& conn) {
    if (rows_.empty()) return {};
    RETURN_IF_ERROR(storage::MarkFiguresChangedRows(conn, store::AttendanceColumns(), rows_,
                                                    "region_code", "day", now_));
    auto n = conn.BulkInsert("training_attendance", store::AttendanceColumns(), rows_);
    rows_.clear();
    if (!n.ok()) return n.take_error();
    return {};
  }

  const Deps d_;
  const account::Principal& who_;
  int64_t batch_, now_;
  CivilDate today_;
  std::unordered_map<int64_t, KnownSession> sessions_;
  std::unordered_map<std::string, Person> people_;  // by blind index
  region::LazyNameResolver regions_;
  std::vector<std::vector<storage::Value>> rows_;
};

}  // namespace

Result<imports::ImportReport> ImportAttendance(const imports::ImportContext& ctx,
                                               const account::Principal& who,
                                               const std::string& path, imports::Mode mode,
                                               const imports::ImportOptions& opt) {
  if (!who.Can("training:import") || !(who.Can("training:attend") || who.Can("training:edit")))
    return Error::Forbidden("没有导入培训签到表的权限");
  int64_t now = ctx.clock.NowMs();
  Deps d{ctx.db, ctx.audit, ctx.clock, ctx.cipher};
  imports::HandlerFactory make =
      [d, &who, now](storage::Connection&,
                     const imports::BatchContext& batch) -> std::unique_ptr<imports::RowHandler> {
    return std::make_unique<AttendanceRows>(d, who, batch.id, now);
  };
  return imports::Run(ctx, who, path, mode,
                      {"training_attendance", "training.attendance.import", kColumns}, make, opt);
}

spreadsheet::Sheet AttendanceTemplate() {
  return imports::Template(
      "培训签到表", kColumns,
      {"12", "341302199001010016", "张三", "2024-05-10", "341302100201", "13800138000",
       "建档立卡贫困户、农村青年"},
      {"带*的列必填；列的顺序不限。每行是一名学员在一个班次某一天的签到。",
       "班次编号：班次页面上显示的编号（须是您可以登记出勤的班次）。",
       "身份证号：18位居民身份证号（校验位和出生日期会被检查）；同一人多次参训只登记一次。",
       "签到日期：YYYY-MM-DD，须在班次的培训日期内，不能是未来日期。",
       "户籍村区划代码、手机号、人员类别：仅新学员需要（已登记的学员忽略这三列）；户籍村可填12位"
       "代码或村名（如“符离镇/沈圩村”）；人员类别用、分隔"
       "，"
       "如 建档立卡贫困户、返乡大学生、退役军人、农村青年。",
       "未报名的学员由导入自动报名（不超过班次容纳人数）；已有相同签到的行不重复写入；"
       "同一文件再次导入不会新增数据。"});
}

}  // namespace ruralec::training
