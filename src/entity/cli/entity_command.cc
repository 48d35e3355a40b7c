#include "entity/cli/entity_command.h"

#include "entity/import.h"
#include "imports/cli/import_command.h"

namespace ruralec::entity {

void AddEntityCommands(CLI::App& app, const runtime::CommandEnv& env) {
  auto* entities = app.add_subcommand("entities", "经营主体 / business entities");
  entities->require_subcommand(1);
  imports::cli::AddImportCommands(
      entities, env, "导入经营主体 / import entities",
      [](const imports::ImportContext& c, const account::Principal& who, const std::string& path,
         imports::Mode m,
         const imports::ImportOptions& o) { return ImportEntities(c, who, path, m, o); },
      EntitiesTemplate);
}

}  // namespace ruralec::entity
