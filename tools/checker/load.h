// Copyright (c) the project authors.
//
// Reading gold annotations and system output (JSON Lines, one document a
// line, see /work/shared/spec/events.md).
//
// A path may be a file (read whatever its extension) or a directory (every
// regular file named *.jsonl below it, recursively, read in path order).
// Blank lines are skipped; a UTF-8 byte order mark and CRLF line ends are
// accepted. Missing "person", "role", "org", "date" read as null. Fields the
// checker does not use are ignored.
//
// Failure: anything unreadable or malformed throws InputError, whose message
// names the file and line ("gold/a.jsonl:7: event 2: \"type\" must be ...").
// Duplicate document ids within one corpus are an error naming both places.
//
// Thread safety: the functions keep no state; concurrent calls are safe.

#ifndef TOOLS_CHECKER_LOAD_H_
#define TOOLS_CHECKER_LOAD_H_

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "checker/document.h"

namespace checker {

// Bad input: unreadable file, invalid JSON, wrong shape. what() is
// "FILE:LINE: MESSAGE", or "FILE: MESSAGE" when no line applies (line 0).
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, const std::string& message);

  const std::string& file() const { return file_; }
  int line() const { return line_; }

 private:
  std::string file_;
  int line_;
};

// Gold files may not hold error records, evidence and rules are ignored.
// System files may hold error records {"doc": ID, "error": "..."}.
enum class CorpusKind { kGold, kSystem };

// Parses the text of one JSONL file. `file_name` is used in error messages
// and in each Document's location.
Corpus ParseJsonLines(std::string_view text, const std::string& file_name, CorpusKind kind);

// Reads a file or a directory tree of *.jsonl files (see above).
Corpus LoadCorpus(const std::filesystem::path& path, CorpusKind kind);

// Reads the core F1 stored in a baseline file: either a file written by
// `checker --save-baseline` or the output of `checker --json`.
double LoadBaselineCoreF1(const std::filesystem::path& path);

}  // namespace checker

#endif  // TOOLS_CHECKER_LOAD_H_
