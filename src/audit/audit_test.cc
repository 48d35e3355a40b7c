#include "audit/audit.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"
#include "storage/testing.h"

namespace ruralec::audit {
namespace {

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
  AuditLog log_{clock_};
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

}  // namespace
}  // namespace ruralec::audit
