// SentenceSplitter on normalized text, datelines (Engine::FindDateline), and
// the dateline's date anchoring relative dates in a running Extractor.
#include "sentences.h"

#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "bundled_engine.h"
#include "extract.h"

namespace newsroles {
namespace {

class SentencesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = testing::BundledEngine().engine.get(); }

  void SetUp() override {
    ASSERT_TRUE(engine_) << "the pattern library does not load: " << testing::BundledEngine().error;
    splitter_ = std::make_unique<SentenceSplitter>(engine_->Abbreviations(), engine_->SentenceOpeners());
  }

  // The sentences of `text` as strings.
  std::vector<std::string> Split(const std::string& text, size_t from = 0) {
    std::vector<std::string> out;
    for (const Sentence& s : splitter_->Split(text, from))
      out.push_back(text.substr(s.span.begin, s.span.end - s.span.begin));
    return out;
  }
  using Strings = std::vector<std::string>;

  static const Engine* engine_;
  std::unique_ptr<SentenceSplitter> splitter_;
};

const Engine* SentencesTest::engine_ = nullptr;

TEST_F(SentencesTest, PlainSentencesSplit) {
  EXPECT_EQ(Split("Jane Doe left. John Roe stayed! Why? Nobody knows."),
            (Strings{"Jane Doe left.", "John Roe stayed!", "Why?", "Nobody knows."}));
}

TEST_F(SentencesTest, CompanyAndHonorificInOneSentence) {
  EXPECT_EQ(Split("Acme Inc. said Mr. Smith will join."),
            (Strings{"Acme Inc. said Mr. Smith will join."}));
}

TEST_F(SentencesTest, HonorificsNeverEndASentence) {
  for (const char* s : {"The board named Mr. Smith as CEO.", "The board named Dr. Lee as CEO.",
                        "The board named Mrs. Kim as CEO.", "The board named Ms. Ruiz as CEO.",
                        "The board named Prof. Tanaka as CEO."}) {
    EXPECT_EQ(Split(s), Strings{s});
  }
}

TEST_F(SentencesTest, CountryInitialsOpenANameRatherThanEndASentence) {
  // "U.S. District Court", "U.K. Treasury": news writes such names far more
  // often than it ends a sentence on "U.S.".
  const std::string s = "The Senate confirmed Jane Doe as a judge of the U.S. District Court for the District of New Mexico.";
  EXPECT_EQ(Split(s), Strings{s});
}

TEST_F(SentencesTest, CompanySuffixesBeforeLowerCaseOrDigit) {
  for (const char* s : {"Acme Inc. said it would hire.", "Acme Corp. announced the change.",
                        "Acme Co. named a new chief.", "Acme Ltd. appointed Jane Doe.",
                        "Acme Corp. 2023 results were strong."}) {
    EXPECT_EQ(Split(s), Strings{s});
  }
}

TEST_F(SentencesTest, MonthAbbreviationsBeforeADigit) {
  EXPECT_EQ(Split("She joined on Jan. 8, 2024 as CFO."),
            (Strings{"She joined on Jan. 8, 2024 as CFO."}));
  EXPECT_EQ(Split("On Dec. 30 the board met."), (Strings{"On Dec. 30 the board met."}));
}

TEST_F(SentencesTest, DottedAcronymsAndNumberAbbreviations) {
  EXPECT_EQ(Split("U.S. officials said Acme would pay."),
            (Strings{"U.S. officials said Acme would pay."}));
  EXPECT_EQ(Split("The U.S. economy grew."), (Strings{"The U.S. economy grew."}));
  EXPECT_EQ(Split("Acme is the No. 2 bank in Asia."), (Strings{"Acme is the No. 2 bank in Asia."}));
  EXPECT_EQ(Split("Acme moved to 5 Main St. in Boston."),
            (Strings{"Acme moved to 5 Main St. in Boston."}));
  EXPECT_EQ(Split("St. Louis Bank named a CEO."), (Strings{"St. Louis Bank named a CEO."}));
}

TEST_F(SentencesTest, InitialsNeverEndASentence) {
  EXPECT_EQ(Split("The board named J. Smith as CFO."),
            (Strings{"The board named J. Smith as CFO."}));
  EXPECT_EQ(Split("John F. Kennedy Airport named J. R. Ewing its head."),
            (Strings{"John F. Kennedy Airport named J. R. Ewing its head."}));
}

// The header promises to undo a break after "Inc.", "Corp." or "U.S." only
// before a lower-case word or a digit: before a capital the break stands.
TEST_F(SentencesTest, TrueSentenceEndAfterCompanySuffix) {
  EXPECT_EQ(Split("Jane Doe joined Acme Corp. The company makes chips."),
            (Strings{"Jane Doe joined Acme Corp.", "The company makes chips."}));
  EXPECT_EQ(Split("Jane Doe joined Acme Inc. She was named CFO."),
            (Strings{"Jane Doe joined Acme Inc.", "She was named CFO."}));
  EXPECT_EQ(Split("The firm moved to the U.S. Its chief stayed."),
            (Strings{"The firm moved to the U.S.", "Its chief stayed."}));
  EXPECT_EQ(Split("Jane Doe joined Acme Ltd. Analysts cheered."),
            (Strings{"Jane Doe joined Acme Ltd.", "Analysts cheered."}));
}

// ICU's suppressions match the end of a word ("O."), which used to glue
// "named CEO. She" into one sentence.
TEST_F(SentencesTest, SentenceEndsAfterAnAllCapitalsTitle) {
  EXPECT_EQ(Split("Jane Doe was named CEO. She succeeds John Roe."),
            (Strings{"Jane Doe was named CEO.", "She succeeds John Roe."}));
  EXPECT_EQ(Split("Acme named a CFO. He starts in May."),
            (Strings{"Acme named a CFO.", "He starts in May."}));
  EXPECT_EQ(Split("She led NASA. Then she retired."),
            (Strings{"She led NASA.", "Then she retired."}));
  // Not before a lower-case word, and not after a single initial.
  EXPECT_EQ(Split("The CEO. said no."), (Strings{"The CEO. said no."}));
  EXPECT_EQ(Split("John F. Kennedy named a CEO."), (Strings{"John F. Kennedy named a CEO."}));
}

TEST_F(SentencesTest, ParagraphBreakAlwaysEndsASentence) {
  EXPECT_EQ(Split("Acme names new CFO\nJane Doe was named CFO of Acme"),
            (Strings{"Acme names new CFO", "Jane Doe was named CFO of Acme"}));
  // Even after an abbreviation that otherwise keeps the sentence together.
  EXPECT_EQ(Split("Statement by Mr.\nsmith joined."),
            (Strings{"Statement by Mr.", "smith joined."}));
  // Paragraph numbers count paragraphs.
  auto sentences = splitter_->Split("One. Two.\nThree.");
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].paragraph, 0u);
  EXPECT_EQ(sentences[1].paragraph, 0u);
  EXPECT_EQ(sentences[2].paragraph, 1u);
}

TEST_F(SentencesTest, BlankLineInOriginalTextEndsASentence) {
  // A blank line in the original becomes "\n" after normalization.
  const std::string text =
      engine_->normalizer().Normalize("Acme names new CFO\n\nJane Doe was named").text;
  EXPECT_EQ(Split(text), (Strings{"Acme names new CFO", "Jane Doe was named"}));
}

TEST_F(SentencesTest, QuotesStayWithTheirSentence) {
  EXPECT_EQ(Split("\"He left,\" she said."), (Strings{"\"He left,\" she said."}));
  EXPECT_EQ(Split("\"He left.\" Then she spoke."), (Strings{"\"He left.\"", "Then she spoke."}));
  EXPECT_EQ(Split("She said: \"I will join Acme Inc. next month.\" He agreed."),
            (Strings{"She said: \"I will join Acme Inc. next month.\"", "He agreed."}));
}

TEST_F(SentencesTest, SentencesHaveNoSurroundingSpaces) {
  const std::string text = "One.   Two.  \nThree.  ";
  for (const Sentence& s : splitter_->Split(text)) {
    ASSERT_FALSE(s.span.empty());
    EXPECT_NE(text[s.span.begin], ' ');
    EXPECT_NE(text[s.span.end - 1], ' ');
    EXPECT_NE(text[s.span.end - 1], '\n');
  }
  EXPECT_TRUE(splitter_->Split("").empty());
  EXPECT_TRUE(splitter_->Split(" \n ").empty());
}

TEST_F(SentencesTest, SplitFromAnOffsetSkipsTheTextBefore) {
  const std::string text = "BEIJING, Dec. 30, 2022 -- Acme named a CFO. She starts soon.";
  const size_t from = text.find("Acme");
  auto sentences = splitter_->Split(text, from);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].span.begin, from);
  EXPECT_EQ(text.substr(sentences[1].span.begin, sentences[1].span.end - sentences[1].span.begin),
            "She starts soon.");
}

// ---- datelines --------------------------------------------------------------

TEST_F(SentencesTest, DatelinePrNewswire) {
  const std::string text = "BEIJING, Dec. 30, 2022 /PRNewswire/ -- Acme Inc. named Jane Doe CFO.";
  auto d = engine_->FindDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, "2022-12-30");
  EXPECT_EQ(d->span.begin, 0u);
  EXPECT_EQ(d->span.end, text.find("Acme"));
}

TEST_F(SentencesTest, DatelineWithStateAndFullMonth) {
  const std::string text =
      "SAN JOSE, Calif., Jan. 8, 2024 /PRNewswire/ -- Acme Corp. today named a CFO.";
  auto d = engine_->FindDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, "2024-01-08");
  EXPECT_EQ(d->span.end, text.find("Acme"));
}

TEST_F(SentencesTest, DatelineLineWithAnUpdateTimeAfterABar) {
  const std::string text =
      "Mayor names four newcomers\n\nJan. 6, 2026 | Updated 7:12 p.m.\n\nPORT ELLERY - Mayor Ann Roe named ...";
  auto d = engine_->FindDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, "2026-01-06");
}

TEST_F(SentencesTest, DatelineWithSingleDash) {
  const std::string text = "SEOUL, Feb. 12, 2024 - Hanbit Steel named Kim Min-jun CEO.";
  auto d = engine_->FindDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, "2024-02-12");
  EXPECT_EQ(d->span.end, text.find("Hanbit"));
}

TEST_F(SentencesTest, DatelineAfterAHeadline) {
  const std::string text =
      "Acme names Jane Doe CFO\nLONDON, 30 December 2022 -- Acme Corp. named Jane Doe CFO.";
  auto d = engine_->FindDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, "2022-12-30");
  EXPECT_EQ(d->span.begin, text.find("LONDON"));
  EXPECT_EQ(d->span.end, text.find("Acme Corp."));
}

TEST_F(SentencesTest, DatelineOfFieldsSeparatedByBars) {
  // A column's masthead line: "SECTION | City | date", the date ending the line.
  const std::string text =
      "New GMs at two hotels\n\nHOTEL PEOPLE | London | 12 February 2026\n\nSophie Marchand was named GM.";
  auto d = engine_->FindDateline(text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date, "2026-02-12");
  EXPECT_EQ(d->span.begin, text.find("HOTEL"));
}

TEST_F(SentencesTest, NoDatelineInOrdinaryText) {
  EXPECT_FALSE(
      engine_->FindDateline("Jane Doe was named CFO of Acme Corp. on Dec. 30, 2022.").has_value());
  EXPECT_FALSE(engine_->FindDateline("").has_value());
}

// A running Extractor takes the publication date from the dateline and
// resolves relative dates against it.
TEST_F(SentencesTest, ExtractorResolvesRelativeDatesFromTheDateline) {
  Extractor extractor(*engine_);
  Document doc;
  doc.id = "dateline";
  doc.text =
      "BEIJING, Dec. 30, 2022 /PRNewswire/ -- Acme Corp. said Jane Doe was named chief financial "
      "officer of Acme Corp., effective immediately. John Roe will join Acme Corp. as CTO next "
      "month.";
  DocumentResult r = extractor.Run(doc, RunOptions{});
  ASSERT_FALSE(r.error.has_value()) << r.error->message;
  bool saw_jane = false, saw_john = false;
  for (const Event& e : r.events) {
    if (e.person == "Jane Doe") {
      saw_jane = true;
      EXPECT_EQ(e.date, "2022-12-30") << e.rule;
    }
    if (e.person == "John Roe") {
      saw_john = true;
      EXPECT_EQ(e.date, "2023-01") << e.rule;
    }
  }
  EXPECT_TRUE(saw_jane);
  EXPECT_TRUE(saw_john);
  // The dateline itself is not a sentence.
  ASSERT_FALSE(r.sentences.empty());
  EXPECT_EQ(r.normalized.text.substr(r.sentences[0].span.begin, 4), "Acme");
}

TEST_F(SentencesTest, DocumentDateWinsOverTheDateline) {
  Extractor extractor(*engine_);
  Document doc;
  doc.id = "dated";
  doc.text =
      "SEOUL, Feb. 12, 2024 - Jane Doe was named CFO of Hanbit Steel, effective immediately.";
  doc.date = "2024-03-01";
  DocumentResult r = extractor.Run(doc, RunOptions{});
  ASSERT_FALSE(r.error.has_value());
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].date, "2024-03-01");
}

}  // namespace
TEST_F(SentencesTest, DatelinesWithTimesUpdateNotesAndDashes) {
  // Each gives the publication date; the document's own text starts after it.
  const std::pair<const char*, const char*> cases[] = {
      {"Lateral Moves | March 3, 2026, 5:12 PM EST | By Dana Ruiz\n\nAcme hired a team.", "2026-03-03"},
      {"Our Bureau | Chennai | Updated on February 24, 2026 at 09:42 PM IST\n\nAcme named a CEO.", "2026-02-24"},
      {"LAKEMONT, N.Y. - March 4, 2025 - Kessridge University chose a president.", "2025-03-04"},
      {"Vatican City, Jan 10, 2026 / 06:00 am (Catholic Wire).\n\nThe pope named a bishop.", "2026-01-10"},
  };
  for (const auto& [text, date] : cases) {
    auto d = engine_->FindDateline(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(d->date, date) << text;
  }
}

}  // namespace newsroles
