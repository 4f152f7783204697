#include "normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>
#include <stdexcept>

namespace newsroles {
namespace {

// What a single (already NFKC-normalized) code point becomes.
enum class Fold { kKeep, kDrop, kSpace, kApostrophe, kQuote, kDash };

Fold Classify(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0xFF07:
      return Fold::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0xFF02:
      return Fold::kQuote;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return Fold::kDash;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x180E:
      return Fold::kDrop;
    case '\t': case '\v': case '\f':
      return Fold::kSpace;
    default:
      break;
  }
  if (c > 0x7F && (u_charType(c) == U_SPACE_SEPARATOR || c == 0x85)) return Fold::kSpace;
  if (c < 0x20 && c != '\n' && c != '\r') return Fold::kDrop;  // other C0 controls
  if (c == 0x7F) return Fold::kDrop;
  return Fold::kKeep;
}

// Builds the output and its origin map one piece at a time, applying the
// whitespace rules (collapse, line breaks, hyphenation) as it goes.
class Builder {
 public:
  Builder(NormalizedText& out, std::string_view in) : out_(out), in_(in) {}

  void Emit(UChar32 c, uint32_t ob, uint32_t oe) {
    switch (Classify(c)) {
      case Fold::kDrop: return;
      case Fold::kSpace: return Space(ob, oe);
      case Fold::kApostrophe: return Put('\'', ob, oe);
      case Fold::kQuote: return Put('"', ob, oe);
      case Fold::kDash: return Put('-', ob, oe);
      case Fold::kKeep: break;
    }
    if (c == ' ') return Space(ob, oe);
    if (c == '\n') return Newline(ob, oe);
    if (c == '\r') return Newline(ob, oe);  // a lone CR (old Mac files); "\r\n" never gets here
    FlushPending(c);
    char buf[4];
    int len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
    if (err) return Emit(0xFFFD, ob, oe);  // not a scalar value (decoded input never is)
    for (int i = 0; i < len; ++i) Raw(buf[i], ob, oe);
  }

  void Finish() {
    // Trailing whitespace is dropped.
    pending_newlines_ = 0;
    pending_space_ = false;
  }

 private:
  void Put(char ch, uint32_t ob, uint32_t oe) {
    FlushPending(static_cast<unsigned char>(ch));
    Raw(ch, ob, oe);
  }
  void Raw(char ch, uint32_t ob, uint32_t oe) {
    out_.text.push_back(ch);
    out_.origin_begin.push_back(ob);
    out_.origin_end.push_back(oe);
  }
  void Space(uint32_t ob, uint32_t oe) {
    if (pending_newlines_ > 0 || pending_space_) return;
    pending_space_ = true;
    pend_b_ = ob;
    pend_e_ = oe;
  }
  void Newline(uint32_t ob, uint32_t oe) {
    if (pending_newlines_ == 0) {
      pend_b_ = ob;
      pend_e_ = oe;
    }
    pending_space_ = false;
    ++pending_newlines_;
  }
  // Writes the whitespace held back before a visible character `next`.
  void FlushPending(UChar32 next) {
    if (pending_newlines_ == 0 && !pending_space_) return;
    if (out_.text.empty()) {  // leading whitespace is dropped
      pending_newlines_ = 0;
      pending_space_ = false;
      return;
    }
    if (pending_newlines_ >= 2 ||
        (pending_newlines_ == 1 &&
         (next == '*' || next == 0x2022 || (next == '-' && DashBulletAt(pend_e_)) || FieldLabelAt(pend_e_)))) {
      // A blank line, or a line opening with a list bullet or a form's field
      // label ("Reason for change: ..."): a paragraph of its own.
      Raw('\n', pend_b_, pend_e_);
    } else if (pending_newlines_ == 1 && ShortLines(pend_b_, pend_e_) &&
               (u_isalnum(LastCodePoint()) || out_.text.back() == ')')) {
      // A short line after a short line, the first ending in a word: the
      // fields of a block ("Janelle Brooks" / "Director of Communications" /
      // "Harrow Family Foundation"), read as a list: "A, B, C".
      Raw(',', pend_b_, pend_e_);
      Raw(' ', pend_b_, pend_e_);
    } else if (pending_newlines_ == 1 && out_.text.back() == '-' && out_.text.size() >= 2 &&
               IsLetterBefore(out_.text.size() - 1) && u_isalpha(next)) {
      // "exe-\ncutive" -> "executive"; "Müller-\nLüdenscheidt" keeps its hyphen.
      if (u_islower(next)) {
        out_.text.pop_back();
        out_.origin_begin.pop_back();
        out_.origin_end.pop_back();
      }
    } else {
      Raw(' ', pend_b_, pend_e_);
    }
    pending_newlines_ = 0;
    pending_space_ = false;
  }
  UChar32 LastCodePoint() const {
    int32_t i = static_cast<int32_t>(out_.text.size());
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(out_.text.data()), 0, i, c);
    return c;
  }
  bool IsLetterBefore(size_t pos) const {
    // The code point ending just before byte `pos`.
    int32_t i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(out_.text.data()), 0, i, c);
    return c >= 0 && u_isalpha(c);
  }

  // The original lines on either side of the newline at [nl_b, nl_e) are
  // both short: lines of a block (an address, a contact, a table), not a
  // paragraph wrapped by hand, whose lines run to 60 characters or more.
  bool ShortLines(size_t nl_b, size_t nl_e) const {
    constexpr size_t kShort = 48;
    if (nl_b > in_.size() || nl_e > in_.size()) return false;
    size_t b = nl_b;
    while (b > 0 && in_[b - 1] != '\n') --b;
    if (nl_b - b > kShort || nl_b == b) return false;
    // Each field ends in a name, a title or a number ("Director of
    // Communications", "(414) 555-0192"); "She joined" runs on.
    size_t w = nl_b;
    while (w > b && in_[w - 1] != ' ') --w;
    const unsigned char first = static_cast<unsigned char>(in_[w]);
    if (!(std::isupper(first) || std::isdigit(first) || first >= 0x80)) return false;
    size_t e = nl_e;
    while (e < in_.size() && in_[e] != '\n' && e - nl_e <= kShort) ++e;
    return e - nl_e <= kShort;
  }

  // "Date of appointment:" at original offset `at` (after spaces): a
  // capitalized label of at most five words, then a colon and a space.
  // A line opening with "- " (a plain-text list's bullet).
  bool DashBulletAt(size_t at) const {
    while (at < in_.size() && (in_[at] == ' ' || in_[at] == '\t')) ++at;
    return at + 1 < in_.size() && in_[at] == '-' && in_[at + 1] == ' ';
  }

  bool FieldLabelAt(size_t at) const {
    while (at < in_.size() && (in_[at] == ' ' || in_[at] == '\t')) ++at;
    if (at >= in_.size() || in_[at] < 'A' || in_[at] > 'Z') return false;
    int words = 1;
    for (size_t k = at + 1; k < in_.size() && k < at + 48; ++k) {
      const char c = in_[k];
      if (c == ':') return k + 1 >= in_.size() || in_[k + 1] == ' ' || in_[k + 1] == '\n';
      if (c == ' ') {
        if (++words > 5) return false;
      } else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '/' && c != '&' &&
                 c != '(' && c != ')' && c != '\'') {
        return false;
      }
    }
    return false;
  }

  NormalizedText& out_;
  std::string_view in_;  // the original, for looking ahead at a line's start
  int pending_newlines_ = 0;
  bool pending_space_ = false;
  uint32_t pend_b_ = 0, pend_e_ = 0;
};

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC data unavailable");
}

NormalizedText Normalizer::Normalize(std::string_view in) const {
  const auto* nfkc = static_cast<const icu::Normalizer2*>(nfkc_);
  NormalizedText out;
  out.text.reserve(in.size());
  out.origin_begin.reserve(in.size());
  out.origin_end.reserve(in.size());
  Builder b(out, in);
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t n = static_cast<int32_t>(in.size());
  int32_t i = 0;
  std::string chunk_utf8;
  while (i < n) {
    // "\r\n" (also "\r\r\n") is one line break: its CRs go.
    if (s[i] == '\r' && i + 1 < n &&
        (s[i + 1] == '\n' || (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n'))) {
      ++i;
      continue;
    }
    // ASCII fast path: ASCII is NFKC-stable unless a combining mark follows.
    if (s[i] < 0x80 && (i + 1 >= n || s[i + 1] < 0x80)) {
      b.Emit(s[i], i, i + 1);
      ++i;
      continue;
    }
    // A chunk: one code point plus any that follow without an NFKC boundary.
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      b.Emit(0xFFFD, start, i);
      continue;
    }
    bool single = true;
    while (i < n) {
      int32_t j = i;
      UChar32 d;
      U8_NEXT(s, j, n, d);
      if (d < 0 || nfkc->hasBoundaryBefore(d)) break;
      single = false;
      i = j;
    }
    if (single && (c < 0x80 || nfkc->isInert(c))) {
      b.Emit(c, start, i);
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString src = icu::UnicodeString::fromUTF8(
        icu::StringPiece(reinterpret_cast<const char*>(s + start), i - start));
    icu::UnicodeString dst = nfkc->normalize(src, status);
    if (U_FAILURE(status)) dst = src;
    for (int32_t k = 0; k < dst.length();) {
      UChar32 d = dst.char32At(k);
      b.Emit(d, start, i);
      k += U16_LENGTH(d);
    }
  }
  b.Finish();
  return out;
}

}  // namespace newsroles
