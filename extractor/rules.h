// RuleMatcher: runs the compiled rules over one sentence.
//
// Promises: the library's RE2::Set picks the candidate rules first; only those
// run with captures. Each rule reports every non-overlapping match, left to
// right, with its slot spans as offsets into the document's normalized text.
// Linear time in the sentence length per candidate rule (RE2).
// Thread safety: stateless; safe from many threads.
#pragma once

#include <string_view>
#include <vector>

#include "patterns.h"
#include "types.h"

namespace newsroles {

// `text` is the whole normalized document; `sentence` one of its sentences.
std::vector<RuleMatch> MatchRules(const PatternLibrary& lib, const std::string& text,
                                  const Sentence& sentence, size_t sentence_index);

}  // namespace newsroles
