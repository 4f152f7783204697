// Normalizer: turns the text as read into the text the rules see.
//
// Promises:
//  - NFKC (ICU), typographic quotes/apostrophes -> ASCII ' and ", en/em dashes
//    and minus -> '-', Unicode spaces -> ' ', zero-width characters, soft
//    hyphens and BOMs removed, runs of spaces collapsed, "\r\n" and a lone
//    "\r" -> "\n", a line
//    break inside a paragraph -> ' ', a blank line -> "\n" (a paragraph break),
//    and so is a line break before a list bullet ('*', U+2022 or "- ") or a form's
//    field label ("Date of appointment: ..."),
//    a word broken by a hyphen at a line end joined.
//  - Invalid UTF-8 bytes become U+FFFD, so the output is always valid UTF-8.
//  - Every output byte maps back to the original bytes it came from
//    (NormalizedText::ToOriginal).
// Thread safety: a Normalizer is immutable after construction; Normalize may be
// called from many threads at once.
#pragma once

#include <string_view>

#include "types.h"


namespace newsroles {

class Normalizer {
 public:
  Normalizer();  // throws std::runtime_error if ICU's NFKC data is missing
  NormalizedText Normalize(std::string_view original) const;

 private:
  const void* nfkc_;  // const icu::Normalizer2*, owned by ICU
};

}  // namespace newsroles
