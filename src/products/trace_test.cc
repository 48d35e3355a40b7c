// Traceability (trace.h): event times with offsets, the seven steps' EPCIS mapping, batches of
// admitted products only, idempotent events, corrections as error declarations, and the chain:
// a changed, removed or reordered event is named by Verify.
#include "products/trace.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "entity/entity.h"
#include "products/epcis_io.h"
#include "products/module.h"
#include "products/products.h"
#include "products/trace_test_fixture.h"
#include "region/testing.h"
#include "runtime/testing.h"
#include "storage/testing.h"

namespace ruralec::products::trace {
namespace {

// Debian's interpreter, where scripts/setup installs python3-jsonschema: a python3 earlier on
// PATH (pyenv's, a venv's) may lack it, and the test would only skip.
std::string Python() {
  return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3 " : "python3 ";
}

TEST(EventTime, ParsesOffsetsAndFormatsTheLocalTimeBack) {
  const struct {
    const char* in;
    int64_t utc_ms;  // -1: refused
    const char* out;
  } cases[] = {
      {"2023-09-01T08:00:00+08:00", 1693526400000, "2023-09-01T08:00:00+08:00"},
      {"2023-09-01T00:00:00Z", 1693526400000, "2023-09-01T00:00:00+00:00"},
      {"2023-09-01T08:00:00", 1693526400000, "2023-09-01T08:00:00+08:00"},  // +08:00 default
      {"2023-08-31T19:30:00.250-04:30", 1693526400250, "2023-08-31T19:30:00.250-04:30"},
      {"2023-09-01T00:30:00+14:00", 1693477800000, "2023-09-01T00:30:00+14:00"},
      {"2023-09-01 08:00:00", -1, ""},
      {"2023-02-30T08:00:00Z", -1, ""},
      {"2023-09-01T24:00:00Z", -1, ""},
      {"2023-09-01T08:00:00+14:30", -1, ""},
      {"2023-09-01T08:00:00+0800", -1, ""},
  };
  for (const auto& c : cases) {
    auto r = ParseEventTime(c.in);
    if (c.utc_ms < 0) {
      ASSERT_FALSE(r.ok()) << c.in;
      EXPECT_EQ(r.error().field, "event_time");
      continue;
    }
    ASSERT_TRUE(r.ok()) << c.in << ": " << r.error().message;
    EXPECT_EQ(r->first, c.utc_ms) << c.in;
    EXPECT_EQ(FormatEventTime(r->first, r->second), c.out) << c.in;
  }
}

TEST(Steps, TheSevenKeyStepsMapToCbvVocabulary) {
  ASSERT_EQ(Steps().size(), 7u);
  EXPECT_STREQ(FindStep("种植")->biz_step, "commissioning");
  EXPECT_STREQ(FindStep("加工")->event_type, "TransformationEvent");
  EXPECT_STREQ(FindStep("包装")->biz_step, "packing");
  EXPECT_STREQ(FindStep("运输")->disposition, "in_transit");
  EXPECT_STREQ(FindStep("销售")->biz_step, "retail_selling");
  EXPECT_EQ(FindStep("收割"), nullptr);
}

using fixture::NoonOf;
using fixture::TraceTest;

TEST_F(TraceTest, RecordsTheSevenStepsAsEpcisEventsInAChainThatVerifies) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[0].event_type, "ObjectEvent");
  EXPECT_EQ(events[0].action, "ADD");
  EXPECT_EQ(events[0].ilmd.size(), 3u);  // lot number, harvest start and end
  EXPECT_EQ(events[2].event_type, "TransformationEvent");
  EXPECT_EQ(events[4].disposition, "conformant");
  EXPECT_EQ(events[6].biz_step, "retail_selling");
  EXPECT_EQ(events[0].read_point, "341302100201");  // the product's origin by default
  EXPECT_EQ(events[1].prev_hash, events[0].hash);
  auto detail = GetBatch(Dp(), county_, batch_);
  ASSERT_TRUE(detail.ok());
  EXPECT_TRUE(detail->chain.ok) << detail->chain.violation;
  EXPECT_EQ(detail->chain.events, 7);
  EXPECT_EQ(detail->batch.event_count, 7);
  EXPECT_EQ(GetBatch(Dp(), sibling_, batch_).error().code, ErrorCode::kNotFound);

  EventInput wrong = Ev("inspecting", "2023-11-03T10:00:00+08:00");
  EXPECT_EQ(RecordEvent(Dp(), county_, batch_, wrong).error().field, "test_report");
  wrong = Ev("shipping", "2023-11-16T08:00:00+08:00");  // tomorrow
  EXPECT_EQ(RecordEvent(Dp(), county_, batch_, wrong).error().field, "event_time");
  wrong = Ev("packing", "2023-11-03T08:00:00+08:00");
  wrong.harvest_start = CivilDate(2023, 10, 1);
  EXPECT_EQ(RecordEvent(Dp(), county_, batch_, wrong).error().field, "ilmd");
  wrong = Ev("packing", "2023-11-03T08:00:00+08:00");
  wrong.read_point = *RegionCode::Parse("3413");
  EXPECT_EQ(RecordEvent(Dp(), county_, batch_, wrong).error().field, "read_point");
  EXPECT_EQ(
      RecordEvent(Dp(), sibling_, batch_, Ev("packing", "2023-11-03T08:00:00+08:00")).error().code,
      ErrorCode::kNotFound);
}

TEST_F(TraceTest, TheSameEventIdTwiceIsOneEventAndAnotherContentIsRefused) {
  EventInput in = Ev("shipping", "2023-11-04T08:00:00+08:00");
  in.event_id = "urn:uuid:0b5a3a4e-5b8f-4c1e-9d7a-2f6a1c3e8b90";
  auto first = RecordEvent(Dp(), county_, batch_, in);
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto again = RecordEvent(Dp(), county_, batch_, in);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->id, first->id);
  in.note = "另一车";
  EXPECT_EQ(RecordEvent(Dp(), county_, batch_, in).error().field, "event_id");
  in.event_id = "urn:uuid:0B5A";
  EXPECT_EQ(RecordEvent(Dp(), county_, batch_, in).error().field, "event_id");
  EXPECT_TRUE(Check().ok);
  EXPECT_EQ(Check().events, 1);
}

TEST_F(TraceTest, ACorrectionDeclaresTheEventErroneousAndAddsTheCorrectiveEvent) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  CorrectionInput fix;
  fix.note = "发货日期填错";
  fix.corrective = Ev("shipping", "2023-11-06T08:00:00+08:00");
  auto rows = Correct(Dp(), county_, batch_, events[5].id, fix);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].kind, "error_declaration");
  EXPECT_EQ((*rows)[0].event_id, events[5].event_id);
  EXPECT_EQ((*rows)[0].error_reason, "incorrect_data");
  EXPECT_EQ((*rows)[0].corrective_ids, std::vector<std::string>{(*rows)[1].event_id});
  EXPECT_EQ((*rows)[1].seq, 9);
  auto again = Correct(Dp(), county_, batch_, events[5].id, fix);  // a double click
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->front().repeated);
  fix.note = "另一个理由";
  EXPECT_EQ(Correct(Dp(), county_, batch_, events[5].id, fix).error().code, ErrorCode::kConflict);
  fix.reason = "typo";
  EXPECT_EQ(Correct(Dp(), county_, batch_, events[5].id, fix).error().field, "reason");
  auto detail = GetBatch(Dp(), county_, batch_);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->events.size(), 9u);
  EXPECT_EQ(detail->events[5].declared_reason, "incorrect_data");  // the original stays
  EXPECT_EQ(detail->events[5].note, "");
  EXPECT_TRUE(detail->chain.ok);
}

TEST_F(TraceTest, VerifyNamesTheFirstChangedRemovedOrReorderedEvent) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  EXPECT_TRUE(Check().ok);
  const std::string id3 = std::to_string(events[3].id);
  // An edited event (the packing row's place).
  Exec("UPDATE trace_events SET read_point = '341302101000' WHERE id = " + id3);
  VerifyReport r = Check();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[3].id);
  EXPECT_NE(r.violation.find(events[3].event_id), std::string::npos) << r.violation;
  EXPECT_NE(r.violation.find("改动"), std::string::npos) << r.violation;
  Exec("UPDATE trace_events SET read_point = '341302100201' WHERE id = " + id3);
  EXPECT_TRUE(Check().ok);
  // A removed event in the middle: the next one no longer follows.
  Exec("DELETE FROM trace_events WHERE id = " + std::to_string(events[2].id));
  r = Check();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[3].id);
  EXPECT_NE(r.violation.find("删除"), std::string::npos) << r.violation;
}

TEST_F(TraceTest, VerifySeesTheLastEventRemovedAndTwoEventsSwapped) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  Exec("DELETE FROM trace_events WHERE id = " + std::to_string(events[6].id));
  VerifyReport r = Check();
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.bad_event.has_value());
  EXPECT_NE(r.violation.find("末尾"), std::string::npos) << r.violation;
  // The first two swapped (seq exchanged): the second now comes first and follows nothing.
  const std::string a = std::to_string(events[0].id), b = std::to_string(events[1].id);
  Exec("UPDATE trace_events SET seq = 100 WHERE id = " + a);
  Exec("UPDATE trace_events SET seq = 1 WHERE id = " + b);
  Exec("UPDATE trace_events SET seq = 2 WHERE id = " + a);
  r = Check();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[1].id);
  EXPECT_NE(r.violation.find("调换"), std::string::npos) << r.violation;
}

// Every document the product writes validates against GS1's EPCIS 2.0 JSON Schema (draft-07,
// with formats), checked by tests/products/validate_epcis.py (Python jsonschema, as Debian's
// python3-jsonschema ships it); a document without an event's offset is refused (the control).
TEST_F(TraceTest, TheBatchsEpcisDocumentValidatesAgainstTheGs1Schema) {
  const std::filesystem::path src = RURALEC_SOURCE_DIR;
  const auto schema = src / ".." / "shared" / "standards" / "epcis" / "EPCIS-JSON-Schema.json";
  if (!std::filesystem::exists(schema)) GTEST_SKIP() << "no " << schema;
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  CorrectionInput fix;
  fix.note = "发货日期填错";
  fix.corrective = Ev("shipping", "2023-11-06T08:00:00Z");
  ASSERT_TRUE(Correct(Dp(), county_, batch_, events[5].id, fix).ok());
  auto detail = GetBatch(Dp(), county_, batch_);
  ASSERT_TRUE(detail.ok());
  auto doc = epcis::DocumentJson(*detail, clock_.NowMs());
  ASSERT_EQ(doc["epcisBody"]["eventList"].size(), 9u);
  auto run = [&](const nlohmann::json& d) {
    auto file = tdb_.dir() / "doc.jsonld";
    std::ofstream(file) << d.dump(2);
    std::string cmd = Python() + (src / "tests/products/validate_epcis.py").string() + " " +
                      schema.string() + " " + file.string();
    int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  int rc = run(doc);
  if (rc == 77) GTEST_SKIP() << "python3 jsonschema is not installed";
  EXPECT_EQ(rc, 0) << doc.dump(2);
  doc["epcisBody"]["eventList"][0].erase("eventTimeZoneOffset");
  EXPECT_EQ(run(doc), 1);
}

}  // namespace
}  // namespace ruralec::products::trace
