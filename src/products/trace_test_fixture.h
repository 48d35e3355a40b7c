// The fixture of the traceability tests (trace_test.cc, public_trace_test.cc): a county with
// a business, its admitted product with a GTIN, and batch L20231101 of it; helpers to record
// the seven steps and to tamper with the database. Tests only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "entity/entity.h"
#include "products/module.h"
#include "products/products.h"
#include "products/trace.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::products::trace::fixture {

inline int64_t NoonOf(const char* day) {
  return CivilDate::Parse(day)->DaysSinceEpoch() * 86'400'000 + 4 * 3'600'000;
}

class TraceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&products::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
    sibling_ = runtime::testing::PrincipalWithRole("341302101", "town_staff", 9);
    clock_.Set(NoonOf("2023-11-15"));
    entity::NewEntity e;
    e.uscc = "91341302MA2NAP9013";
    e.name = "符离电商有限公司";
    e.region = *RegionCode::Parse("341302100201");
    auto id = entity::Insert(*c, cipher_, county_, e, clock_.NowMs());
    ASSERT_TRUE(id.ok());
    entity_ = *id;
    ProductInput in;
    in.entity_id = *id;
    in.name = "符离集烧鸡";
    in.category = "农副加工品";
    in.gtin = "6901234567892";
    products::Deps pd{tdb_.db(), audit_, clock_};
    auto p = products::Create(pd, county_, in);
    ASSERT_TRUE(p.ok()) << p.error().message;
    product_ = p->product.id;
    BatchInput b{product_, "L20231101", "500", "KGM", CivilDate(2023, 11, 1)};
    EXPECT_EQ(CreateBatch(Dp(), county_, b).error().field, "product_id");  // not admitted yet
    const std::vector<std::pair<Admission, const char*>> moves = {{Admission::kApplied, "a"},
                                                                  {Admission::kAdmitted, "b"}};
    for (auto [to, key] : moves) {
      AdmissionCommand cmd;
      cmd.to = to;
      cmd.idempotency_key = key;
      cmd.checklist = {"certification", "grade", "packaging", "business"};
      if (to == Admission::kApplied) cmd.checklist.clear();
      ASSERT_TRUE(products::Apply(pd, county_, product_, cmd).ok());
    }
    auto batch = CreateBatch(Dp(), county_, b);
    ASSERT_TRUE(batch.ok()) << batch.error().message;
    batch_ = batch->batch.id;
    EXPECT_EQ(EpcClass(batch->batch), "https://id.gs1.org/01/06901234567892/10/L20231101");
    EXPECT_EQ(batch->batch.public_code.size(), 16u);
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_, mac_}; }
  EventInput Ev(const char* step, const char* time) {
    EventInput in;
    in.step = step;
    in.event_time = time;
    return in;
  }
  void Exec(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec(sql).ok()) << sql;
  }
  VerifyReport Check() {
    auto c = tdb_.db().Acquire();
    auto r = Verify(*c, mac_);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : VerifyReport{};
  }
  std::vector<Event> RecordSeven() {
    std::vector<Event> out;
    EventInput plant = Ev("planting", "2023-03-01T08:00:00+08:00");
    plant.harvest_start = CivilDate(2023, 10, 1);
    plant.harvest_end = CivilDate(2023, 10, 20);
    EventInput process = Ev("processing", "2023-11-02T09:00:00+08:00");
    process.input_quantity = "650";
    process.quantity = "500";
    process.uom = "KGM";
    EventInput inspect = Ev("inspecting", "2023-11-03T10:00:00+08:00");
    inspect.test_report = "JC-2023-1103";
    inspect.result = "pass";
    for (EventInput in : {plant, Ev("breeding", "2023-03-02T08:00:00+08:00"), process,
                          Ev("packing", "2023-11-03T08:00:00+08:00"), inspect,
                          Ev("shipping", "2023-11-04T08:00:00+08:00"),
                          Ev("selling", "2023-11-05T08:00:00+08:00")}) {
      auto e = RecordEvent(Dp(), county_, batch_, in);
      EXPECT_TRUE(e.ok()) << in.step << ": " << e.error().message;
      if (e.ok()) out.push_back(*e);
    }
    return out;
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  crypto::RecordMac mac_ = crypto::RecordMac::FromKey({5, 5});
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  account::Principal county_, sibling_;
  int64_t entity_ = 0, product_ = 0, batch_ = 0;
};

}  // namespace ruralec::products::trace::fixture
