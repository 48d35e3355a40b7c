// The project workflow (projects.h): the transition table, materials before submission, the
// idempotent commands, the deadlines on the calendar with the 补正 pause, provisional deadlines,
// the reviewer's inbox, scope, and the fund's project following the evaluation.
#include <gtest/gtest.h>

#include "attachments/attachments.h"
#include "calendar/chinese_days.h"
#include "funds/ledger.h"
#include "projects/module.h"
#include "projects/projects.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::projects {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t NoonOf(const char* day) { return D(day).DaysSinceEpoch() * 86'400'000 + 4 * 3'600'000; }

TEST(TransitionTable, AllowsExactlyTheWorkflowsMoves) {
  using S = State;
  const std::set<std::pair<S, S>> allowed = {
      {S::kDraft, S::kSubmitted},
      {S::kSubmitted, S::kPreReview},
      {S::kPreReview, S::kCorrection},
      {S::kCorrection, S::kPreReview},
      {S::kPreReview, S::kReview},
      {S::kReview, S::kImplementing},
      {S::kReview, S::kRejected},
      {S::kImplementing, S::kAcceptanceRequested},
      {S::kAcceptanceRequested, S::kAcceptance},
      {S::kAcceptance, S::kEvaluation},
      {S::kEvaluation, S::kRectification},
      {S::kEvaluation, S::kApproval},
      {S::kEvaluation, S::kFailed},
      {S::kRectification, S::kApproval},
      {S::kRectification, S::kFailed},
      {S::kApproval, S::kPayment},
      {S::kPayment, S::kArchived},
      {S::kFailed, S::kArchived},
      {S::kRejected, S::kArchived},
  };
  for (S from : AllStates())
    for (S to : AllStates())
      EXPECT_EQ(FindRule(from, to) != nullptr, allowed.contains({from, to}))
          << StateName(from) << " -> " << StateName(to);
  // Submitting needs the materials; the applicant submits, the office reviews.
  EXPECT_TRUE(FindRule(S::kDraft, S::kSubmitted)->materials);
  EXPECT_TRUE(FindRule(S::kCorrection, S::kPreReview)->materials);
  EXPECT_STREQ(FindRule(S::kDraft, S::kSubmitted)->permission, "projects:edit");
  EXPECT_STREQ(FindRule(S::kReview, S::kImplementing)->permission, "projects:review");
  EXPECT_TRUE(FindRule(S::kAcceptanceRequested, S::kAcceptance)->note_required);  // 验收意见
}

TEST(Catalogue, SixTypesWith28MaterialsOf004) {
  ASSERT_EQ(Types().size(), 6u);
  size_t n = 0;
  std::set<std::string> codes;
  for (const auto& t : Types())
    for (const auto& m : t.materials) {
      ++n;
      codes.insert(m.code);
    }
  EXPECT_EQ(n, 28u);
  EXPECT_EQ(codes.size(), 28u);  // slot names are unique
  EXPECT_EQ(FindType("public_service_center")->materials.back().label,
            "示范县政府门户网站公示截图及公示的文字材料");
  EXPECT_EQ(*ParseGrade("基本合格"), Grade::kBasicPass);
}

class WorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&projects::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    auto years = calendar::ReadChineseDays(std::string(RURALEC_SOURCE_DIR) +
                                           "/node_modules/chinese-days/dist/chinese-days.json");
    ASSERT_TRUE(years.ok());
    for (int y : {2019, 2020, 2026})
      ASSERT_TRUE(calendar::PutYear(*c, y, years->at(y), "chinese-days", 1).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
    finance_ = runtime::testing::PrincipalWithRole("341302", "finance_staff", 8);
    town_ = runtime::testing::PrincipalWithRole("341302101", "town_staff", 9);
    clock_.Set(NoonOf("2019-09-20"));
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_}; }
  ProjectInput Input(const char* type = "logistics", const char* region = "341302100") {
    ProjectInput in;
    in.region = *RegionCode::Parse(region);
    in.type = type;
    in.name = "县级物流配送中心";
    in.applicant = "埇桥物流有限公司";
    return in;
  }
  void AddMaterials(int64_t id, const char* type, size_t skip_last = 0) {
    auto c = tdb_.db().Acquire();
    const auto& mats = FindType(type)->materials;
    for (size_t i = 0; i + skip_last < mats.size(); ++i) {
      attachments::Upload up{{"projects", "project", id}, "341302000000", mats[i].code, 7, "x", 1};
      ASSERT_TRUE(attachments::Add(*c, up, mats[i].code + ".txt", "材料").ok());
    }
  }
  Result<std::pair<Transition, Detail>> Move(const account::Principal& who, int64_t id, State to,
                                             const char* on, const std::string& key,
                                             std::string note = "", std::optional<Grade> g = {},
                                             std::optional<CivilDate> by = {}) {
    Command c;
    c.to = to;
    c.on = D(on);
    c.idempotency_key = key;
    c.note = std::move(note);
    c.grade = g;
    c.rectify_by = by;
    return Apply(Dp(), who, id, c);
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  std::string DueOf(const Detail& d, const std::string& stage) {
    for (const auto& x : d.deadlines)
      if (x.stage == stage)
        return x.provisional ? "provisional"
               : x.paused    ? "paused"
               : x.due_on    ? x.due_on->ToString()
                             : "none";
    return "absent";
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, finance_, town_;
};

TEST_F(WorkflowTest, WalksTheWholeWorkflowWithRefusalsOnTheWay) {
  auto p = Create(Dp(), county_, Input());
  ASSERT_TRUE(p.ok()) << p.error().message;
  int64_t id = p->project.id;
  EXPECT_EQ(p->project.status, State::kDraft);
  EXPECT_EQ(p->materials.size(), 4u);
  clock_.Set(NoonOf("2020-03-31"));
  using S = State;
  using G = Grade;
  const struct Step {
    const account::Principal* who;
    S to;
    const char* on;
    const char* note;
    std::optional<G> grade;
    std::optional<CivilDate> by;
    const char* error_field;  // "" = allowed; "forbidden" = refused for the permission
  } steps[] = {
      {&county_, S::kReview, "2019-09-27", "", {}, {}, "to"},            // not from draft
      {&county_, S::kSubmitted, "2019-09-27", "", {}, {}, "materials"},  // one material missing
  };
  for (const auto& s : steps) {
    auto r = Move(*s.who, id, s.to, s.on, std::string("k-") + StateName(s.to) + s.on, s.note,
                  s.grade, s.by);
    ASSERT_FALSE(r.ok()) << StateName(s.to);
    EXPECT_EQ(r.error().field, s.error_field) << StateName(s.to) << ": " << r.error().message;
  }
  AddMaterials(id, "logistics", 1);
  auto missing = Move(county_, id, S::kSubmitted, "2019-09-27", "k1");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("合法有效的投资证明"), std::string::npos);
  AddMaterials(id, "logistics");
  const Step walk[] = {
      {&county_, S::kSubmitted, "2019-09-27", "", {}, {}, ""},
      {&town_, S::kPreReview, "2019-09-27", "", {}, {}, "forbidden"},  // out of scope (town 101)
      {&county_, S::kPreReview, "2019-09-27", "", {}, {}, ""},
      {&county_, S::kCorrection, "2019-09-30", "", {}, {}, "note"},
      {&county_, S::kCorrection, "2019-09-30", "补充投资发票", {}, {}, ""},
      {&county_, S::kPreReview, "2019-10-09", "", {}, {}, ""},
      {&county_, S::kReview, "2019-10-09", "", {}, {}, ""},
      {&finance_, S::kImplementing, "2019-10-11", "评审通过，已公示", {}, {}, ""},
      {&county_, S::kAcceptanceRequested, "2019-12-02", "", {}, {}, ""},
      {&county_, S::kAcceptance, "2019-12-05", "", {}, {}, "note"},
      {&county_, S::kAcceptance, "2019-12-05", "验收意见：基本完成建设内容", {}, {}, ""},
      {&county_, S::kEvaluation, "2019-12-06", "", {}, {}, "grade"},
      {&county_, S::kEvaluation, "2019-12-06", "", G::kBasicPass, {}, ""},
      {&county_, S::kFailed, "2019-12-06", "x", {}, {}, "to"},  // 基本合格 is no failure
      {&county_, S::kRectification, "2019-12-06", "补齐设备", {}, {}, "rectify_by"},
      {&county_, S::kRectification, "2019-12-06", "补齐设备", {}, D("2020-01-31"), ""},
      {&county_, S::kApproval, "2020-01-20", "整改完成", {}, {}, ""},
      {&finance_, S::kPayment, "2020-02-10", "", {}, {}, ""},
      {&county_, S::kArchived, "2020-03-01", "", {}, {}, ""},
      {&county_, S::kDraft, "2020-03-02", "", {}, {}, "to"},  // archived is final
  };
  int n = 0;
  for (const auto& s : walk) {
    auto r = Move(*s.who, id, s.to, s.on, "w" + std::to_string(++n), s.note, s.grade, s.by);
    if (std::string(s.error_field).empty()) {
      ASSERT_TRUE(r.ok()) << StateName(s.to) << ": " << r.error().message;
      EXPECT_EQ(r->second.project.status, s.to);
    } else {
      ASSERT_FALSE(r.ok()) << StateName(s.to);
      if (std::string(s.error_field) == "forbidden")
        EXPECT_TRUE(r.error().code == ErrorCode::kNotFound ||
                    r.error().code == ErrorCode::kForbidden);
      else
        EXPECT_EQ(r.error().field, s.error_field) << StateName(s.to) << ": " << r.error().message;
    }
  }
  auto done = Get(Dp(), county_, id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->timeline.size(), 13u);
  EXPECT_EQ(done->project.grade, G::kBasicPass);
  EXPECT_EQ(done->project.reviewer_id, 7);
  // Review: receipt 09-27, paused 09-30..10-09 (09-29 and 09-30 counted), then 10-10, 10-11,
  // 10-12 (Saturday make-up workday).
  EXPECT_EQ(DueOf(*done, "review"), "2019-10-12");
  EXPECT_EQ(DueOf(*done, "acceptance"), "2019-12-09");
  EXPECT_EQ(DueOf(*done, "evaluation"), "2019-12-10");
  EXPECT_EQ(DueOf(*done, "rectification"), "2020-01-31");
  for (const auto& t : done->timeline) EXPECT_EQ(t.calendar_version.substr(0, 10), "2019-2026#");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'projects.transition'"), 13);
}

TEST_F(WorkflowTest, ARepeatedKeyDoesNothingTwiceAndAnotherCommandUnderItIsRefused) {
  auto p = Create(Dp(), county_, Input("training"));
  ASSERT_TRUE(p.ok());
  int64_t id = p->project.id;
  AddMaterials(id, "training");
  clock_.Set(NoonOf("2019-10-08"));
  auto first = Move(county_, id, State::kSubmitted, "2019-09-27", "dbl-click");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->first.repeated);
  auto again = Move(county_, id, State::kSubmitted, "2019-09-27", "dbl-click");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->first.repeated);
  EXPECT_EQ(again->first.id, first->first.id);
  EXPECT_EQ(again->second.timeline.size(), 1u);
  // Moved on since: the repeat still answers the first result.
  ASSERT_TRUE(Move(county_, id, State::kPreReview, "2019-09-30", "next").ok());
  auto late = Move(county_, id, State::kSubmitted, "2019-09-27", "dbl-click");
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->first.repeated);
  EXPECT_EQ(late->second.project.status, State::kPreReview);
  auto other = Move(county_, id, State::kReview, "2019-09-30", "dbl-click");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kConflict);
  EXPECT_EQ(other.error().field, "idempotency_key");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM project_transitions"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM project_deadlines"), 1);
}

TEST_F(WorkflowTest, DeadlinesInAnUnknownYearAreProvisionalUntilTheYearIsLoaded) {
  clock_.Set(NoonOf("2026-12-28"));
  auto p = Create(Dp(), county_, Input("training"));
  ASSERT_TRUE(p.ok());
  AddMaterials(p->project.id, "training");
  auto r = Move(county_, p->project.id, State::kSubmitted, "2026-12-28", "s");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(DueOf(r->second, "review"), "provisional");
  auto box = OpenDeadlines(Dp(), county_, {});
  ASSERT_TRUE(box.ok());
  ASSERT_EQ(box->items.size(), 1u);
  EXPECT_TRUE(box->items[0].provisional);
  EXPECT_FALSE(box->items[0].due_on.has_value());
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(calendar::PutYear(
                    *c, 2027, {{D("2027-01-01"), calendar::DayKind::kHoliday, "元旦"}}, "admin", 2)
                    .ok());
  }
  auto after = Get(Dp(), county_, p->project.id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(DueOf(*after, "review"), "2027-01-05");
  EXPECT_EQ(after->calendar_version.substr(0, 10), "2019-2027#");
}

TEST_F(WorkflowTest, TheInboxSortsByDeadlineAndCountsTheOverduePerStageAndReviewer) {
  clock_.Set(NoonOf("2020-01-02"));
  std::vector<int64_t> ids;
  for (const char* on : {"2020-01-22", "2019-12-20", "2020-01-17"}) {
    auto p = Create(Dp(), county_, Input("training"));
    ASSERT_TRUE(p.ok());
    AddMaterials(p->project.id, "training");
    ids.push_back(p->project.id);
    clock_.Set(NoonOf("2020-02-04"));
    ASSERT_TRUE(Move(county_, p->project.id, State::kSubmitted, on, "s").ok());
    clock_.Set(NoonOf("2019-12-01"));
  }
  clock_.Set(NoonOf("2020-02-04"));
  ASSERT_TRUE(Move(finance_, ids[1], State::kPreReview, "2019-12-23", "p").ok());
  auto box = OpenDeadlines(Dp(), county_, {});
  ASSERT_TRUE(box.ok()) << box.error().message;
  ASSERT_EQ(box->items.size(), 3u);
  // 12-20 + 5 = 12-27; 01-17 + 5 = 01-19 (Sunday make-up), 01-20..01-23 → 01-23; 01-22 + 5 over
  // the extended Spring Festival = 02-06.
  EXPECT_EQ(box->items[0].due_on->ToString(), "2019-12-27");
  EXPECT_EQ(box->items[1].due_on->ToString(), "2020-01-23");
  EXPECT_EQ(box->items[2].due_on->ToString(), "2020-02-06");
  EXPECT_TRUE(box->items[0].overdue);
  EXPECT_FALSE(box->items[2].overdue);
  ASSERT_EQ(box->overdue.size(), 2u);  // one unassigned, one of finance (user 8)
  InboxFilter only;
  only.overdue_only = true;
  only.reviewer_id = 8;
  auto mine = OpenDeadlines(Dp(), county_, only);
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0].project_id, ids[1]);
  // A town outside the projects' town sees none.
  auto town = OpenDeadlines(Dp(), town_, {});
  ASSERT_TRUE(town.ok());
  EXPECT_TRUE(town->items.empty());
}

TEST_F(WorkflowTest, TheFundsProjectFollowsTheEvaluation) {
  funds::Fund f;
  f.county_code = "341302000000";
  f.name = "省级示范资金";
  f.source = funds::Source::kProvincial;
  f.amount = Fen{1'500'000'000};
  f.valid_from = D("2019-01-01");
  f.valid_to = D("2021-12-31");
  f.document = "豫财〔2019〕1号";
  f.categories = {{"logistics", "物流体系", Fen{600'000'000}}};
  auto c = tdb_.db().Acquire();
  auto fund = funds::CreateFund(*c, f, {std::nullopt, 1});
  ASSERT_TRUE(fund.ok()) << fund.error().message;
  std::vector<std::pair<Grade, State>> cases = {{Grade::kPass, State::kApproval},
                                                {Grade::kFail, State::kFailed}};
  for (const auto& [grade, end] : cases) {
    clock_.Set(NoonOf("2019-09-20"));
    ProjectInput in = Input();
    in.fund_id = fund->value;
    auto p = Create(Dp(), county_, in);
    ASSERT_TRUE(p.ok()) << p.error().message;
    int64_t id = p->project.id;
    EXPECT_EQ(p->project.fund_project_key, "XM-" + std::to_string(id));
    AddMaterials(id, "logistics");
    clock_.Set(NoonOf("2019-12-31"));
    const std::vector<std::pair<State, std::string>> path = {
        {State::kSubmitted, ""},
        {State::kPreReview, ""},
        {State::kReview, ""},
        {State::kImplementing, "评审通过"},
        {State::kAcceptanceRequested, ""},
        {State::kAcceptance, "验收意见"},
        {State::kEvaluation, ""},
        {end, end == State::kFailed ? "不合格，不予补贴" : ""}};
    for (const auto& [to, note] : path) {
      auto r = Move(county_, id, to, "2019-12-02", std::string("f") + StateName(to), note,
                    to == State::kEvaluation ? std::optional<Grade>(grade) : std::nullopt);
      ASSERT_TRUE(r.ok()) << StateName(to) << ": " << r.error().message;
    }
    auto st = c->QueryOne("SELECT status, status_on FROM fund_projects WHERE project = ?",
                          {"XM-" + std::to_string(id)}, "fund project");
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(st->Text(0), end == State::kApproval ? "accepted" : "failed");
    EXPECT_EQ(st->Text(1), "2019-12-02");
  }
  // Another county's fund cannot be named.
  ProjectInput in = Input();
  in.fund_id = fund->value + 100;
  auto bad = Create(Dp(), county_, in);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "fund_id");
}

}  // namespace
}  // namespace ruralec::projects
