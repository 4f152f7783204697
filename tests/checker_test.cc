// Copyright (c) the project authors.
//
// Tests for the checker (tools/checker): one test per canonicalization rule
// of the contract (/work/shared/spec/events.md, "Matching"), the matching
// and its figures on hand-computed cases, loading with errors that name file
// and line, the reports, and the command line's exit codes.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "checker/canonical.h"
#include "checker/cli.h"
#include "checker/load.h"
#include "checker/report.h"
#include "checker/score.h"

namespace checker {
namespace {

// ---------------------------------------------------------------------------
// Fixtures

// A fresh directory under the system temp dir, removed afterwards. Named
// after the test so that parallel ctest runs do not collide.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            (std::string("checker_test_") + info->test_suite_name() + "_" + info->name() + "_" +
             std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  // Writes `contents` to `relative` (creating directories); returns the path.
  std::string Write(const std::string& relative, const std::string& contents) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << contents;
    return file.string();
  }

  std::string Path(const std::string& relative = "") const { return (path_ / relative).string(); }

 private:
  std::filesystem::path path_;
};

Event MakeEvent(std::string type, std::optional<std::string> person,
                std::optional<std::string> role, std::optional<std::string> org,
                std::optional<std::string> date = std::nullopt,
                std::optional<std::string> rule = std::nullopt) {
  Event event;
  event.type = std::move(type);
  event.person = std::move(person);
  event.role = std::move(role);
  event.org = std::move(org);
  event.date = std::move(date);
  event.rule = std::move(rule);
  return event;
}

Document MakeDocument(std::string id, std::vector<Event> events) {
  Document document;
  document.id = std::move(id);
  document.events = std::move(events);
  return document;
}

Document MakeErrorRecord(std::string id, std::string error) {
  Document document;
  document.id = std::move(id);
  document.error = std::move(error);
  return document;
}

struct RunResult {
  int status;
  std::string out;
  std::string err;
};

RunResult RunTool(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = RunChecker(args, out, err);
  return {status, out.str(), err.str()};
}

constexpr double kThird = 1.0 / 3;

// ---------------------------------------------------------------------------
// Person canonicalization

TEST(CanonicalPersonTest, FoldsCase) {
  EXPECT_EQ(CanonicalPerson("JUDY Tong"), "judy tong");
  EXPECT_EQ(CanonicalPerson("ÉLISE MÜLLER"), "élise müller");
  EXPECT_EQ(CanonicalPerson("Straße"), CanonicalPerson("STRASSE"));
}

TEST(CanonicalPersonTest, CollapsesWhitespace) {
  EXPECT_EQ(CanonicalPerson("  Judy \t\n Tong "), "judy tong");
  EXPECT_EQ(CanonicalPerson("Judy\u00A0Tong"), "judy tong");  // no-break space
}

TEST(CanonicalPersonTest, DropsHonorifics) {
  for (const char* honorific :
       {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Prof", "DR."}) {
    EXPECT_EQ(CanonicalPerson(std::string(honorific) + " Judy Tong"), "judy tong") << honorific;
  }
  EXPECT_EQ(CanonicalPerson("Prof. Dr. Jane Doe"), "jane doe");
}

TEST(CanonicalPersonTest, KeepsWhatIsNotALeadingHonorific) {
  EXPECT_EQ(CanonicalPerson("Jane Dr. Doe"), "jane dr. doe");
  EXPECT_EQ(CanonicalPerson("Drew Doe"), "drew doe");
  EXPECT_EQ(CanonicalPerson("Dr."), "dr.");  // never the last word
}

// ---------------------------------------------------------------------------
// Role canonicalization

TEST(CanonicalRoleTest, FoldsCaseAndCollapsesWhitespace) {
  EXPECT_EQ(CanonicalRole("Chief  Talent\tOfficer"), "chief talent officer");
  EXPECT_EQ(CanonicalRole("Founder"), "founder");
}

TEST(CanonicalRoleTest, DropsLeadingDeterminersAndTimeAdjectives) {
  for (const char* leading : {"the", "a", "an", "new", "former", "incoming", "The"}) {
    EXPECT_EQ(CanonicalRole(std::string(leading) + " president"), "president") << leading;
  }
  EXPECT_EQ(CanonicalRole("the new president"), "president");
  EXPECT_EQ(CanonicalRole("the former board member"), "board member");
}

TEST(CanonicalRoleTest, KeepsInterimAndInnerWords) {
  EXPECT_EQ(CanonicalRole("interim CEO"), "interim ceo");
  EXPECT_EQ(CanonicalRole("head of the new unit"), "head of the new unit");
}

TEST(CanonicalRoleTest, ReadsAmpersandAsAnd) {
  EXPECT_EQ(CanonicalRole("Head of Research & Development"), "head of research and development");
  EXPECT_EQ(CanonicalRole("head of R&D"), CanonicalRole("head of R and D"));
}

TEST(CanonicalRoleTest, ReducesCSuiteTitles) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Chief Executive Officer", "ceo"},
      {"chief executive", "ceo"},
      {"CEO", "ceo"},
      {"Chief Technology Officer", "cto"},
      {"chief people officer", "cpo"},
      {"Chief Product Officer", "cpo"},
      {"Chief Financial Officer", "cfo"},
      {"Chief Operating Officer", "coo"},
      {"Chief Information Officer", "cio"},
      {"Chief Marketing Officer", "cmo"},
      {"Chief Strategy Officer", "cso"},
      {"Chief Human Resources Officer", "chro"},
  };
  for (const auto& [role, expected] : cases) {
    EXPECT_EQ(CanonicalRole(role), expected) << role;
  }
}

TEST(CanonicalRoleTest, ReducesCSuiteTitlesInsideLongerRoles) {
  EXPECT_EQ(CanonicalRole("Deputy Chief Executive Officer"), "deputy ceo");
  EXPECT_EQ(CanonicalRole("group chief executive"), "group ceo");
  EXPECT_EQ(CanonicalRole("the new chief financial officer"), "cfo");
  EXPECT_EQ(CanonicalRole("chief talent officer"), "chief talent officer");
}

TEST(CanonicalRoleTest, ReducesChairForms) {
  for (const char* role :
       {"chairman", "Chairwoman", "chairperson", "board chair", "Board Chairman", "chair"}) {
    EXPECT_EQ(CanonicalRole(role), "chair") << role;
  }
}

TEST(CanonicalRoleTest, ReducesViceChairForms) {
  for (const char* role :
       {"vice chairman", "Vice-Chairman", "vice chairwoman", "vice-chairperson", "vice chair"}) {
    EXPECT_EQ(CanonicalRole(role), "vice chair") << role;
  }
}

TEST(CanonicalRoleTest, ReducesVicePresidentForms) {
  for (const char* role : {"vice-president", "Vice President", "VP"}) {
    EXPECT_EQ(CanonicalRole(role), "vice president") << role;
  }
}

TEST(CanonicalRoleTest, ReducesSeniorVicePresidentForms) {
  for (const char* role : {"senior vice president", "Senior Vice-President", "SVP", "senior VP"}) {
    EXPECT_EQ(CanonicalRole(role), "senior vice president") << role;
  }
}

TEST(CanonicalRoleTest, ReducesExecutiveVicePresidentForms) {
  for (const char* role : {"executive vice president", "Executive Vice-President", "EVP"}) {
    EXPECT_EQ(CanonicalRole(role), "executive vice president") << role;
  }
}

TEST(CanonicalRoleTest, LeavesHyphensOutsideViceAlone) {
  EXPECT_EQ(CanonicalRole("customer service-lead"), "customer service-lead");
  EXPECT_EQ(CanonicalRole("co-founder"), "co-founder");
}

// ---------------------------------------------------------------------------
// Organization canonicalization

TEST(CanonicalOrgTest, FoldsCaseAndCollapsesWhitespace) {
  EXPECT_EQ(CanonicalOrg("DAMO  Academy"), "damo academy");
}

TEST(CanonicalOrgTest, DropsLeadingThe) {
  EXPECT_EQ(CanonicalOrg("The Alibaba Group"), "alibaba group");
  EXPECT_EQ(CanonicalOrg("the Hague Group"), "hague group");
  EXPECT_EQ(CanonicalOrg("Theta Labs"), "theta labs");
}

TEST(CanonicalOrgTest, DropsTrailingPossessive) {
  EXPECT_EQ(CanonicalOrg("Alibaba's"), "alibaba");
  EXPECT_EQ(CanonicalOrg("Alibaba\u2019s"), "alibaba");  // curly apostrophe
  EXPECT_EQ(CanonicalOrg("Siemens'"), "siemens");
  EXPECT_EQ(CanonicalOrg("the Acme Group's"), "acme group");
}

TEST(CanonicalOrgTest, DropsEachTrailingLegalSuffix) {
  for (const char* suffix : {"Inc", "Inc.", "Corp", "Corporation", "Co.", "Ltd", "Limited", "LLC",
                             "plc", "AG", "SA", "N.V."}) {
    EXPECT_EQ(CanonicalOrg(std::string("Acme ") + suffix), "acme") << suffix;
  }
}

TEST(CanonicalOrgTest, DropsLegalSuffixesWithCommaAndInSequence) {
  EXPECT_EQ(CanonicalOrg("Acme, Inc."), "acme");
  EXPECT_EQ(CanonicalOrg("Alibaba Group Holding Co., Ltd."), "alibaba group holding");
  EXPECT_EQ(CanonicalOrg("Acme Inc.'s"), "acme");
  EXPECT_EQ(CanonicalOrg("Acme Ltd. (ACM)"), "acme");
}

TEST(CanonicalOrgTest, KeepsLegalWordsThatAreNotTrailing) {
  EXPECT_EQ(CanonicalOrg("Limited Brands"), "limited brands");
  EXPECT_EQ(CanonicalOrg("Sagami Holdings"), "sagami holdings");
  EXPECT_EQ(CanonicalOrg("Inc."), "inc.");  // never the last word
}

TEST(CanonicalOrgTest, DropsParenthesisedAbbreviation) {
  EXPECT_EQ(CanonicalOrg("Enterprise Business Group (EBG)"), "enterprise business group");
  EXPECT_EQ(CanonicalOrg("Huawei Enterprise Business Group (EBG) China"),
            "huawei enterprise business group china");
  EXPECT_EQ(CanonicalOrg("Acme (Hong Kong)"), "acme (hong kong)");
}

// ---------------------------------------------------------------------------
// Lenient comparisons

TEST(LenientTest, FamilyNameIsTheLastWord) {
  EXPECT_EQ(FamilyName("judy tong"), "tong");
  EXPECT_EQ(FamilyName("tong"), "tong");
}

TEST(LenientTest, OrgsMatchOnWholeWordPrefixOrSuffix) {
  EXPECT_TRUE(OrgsMatchLeniently("alibaba", "alibaba"));
  EXPECT_TRUE(OrgsMatchLeniently("alibaba", "alibaba cloud intelligence"));
  EXPECT_TRUE(OrgsMatchLeniently("alibaba cloud intelligence", "alibaba"));
  EXPECT_TRUE(OrgsMatchLeniently("cloud intelligence", "alibaba cloud intelligence"));
  EXPECT_FALSE(OrgsMatchLeniently("ali", "alibaba cloud"));
  EXPECT_FALSE(OrgsMatchLeniently("alibaba cloud", "alibaba cloudy"));
  EXPECT_FALSE(OrgsMatchLeniently("cloud", "alibaba cloud intelligence"));
  EXPECT_FALSE(OrgsMatchLeniently("", "alibaba"));
}

// ---------------------------------------------------------------------------
// Matching and figures

TEST(ScoreTest, SeedGoldAgainstItselfIsPerfect) {
#ifndef SHARED_SEED_GOLD
  GTEST_SKIP() << "SHARED_SEED_GOLD is not defined";
#else
  const Corpus gold = LoadCorpus(SHARED_SEED_GOLD, CorpusKind::kGold);
  const Corpus system = LoadCorpus(SHARED_SEED_GOLD, CorpusKind::kSystem);
  ASSERT_FALSE(gold.empty());
  const Scores scores = Score(gold, system);
  EXPECT_GT(scores.overall.gold_events, 0);
  EXPECT_EQ(scores.overall.core_matches, scores.overall.gold_events);
  for (const PrecisionRecallF1& figures :
       {CoreFigures(scores.overall), FullFigures(scores.overall), LenientFigures(scores.overall)}) {
    EXPECT_DOUBLE_EQ(figures.precision, 1.0);
    EXPECT_DOUBLE_EQ(figures.recall, 1.0);
    EXPECT_DOUBLE_EQ(figures.f1, 1.0);
  }
  EXPECT_EQ(DateAccuracy(scores.overall), 1.0);
  EXPECT_TRUE(scores.false_positives.empty());
  EXPECT_TRUE(scores.misses.empty());
  EXPECT_TRUE(scores.wrong_dates.empty());
#endif
}

// 3 gold, 3 system: one full match, one core match with a wrong date, one
// miss and one false positive.
//   core P = R = F1 = 2/3; full P = R = F1 = 1/3; date accuracy 1/2.
TEST(ScoreTest, HandComputedFigures) {
  const Corpus gold = {
      MakeDocument("d1", {MakeEvent("start", "Jane Jiang", "CPO", "Alibaba", "2023-04-01"),
                          MakeEvent("end", "Judy Tong", "CPO", "Alibaba", "2023-04-01"),
                          MakeEvent("hold", "Daniel Zhang", "CEO", "Alibaba")})};
  const Corpus system = {MakeDocument(
      "d1", {MakeEvent("start", "Jane Jiang", "chief people officer", "Alibaba", "2023-04-01",
                       "appointed"),
             MakeEvent("end", "Ms. Judy Tong", "CPO", "Alibaba Inc.", "2023-04", "steps-down"),
             MakeEvent("hold", "Daniel Zhang", "chair", "Alibaba", std::nullopt, "apposition")})};
  const Scores scores = Score(gold, system);

  EXPECT_EQ(scores.overall.gold_events, 3);
  EXPECT_EQ(scores.overall.system_events, 3);
  EXPECT_EQ(scores.overall.core_matches, 2);
  EXPECT_EQ(scores.overall.full_matches, 1);
  const PrecisionRecallF1 core = CoreFigures(scores.overall);
  EXPECT_DOUBLE_EQ(core.precision, 2 * kThird);
  EXPECT_DOUBLE_EQ(core.recall, 2 * kThird);
  EXPECT_DOUBLE_EQ(core.f1, 2 * kThird);
  const PrecisionRecallF1 full = FullFigures(scores.overall);
  EXPECT_DOUBLE_EQ(full.precision, kThird);
  EXPECT_DOUBLE_EQ(full.recall, kThird);
  EXPECT_DOUBLE_EQ(full.f1, kThird);
  ASSERT_TRUE(DateAccuracy(scores.overall).has_value());
  EXPECT_DOUBLE_EQ(*DateAccuracy(scores.overall), 0.5);

  ASSERT_EQ(scores.false_positives.size(), 1u);
  EXPECT_EQ(scores.false_positives[0].event.role, "chair");
  ASSERT_EQ(scores.misses.size(), 1u);
  EXPECT_EQ(scores.misses[0].event.person, "Daniel Zhang");
  ASSERT_EQ(scores.wrong_dates.size(), 1u);
  EXPECT_EQ(scores.wrong_dates[0].system.date, "2023-04");

  // Per type: start 1/1 full, end 1/1 core with wrong date, hold 0 of 1.
  ASSERT_EQ(scores.by_type.size(), 3u);
  EXPECT_EQ(scores.by_type[0].type, "start");
  EXPECT_EQ(scores.by_type[0].counts.full_matches, 1);
  EXPECT_EQ(scores.by_type[1].type, "end");
  EXPECT_EQ(scores.by_type[1].counts.core_matches, 1);
  EXPECT_EQ(scores.by_type[1].counts.full_matches, 0);
  EXPECT_EQ(scores.by_type[2].type, "hold");
  EXPECT_EQ(scores.by_type[2].counts.core_matches, 0);
  EXPECT_EQ(scores.by_type[2].counts.gold_events, 1);

  // Per rule, sorted by name.
  ASSERT_EQ(scores.by_rule.size(), 3u);
  EXPECT_EQ(scores.by_rule[0].rule, "appointed");
  EXPECT_EQ(scores.by_rule[0].full_correct, 1);
  EXPECT_EQ(scores.by_rule[1].rule, "apposition");
  EXPECT_EQ(scores.by_rule[1].events, 1);
  EXPECT_EQ(scores.by_rule[1].core_correct, 0);
  EXPECT_EQ(scores.by_rule[2].rule, "steps-down");
  EXPECT_EQ(scores.by_rule[2].core_correct, 1);
  EXPECT_EQ(scores.by_rule[2].full_correct, 0);

  ASSERT_EQ(scores.by_document.size(), 1u);
  EXPECT_EQ(scores.by_document[0].counts.core_matches, 2);
}

TEST(ScoreTest, MicroAveragesOverDocuments) {
  // d1: 1 gold, 1 right. d2: 3 gold, 1 system, right. Micro R = 2/4.
  const Corpus gold = {MakeDocument("d1", {MakeEvent("start", "A B", "CEO", "X")}),
                       MakeDocument("d2", {MakeEvent("start", "C D", "CEO", "Y"),
                                           MakeEvent("start", "E F", "CTO", "Y"),
                                           MakeEvent("start", "G H", "CFO", "Y")})};
  const Corpus system = {MakeDocument("d1", {MakeEvent("start", "A B", "CEO", "X")}),
                         MakeDocument("d2", {MakeEvent("start", "C D", "CEO", "Y")})};
  const Scores scores = Score(gold, system);
  EXPECT_DOUBLE_EQ(CoreFigures(scores.overall).precision, 1.0);
  EXPECT_DOUBLE_EQ(CoreFigures(scores.overall).recall, 0.5);
  EXPECT_DOUBLE_EQ(CoreFigures(scores.by_document[1].counts).recall, kThird);
}

TEST(ScoreTest, EachGoldEventMatchesAtMostOnce) {
  const Corpus gold = {MakeDocument("d", {MakeEvent("start", "Wu Zeming", "CTO", "Alibaba")})};
  const Corpus system = {MakeDocument("d", {MakeEvent("start", "Wu Zeming", "CTO", "Alibaba"),
                                            MakeEvent("start", "WU ZEMING", "cto", "Alibaba")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.core_matches, 1);
  EXPECT_EQ(scores.overall.lenient_matches, 1);
  EXPECT_DOUBLE_EQ(CoreFigures(scores.overall).precision, 0.5);
  EXPECT_DOUBLE_EQ(CoreFigures(scores.overall).recall, 1.0);
  ASSERT_EQ(scores.false_positives.size(), 1u);
  EXPECT_EQ(scores.false_positives[0].event.person, "WU ZEMING");
}

TEST(ScoreTest, PrefersTheDateCorrectSystemEvent) {
  const Corpus gold = {
      MakeDocument("d", {MakeEvent("start", "Cheng Li", "CTO", "Alibaba", "2019")})};
  const Corpus system = {
      MakeDocument("d", {MakeEvent("start", "Cheng Li", "CTO", "Alibaba", std::nullopt),
                         MakeEvent("start", "Cheng Li", "CTO", "Alibaba", "2019")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.core_matches, 1);
  EXPECT_EQ(scores.overall.full_matches, 1);
  EXPECT_TRUE(scores.wrong_dates.empty());
  ASSERT_EQ(scores.false_positives.size(), 1u);
  EXPECT_FALSE(scores.false_positives[0].event.date.has_value());
}

TEST(ScoreTest, NullMatchesOnlyNull) {
  const Corpus gold = {
      MakeDocument("d", {MakeEvent("start", "Cheng Li", std::nullopt, "Alipay", "2005"),
                         MakeEvent("start", "Cai Yinghua", std::nullopt, "Alibaba Cloud")})};
  const Corpus system = {
      MakeDocument("d", {MakeEvent("start", "Cheng Li", std::nullopt, "Alipay", "2005"),
                         MakeEvent("start", "Cai Yinghua", "", "Alibaba Cloud")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.core_matches, 1);
  EXPECT_EQ(scores.overall.full_matches, 1);
  ASSERT_EQ(scores.misses.size(), 1u);
  EXPECT_EQ(scores.misses[0].event.person, "Cai Yinghua");
}

TEST(ScoreTest, NullDateEqualsNullDate) {
  const Corpus gold = {MakeDocument("d", {MakeEvent("hold", "Daniel Zhang", "CEO", "Alibaba")})};
  const Corpus system = gold;
  EXPECT_EQ(Score(gold, system).overall.full_matches, 1);
}

TEST(ScoreTest, MissingDocumentIsAllMissesAndReported) {
  const Corpus gold = {MakeDocument("here", {MakeEvent("start", "A B", "CEO", "X")}),
                       MakeDocument("gone", {MakeEvent("start", "C D", "CEO", "Y"),
                                             MakeEvent("end", "E F", "CEO", "Y")})};
  const Corpus system = {MakeDocument("here", {MakeEvent("start", "A B", "CEO", "X")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.gold_events, 3);
  EXPECT_EQ(scores.overall.core_matches, 1);
  ASSERT_EQ(scores.by_document.size(), 2u);
  EXPECT_EQ(scores.by_document[1].doc, "gone");
  EXPECT_EQ(scores.by_document[1].status, DocumentStatus::kMissing);
  EXPECT_EQ(scores.misses.size(), 2u);
  EXPECT_NE(FormatTable(scores, {}).find("Missing from the system run: gone"), std::string::npos);
}

TEST(ScoreTest, ErrorRecordIsADocumentWithNoEvents) {
  const Corpus gold = {MakeDocument("d", {MakeEvent("start", "A B", "CEO", "X")})};
  const Corpus system = {MakeErrorRecord("d", "cannot decode text")};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.system_events, 0);
  EXPECT_EQ(scores.misses.size(), 1u);
  EXPECT_EQ(scores.by_document[0].status, DocumentStatus::kSystemError);
  EXPECT_EQ(scores.by_document[0].system_error, "cannot decode text");
  EXPECT_NE(FormatTable(scores, {}).find("cannot decode text"), std::string::npos);
}

TEST(ScoreTest, SystemDocumentsNotInGoldAreIgnored) {
  const Corpus gold = {MakeDocument("d", {MakeEvent("start", "A B", "CEO", "X")})};
  const Corpus system = {MakeDocument("d", {MakeEvent("start", "A B", "CEO", "X")}),
                         MakeDocument("extra", {MakeEvent("start", "C D", "CEO", "Y")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.system_events, 1);
  EXPECT_TRUE(scores.false_positives.empty());
  EXPECT_EQ(scores.ignored_system_documents, std::vector<std::string>{"extra"});
}

TEST(ScoreTest, LenientMatchesFamilyNameAlone) {
  const Corpus gold = {MakeDocument("d", {MakeEvent("end", "Judy Tong", "CPO", "Alibaba")})};
  const Corpus system = {MakeDocument("d", {MakeEvent("end", "Tong", "CPO", "Alibaba")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.core_matches, 0);
  EXPECT_EQ(scores.overall.lenient_matches, 1);
  EXPECT_DOUBLE_EQ(LenientFigures(scores.overall).f1, 1.0);
}

TEST(ScoreTest, LenientMatchesOrgWholeWordPrefixOrSuffix) {
  const Corpus gold = {
      MakeDocument("d", {MakeEvent("start", "Zhou Jingren", "CTO", "Alibaba Cloud Intelligence"),
                         MakeEvent("start", "Wu Zeming", "CTO", "Alibaba Group"),
                         MakeEvent("start", "Cheng Li", "CTO", "Ant Group")})};
  const Corpus system = {
      MakeDocument("d", {MakeEvent("start", "Zhou Jingren", "CTO", "Alibaba"),  // prefix
                         MakeEvent("start", "Wu Zeming", "CTO", "Group"),       // suffix
                         MakeEvent("start", "Cheng Li", "CTO", "Ant")})};       // prefix
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.core_matches, 0);
  EXPECT_EQ(scores.overall.lenient_matches, 3);
}

TEST(ScoreTest, LenientStillNeedsTypeAndRole) {
  const Corpus gold = {MakeDocument("d", {MakeEvent("start", "Judy Tong", "CPO", "Alibaba")})};
  const Corpus system = {MakeDocument("d", {MakeEvent("end", "Tong", "CPO", "Alibaba"),
                                            MakeEvent("start", "Tong", "CTO", "Alibaba"),
                                            MakeEvent("start", "Tong", "CPO", "Alibabanet")})};
  EXPECT_EQ(Score(gold, system).overall.lenient_matches, 0);
}

TEST(ScoreTest, LenientIncludesEveryCoreMatch) {
  // Greedy lenient pairing alone would give system 1 to gold 1 and leave
  // system 2 unpaired; exact pairs come first, so both pair.
  const Corpus gold = {MakeDocument("d", {MakeEvent("start", "A Zhang", "CEO", "Alibaba"),
                                          MakeEvent("start", "B Zhang", "CEO", "Alibaba")})};
  const Corpus system = {MakeDocument("d", {MakeEvent("start", "Zhang", "CEO", "Alibaba"),
                                            MakeEvent("start", "A Zhang", "CEO", "Alibaba")})};
  const Scores scores = Score(gold, system);
  EXPECT_EQ(scores.overall.core_matches, 1);
  EXPECT_EQ(scores.overall.lenient_matches, 2);
}

TEST(ScoreTest, DateAccuracyIsUndefinedWithoutCoreMatches) {
  Counts counts;
  counts.gold_events = 2;
  counts.system_events = 1;
  EXPECT_FALSE(DateAccuracy(counts).has_value());
  EXPECT_DOUBLE_EQ(CoreFigures(counts).f1, 0.0);
}

TEST(ScoreTest, EmptyGoldAndEmptySystemArePerfect) {
  const PrecisionRecallF1 figures = Ratios(0, 0, 0);
  EXPECT_DOUBLE_EQ(figures.precision, 1.0);
  EXPECT_DOUBLE_EQ(figures.recall, 1.0);
  EXPECT_DOUBLE_EQ(figures.f1, 1.0);
}

// ---------------------------------------------------------------------------
// Loading

TEST(LoadTest, ReadsEventsEvidenceAndRules) {
  const Corpus corpus =
      ParseJsonLines(R"({"doc": "a", "events": [{"type": "start", "person": "Zhou Jingren",)"
                     R"( "role": "CTO", "org": "Alibaba Cloud Intelligence", "date": null,)"
                     R"( "evidence": {"begin": 10, "end": 20, "text": "Zhou ..."},)"
                     R"( "rule": "serve-as", "extra": 1}]})"
                     "\n",
                     "sys.jsonl", CorpusKind::kSystem);
  ASSERT_EQ(corpus.size(), 1u);
  const Event& event = corpus[0].events.at(0);
  EXPECT_EQ(event.person, "Zhou Jingren");
  EXPECT_FALSE(event.date.has_value());
  ASSERT_TRUE(event.evidence.has_value());
  EXPECT_EQ(event.evidence->begin, 10);
  EXPECT_EQ(event.evidence->text, "Zhou ...");
  EXPECT_EQ(event.rule, "serve-as");
  EXPECT_EQ(corpus[0].location.line, 1);
}

TEST(LoadTest, SkipsBlankLinesAndAcceptsCrlfAndByteOrderMark) {
  const Corpus corpus = ParseJsonLines(
      "\xEF\xBB\xBF{\"doc\": \"a\", \"events\": []}\r\n\r\n"
      "{\"doc\": \"b\", \"events\": []}",
      "gold.jsonl", CorpusKind::kGold);
  ASSERT_EQ(corpus.size(), 2u);
  EXPECT_EQ(corpus[1].id, "b");
  EXPECT_EQ(corpus[1].location.line, 3);
}

TEST(LoadTest, ReadsErrorRecordsInSystemOutput) {
  const Corpus corpus =
      ParseJsonLines(R"({"doc": "a", "error": "bad encoding"})", "sys.jsonl", CorpusKind::kSystem);
  ASSERT_EQ(corpus.size(), 1u);
  EXPECT_EQ(corpus[0].error, "bad encoding");
}

// Expects `text` to fail to parse with a message naming `file:line`.
void ExpectInputError(const std::string& text, CorpusKind kind, const std::string& expected_prefix,
                      const std::string& expected_detail) {
  try {
    ParseJsonLines(text, "some/file.jsonl", kind);
    ADD_FAILURE() << "no error for: " << text;
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(expected_prefix, 0), 0u) << message;
    EXPECT_NE(message.find(expected_detail), std::string::npos) << message;
    EXPECT_EQ(e.file(), "some/file.jsonl");
  }
}

TEST(LoadTest, MalformedInputNamesFileAndLine) {
  const std::string good = "{\"doc\": \"a\", \"events\": []}\n";
  ExpectInputError(good + "{\"doc\": \"b\", \"events\": [}\n", CorpusKind::kGold,
                   "some/file.jsonl:2: ", "invalid JSON");
  ExpectInputError(good + good + "[1, 2]\n", CorpusKind::kGold,
                   "some/file.jsonl:3: ", "JSON object");
  ExpectInputError(R"({"events": []})", CorpusKind::kGold, "some/file.jsonl:1: ", "\"doc\"");
  ExpectInputError(R"({"doc": "a"})", CorpusKind::kGold, "some/file.jsonl:1: ", "\"events\"");
  ExpectInputError(good + R"({"doc": "b", "events": [{"type": "begin"}]})", CorpusKind::kGold,
                   "some/file.jsonl:2: ", "event 1: \"type\" must be one of start, end, hold");
  ExpectInputError(R"({"doc": "a", "events": [{"type": "start", "person": 7}]})", CorpusKind::kGold,
                   "some/file.jsonl:1: ", "\"person\" must be a string");
  ExpectInputError(R"({"doc": "a", "error": "x"})", CorpusKind::kGold,
                   "some/file.jsonl:1: ", "error records");
  ExpectInputError(R"({"doc": "a", "events": [{"type": "start",)"
                   R"( "evidence": {"begin": "x"}}]})",
                   CorpusKind::kSystem, "some/file.jsonl:1: ", "integer");
}

TEST(LoadTest, ReadsDirectoriesRecursivelyInPathOrder) {
  ScratchDirectory scratch;
  scratch.Write("b.jsonl", "{\"doc\": \"b\", \"events\": []}\n");
  scratch.Write("a/z.jsonl", "{\"doc\": \"az\", \"events\": []}\n");
  scratch.Write("a.jsonl", "{\"doc\": \"a\", \"events\": []}\n");
  scratch.Write("notes.txt", "not json");
  const Corpus corpus = LoadCorpus(scratch.Path(), CorpusKind::kGold);
  ASSERT_EQ(corpus.size(), 3u);
  EXPECT_EQ(corpus[0].id, "az");  // ".../a/z.jsonl" < ".../a.jsonl"
  EXPECT_EQ(corpus[1].id, "a");
  EXPECT_EQ(corpus[2].id, "b");
}

TEST(LoadTest, DuplicateDocumentNamesBothPlaces) {
  ScratchDirectory scratch;
  const std::string first = scratch.Write("1.jsonl", "{\"doc\": \"d\", \"events\": []}\n");
  const std::string second = scratch.Write("2.jsonl", "\n{\"doc\": \"d\", \"events\": []}\n");
  try {
    LoadCorpus(scratch.Path(), CorpusKind::kGold);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(second + ":2:"), std::string::npos) << message;
    EXPECT_NE(message.find(first + ":1"), std::string::npos) << message;
  }
}

TEST(LoadTest, MissingPathIsAnError) {
  EXPECT_THROW(LoadCorpus("/nonexistent/checker/gold", CorpusKind::kGold), InputError);
}

// ---------------------------------------------------------------------------
// Reports

Scores SmallScores() {
  const Corpus gold = {MakeDocument("good", {MakeEvent("start", "A B", "CEO", "X", "2020")}),
                       MakeDocument("bad", {MakeEvent("start", "C D", "CTO", "Y")})};
  Corpus system = {
      MakeDocument("good", {MakeEvent("start", "A B", "CEO", "X", "2020")}),
      MakeDocument("bad", {MakeEvent("end", "C D", "CTO", "Y", std::nullopt, "steps<down>")})};
  system[1].events[0].evidence = Evidence{5, 17, "C D & co quit"};
  return Score(gold, system);
}

TEST(ReportTest, JsonHoldsTheFigures) {
  const nlohmann::json report = nlohmann::json::parse(FormatJson(SmallScores(), {}));
  EXPECT_DOUBLE_EQ(report["overall"]["core"]["f1"].get<double>(), 0.5);
  EXPECT_EQ(report["overall"]["date_accuracy"].get<double>(), 1.0);
  EXPECT_EQ(report["by_type"]["start"]["gold_events"], 2);
  EXPECT_EQ(report["by_document"].size(), 2u);
  EXPECT_EQ(report["false_positives"][0]["event"]["evidence"]["text"], "C D & co quit");
  EXPECT_EQ(report["misses"][0]["doc"], "bad");
}

TEST(ReportTest, TableListsEvidenceOfFalsePositives) {
  const std::string table = FormatTable(SmallScores(), {});
  EXPECT_NE(table.find("C D & co quit"), std::string::npos);
  EXPECT_NE(table.find("Misses (1)"), std::string::npos);
  ReportOptions quiet;
  quiet.list_events = false;
  EXPECT_EQ(FormatTable(SmallScores(), quiet).find("C D & co quit"), std::string::npos);
}

TEST(ReportTest, JunitFailsDocumentsWithMistakes) {
  const std::string xml = FormatJunitXml(SmallScores());
  EXPECT_NE(xml.find("tests=\"2\" failures=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<testcase classname=\"checker.gold\" name=\"bad\""), std::string::npos);
  EXPECT_NE(xml.find("1 miss; 1 false positive"), std::string::npos) << xml;
  EXPECT_NE(xml.find("rule steps&lt;down&gt;"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("C D & co"), std::string::npos);  // escaped
}

TEST(ReportTest, MarkdownHasSummaryTable) {
  ReportOptions options;
  options.baseline_core_f1 = 0.25;
  const std::string markdown = FormatMarkdown(SmallScores(), options);
  EXPECT_NE(markdown.find("| core | 0.500 | 0.500 | 0.500 | 1 |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("(+0.250)"), std::string::npos) << markdown;
}

TEST(ReportTest, BaselineRoundTrips) {
  ScratchDirectory scratch;
  const std::string path = scratch.Write("baseline.json", FormatBaseline(SmallScores()));
  EXPECT_DOUBLE_EQ(LoadBaselineCoreF1(path), 0.5);
  const std::string report = scratch.Write("report.json", FormatJson(SmallScores(), {}));
  EXPECT_DOUBLE_EQ(LoadBaselineCoreF1(report), 0.5);
}

// ---------------------------------------------------------------------------
// Command line

class CommandLineTest : public testing::Test {
 protected:
  void SetUp() override {
    gold_ = scratch_.Write(
        "gold.jsonl",
        R"({"doc": "d", "events": [{"type": "start", "person": "A B", "role": "CEO", "org": "X", "date": "2020"},)"
        R"( {"type": "end", "person": "C D", "role": "CEO", "org": "X", "date": null}]})"
        "\n");
    // Core F1 0.5: one core match with a wrong date, one miss, one FP.
    system_ = scratch_.Write(
        "system.jsonl",
        R"({"doc": "d", "events": [{"type": "start", "person": "A B", "role": "CEO", "org": "X", "date": "2021", "rule": "r1"},)"
        R"( {"type": "hold", "person": "E F", "role": "CEO", "org": "X", "date": null, "rule": "r2"}]})"
        "\n"
        R"({"doc": "other", "error": "timeout"})"
        "\n");
  }

  ScratchDirectory scratch_;
  std::string gold_;
  std::string system_;
};

TEST_F(CommandLineTest, PrintsTableAndSucceeds) {
  const RunResult result = RunTool({gold_, system_});
  EXPECT_EQ(result.status, kExitOk) << result.err;
  EXPECT_NE(result.out.find("date accuracy 0.000"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("1 system document(s) not in gold"), std::string::npos) << result.err;
}

TEST_F(CommandLineTest, GatesFailWithStatusOne) {
  EXPECT_EQ(RunTool({"--min-f1", "0.5", gold_, system_}).status, kExitOk);
  const RunResult failed = RunTool({"--min-f1=0.6", gold_, system_});
  EXPECT_EQ(failed.status, kExitGateFailed);
  EXPECT_NE(failed.err.find("core F1 0.500 is below the minimum 0.600"), std::string::npos)
      << failed.err;
  EXPECT_EQ(RunTool({"--min-full-f1", "0.1", gold_, system_}).status, kExitGateFailed);
  EXPECT_EQ(RunTool({"--min-date-acc", "0.1", gold_, system_}).status, kExitGateFailed);
}

TEST_F(CommandLineTest, BaselineGate) {
  const std::string baseline = scratch_.Path("baseline.json");
  EXPECT_EQ(RunTool({"--save-baseline", baseline, gold_, system_}).status, kExitOk);
  EXPECT_DOUBLE_EQ(LoadBaselineCoreF1(baseline), 0.5);
  EXPECT_EQ(RunTool({"--baseline", baseline, gold_, system_}).status, kExitOk);

  const std::string better = scratch_.Write("better.json", R"({"core": {"f1": 0.6}})");
  EXPECT_EQ(RunTool({"--baseline", better, "--max-drop", "0.05", gold_, system_}).status,
            kExitGateFailed);
  EXPECT_EQ(RunTool({"--baseline", better, "--max-drop", "0.2", gold_, system_}).status, kExitOk);
}

TEST_F(CommandLineTest, WritesJsonAndJunit) {
  const std::string junit = scratch_.Path("out/junit.xml");
  std::filesystem::create_directories(scratch_.Path("out"));
  const RunResult result = RunTool({"--json", "--junit", junit, gold_, system_});
  ASSERT_EQ(result.status, kExitOk) << result.err;
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(result.out)["overall"]["core"]["f1"].get<double>(), 0.5);
  std::ifstream xml(junit);
  std::stringstream contents;
  contents << xml.rdbuf();
  EXPECT_NE(contents.str().find("failures=\"1\""), std::string::npos);
}

TEST_F(CommandLineTest, MalformedInputExitsTwoNamingFileAndLine) {
  const std::string bad =
      scratch_.Write("bad.jsonl", "{\"doc\": \"d\", \"events\": []}\n{\"doc\": \"e\",\n");
  const RunResult result = RunTool({gold_, bad});
  EXPECT_EQ(result.status, kExitBadInput);
  EXPECT_NE(result.err.find(bad + ":2: "), std::string::npos) << result.err;
}

TEST_F(CommandLineTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunTool({gold_}).status, kExitBadInput);
  EXPECT_EQ(RunTool({"--bogus", gold_, system_}).status, kExitBadInput);
  EXPECT_EQ(RunTool({"--min-f1", "high", gold_, system_}).status, kExitBadInput);
  EXPECT_EQ(RunTool({"--min-f1", "1.5", gold_, system_}).status, kExitBadInput);
  EXPECT_EQ(RunTool({"--max-drop", "0.1", gold_, system_}).status, kExitBadInput);
  EXPECT_EQ(RunTool({"--json", "--markdown", gold_, system_}).status, kExitBadInput);
  EXPECT_EQ(RunTool({gold_, scratch_.Path("absent.jsonl")}).status, kExitBadInput);
  const std::string empty = scratch_.Write("empty/readme.txt", "");
  EXPECT_EQ(RunTool({scratch_.Path("empty"), system_}).status, kExitBadInput);
}

TEST_F(CommandLineTest, HelpExitsZero) {
  const RunResult result = RunTool({"--help"});
  EXPECT_EQ(result.status, kExitOk);
  EXPECT_NE(result.out.find("Usage: checker [options] GOLD SYSTEM"), std::string::npos);
}

}  // namespace
}  // namespace checker
