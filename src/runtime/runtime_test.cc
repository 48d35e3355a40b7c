#include <gtest/gtest.h>

#include "runtime/context.h"
#include "runtime/module.h"
#include "storage/db.h"

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
      {"parameter",
       [](Module& m) {
         m.params = {{"a.days", "天数", settings::ParamType::kInt, "7"}};
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

// A parameter is named after its module and its default passes its own rule; an extensible
// dictionary names the permission and gives all three functions or none.
TEST(ValidateTest, RefusesMalformedParametersAndExtensions) {
  struct Case {
    const char* what;
    std::function<void(Module&)> declare;
    const char* message;  // "" = accepted
  };
  using settings::ParamType;
  auto generic = [](Module& m) {
    m.dicts = {{"platforms", {}, nullptr, "平台", DictExtension{"a:dict"}}};
  };
  const Case cases[] = {
      {"good param",
       [](Module& m) {
         m.params = {{"a.days", "天数", ParamType::kInt, "7", 1, 30}};
       },
       ""},
      {"other module's name",
       [](Module& m) {
         m.params = {{"b.days", "天数", ParamType::kInt, "7"}};
       },
       "应以模块名开头"},
      {"default out of bounds",
       [](Module& m) {
         m.params = {{"a.days", "天数", ParamType::kInt, "70", 1, 30}};
       },
       "默认值无效"},
      {"enum without options",
       [](Module& m) {
         m.params = {{"a.mode", "方式", ParamType::kEnum, "x"}};
       },
       "没有可选值"},
      {"generic extensible dict", generic, ""},
      {"extension without permission",
       [](Module& m) {
         m.dicts = {{"platforms", {}, nullptr, "平台", DictExtension{}}};
       },
       "未声明权限"},
      {"extension with one function",
       [](Module& m) {
         DictExtension x{"a:dict"};
         x.additions = [](storage::Connection&,
                          const RegionCode&) -> Result<std::vector<settings::CountyEntry>> {
           return std::vector<settings::CountyEntry>{};
         };
         m.dicts = {{"platforms", {}, nullptr, "平台", x}};
       },
       "存取函数不全"},
  };
  for (const Case& c : cases) {
    Module a = Named("a");
    c.declare(a);
    auto st = Validate({&a});
    if (std::string(c.message).empty()) {
      EXPECT_TRUE(st.ok()) << c.what << ": " << st.error().message;
      continue;
    }
    ASSERT_FALSE(st.ok()) << c.what;
    EXPECT_NE(st.error().message.find(c.message), std::string::npos) << st.error().message;
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

// Reported values fill only what the computations left without data: a computed value always
// wins (issue 26 item 3). "computed" answers 5 for region …100 and no data for …101;
// "manual" has no computation; the reported provider answers 99 (reported) everywhere except
// for region …102, where it has nothing.
TEST(IndicatorRegistryTest, ReportedValuesFillOnlyWhatNoComputationMeasured) {
  IndicatorRegistry r;
  ASSERT_TRUE(r.Register("computed", "ledger",
                         [](storage::Connection&, const IndicatorQuery& q) -> Result<Measurement> {
                           Measurement m;
                           if (q.region.str() == "341302100000") {
                             m.status = Measurement::Status::kOk;
                             m.value = 5;
                           } else {
                             m.reason = "账上无数据";
                           }
                           return m;
                         })
                  .ok());
  int calls = 0;
  ASSERT_TRUE(r.SetReported([&calls](storage::Connection&, const std::vector<IndicatorBatch>& bs)
                                -> Result<std::vector<Measurements>> {
                 ++calls;
                 std::vector<Measurements> out;
                 for (const auto& b : bs) {
                   Measurements ms;
                   for (const auto& region : b.regions) {
                     Measurement m;
                     if (region.str() == "341302102000") {
                       m.reason = "尚无已确认的填报";
                     } else {
                       m.status = Measurement::Status::kOk;
                       m.value = 99;
                       m.reported = ReportedBy{1, "2023Q3", "甲", "乙", 1, 2};
                     }
                     ms.push_back(m);
                   }
                   out.push_back(ms);
                 }
                 return out;
               }).ok());
  EXPECT_EQ(r.SetReported(nullptr).error().code, ErrorCode::kConflict);
  auto db = storage::Open(":memory:", 1);
  ASSERT_TRUE(db.ok());
  auto conn = (*db)->Acquire();
  auto code = [](const char* c) { return *RegionCode::Parse(c); };
  std::vector<IndicatorBatch> batches = {
      {"computed", {code("341302100"), code("341302101"), code("341302102")}, {}, {}, {}},
      {"manual", {code("341302100"), code("341302102")}, {}, {}, {}}};
  auto all = r.ComputeAll(*conn, batches);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(calls, 1);  // one call for every region left without data
  struct Want {
    size_t batch, region;
    std::optional<int64_t> value;
    bool reported;
    std::string reason;
  };
  const Want wants[] = {
      {0, 0, 5, false, ""},                             // computed wins
      {0, 1, 99, true, ""},                             // computed had no data: the report answers
      {0, 2, std::nullopt, false, "账上无数据"},        // neither: the computation's reason stays
      {1, 0, 99, true, ""},                             // no computation: the report answers
      {1, 1, std::nullopt, false, "尚无已确认的填报"},  // no computation, no report
  };
  for (const Want& w : wants) {
    const Measurement& m = (*all)[w.batch][w.region];
    SCOPED_TRACE(std::to_string(w.batch) + "/" + std::to_string(w.region));
    EXPECT_EQ(m.value, w.value);
    EXPECT_EQ(m.reported.has_value(), w.reported);
    if (!w.reason.empty()) EXPECT_EQ(m.reason, w.reason);
  }
}

}  // namespace
}  // namespace ruralec::runtime
