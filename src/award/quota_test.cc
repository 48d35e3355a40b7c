// 003 R03's 择优名额 in the award engine (docs/AWARDS.md "择优名额"), table-driven from the
// seed as encoded (programmes/003) with the county's threshold, amount and a quota.
#include <gtest/gtest.h>

#include <cstdint>

#include "award/award.h"
#include "award/award_json.h"
#include "programme/check.h"
#include "programme/yaml_reader.h"

namespace ruralec::award {
namespace {

constexpr int64_t kWan = 10000 * 100;  // 1万元 in fen

// 003 with the county's 80分 threshold, 2万元 per station and `quota` on R03, checked.
programme::Programme Tianchang(std::optional<int> quota) {
  auto parsed = programme::ReadProgrammeFile(std::string(RURALEC_SOURCE_DIR) +
                                             "/programmes/003_tianchang_2021_demonstration.yaml");
  EXPECT_TRUE(parsed.issues.empty());
  programme::Programme p = parsed.programme;
  for (auto& r : p.award_rules) {
    if (r.id != "R03") continue;
    programme::LocalValues v;
    v.set_by = "市商务局";
    v.threshold = programme::Quantity{"80", "分"};
    v.value = programme::Quantity{"2", "万元"};
    r.local = v;
    r.quota = quota;
  }
  auto issues = programme::Check(p, "test", nullptr);
  EXPECT_TRUE(issues.empty()) << (issues.empty() ? "" : programme::FormatIssue(issues[0]));
  return p;
}

// Stations 1…n with the given scores (hundredths of a point).
SubjectData Stations(const std::vector<int64_t>& centi) {
  SubjectData d;
  for (size_t i = 0; i < centi.size(); ++i) {
    Subject s;
    s.kind = "station";
    s.id = static_cast<int64_t>(i) + 1;
    s.name = "站" + std::to_string(s.id);
    s.region_code = "341181100201";
    s.metrics = {{"station_assessment_score", centi[i]}};
    d.by_kind["station"].push_back(s);
  }
  d.metrics.insert("station_assessment_score");
  return d;
}

Evaluation Eval(const programme::Programme& p, const SubjectData& d) {
  auto ev = Evaluate({&p, "2021", &d, {}});
  EXPECT_TRUE(ev.ok()) << ev.error().message;
  return ev.ok() ? *ev : Evaluation{};
}

const Line* Find(const Evaluation& ev, int64_t id) {
  for (const auto& l : ev.lines)
    if (l.rule_id == "R03" && l.subject_id == id) return &l;
  return nullptr;
}

// The stations at the threshold ranked by score; those whose rank and equals fit the quota are
// paid, the others get a beyond_quota line with no amount saying why; equals across the cut are
// all beyond it (the county decides).
TEST(AwardQuota, RanksStationsByAssessmentScore) {
  struct Case {
    const char* name;
    std::vector<int64_t> centi;  // station i+1's score; below 8000 is not eligible
    std::optional<int> quota;
    std::string statuses;    // per station: p payable, b beyond quota, - no line
    std::vector<int> ranks;  // per line, in station order (0: no quota)
  };
  const Case cases[] = {
      {"no quota: every eligible station",
       {9000, 8500, 8000, 7000},
       std::nullopt,
       "ppp-",
       {0, 0, 0}},
      {"quota 2 of 3", {8500, 9000, 8000, 7000}, 2, "ppb-", {2, 1, 3}},
      {"quota above the eligible", {9000, 8500, 7000}, 5, "pp-", {1, 2}},
      {"a tie across the cut", {9000, 8500, 8500, 8000}, 2, "pbbb", {1, 2, 2, 4}},
      {"the tie fits", {9000, 8500, 8500, 8000}, 3, "pppb", {1, 2, 2, 4}},
      {"the ineligible take no place", {7999, 8100}, 1, "-p", {1}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Evaluation ev = Eval(Tianchang(c.quota), Stations(c.centi));
    std::string got;
    std::vector<int> ranks;
    int64_t paid = 0;
    for (size_t i = 0; i < c.centi.size(); ++i) {
      const Line* l = Find(ev, static_cast<int64_t>(i) + 1);
      if (!l) {
        got += '-';
        continue;
      }
      bool beyond = l->status == LineStatus::kBeyondQuota;
      got += l->status == LineStatus::kPayable ? 'p' : beyond ? 'b' : '?';
      ranks.push_back(l->explanation.quota ? l->explanation.quota->rank : 0);
      if (beyond) {
        EXPECT_FALSE(l->amount_fen);
        EXPECT_NE(l->explanation.note.find("名"), std::string::npos) << l->explanation.note;
      } else {
        EXPECT_EQ(l->amount_fen, 2 * kWan);
        paid += l->amount_fen.value_or(0);
      }
    }
    EXPECT_EQ(got, c.statuses);
    EXPECT_EQ(ranks, c.ranks);
    for (const auto& o : ev.rules)
      if (o.rule_id == "R03") EXPECT_EQ(o.payable_fen, paid);
  }
}

TEST(AwardQuota, BeyondQuotaSaysTheRankAndTheTie) {
  Evaluation ev = Eval(Tianchang(2), Stations({9000, 8525, 8525, 8050}));
  EXPECT_EQ(Find(ev, 2)->explanation.note,
            "并列第2名（站点考核得分 85.25分），2个并列争剩余1个名额，未自动入选，由地方决定");
  EXPECT_EQ(Find(ev, 4)->explanation.note, "第4名（站点考核得分 80.50分），超出择优名额2个");
  const QuotaUse& q = *Find(ev, 2)->explanation.quota;
  EXPECT_EQ(q.places, 2);
  EXPECT_EQ(q.tied, 2);
  EXPECT_FALSE(q.within);
  EXPECT_EQ(LineStatusName(LineStatus::kBeyondQuota), std::string("beyond_quota"));
  EXPECT_EQ(ParseLineStatus("beyond_quota"), LineStatus::kBeyondQuota);
  // The stored explanation keeps the place (lists are read back from it).
  Json j = ExplanationJson(*Find(ev, 2));
  EXPECT_EQ(j["status"], "beyond_quota");
  EXPECT_EQ(j["quota"]["rank"], 2);
  auto back = ExplanationFromJson(j.dump());
  ASSERT_TRUE(back.ok());
  ASSERT_TRUE(back->quota);
  EXPECT_EQ(back->quota->tied, 2);
}

}  // namespace
}  // namespace ruralec::award
