// The chain's verified mark (trace.h CheckRecent, docs/PRODUCTS.md "Chain"): reads walk only the
// rows after it; a change or removal after it, a removal anywhere, a change of the marked row or
// a forged mark is seen by the batch detail and the public page; a change inside the marked
// prefix is Verify's to find (and the page's, for the events it shows); appending to a broken
// chain does not move the mark past the fault; the public timeline is paged.
#include <gtest/gtest.h>

#include "products/public_trace.h"
#include "products/trace.h"
#include "products/trace_store.h"
#include "products/trace_test_fixture.h"

namespace ruralec::products::trace {
namespace {

class TraceMarkTest : public fixture::TraceTest {
 protected:
  std::optional<store::Mark> MarkNow() {
    auto c = tdb_.db().Acquire();
    auto m = store::MarkOf(*c, batch_);
    EXPECT_TRUE(m.ok());
    return m.ok() ? *m : std::nullopt;
  }
  Batch BatchNow() {
    auto c = tdb_.db().Acquire();
    return **store::GetBatch(*c, batch_);
  }
  VerifyReport Recent() {
    auto c = tdb_.db().Acquire();
    auto r = CheckRecent(*c, mac_, BatchNow());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : VerifyReport{};
  }
  // The mark put back to row `seq` (as if the rows after it were recorded before the mark
  // existed), written as a check that found the chain holding there would.
  void MarkAt(int64_t seq, const std::string& hash) {
    Exec("DELETE FROM trace_chain_marks");
    VerifyReport held;
    held.held_seq = seq;
    held.held_hash = hash;
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(storage::InTransaction(*c, storage::TxMode::kWrite, [&] {
                  return MoveMark(*c, mac_, BatchNow(), held, clock_.NowMs());
                }).ok());
  }
  bool PageOk(int64_t from = 0) {
    auto v = PublicTrace(Dp(), misses_, "10.0.0.1", BatchNow().public_code, from);
    EXPECT_TRUE(v.ok());
    return v.ok() && v->chain_ok;
  }
  WindowCounter misses_{clock_, kPublicMisses, kPublicWindowMs};
};

TEST_F(TraceMarkTest, EachAppendMovesTheMarkAndAReadWalksOnlyPastIt) {
  EXPECT_FALSE(MarkNow().has_value());
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  auto m = MarkNow();
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->seq, 7);
  EXPECT_EQ(m->hash, events[6].hash);
  auto detail = GetBatch(Dp(), county_, batch_);
  ASSERT_TRUE(detail.ok());
  EXPECT_TRUE(detail->chain.ok) << detail->chain.violation;
  EXPECT_EQ(detail->chain.events, 7);
  EXPECT_EQ(detail->chain.marked, 7);
  // A batch without a mark (recorded before it existed): the page walks it all and marks it.
  Exec("DELETE FROM trace_chain_marks");
  EXPECT_EQ(Recent().marked, 0);
  EXPECT_TRUE(PageOk());
  ASSERT_TRUE(MarkNow().has_value());
  EXPECT_EQ(MarkNow()->seq, 7);
}

TEST_F(TraceMarkTest, AnEventChangedOrRemovedAfterTheMarkIsSeenByTheDetailAndThePage) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  MarkAt(4, events[3].hash);
  EXPECT_TRUE(Recent().ok);
  EXPECT_EQ(Recent().marked, 4);
  const std::string id6 = std::to_string(events[5].id);
  Exec("UPDATE trace_events SET biz_location = '341302101203' WHERE id = " + id6);
  VerifyReport r = Recent();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[5].id);
  EXPECT_NE(r.violation.find("改动"), std::string::npos) << r.violation;
  EXPECT_FALSE(GetBatch(Dp(), county_, batch_)->chain.ok);
  EXPECT_FALSE(PageOk());
  EXPECT_EQ(MarkNow()->seq, 4);  // the page does not mark a chain that fails
  Exec("UPDATE trace_events SET biz_location = '341302100201' WHERE id = " + id6);
  EXPECT_TRUE(Recent().ok);
  Exec("DELETE FROM trace_events WHERE id = " + id6);
  r = Recent();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[6].id);
  EXPECT_NE(r.violation.find("删除"), std::string::npos) << r.violation;
  EXPECT_FALSE(PageOk());
}

TEST_F(TraceMarkTest, AChangeInsideTheMarkIsVerifysToFindAndThePagesForWhatItShows) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  const std::string id3 = std::to_string(events[2].id);
  Exec("UPDATE trace_events SET quantity = '900' WHERE id = " + id3);
  // The detail's verdict starts at the mark (row 7): row 3 is not walked again.
  EXPECT_TRUE(Recent().ok);
  EXPECT_TRUE(GetBatch(Dp(), county_, batch_)->chain.ok);
  // `ruralec trace verify` walks every row from the first.
  VerifyReport full = Check();
  EXPECT_FALSE(full.ok);
  EXPECT_EQ(full.bad_event, events[2].id);
  // The page shows row 3, and checks every row it shows.
  EXPECT_FALSE(PageOk());
  Exec("UPDATE trace_events SET quantity = '500' WHERE id = " + id3);
  EXPECT_TRUE(PageOk());
  // A row removed inside the mark: the count of the marked prefix tells.
  Exec("DELETE FROM trace_events WHERE id = " + std::to_string(events[1].id));
  VerifyReport r = Recent();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.violation.find("删除"), std::string::npos) << r.violation;
  EXPECT_FALSE(PageOk());
}

TEST_F(TraceMarkTest, TheMarkedRowChangedOrTheMarkForgedIsSeen) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  const std::string id7 = std::to_string(events[6].id);
  Exec("UPDATE trace_events SET event_time = event_time - 60000 WHERE id = " + id7);
  VerifyReport r = Recent();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[6].id);
  Exec("UPDATE trace_events SET event_time = event_time + 60000 WHERE id = " + id7);
  EXPECT_TRUE(Recent().ok);
  // A mark moved by hand (its tag is over the batch, the seq and the hash).
  Exec("UPDATE trace_chain_marks SET seq = 6");
  r = Recent();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.violation.find("校验点"), std::string::npos) << r.violation;
  EXPECT_FALSE(PageOk());
}

TEST_F(TraceMarkTest, AppendingToABrokenChainDoesNotMoveTheMarkPastTheFault) {
  auto events = RecordSeven();
  ASSERT_EQ(events.size(), 7u);
  MarkAt(4, events[3].hash);
  Exec("UPDATE trace_events SET note = '改过' WHERE id = " + std::to_string(events[5].id));
  ASSERT_TRUE(RecordEvent(Dp(), county_, batch_, Ev("selling", "2023-11-06T08:00:00+08:00")).ok());
  EXPECT_EQ(MarkNow()->seq, 4);
  VerifyReport r = Recent();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.bad_event, events[5].id);
  EXPECT_EQ(r.events, 8);
}

TEST_F(TraceMarkTest, ThePublicTimelineIsPagedAndEachPageChecksItsEvents) {
  const int n = static_cast<int>(kPublicEvents) + 5;
  std::vector<Event> events;
  for (int i = 0; i < n; ++i) {
    // Recorded newest first: the page orders by event time.
    std::string t = FormatEventTime(fixture::NoonOf("2023-11-01") - i * 60'000LL, "+08:00");
    auto e = RecordEvent(Dp(), county_, batch_, Ev("shipping", t.c_str()));
    ASSERT_TRUE(e.ok()) << e.error().message;
    events.push_back(*e);
  }
  const std::string code = BatchNow().public_code;
  auto first = PublicTrace(Dp(), misses_, "10.0.0.1", code);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->events_total, n);
  ASSERT_EQ(first->events.size(), static_cast<size_t>(kPublicEvents));
  EXPECT_EQ(first->events.front().event_time, FormatEventTime(events.back().event_time, "+08:00"));
  auto rest = PublicTrace(Dp(), misses_, "10.0.0.1", code, kPublicEvents);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->events.size(), 5u);
  EXPECT_EQ(rest->events.back().event_time, FormatEventTime(events.front().event_time, "+08:00"));
  // The second recorded (the second newest): on the second page only, inside the mark.
  Exec("UPDATE trace_events SET quantity = '1' WHERE id = " + std::to_string(events[1].id));
  EXPECT_TRUE(PageOk(0));
  EXPECT_FALSE(PageOk(kPublicEvents));
  EXPECT_FALSE(Check().ok);
}

}  // namespace
}  // namespace ruralec::products::trace
