#include "http/params.h"

#include <charconv>

#include "core/date.h"

namespace ruralec::http {
namespace {

// The same bound as Fen::Parse (±9e16), so sums over many rows cannot overflow.
constexpr int64_t kMaxBodyInt = 90'000'000'000'000'000;

}  // namespace

Result<int64_t> ParseId(std::string_view text, std::string_view field) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  // from_chars takes no sign but '-', no blanks and no base prefix; the whole text must be used.
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v <= 0)
    return Error::Invalid(std::string(field), "编号应为正整数");
  return v;
}

Result<int64_t> PathId(const Request& req, size_t i, std::string_view field) {
  return ParseId(req.Match(i), field);
}

Result<int64_t> QueryId(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return Error::Invalid(name, "缺少 " + name + "（正整数）");
  return ParseId(v, name);
}

Result<std::optional<int64_t>> QueryOptInt(const Request& req, const std::string& name) {
  if (req.Query(name).empty()) return std::optional<int64_t>();
  ASSIGN_OR_RETURN(int64_t v, req.QueryInt(name, 0));
  return std::optional<int64_t>(v);
}

Result<std::optional<bool>> QueryOptBool(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return std::optional<bool>();
  if (v == "true" || v == "1") return std::optional<bool>(true);
  if (v == "false" || v == "0") return std::optional<bool>(false);
  return Error::Invalid(name, "应为 true 或 false");
}

Result<int> QueryYear(const Request& req, const Clock& clock, const std::string& name) {
  ASSIGN_OR_RETURN(int64_t y, req.QueryInt(name, ShanghaiDate(clock.NowMs()).year()));
  if (y < 2000 || y > 2100) return Error::Invalid(name, "年份应在 2000 到 2100 之间");
  return static_cast<int>(y);
}

Result<RegionCode> ScopedRegion(const Request& req, const std::string& name) {
  std::string v = req.Query(name);
  if (v.empty()) return req.principal().region;
  auto code = RegionCode::Parse(v);
  if (!code.ok()) return Error::Invalid(name, "区划代码无效: " + v);
  if (!req.principal().InScope(*code))
    return Error::Forbidden("区划 " + code->str() + " 不在您的管辖范围内");
  return *code;
}

Result<std::optional<CivilDate>> BodyOptDate(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(auto text, OptionalString(body, field));
  if (!text || text->empty()) return std::optional<CivilDate>();
  ASSIGN_OR_RETURN(CivilDate d, CivilDate::Parse(*text, field));
  return std::optional<CivilDate>(d);
}

Result<std::optional<int64_t>> BodyOptInt(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<int64_t>();
  const Json& v = body[field];
  if (!v.is_number_integer()) return Error::Invalid(field, "应为整数");
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(kMaxBodyInt))
    return Error::Invalid(field, "数值过大");
  int64_t n = v.get<int64_t>();
  if (n > kMaxBodyInt || n < -kMaxBodyInt) return Error::Invalid(field, "数值过大");
  return std::optional<int64_t>(n);
}

Result<std::optional<bool>> BodyOptBool(const Json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::optional<bool>();
  if (!body[field].is_boolean()) return Error::Invalid(field, "应为 true 或 false");
  return std::optional<bool>(body[field].get<bool>());
}

Result<int64_t> BodyId(const Json& body, const std::string& field) {
  ASSIGN_OR_RETURN(std::optional<int64_t> v, BodyOptInt(body, field));
  if (!v || *v <= 0) return Error::Invalid(field, "缺少 " + field + "（正整数）");
  return *v;
}

Result<std::vector<int64_t>> BodyIds(const Json& body, const std::string& field) {
  std::vector<int64_t> out;
  if (!body.contains(field) || body[field].is_null()) return out;
  const Json& v = body[field];
  if (!v.is_array()) return Error::Invalid(field, field + " 应为编号数组");
  for (const auto& x : v) {
    if (!x.is_number_integer() || x.get<int64_t>() <= 0 || x.get<int64_t>() > kMaxBodyInt)
      return Error::Invalid(field, field + " 应为编号数组");
    out.push_back(x.get<int64_t>());
  }
  return out;
}

}  // namespace ruralec::http
