# Generates a C++ source holding every schema/migrations/NNNN_name.sql as a raw string.
# Usage: cmake -DSRC_DIR=... -DOUT=... -P embed_migrations.cmake
file(GLOB files "${SRC_DIR}/*.sql")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  get_filename_component(base "${f}" NAME_WE)
  string(REGEX MATCH "^([0-9]+)_(.*)$" _ "${base}")
  set(ver "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "^0+" "" ver "${ver}")
  set(name "${CMAKE_MATCH_2}")
  file(READ "${f}" sql)
  string(APPEND body "      {${ver}, \"${name}\", R\"rurmig(${sql})rurmig\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from schema/migrations by cmake/embed_migrations.cmake. Do not edit.
#include \"storage/migrate.h\"

namespace ruralec::storage {

const std::vector<Migration>& EmbeddedMigrations() {
  static const std::vector<Migration> kMigrations = {
${body}  };
  return kMigrations;
}

}  // namespace ruralec::storage
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
