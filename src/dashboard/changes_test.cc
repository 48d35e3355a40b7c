// The change feed of the stored county figures (storage/figure_changes.h, refresher.h) with the
// real sales ledger: a sales import marks its county and month in its own transaction; the
// city's screen measures that county live until the refresher has stored it again, and then
// equals the live figure; a change made while the refresher measured keeps the mark; marks
// survive a restart; a rolled-back write leaves no mark; the background refresher makes the
// stored figure fresh within seconds of an import (the bound docs/DASHBOARD.md states).
#include <chrono>
#include <cstdio>
#include <thread>

#include "dashboard/refresher.h"
#include "dashboard/summary.h"
#include "sales/indicators/sales_indicators.h"
#include "sales/test_fixture.h"
#include "storage/figure_changes.h"

namespace ruralec::dashboard {
namespace {

constexpr char kHeader[] =
    "统一社会信用代码*,所属期*,平台*,方向*,是否农产品*,品类,网络销售额(元)*,订单数\n";

class ChangeFeedTest : public sales::testing::SalesFixture {
 protected:
  void SetUp() override {
    SalesFixture::SetUp();
    ASSERT_TRUE(sales::indicators::Register(registry_).ok());
    clock_.Set(t0_);
    // The fixture's entity registrations marked their counties (new_entities); the tests start
    // from a settled feed.
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("DELETE FROM figure_changes").ok());
  }
  void Record(const std::string& period, int64_t fen) {
    sales::SalesInput in;
    in.entity_id = a_;
    in.period = period;
    in.platform = "淘宝";
    in.direction = sales::Direction::kUplink;
    in.amount = Fen{fen};
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(sales::Record(*c, county_, in, {}, clock_.NowMs()).ok());
  }
  void Import(const std::string& name, const std::string& period, const std::string& yuan) {
    const std::string body = std::string(kHeader) + sales::testing::kUsccA + "," + period +
                             ",京东,上行,是,水果," + yuan + ",1\n";
    auto r = sales::ImportSales(Ctx(), county_, WriteFile(name, body), sales::Mode::kAllOrNothing);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->rows_imported, 1);
  }
  std::vector<storage::FigureChange> Marks() {
    auto c = tdb_.db().Acquire();
    return *storage::PendingFigureChanges(*c);
  }
  Target City() {
    auto c = tdb_.db().Acquire();
    RegionCode r = *RegionCode::Parse("3413");
    return Target{r, "", *ChildrenOf(*c, r)};
  }
  // The city's sales_ytd for June 2024 through the stored rows (as the screen reads it), and
  // measured live.
  std::pair<Figure, Figure> ScreenAndLive() {
    auto c = tdb_.db().Acquire();
    const int64_t now = clock_.NowMs();
    auto stored = StoredFigures(*c, registry_, City(), {"sales_ytd"}, june_, now);
    EXPECT_TRUE(stored.ok());
    auto screen = Measure(*c, registry_, City(), {"sales_ytd"}, {}, june_, now, &*stored);
    auto live = Measure(*c, registry_, City(), {"sales_ytd"}, {}, june_, now);
    EXPECT_TRUE(screen.ok() && live.ok());
    return {screen->own.at("sales_ytd"), live->own.at("sales_ytd")};
  }
  // The cron job's refresh of the city, then the marks it leaves cleared by one round.
  void StoreAndSettle() {
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(
        RefreshSummaries(*c, registry_, *RegionCode::Parse("3413"), june_, 2, 2, clock_.NowMs())
            .ok());
    clock_.Advance(5000);
    ASSERT_TRUE(RefreshChanged(*c, registry_, clock_.NowMs()).ok());
    ASSERT_TRUE(Marks().empty());
  }

  runtime::IndicatorRegistry registry_;
  const Period june_{2024, 6};
  const int64_t t0_ = 1'719'000'000'000;  // 2024-06-21
};

TEST_F(ChangeFeedTest, AnImportMarksItsCountyMonthAndTheRefresherStoresTheLiveFigure) {
  Record("2024-05", 10'000);
  StoreAndSettle();
  auto [before, live_before] = ScreenAndLive();
  EXPECT_TRUE(before.stored);
  EXPECT_EQ(before.value, 10'000);
  Import("june.csv", "2024-06", "25");  // 2,500 fen
  auto marks = Marks();
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].county, "341302000000");
  EXPECT_EQ(marks[0].from_month, "2024-06");
  // Marked: the county is measured live, never the stale stored 10,000.
  auto [dirty, live] = ScreenAndLive();
  EXPECT_FALSE(dirty.stored);
  EXPECT_EQ(dirty.value, 12'500);
  EXPECT_EQ(live.value, 12'500);
  // Not due before the debounce; then one round stores it and clears the mark.
  auto c = tdb_.db().Acquire();
  auto early = RefreshChanged(*c, registry_, clock_.NowMs());
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->counties, 0);
  clock_.Advance(3000);
  auto rep = RefreshChanged(*c, registry_, clock_.NowMs());
  ASSERT_TRUE(rep.ok()) << rep.error().message;
  EXPECT_EQ(rep->counties, 1);
  EXPECT_EQ(rep->cleared, 1);
  EXPECT_EQ(rep->months, 1);  // June only: May is before the mark
  EXPECT_TRUE(Marks().empty());
  auto [fresh, live_after] = ScreenAndLive();
  EXPECT_TRUE(fresh.stored);
  EXPECT_EQ(fresh.as_of, clock_.NowMs());
  EXPECT_EQ(fresh.value, live_after.value);
  EXPECT_EQ(fresh.value, 12'500);
}

TEST_F(ChangeFeedTest, AMarkMadeWhileMeasuringSurvivesAndAnEarlierMonthWins) {
  Record("2024-06", 100);
  auto first = Marks();
  ASSERT_EQ(first.size(), 1u);
  Record("2024-05", 100);  // marked again, an earlier month
  auto c = tdb_.db().Acquire();
  auto cleared = ClearFigureChange(*c, first[0]);
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(*cleared);
  auto now = Marks();
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].from_month, "2024-05");
  EXPECT_EQ(now[0].version, first[0].version + 1);
  EXPECT_EQ(now[0].first_marked_at, first[0].first_marked_at);
}

TEST_F(ChangeFeedTest, ARolledBackWriteLeavesNoMark) {
  auto c = tdb_.db().Acquire();
  Status st = storage::InTransaction(*c, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(storage::MarkFiguresChanged(*c, *RegionCode::Parse("341302100"), "2024-06",
                                                clock_.NowMs()));
    return Error::Conflict("写入失败");  // the ledger write fails after the mark
  });
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Marks().empty());
}

TEST_F(ChangeFeedTest, MarksSurviveARestartAndTheNextProcessRefreshesThem) {
  Record("2024-05", 10'000);
  StoreAndSettle();
  Import("june.csv", "2024-06", "25");
  ASSERT_EQ(Marks().size(), 1u);
  {  // another process on the same database: a restart sees the mark and refreshes the county
    auto db = storage::Open(tdb_.target(), 2);
    ASSERT_TRUE(db.ok());
    auto c = (*db)->Acquire();
    auto marks = storage::PendingFigureChanges(*c);
    ASSERT_EQ(marks->size(), 1u);
    clock_.Advance(3000);
    auto rep = RefreshChanged(*c, registry_, clock_.NowMs());
    ASSERT_TRUE(rep.ok());
    EXPECT_EQ(rep->cleared, 1);
  }
  auto [fresh, live] = ScreenAndLive();
  EXPECT_TRUE(fresh.stored);
  EXPECT_EQ(fresh.value, live.value);
}

// The background refresher as `ruralec serve` runs it, on the wall clock with its default
// timing: the time from an import's commit to a fresh stored figure.
TEST_F(ChangeFeedTest, TheBackgroundRefresherMakesTheStoredFigureFreshWithinSeconds) {
  Record("2024-05", 10'000);
  StoreAndSettle();
  SystemClock wall;
  clock_.Set(wall.NowMs());  // the import marks at wall-clock time: the debounce applies
  ChangeRefresher refresher(tdb_.db(), registry_, wall);
  Import("june.csv", "2024-06", "25");
  const auto start = std::chrono::steady_clock::now();
  while (!Marks().empty() && std::chrono::steady_clock::now() - start < std::chrono::seconds(20))
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  ASSERT_TRUE(Marks().empty()) << "not refreshed within 20 s";
  std::printf("import → fresh stored figure: %lld ms\n", static_cast<long long>(ms));
  EXPECT_LT(ms, 10'000);
  clock_.Set(wall.NowMs());
  auto [fresh, live] = ScreenAndLive();
  EXPECT_TRUE(fresh.stored);
  EXPECT_EQ(fresh.value, 12'500);
  EXPECT_EQ(fresh.value, live.value);
}

}  // namespace
}  // namespace ruralec::dashboard
