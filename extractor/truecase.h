// Truecaser: gives text written in capitals ("* CALDER MINING CORP - CHIEF
// FINANCIAL OFFICER RAJ PATEL-SINGH HAS LEFT CO") the case the rules read,
// from what the rest of the document shows.
//
// Promises:
//  - Only runs of at least four words of two or more letters written all in
//    capitals are touched (a wire brief's bullets, a shouted headline);
//    acronyms inside ordinary sentences ("the CEO of IBM") are not.
//  - Only ASCII letters change, so the text keeps its length and every
//    offset (the normalizer's map back to the original stays valid).
//  - A word takes the case the document gives it outside such runs
//    ("Lindqvist", "CFO", "Calder Mining Corp"), lower case where the
//    document writes it so. Else a given name (GIVEN_FEMALE, GIVEN_MALE) and
//    the unknown word after it are capitalized ("DAVID OYELARAN" -> "David
//    Oyelaran", and a later "OYELARAN" too), as are months, weekdays and
//    legal suffixes. Every other word is lower case.
// Thread safety: immutable after construction; Apply may run on many threads.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "patterns.h"
#include "types.h"

namespace newsroles {

class Truecaser {
 public:
  explicit Truecaser(const PatternLibrary& lib);
  // Rewrites the capital runs of `text` in place; returns their spans (a
  // subhead in capitals stays one to the resolver after it is recased).
  std::vector<Span> Apply(std::string& text) const;

 private:
  std::set<std::string> given_;                // lower case
  std::map<std::string, std::string> fixed_;  // lower case -> its usual form
};

}  // namespace newsroles
