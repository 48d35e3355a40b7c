// The product library's indicators (indicators.h) through the process's registry, as progress
// asks them: certified products and producers selling online (certificates valid on the end
// date, online sales in the months), regional public brands, admitted products as of a date,
// batches traced in the period and scans of their pages, each over a region subtree.
#include "products/indicators.h"

#include <gtest/gtest.h>

#include "products/public_trace.h"
#include "products/trace_store.h"
#include "products/trace_test_fixture.h"
#include "runtime/indicators.h"

namespace ruralec::products::trace {
namespace {

using fixture::NoonOf;

class IndicatorsTest : public fixture::TraceTest {
 protected:
  void SetUp() override {
    TraceTest::SetUp();
    for (const auto& s : indicators::Sources())
      ASSERT_TRUE(registry_.Register(s.indicator, s.source, s.fn).ok());
  }
  int64_t Value(const char* id, const char* region, const char* from, const char* to) {
    auto c = tdb_.db().Acquire();
    auto m = registry_.Compute(
        *c, {id, *RegionCode::Parse(region), *CivilDate::Parse(from), *CivilDate::Parse(to), {}});
    EXPECT_TRUE(m.ok()) << id;
    if (!m.ok() || !m->value) return -1;
    return *m->value;
  }
  void Cert(std::optional<int64_t> product, const char* kind, const char* from, const char* to) {
    CertificationInput c;
    if (product)
      c.product_id = product;
    else
      c.entity_id = entity_;
    c.kind = kind;
    c.number = std::string(kind) + from;
    c.issuer = "发证机构";
    c.valid_from = *CivilDate::Parse(from);
    c.valid_to = *CivilDate::Parse(to);
    auto r = AddCertification({tdb_.db(), audit_, clock_}, county_, c);
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  void Sale(const char* period, int64_t fen) {
    Exec(
        "INSERT INTO sales_records (county_code, region_code, entity_id, period, platform, "
        "direction, amount_fen, source, natural_key, created_at) VALUES ('341302000000', "
        "'341302100201', " +
        std::to_string(entity_) + ", '" + period + "', '淘宝', 'uplink', " + std::to_string(fen) +
        ", 'form', 'k" + period + "', 0)");
  }
  runtime::IndicatorRegistry registry_;
};

TEST_F(IndicatorsTest, CertifiedProductsCountOnlyThreeProductsOneLabelValidOnTheEndDate) {
  Cert(product_, "green_food", "2021-01-01", "2023-06-30");
  Cert(product_, "compliance_certificate", "2023-01-01", "2024-12-31");  // 合格证: not 三品一标
  EXPECT_EQ(Value("certified_products", "341302", "2023-01-01", "2023-03-31"), 1);
  EXPECT_EQ(Value("certified_products", "341302", "2023-01-01", "2023-12-31"), 0);  // expired
  EXPECT_EQ(Value("certified_products", "341302101", "2023-01-01", "2023-03-31"), 0);
  // The producer's own certificate does not make the product certified, but the producer is.
  Cert(std::nullopt, "organic", "2023-01-01", "2024-12-31");
  EXPECT_EQ(Value("certified_products", "341302", "2023-01-01", "2023-12-31"), 0);
  EXPECT_EQ(Value("certified_entities_selling_online", "341302", "2023-01-01", "2023-12-31"), 0);
  Sale("2022-12", 10'000);  // before the period
  EXPECT_EQ(Value("certified_entities_selling_online", "341302", "2023-01-01", "2023-12-31"), 0);
  Sale("2023-11", 10'000);
  EXPECT_EQ(Value("certified_entities_selling_online", "341302", "2023-01-01", "2023-12-31"), 1);
  // In 2022 the product's own certificate made its producer certified, and it sold in December.
  EXPECT_EQ(Value("certified_entities_selling_online", "341302", "2022-01-01", "2022-12-31"), 1);
  EXPECT_EQ(Value("certified_entities_selling_online", "341302", "2021-01-01", "2021-12-31"), 0);
}

TEST_F(IndicatorsTest, AdmittedProductsFollowTheHistoryAndBrandsTheirFlag) {
  EXPECT_EQ(Value("admitted_products", "341302", "2023-01-01", "2023-12-31"), 1);
  EXPECT_EQ(Value("admitted_products", "341302", "2023-01-01", "2023-11-14"), 0);  // not yet
  AdmissionCommand cmd;
  cmd.to = Admission::kSuspended;
  cmd.idempotency_key = "s";
  cmd.note = "包装不合格";
  cmd.on = CivilDate(2023, 11, 15);
  ASSERT_TRUE(products::Apply({tdb_.db(), audit_, clock_}, county_, product_, cmd).ok());
  EXPECT_EQ(Value("admitted_products", "341302", "2023-01-01", "2023-12-31"), 0);
  auto c = tdb_.db().Acquire();
  entity::Brand b;
  b.entity_id = entity_;
  b.name = "埇桥好物";
  b.regional_brand = true;
  ASSERT_TRUE(entity::AddBrand(*c, b, clock_.NowMs()).ok());
  b.name = "自有品牌";
  b.regional_brand = false;
  ASSERT_TRUE(entity::AddBrand(*c, b, clock_.NowMs()).ok());
  EXPECT_EQ(Value("regional_public_brands", "341302", "2023-01-01", "2023-12-31"), 1);
  EXPECT_EQ(Value("regional_public_brands", "341302101", "2023-01-01", "2023-12-31"), 0);
}

TEST_F(IndicatorsTest, TracedBatchesAndScansOfTheirPages) {
  EXPECT_EQ(Value("traced_batches", "341302", "2023-01-01", "2023-12-31"), 0);
  RecordSeven();  // March to November 2023
  EXPECT_EQ(Value("traced_batches", "341302", "2023-01-01", "2023-12-31"), 1);
  EXPECT_EQ(Value("traced_batches", "341302", "2023-11-05", "2023-11-05"), 1);  // the sale
  EXPECT_EQ(Value("traced_batches", "341302", "2023-04-01", "2023-10-31"), 0);
  EXPECT_EQ(Value("traced_batches", "341302101", "2023-01-01", "2023-12-31"), 0);
  WindowCounter misses(clock_, kPublicMisses, kPublicWindowMs);
  auto c = tdb_.db().Acquire();
  std::string code = (*store::GetBatch(*c, batch_))->public_code;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(PublicTrace(Dp(), misses, "10.0.0.1", code).ok());
  clock_.Set(NoonOf("2023-11-20"));
  ASSERT_TRUE(PublicTrace(Dp(), misses, "10.0.0.1", code).ok());
  EXPECT_EQ(Value("trace_page_scans", "341302", "2023-11-01", "2023-11-30"), 4);
  EXPECT_EQ(Value("trace_page_scans", "341302", "2023-11-16", "2023-11-30"), 1);
  EXPECT_EQ(Value("trace_page_scans", "341302100", "2023-11-01", "2023-11-30"), 4);
  EXPECT_EQ(Value("trace_page_scans", "341302101", "2023-11-01", "2023-11-30"), 0);
}

}  // namespace
}  // namespace ruralec::products::trace
