// The EPCIS 2.0 interface (epcis.h): every shared GS1 example the schema accepts is captured (and
// captured again as a repeat), a document with one bad event stores nothing and names it, an
// eventID is not reused for another event, and the standard query with its filters, order and
// pages; the query documents validate against the schema.
#include "products/epcis.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "products/epcis_io.h"
#include "products/module.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::products::epcis {
namespace {

// Debian's interpreter, where scripts/setup installs python3-jsonschema: a python3 earlier on
// PATH (pyenv's, a venv's) may lack it, and the test would only skip.
std::string Python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3 " : "python3 ";
}

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kShared = fs::path(RURALEC_SOURCE_DIR) / ".." / "shared" / "standards" / "epcis";
const fs::path kValidator = fs::path(RURALEC_SOURCE_DIR) / "tests/products/validate_epcis.py";

// The output and exit code of a command.
std::pair<std::string, int> Shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return {"", -1};
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int rc = pclose(p);
  return {out, WIFEXITED(rc) ? WEXITSTATUS(rc) : -1};
}

Json Event(const std::string& id, const std::string& type, const std::string& time,
           const std::string& step, const std::string& epc, const std::string& where) {
  Json e = {
      {"type", type},  {"eventTime", time}, {"eventTimeZoneOffset", time.substr(time.size() - 6)},
      {"eventID", id}, {"bizStep", step},   {"bizLocation", {{"id", where}}}};
  if (type == "TransformationEvent") {
    e["inputEPCList"] = {epc};
    e["outputEPCList"] = {epc + ".out"};
  } else {
    e["action"] = "OBSERVE";
    e["epcList"] = {epc};
  }
  return e;
}

// A vector, not a Json: `Doc({e})` with a Json parameter is the array [e] under gcc but a copy
// of e under clang (the sanitizer build), which no longer tested what it meant to.
Json Doc(std::vector<Json> events) {
  return {{"@context", Context()},
          {"type", "EPCISDocument"},
          {"schemaVersion", "2.0"},
          {"creationDate", "2023-11-14T00:00:00Z"},
          {"epcisBody", {{"eventList", Json(std::move(events))}}}};
}

class EpcisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_TRUE(runtime::testing::InstallGrants({&products::ModuleDef()}).ok());
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(region::testing::AddSmallTree(*c).ok());
    county_ = runtime::testing::PrincipalWithRole("341302", "county_staff", 7);
    town_ = runtime::testing::PrincipalWithRole("341302100", "county_staff", 8);
    clock_.Set(1'700'000'000'000);
  }
  trace::Deps Dp() { return {tdb_.db(), audit_, clock_, mac_}; }
  int64_t Count(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    return c->QueryOne(sql, {}, "count")->Int(0);
  }
  void Exec(const std::string& sql) {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec(sql).ok()) << sql;
  }
  std::vector<std::string> Ids(Query q, std::string* token = nullptr) {
    auto r = Events(Dp(), county_, std::move(q));
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& d : r->first) out.push_back(Json::parse(d)["eventID"].get<std::string>());
    if (token) *token = r->second;
    return out;
  }

  storage::testing::TempDatabase tdb_;
  FakeClock clock_;
  audit::AuditLog audit_{clock_, crypto::RecordMac::FromKey({})};
  crypto::RecordMac mac_ = crypto::RecordMac::FromKey({5});
  account::Principal county_, town_;
};

TEST_F(EpcisTest, CapturesEveryGs1ExampleTheSchemaAccepts) {
  if (!fs::exists(kShared)) GTEST_SKIP() << "no " << kShared;
  std::string files;
  for (const auto& f : fs::recursive_directory_iterator(kShared / "JSON"))
    if (f.path().extension() == ".jsonld") files += " '" + f.path().string() + "'";
  auto [valid, rc] = Shell(Python() + kValidator.string() + " --valid " +
                           (kShared / "EPCIS-JSON-Schema.json").string() + files);
  if (rc == 77) GTEST_SKIP() << "python3 jsonschema is not installed";
  ASSERT_EQ(rc, 0);
  std::istringstream lines(valid);
  int documents = 0, events = 0;
  for (std::string path; std::getline(lines, path);) {
    std::ifstream in(path);
    Json doc = Json::parse(in);
    if (doc["type"] != "EPCISDocument") continue;  // the query document is an answer
    auto first = Capture(Dp(), county_, doc);
    ASSERT_TRUE(first.ok()) << path << ": " << first.error().field << " " << first.error().message;
    EXPECT_GT(first->captured, 0) << path;
    auto again = Capture(Dp(), county_, doc);  // the same document again: nothing new
    ASSERT_TRUE(again.ok()) << path;
    EXPECT_EQ(again->captured, 0) << path;
    EXPECT_EQ(again->repeated, first->captured + first->repeated) << path;
    ++documents;
    events += static_cast<int>(first->captured);
    // The examples share some eventIDs with other content: each is captured on its own.
    Exec("DELETE FROM epcis_event_epcs");
    Exec("DELETE FROM epcis_events");
  }
  EXPECT_GE(documents, 46);
  EXPECT_GE(events, documents);
}

TEST_F(EpcisTest, ADocumentWithOneBadEventStoresNothingAndNamesIt) {
  Json bad = Event("urn:uuid:2", "ObjectEvent", "2023-11-02T08:00:00+08:00", "shipping", "urn:x:1",
                   "urn:ruralec:region:341302100201");
  bad.erase("eventTimeZoneOffset");
  Json doc = Doc({Event("urn:uuid:1", "ObjectEvent", "2023-11-01T08:00:00+08:00", "packing",
                        "urn:x:1", "urn:ruralec:region:341302100201"),
                  bad});
  auto r = Capture(Dp(), county_, doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "epcisBody.eventList[1].eventTimeZoneOffset");
  EXPECT_NE(r.error().message.find("索引 1"), std::string::npos) << r.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM epcis_events"), 0);
  const struct {
    const char* key;
    Json value;
    const char* field;
  } cases[] = {
      {"eventTime", "2023-11-02T08:00:00", "epcisBody.eventList[0].eventTime"},  // no offset
      {"action", "MOVE", "epcisBody.eventList[0].action"},
      {"type", "TeleportEvent", "epcisBody.eventList[0].type"},
      {"eventID", "not-a-uri", "epcisBody.eventList[0].eventID"},
      {"readPoint", "urn:x", "epcisBody.eventList[0].readPoint"},
  };
  for (const auto& c : cases) {
    Json e = Event("urn:uuid:3", "ObjectEvent", "2023-11-02T08:00:00+08:00", "shipping", "urn:x:1",
                   "urn:y");
    e[c.key] = c.value;
    auto x = Capture(Dp(), county_, Doc({e}));
    ASSERT_FALSE(x.ok()) << c.key;
    EXPECT_EQ(x.error().field, c.field);
  }
  EXPECT_EQ(Capture(Dp(), town_, doc).error().code, ErrorCode::kForbidden);  // not a county
}

TEST_F(EpcisTest, AnEventIdIsNotReusedForAnotherEvent) {
  Json e = Event("urn:uuid:7", "ObjectEvent", "2023-11-01T08:00:00+08:00", "packing", "urn:x:1",
                 "urn:y");
  ASSERT_TRUE(Capture(Dp(), county_, Doc({e})).ok());
  e["bizStep"] = "shipping";
  auto r = Capture(Dp(), county_,
                   Doc({Event("urn:uuid:8", "ObjectEvent", "2023-11-01T08:00:00+08:00", "packing",
                              "urn:x:1", "urn:y"),
                        e}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().field, "epcisBody.eventList[1].eventID");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM epcis_events"), 1);  // urn:uuid:8 was not kept either
  Json no_id = Event("", "ObjectEvent", "2023-11-01T09:00:00+08:00", "packing", "urn:x:2", "urn:y");
  no_id.erase("eventID");
  auto hashed = Capture(Dp(), county_, Doc({no_id, no_id}));  // twice in one document: once
  ASSERT_TRUE(hashed.ok());
  EXPECT_EQ(hashed->captured, 1);
  EXPECT_EQ(hashed->event_ids[0].rfind("ni:///sha-256;", 0), 0u);
}

TEST_F(EpcisTest, QueriesFilterOrderAndPage) {
  const std::string fuli = "urn:ruralec:region:341302100201",
                    luling = "urn:ruralec:region:341302101203";
  std::vector<Json> events;
  for (int i = 0; i < 7; ++i) {
    std::string t = "2023-11-0" + std::to_string(i + 1) + "T08:00:00+08:00";
    events.push_back(Event("urn:uuid:e" + std::to_string(i),
                           i == 3 ? "TransformationEvent" : "ObjectEvent", t,
                           i % 2 ? "shipping" : "packing",
                           i < 5 ? "https://id.gs1.org/01/06901234567892/21/" + std::to_string(i)
                                 : "urn:epc:id:sgtin:0614141.107346." + std::to_string(i),
                           i < 4 ? fuli : luling));
  }
  auto cap = Capture(Dp(), county_, Doc(events));
  ASSERT_TRUE(cap.ok()) << cap.error().message;
  EXPECT_EQ(cap->captured, 7);
  Query all;
  EXPECT_EQ(Ids(all).size(), 7u);
  Query q;
  q.event_types = {"TransformationEvent"};
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"urn:uuid:e3"}));
  q = {};
  q.biz_steps = {CbvShort("https://ref.gs1.org/cbv/BizStep-shipping")};
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"urn:uuid:e1", "urn:uuid:e3", "urn:uuid:e5"}));
  q = {};
  q.ge_event_time = trace::ParseEventTime("2023-11-03T00:00:00+08:00")->first;
  q.lt_event_time = trace::ParseEventTime("2023-11-05T00:00:00+08:00")->first;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"urn:uuid:e2", "urn:uuid:e3"}));
  q = {};
  q.epcs = {"https://id.gs1.org/01/06901234567892/21/2"};
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"urn:uuid:e2"}));
  q.epcs = {"https://id.gs1.org/01/06901234567892/*"};
  EXPECT_EQ(Ids(q).size(), 5u);  // e3 names it as its input
  q = {};
  q.wd_biz_locations = {"urn:ruralec:region:341302100000"};  // 符离镇 and below
  EXPECT_EQ(Ids(q).size(), 4u);
  q.wd_biz_locations = {};
  q.biz_locations = {luling};
  EXPECT_EQ(Ids(q).size(), 3u);
  // Newest first, two a page, following the tokens to the end.
  q = {};
  q.descending = true;
  q.per_page = 2;
  std::vector<std::string> seen;
  std::string token;
  for (int page = 0; page < 10; ++page) {
    q.token = token;
    auto ids = Ids(q, &token);
    seen.insert(seen.end(), ids.begin(), ids.end());
    if (token.empty()) break;
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"urn:uuid:e6", "urn:uuid:e5", "urn:uuid:e4", "urn:uuid:e3",
                                      "urn:uuid:e2", "urn:uuid:e1", "urn:uuid:e0"}));
  q.token = "12x";
  EXPECT_EQ(Events(Dp(), county_, q).error().field, "nextPageToken");
  EXPECT_EQ(Events(Dp(), town_, {}).error().code, ErrorCode::kForbidden);
  // The query answer validates against GS1's schema.
  if (!fs::exists(kShared)) return;
  auto page = Events(Dp(), county_, {});
  ASSERT_TRUE(page.ok());
  auto file = tdb_.dir() / "query.jsonld";
  std::ofstream(file) << QueryDocumentJson(page->first, "1.2", clock_.NowMs()).dump();
  auto [out, rc] = Shell(Python() + kValidator.string() + " " +
                         (kShared / "EPCIS-JSON-Schema.json").string() + " " + file.string());
  if (rc != 77) {
    EXPECT_EQ(rc, 0) << out;
  }
}

}  // namespace
}  // namespace ruralec::products::epcis
