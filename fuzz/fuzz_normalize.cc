// Fuzz target: Normalizer::Normalize on arbitrary bytes. Checks that the
// output is valid UTF-8 and that every output byte maps back to a non-empty
// range of whole characters of the input, in order (fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsroles::Normalizer normalizer;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  newsroles::fuzz::Require(newsroles::fuzz::CheckNormalized(input, normalizer.Normalize(input)));
  return 0;
}
