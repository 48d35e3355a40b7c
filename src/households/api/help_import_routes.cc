// Imports of employment and shop records over HTTP (help_import.h): the imports module's upload
// (multipart `file`, `mode`) and the templates.
#include "households/api/household_handlers.h"
#include "households/help_import.h"
#include "http/file_reply.h"
#include "imports/api/upload.h"

namespace ruralec::households::api {

void RegisterHelpImportRoutes(http::Server& s, const Deps& d) {
  imports::api::SetReadPermission("household_employments", "household:read");
  imports::api::SetReadPermission("household_shops", "household:read");
  struct Kind {
    const char* path;
    const char* kind;
    decltype(&ImportShops) run;
    decltype(&ShopsTemplate) sheet;
    const char* file;
  };
  for (const Kind& k : {Kind{"/households/employments", "household_employments", &ImportEmployments,
                             &EmploymentsTemplate, "household-employments-template.xlsx"},
                        Kind{"/households/shops", "household_shops", &ImportShops, &ShopsTemplate,
                             "household-shops-template.xlsx"}}) {
    s.Post(std::string(k.path) + "/import", {true, "household:import"},
           [d, k](http::Request& req, http::Reply&) {
             imports::ImportContext ctx{d.db, d.audit, d.clock, d.cipher};
             return imports::api::Upload(
                 ctx, req, k.kind,
                 [k](const imports::ImportContext& c, const account::Principal& who,
                     const std::string& path, imports::Mode m,
                     const imports::ImportOptions& o) { return k.run(c, who, path, m, o); });
           });
    s.Get(std::string(k.path) + "/template", {true, "household:read"},
          [k](http::Request&, http::Reply& r) -> Result<http::Json> {
            RETURN_IF_ERROR(http::XlsxReply(k.sheet(), k.file, r));
            return http::Json::object();
          });
  }
}

}  // namespace ruralec::households::api
