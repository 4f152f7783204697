// Reading: turns the command line's INPUTs into a stream of documents.
//
// Promises:
//  - INPUTs are files, directories (searched recursively for *.txt and *.jsonl,
//    in sorted path order) or "-" for standard input.
//  - A text file is one document whose id is the file name without extension.
//    UTF-8 is taken as is (a BOM stays in the text; normalization drops it so
//    offsets still count file bytes). UTF-16 with a BOM and legacy 8-bit
//    encodings (ICU's charset detector: windows-1252, ISO-8859-1, ...) are
//    converted to UTF-8; offsets then count bytes of the converted text.
//  - A JSONL file yields one document per non-blank line:
//    {"id": "...", "text": "...", "date": "YYYY-MM-DD"} ("date" optional).
//  - Anything unreadable (missing file, empty file — also a JSONL file with no
//    line —, binary data, a malformed or
//    invalid-UTF-8 JSON line, a bad "date") yields a DocumentError naming the
//    file and, for JSONL, the line. Reading never stops at a bad document.
//  - Limits: a text file, or a JSONL line, over `max_doc_bytes` is an error
//    record; it is skipped without being held in memory, so memory stays
//    bounded by the limit whatever the input holds.
// Thread safety: one DocumentReader per thread.
#pragma once

#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "types.h"

namespace newsroles {

enum class InputFormat { kAuto, kText, kJsonl };

using ReadItem = std::variant<Document, DocumentError>;

struct ReadLimits {
  size_t max_doc_bytes = size_t{16} << 20;  // --max-doc-bytes
};

// Decodes the bytes of a text file to UTF-8. Returns false and sets `error`
// for empty or binary data.
bool DecodeText(const std::string& bytes, std::string& utf8, std::string& error);

// Parses one JSONL line (1-based `line`) of `source`.
ReadItem ParseJsonLine(const std::string& line_text, const std::string& source, size_t line);

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// True for a valid ISO 8601 calendar date YYYY-MM-DD.
bool IsIsoDate(const std::string& s);

class DocumentReader {
 public:
  // `inputs` as given on the command line; none means standard input.
  DocumentReader(std::vector<std::string> inputs, InputFormat format, std::istream& stdin_stream,
                 ReadLimits limits = {});

  // The next document or error; false at the end of all inputs.
  bool Next(ReadItem& item);

 private:
  struct Source {
    std::string path;  // "-" for stdin
    InputFormat format;
    std::string error;  // set when the input could not be listed
  };
  bool OpenNext(ReadItem& item);
  // Reads one line of the JSONL stream into `line`, keeping at most
  // max_doc_bytes + 1 bytes of it; `length` is the line's whole length.
  // False at the end of the stream.
  bool ReadLine(std::string& line, size_t& length);

  ReadLimits limits_;

  std::vector<Source> sources_;
  size_t next_source_ = 0;
  std::istream& stdin_;
  std::unique_ptr<std::ifstream> file_;
  std::istream* lines_ = nullptr;  // the JSONL stream being read, if any
  std::string lines_source_;
  size_t line_no_ = 0;
  size_t lines_read_ = 0;  // documents (good or bad) read from the current JSONL
  std::string chunk_;      // bytes of the JSONL stream read ahead
  size_t chunk_pos_ = 0;
};

}  // namespace newsroles
