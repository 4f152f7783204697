#include "read.h"

#include <cstring>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace newsroles {
namespace fs = std::filesystem;
namespace {


// Binary data: NUL bytes, or many control characters other than whitespace.
bool LooksBinary(const std::string& s) {
  size_t controls = 0;
  for (unsigned char c : s) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return controls * 20 > s.size();
}

// Below this confidence (0-100) the charset detector is guessing; news in an
// unknown 8-bit encoding is then read as windows-1252.
constexpr int32_t kMinConfidence = 20;

bool Convert(const std::string& bytes, const char* charset, std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return false;
  utf8.clear();
  u.toUTF8String(utf8);
  return true;
}

std::string StemOf(const std::string& path) { return fs::path(path).stem().string(); }

InputFormat FormatOf(const std::string& path, InputFormat requested) {
  if (requested != InputFormat::kAuto) return requested;
  if (path == "-") return InputFormat::kJsonl;
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".jsonl" || ext == ".json" ? InputFormat::kJsonl : InputFormat::kText;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::stoi(s.substr(0, 4));
  const unsigned m = std::stoul(s.substr(5, 2)), d = std::stoul(s.substr(8, 2));
  // A real calendar day: no 2023-02-29 or 2022-04-31.
  return (std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}).ok();
}

bool DecodeText(const std::string& bytes, std::string& utf8, std::string& error) {
  if (bytes.empty()) {
    error = "empty file";
    return false;
  }
  if (bytes.size() >= 2 && ((uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xFE) ||
                            (uint8_t(bytes[0]) == 0xFE && uint8_t(bytes[1]) == 0xFF))) {
    if (!Convert(bytes, "UTF-16", utf8)) {
      error = "cannot decode UTF-16 text";
      return false;
    }
    // The converter keeps the BOM as U+FEFF; drop it here (offsets count converted bytes).
    if (utf8.rfind("\xEF\xBB\xBF", 0) == 0) utf8.erase(0, 3);
    return true;
  }
  if (LooksBinary(bytes)) {
    error = "binary data, not text";
    return false;
  }
  if (IsValidUtf8(bytes)) {
    utf8 = bytes;
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det, &status);
  std::string name = "windows-1252";
  if (U_SUCCESS(status) && match) {
    const char* n = ucsdet_getName(match, &status);
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    // The detector may still say UTF-8 for nearly-valid text; it is not. A
    // UTF-16/32 guess without a BOM, or a low confidence, is a guess on too
    // little text ("Stra\xDFe" came out as UTF-16BE).
    if (U_SUCCESS(status) && n && confidence >= kMinConfidence &&
        std::string(n).rfind("UTF-", 0) != 0)
      name = n;
  }
  ucsdet_close(det);
  if (name == "ISO-8859-1") name = "windows-1252";  // a superset, as browsers read it
  if (!Convert(bytes, name.c_str(), utf8)) {
    error = "invalid UTF-8 and not decodable as " + name;
    return false;
  }
  return true;
}

namespace {
std::string TooBig(size_t size, size_t limit, bool at_least = false) {
  return "document of " + std::string(at_least ? "more than " : "") + std::to_string(at_least ? limit : size) +
         " bytes is over the limit of " + std::to_string(limit) + " (--max-doc-bytes)";
}
}  // namespace

ReadItem ParseJsonLine(const std::string& text, const std::string& source, size_t line) {
  auto fail = [&](const std::string& id, const std::string& why) -> ReadItem {
    return DocumentError{id.empty() ? source + ":" + std::to_string(line) : id, why, source, line};
  };
  if (!IsValidUtf8(text)) return fail("", "invalid UTF-8 in JSON line");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    return fail("", "malformed JSON: " + what.substr(what.find(']') + 2));
  }
  if (!j.is_object()) return fail("", "a JSON line must be an object");
  std::string id;
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string()) id = it->get<std::string>();
    else if (it->is_number_integer()) id = std::to_string(it->get<long long>());
  }
  if (id.empty()) return fail("", "missing \"id\"");
  auto t = j.find("text");
  if (t == j.end() || !t->is_string()) return fail(id, "missing or non-string \"text\"");
  Document doc{id, t->get<std::string>(), std::nullopt, source, line};
  if (auto d = j.find("date"); d != j.end() && !d->is_null()) {
    if (!d->is_string() || !IsIsoDate(d->get<std::string>().substr(0, 10)))
      return fail(id, "\"date\" is not an ISO 8601 date (YYYY-MM-DD)");
    doc.date = d->get<std::string>().substr(0, 10);
  }
  if (doc.text.empty()) return fail(id, "empty text");
  return doc;
}

DocumentReader::DocumentReader(std::vector<std::string> inputs, InputFormat format,
                               std::istream& stdin_stream, ReadLimits limits)
    : limits_(limits), stdin_(stdin_stream) {
  if (inputs.empty()) inputs.push_back("-");
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec)) {
        // A file, or an entry that cannot be followed (a dangling symlink):
        // the latter is listed so that reading it reports the error.
        std::error_code entry_ec;
        const bool file = it->is_regular_file(entry_ec);
        if (!file && !(it->is_symlink(entry_ec) && !it->exists(entry_ec))) continue;
        std::string ext = it->path().extension().string();
        if (ext == ".txt" || ext == ".jsonl") found.push_back(it->path().string());
      }
      if (ec) sources_.push_back({in, format, "cannot list directory: " + ec.message()});
      std::sort(found.begin(), found.end());
      for (auto& f : found) sources_.push_back({f, FormatOf(f, format), ""});
    } else {
      sources_.push_back({in, FormatOf(in, format), ""});
    }
  }
}

bool DocumentReader::ReadLine(std::string& line, size_t& length) {
  line.clear();
  length = 0;
  const size_t keep = limits_.max_doc_bytes + 1;
  bool any = false;
  while (true) {
    if (chunk_pos_ == chunk_.size()) {
      chunk_.resize(1 << 16);
      const auto got = lines_->rdbuf()->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
      chunk_.resize(got > 0 ? static_cast<size_t>(got) : 0);
      chunk_pos_ = 0;
      if (chunk_.empty()) return any;
    }
    any = true;
    const char* begin = chunk_.data() + chunk_pos_;
    const size_t avail = chunk_.size() - chunk_pos_;
    const char* nl = static_cast<const char*>(std::memchr(begin, '\n', avail));
    const size_t n = nl ? static_cast<size_t>(nl - begin) : avail;
    if (length < keep) line.append(begin, std::min(n, keep - length));
    length += n;
    chunk_pos_ += n + (nl ? 1 : 0);
    if (nl) return true;
  }
}

bool DocumentReader::Next(ReadItem& item) {
  while (true) {
    if (lines_) {
      std::string line;
      size_t length = 0;
      while (ReadLine(line, length)) {
        ++line_no_;
        if (length > limits_.max_doc_bytes) {
          ++lines_read_;
          item = DocumentError{lines_source_ + ":" + std::to_string(line_no_),
                               "JSON line of " + std::to_string(length) +
                                   " bytes is over the limit of " +
                                   std::to_string(limits_.max_doc_bytes) + " (--max-doc-bytes)",
                               lines_source_, line_no_};
          return true;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        item = ParseJsonLine(line, lines_source_, line_no_);
        ++lines_read_;
        return true;
      }
      lines_ = nullptr;
      if (lines_read_ == 0) {
        // A JSONL file with no document at all is reported, not skipped.
        const std::string id = lines_source_ == "-" ? "stdin" : StemOf(lines_source_);
        item = DocumentError{id, "empty file: no JSON lines", lines_source_, 0};
        file_.reset();
        return true;
      }
      file_.reset();
    }
    if (next_source_ >= sources_.size()) return false;
    if (OpenNext(item)) return true;
  }
}

// Opens the next source. Returns true when it produced an item by itself (a
// whole text document or an error); false when it set up a JSONL stream.
bool DocumentReader::OpenNext(ReadItem& item) {
  const Source& src = sources_[next_source_++];
  const std::string id = src.path == "-" ? "stdin" : StemOf(src.path);
  if (!src.error.empty()) {
    item = DocumentError{id, src.error, src.path, 0};
    return true;
  }
  std::istream* in = &stdin_;
  if (src.path != "-") {
    std::error_code ec;
    if (!fs::exists(src.path, ec)) {
      item = DocumentError{id, "no such file", src.path, 0};
      return true;
    }
    file_ = std::make_unique<std::ifstream>(src.path, std::ios::binary);
    if (!*file_ || fs::is_directory(src.path, ec)) {
      item = DocumentError{id, "cannot open file", src.path, 0};
      file_.reset();
      return true;
    }
    in = file_.get();
  }
  if (src.format == InputFormat::kJsonl) {
    lines_ = in;
    chunk_.clear();
    chunk_pos_ = 0;
    lines_source_ = src.path;
    line_no_ = 0;
    lines_read_ = 0;
    return false;
  }
  // Never more than the limit in memory: a bigger document is read no further.
  std::string bytes;
  {
    std::error_code ec;
    const auto size = src.path == "-" ? 0 : fs::file_size(src.path, ec);
    if (!ec && size > limits_.max_doc_bytes) {
      item = DocumentError{id, TooBig(size, limits_.max_doc_bytes), src.path, 0};
      file_.reset();
      return true;
    }
    char buf[1 << 16];
    while (in->read(buf, sizeof buf) || in->gcount() > 0) {
      bytes.append(buf, static_cast<size_t>(in->gcount()));
      if (bytes.size() > limits_.max_doc_bytes) {
        item = DocumentError{id, TooBig(bytes.size(), limits_.max_doc_bytes, true), src.path, 0};
        file_.reset();
        return true;
      }
    }
  }
  if (in->bad()) {
    item = DocumentError{id, "read error", src.path, 0};
    file_.reset();
    return true;
  }
  file_.reset();
  std::string text, error;
  if (!DecodeText(bytes, text, error)) {
    item = DocumentError{id, error, src.path, 0};
    return true;
  }
  item = Document{id, std::move(text), std::nullopt, src.path, 0};
  return true;
}

}  // namespace newsroles
