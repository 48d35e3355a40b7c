// The product library (products.h): GTIN check digits and their GTIN-14 form, grading scales,
// brands, certifications that stop counting when they expire and the 60-day expiry list, and
// scope (a sibling town and another business see nothing).
#include "products/products.h"

#include <gtest/gtest.h>

#include "entity/entity.h"
#include "entity/module.h"
#include "products/module.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::products {
namespace {

CivilDate D(const char* s) { return *CivilDate::Parse(s); }
int64_t NoonOf(const char* day) { return D(day).DaysSinceEpoch() * 86'400'000 + 4 * 3'600'000; }

class LibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    // entity's manifest declares the binding of the `entity` role (an unbound one sees nothing).
    const runtime::ModuleList modules = {&entity::ModuleDef(), &products::ModuleDef()};
    ASSERT_TRUE(runtime::testing::InstallGrants(modules).ok());
    ASSERT_TRUE(account::InstallBindings(entity::ModuleDef().role_bindings).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
    town_ = runtime::testing::PrincipalWithRole("341302100", "town_staff", 8);
    sibling_ = runtime::testing::PrincipalWithRole("341302101", "town_staff", 9);
    clock_.Set(NoonOf("2023-11-15"));
    e1_ = AddEntity("91341302MA2NAP9013", "符离电商有限公司", "341302100201");
    e2_ = AddEntity("91341302MA2NAP905F", "芦岭电商有限公司", "341302101");
    owner_ = runtime::testing::PrincipalWithRole("341302100201", "entity", 10);
    owner_.binding = account::Binding{"entity", e1_};
  }
  void TearDown() override { ASSERT_TRUE(account::InstallBindings({}).ok()); }
  int64_t AddEntity(const char* uscc, const char* name, const char* region) {
    auto c = tdb_.db().Acquire();
    entity::NewEntity e;
    e.uscc = uscc;
    e.name = name;
    e.region = *RegionCode::Parse(region);
    auto id = entity::Insert(*c, cipher_, county_, e, clock_.NowMs());
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
  int64_t AddBrand(int64_t entity, const char* name, bool regional) {
    auto c = tdb_.db().Acquire();
    entity::Brand b;
    b.entity_id = entity;
    b.name = name;
    b.regional_brand = regional;
    auto id = entity::AddBrand(*c, b, clock_.NowMs());
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }
  Deps Dp() { return {tdb_.db(), audit_, clock_}; }
  ProductInput Input(std::string gtin = "") {
    ProductInput in;
    in.entity_id = e1_;
    in.name = "符离集烧鸡";
    in.category = "农副加工品";
    in.gtin = std::move(gtin);
    in.packaging_standard = "真空包装 500 克";
    return in;
  }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  crypto::FieldCipher cipher_ = crypto::FieldCipher::FromKey({});
  account::Principal county_, town_, sibling_, owner_;
  int64_t e1_ = 0, e2_ = 0;
};

TEST_F(LibraryTest, GtinCheckDigitsAndTheStoredGtin14) {
  const struct {
    const char* input;
    const char* stored;  // "" = refused
    const char* why;
  } cases[] = {
      {"6901234567892", "06901234567892", "EAN-13 (China prefix 690)"},
      {"95011011", "00000095011011", "GTIN-8"},
      {"036000291452", "00036000291452", "UPC-A (GTIN-12)"},
      {"09501101530003", "09501101530003", "GTIN-14"},
      {"4006381 333931", "04006381333931", "spaces are dropped"},
      {"6901234567893", "", "wrong check digit"},
      {"690123456789", "", "12 digits whose last is no check digit"},
      {"69012345678", "", "11 digits"},
      {"690123456789X", "", "a letter"},
      {"123456789012345", "", "15 digits"},
  };
  int n = 0;
  for (const auto& c : cases) {
    ProductInput in = Input(c.input);
    in.name = "产品" + std::to_string(++n);
    auto r = Create(Dp(), county_, in);
    if (std::string(c.stored).empty()) {
      ASSERT_FALSE(r.ok()) << c.why;
      EXPECT_EQ(r.error().field, "gtin") << c.why;
    } else {
      ASSERT_TRUE(r.ok()) << c.why << ": " << r.error().message;
      EXPECT_EQ(r->product.gtin, c.stored) << c.why;
    }
  }
  // One GTIN, one product in a county (the EAN-13 and its GTIN-14 form are the same code).
  auto again = Create(Dp(), county_, Input("06901234567892"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "gtin");
  EXPECT_TRUE(Create(Dp(), county_, Input("")).ok());  // no GTIN: any number of products
  EXPECT_TRUE(Create(Dp(), county_, Input("")).ok());
}

TEST_F(LibraryTest, FieldsProducerBrandsAndTheGradeOnTheCountysScale) {
  ProductInput in = Input();
  in.category = "火箭";
  EXPECT_EQ(Create(Dp(), county_, in).error().field, "category");
  in = Input();
  in.entity_id = e2_;  // 芦岭: outside the town's scope
  EXPECT_EQ(Create(Dp(), town_, in).error().field, "entity_id");
  in = Input();
  in.region = *RegionCode::Parse("341302");  // origin must be a town or village
  EXPECT_EQ(Create(Dp(), county_, in).error().field, "region_code");

  int64_t own = AddBrand(e1_, "符离集", false), other = AddBrand(e2_, "芦岭", false);
  int64_t regional = AddBrand(e2_, "埇桥好物", true);
  in = Input();
  in.brand_id = other;
  EXPECT_EQ(Create(Dp(), county_, in).error().field, "brand_id");  // not the producer's
  in.brand_id = own;
  in.regional_brand_id = other;
  EXPECT_EQ(Create(Dp(), county_, in).error().field, "regional_brand_id");  // not regional

  GradeScaleInput scale{{}, "烧鸡分级", "", {"特级", "一级", "二级"}};
  EXPECT_EQ(CreateScale(Dp(), town_, scale).error().code, ErrorCode::kForbidden);
  auto s = CreateScale(Dp(), county_, scale);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(CreateScale(Dp(), county_, scale).error().field, "name");  // one name per county
  in.regional_brand_id = regional;
  in.grade_scale_id = s->id;
  in.grade = "超级";
  EXPECT_EQ(Create(Dp(), county_, in).error().field, "grade");
  in.grade = "一级";
  auto p = Create(Dp(), county_, in);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->product.region.str(), "341302100201");  // the producer's region by default
  EXPECT_EQ(p->product.entity_name, "符离电商有限公司");
  EXPECT_EQ(p->product.brand_name, "符离集");
  EXPECT_EQ(p->product.regional_brand_name, "埇桥好物");
  EXPECT_EQ(p->product.grade_scale_name, "烧鸡分级");
  EXPECT_EQ(p->product.admission, Admission::kDraft);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'products.create'"), 1);
}

TEST_F(LibraryTest, AnExpiredCertificateNoLongerCountsAndTheExpiryListLooks60DaysAhead) {
  auto p = Create(Dp(), county_, Input());
  ASSERT_TRUE(p.ok());
  CertificationInput c;
  c.product_id = p->product.id;
  c.kind = "绿色食品";
  c.number = "LB-18-23110001";
  c.issuer = "中国绿色食品发展中心";
  c.valid_from = D("2021-01-01");
  c.valid_to = D("2023-12-31");
  auto cert = AddCertification(Dp(), county_, c);
  ASSERT_TRUE(cert.ok()) << cert.error().message;
  EXPECT_EQ(cert->kind, "green_food");
  EXPECT_EQ(cert->status, "valid");
  EXPECT_EQ(cert->days_left, 46);
  EXPECT_EQ(AddCertification(Dp(), county_, c).error().field, "number");  // recorded already
  CertificationInput bad = c;
  bad.number = "X";
  bad.valid_to = D("2020-12-31");
  EXPECT_EQ(AddCertification(Dp(), county_, bad).error().field, "valid_to");
  bad.valid_to = c.valid_to;
  bad.kind = "ISO9001";
  EXPECT_EQ(AddCertification(Dp(), county_, bad).error().field, "kind");
  CertificationInput later = c;  // ends beyond 60 days: not on the list
  later.kind = "organic";
  later.number = "OR-1";
  later.valid_to = D("2024-06-30");
  ASSERT_TRUE(AddCertification(Dp(), county_, later).ok());

  CertFilter expiring;
  expiring.expiring = 60;
  PageRequest page;
  auto list = ListCertifications(Dp(), county_, expiring, page);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].number, "LB-18-23110001");
  EXPECT_TRUE(Get(Dp(), county_, p->product.id)->product.certified);

  clock_.Set(NoonOf("2024-07-01"));  // both have expired
  auto detail = Get(Dp(), county_, p->product.id);
  ASSERT_TRUE(detail.ok());
  EXPECT_FALSE(detail->product.certified);
  ASSERT_EQ(detail->certifications.size(), 2u);
  EXPECT_EQ(detail->certifications[0].status, "expired");
  EXPECT_FALSE(detail->checklist[0].suggested);  // no valid certificate to tick
  EXPECT_EQ(ListCertifications(Dp(), county_, expiring, page)->total, 0);
  Filter certified;
  certified.certified = true;
  EXPECT_EQ(List(Dp(), county_, certified, page)->total, 0);
  certified.certified = false;
  EXPECT_EQ(List(Dp(), county_, certified, page)->total, 1);
  CertFilter expired;
  expired.status = "expired";
  EXPECT_EQ(ListCertifications(Dp(), county_, expired, page)->total, 2);
}

TEST_F(LibraryTest, ASiblingTownAndAnotherBusinessSeeNothing) {
  auto p = Create(Dp(), owner_, Input());  // the business records its own product
  ASSERT_TRUE(p.ok()) << p.error().message;
  ProductInput theirs = Input();
  theirs.entity_id = e2_;
  EXPECT_EQ(Create(Dp(), owner_, theirs).error().field, "entity_id");
  ASSERT_TRUE(Create(Dp(), county_, theirs).ok());
  PageRequest page;
  EXPECT_EQ(List(Dp(), county_, {}, page)->total, 2);
  EXPECT_EQ(List(Dp(), town_, {}, page)->total, 1);
  EXPECT_EQ(List(Dp(), owner_, {}, page)->total, 1);
  EXPECT_EQ(List(Dp(), sibling_, {}, page)->total, 1);
  EXPECT_EQ(Get(Dp(), sibling_, p->product.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Update(Dp(), sibling_, p->product.id, Input()).error().code, ErrorCode::kNotFound);
  Filter f;
  f.region = *RegionCode::Parse("341302100");
  EXPECT_EQ(List(Dp(), sibling_, f, page).error().code, ErrorCode::kForbidden);
  account::Principal unbound = runtime::testing::PrincipalWithRole("341302100", "entity", 11);
  EXPECT_EQ(List(Dp(), unbound, {}, page)->total, 0);  // a missing binding sees nothing
  CertificationInput c{std::nullopt, e2_, "organic",       "OR-9",
                       "认证中心",   "",  D("2023-01-01"), D("2025-01-01")};
  EXPECT_EQ(AddCertification(Dp(), owner_, c).error().field, "entity_id");
}

}  // namespace
}  // namespace ruralec::products
