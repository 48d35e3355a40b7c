#include "funds/read_store.h"

#include "funds/store_rows.h"
#include "storage/where.h"

namespace ruralec::funds::store {
namespace {

using storage::Row;
using storage::Where;

// Funds are kept by county (a 12-digit county code); a scope holds a county when its code
// starts with the scope's significant digits.
Where ScopeOf(const RegionCode& scope) {
  Where w;
  if (!scope.empty()) w.InSubtree("county_code", scope);
  return w;
}

}  // namespace

Result<Page<Fund>> FundsPage(storage::Connection& conn, const RegionCode& scope,
                             const PageRequest& page) {
  ASSIGN_OR_RETURN(auto p, storage::QueryPage<Fund>(conn, rows::kFundColumns, "FROM funds",
                                                    ScopeOf(scope), " ORDER BY id DESC", page,
                                                    [](const Row& r) { return rows::FundOf(r); }));
  for (auto& f : p.items) {
    ASSIGN_OR_RETURN(auto cats, conn.Query("SELECT code, name, planned_fen FROM fund_categories "
                                           "WHERE fund_id = ? ORDER BY code",
                                           {f.id.value}));
    for (const auto& r : cats) f.categories.push_back({r.Text(0), r.Text(1), Fen{r.Int(2)}});
  }
  return p;
}

Result<Page<TransferRow>> TransfersPage(storage::Connection& conn, FundId fund,
                                        const TransferFilter& f, const PageRequest& page) {
  Where w;
  w.Eq("fund_id", fund.value);
  if (f.op) w.Eq("op", std::string(OpName(*f.op)));
  if (!f.project.empty()) w.Sql("(from_project = ? OR to_project = ?)", {f.project, f.project});
  if (!f.category.empty())
    w.Sql("(from_category = ? OR to_category = ?)", {f.category, f.category});
  std::string columns =
      std::string(rows::kTransferColumns) +
      ", (SELECT r.id FROM fund_transfers r WHERE r.reverses = fund_transfers.id)";
  return storage::QueryPage<TransferRow>(conn, columns, "FROM fund_transfers", w,
                                         " ORDER BY seq DESC", page, [](const Row& r) {
                                           TransferRow row{rows::TransferOf(r), std::nullopt};
                                           if (!r.IsNull(23))
                                             row.reversed_by = TransferId{r.Int(23)};
                                           return row;
                                         });
}

Result<Page<Project>> ProjectsPage(storage::Connection& conn, FundId fund,
                                   const PageRequest& page) {
  Where w;
  w.Eq("fund_id", fund.value);
  return storage::QueryPage<Project>(conn, "project, name, status, status_on", "FROM fund_projects",
                                     w, " ORDER BY project", page, [](const Row& r) {
                                       Project p{r.Text(0), r.Text(1)};
                                       auto st = ParseProjectStatus(r.Text(2));
                                       p.status = st.ok() ? *st : ProjectStatus::kOpen;
                                       if (!r.IsNull(3)) p.status_on = rows::DateOf(r.Text(3));
                                       return p;
                                     });
}

Result<Page<PlanChange>> PlanChangesPage(storage::Connection& conn, FundId fund,
                                         const PageRequest& page) {
  Where w;
  w.Eq("fund_id", fund.value);
  return storage::QueryPage<PlanChange>(
      conn, "id, code, planned_fen, before_fen, document, reason, changed_by, changed_at",
      "FROM fund_category_changes", w, " ORDER BY id DESC", page, [](const Row& r) {
        PlanChange c;
        c.id = r.Int(0);
        c.code = r.Text(1);
        c.planned = Fen{r.Int(2)};
        c.before = Fen{r.Int(3)};
        c.document = r.Text(4);
        c.reason = r.Text(5);
        c.changed_by = r.OptInt(6);
        c.changed_at = r.Int(7);
        return c;
      });
}

Result<std::map<std::string, UplinkSums>> ProjectUplink(storage::Connection& conn, FundId fund) {
  ASSIGN_OR_RETURN(auto rs, conn.Query("SELECT t.to_project, SUM(t.amount_fen * t.uplink_pct), "
                                       "SUM(t.amount_fen) FROM fund_transfers t WHERE "
                                       "t.fund_id = ? AND t.op = 'commit' AND NOT EXISTS "
                                       "(SELECT 1 FROM fund_transfers r WHERE r.reverses = t.id) "
                                       "GROUP BY t.to_project",
                                       {fund.value}));
  std::map<std::string, UplinkSums> out;
  for (const auto& r : rs) out[r.Text(0)] = {r.Int(1), r.Int(2)};
  return out;
}

}  // namespace ruralec::funds::store
