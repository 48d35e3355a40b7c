#include "products/links.h"

#include <cstdio>

#include "entity/entity.h"
#include "products/products.h"
#include "products/products_store.h"
#include "products/trace_store.h"

namespace ruralec::products::trace {

const settings::ParamDef& BaseUrlParam() {
  static const settings::ParamDef def{
      "products.trace_base_url",
      "溯源码域名",
      settings::ParamType::kUrl,
      "",
      {},
      {},
      {},
      "印在溯源标签二维码里的本县网址（如 https://trace.xx.gov.cn），扫码打开该网址上的溯源页；"
      "未设置时使用打印时控制台的网址"};
  return def;
}

std::string CountyItemCode(int64_t product_id) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "004%010lld", static_cast<long long>(product_id));
  // GS1 mod-10: from the right, weights 3, 1, 3, … over the 13 digits before the check digit.
  int sum = 0;
  for (int i = 12, w = 3; i >= 0; --i, w = 4 - w) sum += (digits[i] - '0') * w;
  return std::string(digits, 13) + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string ItemKey(const Batch& b) {
  return b.gtin.empty() ? CountyItemCode(b.product_id) : b.gtin;
}

std::string DigitalLink(const std::string& base, const Batch& b, const std::string& serial) {
  // Lots are A–Z a–z 0–9 . _ -, serials digits and public codes URL-safe base64: nothing to
  // escape.
  return base + "/01/" + ItemKey(b) + "/10/" + b.lot + (serial.empty() ? "" : "/21/" + serial) +
         "?t=" + b.public_code;
}

Result<std::vector<ItemLabel>> SerialLabels(const std::string& base, const Batch& b,
                                            const LabelText& text, int64_t first, int count) {
  if (first < 1 || count < 0 || first > kMaxSerial - count + 1)
    return Error::Invalid("serial_from",
                          "起始序列号应为 1 至 " + std::to_string(kMaxSerial) + " 的整数");
  std::vector<ItemLabel> out;
  for (int i = 0; i < count; ++i) {
    const std::string serial = std::to_string(first + i);
    ItemLabel l{DigitalLink(base, b, serial), text.lines};
    if (l.lines.size() > 1) l.lines[1] += "　序列号 " + serial;
    out.push_back(std::move(l));
  }
  return out;
}

std::string PublicPath(const Batch& b) { return "/t/" + b.public_code; }

Result<LabelText> LabelTextOf(storage::Connection& conn, const Batch& b) {
  ASSIGN_OR_RETURN(auto p, products::store::GetProduct(conn, b.product_id));
  if (!p) return Error::NotFound("批次的产品不存在");
  ASSIGN_OR_RETURN(auto names, entity::NamesByIds(conn, {p->entity_id}));
  LabelText t;
  t.title = p->name + "　批号 " + b.lot + "　溯源标签（扫码查看种植、加工、检测、运输等溯源信息）";
  t.lines.push_back(p->name);
  t.lines.push_back("批号 " + b.lot);
  t.lines.push_back(p->gtin.empty() ? "县内编码 " + CountyItemCode(p->id) : "GTIN " + p->gtin);
  if (names.contains(p->entity_id)) t.lines.push_back(names[p->entity_id].name);
  return t;
}

Result<Batch> BatchWithGtin(storage::Connection& conn, int64_t id) {
  ASSIGN_OR_RETURN(auto b, store::GetBatch(conn, id));
  if (!b) return Error::NotFound("批次 " + std::to_string(id) + " 不存在");
  ASSIGN_OR_RETURN(auto p, products::store::GetProduct(conn, b->product_id));
  if (p) b->gtin = p->gtin;
  return *b;
}

Result<std::string> CountyBaseUrl(storage::Connection& conn, const std::string& county_code) {
  auto county = RegionCode::Parse(county_code);
  if (!county.ok()) return std::string();
  return settings::ParamText(conn, *county, BaseUrlParam());
}

}  // namespace ruralec::products::trace
