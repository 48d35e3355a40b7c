// libFuzzer target: the programme YAML reader (docs/PROGRAMME_FORMAT.md) on any text.
#include <string>

#include "programme/yaml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed = ruralec::programme::ParseProgramme(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  return 0;
}
