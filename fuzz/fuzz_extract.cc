// Fuzz target: the whole flow on one document. The Engine is built once from
// the bundled patterns/; each input is a document's text, run through
// Extractor::Run and written with FormatResult (plain and --explain). Checks
// that Run reports no error, that offsets and events are well-formed and that
// the output line is valid JSON in valid UTF-8 with no raw control character
// (fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"

namespace {
const newsroles::Engine* engine = nullptr;
newsroles::Extractor* extractor = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine = new newsroles::Engine(PATTERNS_DIR);
  extractor = new newsroles::Extractor(*engine);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  newsroles::fuzz::Require(newsroles::fuzz::CheckExtraction(*extractor, *engine, text));
  return 0;
}
