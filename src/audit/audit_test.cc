#include "audit/audit.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "storage/testing.h"

namespace ruralec::audit {
namespace {

crypto::RecordMac TestMac(unsigned char seed = 1) {
  std::array<unsigned char, 32> key{};
  key[0] = seed;
  return crypto::RecordMac::FromKey(key);
}

// The pre-keyed (legacy) row hash, as version 0010 and earlier wrote it: SHA-256 over
// length-prefixed fields, county_code not included. An attacker needs no key to compute it.
std::string LegacyHash(const std::string& prev, const storage::Row& row) {
  std::string c;
  auto field = [&c](std::string_view v) {
    c += std::to_string(v.size()) + ":" + std::string(v) + ";";
  };
  field(prev);
  field(std::to_string(row.Int(0)));
  field(std::to_string(row.Int(1)));
  field(row.IsNull(2) ? "" : std::to_string(row.Int(2)));
  for (int i = 3; i <= 11; ++i) field(row.Text(i));
  return crypto::Sha256Hex(c);
}

// Recomputes prev_hash/hash of rows from `from` on, and the head, with the unkeyed algorithm:
// what anyone who can write the database file could do after editing row `from`.
void RechainUnkeyed(storage::Connection& c, int64_t from = 1) {
  auto rows = c.Query(
      "SELECT seq, at, user_id, username, role, ip, action, object_type, object_id, outcome, "
      "detail, region_code FROM audit_log WHERE seq >= ? ORDER BY seq",
      {from});
  ASSERT_TRUE(rows.ok());
  std::string prev(64, '0');
  auto before = c.Query("SELECT hash FROM audit_log WHERE seq = ?", {from - 1});
  ASSERT_TRUE(before.ok());
  if (!before->empty()) prev = before->at(0).Text(0);
  for (const auto& row : *rows) {
    std::string h = LegacyHash(prev, row);
    ASSERT_TRUE(
        c.Exec("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", {prev, h, row.Int(0)})
            .ok());
    prev = h;
  }
  ASSERT_TRUE(c.Exec("UPDATE audit_head SET hash = ? WHERE id = 1", {prev}).ok());
}

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    auto c = tdb_.db().Acquire();
    for (int i = 1; i <= 5; ++i) {
      Entry e{{int64_t{i}, "u" + std::to_string(i), "system_admin", "127.0.0.1", "341302000000"},
              "user.create",
              "user",
              std::to_string(i),
              Outcome::kSuccess,
              "{\"after\":1}"};
      ASSERT_TRUE(log_.Append(*c, e).ok());
      clock_.Advance(1000);
    }
  }
  VerifyReport Verify() {
    auto c = tdb_.db().Acquire();
    auto r = log_.Verify(*c);
    EXPECT_TRUE(r.ok());
    return *r;
  }
  void Sql(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec(sql).ok()) << sql;
  }
  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  AuditLog log_{clock_, TestMac()};
};

TEST_F(AuditTest, IntactChainVerifies) {
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.checked, 5);
}

TEST_F(AuditTest, EditedRowIsNamed) {
  Sql("UPDATE audit_log SET outcome = 'failure' WHERE seq = 3");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_F(AuditTest, DeletedRowIsNamed) {
  Sql("DELETE FROM audit_log WHERE seq = 2");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_F(AuditTest, DeletedTailIsDetected) {
  Sql("DELETE FROM audit_log WHERE seq = 5");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 5);
}

TEST_F(AuditTest, SwappedRowsAreDetectedAtTheFirst) {
  // Swap the contents of rows 2 and 4 (including their hashes): a reorder.
  Sql("UPDATE audit_log SET seq = -2 WHERE seq = 2");
  Sql("UPDATE audit_log SET seq = 2 WHERE seq = 4");
  Sql("UPDATE audit_log SET seq = 4 WHERE seq = -2");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_F(AuditTest, EditedRowWithRecomputedUnkeyedChainFails) {
  Sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 3");
  auto c = tdb_.db().Acquire();
  RechainUnkeyed(*c, 3);
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_F(AuditTest, CountyCodeEditIsDetected) {
  Sql("UPDATE audit_log SET county_code = '341303000000' WHERE seq = 2");
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_F(AuditTest, CutTailWithRewoundHeadIsDetected) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(c->Exec("DELETE FROM audit_log WHERE seq = 5").ok());
  ASSERT_TRUE(c->Exec("UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE "
                      "seq = 4) WHERE id = 1")
                  .ok());
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
}

TEST_F(AuditTest, AnotherKeyDoesNotVerify) {
  auto c = tdb_.db().Acquire();
  AuditLog other{clock_, TestMac(2)};
  auto r = other.Verify(*c);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->ok);
}

TEST_F(AuditTest, ListFiltersAndPaginatesNewestFirst) {
  auto c = tdb_.db().Acquire();
  auto p = log_.List(*c, Filter{.username = "u4"}, PageRequest{});
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->total, 1);
  EXPECT_EQ(p->items[0].object_id, "4");
  auto all = log_.List(*c, Filter{}, PageRequest{.page = 2, .page_size = 2});
  EXPECT_EQ(all->total, 5);
  ASSERT_EQ(all->items.size(), 2u);
  EXPECT_EQ(all->items[0].seq, 3);
}

TEST_F(AuditTest, RolledBackAppendLeavesNoGap) {
  auto c = tdb_.db().Acquire();
  Status st = storage::InTransaction(*c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(log_.Append(*c, Entry{{}, "x", "y", "z", Outcome::kFailure, ""}));
    return Error::Invalid("f", "abort");
  });
  EXPECT_FALSE(st.ok());
  ASSERT_TRUE(log_.Append(*c, Entry{{}, "x", "y", "z", Outcome::kSuccess, ""}).ok());
  VerifyReport r = Verify();
  EXPECT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.checked, 6);
}

// A database migrated from the unkeyed version: its rows stay legacy, the first append anchors
// them with an audited entry, and from then on editing a legacy row is detected too.
class LegacyAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    auto c = tdb_.db().Acquire();
    for (int i = 1; i <= 3; ++i) {
      ASSERT_TRUE(c->Exec("INSERT INTO audit_log (seq, at, user_id, username, role, ip, action, "
                          "object_type, object_id, outcome, detail, region_code, county_code, "
                          "prev_hash, hash) VALUES (?, ?, NULL, 'old', 'county_staff', 'ip', "
                          "'user.create', 'user', ?, 'success', '', '341302000000', "
                          "'341302000000', '', '')",
                          {int64_t{i}, int64_t{1000 * i}, std::to_string(i)})
                      .ok());
    }
    RechainUnkeyed(*c);
    // What migration 0012 does to such a database.
    ASSERT_TRUE(
        c->Exec("UPDATE audit_head SET seq = 3, keyed_from = 4, mac = '' WHERE id = 1").ok());
  }
  VerifyReport Verify() {
    auto c = tdb_.db().Acquire();
    auto r = log_.Verify(*c);
    EXPECT_TRUE(r.ok());
    return *r;
  }
  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  AuditLog log_{clock_, TestMac()};
};

TEST_F(LegacyAuditTest, LegacyRowsVerifyAndTheFirstAppendAnchorsThem) {
  VerifyReport before = Verify();
  EXPECT_TRUE(before.ok) << before.reason;
  EXPECT_EQ(before.legacy, 3);
  EXPECT_EQ(before.keyed_from, 4);
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(log_.Append(*c, Entry{{}, "x", "y", "z", Outcome::kSuccess, ""}).ok());
  auto anchor = c->QueryOne("SELECT action, object_id FROM audit_log WHERE seq = 4", {}, "");
  ASSERT_TRUE(anchor.ok());
  EXPECT_EQ(anchor->Text(0), "audit.chain.keyed");
  EXPECT_EQ(anchor->Text(1), "1-3");
  VerifyReport after = Verify();
  EXPECT_TRUE(after.ok) << after.reason;
  EXPECT_EQ(after.checked, 5);
  EXPECT_EQ(after.legacy, 3);
}

TEST_F(LegacyAuditTest, EditedLegacyRowIsDetectedOnceAnchored) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(log_.Append(*c, Entry{{}, "x", "y", "z", Outcome::kSuccess, ""}).ok());
  ASSERT_TRUE(c->Exec("UPDATE audit_log SET detail = 'edited' WHERE seq = 2").ok());
  // Re-chain the legacy part (and, to be thorough, the anchor's stored prev_hash).
  auto rows = c->Query(
      "SELECT seq, at, user_id, username, role, ip, action, object_type, object_id, outcome, "
      "detail, region_code FROM audit_log WHERE seq <= 3 ORDER BY seq");
  std::string prev(64, '0');
  for (const auto& row : *rows) {
    prev = LegacyHash(prev, row);
    ASSERT_TRUE(c->Exec("UPDATE audit_log SET hash = ? WHERE seq = ?", {prev, row.Int(0)}).ok());
    ASSERT_TRUE(
        c->Exec("UPDATE audit_log SET prev_hash = ? WHERE seq = ?", {prev, row.Int(0) + 1}).ok());
  }
  VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 4);
}

// Reads and verify details keep to the caller's region; rows without a region (operator, anonymous
// sign-in attempts) belong to callers at county level or above.
class ScopedAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    auto c = tdb_.db().Acquire();
    for (const char* region :
         {"341302001000", "341302002000", "341303000000", "341300000000", ""}) {
      Entry e{
          {{}, std::string("u") + region, "r", "ip", region}, "a", "t", "", Outcome::kSuccess, ""};
      ASSERT_TRUE(log_.Append(*c, e).ok());
    }
  }
  std::vector<std::string> Regions(const char* scope) {
    auto c = tdb_.db().Acquire();
    auto p = log_.List(*c, Filter{.scope = *RegionCode::Parse(scope)}, PageRequest{});
    EXPECT_TRUE(p.ok());
    std::vector<std::string> out;
    for (const auto& r : p->items) out.push_back(r.region_code);
    EXPECT_EQ(p->total, static_cast<int64_t>(out.size()));
    return out;
  }
  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  AuditLog log_{clock_, TestMac()};
};

TEST_F(ScopedAuditTest, ListKeepsToTheCallersSubtree) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Regions("341302000000"), (V{"", "341302002000", "341302001000"}));
  EXPECT_EQ(Regions("341302001000"), (V{"341302001000"}));
  EXPECT_EQ(Regions("341303000000"), (V{"", "341303000000"}));
  EXPECT_EQ(Regions("341300000000"),
            (V{"", "341300000000", "341303000000", "341302002000", "341302001000"}));
}

TEST_F(ScopedAuditTest, VerifyNamesOnlyEditedRowsInScope) {
  auto c = tdb_.db().Acquire();
  ASSERT_TRUE(c->Exec("UPDATE audit_log SET detail = 'x' WHERE region_code = '341303000000'").ok());
  auto mine = log_.Verify(*c, *RegionCode::Parse("341302000000"));
  ASSERT_TRUE(mine.ok());
  EXPECT_FALSE(mine->ok);
  EXPECT_FALSE(mine->first_bad_seq.has_value());
  EXPECT_EQ(mine->reason.find("341303"), std::string::npos);
  auto theirs = log_.Verify(*c, *RegionCode::Parse("341303000000"));
  EXPECT_FALSE(theirs->ok);
  EXPECT_EQ(theirs->first_bad_seq, 3);
  ASSERT_TRUE(c->Exec("UPDATE audit_log SET detail = '' WHERE region_code = '341303000000'").ok());
  auto town = log_.Verify(*c, *RegionCode::Parse("341302001000"));
  EXPECT_TRUE(town->ok) << town->reason;
  EXPECT_EQ(town->checked, 1);
}

}  // namespace
}  // namespace ruralec::audit
