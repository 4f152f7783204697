// The extractor binary as a user runs it: exit statuses, error records and
// messages, standard input, -o, output order with threads, and the promise that
// every output line is valid JSON and UTF-8 whose evidence points into the
// text as read.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "read.h"

namespace newsroles {
namespace {
using Json = nlohmann::json;

using CliTest = CliFixture;

// Checks the shape of one output line and returns it parsed.
Json ParseLine(const std::string& line) {
  EXPECT_TRUE(IsValidUtf8(line)) << line;
  Json j;
  try {
    j = Json::parse(line);
  } catch (const Json::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << line;
    return Json::object();
  }
  EXPECT_TRUE(j.is_object()) << line;
  EXPECT_TRUE(j.contains("doc")) << line;
  EXPECT_NE(j.contains("events"), j.contains("error")) << line;
  return j;
}

// ---- usage and configuration --------------------------------------------------

TEST_F(CliTest, HelpExitsZero) {
  RunResult r = Run("--help");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Usage: extractor"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--threads"), std::string::npos);
  EXPECT_EQ(Run("-h").status, 0);
}

TEST_F(CliTest, VersionExitsZero) {
  RunResult r = Run("--version");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("extractor ", 0), 0u) << r.out;
}

TEST_F(CliTest, BadFlagExitsTwo) {
  RunResult r = Run("--no-such-flag " + Quote(kData + "/utf8.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no-such-flag"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Run("--threads many").status, 2);
  EXPECT_EQ(Run("--threads 0").status, 2);
  EXPECT_EQ(Run("--chunk 0").status, 2);
  EXPECT_EQ(Run("--format xml").status, 2);
}

TEST_F(CliTest, BadDateExitsTwo) {
  for (const char* date : {"30/12/2022", "2022-13-01", "2023-02-29", "yesterday", ""}) {
    RunResult r = Run("--date " + Quote(date) + " " + Quote(kData + "/utf8.txt"));
    EXPECT_EQ(r.status, 2) << date;
    EXPECT_NE(r.err.find("--date"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << date;
  }
  EXPECT_EQ(Run("--date 2024-02-29 " + Quote(kData + "/utf8.txt")).status, 0);
}

TEST_F(CliTest, UnreadablePatternDirectoryExitsTwo) {
  RunResult r = Run("--patterns " + Quote((dir_ / "no-such-dir").string()) + " " +
                    Quote(kData + "/utf8.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no-such-dir"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  // A directory that holds no patterns.
  fs::create_directories(dir_ / "empty-patterns");
  r = Run("--patterns " + Quote((dir_ / "empty-patterns").string()) + " " +
          Quote(kData + "/utf8.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("empty-patterns"), std::string::npos) << r.err;
}

TEST_F(CliTest, BrokenRuleFileExitsTwoNamingFileAndLine) {
  const fs::path patterns = dir_ / "patterns";
  fs::copy(kPatterns, patterns, fs::copy_options::recursive);
  // Corrupt the first rule's pattern: an unclosed group RE2 rejects.
  const fs::path rules = patterns / "rules" / "10-start.rules";
  std::vector<std::string> lines = Lines(ReadFile(rules));
  size_t broken = 0;
  for (size_t i = 0; i < lines.size() && !broken; ++i) {
    if (lines[i].rfind("  pattern ", 0) == 0) {
      lines[i] += " (?:unclosed";
      broken = i + 1;
    }
  }
  ASSERT_GT(broken, 0u);
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  WriteFile(rules, text);

  RunResult r = Run("--patterns " + Quote(patterns.string()) + " " + Quote(kData + "/utf8.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("10-start.rules:" + std::to_string(broken) + ":"), std::string::npos)
      << "expected line " << broken << ", got: " << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Run("--test-rules --patterns " + Quote(patterns.string())).status, 2);
}

TEST_F(CliTest, UnknownMacroInRuleExitsTwoNamingFileAndLine) {
  const fs::path patterns = dir_ / "patterns";
  fs::copy(kPatterns, patterns, fs::copy_options::recursive);
  WriteFile(patterns / "rules" / "99-broken.rules",
            "# a broken rule\n"
            "\n"
            "rule broken\n"
            "  type start\n"
            "  pattern {person=NO_SUCH_MACRO} joined\n"
            "  + Jane Doe joined.\n"
            "    = start | Jane Doe | - | -\n"
            "  - Nobody joined.\n");
  RunResult r = Run("--patterns " + Quote(patterns.string()) + " " + Quote(kData + "/utf8.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("99-broken.rules:5:"), std::string::npos) << r.err;
}

// Whether every example passes is rules_examples_test's business; here the
// flag's contract: a summary, and exit 0 exactly when nothing failed.
TEST_F(CliTest, TestRulesReportsAndExitsByResult) {
  RunResult r = Run("--test-rules --patterns " + Quote(kPatterns));
  EXPECT_NE(r.out.find(" examples\n"), std::string::npos) << r.out;
  const bool none_failed = r.out.find(" passed, 0 failed\n") != std::string::npos;
  EXPECT_EQ(r.status, none_failed ? 0 : 1) << r.out;
}

// ---- bad documents: an error record each, the rest processed, exit 1 --------------

struct BadInputCase {
  std::string name;    // for the trace
  std::string input;   // file or directory
  std::string where;   // expected in the stderr message: "FILE" or "FILE:LINE"
  size_t error_line;   // 0-based index of the error record in the output
  size_t total_lines;  // output lines expected
};

void ExpectOneBadDocument(const RunResult& r, const BadInputCase& c) {
  SCOPED_TRACE(c.name);
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), c.total_lines) << r.out;
  size_t errors = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    Json j = ParseLine(lines[i]);
    if (i == c.error_line) {
      ASSERT_TRUE(j.contains("error")) << lines[i];
      EXPECT_TRUE(j["doc"].is_string());
      EXPECT_TRUE(j["error"].is_string());
      EXPECT_FALSE(j["error"].get<std::string>().empty());
      EXPECT_EQ(j.size(), 2u) << lines[i];
    }
    if (j.contains("error")) ++errors;
  }
  EXPECT_EQ(errors, 1u) << r.out;
  EXPECT_NE(r.err.find("extractor: " + c.where + ": "), std::string::npos)
      << "stderr should name " << c.where << ":\n"
      << r.err;
}

TEST_F(CliTest, MissingFile) {
  const std::string missing = (dir_ / "missing.txt").string();
  RunResult r =
      Run(Quote(kData + "/utf8.txt") + " " + Quote(missing) + " " + Quote(kData + "/docs.jsonl"));
  ExpectOneBadDocument(r, {"missing", missing, missing, 1, 5});
  EXPECT_EQ(Json::parse(Lines(r.out)[1])["doc"], "missing");
}

TEST_F(CliTest, DanglingSymlinkInDirectory) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  WriteFile(in / "a.txt", "Jane Doe was named CFO of Acme Corp.\n");
  fs::create_symlink(dir_ / "nowhere.txt", in / "x.txt");
  WriteFile(in / "y.txt", "John Roe joined Acme Corp. as CTO.\n");
  RunResult r = Run("--threads 2 " + Quote(in.string()));
  ExpectOneBadDocument(r, {"dangling", in.string(), (in / "x.txt").string(), 1, 3});
  EXPECT_EQ(Json::parse(Lines(r.out)[1])["doc"], "x");
}

TEST_F(CliTest, UnreadableFileInDirectory) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  WriteFile(in / "a.txt", "Jane Doe was named CFO of Acme Corp.\n");
  WriteFile(in / "x.txt", "Secret.\n");
  fs::permissions(in / "x.txt", fs::perms::none);
  if (std::ifstream(in / "x.txt")) {
    fs::permissions(in / "x.txt", fs::perms::owner_all);
    GTEST_SKIP() << "mode 000 does not block reading here (running as root?); "
                    "DanglingSymlinkInDirectory covers an unreadable directory entry";
  }
  RunResult r = Run(Quote(in.string()));
  ExpectOneBadDocument(r, {"unreadable", in.string(), (in / "x.txt").string(), 1, 2});
  fs::permissions(in / "x.txt", fs::perms::owner_all);
}

TEST_F(CliTest, InvalidUtf8InJsonLine) {
  const std::string in = kData + "/invalid-utf8.jsonl";
  RunResult r = Run(Quote(in));
  ExpectOneBadDocument(r, {"invalid-utf8", in, in + ":2", 1, 3});
  EXPECT_NE(Lines(r.out)[1].find("UTF-8"), std::string::npos);
}

TEST_F(CliTest, BinaryFile) {
  const std::string in = kData + "/binary.txt";
  RunResult r = Run(Quote(kData + "/utf8.txt") + " " + Quote(in));
  ExpectOneBadDocument(r, {"binary", in, in, 1, 2});
  EXPECT_EQ(Json::parse(Lines(r.out)[1])["doc"], "binary");
}

TEST_F(CliTest, EmptyFile) {
  const std::string in = kData + "/empty.txt";
  RunResult r = Run(Quote(in) + " " + Quote(kData + "/utf8.txt"));
  ExpectOneBadDocument(r, {"empty", in, in, 0, 2});
  EXPECT_EQ(Json::parse(Lines(r.out)[0])["doc"], "empty");
}

TEST_F(CliTest, MalformedJsonLine) {
  const std::string in = kData + "/malformed.jsonl";
  RunResult r = Run("--threads 2 " + Quote(in));
  ExpectOneBadDocument(r, {"malformed", in, in + ":2", 1, 3});
  std::vector<std::string> lines = Lines(r.out);
  EXPECT_EQ(Json::parse(lines[0])["doc"], "first");
  EXPECT_EQ(Json::parse(lines[2])["doc"], "third");
  EXPECT_FALSE(Json::parse(lines[2])["events"].empty()) << lines[2];
}

// ---- standard input and -o ------------------------------------------------------

TEST_F(CliTest, StandardInputIsJsonLines) {
  RunResult r = Run("--threads 1", kData + "/docs.jsonl");
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(ParseLine(lines[0])["doc"], "dated");
  EXPECT_EQ(ParseLine(lines[1])["doc"], "undated");
  EXPECT_EQ(ParseLine(lines[2])["doc"], "42");
  // "-" says the same explicitly, and mixes with files.
  RunResult dash = Run("- " + Quote(kData + "/utf8.txt"), kData + "/docs.jsonl");
  EXPECT_EQ(dash.status, 0) << dash.err;
  EXPECT_EQ(Lines(dash.out).size(), 4u);
  EXPECT_EQ(r.out, dash.out.substr(0, r.out.size()));
}

TEST_F(CliTest, OutputFile) {
  const fs::path out = dir_ / "out.jsonl";
  RunResult r = Run("-o " + Quote(out.string()) + " " + Quote(kData + "/docs.jsonl"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  RunResult to_stdout = Run(Quote(kData + "/docs.jsonl"));
  EXPECT_EQ(ReadFile(out), to_stdout.out);
  EXPECT_EQ(Lines(ReadFile(out)).size(), 3u);
  // The long form, and an output that cannot be written.
  EXPECT_EQ(Run("--output " + Quote(out.string()) + " " + Quote(kData + "/utf8.txt")).status, 0);
  EXPECT_EQ(Lines(ReadFile(out)).size(), 1u);
  RunResult bad = Run("-o " + Quote((dir_ / "no-dir" / "out.jsonl").string()) + " " +
                      Quote(kData + "/utf8.txt"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("no-dir"), std::string::npos) << bad.err;
}

TEST_F(CliTest, DateFlagAnchorsUndatedDocuments) {
  const fs::path in = dir_ / "in.jsonl";
  WriteFile(in,
            "{\"id\": \"a\", \"text\": \"Jane Doe was named CFO of Acme Corp. on Monday.\"}\n"
            "{\"id\": \"b\", \"text\": \"Jane Doe was named CFO of Acme Corp. on Monday.\", "
            "\"date\": \"2024-01-10\"}\n");
  RunResult r = Run("--date 2022-12-30 " + Quote(in.string()));
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  Json a = ParseLine(lines[0]), b = ParseLine(lines[1]);
  ASSERT_EQ(a["events"].size(), 1u) << lines[0];
  ASSERT_EQ(b["events"].size(), 1u) << lines[1];
  EXPECT_EQ(a["events"][0]["date"], "2022-12-26");  // the document's own date wins
  EXPECT_EQ(b["events"][0]["date"], "2024-01-08");
}

// ---- order with threads -----------------------------------------------------------

TEST_F(CliTest, TwoThreadsGiveTheSameOutputInInputOrder) {
  // 300 documents, each naming its own person ("Jane Doe", "Jane Abbott", ...:
  // the rules take letters, not numbers, as names) and its own "Acme N".
  static const char* kFirst[] = {"Jane",  "John",  "Maria", "Wei",  "Ahmed",
                                 "Sofia", "Kenji", "Ana",   "Lars", "Priya"};
  static const char* kLast[] = {"Doe",   "Roe",     "Abbott", "Baker",  "Chen",   "Dubois",
                                "Evans", "Fischer", "Garcia", "Hansen", "Ito",    "Jensen",
                                "Kim",   "Lopez",   "Meyer",  "Novak",  "Olsen",  "Park",
                                "Quinn", "Rossi",   "Silva",  "Tanaka", "Ueda",   "Varga",
                                "Weber", "Xu",      "Yilmaz", "Zhang",  "Moreau", "Nakamura"};
  const size_t kDocs = 300;
  auto person = [&](size_t n) { return std::string(kFirst[n % 10]) + " " + kLast[n / 10]; };
  const fs::path in = dir_ / "many.jsonl";
  std::string jsonl;
  for (size_t n = 0; n < kDocs; ++n) {
    if (n % 97 == 50) {  // a few bad lines keep their place too
      jsonl += "{\"id\": \"broken-" + std::to_string(n) + "\", \"text\": \n";
      continue;
    }
    std::string text = person(n) + " was named CFO of Acme " + std::to_string(n) + ".";
    for (size_t k = 0; k < n % 7; ++k)  // documents of different lengths finish at different times
      text += " The company, founded in 19" + std::to_string(10 + k) + ", makes parts.";
    if (n % 3 == 0)
      text += " Lena Berg will step down as chief executive of Acme " + std::to_string(n) + ".";
    jsonl += "{\"id\": \"doc-" + std::to_string(n) + "\", \"text\": \"" + text +
             "\", \"date\": \"2023-05-0" + std::to_string(1 + n % 9) + "\"}\n";
  }
  WriteFile(in, jsonl);

  RunResult one = Run("-q --threads 1 " + Quote(in.string()));
  RunResult two = Run("-q --threads 2 " + Quote(in.string()));
  EXPECT_EQ(one.status, 1) << one.err;  // the broken lines
  EXPECT_EQ(two.status, 1) << two.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.err, two.err);
  // Chunks of any size (the rules run rule by rule over a chunk) change nothing.
  for (const char* chunk : {"1", "7", "1000"}) {
    RunResult c = Run(std::string("-q --threads 2 --chunk ") + chunk + " " + Quote(in.string()));
    EXPECT_EQ(c.out, one.out) << "--chunk " << chunk;
    EXPECT_EQ(c.err, one.err) << "--chunk " << chunk;
  }

  std::vector<std::string> lines = Lines(two.out);
  ASSERT_EQ(lines.size(), kDocs);
  size_t found = 0;
  for (size_t n = 0; n < kDocs; ++n) {
    Json j = ParseLine(lines[n]);
    if (n % 97 == 50) {
      EXPECT_TRUE(j.contains("error")) << lines[n];
      continue;
    }
    EXPECT_EQ(j["doc"], "doc-" + std::to_string(n));
    ASSERT_TRUE(j.contains("events")) << lines[n];
    for (const Json& e : j["events"]) {
      if (e["person"] == person(n)) {
        ++found;
        EXPECT_EQ(e["org"], "Acme " + std::to_string(n)) << lines[n];
      }
    }
  }
  EXPECT_EQ(found, kDocs - 3) << "each document's own event, in its own line";
}

// ---- every line valid; evidence points into the text as read ------------------------

TEST_F(CliTest, EveryLineIsValidJsonAndEvidenceMatchesTheTextAsRead) {
  // Inputs in every format and encoding, bad ones included.
  const fs::path multi = dir_ / "multi.jsonl";
  WriteFile(
      multi,
      "{\"id\": \"cjk\", \"text\": \"\xE5\x8C\x97\xE4\xBA\xAC\xE6\x8A\xA5\xE9\x81\x93\xE3\x80\x82 "
      "J\xC3\xBCrgen M\xC3\xBCller was named chief financial officer of Acme Corp. "
      "\xE2\x80\x9CGreat,\xE2\x80\x9D he said.\", \"date\": \"2022-12-30\"}\n"
      "{\"id\": \"ctl\", \"text\": \"Jane\\u0000 Doe\\t was named CFO of \\u00c9lan "
      "Corp.\\u2028 \\ud83d\\ude00 She left.\"}\n"
      "{\"id\": \"lig\", \"text\": \"\xEF\xAC\x81nance chief Jane Doe was named "
      "chief\xC2\xA0"
      "executive of Acme Corp.\\r\\nShe said so.\"}\n");
  const fs::path badname = dir_ / "bad\xFFname.txt";
  WriteFile(badname, "Jane Doe was named CFO of Acme Corp.\n");
  const std::vector<std::string> inputs = {
      kData + "/utf8.txt",
      kData + "/utf8-bom.txt",
      kData + "/windows-1252.txt",
      kData + "/iso-8859-1.txt",
      kData + "/utf16le-bom.txt",
      kData + "/docs.jsonl",
      kData + "/invalid-utf8.jsonl",
      kData + "/binary.txt",
      multi.string(),
      badname.string(),
  };
  std::string args = "--threads 2 --explain";
  for (const auto& i : inputs) args += " " + Quote(i);
  RunResult r = Run(args);
  EXPECT_EQ(r.status, 1) << r.err;  // invalid-utf8.jsonl:2 and binary.txt
  EXPECT_TRUE(IsValidUtf8(r.out));

  // The same inputs through the library's reader: the texts as read, in order.
  std::istringstream no_stdin;
  DocumentReader reader(inputs, InputFormat::kAuto, no_stdin);
  std::vector<ReadItem> items;
  for (ReadItem item; reader.Next(item);) items.push_back(item);

  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), items.size()) << r.out;
  size_t events = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i]);
    Json j = ParseLine(lines[i]);
    if (std::holds_alternative<DocumentError>(items[i])) {
      EXPECT_TRUE(j.contains("error"));
      continue;
    }
    const Document& doc = std::get<Document>(items[i]);
    ASSERT_TRUE(j.contains("events"));
    if (IsValidUtf8(doc.id)) {
      EXPECT_EQ(j["doc"], doc.id);
    } else {
      EXPECT_NE(j["doc"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
    }
    for (const Json& e : j["events"]) {
      ++events;
      const size_t b = e["evidence"]["begin"], en = e["evidence"]["end"];
      ASSERT_LT(b, en);
      ASSERT_LE(en, doc.text.size());
      EXPECT_EQ(doc.text.substr(b, en - b), e["evidence"]["text"].get<std::string>());
      for (const auto& [slot, span] : e["explain"]["slots"].items()) {
        const size_t sb = span["begin"], se = span["end"];
        ASSERT_LE(sb, se) << slot;
        ASSERT_LE(se, doc.text.size()) << slot;
        EXPECT_GE(sb, b) << slot;
        EXPECT_LE(se, en) << slot;
        EXPECT_EQ(doc.text.substr(sb, se - sb), span["text"].get<std::string>()) << slot;
      }
    }
  }
  EXPECT_GE(events, 8u) << r.out;
}

// ---- accounting and limits --------------------------------------------------------

// The numbers of the summary line on stderr, or an empty vector.
std::vector<size_t> Summary(const std::string& err) {
  const std::string key = "extractor: summary: ";
  const size_t at = err.rfind(key);
  if (at == std::string::npos) return {};
  std::vector<size_t> nums;
  std::istringstream in(err.substr(at + key.size()));
  std::string word;
  while (in >> word) {
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0])))
      nums.push_back(std::stoull(word));
  }
  return nums;  // documents, with events, without, failed, with warnings, events, bytes, seconds
}

TEST_F(CliTest, SummaryLineCountsEveryDocument) {
  const fs::path in = dir_ / "mix.jsonl";
  WriteFile(in,
            "{\"id\": \"a\", \"text\": \"Jane Doe was named CFO of Acme Corp.\"}\n"
            "{\"id\": \"b\", \"text\": \"Nothing happened.\"}\n"
            "{\"id\": \"c\", \"text\": \n"
            "[1, 2]\n");
  RunResult r = Run(Quote(in.string()) + " " + Quote(kData + "/empty.txt"));
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(Lines(r.out).size(), 5u);
  std::vector<size_t> n = Summary(r.err);
  ASSERT_GE(n.size(), 7u) << r.err;
  EXPECT_EQ(n[0], 5u);  // read
  EXPECT_EQ(n[1], 1u);  // with events
  EXPECT_EQ(n[2], 1u);  // without
  EXPECT_EQ(n[3], 3u);  // failed: a broken line, a non-object, an empty file
  EXPECT_EQ(n[4], 0u);  // warnings
  EXPECT_EQ(n[5], 1u);  // events
  EXPECT_EQ(n[6], 53u);  // bytes of text read
  EXPECT_TRUE(Summary(Run("-q " + Quote(in.string())).err).empty());
}

TEST_F(CliTest, DocumentOverMaxDocBytesIsAnErrorRecord) {
  const fs::path big = dir_ / "big.txt", small = dir_ / "small.txt", jsonl = dir_ / "big.jsonl";
  WriteFile(big, "Jane Doe was named CFO of Acme Corp. " + std::string(5000, 'x') + ".");
  WriteFile(small, "Jane Doe was named CFO of Acme Corp.");
  WriteFile(jsonl, "{\"id\": \"ok\", \"text\": \"Jane Doe was named CFO of Acme Corp.\"}\n"
                   "{\"id\": \"huge\", \"text\": \"" + std::string(5000, 'y') + "\"}\n"
                   "{\"id\": \"ok2\", \"text\": \"Nothing.\"}\n");
  RunResult r = Run("--max-doc-bytes 4096 " + Quote(big.string()) + " " + Quote(small.string()) +
                    " " + Quote(jsonl.string()));
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 5u) << r.out;
  Json j = ParseLine(lines[0]);
  EXPECT_EQ(j["doc"], "big");
  EXPECT_NE(j.value("error", "").find("--max-doc-bytes"), std::string::npos) << lines[0];
  EXPECT_EQ(ParseLine(lines[1])["events"].size(), 1u);
  EXPECT_EQ(ParseLine(lines[2])["events"].size(), 1u);
  Json huge = ParseLine(lines[3]);
  EXPECT_EQ(huge["doc"], jsonl.string() + ":2");
  EXPECT_NE(huge.value("error", "").find("over the limit"), std::string::npos) << lines[3];
  EXPECT_TRUE(ParseLine(lines[4]).contains("events"));
  EXPECT_NE(r.err.find(jsonl.string() + ":2: "), std::string::npos) << r.err;
  // Standard input is bounded the same way.
  RunResult s = Run("--format txt --max-doc-bytes 4096 -", big.string());
  EXPECT_EQ(s.status, 1);
  EXPECT_NE(s.out.find("--max-doc-bytes"), std::string::npos) << s.out;
  EXPECT_EQ(Run("--max-doc-bytes 0 " + Quote(small.string())).status, 2);
}

TEST_F(CliTest, OverlongSentenceIsCutWithAWarningAndStrictFailsIt) {
  std::string words;
  for (int i = 0; i < 3000; ++i) words += "w" + std::to_string(i) + " ";
  const fs::path in = dir_ / "long.txt";
  WriteFile(in, "Jane Doe was named CFO of Acme Corp. on Monday and " + words +
                    "and John Roe was named CTO of Acme Corp.\n");
  RunResult r = Run(Quote(in.string()));
  EXPECT_EQ(r.status, 0) << r.err;
  Json j = ParseLine(Lines(r.out).at(0));
  EXPECT_EQ(j["events"].size(), 2u) << r.out;  // both ends of the cut sentence still match
  EXPECT_NE(r.err.find("warning: sentence of"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("long.txt"), std::string::npos) << r.err;
  std::vector<size_t> n = Summary(r.err);
  ASSERT_GE(n.size(), 5u);
  EXPECT_EQ(n[4], 1u);
  RunResult strict = Run("--strict " + Quote(in.string()));
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.out, r.out);  // --strict changes the exit status, not the output
  EXPECT_EQ(Run("--strict " + Quote(kData + "/utf8.txt")).status, 0);
}

}  // namespace
}  // namespace newsroles
