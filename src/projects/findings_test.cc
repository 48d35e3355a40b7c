// The issue list (findings.h): the move table, who may take each move, the note and date rules,
// and the idempotent commands through the service with scope and overdue.
#include "projects/findings.h"

#include <gtest/gtest.h>

#include "projects/module.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::projects {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t NoonOf(const char* day) { return D(day).DaysSinceEpoch() * 86'400'000 + 4 * 3'600'000; }

using S = FindingStatus;

// One row per move the table might allow: who takes it, with what note, on what date.
TEST(CheckFindingMoveTest, EachMoveNeedsItsSideItsNoteAndAPlausibleDate) {
  ASSERT_TRUE(runtime::testing::InstallGrants({&projects::ModuleDef()}).ok());
  auto review = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
  auto town = runtime::testing::PrincipalWithRole("341302101", "town_staff", 9);
  ASSERT_TRUE(review.Can("projects:review"));
  ASSERT_FALSE(town.Can("projects:review"));
  ASSERT_TRUE(town.Can("projects:edit"));
  struct Case {
    const char* name;
    S from, to;
    const account::Principal* who;
    const char* note;
    const char* on;
    const char* field;     // "" = allowed; "-" = forbidden
    const char* due = "";  // the command's due_on (an extension's new deadline)
  };
  const std::vector<Case> cases = {
      {"town reports the rectification", S::kOpen, S::kSubmitted, &town, "已整改", "", ""},
      {"a report needs its text", S::kOpen, S::kSubmitted, &town, "", "", "note"},
      {"the town cannot close", S::kSubmitted, S::kClosed, &town, "", "", "-"},
      {"the office closes without a note", S::kSubmitted, S::kClosed, &review, "", "", ""},
      {"sent back needs the reason", S::kSubmitted, S::kOpen, &review, "", "", "note"},
      {"sent back with the reason", S::kSubmitted, S::kOpen, &review, "佐证不足", "", ""},
      {"closed directly with a note", S::kOpen, S::kClosed, &review, "问题已撤销", "", ""},
      {"closed is final", S::kClosed, S::kOpen, &review, "x", "", "to"},
      {"no move to itself but an extension", S::kSubmitted, S::kSubmitted, &review, "x", "", "to"},
      {"an extension needs the new deadline", S::kOpen, S::kOpen, &review, "申请延期", "",
       "due_on"},
      {"an extension needs the reason", S::kOpen, S::kOpen, &review, "", "", "note", "2019-10-31"},
      {"the office extends", S::kOpen, S::kOpen, &review, "汛期施工", "", "", "2019-10-31"},
      {"the town cannot extend", S::kOpen, S::kOpen, &town, "汛期施工", "", "-", "2019-10-31"},
      {"an extension is later than the deadline", S::kOpen, S::kOpen, &review, "x", "", "due_on",
       "2019-09-30"},
      {"an extension is not before its date", S::kOpen, S::kOpen, &review, "x", "2019-09-20",
       "due_on", "2019-09-19"},
      {"only an extension moves the deadline", S::kOpen, S::kSubmitted, &town, "已整改", "",
       "due_on", "2019-10-31"},
      {"not before the last move", S::kOpen, S::kSubmitted, &town, "x", "2019-09-09", "on"},
      {"not in the future", S::kOpen, S::kSubmitted, &town, "x", "2019-09-21", "on"},
  };
  for (const auto& k : cases) {
    Finding f;
    f.status = k.from;
    f.due_on = D("2019-09-30");
    FindingCommand c{k.to, "k", std::nullopt, k.note};
    if (*k.on) c.on = D(k.on);
    if (*k.due) c.due_on = D(k.due);
    Status s = CheckFindingMove(f, *k.who, c, D("2019-09-10"), D("2019-09-20"));
    if (*k.field == '\0') {
      EXPECT_TRUE(s.ok()) << k.name << ": " << s.error().message;
    } else if (*k.field == '-') {
      ASSERT_FALSE(s.ok()) << k.name;
      EXPECT_EQ(s.error().code, ErrorCode::kForbidden) << k.name;
    } else {
      ASSERT_FALSE(s.ok()) << k.name;
      EXPECT_EQ(s.error().field, k.field) << k.name << ": " << s.error().message;
    }
  }
}

class FindingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&projects::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
    town_ = runtime::testing::PrincipalWithRole("341302101", "town_staff", 9);
    other_town_ = runtime::testing::PrincipalWithRole("341302100", "town_staff", 10);
    clock_.Set(NoonOf("2019-09-20"));
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_}; }
  FindingInput Input(const char* region = "341302101") {
    FindingInput in;
    in.region = *RegionCode::Parse(region);
    in.source = "audit";
    in.found_on = D("2019-09-10");
    in.title = "站点台账不全";
    in.owner_unit = "镇商务办";
    in.due_on = D("2019-09-30");
    return in;
  }
  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  account::Principal county_, town_, other_town_;
};

TEST_F(FindingsTest, RecordedByTheOfficeRectifiedByTheTownClosedOnceOverdueUntilThen) {
  auto bad = Input();
  bad.due_on = D("2019-09-01");
  EXPECT_EQ(CreateFinding(Dp(), county_, bad).error().field, "due_on");
  bad = Input();
  bad.source = "rumour";
  EXPECT_EQ(CreateFinding(Dp(), county_, bad).error().field, "source");
  EXPECT_EQ(CreateFinding(Dp(), town_, Input()).error().code, ErrorCode::kForbidden);

  auto f = CreateFinding(Dp(), county_, Input());
  ASSERT_TRUE(f.ok()) << f.error().message;
  const int64_t id = f->finding.id;
  EXPECT_EQ(f->finding.county_code, "341302000000");
  EXPECT_EQ(f->finding.status, S::kOpen);
  EXPECT_FALSE(f->finding.overdue);
  // Another town does not see it; the town does, and may report its rectification.
  EXPECT_EQ(GetFinding(Dp(), other_town_, id).error().code, ErrorCode::kNotFound);
  auto seen = GetFinding(Dp(), town_, id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->next, std::vector<S>{S::kSubmitted});

  clock_.Set(NoonOf("2019-10-08"));  // past the due date
  FindingFilter overdue;
  overdue.overdue_only = true;
  auto list = ListFindings(Dp(), county_, overdue, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_TRUE(list->items[0].overdue);

  FindingCommand report{S::kSubmitted, "report-1", D("2019-10-08"), "台账已补齐"};
  auto m1 = MoveFinding(Dp(), town_, id, report);
  ASSERT_TRUE(m1.ok()) << m1.error().message;
  EXPECT_FALSE(m1->first.repeated);
  auto again = MoveFinding(Dp(), town_, id, report);  // a double click
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->first.repeated);
  EXPECT_EQ(again->first.id, m1->first.id);
  report.note = "另一说法";
  EXPECT_EQ(MoveFinding(Dp(), town_, id, report).error().field, "idempotency_key");

  EXPECT_EQ(MoveFinding(Dp(), town_, id, {S::kClosed, "close", D("2019-10-09"), ""}).error().code,
            ErrorCode::kForbidden);
  auto closed = MoveFinding(Dp(), county_, id, {S::kClosed, "close", D("2019-10-08"), ""});
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->second.finding.status, S::kClosed);
  EXPECT_FALSE(closed->second.finding.overdue);
  EXPECT_EQ(closed->second.moves.size(), 2u);
  EXPECT_TRUE(closed->second.next.empty());
  EXPECT_EQ(ListFindings(Dp(), county_, overdue, {})->total, 0);
}

}  // namespace
}  // namespace ruralec::projects

namespace ruralec::projects {
namespace {

TEST_F(FindingsTest, AnExtensionMovesTheDeadlineAndKeepsTheOldOne) {
  auto f = CreateFinding(Dp(), county_, Input());
  ASSERT_TRUE(f.ok()) << f.error().message;
  const int64_t id = f->finding.id;
  FindingCommand extend{S::kOpen, "extend-1", D("2019-09-20"), "汛期无法施工"};
  extend.due_on = D("2019-10-31");
  EXPECT_EQ(MoveFinding(Dp(), town_, id, extend).error().code, ErrorCode::kForbidden);
  auto m = MoveFinding(Dp(), county_, id, extend);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->first.previous_due_on, D("2019-09-30"));
  EXPECT_EQ(m->first.due_on, D("2019-10-31"));
  EXPECT_EQ(m->second.finding.due_on, D("2019-10-31"));
  EXPECT_EQ(m->second.finding.status, S::kOpen);
  // The same key again: the first move, nothing changed twice.
  auto again = MoveFinding(Dp(), county_, id, extend);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->first.repeated);
  EXPECT_EQ(again->second.moves.size(), 1u);
  // Past the old deadline, not past the new one: not overdue.
  clock_.Set(NoonOf("2019-10-08"));
  auto seen = GetFinding(Dp(), county_, id);
  ASSERT_TRUE(seen.ok());
  EXPECT_FALSE(seen->finding.overdue);
  ASSERT_EQ(seen->moves.size(), 1u);
  EXPECT_EQ(seen->moves[0].previous_due_on, D("2019-09-30"));
}

}  // namespace
}  // namespace ruralec::projects
