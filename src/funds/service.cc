// The funds service (service.h contract): permission and region checks around the ledger, the
// audit entry in the same transaction as each change.
#include "funds/service.h"

#include <algorithm>

#include "account/stamp.h"
#include "funds/ledger_store.h"
#include "region/region.h"

namespace ruralec::funds {
namespace {

using account::Principal;

Status NeedRead(const Principal& who) {
  if (!who.Can("funds:read")) return Error::Forbidden("没有查看专项资金的权限");
  return {};
}

Status NeedEdit(const Principal& who) {
  if (!who.Can("funds:edit")) return Error::Forbidden("没有登记专项资金变动的权限");
  return {};
}

RegionCode CountyOf(const Fund& f) {
  auto c = RegionCode::Parse(f.county_code);
  return c.ok() ? *c : RegionCode();
}

// The fund, if the caller may see it (kNotFound otherwise: a fund out of sight does not exist).
Result<Fund> Visible(storage::Connection& conn, const Principal& who, FundId id) {
  ASSIGN_OR_RETURN(Fund f, store::LoadFund(conn, id));
  if (!who.CanSee(CountyOf(f))) return Error::NotFound("资金不存在");
  return f;
}

// The fund, if the caller may change it.
Result<Fund> Writable(storage::Connection& conn, const Principal& who, FundId id) {
  ASSIGN_OR_RETURN(Fund f, Visible(conn, who, id));
  if (!who.InScope(CountyOf(f)))
    return Error::Forbidden("资金所属县 " + f.county_code + " 不在您的管辖范围内");
  return f;
}

template <typename T>
Status Ok(const Result<T>& r) {
  if (!r.ok()) return r.error();
  return {};
}

Result<FundView> ViewOf(storage::Connection& conn, FundId id) {
  ASSIGN_OR_RETURN(FundState s, store::LoadState(conn, id));
  ASSIGN_OR_RETURN(auto uplink, store::ProjectUplink(conn, id));
  FundView v{s.fund, FiguresOf(s, uplink), static_cast<int64_t>(s.projects.size())};
  return v;
}

Actor ActorOf(const Deps& d, const Principal& who) {
  return {who.id.valid() ? std::optional<int64_t>(who.id.value) : std::nullopt, d.clock.NowMs()};
}

Status Audit(const Deps& d, storage::Connection& conn, const Principal& who,
             const std::string& action, FundId id, const std::string& detail) {
  return d.audit.Append(conn, account::AuditOf(who, action, "fund", id.value, detail));
}

}  // namespace

Result<Page<FundView>> ListFunds(const Deps& d, const Principal& who, const RegionCode& scope,
                                 const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Page<FundView>>(
      *conn, storage::TxMode::kRead, [&]() -> Result<Page<FundView>> {
        // A town user sees the funds of their county: the scope is widened to it.
        RegionCode s = scope.level() > RegionLevel::kCounty ? scope.county() : scope;
        ASSIGN_OR_RETURN(auto funds, store::FundsPage(*conn, s, page));
        Page<FundView> out{{}, funds.total, funds.page, funds.page_size};
        for (const auto& f : funds.items) {
          ASSIGN_OR_RETURN(auto v, ViewOf(*conn, f.id));
          out.items.push_back(std::move(v));
        }
        return out;
      });
}

Result<FundView> GetFund(const Deps& d, const Principal& who, FundId id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<FundView>(*conn, storage::TxMode::kRead, [&]() -> Result<FundView> {
    RETURN_IF_ERROR(Ok(Visible(*conn, who, id)));
    return ViewOf(*conn, id);
  });
}

Result<FundView> CreateFund(const Deps& d, const Principal& who, Fund f) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto county = RegionCode::Parse(f.county_code);
  if (!county.ok() || county->level() != RegionLevel::kCounty)
    return Error::Invalid("county_code", "请填写县级区划代码");
  if (!who.InScope(*county)) return Error::Forbidden("县 " + f.county_code + " 不在您的管辖范围内");
  f.county_code = county->str();
  auto conn = d.db.Acquire();
  return storage::InTransaction<FundView>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<FundView> {
        ASSIGN_OR_RETURN(bool exists, region::Exists(*conn, *county));
        if (!exists) return Error::Invalid("county_code", "区划 " + f.county_code + " 不存在");
        ASSIGN_OR_RETURN(FundId id, funds::CreateFund(*conn, f, ActorOf(d, who)));
        RETURN_IF_ERROR(Audit(d, *conn, who, "funds.create", id,
                              "name=" + f.name + " amount=" + f.amount.ToYuan()));
        return ViewOf(*conn, id);
      });
}

Result<Page<Balance>> BalancesOf(const Deps& d, const Principal& who, FundId id,
                                 const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Page<Balance>>(
      *conn, storage::TxMode::kRead, [&]() -> Result<Page<Balance>> {
        RETURN_IF_ERROR(Ok(Visible(*conn, who, id)));
        ASSIGN_OR_RETURN(auto all, Balances(*conn, id));
        Page<Balance> out{{}, static_cast<int64_t>(all.size()), page.page, page.page_size};
        for (int64_t i = page.offset(); i < out.total && i < page.offset() + page.page_size; ++i)
          out.items.push_back(all[static_cast<size_t>(i)]);
        return out;
      });
}

Result<Page<store::TransferRow>> TransfersOf(const Deps& d, const Principal& who, FundId id,
                                             const store::TransferFilter& f,
                                             const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Page<store::TransferRow>>(
      *conn, storage::TxMode::kRead, [&]() -> Result<Page<store::TransferRow>> {
        RETURN_IF_ERROR(Ok(Visible(*conn, who, id)));
        return store::TransfersPage(*conn, id, f, page);
      });
}

Result<Page<Project>> ProjectsOf(const Deps& d, const Principal& who, FundId id,
                                 const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Page<Project>>(*conn, storage::TxMode::kRead,
                                               [&]() -> Result<Page<Project>> {
                                                 RETURN_IF_ERROR(Ok(Visible(*conn, who, id)));
                                                 return store::ProjectsPage(*conn, id, page);
                                               });
}

Result<Transfer> MoveMoney(const Deps& d, const Principal& who, FundId id, TransferRequest r) {
  RETURN_IF_ERROR(NeedEdit(who));
  if (r.op == Op::kReclaim)
    return Error::Invalid("op", "追回多付奖补须从奖补清单的核减事项发起（award-reclaims）");
  auto conn = d.db.Acquire();
  return storage::InTransaction<Transfer>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<Transfer> {
        RETURN_IF_ERROR(Ok(Writable(*conn, who, id)));
        ASSIGN_OR_RETURN(Transfer t, Move(*conn, d.mac, id, r, ActorOf(d, who)));
        if (!t.repeated)
          RETURN_IF_ERROR(Audit(d, *conn, who, "funds.transfer", id,
                                "seq=" + std::to_string(t.seq) + " op=" + OpName(t.op) +
                                    " amount=" + t.amount.ToYuan() + " project=" + t.to.project +
                                    " document=" + t.document));
        return t;
      });
}

Status PutFundProject(const Deps& d, const Principal& who, FundId id, Project p) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(Ok(Writable(*conn, who, id)));
    RETURN_IF_ERROR(PutProject(*conn, id, p));
    return Audit(d, *conn, who, "funds.project", id,
                 "project=" + p.key + " status=" + ProjectStatusName(p.status) +
                     (p.status_on ? " on=" + p.status_on->ToString() : ""));
  });
}

Status CloseFund(const Deps& d, const Principal& who, FundId id, CivilDate through) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    RETURN_IF_ERROR(Ok(Writable(*conn, who, id)));
    RETURN_IF_ERROR(CloseThrough(*conn, id, through));
    return Audit(d, *conn, who, "funds.close", id, "through=" + through.ToString());
  });
}

Result<bool> AdjustFundPlan(const Deps& d, const Principal& who, FundId id, PlanChange c) {
  RETURN_IF_ERROR(NeedEdit(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<bool>(*conn, storage::TxMode::kWrite, [&]() -> Result<bool> {
    RETURN_IF_ERROR(Ok(Writable(*conn, who, id)));
    ASSIGN_OR_RETURN(bool changed, AdjustPlan(*conn, id, c, ActorOf(d, who)));
    if (changed)
      RETURN_IF_ERROR(Audit(d, *conn, who, "funds.plan_change", id,
                            "category=" + c.code + " planned=" + c.planned.ToYuan() +
                                " document=" + c.document + " reason=" + c.reason));
    return changed;
  });
}

Result<Page<PlanChange>> PlanChangesOf(const Deps& d, const Principal& who, FundId id,
                                       const PageRequest& page) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Page<PlanChange>>(*conn, storage::TxMode::kRead,
                                                  [&]() -> Result<Page<PlanChange>> {
                                                    RETURN_IF_ERROR(Ok(Visible(*conn, who, id)));
                                                    return store::PlanChangesPage(*conn, id, page);
                                                  });
}

Result<VerifyReport> VerifyFund(const Deps& d, const Principal& who, FundId id) {
  RETURN_IF_ERROR(NeedRead(who));
  auto conn = d.db.Acquire();
  {
    auto seen = storage::InTransaction<Fund>(*conn, storage::TxMode::kRead,
                                             [&] { return Visible(*conn, who, id); });
    if (!seen.ok()) return seen.error();
  }
  ASSIGN_OR_RETURN(VerifyReport rep, Verify(*conn, d.mac, id));
  RETURN_IF_ERROR(storage::InTransaction(*conn, storage::TxMode::kWrite, [&]() -> Status {
    return Audit(
        d, *conn, who, "funds.verify", id,
        rep.ok ? "ok transfers=" + std::to_string(rep.transfers) : "violation=" + rep.violation);
  }));
  return rep;
}

}  // namespace ruralec::funds
