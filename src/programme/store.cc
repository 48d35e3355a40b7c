#include "programme/store.h"

#include "crypto/crypto.h"

namespace ruralec::programme {
namespace {

using storage::Null;
using storage::Params;
using storage::Value;

Value Opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(Null{}); }
Value OptQ(const std::optional<Quantity>& q) { return q ? Opt(q->normalized) : Value(Null{}); }
Value OptDate(const std::optional<CivilDate>& d) {
  return d ? Value(d->ToString()) : Value(Null{});
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

Result<int64_t> InsertId(storage::Connection& conn, std::string_view sql, const Params& params) {
  ASSIGN_OR_RETURN(auto rows, conn.Query(std::string(sql) + " RETURNING id", params));
  if (rows.empty()) return Error::Internal("insert returned no id");
  return rows[0].Int(0);
}

struct Writer {
  storage::Connection& conn;
  const Programme& p;
  int64_t pid;
  std::string county;

  Status Quota(int64_t tid, const RegionRef& r, const Quantity* q, const char* kind, int line) {
    return conn.Exec(
                   "INSERT INTO programme_quotas (target_id, county_code, region_code, "
                   "region_name, "
                   "value_text, value_normalized, kind, line) VALUES (?,?,?,?,?,?,?,?)",
                   {tid, county, r.resolved_code,
                    r.resolved_name.empty() ? r.name : r.resolved_name, q ? q->text : "",
                    q ? Opt(q->normalized) : Value(Null{}), std::string(kind), line})
                   .ok()
               ? Status()
               : Error::Internal("保存配额失败");
  }

  Status Target(const programme::Target& t) {
    std::string params;
    for (const auto& [k, v] : t.params) {
      if (!params.empty()) params += ';';
      params.append(k).append("=").append(v);
    }
    const RegionRef& region = t.region ? *t.region : p.region;
    std::string unit = t.value ? t.value->unit : (t.quotas.empty() ? "" : t.quotas[0].value.unit);
    ASSIGN_OR_RETURN(
        int64_t tid,
        InsertId(
            conn,
            "INSERT INTO programme_targets (programme_id, county_code, target_key, indicator, "
            "params, comparator, value_text, unit, value_normalized, base_unit, open_note, "
            "aspiration, deadline, region_code, quotas_must_sum, text, source, line) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            {pid, county, t.id, t.indicator, params, t.comparator,
             t.value ? Value(t.value->text) : Value(Null{}), unit, OptQ(t.value),
             t.value ? t.value->base_unit : "", t.open, int64_t{t.aspiration}, OptDate(t.deadline),
             region.resolved_code, int64_t{t.quotas_must_sum}, t.text, t.source, t.line}));
    for (const auto& q : t.quotas) RETURN_IF_ERROR(Quota(tid, q.region, &q.value, "quota", q.line));
    if (t.quota_each) {
      for (const auto& r : t.quota_each->regions)
        RETURN_IF_ERROR(Quota(tid, r, &t.quota_each->value, "each", t.quota_each->line));
    }
    for (const auto& c : t.candidates) RETURN_IF_ERROR(Quota(tid, c, nullptr, "candidate", c.line));
    return {};
  }

  Status TaskUnits(int64_t task_id, const char* role, const std::vector<std::string>& names) {
    for (size_t i = 0; i < names.size(); ++i) {
      auto r = conn.Exec(
          "INSERT INTO programme_task_units (task_id, county_code, role, position, name) "
          "VALUES (?,?,?,?,?)",
          {task_id, county, std::string(role), static_cast<int64_t>(i), names[i]});
      if (!r.ok()) return r.take_error();
    }
    return {};
  }

  Status Task(const programme::Task& t) {
    ASSIGN_OR_RETURN(
        int64_t id,
        InsertId(conn,
                 "INSERT INTO programme_tasks (programme_id, county_code, number, "
                 "text, deadline, deadline_text, source, line) VALUES (?,?,?,?,?,?,?,?)",
                 {pid, county, int64_t{t.number}, t.text, OptDate(t.deadline), t.deadline_text,
                  t.source, t.line}));
    RETURN_IF_ERROR(TaskUnits(id, "lead", t.lead_units));
    RETURN_IF_ERROR(TaskUnits(id, "coordinating", t.coordinating_units));
    RETURN_IF_ERROR(TaskUnits(id, "target", t.targets));
    return TaskUnits(id, "indicator", t.indicators);
  }

  Status Term(int64_t rid, const char* term, const std::string& name, const std::string& cmp,
              const Quantity* q, const Quantity* upper, const Quantity* amount,
              const std::string& note, int line) {
    auto r = conn.Exec(
        "INSERT INTO programme_award_terms (rule_id, county_code, term, name, comparator, "
        "value_text, unit, value_normalized, upper_normalized, amount_normalized, note, line) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        {rid, county, std::string(term), name, cmp, q ? q->text : "", q ? q->unit : "",
         q ? Opt(q->normalized) : Value(Null{}), upper ? Opt(upper->normalized) : Value(Null{}),
         amount ? Opt(amount->normalized) : Value(Null{}), note, line});
    return r.ok() ? Status() : r.take_error();
  }

  Status Rule(const AwardRule& r) {
    const auto& a = r.amount;
    ASSIGN_OR_RETURN(
        int64_t rid,
        InsertId(conn,
                 "INSERT INTO programme_award_rules (programme_id, county_code, rule_key, name, "
                 "kind, subject, designation_level, designation_kind, amount_type, amount_fen, "
                 "percent_bp, percent_of, up_to, cap_fen, floor_fen, tiers_set_locally, frequency, "
                 "payable_after_acceptance, text, source, line) VALUES "
                 "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                 {pid,
                  county,
                  r.id,
                  r.name,
                  r.kind,
                  r.subject,
                  r.designation_level,
                  r.designation_kind,
                  a.type,
                  OptQ(a.value),
                  OptQ(a.percent),
                  a.of,
                  int64_t{a.up_to},
                  OptQ(a.cap),
                  OptQ(a.floor),
                  int64_t{a.tiers_set_locally},
                  r.frequency,
                  int64_t{r.payable_after_acceptance},
                  r.text,
                  r.source,
                  r.line}));
    for (const auto& e : r.eligibility) {
      const Quantity* th = e.threshold ? &*e.threshold : nullptr;
      RETURN_IF_ERROR(Term(rid, "eligibility", e.metric + "/" + e.period, e.comparator, th, nullptr,
                           nullptr, e.text, e.line));
    }
    for (const auto& t : a.tiers) {
      RETURN_IF_ERROR(Term(rid, "tier", "", ">=", t.from ? &*t.from : nullptr,
                           t.to ? &*t.to : nullptr, &t.amount, "", t.line));
    }
    for (const auto& m : r.multipliers) {
      RETURN_IF_ERROR(
          Term(rid, "multiplier", m.region_tag, "", &m.uplift, nullptr, nullptr, m.source, m.line));
    }
    for (const auto& l : r.set_locally) {
      RETURN_IF_ERROR(
          Term(rid, "set_locally", l.setting, "", nullptr, nullptr, nullptr, l.note, l.line));
    }
    for (const auto& tag : r.region_tags) {
      RETURN_IF_ERROR(Term(rid, "region_tag", tag, "", nullptr, nullptr, nullptr, "", r.line));
    }
    return {};
  }

  Status FundItem(const char* item, const std::string& key, const std::string& name,
                  const std::string& kind, const std::string& fund,
                  const std::optional<Quantity>& amount, const std::optional<Quantity>& percent,
                  const std::string& tags, const std::string& note, const std::string& source,
                  int line) {
    auto r = conn.Exec(
        "INSERT INTO programme_fund_items (programme_id, county_code, item, item_key, name, kind, "
        "fund_key, amount_fen, percent_bp, tags, note, source, line) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        {pid, county, std::string(item), key, name, kind, fund, OptQ(amount), OptQ(percent), tags,
         note, source, line});
    return r.ok() ? Status() : r.take_error();
  }

  Status Funds() {
    const auto& fp = p.fund_plan;
    for (const auto& f : fp.funds) {
      RETURN_IF_ERROR(FundItem("fund", f.id, f.name, f.kind, f.id, f.amount, std::nullopt, "",
                               f.open, f.source, f.line));
      for (const auto& t : f.tranches) {
        RETURN_IF_ERROR(FundItem("tranche", f.id + "/" + t.name, t.name, f.kind, f.id, t.amount,
                                 std::nullopt, "", "", f.source, t.line));
      }
    }
    for (const auto& c : fp.categories) {
      RETURN_IF_ERROR(FundItem("category", c.id, c.name, "", c.fund, c.amount, std::nullopt,
                               Join(c.tags, ","), "", c.source, c.line));
    }
    for (const auto& c : fp.constraints) {
      std::string note = c.text;
      if (!c.items.empty()) note += "\n" + Join(c.items, "\n");
      RETURN_IF_ERROR(FundItem("constraint", c.id, c.kind, c.kind, c.fund, std::nullopt, c.percent,
                               c.tag, note, c.source, c.line));
    }
    return {};
  }

  Status WorkflowRow(const char* item, const std::string& key, const std::string& name,
                     std::optional<int> days, const std::optional<CivilDate>& start,
                     const std::optional<CivilDate>& end, const std::string& detail,
                     const std::string& source, int line) {
    auto r = conn.Exec(
        "INSERT INTO programme_workflow (programme_id, county_code, item, item_key, name, "
        "working_days, start_date, end_date, detail, source, line) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        {pid, county, std::string(item), key, name, days ? Value(int64_t{*days}) : Value(Null{}),
         OptDate(start), OptDate(end), detail, source, line});
    return r.ok() ? Status() : r.take_error();
  }

  Status Workflow() {
    for (const auto& ph : p.phases) {
      RETURN_IF_ERROR(WorkflowRow("phase", ph.name, ph.name, std::nullopt, ph.start, ph.end,
                                  ph.text, ph.source, ph.line));
    }
    for (const auto& s : p.workflow.stages) {
      RETURN_IF_ERROR(WorkflowRow("stage", s.stage, s.after, s.working_days, std::nullopt,
                                  std::nullopt, Join(s.conclusions, ",") + "\n" + s.text, s.source,
                                  s.line));
    }
    for (const auto& m : p.workflow.materials) {
      RETURN_IF_ERROR(WorkflowRow("material", m.project_type, m.name, std::nullopt, std::nullopt,
                                  std::nullopt, Join(m.items, "\n"), m.source, m.line));
    }
    for (const auto& r : p.workflow.reporting) {
      RETURN_IF_ERROR(WorkflowRow("reporting", r.frequency, r.by, std::nullopt, std::nullopt,
                                  std::nullopt, "", r.source, r.line));
    }
    return {};
  }

  Status All() {
    for (const auto& t : p.targets) RETURN_IF_ERROR(Target(t));
    for (const auto& t : p.tasks) RETURN_IF_ERROR(Task(t));
    for (const auto& r : p.award_rules) RETURN_IF_ERROR(Rule(r));
    RETURN_IF_ERROR(Funds());
    return Workflow();
  }
};

}  // namespace

Result<StoredVersion> StoreProgramme(storage::Connection& conn, const Programme& p,
                                     const std::string& text, const std::string& source_file,
                                     int64_t now_ms) {
  if (p.region.resolved_code.empty()) {
    return Error::Invalid("region", "方案区划未解析（请先检查文件）");
  }
  std::string sha = crypto::Sha256Hex(text);
  return storage::InTransaction<StoredVersion>(
      conn, storage::TxMode::kWrite, [&]() -> Result<StoredVersion> {
        ASSIGN_OR_RETURN(
            auto same,
            conn.QueryOptional(
                "SELECT id, version FROM programmes WHERE programme_key = ? AND content_sha256 = ?",
                {p.id, sha}));
        if (same) return StoredVersion{same->Int(0), p.id, static_cast<int>(same->Int(1)), false};
        ASSIGN_OR_RETURN(
            auto last,
            conn.QueryOne(
                "SELECT COALESCE(MAX(version), 0) FROM programmes WHERE programme_key = ?", {p.id},
                "programme"));
        int version = static_cast<int>(last.Int(0)) + 1;
        ASSIGN_OR_RETURN(
            int64_t pid,
            InsertId(conn,
                     "INSERT INTO programmes (county_code, programme_key, version, content_sha256, "
                     "name, kind, status, document_number, issued_on, region_code, period_start, "
                     "period_end, source_file, source_text, loaded_at) VALUES "
                     "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     {p.region.resolved_code, p.id, int64_t{version}, sha, p.name, p.kind, p.status,
                      p.document_number, OptDate(p.issued_on), p.region.resolved_code,
                      OptDate(p.period_start), OptDate(p.period_end), source_file, text, now_ms}));
        Writer w{conn, p, pid, p.region.resolved_code};
        RETURN_IF_ERROR(w.All());
        return StoredVersion{pid, p.id, version, true};
      });
}

Result<std::vector<ProgrammeRow>> ListProgrammes(storage::Connection& conn,
                                                 const std::string& scope_prefix) {
  ASSIGN_OR_RETURN(
      auto rows,
      conn.Query("SELECT p.id, p.programme_key, p.version, p.name, p.document_number, "
                 "p.region_code, (SELECT COUNT(*) FROM programme_targets t WHERE "
                 "t.programme_id = p.id), (SELECT COUNT(*) FROM programme_tasks k WHERE "
                 "k.programme_id = p.id) FROM programmes p WHERE p.region_code LIKE ? AND "
                 "p.version = (SELECT MAX(version) FROM programmes q WHERE q.programme_key = "
                 "p.programme_key) ORDER BY p.programme_key",
                 {scope_prefix + "%"}));
  std::vector<ProgrammeRow> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4), r.Text(5),
                   r.Int(6), r.Int(7)});
  }
  return out;
}

}  // namespace ruralec::programme
