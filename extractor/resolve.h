// Resolver: turns rule matches into complete, normalized events.
//
// Promises:
//  - person: the fullest name the document gives; a family or given name
//    alone, or a pronoun, resolves to a person named before (a pronoun to the
//    subject of its clause or of the sentence before). A name shared by two
//    people ("Zhang" with "Daniel Zhang" and "Jeff Zhang") gives no event.
//  - role: determiners and "new"/"former"/"incoming" dropped; coordinated
//    titles ("Chairman and CEO") split into one event each; a role carried
//    from the event just before for "will take over" (`"@carry"` in an emit).
//  - org: the fullest name (acronyms resolved, "the company" to the
//    organization in focus); the press-release issuer where the text leaves
//    it implicit.
//  - date: ISO 8601 per the contract, from the rule's date slot, or a date in
//    the same clause right after the match, or a sentence-initial "In 2004,";
//    `hold` events never carry a date.
//  - a start or end within reach of a hedge ({HEDGE}: "rumoured", "whether",
//    "could") is dropped; holds are kept.
//  - one event per (type, person, role, org), its most precise date, the
//    evidence of its first statement; a `hold` is dropped where the same
//    person, role and organization has a start or end.
// Thread safety: stateless functions over plain values.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dates.h"
#include "mentions.h"
#include "patterns.h"
#include "types.h"

namespace newsroles {

struct ResolveInput {
  const std::string& text;  // normalized
  const std::vector<Sentence>& sentences;
  const Mentions& mentions;
  std::vector<RuleMatch> matches;
  std::optional<CivilDate> anchor;
  // Per document, filled by the resolver as it goes: FullName and Fullest
  // scan every mention, so each name is resolved once, which keeps a
  // document of many events linear rather than quadratic.
  mutable std::map<std::string, std::optional<std::string>> full_names;
  mutable std::map<std::string, std::string> fullest_orgs;
  mutable std::map<std::string, char> genders;  // full name -> 'm', 'f' or 0
  mutable std::map<std::string, std::optional<std::string>> title_owners;  // ByTitleWord
  mutable std::optional<std::set<std::string>> person_words;  // every word of every person's name (SubjectOrg)
  // Runs the truecaser recased from capitals (a subhead "BAKERY TO CREATE 60
  // JOBS" reads "bakery to create 60 jobs" here).
  std::vector<Span> capitals = {};
};

class Resolver {
 public:
  Resolver(const PatternLibrary& lib, const MentionFinder& finder, const DateNormalizer& dates);

  // Every event each match gives, in text order, before merging duplicates.
  std::vector<Event> Candidates(const ResolveInput& in) const;
  // Merges duplicates as the contract says.
  // `short_titles`: a title's usual short form (the ROLE_SHORT table: "chief
  // executive officer" -> "CEO"), so that two wordings of one title are one.
  static std::vector<Event> Merge(std::vector<Event> events,
                                  const std::map<std::string, std::string>& short_titles = {});

  std::vector<std::string> SplitRoles(const std::string& role) const;
  std::string CleanRole(std::string role) const;

 private:
  bool SubjectOrg(const ResolveInput& in, const OrgMention& o) const;
  std::optional<std::string> ResolvePerson(const ResolveInput& in, Span span, size_t sentence) const;
  std::optional<std::string> Subject(const ResolveInput& in, const RuleMatch& m) const;
  std::optional<std::string> FullName(const ResolveInput& in, const std::string& name) const;
  std::optional<std::string> FullNameOnce(const ResolveInput& in, const std::string& name) const;
  std::optional<std::string> Antecedent(const ResolveInput& in, size_t pos, size_t sentence,
                                        const std::string& pronoun) const;
  char GenderOf(const ResolveInput& in, const std::string& full) const;
  char GenderOnce(const ResolveInput& in, const std::string& full) const;
  char GenderByHonorific(const ResolveInput& in, const std::string& full) const;
  std::optional<std::string> ResolveOrg(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                        Span span, const std::optional<std::string>& focus) const;
  std::optional<std::string> Focus(const ResolveInput& in, const std::vector<OrgMention>& orgs) const;
  std::vector<bool> Speakers(const ResolveInput& in, const std::vector<OrgMention>& orgs) const;
  // On a page of briefs under subheads in capitals, the organization the
  // match's item names first (before or in the match's sentence).
  // `brief_items`: BriefItems(in), each sentence's item, once per document.
  std::optional<std::string> BriefFocus(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                        const std::vector<size_t>& brief_items, const RuleMatch& m) const;
  // "ambassador to France": a title that ends in "to" a place.
  bool ToPlace(const std::string& role) const;
  std::optional<std::string> LocalFocus(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                        const std::vector<bool>& speaks, const std::vector<size_t>& brief_items,
                                        const RuleMatch& m) const;
  std::optional<std::string> ByNoun(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                    const std::string& reference, size_t pos,
                                    const std::optional<std::string>& focus) const;
  bool PlausibleOrg(const std::string& name) const;
  bool TitledPerson(const std::string& name) const;
  bool PublicOffice(const std::string& role) const;
  // `speaks`: Speakers(in, orgs), which organization mentions say something.
  std::optional<std::string> OwnerOfTitle(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                          const std::vector<bool>& speaks, const Span* role,
                                          const RuleMatch& m, const std::optional<std::string>& focus) const;
  std::optional<std::string> WhereOrg(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                      const RuleMatch& m) const;
  std::optional<std::string> ByTitleWord(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                         const std::string& role, const std::string& owner) const;
  std::optional<std::string> ByTitleWordOnce(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                             const std::string& role, const std::string& owner) const;
  std::string Fullest(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                      const std::string& name) const;
  std::string FullestOnce(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                      const std::string& name) const;
  // `end`: the change is an end, which a range ("from 2010 to 2015") dates by
  // its second date.
  std::optional<std::string> AttachDate(const ResolveInput& in, const RuleMatch& m,
                                        bool* reported, bool end = false) const;
  bool Future(const ResolveInput& in, const RuleMatch& m, Span date) const;
  // A legal suffix in any case, with or without its period and commas
  // ("Corp.", "corp", "Co.,").
  bool IsLegalSuffix(std::string word) const;

  const PatternLibrary& lib_;
  const MentionFinder& finder_;
  const DateNormalizer& dates_;
  std::unique_ptr<RE2> future_, clause_break_, hedge_, effective_, report_;
  std::unique_ptr<RE2> speaker_;  // ORG_SPEAKS, when the library defines it
  std::unique_ptr<RE2> board_ref_;  // BOARD_REF, when the patterns define it
  std::unique_ptr<RE2> past_;  // PAST_CUE, when the patterns define it
  std::unique_ptr<RE2> board_tail_;  // ROLE_BOARD_TAIL, when the patterns define it
  std::unique_ptr<RE2> hedge_cancel_;  // HEDGE_CANCEL, when the patterns define it
  std::unique_ptr<RE2> since_event_;  // SINCE_EVENT, when the patterns define it
  std::unique_ptr<RE2> start_clause_;  // START_CLAUSE, when the patterns define it
  std::unique_ptr<RE2> same_date_;  // SAME_DATE, when the patterns define it
  std::set<std::string> legal_suffixes_;  // LEGAL_SUFFIX, lower case, no final period
};

}  // namespace newsroles
