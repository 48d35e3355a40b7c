// libFuzzer target: the routing problem JSON reader (`route solve`, logistics plans).
#include <string>

#include "routing/io/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto p =
      ruralec::routing::ParseProblemJson(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
