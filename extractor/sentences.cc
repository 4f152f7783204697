#include "sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace newsroles {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

// An initial ("J.") or a dotted acronym ("U.S.", "U.K.").
bool IsInitialOrAcronym(const std::string& tok) {
  if (tok.size() < 2 || tok.back() != '.') return false;
  for (size_t i = 0; i < tok.size(); i += 2) {
    if (!(tok[i] >= 'A' && tok[i] <= 'Z')) return false;
    if (i + 1 >= tok.size() || tok[i + 1] != '.') return false;
  }
  return true;
}

// Breaks that ICU's filtered iterator drops after an all-capitals word: its
// suppression list matches only the end of a word, so "CEO. She" is read as
// the abbreviation "O." and "CFO. She" likewise. Plain UAX #29 breaks there:
// a '.' after two or more capital letters, then spaces, then a capital.
std::vector<size_t> AcronymEndBreaks(const std::string& text, size_t begin, size_t end) {
  std::vector<size_t> out;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (size_t dot = text.find(". ", begin); dot != std::string::npos && dot + 1 < end;
       dot = text.find(". ", dot + 1)) {
    size_t w = dot;
    while (w > begin && upper(text[w - 1])) --w;
    if (dot - w < 2) continue;
    if (w > begin && !IsSpace(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') continue;
    size_t n = dot + 1;
    while (n < end && text[n] == ' ') ++n;
    if (n < end && upper(text[n])) out.push_back(n);
  }
  return out;
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::map<std::string, AbbreviationKind> abbreviations,
                                   std::set<std::string> openers)
    : abbreviations_(std::move(abbreviations)), openers_(std::move(openers)) {
  UErrorCode status = U_ZERO_ERROR;
  breaker_.reset(icu::BreakIterator::createSentenceInstance(
      icu::Locale::createFromName("en@ss=standard"), status));
  if (U_FAILURE(status) || !breaker_) {
    status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }
  if (U_FAILURE(status) || !breaker_) throw std::runtime_error("ICU sentence iterator unavailable");
}

SentenceSplitter::~SentenceSplitter() = default;

bool SentenceSplitter::KeepTogether(const std::string& text, size_t prev_begin, size_t boundary,
                                    size_t end) const {
  size_t e = boundary;
  while (e > prev_begin && IsSpace(text[e - 1])) --e;
  if (e == prev_begin || text[e - 1] != '.') return false;
  size_t b = e;
  while (b > prev_begin && !IsSpace(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') --b;
  const std::string tok = text.substr(b, e - b);
  size_t n = boundary;
  while (n < end && (IsSpace(text[n]) || text[n] == '"')) ++n;
  if (n >= end) return false;
  const unsigned char next = static_cast<unsigned char>(text[n]);
  // After a known abbreviation, "(", "," or ";" continue the sentence:
  // "Acme Inc. (NASDAQ: ACME)", "Acme Corp., the maker".
  const bool lower = (next >= 'a' && next <= 'z') || next == '(' || next == ',' || next == ';';
  const bool digit = next >= '0' && next <= '9';
  auto it = abbreviations_.find(tok);
  if (it != abbreviations_.end()) {
    switch (it->second) {
      case AbbreviationKind::kAlways: return true;
      case AbbreviationKind::kBeforeLowercase: return lower || digit;
      case AbbreviationKind::kBeforeDigit: return digit;
      case AbbreviationKind::kBeforeName: {
        if (lower || digit) return true;
        // Any capitalized word but a sentence opener continues a name ("U.S.
        // District Court", "U.K. Treasury").
        size_t w = n;
        while (w < end && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
        return next >= 'A' && next <= 'Z' && !openers_.count(text.substr(n, w - n));
      }
    }
  }
  if (tok.size() == 2 && IsInitialOrAcronym(tok)) return true;  // "J. Smith"
  if (IsInitialOrAcronym(tok)) return lower || digit;          // "U.S. officials"
  return false;
}

std::vector<Sentence> SentenceSplitter::Split(const std::string& text, size_t from) {
  std::vector<Sentence> out;
  // Paragraphs are numbered from the start of the text, not from `from`, so
  // that the headline split before a dateline and the body after it number
  // theirs in one sequence (fuzz_extract found the body restarting at 0).
  const auto head = static_cast<std::ptrdiff_t>(std::min(from, text.size()));
  size_t paragraph = static_cast<size_t>(std::count(text.begin(), text.begin() + head, '\n'));
  size_t p = from;
  while (p < text.size()) {
    size_t pe = text.find('\n', p);
    if (pe == std::string::npos) pe = text.size();
    if (pe > p) {
      UErrorCode status = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, text.data() + p, static_cast<int64_t>(pe - p), &status);
      breaker_->setText(ut, status);
      std::vector<size_t> bounds;
      for (int32_t b = breaker_->first(); b != icu::BreakIterator::DONE; b = breaker_->next())
        bounds.push_back(p + static_cast<size_t>(b));
      utext_close(ut);
      const std::vector<size_t> missed = AcronymEndBreaks(text, p, pe);
      bounds.insert(bounds.end(), missed.begin(), missed.end());
      std::sort(bounds.begin(), bounds.end());
      bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
      if (bounds.empty() || bounds.back() != pe) bounds.push_back(pe);
      size_t start = p;
      for (size_t k = 1; k < bounds.size(); ++k) {
        const size_t b = bounds[k];
        if (b < pe && KeepTogether(text, start, b, pe)) continue;
        size_t s = start, e = b;
        while (s < e && IsSpace(text[s])) ++s;
        while (e > s && IsSpace(text[e - 1])) --e;
        if (e > s) out.push_back({{s, e}, paragraph});
        start = b;
      }
    }
    ++paragraph;
    p = pe + 1;
  }
  return out;
}

}  // namespace newsroles
