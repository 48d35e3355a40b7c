// Shared by the libFuzzer targets (docs/TESTING.md "Fuzzing and sanitizers").
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace ruralec::fuzz {

// A per-process file holding the input (the readers under test open paths, as imports do).
inline const std::string& WriteInput(const uint8_t* data, size_t size, const std::string& ext) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("ruralec-fuzz-" + std::to_string(getpid()) + ext))
          .string();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size) std::fwrite(data, 1, size, f);
  std::fclose(f);
  return path;
}

}  // namespace ruralec::fuzz
