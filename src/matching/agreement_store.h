// SQL of agreements, their parties, products and attributed sales (agreements.h). No rules.
#pragma once

#include <optional>
#include <vector>

#include "matching/agreements.h"
#include "storage/db.h"

namespace ruralec::matching::store {

Result<int64_t> InsertAgreement(storage::Connection& conn, const AgreementInput& in,
                                const RegionCode& region, std::optional<int64_t> by, int64_t now);
// Inserts the agreement's parties and products (creation, and an edit's replacement).
Status InsertParts(storage::Connection& conn, int64_t id, const AgreementInput& in);
Result<std::optional<int64_t>> AgreementByNo(storage::Connection& conn, int64_t entity_id,
                                             const std::string& no);
// The agreement with parties and products (entity_name left empty).
Result<std::optional<Agreement>> GetAgreement(storage::Connection& conn, int64_t id);
// `own_entity`: only that entity's. Parties and products left empty.
Result<Page<Agreement>> ListAgreements(storage::Connection& conn, const AgreementFilter& f,
                                       std::optional<int64_t> own_entity, const PageRequest& page);
// Replaces the month's figure; the new row's id.
Result<int64_t> PutSales(storage::Connection& conn, const Agreement& a, const AttributedSales& s,
                         std::optional<int64_t> by);
Result<std::vector<AttributedSales>> Sales(storage::Connection& conn, int64_t agreement_id);
// (entity_id, agreement_id, amount_fen) of the months of `year` for entities of `scope`.
Result<std::vector<std::tuple<int64_t, int64_t, int64_t>>> SalesOfYear(storage::Connection& conn,
                                                                       const RegionCode& scope,
                                                                       int year);
Result<std::vector<CooperationMonth>> CooperationSalesOfYear(storage::Connection& conn,
                                                             const RegionCode& scope, int year);

}  // namespace ruralec::matching::store
