// HTTP of the cold-chain resources (docs/API.md "Logistics network, parcels and tracking"):
// JSON ⇄ cold_chain.h; permission, scope and rules are the service's.
#include "http/list.h"
#include "http/params.h"
#include "logistics/api/network_handlers.h"
#include "logistics/cold_chain.h"

namespace ruralec::logistics::api {
namespace {

using http::Json;
using http::Reply;
using http::Request;

// A temperature: a JSON number or a decimal string (at most one decimal); required.
Result<int> TenthsField(const Json& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty()))
    return Error::Invalid(field, field == "temp_min" ? "最低温度不能为空" : "最高温度不能为空");
  if (it->is_string()) return ParseTenths(it->get<std::string>(), field);
  if (it->is_number_integer()) return ParseTenths(std::to_string(it->get<int64_t>()), field);
  if (it->is_number()) return ParseTenths(it->dump(), field);
  return Error::Invalid(field, "温度应为数字");
}

Result<ColdResourceInput> ColdFrom(const Json& body) {
  ColdResourceInput in;
  ASSIGN_OR_RETURN(in.kind, http::RequiredString(body, "kind"));
  ASSIGN_OR_RETURN(in.name, http::RequiredString(body, "name"));
  ASSIGN_OR_RETURN(auto op, http::OptionalString(body, "operator"));
  in.operator_name = op.value_or("");
  ASSIGN_OR_RETURN(in.node_id, http::BodyOptInt(body, "node_id"));
  ASSIGN_OR_RETURN(auto region, http::OptionalString(body, "region_code"));
  if (region && !region->empty()) {
    auto code = RegionCode::Parse(*region);
    if (!code.ok()) return Error::Invalid("region_code", "区划代码无效: " + *region);
    in.region = *code;
  }
  ASSIGN_OR_RETURN(auto tonnes, http::BodyOptInt(body, "capacity_tonnes"));
  if (!tonnes) return Error::Invalid("capacity_tonnes", "库容（吨）不能为空");
  in.capacity_tonnes = *tonnes;
  ASSIGN_OR_RETURN(in.temp_min, TenthsField(body, "temp_min"));
  ASSIGN_OR_RETURN(in.temp_max, TenthsField(body, "temp_max"));
  ASSIGN_OR_RETURN(auto active, http::BodyOptBool(body, "active"));
  in.active = active.value_or(true);
  return in;
}

Json ColdJson(const ColdResource& c) {
  return {{"id", c.id},
          {"region_code", c.region.str()},
          {"region_name", c.region_name},
          {"kind", c.kind},
          {"kind_label", c.kind_label},
          {"name", c.name},
          {"operator", c.operator_name},
          {"node_id", http::OptIntJson(c.node_id)},
          {"node_name", c.node_name},
          {"capacity_tonnes", c.capacity_tonnes},
          {"temp_min", FormatTenths(c.temp_min)},
          {"temp_max", FormatTenths(c.temp_max)},
          {"temp_min_dc", c.temp_min},
          {"temp_max_dc", c.temp_max},
          {"active", c.active},
          {"created_at", http::TimeJson(c.created_at)},
          {"updated_at", http::TimeJson(c.updated_at)}};
}

Result<ColdResourceFilter> FilterFrom(const Request& req, const RegionCode& scope) {
  ColdResourceFilter f;
  f.region = scope;
  f.kind = req.Query("kind");
  ASSIGN_OR_RETURN(f.node_id, http::QueryOptInt(req, "node_id"));
  ASSIGN_OR_RETURN(f.active, http::QueryOptBool(req, "active"));
  f.q = req.Query("q");
  return f;
}

constexpr const char* kRead = "logistics:network:read";
constexpr const char* kEdit = "logistics:network:edit";

}  // namespace

void RegisterColdChainRoutes(http::Server& s, const Deps& d) {
  http::ListRoute<ColdResource>(
      s, "/logistics/cold-resources", {.permission = kRead},
      {"id", "name", "kind", "capacity_tonnes", "region_code"},
      [d](Request& req, const http::ListParams& lp) -> Result<Page<ColdResource>> {
        ASSIGN_OR_RETURN(ColdResourceFilter f, FilterFrom(req, lp.scope));
        return ListColdResources(d, req.principal(), f, lp.page);
      },
      ColdJson);
  s.Get(R"(/logistics/cold-resources/(\d+))", {.permission = kRead},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(ColdResource c, GetColdResource(d, req.principal(), id));
          return ColdJson(c);
        });
  s.Post("/logistics/cold-resources", {.permission = kEdit},
         [d](Request& req, Reply& reply) -> Result<Json> {
           ASSIGN_OR_RETURN(Json body, req.Body());
           ASSIGN_OR_RETURN(ColdResourceInput in, ColdFrom(body));
           ASSIGN_OR_RETURN(ColdResource c, CreateColdResource(d, req.principal(), in));
           reply.status = 201;
           return ColdJson(c);
         });
  s.Put(R"(/logistics/cold-resources/(\d+))", {.permission = kEdit},
        [d](Request& req, Reply&) -> Result<Json> {
          ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
          ASSIGN_OR_RETURN(Json body, req.Body());
          ASSIGN_OR_RETURN(ColdResourceInput in, ColdFrom(body));
          ASSIGN_OR_RETURN(ColdResource c, UpdateColdResource(d, req.principal(), id, in));
          return ColdJson(c);
        });
}

}  // namespace ruralec::logistics::api
