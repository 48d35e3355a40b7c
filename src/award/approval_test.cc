// Award lists on a real (migrated) database: maker-checker approval, frozen versions, payable
// items for the fund ledger, and the data adapter reading the ledger and region tags.
#include <gtest/gtest.h>

#include "account/roles.h"
#include "award/award_json.h"
#include "award/data.h"
#include "award/lists.h"
#include "award/module.h"
#include "region/region.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::award {
namespace {

constexpr int64_t kWan = 10000 * 100;

class ApprovalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(runtime::testing::InstallGrants({&award::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    ASSERT_TRUE(account::SyncRoles(*c).ok());
    ann_ = User(*c, "ann", "county_staff");
    fin_ = User(*c, "fin", "finance_staff");
    ASSERT_TRUE(c->Exec("INSERT INTO programmes (county_code, programme_key, version, "
                        "content_sha256, name, kind, status, document_number, region_code, "
                        "source_file, source_text, loaded_at) VALUES ('341302000000', 'yq', 1, "
                        "'x', '方案', 'upgrade', 'final', '', '341302000000', 'f', '', 0)")
                    .ok());
    programme_id_ = c->QueryOne("SELECT id FROM programmes", {}, "p")->Int(0);
  }

  account::Principal User(storage::Connection& c, const std::string& name,
                          const std::string& role) {
    auto id = c.QueryOne(
        "INSERT INTO users (username, display_name, region_code, county_code, "
        "password_hash, password_changed_at, created_at, updated_at) VALUES "
        "(?, ?, '341302000000', '341302000000', 'x', 0, 0, 0) RETURNING id",
        {name, name}, "id");
    EXPECT_TRUE(id.ok());
    EXPECT_TRUE(c.Exec("INSERT INTO user_roles (user_id, role, county_code) VALUES (?, ?, "
                       "'341302000000')",
                       {id->Int(0), role})
                    .ok());
    account::Principal p;
    p.id = UserId{id->Int(0)};
    p.username = name;
    p.region = *RegionCode::Parse("341302");
    p.roles = {role};
    const auto* def = account::FindRole(role);
    p.permissions.insert(def->permissions.begin(), def->permissions.end());
    return p;
  }

  static Line Payable(int64_t subject, int64_t amount) {
    Line l;
    l.rule_id = "R02";
    l.subject_kind = "entity";
    l.subject_id = subject;
    l.payee_entity_id = subject;
    l.subject_name = "企业" + std::to_string(subject);
    l.region_code = "341302100000";
    l.amount_fen = amount;
    l.explanation.payable_after_acceptance = subject % 2 == 0;
    return l;
  }

  ListInfo Proposed(std::vector<Line> lines) {
    Evaluation ev;
    ev.period = "2019";
    for (auto& l : lines) ev.total_fen += l.amount_fen.value_or(0);
    ev.lines = std::move(lines);
    auto draft = lists_.CreateDraft(ann_, {programme_id_, "yq", *RegionCode::Parse("341302"), &ev});
    EXPECT_TRUE(draft.ok()) << draft.error().message;
    auto proposed = lists_.Propose(ann_, draft->id);
    EXPECT_TRUE(proposed.ok());
    return *proposed;
  }

  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  Lists lists_{tdb_.db(), audit_, clock_};
  account::Principal ann_, fin_;
  int64_t programme_id_ = 0;
};

TEST_F(ApprovalTest, MakerCannotApproveOwnList) {
  auto l = Proposed({Payable(1, 50 * kWan)});
  account::Principal ann_with_finance = ann_;
  ann_with_finance.permissions.insert("award:approve");
  {  // even with the finance role added, the maker may not check her own list
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("INSERT INTO user_roles (user_id, role, county_code) VALUES (?, "
                        "'finance_staff', '341302000000')",
                        {ann_.id.value})
                    .ok());
  }
  auto r = lists_.Approve(ann_with_finance, l.id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(lists_.Get(l.id)->status, "proposed");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'award.list.approve' AND "
                  "outcome = 'denied'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_payable_items"), 0);
}

TEST_F(ApprovalTest, ApproverWhoLostTheRoleIsRefused) {
  auto l = Proposed({Payable(1, 50 * kWan)});
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("DELETE FROM user_roles WHERE user_id = ?", {fin_.id.value}).ok());
  }
  auto r = lists_.Approve(fin_, l.id);  // the session still lists award:approve
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(lists_.Get(l.id)->status, "proposed");
}

TEST_F(ApprovalTest, DisabledApproverIsRefused) {
  auto l = Proposed({Payable(1, 50 * kWan)});
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("UPDATE users SET status = 'disabled' WHERE id = ?", {fin_.id.value}).ok());
  }
  EXPECT_EQ(lists_.Approve(fin_, l.id).error().code, ErrorCode::kForbidden);
}

TEST_F(ApprovalTest, ApproveIsIdempotentAndWritesPayableItems) {
  auto l = Proposed({Payable(1, 50 * kWan), Payable(2, 100 * kWan)});
  auto a = lists_.Approve(fin_, l.id);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->status, "approved");
  EXPECT_EQ(a->approved_by, fin_.id.value);
  EXPECT_FALSE(a->already);
  auto again = lists_.Approve(fin_, l.id);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_payable_items WHERE status = 'open'"), 2);
  EXPECT_EQ(Count("SELECT SUM(delta_fen) FROM award_payable_items"), 150 * kWan);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_payable_items WHERE acceptance_status = "
                  "'pending'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'award.list.approve' AND "
                  "outcome = 'success'"),
            1);
}

TEST_F(ApprovalTest, ApprovedListIsFrozenAndANewVersionSupersedesIt) {
  auto v1 = Proposed({Payable(1, 50 * kWan), Payable(3, 30 * kWan)});
  ASSERT_TRUE(lists_.Approve(fin_, v1.id).ok());
  EXPECT_EQ(lists_.Propose(ann_, v1.id).error().code, ErrorCode::kConflict);
  // The data changed: subject 1 now gets more, subject 3 dropped out.
  auto v2 = Proposed({Payable(1, 60 * kWan)});
  EXPECT_EQ(v2.version, 2);
  ASSERT_TRUE(lists_.Approve(fin_, v2.id).ok());
  EXPECT_EQ(lists_.Get(v1.id)->status, "superseded");
  EXPECT_EQ(lists_.Get(v1.id)->superseded_by, v2.id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_lines WHERE list_id = " + std::to_string(v1.id)),
            2);  // v1's lines are kept as they were
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_payable_items WHERE status = 'superseded'"), 2);
  EXPECT_EQ(Count("SELECT delta_fen FROM award_payable_items WHERE list_id = " +
                  std::to_string(v2.id) + " AND subject_id = 1"),
            10 * kWan);
  EXPECT_EQ(Count("SELECT delta_fen FROM award_payable_items WHERE list_id = " +
                  std::to_string(v2.id) + " AND subject_id = 3 AND line_id IS NULL"),
            -30 * kWan);
  // What the fund ledger owes in total for the period: the sum of every delta.
  EXPECT_EQ(Count("SELECT SUM(delta_fen) FROM award_payable_items"), 60 * kWan);
  // Approving the old version again is refused: it is superseded.
  EXPECT_FALSE(lists_.Approve(fin_, v1.id).ok() && !lists_.Approve(fin_, v1.id)->already);
}

// A county list and a town list of the same programme and period would pay a subject twice.
TEST_F(ApprovalTest, OverlappingScopesCannotBothBeApproved) {
  auto county = Proposed({Payable(1, 50 * kWan)});
  ASSERT_TRUE(lists_.Approve(fin_, county.id).ok());
  Evaluation ev;
  ev.period = "2019";
  ev.lines = {Payable(1, 50 * kWan)};
  auto town = lists_.CreateDraft(ann_, {programme_id_, "yq", *RegionCode::Parse("341302100"), &ev});
  ASSERT_TRUE(town.ok());
  ASSERT_TRUE(lists_.Propose(ann_, town->id).ok());
  auto r = lists_.Approve(fin_, town->id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().field, "scope_code");
}

TEST_F(ApprovalTest, VersionsListInsideAndAncestorScopes) {
  Evaluation ev;
  ev.period = "2019";
  for (const char* scope : {"3413", "341302", "341302100", "341302101"})
    ASSERT_TRUE(
        lists_.CreateDraft(ann_, {programme_id_, "yq", *RegionCode::Parse(scope), &ev}).ok());
  auto seen = lists_.Versions(*RegionCode::Parse("341302100"), programme_id_, "2019", {});
  ASSERT_TRUE(seen.ok());
  std::vector<std::string> scopes;
  for (const auto& l : seen->items) scopes.push_back(l.scope_code);
  EXPECT_EQ(scopes, (std::vector<std::string>{"341300000000", "341302000000", "341302100000"}));
  EXPECT_EQ(seen->total, 3);
}

// A line beyond a rule's 择优名额 is stored and read back with its status and place (migration
// 0035 widened award_lines.status), and approving the list pays only the payable line.
TEST_F(ApprovalTest, BeyondQuotaLinesAreStoredAndNotPaid) {
  Line paid = Payable(1, 2 * kWan), beyond = Payable(2, 2 * kWan);
  paid.explanation.quota = QuotaUse{1, 1, 1, true};
  beyond.status = LineStatus::kBeyondQuota;
  beyond.amount_fen.reset();
  beyond.explanation.quota = QuotaUse{1, 2, 1, false};
  beyond.explanation.note = "第2名，超出择优名额1个";
  auto list = Proposed({paid, beyond});
  auto approved = lists_.Approve(fin_, list.id);
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->total_fen, 2 * kWan);
  auto lines = lists_.AllLines(list.id);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 2u);
  const Line& back = (*lines)[1].line;
  EXPECT_EQ(back.status, LineStatus::kBeyondQuota);
  EXPECT_FALSE(back.amount_fen);
  ASSERT_TRUE(back.explanation.quota);
  EXPECT_EQ(back.explanation.quota->rank, 2);
  EXPECT_EQ(back.explanation.note, "第2名，超出择优名额1个");
  auto c = tdb_.db().Acquire();
  auto items = c->QueryOne("SELECT COUNT(*) FROM award_payable_items", {}, "items");
  ASSERT_TRUE(items.ok()) << items.error().message;
  EXPECT_EQ(items->Int(0), 1);
}

TEST_F(ApprovalTest, DraftCannotBeApproved) {
  Evaluation ev;
  ev.period = "2019";
  auto d = lists_.CreateDraft(ann_, {programme_id_, "yq", *RegionCode::Parse("341302"), &ev});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(lists_.Approve(fin_, d->id).error().code, ErrorCode::kConflict);
}

TEST_F(ApprovalTest, PriorAwardsComeFromApprovedListsOnly) {
  auto l = Proposed({Payable(1, 50 * kWan)});
  auto c = tdb_.db().Acquire();
  EXPECT_TRUE(LoadPriorAwards(*c, "yq", *RegionCode::Parse("341302"))->empty());
  ASSERT_TRUE(lists_.Approve(fin_, l.id).ok());
  auto prior = LoadPriorAwards(*c, "yq", *RegionCode::Parse("341302"));
  ASSERT_EQ(prior->size(), 1u);
  EXPECT_EQ((*prior)[0].subject_id, 1);
  EXPECT_EQ((*prior)[0].period, "2019");
}

// Issue 14 item 7: the store hands back the typed explanation (the rules and the approval never
// read JSON text), equal to what was stored.
TEST_F(ApprovalTest, StoredLinesComeBackWithTheirTypedExplanation) {
  Line l = Payable(2, 60 * kWan);  // even subject: payable after acceptance
  Explanation& e = l.explanation;
  e.rule_name = "企业分档奖励";
  e.amount_type = "tiers";
  e.metrics = {{"uplink_online_sales", 1500 * kWan, "fen", ">", 1000 * kWan, true, {11, 12}}};
  e.tier = TierUse{1, 1000 * kWan, 2000 * kWan, 50 * kWan};
  e.base_fen = 50 * kWan;
  e.multipliers = {{"poverty_county", 2000, true}, {"old_revolutionary_area", 1000, false}};
  e.after_uplift_fen = 60 * kWan;
  e.cap_fen = 100 * kWan;
  e.set_locally = true;
  e.set_by = "区商务局";
  e.frequency = "once";
  auto list = Proposed({l});
  auto lines = lists_.AllLines(list.id);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 1u);
  const Explanation& back = (*lines)[0].line.explanation;
  EXPECT_TRUE(back.payable_after_acceptance);
  EXPECT_EQ(back.rule_name, "企业分档奖励");
  ASSERT_EQ(back.metrics.size(), 1u);
  EXPECT_EQ(back.metrics[0].record_ids, (std::vector<int64_t>{11, 12}));
  EXPECT_TRUE(back.metrics[0].threshold_set_locally);
  ASSERT_TRUE(back.tier.has_value());
  EXPECT_EQ(back.tier->to, 2000 * kWan);
  ASSERT_EQ(back.multipliers.size(), 2u);
  EXPECT_TRUE(back.multipliers[0].applied);
  EXPECT_EQ(back.after_uplift_fen, 60 * kWan);
  EXPECT_EQ(ExplanationJson((*lines)[0].line), ExplanationJson(l));
}

// A stored explanation that cannot be read stops the approval with an error (before, the
// approval parsed the text itself and threw); nothing is half-written.
TEST_F(ApprovalTest, AnUnreadableStoredExplanationStopsTheApproval) {
  auto l = Proposed({Payable(2, 50 * kWan)});
  {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(
        c->Exec("UPDATE award_lines SET explanation = '{\"payable_after_acceptance\": 1' WHERE "
                "list_id = ?",
                {l.id})
            .ok());
  }
  auto r = lists_.Approve(fin_, l.id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().message.find("计算说明"), std::string::npos) << r.error().message;
  EXPECT_EQ(lists_.Get(l.id)->status, "proposed");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM award_payable_items"), 0);
}

// Issue 15 item 5: a county list read from one of its towns shows the town's totals.
TEST_F(ApprovalTest, TotalsOfACountyListSeenFromATownAreTheTowns) {
  Line a = Payable(1, 50 * kWan);  // in 341302100
  Line b = Payable(3, 30 * kWan);
  b.region_code = "341302101000";
  Evaluation ev;
  ev.period = "2019";
  ev.lines = {a, b};
  ev.total_fen = 80 * kWan;
  ev.rules = {{"R02", "企业分档奖励", "entity", RuleStatus::kEvaluated, "", 5, 2, 80 * kWan}};
  auto list = lists_.CreateDraft(ann_, {programme_id_, "yq", *RegionCode::Parse("341302"), &ev});
  ASSERT_TRUE(list.ok());
  auto county = lists_.Get(list->id, *RegionCode::Parse("341302"));
  ASSERT_TRUE(county.ok());
  EXPECT_EQ(county->total_fen, 80 * kWan);
  EXPECT_EQ(county->totals_scope_code, "341302000000");
  auto town = lists_.Get(list->id, *RegionCode::Parse("341302100"));
  ASSERT_TRUE(town.ok()) << town.error().message;
  EXPECT_EQ(town->total_fen, 50 * kWan);
  EXPECT_EQ(town->line_count, 1);
  EXPECT_EQ(town->payable_count, 1);
  EXPECT_EQ(town->totals_scope_code, "341302100000");
  ASSERT_EQ(town->rules.size(), 1u);
  EXPECT_EQ(town->rules[0].payable_fen, 50 * kWan);
  EXPECT_EQ(town->rules[0].lines, 1);
  auto versions = lists_.Versions(*RegionCode::Parse("341302101"), programme_id_, "2019", {});
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->items.size(), 1u);
  EXPECT_EQ(versions->items[0].total_fen, 30 * kWan);
  auto lines = lists_.AllLines(list->id, *RegionCode::Parse("341302101"));
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ((*lines)[0].line.subject_id, 3);
}

// Issue 15 item 7: ledger rows whose sum leaves int64 (written before the per-row cap, or by
// hand) fail the data load with a clear error; before, the sum wrapped negative and the entity
// silently missed every threshold.
TEST_F(ApprovalTest, LedgerSumsBeyondInt64FailTheLoad) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(c->Exec("INSERT INTO entities (id, county_code, region_code, uscc, name, kind, "
                      "created_at, updated_at) VALUES (1, '341302000000', '341302100000', "
                      "'91341302MA2N00001C', '甲公司', 'enterprise', 0, 0)")
                  .ok());
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(c->Exec("INSERT INTO sales_records (county_code, region_code, entity_id, period, "
                        "platform, direction, amount_fen, source, natural_key, created_at) "
                        "VALUES ('341302000000', '341302100000', 1, '2019-01', '淘宝', "
                        "'uplink', 4000000000000000000, 'form', ?, 0)",
                        {"k" + std::to_string(i)})
                    .ok());
  auto d = LoadSubjects(*c, *RegionCode::Parse("341302"), 2019);
  ASSERT_FALSE(d.ok()) << d->by_kind.at("entity")[0].metrics.at("uplink_online_sales");
  EXPECT_EQ(d.error().code, ErrorCode::kConflict);
  EXPECT_NE(d.error().message.find("甲公司"), std::string::npos) << d.error().message;
}

// The adapter: current ledger rows of the year with their ids, tags of ancestors, flags.
TEST_F(ApprovalTest, LoadSubjectsReadsLedgerTagsAndFlags) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(region::SetTags(*c, *RegionCode::Parse("341302"), {"poverty_county"}, 0).ok());
  auto entity = [&](const char* uscc, const char* name, const char* kind) {
    return c
        ->QueryOne(
            "INSERT INTO entities (county_code, region_code, uscc, name, kind, "
            "created_at, updated_at) VALUES ('341302000000', '341302100000', ?, ?, "
            "?, 0, 0) RETURNING id",
            {std::string(uscc), std::string(name), std::string(kind)}, "id")
        ->Int(0);
  };
  int64_t a = entity("91341302MA2N00001C", "甲公司", "enterprise");
  int64_t b = entity("92341302MA2N00002F", "张三家庭农场", "family_farm");
  auto sale = [&](int64_t e, const char* period, const char* dir, int64_t fen,
                  std::optional<int64_t> usd, int current) {
    return c
        ->QueryOne(
            "INSERT INTO sales_records (county_code, region_code, entity_id, period, "
            "platform, direction, amount_fen, export_usd_cents, source, natural_key, "
            "is_current, created_at) VALUES ('341302000000', '341302100000', ?, ?, "
            "'淘宝', ?, ?, ?, 'form', ?, ?, 0) RETURNING id",
            {e, std::string(period), std::string(dir), fen,
             usd ? storage::Value(*usd) : storage::Value(storage::Null{}),
             std::to_string(e) + period + dir + std::to_string(current), int64_t{current}},
            "id")
        ->Int(0);
  };
  int64_t r1 = sale(a, "2019-01", "uplink", 600 * kWan, std::nullopt, 1);
  int64_t r2 = sale(a, "2019-12", "uplink", 500 * kWan, 50'000'000, 1);
  int64_t r3 = sale(a, "2019-06", "downlink", 100 * kWan, std::nullopt, 1);
  sale(a, "2019-02", "uplink", 999 * kWan, std::nullopt, 0);  // superseded: ignored
  sale(a, "2020-01", "uplink", 999 * kWan, std::nullopt, 1);  // other year: ignored
  sale(b, "2019-03", "uplink", 1 * kWan, std::nullopt, 1);
  auto d = LoadSubjects(*c, *RegionCode::Parse("341302"), 2019);
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto& ents = d->by_kind.at("entity");
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(ents[0].metrics.at("uplink_online_sales"), 1100 * kWan);
  EXPECT_EQ(ents[0].metrics.at("online_sales"), 1200 * kWan);
  EXPECT_EQ(ents[0].evidence.at("uplink_online_sales"), (std::vector<int64_t>{r1, r2}));
  EXPECT_EQ(ents[0].evidence.at("online_sales"), (std::vector<int64_t>{r1, r2, r3}));
  EXPECT_TRUE(ents[0].flags.count("enterprise"));
  EXPECT_TRUE(ents[0].region_tags.count("poverty_county"));  // tag of the county, an ancestor
  EXPECT_TRUE(ents[1].personal_name);
  ASSERT_EQ(d->by_kind.at("export").size(), 1u);
  EXPECT_EQ(d->by_kind.at("export")[0].metrics.at("online_export_sales"), 50'000'000);
  EXPECT_EQ(d->by_kind.at("export")[0].evidence.at("online_export_sales"),
            (std::vector<int64_t>{r2}));
  EXPECT_TRUE(d->by_kind.at("station").empty());  // the station module answers: no station
}

// The station subject: a registered station with its current uplink service records of the
// year (a superseded one and another year's ignored), evidence naming the records.
TEST_F(ApprovalTest, LoadsStationsWithTheirServiceRecords) {
  auto c = tdb_.db().Acquire();
  int64_t st = c->QueryOne(
                    "INSERT INTO stations (county_code, region_code, level, name, status, "
                    "status_since, created_at, updated_at) VALUES ('341302', "
                    "'341302100000', 'town', '符离镇综合服务站', 'operating', "
                    "'2019-01-01', 0, 0) RETURNING id",
                    {}, "station")
                   ->Int(0);
  auto rec = [&](const char* period, const char* item, int64_t q, int64_t fen, int64_t current) {
    return c
        ->QueryOne(
            "INSERT INTO station_service_records (station_id, county_code, region_code, "
            "period, item, quantity, amount_fen, source, is_current, created_at) VALUES "
            "(?, '341302', '341302100000', ?, ?, ?, ?, 'form', ?, 0) RETURNING id",
            {st, std::string(period), std::string(item), q, fen, current}, "record")
        ->Int(0);
  };
  int64_t r1 = rec("2019-03", "uplink", 10, 3 * kWan, 1);
  int64_t r2 = rec("2019-09", "uplink", 12, 3 * kWan, 1);
  rec("2019-04", "uplink", 1, 99 * kWan, 0);  // superseded
  rec("2020-01", "uplink", 1, 99 * kWan, 1);  // another year
  int64_t r3 = rec("2019-05", "parcel_in", 200, 0, 1);
  auto d = LoadSubjects(*c, *RegionCode::Parse("341302"), 2019);
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto& stations = d->by_kind.at("station");
  ASSERT_EQ(stations.size(), 1u);
  EXPECT_EQ(stations[0].name, "符离镇综合服务站");
  EXPECT_EQ(stations[0].metrics.at("uplink_online_sales"), 6 * kWan);
  EXPECT_EQ(stations[0].evidence.at("uplink_online_sales"), (std::vector<int64_t>{r1, r2}));
  EXPECT_EQ(stations[0].metrics.at("station_service_performance"), 222);
  EXPECT_EQ(stations[0].evidence.at("station_service_performance"),
            (std::vector<int64_t>{r1, r2, r3}));
  EXPECT_TRUE(stations[0].flags.count("town_station"));
}

// 003 R03: a station's score is the total of its latest assessment of the year (centi-points),
// the assessment named as evidence; an assessment of another year is not read.
TEST_F(ApprovalTest, LoadsTheStationsLatestAssessmentOfTheYear) {
  auto c = tdb_.db().Acquire();
  int64_t st = c->QueryOne(
                    "INSERT INTO stations (county_code, region_code, level, name, status, "
                    "status_since, created_at, updated_at) VALUES ('341302', "
                    "'341302100201', 'village', '某村服务点', 'operating', "
                    "'2019-01-01', 0, 0) RETURNING id",
                    {}, "station")
                   ->Int(0);
  int64_t tpl = c->QueryOne(
                     "INSERT INTO station_assessment_templates (county_code, name, period_kind, "
                     "pass_mark, created_at, updated_at) VALUES ('341302', '年度考核', 'half', "
                     "60, 0, 0) RETURNING id",
                     {}, "template")
                    ->Int(0);
  auto assess = [&](const char* period, int64_t centi) {
    return c
        ->QueryOne(
            "INSERT INTO station_assessments (station_id, county_code, region_code, "
            "template_id, period, assessed_on, total_centi, passed, created_at, updated_at) "
            "VALUES "
            "(?, '341302', '341302100201', ?, ?, '2019-12-01', ?, 1, 0, 0) RETURNING id",
            {st, tpl, std::string(period), centi}, "assessment")
        ->Int(0);
  };
  assess("2019-H1", 7000);
  int64_t latest = assess("2019-H2", 8550);
  assess("2020-H1", 9900);
  auto d = LoadSubjects(*c, *RegionCode::Parse("341302"), 2019);
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto& stations = d->by_kind.at("station");
  ASSERT_EQ(stations.size(), 1u);
  EXPECT_EQ(stations[0].metrics.at("station_assessment_score"), 8550);
  EXPECT_EQ(stations[0].evidence.at("station_assessment_score"), (std::vector<int64_t>{latest}));
  EXPECT_TRUE(d->metrics.count("station_assessment_score"));
}

// The purchase subject: a buying entity with its current purchases from poor villages of the
// year (a superseded one and another year's ignored), evidence naming the purchases.
TEST_F(ApprovalTest, LoadsPurchasesFromThePoor) {
  auto c = tdb_.db().Acquire();
  int64_t e = c->QueryOne(
                   "INSERT INTO entities (county_code, region_code, uscc, name, kind, "
                   "created_at, updated_at) VALUES ('341302000000', '341302100000', "
                   "'91341302MA2N00001C', '甲公司', 'enterprise', 0, 0) RETURNING id",
                   {}, "id")
                  ->Int(0);
  auto buy = [&](const char* on, int64_t fen, int64_t current, const char* key) {
    return c
        ->QueryOne(
            "INSERT INTO purchases (entity_id, buyer_county_code, buyer_region_code, "
            "seller_kind, county_code, region_code, seller_name, product, quantity, unit, "
            "amount_fen, purchased_on, evidence_kind, evidence_no, natural_key, source, "
            "is_current, created_at) VALUES (?, '341302', '341302100000', 'village', '341302', "
            "'341302100201', '合作社', '酥梨', 1, '斤', ?, ?, 'receipt', 'R', ?, 'form', ?, 0) "
            "RETURNING id",
            {e, fen, std::string(on), std::string(key), current}, "purchase")
        ->Int(0);
  };
  int64_t p1 = buy("2019-03-01", 1000, 1, "a");
  int64_t p2 = buy("2019-12-31", 500, 1, "b");
  buy("2019-04-01", 99999, 0, "c");  // superseded
  buy("2020-01-01", 99999, 1, "d");  // another year
  auto d = LoadSubjects(*c, *RegionCode::Parse("341302"), 2019);
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto& buyers = d->by_kind.at("purchase");
  ASSERT_EQ(buyers.size(), 1u);
  EXPECT_EQ(buyers[0].name, "甲公司");
  EXPECT_EQ(buyers[0].payee_entity_id, e);
  EXPECT_TRUE(buyers[0].flags.count("enterprise"));
  EXPECT_EQ(buyers[0].metrics.at("purchase_from_poor"), 1500);
  EXPECT_EQ(buyers[0].evidence.at("purchase_amount"), (std::vector<int64_t>{p1, p2}));
  EXPECT_TRUE(d->metrics.count("purchase_from_poor"));
}

}  // namespace
}  // namespace ruralec::award
