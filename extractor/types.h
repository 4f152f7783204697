// Plain value types passed between the stages of the flow:
//   read -> normalize -> sentences -> mentions -> rules -> resolve -> events -> write
// They carry data only; the functions over them live in the stage files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace newsroles {

// A half-open byte range [begin, end).
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// One input document as read: `text` is UTF-8 (converted from a legacy
// encoding where needed). Reported offsets point into `text`.
struct Document {
  std::string id;
  std::string text;
  std::optional<std::string> date;  // publication date, ISO 8601, if known
  std::string source;               // file name, or "-" for stdin
  size_t line = 0;                  // 1-based line in a JSONL source; 0 for text files
};

// A document that could not be read or processed.
struct DocumentError {
  std::string id;
  std::string message;
  std::string source;
  size_t line = 0;
};

// Normalized text plus, for every byte of it, the range of original bytes it
// came from. `origin_begin[i]` / `origin_end[i]` are offsets into the text as read.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> origin_begin;
  std::vector<uint32_t> origin_end;

  // Maps a span of `text` to the span of original bytes it covers.
  Span ToOriginal(Span s) const {
    if (s.empty() || s.end > text.size()) return {OriginAt(s.begin), OriginAt(s.begin)};
    return {origin_begin[s.begin], origin_end[s.end - 1]};
  }
  size_t OriginAt(size_t i) const {
    if (i < origin_begin.size()) return origin_begin[i];
    return origin_end.empty() ? 0 : origin_end.back();
  }
};

// A sentence: a span of the normalized text.
struct Sentence {
  Span span;
  size_t paragraph = 0;
};

// A calendar anchor (publication date) used to resolve relative dates.
struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// One match of one rule in one sentence: the captured slot spans
// (normalized-text offsets).
struct RuleMatch {
  size_t rule = 0;      // index into RuleSet::rules()
  size_t sentence = 0;  // index into the document's sentences
  Span span;            // the whole match
  std::map<std::string, Span> slots;
};

// An event as the contract defines it, plus where it came from.
struct Event {
  std::string type;  // start | end | hold
  std::string person;
  std::optional<std::string> role;
  std::optional<std::string> org;
  std::optional<std::string> date;
  std::string rule;
  bool org_implicit = false;  // org taken from the document's focus, not the text
  bool date_reported = false;  // date is the day the change was announced ("said on Monday")
  Span evidence;  // normalized offsets of the sentence
  size_t sentence = 0;
  std::map<std::string, Span> slots;  // normalized offsets, for --explain
};

// The result for one document: events, or an error.
struct DocumentResult {
  std::string id;
  std::vector<Event> events;
  std::optional<DocumentError> error;
  std::vector<std::string> warnings;  // the document was processed, with a caveat
  NormalizedText normalized;  // kept for offsets in the writer
  std::vector<Sentence> sentences;
  std::string original;  // the text as read
};

}  // namespace newsroles
