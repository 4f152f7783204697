// The pattern library's loader on broken rule files: every malformed
// construct is refused with "FILE:LINE: reason" (PatternError), so that the
// extractor exits 2 before reading any document. Each case copies the bundled
// patterns into a temporary directory and breaks one thing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "patterns.h"

namespace newsroles {
namespace {
namespace fs = std::filesystem;

// A pattern directory of one macros.def and one rules file, removed when the
// test ends.
class ScratchPatterns {
 public:
  ScratchPatterns(const std::string& name, const std::string& macros, const std::string& rules)
      : dir_(fs::temp_directory_path() / ("newsroles_patterns_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "rules");
    std::ofstream(dir_ / "macros.def") << macros;
    std::ofstream(dir_ / "rules" / "10-test.rules") << rules;
  }
  ~ScratchPatterns() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

struct BrokenCase {
  const char* name;
  const char* file;      // under the pattern directory
  const char* append;    // text appended to that file
  const char* reason;    // expected in the message
  int line_from_end;     // the reported line, counted back from the file's last line (0: last)
};

class PatternsTest : public ::testing::TestWithParam<BrokenCase> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("patterns_test_" + std::to_string(::getpid()) + "_" +
                                        std::string(GetParam().name));
    fs::remove_all(dir_);
    fs::copy(PATTERNS_DIR, dir_, fs::copy_options::recursive);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

size_t CountLines(const fs::path& p) {
  std::ifstream in(p);
  size_t n = 0;
  for (std::string l; std::getline(in, l);) ++n;
  return n;
}

TEST_P(PatternsTest, RefusedWithFileLineAndReason) {
  const BrokenCase& c = GetParam();
  const fs::path file = dir_ / c.file;
  {
    std::ofstream out(file, std::ios::app);
    out << c.append;
  }
  const size_t expected_line = CountLines(file) - static_cast<size_t>(c.line_from_end);
  try {
    PatternLibrary::Load(dir_.string());
    FAIL() << c.name << ": loaded without error";
  } catch (const PatternError& e) {
    const std::string msg = e.what();
    EXPECT_EQ(msg.rfind(file.string() + ":" + std::to_string(expected_line) + ": ", 0), 0u)
        << c.name << ": " << msg;
    EXPECT_NE(msg.find(c.reason), std::string::npos) << c.name << ": " << msg;
  }
}

const BrokenCase kCases[] = {
    {"unknown_directive", "rules/40-hold.rules", "\nrule r1\n  type hold\n  frobnicate yes\n",
     "unknown directive 'frobnicate'", 0},
    {"unknown_macro_directive", "macros.def", "\nmacro X abc\n", "unknown directive 'macro'", 0},
    {"unterminated_example", "rules/40-hold.rules",
     "\nrule r2\n  type hold\n  pattern {person=PERSON} chairs {org=ORG}\n"
     "  + Jane Doe chairs Acme Corp.\n",
     "unterminated example", 0},
    {"duplicate_rule_id", "rules/40-hold.rules",
     "\nrule serve-as\n  type start\n", "duplicate rule id 'serve-as'", 1},
    {"bad_regex", "rules/40-hold.rules",
     "\nrule r3\n  type hold\n  pattern {person=PERSON} (chairs\n", "bad pattern", 0},
    {"unknown_macro", "rules/40-hold.rules",
     "\nrule r4\n  type hold\n  pattern {person=PERSON} chairs {org=NO_SUCH_MACRO}\n",
     "unknown macro {NO_SUCH_MACRO}", 0},
    {"unknown_slot", "rules/40-hold.rules",
     "\nrule r5\n  type hold\n  pattern {boss=PERSON} chairs {org=ORG}\n", "unknown slot 'boss'",
     0},
    {"slot_twice", "rules/40-hold.rules",
     "\nrule r6\n  type hold\n  pattern {person=PERSON} and {person=PERSON}\n",
     "slot 'person' used twice", 0},
    {"macro_cycle", "macros.def", "\ndefine LOOP_A x{LOOP_B}\ndefine LOOP_B y{LOOP_A}\n",
     "macro cycle", 1},
    {"macro_defined_twice", "macros.def", "\ndefine NAME abc\n", "defined twice", 0},
    {"bad_type", "rules/40-hold.rules", "\nrule r7\n  type promote\n",
     "type must be start, end or hold", 0},
    {"directive_before_rule", "rules/00-first.rules", "  type hold\n", "before any 'rule'", 0},
    {"bad_emit", "rules/40-hold.rules",
     "\nrule r8\n  type hold\n  pattern {person=PERSON} chairs {org=ORG}\n  emit hold\n",
     "expected 'emit", 0},
    {"expectation_without_example", "rules/40-hold.rules",
     "\nrule r9\n  type hold\n  pattern {person=PERSON} chairs {org=ORG}\n"
     "  = hold | Jane Doe | chair | Acme\n",
     "'=' must follow a positive example", 0},
    {"bad_expectation", "rules/40-hold.rules",
     "\nrule r10\n  type hold\n  pattern {person=PERSON} chairs {org=ORG}\n"
     "  + Jane Doe chairs Acme Corp.\n    = hold | Jane Doe\n",
     "expected '= TYPE | PERSON | ROLE | ORG", 0},
    {"unterminated_literal", "rules/40-hold.rules",
     "\nrule r11\n  type hold\n  pattern {person=PERSON} chairs {org=ORG}\n"
     "  emit hold person \"board member org\n",
     "unterminated quoted literal", 0},
    {"missing_word_list", "macros.def", "\nlist NOWHERE lists/no-such-list.txt\n", "not found", 0},
    {"hint_for_unknown_macro", "macros.def", "\nhint NO_SUCH_MACRO abc\n",
     "hint for unknown macro {NO_SUCH_MACRO}", 0},
    {"bad_hint", "macros.def", "\nhint NAME (abc\n", "hint for {NAME}", 0},
};

INSTANTIATE_TEST_SUITE_P(Broken, PatternsTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(PatternsLoad, BundledLibraryLoads) {
  auto lib = PatternLibrary::Load(PATTERNS_DIR);
  EXPECT_GT(lib->rules().size(), 50u);
  // Rules compile on first use; every bundled one must fit RE2's budget.
  EXPECT_NO_THROW(lib->CompileAll());
}

// A rule RE2 parses but cannot fit in its memory budget is refused on first
// use, naming its file and line.
TEST(PatternsLoad, ARuleTooLargeToCompileIsNamedWhenFirstUsed) {
  const fs::path dir = fs::temp_directory_path() / "newsroles_patterns_too_large";
  fs::remove_all(dir);
  fs::copy(PATTERNS_DIR, dir, fs::copy_options::recursive);
  {
    std::ofstream out(dir / "rules" / "40-hold.rules", std::ios::app);
    out << "\nrule huge\n  type hold\n  pattern {person=PERSON} (?:{ROLES} ){1000}\n";
  }
  auto lib = PatternLibrary::Load(dir.string());
  try {
    lib->CompileAll();
    ADD_FAILURE() << "compiled a rule of a thousand title lists";
  } catch (const PatternError& e) {
    EXPECT_NE(std::string(e.what()).find("40-hold.rules:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("rule 'huge'"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

// The prefilter reads {ROLES} as "a head word from ROLE_HEAD": every title
// and role noun must end in one, or rules needing a title would skip
// sentences that hold it.
TEST(PatternsLoad, EveryTitleEndsInAPrefilterHeadWord) {
  auto lib = PatternLibrary::Load(PATTERNS_DIR);
  const auto& heads = lib->List("ROLE_HEAD");
  ASSERT_FALSE(heads.empty());
  for (const char* list : {"ROLE_TITLE", "ROLE_NOUN"})
    for (const auto& entry : lib->List(list)) {
      const std::string last = entry.substr(entry.rfind(' ') == std::string::npos ? 0 : entry.rfind(' ') + 1);
      EXPECT_TRUE(heads.count(last)) << list << " entry '" << entry << "' ends in '" << last
                                     << "', which patterns/lists/role-heads.txt lacks";
    }
  for (const char* head : {"chief", "director", "manager", "editor", "controller"})
    EXPECT_TRUE(heads.count(head)) << head;
}

// A hinted macro's hint is checked on the whole sentence, and only where
// every match needs the macro: inside an optional group it asks nothing.
TEST(PatternsLoad, HintsFilterCandidatesOnlyWhereRequired) {
  ScratchPatterns scratch("hints",
                          "define NAME [A-Z][a-z]+ [A-Z][a-z]+\n"
                          "define TITLE (?:chief|head) of [A-Z][a-z]+\n"
                          "hint TITLE \\b(?:chief|head)\\b\n",
                          "rule needs-title\n  type start\n  pattern {person=NAME} was named {role=TITLE}\n"
                          "rule optional-title\n  type start\n  pattern {person=NAME} joined(?: as {role=TITLE})? in\n");
  auto lib = PatternLibrary::Load(scratch.dir());
  ASSERT_EQ(lib->rules().size(), 2u);
  std::vector<int> hits;
  EXPECT_TRUE(lib->Candidates("Jane Doe was named chief of Staff", &hits));
  EXPECT_EQ(hits, std::vector<int>({0}));
  // "was named" is in the sentence but no head word: the first rule is not a candidate.
  EXPECT_FALSE(lib->Candidates("Jane Doe was named after her aunt", &hits));
  EXPECT_TRUE(lib->Candidates("Jane Doe joined in May", &hits));
  EXPECT_EQ(hits, std::vector<int>({1}));
}

// The rule set holds atoms, not whole skeletons: a rule is a candidate where
// every literal run it needs is found, in any order, and an alternation
// gives one atom of its branches' best runs.
TEST(PatternsLoad, CandidatesNeedEveryAtomOfTheRule) {
  ScratchPatterns scratch("atoms", "define NAME [A-Z][a-z]+ [A-Z][a-z]+\n",
                          "rule two-runs\n  type start\n  pattern {person=NAME} was named .* by the board\n"
                          "rule branches\n  type end\n  pattern {person=NAME} (?:quit .* today|has resigned)\n");
  auto lib = PatternLibrary::Load(scratch.dir());
  ASSERT_EQ(lib->rules().size(), 2u);
  EXPECT_EQ(lib->rules()[0].atoms.size(), 2u);
  EXPECT_EQ(lib->rules()[1].atoms.size(), 1u);
  std::vector<int> hits;
  EXPECT_TRUE(lib->Candidates("Jane Doe was named chair by the board", &hits));
  EXPECT_EQ(hits, std::vector<int>({0}));
  EXPECT_FALSE(lib->Candidates("Jane Doe was named chair", &hits));
  EXPECT_TRUE(lib->Candidates("Jane Doe has resigned", &hits));
  EXPECT_EQ(hits, std::vector<int>({1}));
  EXPECT_TRUE(lib->Candidates("Jane Doe quit the board today", &hits));
  EXPECT_EQ(hits, std::vector<int>({1}));
}

// A group that repeats a class inside ("(?:, who|, [^,;]{1,160},)") is no
// literal run: kept in the rule set it made every sentence's scan seven times
// slower. The words around it are the rule's atoms; a single-branch group
// gives the runs inside it.
TEST(PatternsLoad, AGroupThatRepeatsInsideIsNoAtom) {
  ScratchPatterns scratch("repeats", "define NAME [A-Z][a-z]+ [A-Z][a-z]+\n",
                          "rule sits\n  type hold\n  pattern {person=NAME}(?:, who|, [^,;]{1,160},) sits on the board\n"
                          "rule minister\n  type hold\n  pattern (?P<role>(?:[A-Z][a-z]+ ){1,2}(?:Minister|Secretary)) {person=NAME}\n");
  auto lib = PatternLibrary::Load(scratch.dir());
  ASSERT_EQ(lib->rules().size(), 2u);
  for (const auto& rule : lib->rules()) {
    ASSERT_FALSE(rule.atoms.empty()) << rule.id;
    for (const auto& atom : rule.atoms) EXPECT_EQ(atom.find("{1,"), std::string::npos) << rule.id << ": " << atom;
  }
  std::vector<int> hits;
  EXPECT_TRUE(lib->Candidates("Jane Doe, a banker, sits on the board", &hits));
  EXPECT_EQ(hits, std::vector<int>({0}));
  EXPECT_TRUE(lib->Candidates("Finance Minister Jane Doe spoke", &hits));
  EXPECT_EQ(hits, std::vector<int>({1}));
}

TEST(PatternsLoad, MissingDirectoryIsRefused) {
  EXPECT_THROW(PatternLibrary::Load("/no/such/patterns"), PatternError);
}

}  // namespace
}  // namespace newsroles
