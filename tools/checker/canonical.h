// Copyright (c) the project authors.
//
// Slot canonicalization, as the contract's "Matching" section defines it
// (/work/shared/spec/events.md). Two slot values match when their canonical
// forms are equal. Every function takes UTF-8 and returns UTF-8; invalid
// UTF-8 is read as U+FFFD. All of them first case-fold (Unicode full case
// folding, so "Straße" == "STRASSE"), read ’ as ', and collapse runs of
// Unicode white space into one ASCII space, trimmed at both ends. Canonical
// forms are thus words separated by single spaces.
//
//   CanonicalPerson: drops leading honorifics Mr, Mrs, Ms, Dr, Prof (with or
//     without the period), never the last word.
//   CanonicalRole: reads "&" as "and" and "vice-" as "vice "; drops leading
//     the/a/an/new/former/incoming; chairman/chairwoman/chairperson -> chair,
//     VP -> vice president, SVP -> senior vice president, EVP -> executive
//     vice president; then "board chair" -> chair and the C-suite long
//     forms to their abbreviations, wherever they occur in the role, longest
//     first ("deputy chief executive officer" -> "deputy ceo",
//     "vice-chairwoman" -> "vice chair"). The long forms (see canonical.cc):
//       chief executive [officer] -> ceo
//       chief technology|technical officer -> cto
//       chief people|product officer -> cpo
//       chief financial|finance officer -> cfo
//       chief operating|operations officer -> coo
//       chief information|investment officer -> cio
//       chief marketing|medical officer -> cmo
//       chief strategy|security|scientific|science officer -> cso
//       chief human resources|resource officer -> chro
//     An abbreviation stands for all its long forms, since a text that says
//     only "CSO" cannot tell them apart.
//   CanonicalOrg: drops parenthesised single-word abbreviations
//     ("Enterprise Business Group (EBG)"), a leading "the", trailing
//     possessives ('s and '), and trailing legal suffixes Inc, Corp,
//     Corporation, Co, Ltd, Limited, LLC, plc, AG, SA, N.V. (each with or
//     without a final period, with a comma before it, repeatedly: "Acme
//     Holding Co., Ltd." -> "acme holding"); never the last word.
//
// Lenient matching (the contract's lenient F1) compares canonical forms:
//   FamilyName: the last word of a canonical person.
//   OrgsMatchLeniently: equal, or one is a whole-word prefix or suffix of
//     the other ("alibaba" ~ "alibaba cloud", "cloud" ~ "alibaba cloud").
//
// Thread safety: pure functions, no state.

#ifndef TOOLS_CHECKER_CANONICAL_H_
#define TOOLS_CHECKER_CANONICAL_H_

#include <optional>
#include <string>
#include <string_view>

#include "checker/document.h"

namespace checker {

// Case-folds, reads ’ as ', collapses white space. The common first step.
std::string FoldAndCollapse(std::string_view text);

std::string CanonicalPerson(std::string_view person);
std::string CanonicalRole(std::string_view role);
std::string CanonicalOrg(std::string_view org);

// The last word of a canonical person name ("judy tong" -> "tong").
std::string_view FamilyName(std::string_view canonical_person);

// True when canonical orgs `a` and `b` are equal or one is a whole-word
// prefix or suffix of the other.
bool OrgsMatchLeniently(std::string_view a, std::string_view b);

// An event's slots in canonical form. type and date are kept as read.
// Null slots stay null: null matches only null.
struct CanonicalEvent {
  std::string type;
  std::optional<std::string> person;
  std::optional<std::string> role;
  std::optional<std::string> org;
  std::optional<std::string> date;
};

CanonicalEvent Canonicalize(const Event& event);

// Strict core match: type, person, role and org equal.
bool CoreMatch(const CanonicalEvent& a, const CanonicalEvent& b);

// Core match and equal date (null == null).
bool FullMatch(const CanonicalEvent& a, const CanonicalEvent& b);

// Type and role equal, family names equal, orgs match leniently.
bool LenientMatch(const CanonicalEvent& a, const CanonicalEvent& b);

}  // namespace checker

#endif  // TOOLS_CHECKER_CANONICAL_H_
