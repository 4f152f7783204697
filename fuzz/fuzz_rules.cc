// Fuzz target: the rule-file parser. The input is written as the only
// .rules file of a temporary pattern directory (made once per process, see
// RuleSandbox in fuzz_checks.h) and loaded with PatternLibrary::Load. Any
// input must give a library or a PatternError naming file and line: never a
// crash, another exception or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"

namespace {
newsroles::fuzz::RuleSandbox* sandbox = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sandbox = new newsroles::fuzz::RuleSandbox(PATTERNS_DIR);
  // Removed at exit even when libFuzzer stops on a finding.
  std::atexit([] { delete sandbox; });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  newsroles::fuzz::Require(
      sandbox->Check(std::string_view(reinterpret_cast<const char*>(data), size)));
  return 0;
}
