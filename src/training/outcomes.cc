// Follow-up outcomes (跟踪服务; training.h contract).
#include "account/stamp.h"
#include "core/validate.h"
#include "entity/entity.h"
#include "training/service_internal.h"
#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

void Label(std::vector<Outcome>& list) {
  const auto& kinds = Builtin("training_outcome_kinds");
  for (auto& o : list)
    for (const auto& k : kinds)
      if (k.value == o.kind) o.kind_label = k.label;
}

Result<std::string> KindOf(const std::string& text) {
  for (const auto& k : Builtin("training_outcome_kinds"))
    if (k.value == text || k.label == text) return k.value;
  return Error::Invalid(
      "kind", "跟踪结果应为 开设网店、创业、电商企业就业、首笔网络销售 或 认定为电商带头人");
}

}  // namespace

Result<Outcome> RecordOutcome(const Deps& d, const account::Principal& who, int64_t trainee_id,
                              const OutcomeInput& input) {
  if (!who.Can("training:edit")) return Error::Forbidden("没有登记培训跟踪服务的权限");
  OutcomeInput in = input;
  ASSIGN_OR_RETURN(in.kind, KindOf(in.kind));
  CivilDate today = ShanghaiDate(d.clock.NowMs());
  RETURN_IF_ERROR(validate::PlausibleDate(in.happened_on, "happened_on", today));
  ASSIGN_OR_RETURN(in.evidence, internal::Text(in.evidence, "evidence", "佐证材料", 500, true));
  auto conn = d.db.Acquire();
  return storage::InTransaction<Outcome>(*conn, storage::TxMode::kWrite, [&]() -> Result<Outcome> {
    auto t = store::GetTrainee(*conn, trainee_id);
    if (!t.ok() || !who.InScope(t->region))
      return Error::NotFound("学员 " + std::to_string(trainee_id) + " 不存在");
    if (in.entity_id) {
      auto e = entity::Get(*conn, *in.entity_id);
      if (!e.ok() || !who.CanSee(e->region.county()))
        return Error::Invalid("entity_id", "经营主体不存在");
    }
    ASSIGN_OR_RETURN(int64_t id,
                     store::InsertOutcome(*conn, *t, in, StampOf(who, d.clock.NowMs())));
    RETURN_IF_ERROR(
        d.audit.Append(*conn, AuditOf(who, "training.outcome", "training_trainee", trainee_id,
                                      "kind=" + in.kind + " on=" + in.happened_on.ToString())));
    ASSIGN_OR_RETURN(auto all, store::OutcomesOf(*conn, trainee_id));
    Label(all);
    for (auto& o : all)
      if (o.id == id) return o;
    return Error::Internal("跟踪记录写入后未找到");
  });
}

Result<std::vector<Outcome>> Outcomes(const Deps& d, const account::Principal& who,
                                      int64_t trainee_id) {
  ASSIGN_OR_RETURN(Trainee t, GetTrainee(d, who, trainee_id));
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto all, store::OutcomesOf(*conn, t.id));
  Label(all);
  return all;
}

}  // namespace ruralec::training
