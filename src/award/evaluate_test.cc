// Award evaluation, table-driven from the seeds' sentences (programmes/000 and 002 as encoded,
// read from the files): thresholds met and just missed, tier boundaries, caps, the 20% uplift
// for poverty counties and the Dabie old revolutionary area, once-only, "up to" without a
// local setting, rules without a data source.
#include <gtest/gtest.h>

#include <cstdint>

#include "award/award.h"
#include "award/award_json.h"
#include "programme/check.h"
#include "programme/yaml_reader.h"

namespace ruralec::award {
namespace {

using programme::Programme;
using programme::Quantity;
using programme::Tier;

constexpr int64_t kWan = 10000 * 100;  // 1万元 in fen

Programme Seed(const std::string& file) {
  auto parsed =
      programme::ReadProgrammeFile(std::string(RURALEC_SOURCE_DIR) + "/programmes/" + file);
  EXPECT_TRUE(parsed.issues.empty()) << programme::FormatIssue(parsed.issues[0]);
  auto issues = programme::Check(parsed.programme, file, nullptr);
  EXPECT_TRUE(issues.empty()) << programme::FormatIssue(issues[0]);
  return parsed.programme;
}

Programme Yongqiao() { return Seed("002_yongqiao_2019_upgrade.yaml"); }
Programme Luan() { return Seed("000_luan_2019_measures.yaml"); }
Programme Tianchang() { return Seed("003_tianchang_2021_demonstration.yaml"); }

programme::AwardRule& Rule(Programme& p, const std::string& id) {
  for (auto& r : p.award_rules)
    if (r.id == id) return r;
  throw std::runtime_error("no rule " + id);
}

Quantity Q(const std::string& text, const std::string& unit) { return {text, unit}; }

// Evaluate() that must succeed.
Evaluation Eval(const EvalInput& in) {
  auto ev = Evaluate(in);
  EXPECT_TRUE(ev.ok()) << ev.error().message;
  return ev.ok() ? *ev : Evaluation{};
}

// A county's local tiers (what a 区商务局/区财政局 decision would fix), re-checked.
void SetLocal(Programme& p, const std::string& rule, programme::LocalValues v) {
  v.set_by = "区商务局、区财政局";
  v.reference = "测试文件〔2019〕1号";
  Rule(p, rule).local = v;
  auto issues = programme::Check(p, "test", nullptr);
  ASSERT_TRUE(issues.empty()) << programme::FormatIssue(issues[0]);
}

Subject Entity(int64_t id, int64_t uplink_fen, std::set<std::string> tags = {},
               std::set<std::string> flags = {"enterprise"}) {
  Subject s;
  s.kind = "entity";
  s.id = s.payee_entity_id = id;
  s.name = "企业" + std::to_string(id);
  s.region_code = "341302100000";
  s.flags = std::move(flags);
  s.region_tags = std::move(tags);
  s.metrics = {{"online_sales", uplink_fen}, {"uplink_online_sales", uplink_fen}};
  s.evidence = {{"online_sales", {id * 10 + 1, id * 10 + 2}},
                {"uplink_online_sales", {id * 10 + 1, id * 10 + 2}}};
  return s;
}

SubjectData Data(std::vector<Subject> entities, std::vector<Subject> brands = {},
                 std::vector<Subject> exports = {}) {
  SubjectData d;
  d.by_kind["entity"] = std::move(entities);
  d.by_kind["brand"] = std::move(brands);
  d.by_kind["export"] = std::move(exports);
  d.metrics = {"online_sales", "uplink_online_sales", "online_export_sales"};
  return d;
}

const Line* Find(const Evaluation& ev, const std::string& rule, int64_t id) {
  for (const auto& l : ev.lines)
    if (l.rule_id == rule && l.subject_id == id) return &l;
  return nullptr;
}

const RuleOutcome& Outcome(const Evaluation& ev, const std::string& rule) {
  for (const auto& r : ev.rules)
    if (r.rule_id == rule) return r;
  throw std::runtime_error("no outcome " + rule);
}

TEST(ApplyRate, RoundsHalfUpToTheFen) {
  EXPECT_EQ(ApplyRate(1999, 500), 100);  // 99.95 fen → 100
  EXPECT_EQ(ApplyRate(1, 5000), 1);      // 0.5 fen → 1
  EXPECT_EQ(ApplyRate(1, 4999), 0);
  EXPECT_EQ(ApplyRate(50 * kWan, 12000), 60 * kWan);                             // +20%
  EXPECT_EQ(ApplyRate(90'000'000'000'000'000, 12000), 108'000'000'000'000'000);  // no overflow
  // A result beyond int64 is refused, not wrapped to a negative amount.
  EXPECT_EQ(ApplyRate(INT64_MAX, 12000), std::nullopt);
  EXPECT_EQ(ApplyRate(INT64_MIN, 12000), std::nullopt);
}

// Issue 15 item 7: amounts and totals that leave int64 fail the evaluation with a clear error;
// before, the total wrapped negative and the list looked valid.
TEST(Overflow, TotalsBeyondInt64FailTheEvaluation) {
  Programme p;
  programme::AwardRule r;
  r.id = "X1";
  r.name = "固定奖励";
  r.subject = "entity";
  r.frequency = "yearly";
  r.amount.type = "fixed";
  r.amount.value = Quantity{"5000000000000000000", "分", 0, 5'000'000'000'000'000'000, "fen"};
  p.award_rules = {r};
  SubjectData d = Data({Entity(1, 0), Entity(2, 0)});
  auto ev = Evaluate({&p, "2019", &d, {}});
  ASSERT_FALSE(ev.ok()) << ev->total_fen;
  EXPECT_EQ(ev.error().code, ErrorCode::kConflict);
  EXPECT_NE(ev.error().message.find("超出可计算范围"), std::string::npos) << ev.error().message;
  // One subject alone fits: evaluated normally.
  SubjectData one = Data({Entity(1, 0)});
  EXPECT_EQ(Eval({&p, "2019", &one, {}}).total_fen, 5'000'000'000'000'000'000);
}

TEST(Overflow, AnUpliftBeyondInt64FailsTheEvaluation) {
  Programme p;
  programme::AwardRule r;
  r.id = "X2";
  r.name = "比例奖励";
  r.subject = "entity";
  r.frequency = "yearly";
  r.amount.type = "percentage";
  r.amount.of = "uplink_online_sales";
  r.amount.percent = Quantity{"200", "%", 0, 20000, "bp"};
  p.award_rules = {r};
  SubjectData d = Data({Entity(1, 6'000'000'000'000'000'000)});
  auto ev = Evaluate({&p, "2019", &d, {}});
  ASSERT_FALSE(ev.ok()) << ev->total_fen;
  EXPECT_EQ(ev.error().code, ErrorCode::kConflict);
}

// 002 二（二）: “超1000万元的农村电商企业……100万元以内的一次性分档奖励”, tiers set locally.
struct ThresholdCase {
  const char* name;
  int64_t uplink_fen;
  bool tiers_set;
  std::optional<int64_t> amount;  // nullopt: no line
  const char* status;
};

TEST(Yongqiao, EntityOver10MillionThresholdAndTiers) {
  const ThresholdCase cases[] = {
      {"exactly 1000万 is not 超1000万", 1000 * kWan, true, std::nullopt, nullptr},
      {"one fen over qualifies", 1000 * kWan + 1, true, 50 * kWan, "payable"},
      {"just below the tier boundary", 2000 * kWan - 1, true, 50 * kWan, "payable"},
      {"tier boundary is inclusive", 2000 * kWan, true, 100 * kWan, "payable"},
      {"top tier", 9000 * kWan, true, 100 * kWan, "payable"},
      {"no local tiers: flagged, not invented", 3000 * kWan, false, std::nullopt,
       "needs_local_setting"},
  };
  for (const auto& c : cases) {
    Programme p = Yongqiao();
    if (c.tiers_set) {
      programme::LocalValues v;
      v.tiers = {Tier{Q("1000", "万元"), Q("2000", "万元"), Q("50", "万元")},
                 Tier{Q("2000", "万元"), std::nullopt, Q("100", "万元")}};
      SetLocal(p, "R02", v);
    }
    SubjectData d = Data({Entity(7, c.uplink_fen)});
    Evaluation ev = Eval({&p, "2019", &d, {}});
    const Line* l = Find(ev, "R02", 7);
    if (!c.status) {
      EXPECT_EQ(l, nullptr) << c.name;
      continue;
    }
    ASSERT_NE(l, nullptr) << c.name;
    EXPECT_STREQ(LineStatusName(l->status), c.status) << c.name;
    EXPECT_EQ(l->amount_fen, c.amount) << c.name;
    EXPECT_EQ(l->explanation.metrics.at(0).value, c.uplink_fen) << c.name;
    EXPECT_EQ(l->explanation.metrics.at(0).record_ids, (std::vector<int64_t>{71, 72})) << c.name;
    EXPECT_EQ(l->explanation.set_locally, c.tiers_set) << c.name;
    if (c.tiers_set) EXPECT_EQ(l->explanation.set_by, "区商务局、区财政局") << c.name;
    EXPECT_EQ(l->explanation.cap_fen.value_or(0), c.tiers_set ? 100 * kWan : 0) << c.name;
  }
}

TEST(Yongqiao, CooperativeIsNotAnEnterprise) {
  Programme p = Yongqiao();
  SubjectData d = Data({Entity(8, 5000 * kWan, {}, {"cooperative"})});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Find(ev, "R02", 8), nullptr);
}

// 002 二（二） brands: “超100万元的农村电商品牌……30万元以内”.
TEST(Yongqiao, BrandOverOneMillion) {
  Programme p = Yongqiao();
  programme::LocalValues v;
  v.tiers = {Tier{Q("100", "万元"), std::nullopt, Q("30", "万元")}};
  SetLocal(p, "R03", v);
  Subject at = Entity(31, 100 * kWan), over = Entity(32, 100 * kWan + 1);
  at.kind = over.kind = "brand";
  SubjectData d = Data({}, {at, over});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Find(ev, "R03", 31), nullptr);
  ASSERT_NE(Find(ev, "R03", 32), nullptr);
  EXPECT_EQ(Find(ev, "R03", 32)->amount_fen, 30 * kWan);
}

// 002 二（六）: “年在线出口交易额50万美元以上……100万元以内的分档奖励” (>=, US cents).
TEST(Yongqiao, ExportThresholdInUsd) {
  Programme p = Yongqiao();
  programme::LocalValues v;
  v.tiers = {Tier{Q("50", "万美元"), Q("100", "万美元"), Q("20", "万元")},
             Tier{Q("100", "万美元"), std::nullopt, Q("50", "万元")}};
  SetLocal(p, "R11", v);
  auto exporter = [](int64_t id, int64_t usd_cents) {
    Subject s = Entity(id, 0);
    s.kind = "export";
    s.metrics = {{"online_export_sales", usd_cents}};
    s.evidence = {{"online_export_sales", {id}}};
    return s;
  };
  SubjectData d = Data(
      {}, {}, {exporter(1, 50'000'000 - 1), exporter(2, 50'000'000), exporter(3, 100'000'000)});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Find(ev, "R11", 1), nullptr);
  ASSERT_NE(Find(ev, "R11", 2), nullptr);
  EXPECT_EQ(Find(ev, "R11", 2)->amount_fen, 20 * kWan);
  EXPECT_EQ(Find(ev, "R11", 3)->amount_fen, 50 * kWan);
  EXPECT_EQ(Find(ev, "R11", 3)->explanation.metrics[0].unit, "us_cent");
}

// 002 without station, trainee, purchase or designation data: those rules say so, never 0.
TEST(Yongqiao, RulesWithoutDataSourceAreNotZero) {
  Programme p = Yongqiao();
  SubjectData d = Data({Entity(1, 5000 * kWan)});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  for (const char* id : {"R01", "R04", "R05", "R06", "R08", "R09", "R10"}) {
    EXPECT_EQ(Outcome(ev, id).status, RuleStatus::kNoDataSource) << id;
    EXPECT_EQ(Outcome(ev, id).lines, 0) << id;
  }
  // R07 is on entities, but without the matching module's attributed sales it has no source.
  EXPECT_EQ(Outcome(ev, "R07").status, RuleStatus::kNoDataSource);
  EXPECT_NE(Outcome(ev, "R07").reason.find("stable_purchase_cooperation"), std::string::npos);
}

// 002 R01 / R09 on stations: uplink sales of the year from the service records; R01 pays 1万
// from 5万 (the line names the records summed), R09's tiers are set locally.
TEST(Yongqiao, StationRulesReadTheServiceRecords) {
  Programme p = Yongqiao();
  auto station = [](int64_t id, int64_t uplink_fen) {
    Subject s;
    s.kind = "station";
    s.id = id;
    s.name = "站" + std::to_string(id);
    s.region_code = "341302100201";
    s.metrics = {{"uplink_online_sales", uplink_fen},
                 {"uplink_service_with_sales", uplink_fen},
                 {"station_service_performance", 10}};
    s.evidence = {{"uplink_online_sales", {id * 100 + 1, id * 100 + 2}},
                  {"uplink_service_with_sales", {id * 100 + 1, id * 100 + 2}},
                  {"station_service_performance", {id * 100 + 1}}};
    return s;
  };
  SubjectData d = Data({Entity(1, 5000 * kWan)});
  d.by_kind["station"] = {station(7, 5 * kWan - 1), station(8, 5 * kWan)};
  d.metrics.insert({"uplink_service_with_sales", "station_service_performance"});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Outcome(ev, "R01").status, RuleStatus::kEvaluated);
  EXPECT_EQ(Find(ev, "R01", 7), nullptr);
  const Line* l = Find(ev, "R01", 8);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->amount_fen, 1 * kWan);
  EXPECT_EQ(l->explanation.metrics.at(0).metric, "uplink_online_sales");
  EXPECT_EQ(l->explanation.metrics.at(0).record_ids, (std::vector<int64_t>{801, 802}));
  EXPECT_EQ(Outcome(ev, "R09").status, RuleStatus::kNeedsLocalSetting);
}

// 002 二（二）: 省级示范镇 15万元 (R04), 省级示范村 5万元 (R05): each rule pays the designations of
// its level and kind only, and the line names the recognising document.
TEST(Yongqiao, DemonstrationRulesPayDesignationsOfTheirLevelAndKind) {
  Programme p = Yongqiao();
  auto demo = [](int64_t id, const std::string& level, const std::string& kind) {
    Subject s;
    s.kind = "demonstration";
    s.id = id;
    s.name = "示范" + std::to_string(id);
    s.region_code = "341302100000";
    s.designation = DesignationRef{
        id,          level, kind, 2019, "皖商〔2019〕" + std::to_string(id) + "号", "安徽省商务厅",
        "2019-10-01"};
    return s;
  };
  SubjectData d = Data({});
  d.by_kind["demonstration"] = {demo(1, "province", "town"), demo(2, "county", "village"),
                                demo(3, "province", "village")};
  Evaluation ev = Eval({&p, "2019", &d, {}});
  ASSERT_NE(Find(ev, "R04", 1), nullptr);
  EXPECT_EQ(Find(ev, "R04", 1)->amount_fen, 15 * kWan);
  EXPECT_EQ(Find(ev, "R04", 1)->explanation.designation->document_no, "皖商〔2019〕1号");
  EXPECT_EQ(Find(ev, "R04", 2), nullptr);
  EXPECT_EQ(Find(ev, "R04", 3), nullptr);
  EXPECT_EQ(Outcome(ev, "R04").candidates, 1);
  ASSERT_NE(Find(ev, "R05", 3), nullptr);
  EXPECT_EQ(Find(ev, "R05", 3)->amount_fen, 5 * kWan);
  EXPECT_EQ(Find(ev, "R05", 2), nullptr);
  // R06 (区级示范村, “按照网销额择优评定”) has no threshold: it waits for a local setting.
  EXPECT_EQ(Outcome(ev, "R06").status, RuleStatus::kNeedsLocalSetting);
}

// 002 R08 “给予培训合格者1200元/人补贴”: each qualified person (a trainee subject, metric
// training_qualified = 1 for the session of the qualification) gets 1,200 yuan; the line names
// course, level and certificate code, and the person is masked.
TEST(Yongqiao, TraineeRulePaysEachQualifiedPerson) {
  Programme p = Yongqiao();
  auto trainee = [](int64_t id, const std::string& code) {
    Subject s;
    s.kind = "trainee";
    s.id = id;
    s.name = "张*";
    s.personal_name = true;
    s.region_code = "341302100201";
    s.metrics = {{"training_qualified", 1}};
    s.evidence = {{"training_qualified", {id}}};
    s.training =
        TrainingRef{id, id + 100, 5, "农村电商初级培训", "beginner", "初级班", code, "2019-06-03"};
    return s;
  };
  SubjectData d = Data({});
  d.by_kind["trainee"] = {trainee(1, "ABCDEFGHJK23"), trainee(2, "ZYXWVUTSRQ98")};
  d.metrics.insert("training_qualified");
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Outcome(ev, "R08").status, RuleStatus::kEvaluated);
  const Line* l = Find(ev, "R08", 1);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->amount_fen, 1200 * 100);
  ASSERT_TRUE(l->explanation.training.has_value());
  EXPECT_EQ(l->explanation.training->certificate_code, "ABCDEFGHJK23");
  EXPECT_EQ(l->explanation.metrics.at(0).record_ids, std::vector<int64_t>{1});
  EXPECT_EQ(Outcome(ev, "R08").payable_fen, 2400 * 100);
}

// 002 二（三）: “网络销售额5%内的奖励”: the rate is a maximum; without a local rate the line is
// flagged, with one it is computed and rounded half up.
TEST(Yongqiao, UpToRateNeedsLocalSetting) {
  Programme p = Yongqiao();
  auto& r = Rule(p, "R07");
  r.eligibility[0].metric = "online_sales";  // as if co-operation were recorded
  r.amount.of = "online_sales";              // and its sales were the entity's online sales
  r.eligibility[0].threshold = Q("0", "元");
  auto issues = programme::Check(p, "t", nullptr);
  ASSERT_TRUE(issues.empty());
  SubjectData d = Data({Entity(5, 1999)});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  ASSERT_NE(Find(ev, "R07", 5), nullptr);
  EXPECT_EQ(Find(ev, "R07", 5)->status, LineStatus::kNeedsLocalSetting);
  EXPECT_FALSE(Find(ev, "R07", 5)->amount_fen);
  programme::LocalValues v;
  v.percent = Q("5", "%");
  SetLocal(p, "R07", v);
  ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Find(ev, "R07", 5)->amount_fen, 100);  // 1999 × 5% = 99.95 → 100 fen
  EXPECT_EQ(Find(ev, "R07", 5)->explanation.percent_bp, 500);
}

// 002 R10 “对电商经营主体收购贫困村、贫困户农村产品的，给予收购金额10%以内的补助”: every buyer
// with purchases of the year is listed, its line names the purchases summed; the rate is a
// maximum, so the amount waits for the county's rate, then 10% of the purchases, rounded half up.
TEST(Yongqiao, PurchaseRuleNamesThePurchases) {
  Programme p = Yongqiao();
  auto buyer = [](int64_t id, int64_t fen, std::vector<int64_t> ids) {
    Subject s = Entity(id, 0);
    s.kind = "purchase";
    s.metrics = {{"purchase_from_poor", fen}, {"purchase_amount", fen}};
    s.evidence = {{"purchase_from_poor", ids}, {"purchase_amount", ids}};
    return s;
  };
  SubjectData d = Data({Entity(1, 0)});
  d.by_kind["purchase"] = {buyer(3, 1'250'05, {31, 32}), buyer(4, 0, {})};
  d.metrics.insert({"purchase_from_poor", "purchase_amount"});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Outcome(ev, "R10").status, RuleStatus::kEvaluated);
  EXPECT_EQ(Find(ev, "R10", 4), nullptr);  // nothing bought: not listed
  const Line* l = Find(ev, "R10", 3);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->status, LineStatus::kNeedsLocalSetting);
  EXPECT_EQ(l->explanation.metrics.at(0).metric, "purchase_from_poor");
  EXPECT_EQ(l->explanation.metrics.at(0).unit, "fen");
  EXPECT_EQ(l->explanation.metrics.at(0).record_ids, (std::vector<int64_t>{31, 32}));
  programme::LocalValues v;
  v.percent = Q("10", "%");
  SetLocal(p, "R10", v);
  ev = Eval({&p, "2019", &d, {}});
  l = Find(ev, "R10", 3);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->amount_fen, 12501);  // 125005 × 10% = 12500.5 → 12501 fen
  EXPECT_EQ(l->explanation.percent_base, 125005);
}

// 002 R07 “与农业基地或专业合作社开展稳定购销协作，按实效给予……网络销售额5%内的奖励”, as
// encoded: an entity with sales attributed to an agreement with a co-op or base is listed, its
// line names the attributed months (agreement_sales rows) and repeats the data edge's remark
// when a month was limited by the ledger; the amount waits for the county's rate.
TEST(Yongqiao, CooperationRuleNamesTheAttributedMonths) {
  Programme p = Yongqiao();
  Subject with = Entity(6, 9000), without = Entity(7, 9000);
  with.metrics["stable_purchase_cooperation"] = with.metrics["cooperation_online_sales"] = 4001;
  with.evidence["stable_purchase_cooperation"] =
      with.evidence["cooperation_online_sales"] = {61, 62};
  with.metric_notes["cooperation_online_sales"] = "按台账计：2019-05";
  SubjectData d = Data({with, without, Entity(8, 9000, {}, {"cooperative"})});
  d.by_kind["entity"][2].metrics["cooperation_online_sales"] = 5000;
  d.by_kind["entity"][2].metrics["stable_purchase_cooperation"] = 5000;
  d.metrics.insert({"stable_purchase_cooperation", "cooperation_online_sales"});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Outcome(ev, "R07").status, RuleStatus::kEvaluated);
  EXPECT_EQ(Find(ev, "R07", 7), nullptr);  // no attributed sales: not listed
  EXPECT_EQ(Find(ev, "R07", 8), nullptr);  // a co-operative is not an 电商企业
  const Line* l = Find(ev, "R07", 6);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->status, LineStatus::kNeedsLocalSetting);
  EXPECT_EQ(l->explanation.metrics.at(0).record_ids, (std::vector<int64_t>{61, 62}));
  EXPECT_NE(l->explanation.note.find("按台账计：2019-05"), std::string::npos);
  programme::LocalValues v;
  v.percent = Q("3", "%");
  SetLocal(p, "R07", v);
  ev = Eval({&p, "2019", &d, {}});
  l = Find(ev, "R07", 6);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->amount_fen, 120);  // 4001 × 3% = 120.03 → 120 fen
  EXPECT_EQ(l->explanation.percent_base, 4001);
  EXPECT_NE(l->explanation.note.find("按台账计"), std::string::npos);
  EXPECT_EQ(Find(ev, "R02", 6) ? Find(ev, "R02", 6)->explanation.note.find("按台账计")
                               : std::string::npos,
            std::string::npos);  // the remark is on the lines reading the metric only
}

Programme LuanCity() { return Seed("001_luan_2018_full_coverage.yaml"); }

// 001 二（五）13 as encoded: R03 lists the enterprises employing poor-household members in the
// year (the line names the employments), R05 the poor households whose first online shop opened
// in the year (once: a household awarded in an earlier year is already_awarded). Amounts are
// left to the county: every line waits for the local amount, then pays it.
struct PoorRuleCase {
  const char* name;
  const char* rule;
  Subject subject;
  bool listed;
  std::vector<int64_t> records;
};

Subject Employer(int64_t id, std::set<std::string> flags, std::vector<int64_t> employments) {
  Subject s = Entity(id, 0, {}, std::move(flags));
  if (employments.empty()) return s;
  s.metrics["poor_household_employment"] = static_cast<int64_t>(employments.size());
  s.evidence["poor_household_employment"] = std::move(employments);
  return s;
}

Subject ShopHousehold(int64_t id, int64_t shop) {
  Subject s;
  s.kind = "household";
  s.id = id;
  s.name = "张*户（淘宝：梨园小店）";
  s.personal_name = true;
  s.region_code = "341302100201";
  s.metrics["poor_household_online_shop"] = 1;
  s.evidence["poor_household_online_shop"] = {shop};
  return s;
}

TEST(LuanCity, PoorHouseholdRulesReadEmploymentAndShops) {
  const std::vector<PoorRuleCase> cases = {
      {"enterprise employing two members",
       "R03",
       Employer(1, {"enterprise", "employs_poor"}, {11, 12}),
       true,
       {11, 12}},
      {"enterprise employing nobody", "R03", Employer(2, {"enterprise"}, {}), false, {}},
      {"co-operative employing one: not an 企业",
       "R03",
       Employer(3, {"cooperative", "employs_poor"}, {31}),
       false,
       {}},
      {"household with its first shop this year", "R05", ShopHousehold(4, 41), true, {41}},
  };
  for (const auto& c : cases) {
    Programme p = LuanCity();
    SubjectData d = Data({});
    if (c.subject.kind == "household")
      d.by_kind["household"] = {c.subject};
    else
      d.by_kind["entity"] = {c.subject};
    d.metrics.insert({"poor_household_employment", "poor_household_online_shop"});
    Evaluation ev = Eval({&p, "2019", &d, {}});
    EXPECT_EQ(Outcome(ev, c.rule).status, RuleStatus::kEvaluated) << c.name;
    const Line* l = Find(ev, c.rule, c.subject.id);
    ASSERT_EQ(l != nullptr, c.listed) << c.name;
    if (!l) continue;
    EXPECT_EQ(l->status, LineStatus::kNeedsLocalSetting) << c.name;
    EXPECT_EQ(l->explanation.metrics.at(0).record_ids, c.records) << c.name;
    programme::LocalValues v;
    v.value = Q("2000", "元");
    SetLocal(p, c.rule, v);
    ev = Eval({&p, "2019", &d, {}});
    EXPECT_EQ(Find(ev, c.rule, c.subject.id)->amount_fen, 2000 * 100) << c.name;
  }
}

TEST(LuanCity, ShopHouseholdPaidOnce) {
  Programme p = LuanCity();
  SubjectData d = Data({});
  d.by_kind["household"] = {ShopHousehold(4, 41)};
  d.metrics.insert({"poor_household_online_shop"});
  std::vector<PriorAward> prior = {{"R05", "household", 4, "2018", 3, 1}};
  Evaluation ev = Eval({&p, "2019", &d, prior});
  ASSERT_NE(Find(ev, "R05", 4), nullptr);
  EXPECT_EQ(Find(ev, "R05", 4)->status, LineStatus::kAlreadyAwarded);
  // Without the data source (households not in the binary) the rule says so.
  d.by_kind.erase("household");
  ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Outcome(ev, "R05").status, RuleStatus::kNoDataSource);
}

// 000 三（二）: “对贫困县和大别山革命老区，按非贫困地区补助标准的20%上浮”.
struct UpliftCase {
  const char* name;
  std::set<std::string> tags;
  int64_t amount;
  const char* applied;
};

TEST(Luan, UpliftForPovertyCountyAndOldRevolutionaryArea) {
  const UpliftCase cases[] = {
      {"non-poverty region: the standard", {}, 50 * kWan, ""},
      {"poverty county: +20%", {"poverty_county"}, 60 * kWan, "poverty_county"},
      {"Dabie old revolutionary area: +20%",
       {"old_revolutionary_area"},
       60 * kWan,
       "old_revolutionary_area"},
      {"both: still +20%, not compounded",
       {"poverty_county", "old_revolutionary_area"},
       60 * kWan,
       "poverty_county"},
      {"a poverty village is not a poverty county", {"poverty_village"}, 50 * kWan, ""},
  };
  for (const auto& c : cases) {
    Programme p = Luan();
    programme::LocalValues v;
    v.tiers = {Tier{Q("1000", "万元"), std::nullopt, Q("50", "万元")}};
    SetLocal(p, "R05", v);
    SubjectData d = Data({Entity(9, 1500 * kWan, c.tags)});
    Evaluation ev = Eval({&p, "2019", &d, {}});
    const Line* l = Find(ev, "R05", 9);
    ASSERT_NE(l, nullptr) << c.name;
    EXPECT_EQ(l->amount_fen, c.amount) << c.name;
    EXPECT_EQ(l->explanation.base_fen, 50 * kWan) << c.name;
    std::string applied;
    for (const auto& m : l->explanation.multipliers)
      if (m.applied) applied = m.region_tag;
    EXPECT_EQ(applied, c.applied) << c.name;
  }
}

TEST(Luan, CapAppliesAfterUplift) {
  Programme p = Luan();
  auto& r = Rule(p, "R05");
  r.amount.cap = Q("55", "万元");
  programme::LocalValues v;
  v.tiers = {Tier{Q("1000", "万元"), std::nullopt, Q("50", "万元")}};
  SetLocal(p, "R05", v);
  SubjectData d = Data({Entity(9, 1500 * kWan, {"poverty_county"}), Entity(10, 1500 * kWan)});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  EXPECT_EQ(Find(ev, "R05", 9)->explanation.after_uplift_fen, 60 * kWan);
  EXPECT_EQ(Find(ev, "R05", 9)->amount_fen, 55 * kWan);
  EXPECT_TRUE(Find(ev, "R05", 9)->explanation.cap_applied);
  EXPECT_EQ(Find(ev, "R05", 10)->amount_fen, 50 * kWan);
  EXPECT_FALSE(Find(ev, "R05", 10)->explanation.cap_applied);
  EXPECT_EQ(ev.total_fen, 105 * kWan);
}

// 000 “分档一次性奖励”: once per subject across periods.
TEST(Luan, OnceOnlyAcrossPeriods) {
  Programme p = Luan();
  programme::LocalValues v;
  v.tiers = {Tier{Q("1000", "万元"), std::nullopt, Q("50", "万元")}};
  SetLocal(p, "R05", v);
  SubjectData d = Data({Entity(9, 1500 * kWan), Entity(10, 1500 * kWan)});
  std::vector<PriorAward> prior = {{"R05", "entity", 9, "2018", 4, 2},
                                   {"R05", "entity", 10, "2019", 5, 1}};
  Evaluation ev = Eval({&p, "2019", &d, prior});
  EXPECT_EQ(Find(ev, "R05", 9)->status, LineStatus::kAlreadyAwarded);
  EXPECT_FALSE(Find(ev, "R05", 9)->amount_fen);
  EXPECT_EQ(Find(ev, "R05", 9)->explanation.prior->period, "2018");
  // The same period's earlier approval is the list being revised, not an earlier award.
  EXPECT_EQ(Find(ev, "R05", 10)->amount_fen, 50 * kWan);
  EXPECT_EQ(ev.total_fen, 50 * kWan);
}

TEST(Luan, SeedAsEncodedFlagsEveryOpenPart) {
  Programme p = Luan();
  SubjectData d = Data({Entity(9, 1500 * kWan, {"poverty_county"})});
  Evaluation ev = Eval({&p, "2019", &d, {}});
  for (const char* id : {"R01", "R02", "R03", "R04", "R07", "R08"})
    EXPECT_EQ(Outcome(ev, id).status, RuleStatus::kNoDataSource) << id;
  ASSERT_NE(Find(ev, "R05", 9), nullptr);
  EXPECT_EQ(Find(ev, "R05", 9)->status, LineStatus::kNeedsLocalSetting);
  EXPECT_EQ(ev.total_fen, 0);
}

// The checker keeps local values inside what the seed allows.
TEST(LocalValues, CheckerRefusesValuesBeyondTheSeed) {
  struct Case {
    const char* rule;
    programme::LocalValues v;
    const char* message;
  };
  programme::LocalValues over_cap, over_rate, not_open;
  over_cap.tiers = {Tier{Q("1000", "万元"), std::nullopt, Q("120", "万元")}};
  over_rate.percent = Q("6", "%");
  not_open.value = Q("2", "万元");
  const Case cases[] = {{"R02", over_cap, "超过方案上限"},
                        {"R07", over_rate, "超过方案比例"},
                        {"R01", not_open, "只能填写方案留给地方的部分"}};
  for (const auto& c : cases) {
    Programme p = Yongqiao();
    Rule(p, c.rule).local = c.v;
    Rule(p, c.rule).local->set_by = "区财政局";
    auto issues = programme::Check(p, "t", nullptr);
    ASSERT_EQ(issues.size(), 1u) << c.rule;
    EXPECT_NE(issues[0].message.find(c.message), std::string::npos) << issues[0].message;
  }
}

TEST(Evaluate, IsDeterministic) {
  Programme p = Yongqiao();
  programme::LocalValues v;
  v.tiers = {Tier{Q("1000", "万元"), std::nullopt, Q("50", "万元")}};
  SetLocal(p, "R02", v);
  SubjectData d = Data({Entity(3, 2000 * kWan), Entity(1, 2000 * kWan), Entity(2, 1 * kWan)});
  Json a = Json::array(), b = Json::array();
  for (const auto& l : Eval({&p, "2019", &d, {}}).lines) a.push_back(LineJson(l));
  for (const auto& l : Eval({&p, "2019", &d, {}}).lines) b.push_back(LineJson(l));
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0]["subject_id"], 1);
  EXPECT_EQ(a[1]["subject_id"], 3);
}

TEST(Diff, AddedRemovedChanged) {
  auto line = [](const char* rule, int64_t id, std::optional<int64_t> amount) {
    Line l;
    l.rule_id = rule;
    l.subject_kind = "entity";
    l.subject_id = id;
    l.subject_name = "企业";
    l.amount_fen = amount;
    l.status = amount ? LineStatus::kPayable : LineStatus::kNeedsLocalSetting;
    return l;
  };
  EXPECT_FALSE(DiffLines({line("R02", 1, INT64_MAX), line("R02", 2, 1)}, {}).ok());
  Diff d = *DiffLines({line("R02", 1, 100), line("R02", 2, 200), line("R02", 3, 300)},
                      {line("R02", 1, 100), line("R02", 2, 250), line("R02", 4, 400)});
  ASSERT_EQ(d.entries.size(), 3u);
  EXPECT_EQ(d.entries[0].change, "changed");
  EXPECT_EQ(d.entries[0].old_amount_fen, 200);
  EXPECT_EQ(d.entries[0].new_amount_fen, 250);
  EXPECT_EQ(d.entries[1].change, "removed");
  EXPECT_EQ(d.entries[2].change, "added");
  EXPECT_EQ(d.unchanged, 1);
  EXPECT_EQ(d.old_total_fen, 600);
  EXPECT_EQ(d.new_total_fen, 750);
}

TEST(MaskName, NaturalPersonsOnly) {
  EXPECT_EQ(MaskName("张三家庭农场", true), "张***农场");
  EXPECT_EQ(MaskName("李四", true), "李*");
  EXPECT_EQ(MaskName("王小明", true), "王**");
  EXPECT_EQ(MaskName("宿州甲公司", false), "宿州甲公司");
}

}  // namespace
// 003 R03 电商服务站点择优扶持 (“加大考核和动态管理，根据业绩择优扶持”): the county sets the
// threshold in 分 and the amount; a station's latest assessment total of the year is read, the
// line names the assessment. Without a station assessment score there is no line.
TEST(Tianchang, StationAssessmentScoreAgainstALocalThresholdInPoints) {
  Programme p = Tianchang();
  SubjectData d = Data({});
  auto station = [](int64_t id, std::optional<int64_t> centi) {
    Subject s;
    s.kind = "station";
    s.id = id;
    s.name = "站" + std::to_string(id);
    s.region_code = "341181100201";
    if (centi) {
      s.metrics = {{"station_assessment_score", *centi}};
      s.evidence = {{"station_assessment_score", {id * 10}}};
    }
    return s;
  };
  d.by_kind["station"] = {station(1, 7999), station(2, 8000), station(3, std::nullopt)};
  d.metrics.insert("station_assessment_score");
  EXPECT_EQ(Outcome(Eval({&p, "2021", &d, {}}), "R03").status, RuleStatus::kNeedsLocalSetting);
  programme::LocalValues v;
  v.threshold = Q("80", "分");
  v.value = Q("2", "万元");
  SetLocal(p, "R03", v);
  Evaluation ev = Eval({&p, "2021", &d, {}});
  EXPECT_EQ(Outcome(ev, "R03").status, RuleStatus::kEvaluated);
  EXPECT_EQ(Find(ev, "R03", 1), nullptr);  // 79.99分
  EXPECT_EQ(Find(ev, "R03", 3), nullptr);  // not assessed
  const Line* l = Find(ev, "R03", 2);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->amount_fen, 2 * kWan);
  const MetricUse& m = l->explanation.metrics.at(0);
  EXPECT_EQ(m.metric, "station_assessment_score");
  EXPECT_EQ(m.unit, "centi_point");
  EXPECT_EQ(m.threshold, 8000);
  EXPECT_TRUE(m.threshold_set_locally);
  EXPECT_EQ(m.record_ids, (std::vector<int64_t>{20}));  // the assessment
}

}  // namespace ruralec::award
