// Model-based test of the per-event records (events.h): random sequences of events, voids and
// monthly saves on one station, compared after every step with a naive model — a key is either
// a monthly figure or the list of its events; the month's record is the figure or the sum of
// the events not voided; what the model refuses the service refuses. Also checks the year
// figures the awards read (each event counted once).
#include <map>
#include <random>

#include "station/events.h"
#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

struct ModelEvent {
  int64_t id = 0, quantity = 0, amount = 0;
  bool voided = false;
};
struct ModelKey {
  std::optional<std::pair<int64_t, int64_t>> monthly;  // a monthly figure (form)
  std::vector<ModelEvent> events;                      // set once the key is per event
  bool per_event = false;
  std::optional<std::pair<int64_t, int64_t>> Figure() const {
    if (!per_event) return monthly;
    std::pair<int64_t, int64_t> sum{0, 0};
    for (const auto& e : events)
      if (!e.voided) sum = {sum.first + e.quantity, sum.second + e.amount};
    return sum;
  }
};

class StationEventsModel : public testing::StationFixture {};

TEST_F(StationEventsModel, RandomSequencesMatchTheNaiveModel) {
  auto st = Register(D(), county_, Village("341302100201", "甲站"));
  ASSERT_TRUE(st.ok());
  const std::string periods[] = {"2023-09", "2023-10"};
  const std::string items[] = {"uplink", "purchase"};
  for (uint32_t seed = 1; seed <= 6; ++seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % n); };
    // A fresh station per seed keeps the sequences apart.
    auto s = Register(D(), county_, Village("341302100201", "站" + std::to_string(seed)));
    ASSERT_TRUE(s.ok());
    std::map<std::pair<std::string, std::string>, ModelKey> model;
    std::vector<std::pair<int64_t, std::pair<std::string, std::string>>> ids;
    for (int step = 0; step < 40; ++step) {
      auto key = std::make_pair(periods[pick(2)], items[pick(2)]);
      ModelKey& k = model[key];
      int op = pick(5);
      int64_t q = pick(4), a = pick(3) * 1000;
      SCOPED_TRACE("seed " + std::to_string(seed) + " step " + std::to_string(step) + " op " +
                   std::to_string(op));
      if (op <= 1) {  // an event
        EventInput in{key.first + "-1" + std::to_string(pick(9)), key.second, q, a};
        auto r = RecordEvent(D(), county_, s->id, in);
        bool refused =
            !k.per_event && k.monthly && (k.monthly->first != 0 || k.monthly->second != 0);
        ASSERT_EQ(r.ok(), !refused) << (r.ok() ? "" : r.error().message);
        if (r.ok()) {
          k.per_event = true;
          k.events.push_back({r->event.id, q, a});
          ids.push_back({r->event.id, key});
        }
      } else if (op == 2 && !ids.empty()) {  // void an event (maybe already voided)
        // Not a structured binding: clang 14 (the sanitizer build's) cannot capture one.
        const auto chosen = ids[pick(static_cast<int>(ids.size()))];
        const int64_t id = chosen.first;
        const auto& at = chosen.second;
        ModelKey& owner = model[at];
        auto e = std::find_if(owner.events.begin(), owner.events.end(),
                              [&](const ModelEvent& m) { return m.id == id; });
        auto r = VoidEvent(D(), county_, s->id, id, "测试作废");
        ASSERT_EQ(r.ok(), !e->voided);
        e->voided = true;
      } else {  // a monthly figure
        auto r = SaveMonth(D(), county_, s->id, key.first, {{key.second, q, a}}, "");
        auto now = k.Figure();
        bool same = now && now->first == q && now->second == a;
        bool refused = k.per_event && !same;
        ASSERT_EQ(r.ok(), !refused) << (r.ok() ? "" : r.error().message);
        if (r.ok() && !k.per_event) k.monthly = std::make_pair(q, a);
      }
      // Every key of the model against the service's month.
      int64_t uplink_year = 0;
      for (const auto& period : periods) {
        auto m = Month(D(), county_, s->id, period);
        ASSERT_TRUE(m.ok());
        for (const auto& i : m->items) {
          auto it = model.find({period, i.item.value});
          auto want = it == model.end() ? std::nullopt : it->second.Figure();
          ASSERT_EQ(i.record.has_value(), want.has_value()) << period << " " << i.item.value;
          if (!want) continue;
          EXPECT_EQ(i.record->quantity, want->first) << period << " " << i.item.value;
          EXPECT_EQ(i.record->amount_fen, want->second) << period << " " << i.item.value;
          if (i.item.value == "uplink") uplink_year += want->second;
        }
      }
      auto y = YearFigures(*tdb_.db().Acquire(), *RegionCode::Parse("341302100201"), 2023);
      ASSERT_TRUE(y.ok());
      int64_t got = 0;
      for (const auto& one : *y)
        if (one.station_id == s->id && one.items.count("uplink"))
          got = one.items.at("uplink").amount_fen;
      ASSERT_EQ(got, uplink_year);
    }
  }
}

}  // namespace
}  // namespace ruralec::station
