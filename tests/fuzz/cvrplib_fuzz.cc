// libFuzzer target: the CVRPLIB/TSPLIB/LKH-3 instance reader and the .sol reader.
#include <sstream>
#include <string>

#include "routing/io/cvrplib.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream a(text), b(text);
  auto inst = ruralec::routing::ParseCvrplib(a);
  auto sol = ruralec::routing::ParseSol(b);
  return 0;
}
