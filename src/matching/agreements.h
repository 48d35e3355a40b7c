// Contract-farming and cooperation agreements (订单农业、你种我销…, issue 19 item 4;
// docs/MATCHING.md "Agreements") and the online sales attributed to them (002 R07's base).
//
// Contract:
//  - An agreement belongs to an entity (the e-commerce side) and names: its number (unique per
//    entity), a title, the model (dictionary `agreement_models`, code or label), the date
//    signed (not in the future), the period valid_from–valid_to, 1–50 other parties (a household
//    of the register, a co-op, a base, a village collective or another entity; a household
//    party's name is stored masked), 1–20 products with the contracted volume and unit and an
//    optional price (fen per unit), a note, and the signed document (files: pdf/jpg/png/docx).
//  - Scope as the purchases ledger: staff read and write agreements of entities in their
//    region; an entity account only its own. Outside the view an agreement is "not found".
//    Writes need agreement:edit and are audited ("agreement.create", "agreement.file.add",
//    "agreement.sales") in their transaction.
//  - Attributed online sales: for a month (YYYY-MM) overlapping the agreement's period and not
//    after this month, the amount in fen of the entity's online sales of the agreement's
//    products, with the evidence (订单导出、平台结算单 reference). One figure per agreement and
//    month: recording a month again replaces it (the audit log keeps the old value).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "matching/matching.h"

namespace ruralec::matching {

struct Model {
  const char* code;
  const char* label;
};
const std::vector<Model>& Models();  // the agreement_models dictionary
Result<std::string> ParseModel(std::string_view text, std::string_view field = "model");
const char* ModelLabel(std::string_view code);

enum class PartyKind { kHousehold, kCoop, kBase, kVillage, kEntity };
const char* PartyKindName(PartyKind k);  // household | coop | base | village | entity
const char* PartyKindLabel(PartyKind k);  // 农户 | 专业合作社 | 基地 | 村集体 | 经营主体
Result<PartyKind> ParsePartyKind(std::string_view text, std::string_view field = "parties");

struct Party {
  PartyKind kind = PartyKind::kCoop;
  std::string name;  // a household's masked
  std::optional<int64_t> household_id, entity_id;
};
struct AgreementProduct {
  std::string product, unit;
  int64_t quantity = 0;
  std::optional<int64_t> price_fen;
};

struct AgreementInput {
  int64_t entity_id = 0;
  std::string agreement_no, title, model, note;
  CivilDate signed_on, valid_from, valid_to;
  std::vector<Party> parties;
  std::vector<AgreementProduct> products;
};

struct Agreement {
  int64_t id = 0;
  AgreementInput in;
  std::string entity_name;
  RegionCode region;  // the entity's
  int64_t file_count = 0;
  int64_t attributed_fen = 0;  // every attributed month summed
  int64_t created_at = 0, updated_at = 0;
};

struct AgreementFilter {
  RegionCode region;  // the entities' subtree; default the caller's region
  std::optional<int64_t> entity_id;
  std::string model;
  std::optional<CivilDate> active_on;  // valid on that day
};

Result<Agreement> CreateAgreement(const Deps& d, const account::Principal& who, AgreementInput in);
Result<Agreement> GetAgreement(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Agreement>> ListAgreements(const Deps& d, const account::Principal& who,
                                       AgreementFilter f, const PageRequest& page);

Result<File> AddAgreementFile(const Deps& d, const account::Principal& who, int64_t id,
                              std::string_view filename, std::string_view bytes);
Result<std::vector<File>> AgreementFiles(const Deps& d, const account::Principal& who, int64_t id);
Result<std::pair<File, std::string>> AgreementFile(const Deps& d, const account::Principal& who,
                                                   int64_t id, int64_t file_id);

struct AttributedSales {
  std::string month;  // YYYY-MM
  int64_t amount_fen = 0;
  std::string evidence;
  int64_t created_at = 0;
  int64_t id = 0;  // the agreement_sales row (set on reads: the record award lines name)
};
inline constexpr int64_t kMaxMonthlySalesFen = 100'000'000'000;  // 10亿元
Result<AttributedSales> RecordSales(const Deps& d, const account::Principal& who, int64_t id,
                                    AttributedSales s);
Result<std::vector<AttributedSales>> SalesOf(const Deps& d, const account::Principal& who,
                                             int64_t id);

// ---- read side for other modules (no permission check: the caller scoped `scope`) ----
// Per entity of `scope`: the online sales attributed to its agreements in `year`, with the
// agreements behind them (002 R07's base).
struct EntityAttributed {
  int64_t entity_id = 0, amount_fen = 0;
  std::vector<int64_t> agreement_ids;
};
Result<std::vector<EntityAttributed>> AttributedOfYear(storage::Connection& conn,
                                                       const RegionCode& scope, int year);

// 002 R07 ("与农业基地或专业合作社开展稳定购销协作"): the attributed months of `year` of the
// agreements of entities of `scope` that name a co-op (专业合作社) or a base (基地) among their
// parties, by entity, month, then row id. `id` is the agreement_sales row: the record an award
// line names (GET /matching/agreements/{id}/sales shows it).
struct CooperationMonth {
  int64_t id = 0, agreement_id = 0, entity_id = 0;
  std::string month;  // YYYY-MM
  int64_t amount_fen = 0;
};
Result<std::vector<CooperationMonth>> CooperationSalesOfYear(storage::Connection& conn,
                                                             const RegionCode& scope, int year);

}  // namespace ruralec::matching
