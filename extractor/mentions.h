// MentionFinder: the people, organizations and dates a document mentions.
//
// Promises:
//  - Person mentions: spans the pattern library's {NAME} macro matches, cleaned
//    (honorifics, titles and sentence-initial function words dropped, a
//    possessive "'s" dropped) and kept only when every word looks like part of
//    a name; pronouns (he/she) are recognized separately by IsPronoun.
//  - Organization mentions: spans {ORG_MENTION} matches; acronyms defined in
//    parentheses ("Enterprise Business Group (EBG)") in both directions; a
//    name an apposition defines ({ORG_DEFINED}: "Hearthstack, the software
//    startup,") wherever the document repeats it. In text order.
//  - Date mentions: spans {DATE} matches.
//  - The organization a headline opens with ({HEADLINE_ORG}), counted twice.
//  - The press-release issuer: the organization {ISSUER} finds in the first
//    sentence, if any.
// Thread safety: immutable after construction; Find may run in many threads.
#pragma once

#include <re2/re2.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "patterns.h"
#include "types.h"

namespace newsroles {

struct PersonMention {
  Span span;  // of the cleaned name
  std::string name;
  size_t sentence = 0;
};

struct OrgMention {
  Span span;
  std::string name;
  size_t sentence = 0;
};

struct DateMention {
  Span span;
  size_t sentence = 0;
};

struct Mentions {
  std::vector<PersonMention> persons;  // in text order
  std::vector<OrgMention> orgs;        // in text order
  std::vector<DateMention> dates;      // in text order
  std::map<std::string, std::string> acronyms;  // "EBG" -> "Enterprise Business Group"
  std::vector<std::string> reference_nouns;     // "authority" for each "the authority"
  std::optional<std::string> issuer;
  // Capitalized runs the document shows to be organizations, not people: a
  // name it also writes as "the Deccan Courier", or an organization mention.
  std::set<std::string> not_persons;
};

class MentionFinder {
 public:
  explicit MentionFinder(const PatternLibrary& lib);

  Mentions Find(const std::string& text, const std::vector<Sentence>& sentences) const;

  // A cleaned person name and its span within `span`, or nothing when the text
  // is not a name.
  std::optional<std::pair<std::string, Span>> CleanPerson(const std::string& text, Span span) const;
  // An organization name without a leading "the", a possessive or a
  // parenthesised abbreviation.
  std::string CleanOrg(std::string name) const;
  bool PlausibleOrgMention(const std::string& text) const;
  bool IsPronoun(const std::string& word) const;
  // A reference to an organization named elsewhere: "the company", "its
  // parent company", "the South Korean automaker" ({ORG_REF}).
  bool IsOrgReference(const std::string& text) const;

 private:
  const PatternLibrary& lib_;
  void AddDefinedOrgs(const std::string& text, const std::vector<Sentence>& sentences,
                      const std::set<std::string>& person_names, Mentions& m) const;

  std::unique_ptr<RE2> name_, org_, date_, issuer_, acronym_, headline_org_, reference_, defined_org_;
};

}  // namespace newsroles
