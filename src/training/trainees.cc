// The trainee register, enrolments and attendance (training.h contract).
#include <algorithm>
#include <cctype>
#include <set>

#include "account/stamp.h"
#include "core/validate.h"
#include "households/households.h"
#include "region/region.h"
#include "training/service_internal.h"
#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

constexpr size_t kMaxName = 50, kMaxBatch = 1000;

Status NameRegions(storage::Connection& conn, std::vector<Trainee>& ts) {
  std::vector<std::string> codes;
  for (const auto& t : ts) codes.push_back(t.region.str());
  ASSIGN_OR_RETURN(auto names, region::NamesOf(conn, codes));
  for (auto& t : ts) t.region_name = names[t.region.str()];
  return {};
}

// A trainee visible to the caller: home village in their subtree, or — for a trainer — enrolled
// in a session they teach.
Result<Trainee> VisibleTrainee(storage::Connection& conn, const account::Principal& who,
                               int64_t id) {
  ASSIGN_OR_RETURN(store::View v, internal::ViewOf(who));
  std::string missing = "学员 " + std::to_string(id) + " 不存在";
  auto t = store::GetTrainee(conn, id);
  if (!t.ok()) return Error::NotFound(missing);
  if (v.trainer) {
    ASSIGN_OR_RETURN(bool teaches, store::TeachesTrainee(conn, *v.trainer, id));
    if (!teaches) return Error::NotFound(missing);
  } else if (!who.InScope(t->region)) {
    return Error::NotFound(missing);
  }
  return t;
}

}  // namespace

namespace internal {

Result<store::NewTrainee> CheckTrainee(storage::Connection& conn, const account::Principal& who,
                                       TraineeInput in, CivilDate today) {
  for (char& c : in.id_number) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  RETURN_IF_ERROR(validate::IdCard(in.id_number, today, "id_number"));
  ASSIGN_OR_RETURN(in.name, Text(in.name, "name", "姓名", kMaxName, false));
  if (!in.mobile.empty()) RETURN_IF_ERROR(validate::Mobile(in.mobile, "mobile"));
  if (in.region.empty() || in.region.level() != RegionLevel::kVillage)
    return Error::Invalid("region_code", "户籍村应为行政村（社区）的12位区划代码");
  if (!who.InScope(in.region))
    return Error::Forbidden("区划 " + in.region.str() + " 不在您的管辖范围内");
  ASSIGN_OR_RETURN(bool exists, region::Exists(conn, in.region));
  if (!exists) return Error::Invalid("region_code", "区划 " + in.region.str() + " 不存在");
  RETURN_IF_ERROR(
      CheckDictList(conn, in.region.county(), "training_audiences", "audiences", in.audiences));
  validate::IdCardFacts facts = validate::IdCardFactsOf(in.id_number);
  store::NewTrainee t;
  t.in = std::move(in);
  t.gender = facts.female ? "f" : "m";
  t.birth = facts.birth;
  return t;
}

Status LinkHousehold(storage::Connection& conn, const Deps& d, const Trainee& t,
                     std::string_view id_number) {
  if (t.household_id) return {};
  ASSIGN_OR_RETURN(auto h, households::FindByIdNumber(conn, d.cipher, id_number));
  if (!h) return {};
  return store::SetTraineeHousehold(conn, t.id, h->id, d.clock.NowMs());
}

Result<Registered> RegisterIn(storage::Connection& conn, const Deps& d,
                              const account::Principal& who, const TraineeInput& input,
                              std::optional<int64_t> batch_id, bool audit) {
  if (!who.Can("training:edit") && !who.Can("training:attend"))
    return Error::Forbidden("没有登记培训学员的权限");
  ASSIGN_OR_RETURN(store::NewTrainee t,
                   CheckTrainee(conn, who, input, ShanghaiDate(d.clock.NowMs())));
  std::string bidx = d.cipher.BlindIndex(t.in.id_number, "training_trainees.id_number");
  ASSIGN_OR_RETURN(auto found, store::TraineeByIndex(conn, bidx));
  if (found) {
    if (found->name != t.in.name)
      return Error::Conflict("该身份证号已登记为学员“" + found->name + "”，姓名不一致", "name");
    if (found->household_id) return Registered{*found, false};
    RETURN_IF_ERROR(LinkHousehold(conn, d, *found, t.in.id_number));
    ASSIGN_OR_RETURN(Trainee again, store::GetTrainee(conn, found->id));
    return Registered{again, false};
  }
  t.batch_id = batch_id;
  ASSIGN_OR_RETURN(int64_t id,
                   store::InsertTrainee(conn, d.cipher, t, StampOf(who, d.clock.NowMs())));
  if (audit) {
    RETURN_IF_ERROR(d.audit.Append(conn, AuditOf(who, "training.trainee.create", "training_trainee",
                                                 id, "region=" + t.in.region.str())));
  }
  ASSIGN_OR_RETURN(Trainee out, store::GetTrainee(conn, id));
  RETURN_IF_ERROR(LinkHousehold(conn, d, out, t.in.id_number));
  ASSIGN_OR_RETURN(out, store::GetTrainee(conn, id));  // with the household, when linked
  return Registered{out, true};
}

}  // namespace internal

Result<Registered> RegisterTrainee(const Deps& d, const account::Principal& who,
                                   const TraineeInput& in) {
  if (!who.Can("training:edit")) return Error::Forbidden("没有登记培训学员的权限");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Registered>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Registered> {
        ASSIGN_OR_RETURN(Registered r, internal::RegisterIn(*conn, d, who, in, std::nullopt, true));
        std::vector<Trainee> one = {r.trainee};
        RETURN_IF_ERROR(NameRegions(*conn, one));
        r.trainee = one.front();
        return r;
      });
}

Result<LinkReport> LinkTraineesToHouseholds(const Deps& d) {
  auto conn = d.db.Acquire();
  return storage::InTransaction<LinkReport>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<LinkReport> {
        LinkReport rep;
        ASSIGN_OR_RETURN(auto unlinked, store::UnlinkedTrainees(*conn));
        for (const auto& [id, enc] : unlinked) {
          ++rep.checked;
          ASSIGN_OR_RETURN(std::string number,
                           d.cipher.Decrypt(enc, "training_trainees.id_number"));
          ASSIGN_OR_RETURN(auto h, households::FindByIdNumber(*conn, d.cipher, number));
          if (!h) continue;
          RETURN_IF_ERROR(store::SetTraineeHousehold(*conn, id, h->id, d.clock.NowMs()));
          ++rep.linked;
        }
        RETURN_IF_ERROR(d.audit.Append(
            *conn, {{{}, "cli", "operator", "local", ""},
                    "training.trainee.link",
                    "training_trainee",
                    "",
                    audit::Outcome::kSuccess,
                    std::to_string(rep.linked) + " of " + std::to_string(rep.checked) +
                        " unlinked trainees linked to their household"}));
        return rep;
      });
}

Result<Trainee> GetTrainee(const Deps& d, const account::Principal& who, int64_t id) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Trainee t, VisibleTrainee(*conn, who, id));
  std::vector<Trainee> one = {t};
  RETURN_IF_ERROR(NameRegions(*conn, one));
  return one.front();
}

Result<Page<Trainee>> ListTrainees(const Deps& d, const account::Principal& who,
                                   const TraineeFilter& f, const PageRequest& page) {
  ASSIGN_OR_RETURN(store::View v, internal::ViewOf(who));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(Page<Trainee> p, store::ListTrainees(*conn, v, f, page));
  RETURN_IF_ERROR(NameRegions(*conn, p.items));
  return p;
}

Result<std::string> RevealIdNumber(const Deps& d, const account::Principal& who, int64_t id) {
  if (!who.Can("training:edit")) return Error::Forbidden("没有查看完整身份证号的权限");
  auto conn = d.db.Acquire();
  return storage::InTransaction<std::string>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<std::string> {
        ASSIGN_OR_RETURN(Trainee t, VisibleTrainee(*conn, who, id));
        ASSIGN_OR_RETURN(std::string enc, store::TraineeIdCipher(*conn, t.id));
        ASSIGN_OR_RETURN(std::string plain, d.cipher.Decrypt(enc, "training_trainees.id_number"));
        RETURN_IF_ERROR(d.audit.Append(*conn, AuditOf(who, "pii.view", "training_trainee.id_number",
                                                      id, "viewed unmasked ID number")));
        return plain;
      });
}

// ---- enrolment and attendance ----

Status Enrol(const Deps& d, const account::Principal& who, int64_t session_id,
             const std::vector<int64_t>& trainee_ids) {
  if (trainee_ids.empty() || trainee_ids.size() > kMaxBatch)
    return Error::Invalid("trainee_ids", "一次报名1到1000名学员");
  auto conn = d.db.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(*conn, who, session_id));
    if (!a.writable) return Error::Forbidden("没有为该班次报名学员的权限");
    ASSIGN_OR_RETURN(auto already, store::EnrolledAmong(*conn, session_id, trainee_ids));
    ASSIGN_OR_RETURN(int64_t enrolled, store::EnrolledCount(*conn, session_id));
    std::set<int64_t> added;
    for (int64_t id : trainee_ids) {
      if (already.count(id) || added.count(id)) continue;
      auto t = store::GetTrainee(*conn, id);
      if (!t.ok() || !(a.teaches || who.InScope(t->region)))
        return Error::Invalid("trainee_ids", "学员 " + std::to_string(id) + " 不存在");
      if (enrolled + static_cast<int64_t>(added.size()) >= a.session.capacity)
        return Error::Conflict("班次已满（容纳 " + std::to_string(a.session.capacity) + " 人）",
                               "trainee_ids");
      RETURN_IF_ERROR(store::InsertEnrolment(*conn, session_id, *t, StampOf(who, d.clock.NowMs())));
      added.insert(id);
    }
    return d.audit.Append(*conn, AuditOf(who, "training.enrol", "training_session", session_id,
                                         "added=" + std::to_string(added.size())));
  });
}

Result<Page<AttendanceRow>> SessionAttendance(const Deps& d, const account::Principal& who,
                                              int64_t session_id, const PageRequest& page) {
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(*conn, who, session_id));
  RegionCode filter = a.teaches ? RegionCode() : who.region;
  ASSIGN_OR_RETURN(Page<AttendanceRow> p, store::EnrolmentPage(*conn, session_id, filter, page));
  std::vector<int64_t> ids;
  for (const auto& r : p.items) ids.push_back(r.trainee_id);
  ASSIGN_OR_RETURN(auto days, store::DaysOf(*conn, session_id, ids));
  for (auto& r : p.items) r.days = days[r.trainee_id];
  return p;
}

Result<DayResult> RecordDay(const Deps& d, const account::Principal& who, int64_t session_id,
                            CivilDate day, const std::vector<int64_t>& present) {
  if (present.size() > PageRequest::kMaxPageSize * 50)
    return Error::Invalid("present", "出勤名单过长");
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  auto conn = d.db.Acquire();
  return storage::InTransaction<DayResult>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<DayResult> {
        ASSIGN_OR_RETURN(internal::SessionAccess a, internal::SessionFor(*conn, who, session_id));
        if (!a.writable) return Error::Forbidden("没有登记该班次出勤的权限");
        if (day < a.session.starts_on || a.session.ends_on < day)
          return Error::Invalid("day", "日期不在班次的培训日期内（" +
                                           a.session.starts_on.ToString() + " 至 " +
                                           a.session.ends_on.ToString() + "）");
        if (today < day) return Error::Invalid("day", "不能登记未来日期的出勤");
        ASSIGN_OR_RETURN(auto enrolled, store::EnrolledAmong(*conn, session_id, present));
        std::set<int64_t> want(present.begin(), present.end());
        for (int64_t id : want) {
          if (!enrolled.count(id))
            return Error::Invalid("present", "学员 " + std::to_string(id) + " 未报名该班次");
        }
        ASSIGN_OR_RETURN(auto now, store::PresentOn(*conn, session_id, day.ToString()));
        std::vector<store::NewAttendance> add;
        std::vector<int64_t> drop;
        for (int64_t id : want) {
          if (now.count(id)) continue;
          ASSIGN_OR_RETURN(Trainee t, store::GetTrainee(*conn, id));
          add.push_back({session_id, id, t.region, day.ToString(), a.teaches ? "phone" : "console",
                         std::nullopt, std::nullopt});
        }
        for (int64_t id : now)
          if (!want.count(id)) drop.push_back(id);
        RETURN_IF_ERROR(store::InsertAttendance(*conn, add, StampOf(who, d.clock.NowMs())));
        ASSIGN_OR_RETURN(int64_t removed, store::DeleteAttendance(*conn, session_id, day.ToString(),
                                                                  drop, d.clock.NowMs()));
        DayResult r{static_cast<int64_t>(add.size()), removed};
        RETURN_IF_ERROR(d.audit.Append(
            *conn, AuditOf(who, "training.attendance", "training_session", session_id,
                           "day=" + day.ToString() + " added=" + std::to_string(r.added) +
                               " removed=" + std::to_string(r.removed))));
        return r;
      });
}

}  // namespace ruralec::training
