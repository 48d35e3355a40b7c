// The shared request readers (http/params.h, list.h, audit_entry.h, file_reply.h), table-driven
// over an httplib request built in memory.
#include "http/params.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include "core/clock.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/query_ids.h"

namespace ruralec::http {
namespace {

// A request whose route captured `match` and carries the query `params`, signed in as a
// county user of 341302.
struct Fixture {
  httplib::Request raw;
  Request req;
  explicit Fixture(const std::string& match = "", httplib::Params params = {})
      : raw(), req(raw, "req-1", "10.0.0.1") {
    raw.matches = std::smatch();
    raw.params = std::move(params);
    path = "/x/" + match;
    std::regex_match(path, raw.matches, std::regex("/x/(.*)"));
    account::Principal p;
    p.id = UserId{7};
    p.username = "clerk";
    p.region = *RegionCode::Parse("341302");
    p.roles = {"county_operator"};
    req.set_principal(p);
  }
  std::string path;  // the matches point into it
};

TEST(ParseId, AcceptsPositiveIntegersOnly) {
  struct Case {
    const char* text;
    int64_t want;  // 0 = refused
  } cases[] = {
      {"1", 1},
      {"42", 42},
      {"9223372036854775807", 9223372036854775807},
      {"0", 0},
      {"-1", 0},
      {"+1", 0},
      {" 1", 0},
      {"1 ", 0},
      {"12x", 0},
      {"0x10", 0},
      {"", 0},
      {"9223372036854775808", 0},
      {"99999999999999999999999", 0},
  };
  for (const auto& c : cases) {
    auto r = ParseId(c.text, "list_id");
    if (c.want) {
      ASSERT_TRUE(r.ok()) << c.text;
      EXPECT_EQ(*r, c.want) << c.text;
    } else {
      ASSERT_FALSE(r.ok()) << c.text;
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.text;
      EXPECT_EQ(r.error().field, "list_id") << c.text;
    }
  }
}

TEST(PathId, ReadsTheCaptureNamingTheField) {
  for (const char* bad : {"0", "-1", "12x", "9223372036854775808"}) {
    Fixture f(bad);
    auto r = PathId(f.req, 1, "number");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "number") << bad;
  }
  Fixture ok("17");
  EXPECT_EQ(*PathId(ok.req), 17);
  EXPECT_EQ(PathId(Fixture("0").req).error().field, "id");  // the default field name
}

TEST(QueryReaders, TypedWithTheFieldInTheError) {
  Fixture f("", {{"n", "12"}, {"bad", "12x"}, {"yes", "true"}, {"zero", "0"}, {"maybe", "ja"}});
  EXPECT_EQ(*QueryOptInt(f.req, "n"), std::optional<int64_t>(12));
  EXPECT_EQ(*QueryOptInt(f.req, "absent"), std::nullopt);
  EXPECT_EQ(QueryOptInt(f.req, "bad").error().field, "bad");
  EXPECT_EQ(*QueryOptBool(f.req, "yes"), std::optional<bool>(true));
  EXPECT_EQ(*QueryOptBool(f.req, "zero"), std::optional<bool>(false));
  EXPECT_EQ(*QueryOptBool(f.req, "absent"), std::nullopt);
  EXPECT_EQ(QueryOptBool(f.req, "maybe").error().field, "maybe");
  EXPECT_EQ(*QueryId(f.req, "n"), 12);
  for (const char* bad : {"bad", "zero", "absent"})
    EXPECT_EQ(QueryId(f.req, bad).error().field, bad);
}

TEST(QueryReaders, IdListsArePositiveIdsSeparatedByCommas) {
  std::string many;
  for (int i = 1; i <= 1001; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  Fixture f("", {{"ids", "3,8,3,21"}, {"one", "5"}, {"empty", ""}, {"many", many}});
  EXPECT_EQ(*QueryIds(f.req), (std::vector<int64_t>{3, 8, 21}));
  EXPECT_EQ(*QueryIds(f.req, "one"), (std::vector<int64_t>{5}));
  EXPECT_TRUE(QueryIds(f.req, "empty")->empty());
  EXPECT_TRUE(QueryIds(f.req, "absent")->empty());
  EXPECT_EQ(QueryIds(f.req, "many").error().field, "many");
  for (const char* bad : {"1,,2", "1,", ",1", "1,x", "0", "1;2", "-1", " 1"}) {
    Fixture g("", {{"ids", bad}});
    EXPECT_EQ(QueryIds(g.req).error().field, "ids") << bad;
  }
}

TEST(QueryReaders, YearDefaultsToTheClockAndIsBounded) {
  FakeClock clock(1'750'000'000'000);  // 2025-06-15
  EXPECT_EQ(*QueryYear(Fixture().req, clock), 2025);
  EXPECT_EQ(*QueryYear(Fixture("", {{"year", "2024"}}).req, clock), 2024);
  for (const char* bad : {"1999", "2101", "20x4"}) {
    auto r = QueryYear(Fixture("", {{"year", bad}}).req, clock);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "year") << bad;
  }
}

TEST(QueryReaders, ScopedRegionStaysInsideTheCaller) {
  EXPECT_EQ(ScopedRegion(Fixture().req)->str(), "341302000000");
  EXPECT_EQ(ScopedRegion(Fixture("", {{"region_code", "341302100"}}).req)->str(), "341302100000");
  EXPECT_EQ(ScopedRegion(Fixture("", {{"region_code", "3413"}}).req).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(ScopedRegion(Fixture("", {{"region_code", "12"}}).req).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(ScopedRegion(Fixture("", {{"region_code", "34x"}}).req).error().field, "region_code");
}

TEST(BodyReaders, TypedWithTheFieldInTheError) {
  Json b = Json::parse(R"({"n": 5, "s": "5", "big": 90000000000000001, "u": 18446744073709551615,
                           "t": true, "z": null, "id0": 0, "neg": -3})");
  EXPECT_EQ(*BodyOptInt(b, "n"), std::optional<int64_t>(5));
  EXPECT_EQ(*BodyOptInt(b, "z"), std::nullopt);
  EXPECT_EQ(*BodyOptInt(b, "absent"), std::nullopt);
  for (const char* bad : {"s", "big", "u", "t"}) EXPECT_EQ(BodyOptInt(b, bad).error().field, bad);
  EXPECT_EQ(*BodyOptBool(b, "t"), std::optional<bool>(true));
  EXPECT_EQ(BodyOptBool(b, "n").error().field, "n");
  EXPECT_EQ(*BodyId(b, "n"), 5);
  for (const char* bad : {"id0", "neg", "s", "absent", "z"})
    EXPECT_EQ(BodyId(b, bad).error().field, bad) << bad;
}

TEST(BodyReaders, AnIdListIsAbsentNullOrPositiveIds) {
  Json b = Json::parse(R"({"ids": [3, 7], "empty": [], "z": null, "zero": [1, 0], "neg": [-2],
                           "text": ["1"], "obj": {"a": 1}, "big": [90000000000000001]})");
  EXPECT_EQ(*BodyIds(b, "ids"), (std::vector<int64_t>{3, 7}));
  for (const char* none : {"empty", "z", "absent"}) EXPECT_TRUE(BodyIds(b, none)->empty()) << none;
  for (const char* bad : {"zero", "neg", "text", "obj", "big"})
    EXPECT_EQ(BodyIds(b, bad).error().field, bad) << bad;
}

TEST(BodyReaders, AnOptionalDateIsAbsentEmptyOrACivilDate) {
  Json b = Json::parse(R"({"on": "2019-10-08", "empty": "", "z": null, "bad": "2019-02-30",
                           "n": 20191008})");
  EXPECT_EQ(*BodyOptDate(b, "on"), std::optional<CivilDate>(CivilDate(2019, 10, 8)));
  for (const char* none : {"empty", "z", "absent"}) EXPECT_EQ(*BodyOptDate(b, none), std::nullopt);
  for (const char* bad : {"bad", "n"}) EXPECT_EQ(BodyOptDate(b, bad).error().field, bad) << bad;
}

TEST(ReadList, PageSortWhitelistAndScope) {
  auto lp = ReadList(Fixture("", {{"page", "2"}, {"page_size", "5"}, {"sort", "name"}}).req,
                     {"id", "name"});
  ASSERT_TRUE(lp.ok());
  EXPECT_EQ(lp->page.page, 2);
  EXPECT_EQ(lp->page.page_size, 5);
  EXPECT_EQ(lp->page.sort, "name");
  EXPECT_EQ(lp->scope.str(), "341302000000");
  EXPECT_EQ(ReadList(Fixture("", {{"sort", "password"}}).req, {"id"}).error().field, "sort");
  EXPECT_EQ(ReadList(Fixture("", {{"sort", "id"}}).req, {}).error().field, "sort");
  EXPECT_EQ(ReadList(Fixture("", {{"page", "0"}}).req, {}).error().field, "page");
  EXPECT_EQ(ReadList(Fixture("", {{"region_code", "3413"}}).req, {}).error().code,
            ErrorCode::kForbidden);
}

TEST(PageJsonOf, ConvertsAndSlices) {
  Page<int> p{{1, 2}, 7, 2, 2};
  Json j = PageJson(p, PageRequest{2, 2}, [](int v) { return v * 10; });
  EXPECT_EQ(j, Json::parse(R"({"items":[10,20],"total":7,"page":2,"page_size":2})"));
  std::vector<int> all{1, 2, 3, 4, 5, 6};
  Json odd = SlicePageJson(
      all, PageRequest{2, 2}, [](int v) { return v % 2; }, [](int v) { return v; });
  EXPECT_EQ(odd, Json::parse(R"({"items":[5],"total":3,"page":2,"page_size":2})"));
}

TEST(AuditEntryOf, TheCallerIsTheActor) {
  Fixture f;
  audit::Entry e = AuditEntry(f.req, "sales.create", "sales_record", 12, "amount=1");
  EXPECT_EQ(e.actor.user_id, std::optional<int64_t>(7));
  EXPECT_EQ(e.actor.username, "clerk");
  EXPECT_EQ(e.action, "sales.create");
  EXPECT_EQ(e.object_type, "sales_record");
  EXPECT_EQ(e.object_id, "12");
  EXPECT_EQ(e.outcome, audit::Outcome::kSuccess);
  EXPECT_EQ(e.detail, "amount=1");
  EXPECT_EQ(AuditEntry(f.req, "a", "t", "x", "", audit::Outcome::kFailure).outcome,
            audit::Outcome::kFailure);
}

TEST(FileReplyOf, XlsxOrCsvByFormat) {
  spreadsheet::Sheet sheet{"s", {"名称", "金额"}, {{"=1+1", "3"}}, {}};
  Reply csv;
  ASSERT_TRUE(FileReply(Fixture("", {{"format", "csv"}}).req, sheet, "导出", csv).ok());
  EXPECT_EQ(csv.content_type, kCsvType);
  EXPECT_EQ(csv.filename, "导出.csv");
  EXPECT_NE(csv.raw_body.find("'=1+1"), std::string::npos);  // formulas neutralised
  Reply xlsx;
  ASSERT_TRUE(FileReply(Fixture().req, sheet, "导出", xlsx).ok());
  EXPECT_EQ(xlsx.content_type, kXlsxType);
  EXPECT_EQ(xlsx.filename, "导出.xlsx");
  EXPECT_EQ(xlsx.raw_body.substr(0, 2), "PK");  // a zip
  Reply none;
  EXPECT_EQ(FileReply(Fixture("", {{"format", "pdf"}}).req, sheet, "x", none).error().field,
            "format");
}

}  // namespace
}  // namespace ruralec::http
