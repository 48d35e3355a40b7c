// The public trace page (public_trace.h) and the batch's identifiers (links.h): what anyone with
// the code sees — the business name and never a person's data —, events by time with
// corrections flagged, the chain's verdict, one scan counted per lookup; failed lookups limited
// per address; Digital Links with a GTIN or the county item code.
#include "products/public_trace.h"

#include <gtest/gtest.h>

#include "core/validate.h"
#include "products/links.h"
#include "products/scan_store.h"
#include "products/trace_store.h"
#include "products/trace_test_fixture.h"

namespace ruralec::products::trace {
namespace {

using fixture::NoonOf;

class PublicTraceTest : public fixture::TraceTest {
 protected:
  std::string Code() {
    auto c = tdb_.db().Acquire();
    auto b = store::GetBatch(*c, batch_);
    return (*b)->public_code;
  }
  int64_t Scans(const char* day) {
    auto c = tdb_.db().Acquire();
    auto rows = store::ScansOf(*c, batch_, *CivilDate::Parse(day), *CivilDate::Parse(day));
    return rows->empty() ? 0 : rows->front().scans;
  }
  WindowCounter misses_{clock_, kPublicMisses, kPublicWindowMs};
};

TEST_F(PublicTraceTest, ShowsTheProductTheBusinessAndTheTimelineButNoPerson) {
  CertificationInput c;
  c.product_id = product_;
  c.kind = "green_food";
  c.number = "LB-18-23110001";
  c.issuer = "中国绿色食品发展中心";
  c.valid_from = CivilDate(2021, 1, 1);
  c.valid_to = CivilDate(2024, 12, 31);
  ASSERT_TRUE(AddCertification({tdb_.db(), audit_, clock_}, county_, c).ok());
  c.number = "LB-18-20110001";  // an expired one: not shown
  c.valid_to = CivilDate(2022, 12, 31);
  ASSERT_TRUE(AddCertification({tdb_.db(), audit_, clock_}, county_, c).ok());
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  CorrectionInput fix;  // the shipping event corrected: flagged, the corrective event listed
  fix.note = "车辆记错（经办人张三）";
  fix.corrective = Ev("shipping", "2023-11-04T09:00:00+08:00");
  ASSERT_TRUE(Correct(Dp(), county_, batch_, events[5].id, fix).ok());

  auto v = PublicTrace(Dp(), misses_, "10.0.0.1", Code());
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->product_name, "符离集烧鸡");
  EXPECT_EQ(v->producer_name, "符离电商有限公司");
  EXPECT_EQ(v->item_key, "06901234567892");
  EXPECT_TRUE(v->has_gtin);
  EXPECT_NE(v->origin.find("R341302R341302100R341302100201"), std::string::npos) << v->origin;
  EXPECT_EQ(v->admission, "admitted");
  ASSERT_EQ(v->certifications.size(), 1u);
  EXPECT_EQ(v->certifications[0].number, "LB-18-23110001");
  ASSERT_EQ(v->events.size(), 8u);  // seven and the corrective event; the declaration is none
  EXPECT_EQ(v->events[0].step, "planting");  // by event time, not by record order
  EXPECT_EQ(v->events[1].step, "breeding");
  ASSERT_EQ(v->events[0].dates.size(), 2u);
  EXPECT_EQ(v->events[0].dates[0].first, "cbvmda:harvestStartDate");
  EXPECT_EQ(v->events[4].result, "pass");
  EXPECT_EQ(v->events[4].test_report, "JC-2023-1103");
  EXPECT_TRUE(v->events[5].corrected);
  EXPECT_EQ(v->events[5].event_time, "2023-11-04T08:00:00+08:00");
  EXPECT_FALSE(v->events[6].corrected);
  EXPECT_EQ(v->events[6].event_time, "2023-11-04T09:00:00+08:00");
  EXPECT_TRUE(v->chain_ok);
  EXPECT_EQ(Scans("2023-11-15"), 1);
}

TEST_F(PublicTraceTest, EveryLookupIsAScanOfItsDayAndATamperedChainShows) {
  std::string code = Code();
  ASSERT_TRUE(PublicTrace(Dp(), misses_, "10.0.0.1", code).ok());
  ASSERT_TRUE(PublicTrace(Dp(), misses_, "10.0.0.2", code).ok());
  clock_.Set(NoonOf("2023-11-16"));
  auto events = RecordSeven();
  Exec("UPDATE trace_events SET quantity = '900' WHERE id = " + std::to_string(events[2].id));
  auto v = PublicTrace(Dp(), misses_, "10.0.0.1", code);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->chain_ok);
  EXPECT_EQ(Scans("2023-11-15"), 2);
  EXPECT_EQ(Scans("2023-11-16"), 1);
  auto c = tdb_.db().Acquire();
  EXPECT_EQ(*store::ScanSum(*c, *RegionCode::Parse("341302"), *CivilDate::Parse("2023-11-01"),
                            *CivilDate::Parse("2023-11-30")),
            3);
  EXPECT_EQ(*store::ScanSum(*c, *RegionCode::Parse("341302101"), *CivilDate::Parse("2023-11-01"),
                            *CivilDate::Parse("2023-11-30")),
            0);  // another town
}

TEST_F(PublicTraceTest, FailedLookupsAreLimitedPerAddressAndNothingIsCounted) {
  std::string code = Code();
  for (int i = 0; i < kPublicMisses; ++i) {
    std::string guess = i % 2 ? "AAAAAAAAAAAAAAA" + std::to_string(i % 10) : "x";
    EXPECT_EQ(PublicTrace(Dp(), misses_, "10.0.0.9", guess).error().code, ErrorCode::kNotFound);
  }
  // The address has used up its misses: even the right code waits for the window.
  EXPECT_EQ(PublicTrace(Dp(), misses_, "10.0.0.9", code).error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(PublicTrace(Dp(), misses_, "10.0.0.8", code).ok());  // another address
  clock_.Advance(kPublicWindowMs);
  EXPECT_TRUE(PublicTrace(Dp(), misses_, "10.0.0.9", code).ok());
  EXPECT_EQ(Scans("2023-11-15"), 2);
}

TEST(DigitalLink, AGtinOrTheCountyItemCodeUnderTheCountysDomain) {
  EXPECT_EQ(CountyItemCode(7), "00400000000077");
  for (int64_t id : {int64_t{1}, int64_t{7}, int64_t{42}, int64_t{123456}, int64_t{9999999999}})
    EXPECT_TRUE(validate::Gtin(CountyItemCode(id)).ok()) << CountyItemCode(id);
  Batch b;
  b.product_id = 42;
  b.lot = "L2023.11-01";
  b.public_code = "Ab3dEf6hIj9kLm2n";
  EXPECT_EQ(DigitalLink("https://trace.example.gov.cn", b),
            "https://trace.example.gov.cn/01/" + CountyItemCode(42) +
                "/10/L2023.11-01?t=Ab3dEf6hIj9kLm2n");
  b.gtin = "06901234567892";
  EXPECT_EQ(DigitalLink("https://trace.example.gov.cn", b),
            "https://trace.example.gov.cn/01/06901234567892/10/L2023.11-01?t=Ab3dEf6hIj9kLm2n");
  EXPECT_EQ(PublicPath(b), "/t/Ab3dEf6hIj9kLm2n");
  // One item of the batch: its serial after the lot (GS1 AI 21).
  EXPECT_EQ(
      DigitalLink("https://trace.example.gov.cn", b, "17"),
      "https://trace.example.gov.cn/01/06901234567892/10/L2023.11-01/21/17?t=Ab3dEf6hIj9kLm2n");
  LabelText text{"标题", {"符离集烧鸡", "批号 L2023.11-01", "GTIN 06901234567892", "符离电商"}};
  auto items = SerialLabels("https://trace.example.gov.cn", b, text, 99, 3);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ(
      (*items)[2].link,
      "https://trace.example.gov.cn/01/06901234567892/10/L2023.11-01/21/101?t=Ab3dEf6hIj9kLm2n");
  EXPECT_EQ((*items)[2].lines[1], "批号 L2023.11-01　序列号 101");
  EXPECT_EQ((*items)[2].lines[3], "符离电商");
  EXPECT_EQ(SerialLabels("https://x.cn", b, text, 0, 3).error().field, "serial_from");
  EXPECT_EQ(SerialLabels("https://x.cn", b, text, kMaxSerial, 2).error().field, "serial_from");
  EXPECT_TRUE(SerialLabels("https://x.cn", b, text, kMaxSerial, 1).ok());
}

}  // namespace
}  // namespace ruralec::products::trace
