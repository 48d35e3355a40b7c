// The window counter (window_counter.h): a key is over after `limit` events in its window, free
// again when the window has passed, other keys unaffected; old windows are dropped.
#include "core/window_counter.h"

#include <gtest/gtest.h>

namespace ruralec {
namespace {

TEST(WindowCounterTest, AKeyIsOverAfterItsLimitUntilTheWindowPasses) {
  FakeClock clock;
  WindowCounter c(clock, 3, 60'000);
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(c.Over("1.2.3.4")) << i;
    c.Add("1.2.3.4");
  }
  EXPECT_TRUE(c.Over("1.2.3.4"));
  EXPECT_FALSE(c.Over("5.6.7.8"));  // another address keeps its own count
  clock.Advance(59'999);
  EXPECT_TRUE(c.Over("1.2.3.4"));
  EXPECT_EQ(c.Count("1.2.3.4"), 3);
  clock.Advance(1);  // the window began 60 s ago
  EXPECT_FALSE(c.Over("1.2.3.4"));
  EXPECT_EQ(c.Count("1.2.3.4"), 0);
  c.Add("1.2.3.4");
  EXPECT_EQ(c.Count("1.2.3.4"), 1);
}

TEST(WindowCounterTest, WindowsThatAreOverAreDroppedPastTheKeyBound) {
  FakeClock clock;
  WindowCounter c(clock, 1, 1'000, 4);
  for (int i = 0; i < 4; ++i) c.Add("k" + std::to_string(i));
  EXPECT_TRUE(c.Over("k0"));
  clock.Advance(1'000);
  c.Add("fresh");  // the four old windows are over: dropped
  EXPECT_EQ(c.Count("k0"), 0);
  EXPECT_TRUE(c.Over("fresh"));
}

}  // namespace
}  // namespace ruralec
