// Fuzz target: SentenceSplitter on the normalized text of arbitrary bytes,
// with the bundled abbreviations. Checks that sentences are non-empty, in
// bounds, in order, without overlap, leading/trailing spaces or paragraph
// breaks, and that no text is lost (fuzz_checks.h). A slow input (libFuzzer's
// -timeout) is a finding too: splitting must stay linear.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz_checks.h"

namespace {
const newsroles::Engine* engine = nullptr;
newsroles::SentenceSplitter* splitter = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine = new newsroles::Engine(PATTERNS_DIR);
  splitter = new newsroles::SentenceSplitter(engine->Abbreviations());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const newsroles::NormalizedText n = engine->normalizer().Normalize(input);
  newsroles::fuzz::Require(newsroles::fuzz::CheckSentences(n.text, splitter->Split(n.text), true));
  return 0;
}
