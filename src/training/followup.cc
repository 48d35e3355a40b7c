// Follow-up settings and reminders (followup.h contract).
#include "training/followup.h"

#include <algorithm>

#include "account/stamp.h"
#include "region/region.h"
#include "training/followup_store.h"
#include "training/service_internal.h"

namespace ruralec::training {
namespace {

Status CheckRange(int v, int lo, int hi, const char* field, const char* label) {
  if (v < lo || v > hi)
    return Error::Invalid(field, std::string(label) + "应为 " + std::to_string(lo) + " 到 " +
                                     std::to_string(hi) + " 的整数");
  return {};
}

// Outcome kinds (value or label of training_outcome_kinds) as values, in order, once each; at
// least one.
Result<std::vector<std::string>> OutcomeKinds(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  const auto& known = Builtin("training_outcome_kinds");
  for (const auto& k : in) {
    auto hit = std::find_if(known.begin(), known.end(),
                            [&](const DictValue& v) { return v.value == k || v.label == k; });
    if (hit == known.end()) return Error::Invalid("kinds", "未知的跟踪结果类型: " + k);
    if (std::find(out.begin(), out.end(), hit->value) == out.end()) out.push_back(hit->value);
  }
  if (out.empty()) return Error::Invalid("kinds", "至少选择一种计入转化的跟踪结果");
  return out;
}

// The county of `region`, or nullopt above county level.
std::optional<RegionCode> CountyOf(const RegionCode& region) {
  if (region.level() < RegionLevel::kCounty) return std::nullopt;
  return region.county();
}

}  // namespace

CivilDate MonthsAfter(CivilDate d, int months) {
  int m = d.year() * 12 + (d.month() - 1) + months;
  int y = m / 12, mo = m % 12 + 1, day = d.day();
  while (!CivilDate::IsValid(y, mo, day)) --day;
  return CivilDate(y, mo, day);
}

Result<ConversionSettings> SettingsFor(storage::Connection& conn, const RegionCode& region) {
  auto county = CountyOf(region);
  ConversionSettings out;
  if (!county) return out;
  out.county = *county;
  ASSIGN_OR_RETURN(auto row, store::SettingsRow(conn, *county));
  if (row) out = std::move(*row);
  return out;
}

Result<ConversionSettings> GetSettings(const Deps& d, const account::Principal& who,
                                       const RegionCode& county) {
  RETURN_IF_ERROR(internal::ViewOf(who));
  if (!CountyOf(county) || !who.CanSee(county.county()))
    return Error::NotFound("区县 " + county.str() + " 不存在或不在辖区内");
  auto conn = d.db.Acquire();
  return SettingsFor(*conn, county.county());
}

Result<ConversionSettings> SetSettings(const Deps& d, const account::Principal& who,
                                       const ConversionSettings& input) {
  if (!who.Can("training:settings")) return Error::Forbidden("没有设定培训转化口径的权限");
  if (!CountyOf(input.county) || !who.InScope(input.county.county()))
    return Error::Forbidden("只能设定本区县的培训转化口径");
  ConversionSettings in = input;
  in.county = input.county.county();
  RETURN_IF_ERROR(CheckRange(in.months, 1, 60, "months", "转化统计期（月）"));
  RETURN_IF_ERROR(CheckRange(in.reminder_days, 1, 730, "reminder_days", "跟踪提醒天数"));
  ASSIGN_OR_RETURN(in.reference, internal::Text(in.reference, "reference", "设定依据", 200, true));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(in.kinds, OutcomeKinds(in.kinds));
  return storage::InTransaction<ConversionSettings>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<ConversionSettings> {
        RETURN_IF_ERROR(store::PutSettings(*conn, in, StampOf(who, d.clock.NowMs())));
        std::string kinds;
        for (const auto& k : in.kinds) kinds += (kinds.empty() ? "" : ",") + k;
        RETURN_IF_ERROR(
            d.audit.Append(*conn, {who.ToActor(), "training.settings", "county", in.county.str(),
                                   audit::Outcome::kSuccess,
                                   "kinds=" + kinds + " months=" + std::to_string(in.months) +
                                       " reminder_days=" + std::to_string(in.reminder_days)}));
        return SettingsFor(*conn, in.county);
      });
}

Result<Page<DueFollowUp>> DueForFollowUp(const Deps& d, const account::Principal& who,
                                         std::optional<RegionCode> region, std::optional<int> days,
                                         const PageRequest& page) {
  ASSIGN_OR_RETURN(store::View v, internal::ViewOf(who));
  RegionCode at = region.value_or(who.region);
  if (!who.InScope(at)) return Error::Forbidden("区划不在辖区内");
  if (!v.trainer) v.region = at;
  if (days) RETURN_IF_ERROR(CheckRange(*days, 1, 730, "days", "跟踪提醒天数"));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(ConversionSettings s, SettingsFor(*conn, at));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  std::string to = today.AddDays(-days.value_or(s.reminder_days)).ToString();
  std::string from = MonthsAfter(today, -s.months).ToString();
  ASSIGN_OR_RETURN(auto out, store::DueFollowUps(*conn, v, from, to, page));
  std::vector<std::string> codes;
  for (const auto& r : out.items) codes.push_back(r.region_code);
  ASSIGN_OR_RETURN(auto names, region::NamesOf(*conn, std::move(codes)));
  for (auto& r : out.items) {
    if (auto it = names.find(r.region_code); it != names.end()) r.region_name = it->second;
    r.days_since_end = today.DaysSinceEpoch() - r.ends_on.DaysSinceEpoch();
  }
  return out;
}

}  // namespace ruralec::training
