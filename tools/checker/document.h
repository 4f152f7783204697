// Copyright (c) the project authors.
//
// Plain value types for what the checker reads: documents with their events,
// as written by the extractor (system output) or by an annotator (gold).
// See /work/shared/spec/events.md for the format. No behaviour lives here;
// reading is in load.h, canonicalization in canonical.h, scoring in score.h.

#ifndef TOOLS_CHECKER_DOCUMENT_H_
#define TOOLS_CHECKER_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace checker {

// Where a value was read from: file name and 1-based line number.
struct SourceLocation {
  std::string file;
  int line = 0;
};

// The evidence span a system event carries. Gold events have none.
struct Evidence {
  int64_t begin = 0;
  int64_t end = 0;
  std::string text;
};

// One event, with its slots exactly as read (not canonicalized).
// A slot that is JSON null or absent is std::nullopt.
struct Event {
  std::string type;  // "start", "end" or "hold"
  std::optional<std::string> person;
  std::optional<std::string> role;
  std::optional<std::string> org;
  std::optional<std::string> date;
  std::optional<Evidence> evidence;  // system events only
  std::optional<std::string> rule;   // system events only
};

// One line of a JSONL file: a document id and its events, or (system output
// only) an error record {"doc": ID, "error": "..."} that stands for a
// document with no events.
struct Document {
  std::string id;
  std::vector<Event> events;
  std::optional<std::string> error;
  SourceLocation location;
};

// All documents of a gold set or a system run, in reading order (files
// sorted by path, lines in file order). Ids are unique within a corpus.
using Corpus = std::vector<Document>;

}  // namespace checker

#endif  // TOOLS_CHECKER_DOCUMENT_H_
