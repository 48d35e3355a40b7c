// Award lists on a real (migrated) database: maker-checker approval, frozen versions, payable
// items for the fund ledger, and the data adapter reading the ledger and region tags.
#include <gtest/gtest.h>

#include "account/roles.h"
#include "award/data.h"
#include "award/lists.h"
#include "region/region.h"
#include "region/testing.h"
#include "storage/testing.h"

namespace ruralec::award {
namespace {

constexpr int64_t kWan = 10000 * 100;

class ApprovalTest : public ::testing::Test {
 protected:
  void SetUp() override {
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
  EXPECT_FALSE(d->by_kind.count("station"));
}

}  // namespace
}  // namespace ruralec::award
