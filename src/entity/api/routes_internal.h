// Shared by the entity route files: dependencies, the visible-entity check and the JSON shapes
// of docs/API.md. Internal to src/entity/api.
#pragma once

#include "audit/audit.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "entity/queries.h"
#include "http/audit_entry.h"
#include "http/file_reply.h"
#include "http/list.h"
#include "http/params.h"
#include "http/server.h"
#include "storage/db.h"

namespace ruralec::entity::api {

using http::Json;
using http::Reply;
using http::Request;
using namespace http;  // NOLINT: the shared handler helpers (params, list, file_reply, audit)

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
  const crypto::FieldCipher& cipher;
};

// The entity if it exists and lies in the caller's scope; 404 otherwise (existence hidden).
Result<queries::EntityRow> VisibleEntity(storage::Connection& conn, const Request& req, int64_t id);

Json EntityJson(const queries::EntityRow& e);
Json ShopJson(const Shop& s);
Json BrandJson(const queries::BrandRow& b);

// The list filters of GET /entities, shared with its export.
Result<queries::EntityFilter> EntityFilterFrom(const Request& req);

void RegisterEntityRoutes(http::Server& s, const Deps& d);
void RegisterShopBrandRoutes(http::Server& s, const Deps& d);
void RegisterImportRoutes(http::Server& s, const Deps& d);

}  // namespace ruralec::entity::api
