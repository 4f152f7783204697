// DocumentReader, DecodeText and ParseJsonLine on every input format and
// encoding, and the offsets an event's evidence gets in each.
#include "read.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract.h"
#include "write.h"

namespace newsroles {
namespace {
namespace fs = std::filesystem;

const std::string kData = TESTDATA_DIR;

std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<ReadItem> ReadAll(std::vector<std::string> inputs,
                              InputFormat format = InputFormat::kAuto,
                              const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  DocumentReader reader(std::move(inputs), format, in);
  std::vector<ReadItem> items;
  ReadItem item;
  while (reader.Next(item)) items.push_back(item);
  return items;
}

const Document& Doc(const ReadItem& item) {
  if (const auto* e = std::get_if<DocumentError>(&item))
    ADD_FAILURE() << "expected a document, got error: " << e->source << ":" << e->line << ": "
                  << e->message;
  static const Document kNone;
  const auto* d = std::get_if<Document>(&item);
  return d ? *d : kNone;
}

const DocumentError& Error(const ReadItem& item) {
  if (const auto* d = std::get_if<Document>(&item))
    ADD_FAILURE() << "expected an error, got document " << d->id;
  static const DocumentError kNone;
  const auto* e = std::get_if<DocumentError>(&item);
  return e ? *e : kNone;
}

// A temporary directory, removed with its contents at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("read_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs a document through the whole flow and returns its JSON record.
nlohmann::json Extract(const Document& doc) {
  static const Engine engine(PATTERNS_DIR);
  Extractor extractor(engine);
  DocumentResult r = extractor.Run(doc, RunOptions{});
  return nlohmann::json::parse(FormatResult(r, &doc, false, &engine.library()));
}

// Every event's evidence is the substring of `original` at [begin, end).
void ExpectEvidenceMatches(const nlohmann::json& record, const std::string& original) {
  ASSERT_TRUE(record.contains("events")) << record.dump();
  for (const auto& e : record["events"]) {
    const size_t b = e["evidence"]["begin"], en = e["evidence"]["end"];
    ASSERT_LE(b, en);
    ASSERT_LE(en, original.size());
    EXPECT_EQ(original.substr(b, en - b), e["evidence"]["text"].get<std::string>()) << e.dump();
  }
}

// ---- text files ---------------------------------------------------------------

TEST(ReadTest, Utf8TextFileIsOneDocumentTakenAsIs) {
  const std::string path = kData + "/utf8.txt";
  auto items = ReadAll({path});
  ASSERT_EQ(items.size(), 1u);
  const Document& d = Doc(items[0]);
  EXPECT_EQ(d.id, "utf8");
  EXPECT_EQ(d.text, Bytes(path));
  EXPECT_EQ(d.source, path);
  EXPECT_EQ(d.line, 0u);
  EXPECT_FALSE(d.date.has_value());

  nlohmann::json rec = Extract(d);
  ASSERT_FALSE(rec["events"].empty()) << rec.dump();
  ExpectEvidenceMatches(rec, d.text);
}

TEST(ReadTest, Utf8WithBomKeepsTheBomSoOffsetsCountFileBytes) {
  const std::string path = kData + "/utf8-bom.txt";
  const std::string bytes = Bytes(path);
  ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  auto items = ReadAll({path});
  ASSERT_EQ(items.size(), 1u);
  const Document& d = Doc(items[0]);
  EXPECT_EQ(d.text, bytes);

  nlohmann::json rec = Extract(d);
  ASSERT_EQ(rec["events"].size(), 1u) << rec.dump();
  // The sentence starts right after the 3 BOM bytes of the file.
  EXPECT_EQ(rec["events"][0]["evidence"]["begin"], 3);
  ExpectEvidenceMatches(rec, bytes);
}

TEST(ReadTest, Windows1252IsConvertedToUtf8) {
  auto items = ReadAll({kData + "/windows-1252.txt"});
  ASSERT_EQ(items.size(), 1u);
  const Document& d = Doc(items[0]);
  EXPECT_EQ(d.id, "windows-1252");
  EXPECT_EQ(d.text.rfind("\xE2\x80\x9CWe are delighted,\xE2\x80\x9D said Ren\xC3\xA9 Dubois", 0),
            0u)
      << d.text;
  EXPECT_NE(d.text.find("company\xE2\x80\x99s shares"), std::string::npos) << d.text;

  // Offsets count bytes of the converted text.
  nlohmann::json rec = Extract(d);
  ASSERT_FALSE(rec["events"].empty()) << rec.dump();
  ExpectEvidenceMatches(rec, d.text);
}

TEST(ReadTest, Iso88591IsConvertedToUtf8) {
  auto items = ReadAll({kData + "/iso-8859-1.txt"});
  ASSERT_EQ(items.size(), 1u);
  const Document& d = Doc(items[0]);
  EXPECT_EQ(
      d.text.rfind("Ren\xC3\xA9 Dubois was named chief executive of Caf\xC3\xA9 Holdings.", 0), 0u)
      << d.text;
  EXPECT_NE(d.text.find("Fran\xC3\xA7ois Dupont"), std::string::npos);
  EXPECT_NE(d.text.find("r\xC3\xA9organisation"), std::string::npos);
}

TEST(ReadTest, Utf16LittleEndianWithBomIsConvertedAndLosesTheBom) {
  auto items = ReadAll({kData + "/utf16le-bom.txt"});
  ASSERT_EQ(items.size(), 1u);
  const Document& d = Doc(items[0]);
  EXPECT_EQ(d.text,
            "Jane Doe was named CFO of Acme Corp. Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D.\n");
  nlohmann::json rec = Extract(d);
  ASSERT_EQ(rec["events"].size(), 1u) << rec.dump();
  EXPECT_EQ(rec["events"][0]["evidence"]["begin"], 0);
  ExpectEvidenceMatches(rec, d.text);
}

TEST(ReadTest, DecodeTextShortLegacyTextIsNotTakenForUtf16) {
  // ICU's detector guesses UTF-16BE (confidence 10) for these 6 bytes.
  std::string utf8, error;
  ASSERT_TRUE(
      DecodeText("Stra\xDF"
                 "e",
                 utf8, error))
      << error;
  EXPECT_EQ(utf8,
            "Stra\xC3\x9F"
            "e");
  ASSERT_TRUE(DecodeText("\xE9", utf8, error)) << error;
  EXPECT_EQ(utf8, "\xC3\xA9");
  ASSERT_TRUE(DecodeText("Price: 100\x80 only", utf8, error)) << error;
  EXPECT_EQ(utf8, "Price: 100\xE2\x82\xAC only");
}

TEST(ReadTest, DecodeTextUtf16BigEndian) {
  const std::string bytes("\xFE\xFF\x00H\x00i\x00\xE9", 8);
  std::string utf8, error;
  ASSERT_TRUE(DecodeText(bytes, utf8, error)) << error;
  EXPECT_EQ(utf8, "Hi\xC3\xA9");
}

TEST(ReadTest, DecodeTextRejectsEmptyAndBinaryData) {
  std::string utf8, error;
  EXPECT_FALSE(DecodeText("", utf8, error));
  EXPECT_EQ(error, "empty file");
  error.clear();
  EXPECT_FALSE(DecodeText(Bytes(kData + "/binary.txt"), utf8, error));
  EXPECT_NE(error.find("binary"), std::string::npos) << error;
  // Whitespace control characters are text.
  EXPECT_TRUE(DecodeText("a\tb\r\nc\f", utf8, error));
  EXPECT_EQ(utf8, "a\tb\r\nc\f");
}

TEST(ReadTest, EmptyAndBinaryFilesAreErrorsNamingTheFile) {
  auto items = ReadAll({kData + "/empty.txt", kData + "/binary.txt", kData + "/utf8.txt"});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Error(items[0]).id, "empty");
  EXPECT_EQ(Error(items[0]).source, kData + "/empty.txt");
  EXPECT_EQ(Error(items[1]).id, "binary");
  EXPECT_EQ(Doc(items[2]).id, "utf8");
}

TEST(ReadTest, MissingFileIsAnErrorAndReadingGoesOn) {
  auto items = ReadAll({kData + "/no-such-file.txt", kData + "/utf8.txt"});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Error(items[0]).id, "no-such-file");
  EXPECT_EQ(Error(items[0]).source, kData + "/no-such-file.txt");
  EXPECT_EQ(Doc(items[1]).id, "utf8");
}

// ---- JSON Lines -------------------------------------------------------------------

TEST(ReadTest, JsonLinesWithAndWithoutDate) {
  const std::string path = kData + "/docs.jsonl";
  auto items = ReadAll({path});
  ASSERT_EQ(items.size(), 3u);  // the blank line 2 is skipped
  const Document& dated = Doc(items[0]);
  EXPECT_EQ(dated.id, "dated");
  EXPECT_EQ(dated.date, "2022-12-30");
  EXPECT_EQ(dated.line, 1u);
  EXPECT_EQ(dated.source, path);
  const Document& undated = Doc(items[1]);
  EXPECT_EQ(undated.id, "undated");
  EXPECT_FALSE(undated.date.has_value());
  EXPECT_EQ(undated.text, "John Roe joined Acme Corp. as CTO.");
  EXPECT_EQ(undated.line, 3u);
  const Document& numeric = Doc(items[2]);
  EXPECT_EQ(numeric.id, "42");
  EXPECT_EQ(numeric.text, "M\xC3\xBCller left.");  // the \u00fc escape as UTF-8
  EXPECT_FALSE(numeric.date.has_value());
  EXPECT_EQ(numeric.line, 4u);

  // The document's date anchors "on Monday".
  nlohmann::json rec = Extract(dated);
  ASSERT_EQ(rec["events"].size(), 1u) << rec.dump();
  EXPECT_EQ(rec["events"][0]["date"], "2022-12-26");
  ExpectEvidenceMatches(rec, dated.text);
}

TEST(ReadTest, JsonLineDateMayCarryATime) {
  auto item =
      ParseJsonLine(R"({"id": "t", "text": "x", "date": "2022-12-30T08:00:00Z"})", "f.jsonl", 7);
  EXPECT_EQ(Doc(item).date, "2022-12-30");
  EXPECT_EQ(Doc(item).line, 7u);
}

TEST(ReadTest, BadJsonLinesAreErrorsNamingFileAndLine) {
  struct Case {
    std::string line, id, message_part;
  };
  const std::vector<Case> cases = {
      {R"({"id": "a", "text": "x)", "f.jsonl:5", "malformed JSON"},
      {R"(["id", "text"])", "f.jsonl:5", "object"},
      {R"({"text": "x"})", "f.jsonl:5", "\"id\""},
      {R"({"id": "a"})", "a", "\"text\""},
      {R"({"id": "a", "text": 3})", "a", "\"text\""},
      {R"({"id": "a", "text": ""})", "a", "empty"},
      {R"({"id": "a", "text": "x", "date": "30/12/2022"})", "a", "date"},
      {R"({"id": "a", "text": "x", "date": "2022-13-01"})", "a", "date"},
      {R"({"id": "a", "text": "x", "date": 20221230})", "a", "date"},
      {"{\"id\": \"a\", \"text\": \"caf\xE9\"}", "f.jsonl:5", "UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    const ReadItem item = ParseJsonLine(c.line, "f.jsonl", 5);
    const DocumentError& e = Error(item);
    EXPECT_EQ(e.id, c.id);
    EXPECT_EQ(e.source, "f.jsonl");
    EXPECT_EQ(e.line, 5u);
    EXPECT_NE(e.message.find(c.message_part), std::string::npos) << e.message;
  }
}

TEST(ReadTest, MalformedLineDoesNotStopTheFile) {
  auto items = ReadAll({kData + "/malformed.jsonl"});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Doc(items[0]).id, "first");
  EXPECT_EQ(Error(items[1]).line, 2u);
  EXPECT_EQ(Error(items[1]).source, kData + "/malformed.jsonl");
  EXPECT_EQ(Doc(items[2]).id, "third");
  EXPECT_EQ(Doc(items[2]).line, 3u);
}

TEST(ReadTest, InvalidUtf8LineIsAnErrorAndTheOthersAreRead) {
  auto items = ReadAll({kData + "/invalid-utf8.jsonl"});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Doc(items[0]).id, "good");
  EXPECT_EQ(Error(items[1]).line, 2u);
  EXPECT_NE(Error(items[1]).message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(Doc(items[2]).id, "after");
}

TEST(ReadTest, StandardInputIsJsonLines) {
  auto items =
      ReadAll({}, InputFormat::kAuto,
              "{\"id\": \"s1\", \"text\": \"One.\"}\r\n\n{\"id\": \"s2\", \"text\": \"Two.\"}");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Doc(items[0]).id, "s1");
  EXPECT_EQ(Doc(items[0]).source, "-");
  EXPECT_EQ(Doc(items[0]).line, 1u);
  EXPECT_EQ(Doc(items[1]).id, "s2");
  EXPECT_EQ(Doc(items[1]).line, 3u);
  // "-" names standard input explicitly; --format txt makes it one document.
  auto text = ReadAll({"-"}, InputFormat::kText, "Plain text.\n");
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(Doc(text[0]).id, "stdin");
  EXPECT_EQ(Doc(text[0]).text, "Plain text.\n");
}

TEST(ReadTest, FormatOverridesTheExtension) {
  auto items = ReadAll({kData + "/docs.jsonl"}, InputFormat::kText);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Doc(items[0]).id, "docs");
  EXPECT_EQ(Doc(items[0]).text, Bytes(kData + "/docs.jsonl"));
}

// ---- directories ------------------------------------------------------------------

TEST(ReadTest, DirectoryIsSearchedRecursivelyInSortedOrderForTxtAndJsonl) {
  const std::string dir = kData + "/tree";
  auto items = ReadAll({dir});
  std::vector<std::string> ids, sources;
  for (const auto& it : items) {
    ids.push_back(Doc(it).id);
    sources.push_back(Doc(it).source);
  }
  // notes.md and sub/d.json are not inputs; sub/ sorts before z.txt.
  EXPECT_EQ(ids, (std::vector<std::string>{"a1", "a2", "b", "c", "z"}));
  EXPECT_EQ(sources, (std::vector<std::string>{dir + "/a.jsonl", dir + "/a.jsonl", dir + "/b.txt",
                                               dir + "/sub/c.txt", dir + "/z.txt"}));
}

TEST(ReadTest, DanglingSymlinkInDirectoryIsAnError) {
  TempDir tmp;
  std::ofstream(tmp.path() / "a.txt") << "Alpha.\n";
  fs::create_symlink(tmp.path() / "missing-target.txt", tmp.path() / "b.txt");
  std::ofstream(tmp.path() / "c.txt") << "Gamma.\n";
  auto items = ReadAll({tmp.path().string()});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Doc(items[0]).id, "a");
  EXPECT_EQ(Error(items[1]).id, "b");
  EXPECT_EQ(Error(items[1]).source, (tmp.path() / "b.txt").string());
  EXPECT_EQ(Doc(items[2]).id, "c");
}

TEST(ReadTest, SymlinkedFileInDirectoryIsRead) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "d");
  fs::create_symlink(kData + "/utf8.txt", tmp.path() / "d" / "link.txt");
  auto items = ReadAll({(tmp.path() / "d").string()});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Doc(items[0]).text, Bytes(kData + "/utf8.txt"));
}

TEST(ReadTest, UnreadableFileInDirectoryIsAnError) {
  TempDir tmp;
  std::ofstream(tmp.path() / "a.txt") << "Alpha.\n";
  std::ofstream(tmp.path() / "b.txt") << "Secret.\n";
  fs::permissions(tmp.path() / "b.txt", fs::perms::none);
  if (std::ifstream(tmp.path() / "b.txt")) {
    fs::permissions(tmp.path() / "b.txt", fs::perms::owner_all);
    GTEST_SKIP() << "running with privileges that read a mode-000 file (root?); "
                    "DanglingSymlinkInDirectoryIsAnError covers an unreadable entry";
  }
  auto items = ReadAll({tmp.path().string()});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Doc(items[0]).id, "a");
  EXPECT_EQ(Error(items[1]).id, "b");
  fs::permissions(tmp.path() / "b.txt", fs::perms::owner_all);
}

// ---- dates ------------------------------------------------------------------

TEST(ReadTest, IsIsoDate) {
  EXPECT_TRUE(IsIsoDate("2022-12-30"));
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2022-04-31"));
  EXPECT_FALSE(IsIsoDate("2022-13-01"));
  EXPECT_FALSE(IsIsoDate("2022-00-10"));
  EXPECT_FALSE(IsIsoDate("2022-12-3"));
  EXPECT_FALSE(IsIsoDate("2022/12/30"));
  EXPECT_FALSE(IsIsoDate(""));
}

}  // namespace
}  // namespace newsroles
