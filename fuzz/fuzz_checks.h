// The properties the fuzz targets check, shared with tests/fuzz_regressions_test.cc
// so that a stored finding is replayed through exactly the checks that caught it.
//
// Each Check* function runs one stage on arbitrary input and returns "" when
// every promise of that stage's header holds, or a message saying which one
// broke. A crash, a sanitizer report or a hang is a finding too; the fuzz
// targets turn a non-empty message into abort().
// Thread safety: none needed (one fuzz process, one thread).
#pragma once

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "extract.h"
#include "normalize.h"
#include "patterns.h"
#include "read.h"
#include "sentences.h"
#include "types.h"
#include "write.h"

namespace newsroles::fuzz {

// Aborts with `why` when it is not empty: the fuzz targets' assertion.
inline void Require(const std::string& why) {
  if (why.empty()) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", why.c_str());
  std::abort();
}

// Offsets where a code point (or an ill-formed sequence, as ICU decodes it)
// starts, plus the end: the only offsets a span of the text as read may use.
inline std::vector<bool> Utf8Boundaries(std::string_view s) {
  std::vector<bool> at(s.size() + 1, false);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    at[static_cast<size_t>(i)] = true;
    UChar32 c;
    U8_NEXT(p, i, n, c);
  }
  at[s.size()] = true;
  return at;
}

// normalize.h: valid UTF-8 out; every output byte maps to a non-empty range of
// whole characters of the original; the map runs forward (origins never go
// back), so a span of output maps to a span of original.
inline std::string CheckNormalized(std::string_view original, const NormalizedText& n) {
  const size_t size = n.text.size();
  if (n.origin_begin.size() != size || n.origin_end.size() != size)
    return "origin map size differs from the text's";
  if (!IsValidUtf8(n.text)) return "normalized text is not valid UTF-8";
  const std::vector<bool> bound = Utf8Boundaries(original);
  for (size_t i = 0; i < size; ++i) {
    const size_t b = n.origin_begin[i], e = n.origin_end[i];
    const std::string at = "output byte " + std::to_string(i) + ": ";
    if (!(b < e)) return at + "empty origin [" + std::to_string(b) + ", " + std::to_string(e) + ")";
    if (e > original.size()) return at + "origin end past the original";
    if (!bound[b] || !bound[e]) return at + "origin not on a UTF-8 boundary of the original";
    if (i > 0 && (b < n.origin_begin[i - 1] || e < n.origin_end[i - 1]))
      return at + "origin goes backwards";
  }
  const Span all = n.ToOriginal({0, size});
  if (all.begin > all.end || all.end > original.size())
    return "ToOriginal(whole text) out of range";
  if (size > 0 && n.OriginAt(size) != n.origin_end.back())
    return "OriginAt(end) is not the last origin";
  return "";
}

// sentences.h: every sentence non-empty, in bounds, after the previous one,
// on UTF-8 boundaries, without a paragraph break inside and without leading
// or trailing spaces. With `complete` (a plain Split from 0), every byte that
// is not a space lies in a sentence: splitting loses no text.
inline std::string CheckSentences(const std::string& text, const std::vector<Sentence>& sentences,
                                  bool complete) {
  auto space = [](char c) { return c == ' ' || c == '\n'; };
  auto continuation = [&](size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  };
  size_t prev_end = 0, prev_paragraph = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Span s = sentences[k].span;
    const std::string at = "sentence " + std::to_string(k) + " [" + std::to_string(s.begin) + ", " +
                           std::to_string(s.end) + "): ";
    if (s.begin >= s.end) return at + "empty";
    if (s.end > text.size()) return at + "past the end of the text";
    if (s.begin < prev_end) return at + "overlaps or precedes the previous sentence";
    if (sentences[k].paragraph < prev_paragraph) return at + "paragraph number goes backwards";
    if (continuation(s.begin) || continuation(s.end)) return at + "not on a UTF-8 boundary";
    if (space(text[s.begin]) || space(text[s.end - 1])) return at + "leading or trailing space";
    if (text.find('\n', s.begin) < s.end) return at + "spans a paragraph break";
    if (complete) {
      for (size_t i = prev_end; i < s.begin; ++i)
        if (!space(text[i])) return at + "text before it lies in no sentence";
    }
    prev_end = s.end;
    prev_paragraph = sentences[k].paragraph;
  }
  if (complete) {
    for (size_t i = prev_end; i < text.size(); ++i)
      if (!space(text[i])) return "text after the last sentence lies in no sentence";
  }
  return "";
}

// write.h: one line of valid UTF-8, no raw control character, and JSON that
// parses back to an object.
inline std::string CheckOutputLine(const std::string& line) {
  if (!IsValidUtf8(line)) return "output line is not valid UTF-8";
  for (unsigned char c : line)
    if (c < 0x20) return "raw control character " + std::to_string(c) + " in output line";
  auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return "output line is not a JSON object";
  return "";
}

// The contract's `date`: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn and the
// ISO week YYYY-Www (as the gold writes "the week of ..."), with XXXX for a
// year that cannot be known.
inline bool IsContractDate(const std::string& d) {
  auto digits = [&](size_t at, size_t n) {
    for (size_t i = at; i < at + n; ++i)
      if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() < 4 || !(digits(0, 4) || d.compare(0, 4, "XXXX") == 0)) return false;
  if (d.size() == 4) return true;
  if (d.size() == 7 && d[4] == '-' && (d[5] == 'Q' || d[5] == 'H'))
    return d[5] == 'Q' ? d[6] >= '1' && d[6] <= '4' : d[6] == '1' || d[6] == '2';
  if (d.size() == 7) return d[4] == '-' && digits(5, 2);
  if (d.size() == 8) return d[4] == '-' && d[5] == 'W' && digits(6, 2);
  return d.size() == 10 && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
}

// A read document: id, non-empty valid UTF-8 text, an ISO date if any.
inline std::string CheckDocument(const Document& d) {
  if (d.id.empty()) return "document without id";
  if (d.text.empty()) return "document " + d.id + " with empty text";
  if (!IsValidUtf8(d.text)) return "document " + d.id + " with invalid UTF-8 text";
  if (d.date && !IsIsoDate(*d.date)) return "document " + d.id + " with bad date " + *d.date;
  return "";
}

inline std::string CheckReadItem(const ReadItem& item) {
  if (const auto* d = std::get_if<Document>(&item)) return CheckDocument(*d);
  const auto& e = std::get<DocumentError>(item);
  if (e.id.empty() || e.message.empty()) return "error record without id or message";
  return CheckOutputLine(FormatError(e));
}

// read.h, one line: a document or an error, never an exception.
inline std::string CheckJsonLine(const std::string& line) {
  return CheckReadItem(ParseJsonLine(line, "fuzz.jsonl", 1));
}

// read.h, a JSONL stream: exactly one item per non-blank line (a stream with
// none gives one "empty file" error), in line order. `max_doc_bytes` is small
// so that the over-the-limit path runs too.
inline std::string CheckJsonlStream(const std::string& bytes, size_t max_doc_bytes = 1024) {
  size_t expected = 0;
  for (size_t b = 0; b < bytes.size();) {
    size_t e = bytes.find('\n', b);
    if (e == std::string::npos) e = bytes.size();
    std::string line = bytes.substr(b, e - b);
    const bool over = line.size() > max_doc_bytes;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (over || line.find_first_not_of(" \t") != std::string::npos) ++expected;
    b = e + 1;
  }
  if (expected == 0) expected = 1;
  std::istringstream in(bytes);
  DocumentReader reader({}, InputFormat::kJsonl, in, ReadLimits{max_doc_bytes});
  ReadItem item;
  size_t items = 0, last_line = 0;
  while (reader.Next(item)) {
    ++items;
    if (items > expected) break;
    if (std::string why = CheckReadItem(item); !why.empty()) return why;
    const size_t line = std::holds_alternative<Document>(item) ? std::get<Document>(item).line
                                                               : std::get<DocumentError>(item).line;
    if (line != 0 && line <= last_line) return "line numbers do not increase";
    last_line = line;
  }
  if (items != expected)
    return std::to_string(items) + " items read from " + std::to_string(expected) + " lines";
  return "";
}

// A pattern directory of its own for fuzzing rule files: the macro names of
// the bundled library (so that real rules parse) with small bodies (so that a
// load takes milliseconds, not the bundled lists' half second), one word list
// and one .tsv table, and rules/fuzz.rules, rewritten for every input.
class RuleSandbox {
 public:
  explicit RuleSandbox(const std::string& bundled_dir) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "newsroles-fuzz-rules-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) Require("mkdtemp failed");
    dir_ = tmpl;
    fs::create_directories(fs::path(dir_) / "rules");
    fs::create_directories(fs::path(dir_) / "lists");
    std::ofstream(fs::path(dir_) / "lists" / "words.txt") << "chief executive\nCEO\n# comment\n";
    std::ofstream(fs::path(dir_) / "lists" / "months.tsv") << "January\t1\nJan.\t1\n";
    std::ofstream macros(fs::path(dir_) / "macros.def");
    macros << "list ROLE_WORD lists/words.txt\nlist-cased MONTH lists/months.tsv\n";
    std::ifstream in(fs::path(bundled_dir) / "macros.def");
    for (std::string line; std::getline(in, line);) {
      std::istringstream words(line);
      std::string directive, name;
      words >> directive >> name;
      if (directive != "define" && directive != "list" && directive != "list-cased") continue;
      if (name == "ROLE_WORD" || name == "MONTH") continue;
      macros << "define " << name << " [A-Z][a-z]+(?: [A-Z][a-z]+)?\n";
    }
  }
  ~RuleSandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  RuleSandbox(const RuleSandbox&) = delete;
  RuleSandbox& operator=(const RuleSandbox&) = delete;

  // patterns.h: any rule file gives a library or a PatternError that names
  // file and line; never another exception.
  std::string Check(std::string_view rules) {
    std::ofstream(std::filesystem::path(dir_) / "rules" / "fuzz.rules", std::ios::binary)
        .write(rules.data(), static_cast<std::streamsize>(rules.size()));
    try {
      auto lib = PatternLibrary::Load(dir_);
      for (const Rule& r : lib->rules())
        if (!r.regex || r.type.empty() || r.emits.empty())
          return "rule '" + r.id + "' loaded incomplete";
      lib->CompileAll();  // rules compile on first use: that error names file and line too
    } catch (const PatternError& e) {
      if (std::string(e.what()).rfind(dir_, 0) != 0)
        return "PatternError names no file: " + std::string(e.what());
    } catch (const std::exception& e) {
      return std::string("exception other than PatternError: ") + e.what();
    }
    return "";
  }

 private:
  std::string dir_;
};

// extract.h + write.h: one document through the whole flow. Run reports no
// error for any text (errors are for unreadable input, and an "internal
// error" is a bug); the result's offsets hold; events are well-formed; the
// written line, plain and with --explain, is valid JSON in valid UTF-8.
inline std::string CheckExtraction(Extractor& extractor, const Engine& engine,
                                   const std::string& text) {
  const Document doc{"fuzz", text, std::nullopt, "fuzz.txt", 0};
  RunOptions options;
  options.default_date = "2023-05-17";
  const DocumentResult r = extractor.Run(doc, options);
  if (r.error) return "Run failed: " + r.error->message;
  if (std::string why = CheckNormalized(text, r.normalized); !why.empty()) return why;
  const std::string& norm = r.normalized.text;
  if (std::string why = CheckSentences(norm, r.sentences, false); !why.empty()) return why;
  for (const Event& e : r.events) {
    const std::string at = "event of rule '" + e.rule + "': ";
    if (e.type != "start" && e.type != "end" && e.type != "hold") return at + "bad type " + e.type;
    if (e.person.empty()) return at + "no person";
    if (e.evidence.empty() || e.evidence.end > norm.size()) return at + "evidence out of range";
    for (const auto& [name, span] : e.slots)
      if (span.begin > span.end || span.end > norm.size())
        return at + "slot " + name + " out of range";
    for (const auto* s : {&e.role, &e.org, &e.date})
      if (*s && !IsValidUtf8(**s)) return at + "invalid UTF-8 in a field";
    if (!IsValidUtf8(e.person)) return at + "invalid UTF-8 in person";
    if (e.date && !IsContractDate(*e.date)) return at + "date '" + *e.date + "' is not ISO 8601";
  }
  for (bool explain : {false, true}) {
    const std::string line = FormatResult(r, &doc, explain, &engine.library());
    if (std::string why = CheckOutputLine(line); !why.empty()) return why;
    const auto j = nlohmann::json::parse(line);
    for (const auto& ev : j.at("events")) {
      const auto& evidence = ev.at("evidence");
      const size_t b = evidence.at("begin"), e = evidence.at("end");
      if (b > e || e > text.size()) return "written evidence offsets out of range";
    }
  }
  return "";
}

}  // namespace newsroles::fuzz
