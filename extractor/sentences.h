// SentenceSplitter: normalized text -> sentences.
//
// Promises:
//  - ICU's sentence BreakIterator (en, with its standard abbreviation
//    suppressions), then corrected for the abbreviations of news from the
//    pattern library's list: a break after "Mr.", "Dr.", an initial ("J.")
//    is always undone; after "Inc.", "Corp.", "U.S." only where the next word
//    starts in lower case or with a digit; after "Jan.", "Dec." only where a
//    digit follows.
//  - A paragraph break ("\n" in normalized text) always ends a sentence.
//  - Sentences never include leading or trailing spaces.
// Thread safety: NOT thread-safe (owns an ICU BreakIterator); use one per thread.
#pragma once

#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "types.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace newsroles {

// When a break after an abbreviation is undone.
// kBeforeName: also before a capitalized word that is none of the splitter's
// sentence openers ("U.S. District Court", but "moved to the U.S. Its chief").
enum class AbbreviationKind { kAlways, kBeforeLowercase, kBeforeDigit, kBeforeName };

class SentenceSplitter {
 public:
  // `openers`: closed-class words that open sentences ("The", "Its"), for
  // kBeforeName.
  explicit SentenceSplitter(std::map<std::string, AbbreviationKind> abbreviations,
                            std::set<std::string> openers = {});
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Splits `text` from byte `from` on (text before it, a dateline, is skipped).
  std::vector<Sentence> Split(const std::string& text, size_t from = 0);

 private:
  bool KeepTogether(const std::string& text, size_t prev_begin, size_t boundary, size_t end) const;

  std::map<std::string, AbbreviationKind> abbreviations_;
  std::set<std::string> openers_;
  std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace newsroles
