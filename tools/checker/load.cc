// Copyright (c) the project authors.

#include "checker/load.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

namespace checker {

namespace {

using nlohmann::json;

std::string FormatLocation(const std::string& file, int line) {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line);
}

// Reads a whole file; throws InputError when it cannot.
std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), 0, "cannot open file");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw InputError(path.string(), 0, "cannot read file");
  return contents.str();
}

// Throws an InputError for the given place.
[[noreturn]] void Fail(const std::string& file, int line, const std::string& message) {
  throw InputError(file, line, message);
}

// Reads an optional string slot: absent or null is nullopt.
std::optional<std::string> OptionalString(const json& object, const char* field,
                                          const std::string& where, const std::string& file,
                                          int line) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    Fail(file, line, where + "\"" + field + "\" must be a string or null, not " + it->dump());
  }
  return it->get<std::string>();
}

std::optional<Evidence> ReadEvidence(const json& event, const std::string& where,
                                     const std::string& file, int line) {
  auto it = event.find("evidence");
  if (it == event.end() || it->is_null()) return std::nullopt;
  if (!it->is_object()) {
    Fail(file, line, where + "\"evidence\" must be an object");
  }
  Evidence evidence;
  for (const char* field : {"begin", "end"}) {
    auto offset = it->find(field);
    if (offset == it->end() || offset->is_null()) continue;
    if (!offset->is_number_integer()) {
      Fail(file, line, where + "\"evidence\".\"" + field + "\" must be an integer");
    }
    (std::string_view(field) == "begin" ? evidence.begin : evidence.end) = offset->get<int64_t>();
  }
  evidence.text = OptionalString(*it, "text", where + "\"evidence\": ", file, line).value_or("");
  return evidence;
}

Event ReadEvent(const json& value, int index, CorpusKind kind, const std::string& file, int line) {
  const std::string where = "event " + std::to_string(index + 1) + ": ";
  if (!value.is_object()) Fail(file, line, where + "must be an object");

  Event event;
  auto type = value.find("type");
  if (type == value.end() || !type->is_string()) {
    Fail(file, line, where + "\"type\" is missing or not a string");
  }
  event.type = type->get<std::string>();
  if (event.type != "start" && event.type != "end" && event.type != "hold") {
    Fail(file, line,
         where + "\"type\" must be one of start, end, hold, not \"" + event.type + "\"");
  }
  event.person = OptionalString(value, "person", where, file, line);
  event.role = OptionalString(value, "role", where, file, line);
  event.org = OptionalString(value, "org", where, file, line);
  event.date = OptionalString(value, "date", where, file, line);
  if (kind == CorpusKind::kSystem) {
    event.evidence = ReadEvidence(value, where, file, line);
    event.rule = OptionalString(value, "rule", where, file, line);
  }
  return event;
}

Document ReadDocument(const json& value, CorpusKind kind, const std::string& file, int line) {
  if (!value.is_object()) Fail(file, line, "a line must be a JSON object");
  Document document;
  document.location = {file, line};

  auto id = value.find("doc");
  if (id == value.end() || !id->is_string()) {
    Fail(file, line, "\"doc\" is missing or not a string");
  }
  document.id = id->get<std::string>();

  auto error = value.find("error");
  if (error != value.end() && !error->is_null()) {
    if (kind == CorpusKind::kGold) {
      Fail(file, line, "gold documents cannot be error records");
    }
    // Error records count as a document with no events; any "events" field
    // beside the error is ignored.
    document.error = error->is_string() ? error->get<std::string>() : error->dump();
    return document;
  }

  auto events = value.find("events");
  if (events == value.end() || !events->is_array()) {
    Fail(file, line, "\"events\" is missing or not an array");
  }
  for (size_t i = 0; i < events->size(); ++i) {
    document.events.push_back(ReadEvent((*events)[i], static_cast<int>(i), kind, file, line));
  }
  return document;
}

std::vector<std::filesystem::path> ListJsonLinesFiles(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(directory, error), end;
  if (error) {
    throw InputError(directory.string(), 0, "cannot read directory: " + error.message());
  }
  for (; it != end; it.increment(error)) {
    if (error) break;
    if (it->is_regular_file() && it->path().extension() == ".jsonl") {
      files.push_back(it->path());
    }
  }
  if (error) {
    throw InputError(directory.string(), 0, "cannot read directory: " + error.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

InputError::InputError(std::string file, int line, const std::string& message)
    : std::runtime_error(FormatLocation(file, line) + ": " + message),
      file_(std::move(file)),
      line_(line) {}

Corpus ParseJsonLines(std::string_view text, const std::string& file_name, CorpusKind kind) {
  static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }

  Corpus corpus;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;

    json value;
    try {
      value = json::parse(line);
    } catch (const json::parse_error& e) {
      Fail(file_name, line_number,
           "invalid JSON at byte " + std::to_string(e.byte) + ": " + e.what());
    }
    corpus.push_back(ReadDocument(value, kind, file_name, line_number));
  }
  return corpus;
}

Corpus LoadCorpus(const std::filesystem::path& path, CorpusKind kind) {
  std::error_code error;
  const bool is_directory = std::filesystem::is_directory(path, error);
  if (!is_directory && !std::filesystem::exists(path, error)) {
    throw InputError(path.string(), 0, "no such file or directory");
  }

  std::vector<std::filesystem::path> files;
  if (is_directory) {
    files = ListJsonLinesFiles(path);
  } else {
    files.push_back(path);
  }

  Corpus corpus;
  std::map<std::string, SourceLocation> seen;
  for (const std::filesystem::path& file : files) {
    for (Document& document : ParseJsonLines(ReadFile(file), file.string(), kind)) {
      auto [it, inserted] = seen.emplace(document.id, document.location);
      if (!inserted) {
        Fail(document.location.file, document.location.line,
             "document \"" + document.id + "\" already appeared at " +
                 FormatLocation(it->second.file, it->second.line));
      }
      corpus.push_back(std::move(document));
    }
  }
  return corpus;
}

double LoadBaselineCoreF1(const std::filesystem::path& path) {
  const std::string file = path.string();
  json value;
  try {
    value = json::parse(ReadFile(path));
  } catch (const json::parse_error& e) {
    Fail(file, 0, std::string("invalid JSON: ") + e.what());
  }
  // Accept both a saved baseline and the full --json report.
  const json* figures = &value;
  if (value.is_object() && value.contains("overall")) {
    figures = &value["overall"];
  }
  if (!figures->is_object() || !figures->contains("core") || !(*figures)["core"].is_object() ||
      !(*figures)["core"].contains("f1") || !(*figures)["core"]["f1"].is_number()) {
    Fail(file, 0, "no number at \"core\".\"f1\" (nor \"overall\".\"core\".\"f1\")");
  }
  return (*figures)["core"]["f1"].get<double>();
}

}  // namespace checker
