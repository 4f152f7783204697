// Rule examples: runs every rule's positive and negative examples through the
// whole flow, as `extractor --test-rules` and the GoogleTest suite do.
//
// A positive example passes when the events that rule produces on it (before
// merging with other rules) are exactly the expected ones; a negative example
// passes when that rule produces nothing. A rule without at least one positive
// and one negative example fails too. Failures name the rule file and line.
#pragma once

#include <string>
#include <vector>

#include "extract.h"

namespace newsroles {

struct ExampleFailure {
  std::string where;  // "FILE:LINE"
  std::string rule;
  std::string message;
};

struct ExampleReport {
  size_t rules = 0, examples = 0;
  std::vector<ExampleFailure> failures;
};

ExampleReport RunExamples(const Engine& engine);

}  // namespace newsroles
