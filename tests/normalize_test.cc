// Normalizer: the text the rules see, and the map from each of its bytes back
// to the bytes of the text as read.
#include "normalize.h"
#include "read.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace newsroles {
namespace {

NormalizedText Norm(std::string_view s) {
  static const Normalizer normalizer;
  return normalizer.Normalize(s);
}

// The original bytes that output bytes [b, e) came from.
std::string OriginalOf(const NormalizedText& n, std::string_view original, size_t b, size_t e) {
  Span o = n.ToOriginal({b, e});
  return std::string(original.substr(o.begin, o.end - o.begin));
}

// Offsets where a code point (or an ill-formed sequence, as ICU decodes it) starts.
std::set<uint32_t> Boundaries(const std::string& s) {
  std::set<uint32_t> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    out.insert(static_cast<uint32_t>(i));
    UChar32 c;
    U8_NEXT(p, i, n, c);
  }
  out.insert(static_cast<uint32_t>(n));
  return out;
}

TEST(NormalizeTest, AsciiIsUnchangedAndMapsOneToOne) {
  const std::string in = "Jane Doe was named CFO.";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, in);
  ASSERT_EQ(n.origin_begin.size(), in.size());
  ASSERT_EQ(n.origin_end.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(n.origin_begin[i], i);
    EXPECT_EQ(n.origin_end[i], i + 1);
  }
}

TEST(NormalizeTest, MultiByteCharactersMapToTheirOriginalBytes) {
  const std::string in = "Herr M\xC3\xBCller (\xE5\x8C\x97\xE4\xBA\xAC) \xF0\x9F\x98\x80 left.";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, in);
  // "ü" is bytes 6..7 of the input; both output bytes map to [6, 8).
  const size_t u = in.find("\xC3\xBC");
  EXPECT_EQ(n.origin_begin[u], u);
  EXPECT_EQ(n.origin_end[u], u + 2);
  EXPECT_EQ(n.origin_begin[u + 1], u);
  EXPECT_EQ(n.origin_end[u + 1], u + 2);
  // A span over the CJK word maps to exactly its bytes.
  const size_t cjk = in.find("\xE5\x8C\x97");
  EXPECT_EQ(OriginalOf(n, in, cjk, cjk + 6), "\xE5\x8C\x97\xE4\xBA\xAC");
  // Offsets after the 4-byte emoji still line up.
  const size_t left = n.text.find("left");
  EXPECT_EQ(OriginalOf(n, in, left, left + 4), "left");
  EXPECT_EQ(n.ToOriginal({left, left + 4}), (Span{in.find("left"), in.find("left") + 4}));
}

TEST(NormalizeTest, ZeroWidthSpaceIsRemoved) {
  const std::string in = "Ac\xE2\x80\x8Bme Corp.";  // U+200B inside the word
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "Acme Corp.");
  // "me" comes from after the 3 removed bytes.
  EXPECT_EQ(n.origin_begin[2], 5u);
  EXPECT_EQ(OriginalOf(n, in, 0, 4), in.substr(0, 7));
}

TEST(NormalizeTest, SoftHyphenIsRemoved) {
  const std::string in = "co\xC2\xADoperate";  // U+00AD
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "cooperate");
  EXPECT_EQ(n.origin_begin[2], 4u);
  EXPECT_EQ(n.ToOriginal({0, n.text.size()}), (Span{0, in.size()}));
}

TEST(NormalizeTest, ByteOrderMarkIsRemovedAndOffsetsCountItsBytes) {
  const std::string in = "\xEF\xBB\xBFHello world";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "Hello world");
  EXPECT_EQ(n.origin_begin[0], 3u);
  EXPECT_EQ(OriginalOf(n, in, 6, 11), "world");
  // A BOM in the middle (U+FEFF as zero-width no-break space) goes too.
  EXPECT_EQ(Norm("a\xEF\xBB\xBF"
                 "b")
                .text,
            "ab");
}

TEST(NormalizeTest, LigatureExpandsAndBothBytesMapToTheOriginalCharacter) {
  const std::string in = "\xEF\xAC\x81nance";  // "ﬁnance", U+FB01 is 3 bytes
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "finance");
  EXPECT_EQ(n.origin_begin[0], 0u);
  EXPECT_EQ(n.origin_end[0], 3u);
  EXPECT_EQ(n.origin_begin[1], 0u);
  EXPECT_EQ(n.origin_end[1], 3u);
  EXPECT_EQ(n.origin_begin[2], 3u);
  // Only "f" of "fi" still maps to the whole ligature.
  EXPECT_EQ(OriginalOf(n, in, 0, 1), "\xEF\xAC\x81");
  EXPECT_EQ(OriginalOf(n, in, 0, 7), in);
}

TEST(NormalizeTest, NfkcCompatibilityFormsAndComposition) {
  // Full-width letters and a combining sequence (e + U+0301) become NFKC.
  EXPECT_EQ(Norm("\xEF\xBC\xA1\xEF\xBC\xA2"
                 "C")
                .text,
            "ABC");
  const std::string in = "Jose\xCC\x81 left";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "Jos\xC3\xA9 left");
  // The composed é (2 bytes) maps to "e" + U+0301 (3 bytes).
  EXPECT_EQ(OriginalOf(n, in, 3, 5), "e\xCC\x81");
  EXPECT_EQ(OriginalOf(n, in, 6, 10), "left");
}

TEST(NormalizeTest, TypographicQuotesAndApostrophesBecomeAscii) {
  const std::string in =
      "\xE2\x80\x9CWe\xE2\x80\x99re ready,\xE2\x80\x9D she said of \xE2\x80\x98Project "
      "X\xE2\x80\x99.";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "\"We're ready,\" she said of 'Project X'.");
  // The ASCII quote maps back to the 3-byte curly quote.
  EXPECT_EQ(OriginalOf(n, in, 0, 1), "\xE2\x80\x9C");
  EXPECT_EQ(OriginalOf(n, in, 3, 4), "\xE2\x80\x99");
  EXPECT_EQ(Norm("\xC2\xAB"
                 "Bonjour"
                 "\xC2\xBB")
                .text,
            "\"Bonjour\"");
}

TEST(NormalizeTest, DashesAndMinusBecomeHyphen) {
  const std::string in =
      "2019\xE2\x80\x93"
      "2021 \xE2\x80\x94 CEO \xE2\x88\x92"
      "5";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "2019-2021 - CEO -5");
  EXPECT_EQ(OriginalOf(n, in, 4, 5), "\xE2\x80\x93");
  EXPECT_EQ(OriginalOf(n, in, 10, 11), "\xE2\x80\x94");
  EXPECT_EQ(OriginalOf(n, in, 16, 17), "\xE2\x88\x92");
}

TEST(NormalizeTest, NoBreakAndOtherUnicodeSpacesBecomeSpace) {
  const std::string in = "Mr.\xC2\xA0Smith and\xE2\x80\x83Ms.\xE3\x80\x80Jones";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "Mr. Smith and Ms. Jones");
  EXPECT_EQ(OriginalOf(n, in, 3, 4), "\xC2\xA0");
}

TEST(NormalizeTest, RunsOfSpacesCollapseAndEdgesAreTrimmed) {
  const std::string in = "  Jane   Doe\t\t joined  Acme.   ";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "Jane Doe joined Acme.");
  // The one space kept maps to the first space of the run.
  EXPECT_EQ(n.origin_begin[4], 6u);
  EXPECT_EQ(OriginalOf(n, in, 9, 15), "joined");
}

TEST(NormalizeTest, CarriageReturnLineFeed) {
  EXPECT_EQ(Norm("one\r\ntwo").text, "one two");
  EXPECT_EQ(Norm("one\r\n\r\ntwo").text, "one\ntwo");
  EXPECT_EQ(Norm("one\r\r\ntwo").text, "one two");
  // A lone CR (old Mac line ends) is a line break too.
  EXPECT_EQ(Norm("one\rtwo").text, "one two");
  EXPECT_EQ(Norm("one\r\rtwo").text, "one\ntwo");
  const std::string in = "exe-\r\ncutive";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "executive");
  EXPECT_EQ(OriginalOf(n, in, 0, 9), in);
}

TEST(NormalizeTest, LineBreakInsideParagraphBecomesSpace) {
  const std::string in = "Jane Doe was\nnamed CFO.";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "Jane Doe was named CFO.");
  EXPECT_EQ(OriginalOf(n, in, 12, 13), "\n");
  EXPECT_EQ(Norm("end of line \n  next").text, "end of line next");
}

TEST(NormalizeTest, BlankLineBecomesParagraphBreak) {
  EXPECT_EQ(Norm("First paragraph.\n\nSecond.").text, "First paragraph.\nSecond.");
  EXPECT_EQ(Norm("First.\n\n\n\nSecond.").text, "First.\nSecond.");
  EXPECT_EQ(Norm("First.\n  \t\n Second.").text, "First.\nSecond.");
  EXPECT_EQ(Norm("\n\nLeading and trailing\n\n").text, "Leading and trailing");
}

TEST(NormalizeTest, ALineOpeningWithABulletOrAFieldLabelIsAParagraph) {
  EXPECT_EQ(Norm("Calder Mining Corp:\n* CFO HAS LEFT\n* CONTROLLER NAMED").text,
            "Calder Mining Corp:\n* CFO HAS LEFT\n* CONTROLLER NAMED");
  EXPECT_EQ(Norm("(b) Ms. Shruti Rao\nReason for change: Appointment\nDate of appointment: December 1").text,
            "(b) Ms. Shruti Rao\nReason for change: Appointment\nDate of appointment: December 1");
  // A sentence that runs on to a capitalized word is not a label.
  EXPECT_EQ(Norm("She joined\nAcme Corp. in 2019, as CFO: a first.").text,
            "She joined Acme Corp. in 2019, as CFO: a first.");
  // A plain-text list's "- " bullet; a hyphen run on from a broken word is not one.
  EXPECT_EQ(Norm("Board of Commissioners\n- President Commissioner: Bambang Suryadi\n- Independent "
                 "Commissioner: Yuliana Hakim")
                .text,
            "Board of Commissioners\n- President Commissioner: Bambang Suryadi\n- Independent Commissioner: "
            "Yuliana Hakim");
}

TEST(NormalizeTest, ShortLinesOfABlockReadAsAList) {
  // A contact block's lines are fields, not one run of words: "Director of
  // Communications Harrow Family Foundation" read as one organization.
  EXPECT_EQ(Norm("Media Contact:\nJanelle Brooks\nDirector of Communications\nHarrow Family Foundation\n"
                 "(414) 555-0192")
                .text,
            "Media Contact: Janelle Brooks, Director of Communications, Harrow Family Foundation, "
            "(414) 555-0192");
  // A line that ends in a lower-case word runs on, however short.
  EXPECT_EQ(Norm("She joined\nAcme Corp. in 2019.").text, "She joined Acme Corp. in 2019.");
  // Lines of a wrapped paragraph are long: joined by a space.
  EXPECT_EQ(Norm("The board of Acme Corp. said on Monday that it had named Jane\nDoe chief executive.").text,
            "The board of Acme Corp. said on Monday that it had named Jane Doe chief executive.");
}

TEST(NormalizeTest, HyphenAtLineEndIsJoined) {
  const std::string in = "the exe-\ncutive said";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text, "the executive said");
  // "executive" maps back to the whole broken word, hyphen and newline included.
  EXPECT_EQ(OriginalOf(n, in, 4, 13), "exe-\ncutive");
  EXPECT_EQ(Norm("exe-\r\ncutive").text, "executive");
  // A hyphenated name broken at the line keeps its hyphen.
  EXPECT_EQ(Norm("M\xC3\xBCller-\nL\xC3\xBC"
                 "denscheidt")
                .text,
            "M\xC3\xBCller-L\xC3\xBC"
            "denscheidt");
  // A dash between words is not a broken word.
  EXPECT_EQ(Norm("2019 -\nnow").text, "2019 - now");
}

TEST(NormalizeTest, InvalidUtf8BecomesReplacementCharacter) {
  const std::string in =
      "a\xFF"
      "b\xE2\x82"
      "c\x80";
  NormalizedText n = Norm(in);
  EXPECT_EQ(n.text,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(n.text));
  // The three bytes of U+FFFD map to the one bad byte.
  EXPECT_EQ(n.ToOriginal({1, 4}), (Span{1, 2}));
  // The truncated sequence is one replacement for its two bytes.
  EXPECT_EQ(n.ToOriginal({5, 8}), (Span{3, 5}));
  EXPECT_EQ(OriginalOf(n, in, 8, 9), "c");
}

TEST(NormalizeTest, EmptyAndWhitespaceOnlyInput) {
  EXPECT_EQ(Norm("").text, "");
  EXPECT_EQ(Norm(" \n\n \t").text, "");
  EXPECT_EQ(Norm("\xE2\x80\x8B").text, "");
  EXPECT_EQ(Norm("").ToOriginal({0, 0}), (Span{0, 0}));
}

TEST(NormalizeTest, ToOriginalOfEmptyOrOutOfRangeSpanIsEmpty) {
  const std::string in =
      "\xEF\xBB\xBF"
      "abc";
  NormalizedText n = Norm(in);
  EXPECT_TRUE(n.ToOriginal({1, 1}).empty());
  EXPECT_EQ(n.ToOriginal({1, 1}).begin, 4u);
  EXPECT_TRUE(n.ToOriginal({0, 99}).empty());
  EXPECT_EQ(n.OriginAt(3), in.size());  // one past the end
}

// Pieces that exercise every rule of the normalizer, glued at random.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {
      "a",
      "Z",
      "9",
      ".",
      "-",
      " ",
      "  ",
      "\t",
      "\n",
      "\n\n",
      "\r\n",
      "\r",
      "\xC3\xA9",           // é
      "e\xCC\x81",          // e + combining acute
      "a\xCC\x88\xCC\xA3",  // a + two combining marks
      "\xCC\x81",           // a combining mark on its own
      "\xEF\xAC\x81",       // ﬁ
      "\xEF\xBC\xA1",       // full-width A
      "\xE2\x91\xA0",       // ① -> 1
      "\xC2\xBD",           // ½ -> 1⁄2
      "\xC2\xA0",           // no-break space
      "\xE3\x80\x80",       // ideographic space
      "\xE2\x80\x8B",       // zero-width space
      "\xC2\xAD",           // soft hyphen
      "\xEF\xBB\xBF",       // BOM
      "\xE2\x80\x9C",
      "\xE2\x80\x99",
      "\xE2\x80\x94",
      "\xE2\x88\x92",
      "\xE5\x8C\x97",              // 北
      "\xF0\x9F\x98\x80",          // emoji
      "\xED\x95\x9C",              // Hangul syllable (NFKC-stable)
      "\xE1\x84\x92\xE1\x85\xA1",  // conjoining jamo -> a syllable
      "\xFF",
      "\x80",
      "\xE2\x82",
      "\xF0\x9F",
      "\xC0\xAF",
      "\xED\xA0\x80",  // ill-formed
      "\x01",
      "\x7F",
  };
  return kPieces;
}

TEST(NormalizeTest, PropertyOriginsAreInRangeOnBoundariesAndOrdered) {
  std::mt19937 rng(20240501);
  for (int round = 0; round < 300; ++round) {
    std::string in;
    const int len = std::uniform_int_distribution<int>(0, 40)(rng);
    std::uniform_int_distribution<size_t> pick(0, Pieces().size() - 1);
    for (int k = 0; k < len; ++k) in += Pieces()[pick(rng)];
    SCOPED_TRACE(::testing::PrintToString(in));

    NormalizedText n = Norm(in);
    ASSERT_EQ(n.origin_begin.size(), n.text.size());
    ASSERT_EQ(n.origin_end.size(), n.text.size());
    EXPECT_TRUE(IsValidUtf8(n.text));
    const std::set<uint32_t> bounds = Boundaries(in);
    for (size_t i = 0; i < n.text.size(); ++i) {
      ASSERT_LT(n.origin_begin[i], n.origin_end[i]) << "byte " << i;
      ASSERT_LE(n.origin_end[i], in.size()) << "byte " << i;
      ASSERT_TRUE(bounds.count(n.origin_begin[i])) << "byte " << i;
      ASSERT_TRUE(bounds.count(n.origin_end[i])) << "byte " << i;
      if (i > 0) {
        ASSERT_LE(n.origin_begin[i - 1], n.origin_begin[i]) << "byte " << i;
      }
    }
    // A span of whole output characters maps to a span of whole input characters.
    if (!n.text.empty()) {
      Span all = n.ToOriginal({0, n.text.size()});
      EXPECT_LE(all.end, in.size());
      EXPECT_TRUE(bounds.count(static_cast<uint32_t>(all.begin)));
    }
  }
}

}  // namespace
}  // namespace newsroles
