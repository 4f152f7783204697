// Fuzz target: reading JSON Lines. The input is parsed as one line
// (ParseJsonLine) and read as a stream of lines (DocumentReader over an
// istringstream, with a small --max-doc-bytes). Checks that nothing throws,
// that each non-blank line gives exactly one document or error record, and
// that documents and written error records are well-formed (fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (input.find('\n') == std::string::npos)
    newsroles::fuzz::Require(newsroles::fuzz::CheckJsonLine(input));
  newsroles::fuzz::Require(newsroles::fuzz::CheckJsonlStream(input));
  return 0;
}
