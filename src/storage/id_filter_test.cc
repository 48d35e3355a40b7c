#include "storage/id_filter.h"

#include <gtest/gtest.h>

namespace ruralec::storage {
namespace {

TEST(IdsIn, OptionalAndParameterised) {
  Where w;
  IdsIn(w, "s.id", {});
  EXPECT_EQ(w.Clause(), "");
  w.StartsWith("e.region_code", "341302");
  IdsIn(w, "e.id", {4, 9, 12});
  EXPECT_EQ(w.Clause(), " WHERE e.region_code LIKE ? AND e.id IN (?, ?, ?)");
  ASSERT_EQ(w.params().size(), 4u);
  EXPECT_EQ(std::get<int64_t>(w.params()[3]), 12);
}

}  // namespace
}  // namespace ruralec::storage
