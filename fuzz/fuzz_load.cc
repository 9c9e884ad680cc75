// SPDX-License-Identifier: EUPL-1.2
// libFuzzer target: a project from bytes through load, check and roll-up
// (see fuzz_project.h for the input format, README.md to run it).
#include <cstddef>
#include <cstdint>

#include "fuzz_project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cls::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
