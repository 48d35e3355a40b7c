#include <gtest/gtest.h>

#include "runtime/context.h"
#include "runtime/module.h"

namespace ruralec::runtime {
namespace {

Module Named(std::string name) {
  Module m;
  m.name = std::move(name);
  return m;
}

TEST(ValidateTest, AcceptsDistinctModulesWithTheirDependencies) {
  Module a = Named("a"), b = Named("b");
  b.depends = {"a"};
  a.tables = {"a_rows"};
  b.tables = {"b_rows"};
  EXPECT_TRUE(Validate({&a, &b}).ok());
}

TEST(ValidateTest, RefusesWhatTwoModulesBothClaim) {
  struct Case {
    const char* what;
    std::function<void(Module&)> claim;
  };
  const Case cases[] = {
      {"table", [](Module& m) { m.tables = {"shared"}; }},
      {"permission",
       [](Module& m) {
         m.permissions = {{"x:read", "读", {}}};
       }},
      {"dict",
       [](Module& m) {
         m.dicts = {{"kinds", {}, nullptr}};
       }},
      {"audit action",
       [](Module& m) {
         m.audit_actions = {{"x.create", "新建"}};
       }},
  };
  for (const Case& c : cases) {
    Module a = Named("a"), b = Named("b");
    c.claim(a);
    c.claim(b);
    auto st = Validate({&a, &b});
    ASSERT_FALSE(st.ok()) << c.what;
    EXPECT_EQ(st.error().field, "modules") << c.what;
    EXPECT_NE(st.error().message.find("模块 b"), std::string::npos) << st.error().message;
  }
}

TEST(ValidateTest, RefusesAMissingDependencyAndADuplicateModule) {
  Module a = Named("a"), b = Named("b");
  b.depends = {"c"};
  auto st = Validate({&a, &b});
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("c 未列入"), std::string::npos) << st.error().message;
  EXPECT_FALSE(Validate({&a, &a}).ok());
}

TEST(GrantsTest, CollectsEveryModulesPermissionsPerRole) {
  Module a = Named("a"), b = Named("b");
  a.permissions = {{"a:read", "", {"clerk", "auditor"}}};
  b.permissions = {{"b:edit", "", {"clerk"}}};
  auto g = Grants({&a, &b});
  EXPECT_EQ(g["clerk"], (std::vector<std::string>{"a:read", "b:edit"}));
  EXPECT_EQ(g["auditor"], (std::vector<std::string>{"a:read"}));
}

TEST(IndicatorRegistryTest, CatalogueDecidesWhatExists) {
  IndicatorRegistry r([](std::string_view id) -> std::optional<std::string> {
    if (id == "sales") return std::string("sales ledger");
    return std::nullopt;
  });
  auto fn = [](storage::Connection&, const IndicatorQuery&) -> Result<Measurement> {
    Measurement m;
    m.status = Measurement::Status::kOk;
    m.value = 7;
    return m;
  };
  EXPECT_EQ(r.Register("nope", "x", fn).error().field, "indicator");
  EXPECT_FALSE(r.HasSource("sales"));
  ASSERT_TRUE(r.Register("sales", "ledger", fn).ok());
  EXPECT_EQ(r.Register("sales", "again", fn).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(r.HasSource("sales"));
}

}  // namespace
}  // namespace ruralec::runtime
