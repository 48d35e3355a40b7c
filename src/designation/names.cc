// Names, labels and parsing of the designation vocabularies, and the status machine.
#include <array>

#include "designation/designation.h"

namespace ruralec::designation {
namespace {

struct Named {
  const char* name;
  const char* label;
};
constexpr std::array<Named, 4> kLevels{
    {{"national", "国家级"}, {"province", "省级"}, {"city", "市级"}, {"county", "县（区）级"}}};
constexpr std::array<Named, 6> kKinds{{{"county", "示范县"},
                                       {"town", "示范镇"},
                                       {"village", "示范村"},
                                       {"point", "示范点（服务站点）"},
                                       {"enterprise", "示范企业"},
                                       {"park", "产业强镇/产业园区"}}};
constexpr std::array<Named, 4> kStates{{{"candidate", "候选"},
                                        {"applied", "已申报"},
                                        {"recognised", "已认定"},
                                        {"revoked", "已撤销"}}};

template <size_t N>
std::optional<size_t> Find(const std::array<Named, N>& table, std::string_view t) {
  for (size_t i = 0; i < N; ++i) {
    if (t == table[i].name || t == table[i].label) return i;
  }
  return std::nullopt;
}

}  // namespace

const char* LevelName(Level l) { return kLevels[static_cast<size_t>(l)].name; }
const char* LevelLabel(Level l) { return kLevels[static_cast<size_t>(l)].label; }
const char* KindName(Kind k) { return kKinds[static_cast<size_t>(k)].name; }
const char* KindLabel(Kind k) { return kKinds[static_cast<size_t>(k)].label; }
const char* StatusName(State s) { return kStates[static_cast<size_t>(s)].name; }
const char* StatusLabel(State s) { return kStates[static_cast<size_t>(s)].label; }
const char* SubjectTypeName(SubjectType t) {
  switch (t) {
    case SubjectType::kStation:
      return "station";
    case SubjectType::kEntity:
      return "entity";
    case SubjectType::kRegion:
      break;
  }
  return "region";
}

Result<Level> ParseLevel(std::string_view t, std::string_view field) {
  if (auto i = Find(kLevels, t)) return static_cast<Level>(*i);
  if (t == "district" || t == "区级" || t == "县级" || t == "县区级") return Level::kCounty;
  if (t == "国家") return Level::kNational;
  if (t == "省") return Level::kProvince;
  if (t == "市") return Level::kCity;
  return Error::Invalid(
      std::string(field),
      "级别应为 国家级(national)、省级(province)、市级(city) 或 县（区）级(county)");
}

Result<Kind> ParseKind(std::string_view t, std::string_view field) {
  if (auto i = Find(kKinds, t)) return static_cast<Kind>(*i);
  if (t == "示范点" || t == "示范网点" || t == "station") return Kind::kPoint;
  if (t == "产业强镇" || t == "产业园区" || t == "强镇") return Kind::kPark;
  return Error::Invalid(std::string(field),
                        "类别应为 示范县、示范镇、示范村、示范点、示范企业 或 产业强镇/产业园区");
}

Result<State> ParseStatus(std::string_view t, std::string_view field) {
  if (auto i = Find(kStates, t)) return static_cast<State>(*i);
  if (t == "认定" || t == "已认定") return State::kRecognised;
  return Error::Invalid(std::string(field), "状态应为 候选、已申报、已认定 或 已撤销");
}

bool CanChange(State from, State to) {
  switch (from) {
    case State::kCandidate:
      return to == State::kApplied || to == State::kRecognised || to == State::kRevoked;
    case State::kApplied:
      return to == State::kRecognised || to == State::kRevoked;
    case State::kRecognised:
      return to == State::kRevoked;
    case State::kRevoked:
      return false;
  }
  return false;
}

SubjectType SubjectOf(Kind k) {
  if (k == Kind::kPoint) return SubjectType::kStation;
  if (k == Kind::kEnterprise) return SubjectType::kEntity;
  return SubjectType::kRegion;
}

}  // namespace ruralec::designation
