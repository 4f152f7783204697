// Copyright (c) the project authors.

#include "checker/canonical.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <span>
#include <utility>
#include <vector>

namespace checker {

namespace {

// The contract's word lists, case-folded. Changing one changes what the
// checker scores; keep them in step with /work/shared/spec/events.md.

constexpr std::array<std::string_view, 10> kHonorifics = {"mr",  "mr.", "mrs", "mrs.", "ms",
                                                          "ms.", "dr",  "dr.", "prof", "prof."};

constexpr std::array<std::string_view, 6> kRoleLeadingWords = {"the", "a",      "an",
                                                               "new", "former", "incoming"};

// Applied word by word, before the phrases below.
struct WordRewrite {
  std::string_view from;
  std::string_view to;
};
constexpr std::array<WordRewrite, 6> kRoleWordRewrites = {{
    {"chairman", "chair"},
    {"chairwoman", "chair"},
    {"chairperson", "chair"},
    {"vp", "vice president"},
    {"svp", "senior vice president"},
    {"evp", "executive vice president"},
}};

// Applied to the rewritten words; at each position the longest phrase wins.
struct PhraseRewrite {
  std::string_view from;  // words separated by single spaces
  std::string_view to;
};
constexpr std::array<PhraseRewrite, 21> kRolePhraseRewrites = {{
    {"board chair", "chair"},
    {"chief executive officer", "ceo"},
    {"chief executive", "ceo"},
    {"chief technology officer", "cto"},
    {"chief technical officer", "cto"},
    {"chief people officer", "cpo"},
    {"chief product officer", "cpo"},
    {"chief financial officer", "cfo"},
    {"chief finance officer", "cfo"},
    {"chief operating officer", "coo"},
    {"chief operations officer", "coo"},
    {"chief information officer", "cio"},
    {"chief investment officer", "cio"},
    {"chief marketing officer", "cmo"},
    {"chief medical officer", "cmo"},
    {"chief strategy officer", "cso"},
    {"chief security officer", "cso"},
    {"chief scientific officer", "cso"},
    {"chief science officer", "cso"},
    {"chief human resources officer", "chro"},
    {"chief human resource officer", "chro"},
}};

// Compared after dropping one final period, so "Inc" and "Inc." both count.
constexpr std::array<std::string_view, 11> kLegalSuffixes = {
    "inc", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "ag", "sa", "n.v"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  for (std::string_view entry : list) {
    if (entry == word) return true;
  }
  return false;
}

// Splits a canonical string (single spaces, trimmed) into words.
std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    size_t space = text.find(' ');
    if (space != 0) words.emplace_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return words;
}

std::string JoinWords(std::span<const std::string> words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

// Replaces every occurrence of `from` by `to`.
std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  std::string result;
  size_t start = 0;
  for (size_t hit; (hit = text.find(from, start)) != std::string_view::npos;
       start = hit + from.size()) {
    result.append(text.substr(start, hit - start));
    result.append(to);
  }
  result.append(text.substr(start));
  return result;
}

// Does words[at...] spell out `phrase`? Returns the number of words, or 0.
size_t MatchPhrase(std::span<const std::string> words, size_t at, std::string_view phrase) {
  std::vector<std::string> phrase_words = SplitWords(phrase);
  if (at + phrase_words.size() > words.size()) return 0;
  for (size_t i = 0; i < phrase_words.size(); ++i) {
    if (words[at + i] != phrase_words[i]) return 0;
  }
  return phrase_words.size();
}

// Removes "(WORD)" groups whose content is a single word.
std::string DropParenthesisedAbbreviations(std::string_view text) {
  std::string result;
  size_t start = 0;
  while (start < text.size()) {
    size_t open = text.find('(', start);
    if (open == std::string_view::npos) break;
    size_t close = text.find(')', open + 1);
    if (close == std::string_view::npos) break;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    const bool abbreviation = !inside.empty() && inside.find(' ') == std::string_view::npos &&
                              inside.find('(') == std::string_view::npos;
    result.append(text.substr(start, open - start));
    if (abbreviation) {
      result += ' ';
    } else {
      result.append(text.substr(open, close + 1 - open));
    }
    start = close + 1;
  }
  result.append(text.substr(start));
  return result;  // SplitWords ignores the doubled spaces left behind
}

// Strips a trailing possessive ('s or ') and trailing commas from a word.
void StripPossessiveAndCommas(std::string& word) {
  if (word.size() > 2 && word.ends_with("'s")) {
    word.resize(word.size() - 2);
  } else if (word.size() > 1 && word.ends_with('\'')) {
    word.pop_back();
  }
  while (!word.empty() && word.back() == ',') word.pop_back();
}

bool IsLegalSuffix(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  return Contains(kLegalSuffixes, word);
}

}  // namespace

std::string FoldAndCollapse(std::string_view text) {
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  folded.foldCase();

  icu::UnicodeString collapsed;
  bool space_pending = false;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      space_pending = !collapsed.isEmpty();
      continue;
    }
    if (c == 0x2019) c = '\'';  // RIGHT SINGLE QUOTATION MARK as apostrophe
    if (space_pending) collapsed.append(static_cast<UChar>(' '));
    space_pending = false;
    collapsed.append(c);
  }
  std::string result;
  collapsed.toUTF8String(result);
  return result;
}

std::string CanonicalPerson(std::string_view person) {
  std::vector<std::string> words = SplitWords(FoldAndCollapse(person));
  size_t first = 0;
  while (first + 1 < words.size() && Contains(kHonorifics, words[first])) {
    ++first;
  }
  return JoinWords(std::span<const std::string>(words).subspan(first));
}

std::string CanonicalRole(std::string_view role) {
  std::string text = FoldAndCollapse(role);
  text = ReplaceAll(text, "&", " and ");
  std::vector<std::string> words;
  for (std::string& word : SplitWords(text)) {
    if (word.starts_with("vice-") && word.size() > 5) {
      words.emplace_back("vice");
      words.push_back(word.substr(5));
    } else {
      words.push_back(std::move(word));
    }
  }

  size_t first = 0;
  while (first + 1 < words.size() && Contains(kRoleLeadingWords, words[first])) {
    ++first;
  }

  std::vector<std::string> rewritten;
  for (size_t i = first; i < words.size(); ++i) {
    std::string_view word = words[i];
    for (const WordRewrite& rewrite : kRoleWordRewrites) {
      if (word == rewrite.from) {
        word = rewrite.to;
        break;
      }
    }
    for (std::string& piece : SplitWords(word)) rewritten.push_back(piece);
  }

  std::vector<std::string> result;
  for (size_t i = 0; i < rewritten.size();) {
    size_t longest = 0;
    std::string_view replacement;
    for (const PhraseRewrite& rewrite : kRolePhraseRewrites) {
      size_t length = MatchPhrase(rewritten, i, rewrite.from);
      if (length > longest) {
        longest = length;
        replacement = rewrite.to;
      }
    }
    if (longest == 0) {
      result.push_back(rewritten[i]);
      ++i;
    } else {
      result.emplace_back(replacement);
      i += longest;
    }
  }
  return JoinWords(result);
}

std::string CanonicalOrg(std::string_view org) {
  std::vector<std::string> words = SplitWords(DropParenthesisedAbbreviations(FoldAndCollapse(org)));
  if (words.size() > 1 && words.front() == "the") {
    words.erase(words.begin());
  }
  while (!words.empty()) {
    StripPossessiveAndCommas(words.back());
    if (words.back().empty() && words.size() > 1) {
      words.pop_back();
    } else if (words.size() > 1 && IsLegalSuffix(words.back())) {
      words.pop_back();
    } else {
      break;
    }
  }
  return JoinWords(words);
}

std::string_view FamilyName(std::string_view canonical_person) {
  size_t space = canonical_person.rfind(' ');
  if (space == std::string_view::npos) return canonical_person;
  return canonical_person.substr(space + 1);
}

bool OrgsMatchLeniently(std::string_view a, std::string_view b) {
  if (a == b) return true;
  std::string_view shorter = a.size() < b.size() ? a : b;
  std::string_view longer = a.size() < b.size() ? b : a;
  if (shorter.empty()) return false;
  const size_t rest = longer.size() - shorter.size();
  const bool prefix = longer.starts_with(shorter) && longer[shorter.size()] == ' ';
  const bool suffix = longer.ends_with(shorter) && longer[rest - 1] == ' ';
  return prefix || suffix;
}

CanonicalEvent Canonicalize(const Event& event) {
  CanonicalEvent canonical;
  canonical.type = event.type;
  if (event.person) canonical.person = CanonicalPerson(*event.person);
  if (event.role) canonical.role = CanonicalRole(*event.role);
  if (event.org) canonical.org = CanonicalOrg(*event.org);
  canonical.date = event.date;
  return canonical;
}

bool CoreMatch(const CanonicalEvent& a, const CanonicalEvent& b) {
  return a.type == b.type && a.person == b.person && a.role == b.role && a.org == b.org;
}

bool FullMatch(const CanonicalEvent& a, const CanonicalEvent& b) {
  return CoreMatch(a, b) && a.date == b.date;
}

bool LenientMatch(const CanonicalEvent& a, const CanonicalEvent& b) {
  if (a.type != b.type || a.role != b.role) return false;
  if (a.person.has_value() != b.person.has_value()) return false;
  if (a.person && FamilyName(*a.person) != FamilyName(*b.person)) return false;
  if (a.org.has_value() != b.org.has_value()) return false;
  if (a.org && !OrgsMatchLeniently(*a.org, *b.org)) return false;
  return true;
}

}  // namespace checker
