#include "runtime/indicators.h"

namespace ruralec::runtime {

std::optional<std::string> IndicatorRegistry::Planned(std::string_view id) const {
  if (!catalogue_) return std::string();
  return catalogue_(id);
}

Status IndicatorRegistry::Register(const std::string& indicator, std::string source, ComputeFn fn) {
  if (!Planned(indicator)) return Error::Invalid("indicator", "未知指标: " + indicator);
  if (entries_.count(indicator)) {
    return Error::Conflict("指标已有数据来源: " + indicator, "indicator");
  }
  entries_.emplace(indicator, Entry{std::move(source), std::move(fn), nullptr});
  return {};
}

Status IndicatorRegistry::RegisterGroup(
    const std::vector<std::pair<std::string, std::string>>& indicators, ComputeGroupFn fn) {
  for (const auto& [indicator, source] : indicators) {
    if (!Planned(indicator)) return Error::Invalid("indicator", "未知指标: " + indicator);
    if (entries_.count(indicator)) {
      return Error::Conflict("指标已有数据来源: " + indicator, "indicator");
    }
  }
  auto group = std::make_shared<const ComputeGroupFn>(std::move(fn));
  for (const auto& [indicator, source] : indicators)
    entries_.emplace(indicator, Entry{source, nullptr, group});
  return {};
}

Status IndicatorRegistry::SetReported(ComputeGroupFn fn) {
  if (reported_) return Error::Conflict("已有填报数据来源", "indicator");
  reported_ = std::make_shared<const ComputeGroupFn>(std::move(fn));
  return {};
}

bool IndicatorRegistry::HasSource(std::string_view indicator) const {
  return entries_.find(indicator) != entries_.end();
}

// The entry, nullptr when nothing is registered; an error for an unknown indicator.
Result<const IndicatorRegistry::Entry*> IndicatorRegistry::Find(
    const std::string& indicator) const {
  if (!Planned(indicator)) return Error::Invalid("indicator", "未知指标: " + indicator);
  auto it = entries_.find(indicator);
  return it == entries_.end() ? nullptr : &it->second;
}

Measurement IndicatorRegistry::NoSource(const std::string& indicator) const {
  Measurement m;
  m.status = Measurement::Status::kNoDataSource;
  m.reason =
      "尚无数据来源 (no data source registered; planned: " + Planned(indicator).value_or("") + ")";
  return m;
}

Result<Measurement> IndicatorRegistry::Compute(storage::Connection& conn,
                                               const IndicatorQuery& query) const {
  ASSIGN_OR_RETURN(
      auto all,
      ComputeAll(conn, {{query.indicator, {query.region}, query.from, query.to, query.params}}));
  return std::move(all.at(0).at(0));
}

Result<std::vector<Measurements>> IndicatorRegistry::ComputeAll(
    storage::Connection& conn, const std::vector<IndicatorBatch>& batches) const {
  std::vector<Measurements> out(batches.size());
  // Batches of each group provider, by the index of the batch.
  std::map<const ComputeGroupFn*, std::vector<size_t>> grouped;
  for (size_t i = 0; i < batches.size(); ++i) {
    const IndicatorBatch& b = batches[i];
    ASSIGN_OR_RETURN(const Entry* e, Find(b.indicator));
    if (e && e->group) {
      grouped[e->group.get()].push_back(i);
      continue;
    }
    for (const auto& region : b.regions) {
      if (!e) {
        out[i].push_back(NoSource(b.indicator));
        continue;
      }
      ASSIGN_OR_RETURN(Measurement m, e->fn(conn, {b.indicator, region, b.from, b.to, b.params}));
      out[i].push_back(std::move(m));
    }
  }
  for (const auto& [fn, indexes] : grouped) {
    std::vector<IndicatorBatch> mine;
    for (size_t i : indexes) mine.push_back(batches[i]);
    ASSIGN_OR_RETURN(std::vector<Measurements> answers, (*fn)(conn, mine));
    if (answers.size() != mine.size()) return Error::Internal("指标分组计算返回的结果数不符");
    for (size_t k = 0; k < indexes.size(); ++k) {
      if (answers[k].size() != mine[k].regions.size())
        return Error::Internal("指标分组计算返回的结果数不符: " + mine[k].indicator);
      out[indexes[k]] = std::move(answers[k]);
    }
  }
  for (size_t i = 0; i < batches.size(); ++i) {
    auto it = entries_.find(batches[i].indicator);
    if (it == entries_.end()) continue;
    for (auto& m : out[i]) {
      if (m.source.empty()) m.source = it->second.source;
    }
  }
  if (reported_) RETURN_IF_ERROR(FillReported(conn, batches, out));
  return out;
}

// Asks the reported-values provider once for every region left without data and puts its kOk
// answers in their place.
Status IndicatorRegistry::FillReported(storage::Connection& conn,
                                       const std::vector<IndicatorBatch>& batches,
                                       std::vector<Measurements>& out) const {
  std::vector<IndicatorBatch> asked;
  std::vector<std::pair<size_t, std::vector<size_t>>> where;  // batch index, region indexes
  for (size_t i = 0; i < batches.size(); ++i) {
    IndicatorBatch b{batches[i].indicator, {}, batches[i].from, batches[i].to, batches[i].params};
    std::vector<size_t> at;
    for (size_t k = 0; k < out[i].size(); ++k) {
      if (out[i][k].status != Measurement::Status::kNoDataSource) continue;
      b.regions.push_back(batches[i].regions[k]);
      at.push_back(k);
    }
    if (at.empty()) continue;
    asked.push_back(std::move(b));
    where.emplace_back(i, std::move(at));
  }
  if (asked.empty()) return {};
  ASSIGN_OR_RETURN(std::vector<Measurements> answers, (*reported_)(conn, asked));
  if (answers.size() != asked.size()) return Error::Internal("填报数据返回的结果数不符");
  for (size_t n = 0; n < asked.size(); ++n) {
    const auto& [i, at] = where[n];
    if (answers[n].size() != at.size()) return Error::Internal("填报数据返回的结果数不符");
    bool computed = HasSource(batches[i].indicator);
    for (size_t j = 0; j < at.size(); ++j) {
      Measurement& m = answers[n][j];
      if (m.status == Measurement::Status::kOk || !computed) {
        if (m.status != Measurement::Status::kOk && m.reason.empty()) continue;
        out[i][at[j]] = std::move(m);
      }
    }
  }
  return {};
}

}  // namespace ruralec::runtime
