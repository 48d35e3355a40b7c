// A county's boundary file is checked before it is stored (boundary.h): a FeatureCollection of
// closed polygons inside China keyed by the county's own region codes; each refusal names the
// feature and what is wrong.
#include "dashboard/boundary.h"

#include <gtest/gtest.h>

namespace ruralec::dashboard {
namespace {

const std::set<std::string> kCodes{"341302000000", "341302100000", "341302101000"};

std::string Square(const std::string& code, double lng = 116.9, double lat = 33.6) {
  auto p = [](double x, double y) {
    return "[" + std::to_string(x) + "," + std::to_string(y) + "]";
  };
  return R"({"type":"Feature","properties":{"code":")" + code +
         R"("},"geometry":{"type":"Polygon","coordinates":[[)" + p(lng, lat) + "," +
         p(lng + 0.1, lat) + "," + p(lng + 0.1, lat + 0.1) + "," + p(lng, lat) + "]]}}";
}

std::string Collection(const std::vector<std::string>& features) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
  return out + "]}";
}

TEST(Boundary, AcceptsTheCountysTownsByCode) {
  auto c = CheckBoundary(Collection({Square("341302100"), Square("341302101000")}), kCodes);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->features, 2);
  EXPECT_NE(c->normalized.find("341302100"), std::string::npos);
}

TEST(Boundary, RefusesWhatIsNoMapOfThisCounty) {
  auto message = [](const std::string& text) {
    auto c = CheckBoundary(text, kCodes);
    EXPECT_FALSE(c.ok());
    if (c.ok()) return std::string();
    EXPECT_EQ(c.error().field, "file");
    return c.error().message;
  };
  EXPECT_NE(message("{not json").find("JSON"), std::string::npos);
  EXPECT_NE(message(R"({"type":"Feature"})").find("FeatureCollection"), std::string::npos);
  EXPECT_NE(message(Collection({})).find("要素数"), std::string::npos);
  EXPECT_NE(message(Collection({Square("341321100")})).find("不属于本县"), std::string::npos);
  EXPECT_NE(message(Collection({Square("341302100"), Square("341302100")})).find("重复"),
            std::string::npos);
  EXPECT_NE(message(Collection({Square("341302100", 10.0, 33.6)})).find("第 1 个要素"),
            std::string::npos);
  const std::string open =
      R"({"type":"Feature","properties":{"code":"341302100"},"geometry":{"type":"Polygon",)"
      R"("coordinates":[[[116.9,33.6],[117,33.6],[117,33.7],[116.95,33.65]]]}})";
  EXPECT_NE(message(Collection({open})).find("未闭合"), std::string::npos);
  const std::string point =
      R"({"type":"Feature","properties":{"code":"341302100"},"geometry":{"type":"Point",)"
      R"("coordinates":[116.9,33.6]}})";
  EXPECT_NE(message(Collection({Square("341302101"), point})).find("第 2 个要素"),
            std::string::npos);
}

}  // namespace
}  // namespace ruralec::dashboard
