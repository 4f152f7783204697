// PatternLibrary: the rules, macros and word lists under patterns/, loaded and
// compiled once at start-up.
//
// Layout of a pattern directory (see patterns/README.md for the format):
//   macros.def      `list NAME FILE`, `list-cased NAME FILE` and `define NAME REGEX`
//   lists/*.txt     word lists, one entry a line ("#" starts a comment);
//                   *.tsv lists carry a value in a second, tab-separated column
//   rules/*.rules   rules, each with its positive and negative examples
//
// Promises:
//  - Every rule pattern is expanded ({MACRO}, {slot=MACRO}) and checked at
//    load (its own syntax, with each macro read as a placeholder; every macro
//    likewise), then compiled with RE2 once, on first use, with an explicit
//    memory budget: a run over one short article builds the programs of the
//    few dozen rules it needs, not all of them. Each rule's atoms (the
//    runs of literal pieces every match contains, with macros and slots read
//    as ".*" and cutting them) go into one RE2::Set, each distinct atom once;
//    a rule is a candidate for a sentence where the set finds all its atoms.
//    A hinted macro reads as ".*" there, and its hint (a title's head word)
//    is one small regex the sentence must also match. Only the candidates
//    run with captures.
//  - Any problem (unreadable file, unknown directive, unknown macro or slot, a
//    macro cycle, a duplicate rule id, a regex RE2 rejects, an unterminated
//    example) throws PatternError whose message starts with "FILE:LINE: ".
//    A pattern RE2 accepts but cannot fit in its memory budget is found when
//    it is first compiled (CompileAll, which --test-rules and the tests run):
//    PatternError then too.
// Thread safety: immutable after Load (the lazy compilation is guarded by a
// once-flag per rule); share one library between threads.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsroles {

class PatternError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How one event is made from a match: each slot reference is a slot name, a
// quoted literal ("head") or empty for null.
struct EmitSpec {
  std::string type;
  std::string person;  // slot name
  std::string role;    // slot name, or literal when role_literal
  bool role_literal = false;
  std::string org;
  std::string date;
  bool org_none = false;   // "none": the text names no organization; do not infer one
  bool date_none = false;  // "none": the text dates this event nowhere; do not attach one
};

// An expected event of a positive example; empty optionals are null.
struct ExpectedEvent {
  std::string type, person;
  std::optional<std::string> role, org, date;
  bool check_date = false;
};

struct RuleExample {
  bool positive = true;
  std::string text;
  std::optional<std::string> anchor;  // publication date for the example
  std::vector<ExpectedEvent> expected;
  std::string file;
  size_t line = 0;
};

// A rule's regex, compiled on first use. Get() throws PatternError naming the
// rule's file and line when RE2 cannot compile it.
class RuleRegex {
 public:
  RuleRegex(std::string pattern, int64_t max_mem, std::string where)
      : pattern_(std::move(pattern)), max_mem_(max_mem), where_(std::move(where)) {}
  const RE2& Get() const;
  // True once Get has compiled the pattern (or failed to).
  bool Compiled() const { return compiled_.load(std::memory_order_acquire); }
  // Capture group index (1-based) -> slot name; "" for unnamed groups.
  const std::vector<std::string>& GroupSlots() const;

 private:
  void Compile() const;
  std::string pattern_;
  int64_t max_mem_;
  std::string where_;  // "FILE:LINE: rule 'ID'"
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
  mutable std::vector<std::string> group_slots_;
  mutable std::string error_;
  mutable std::atomic<bool> compiled_{false};
};

struct Rule {
  std::string id;
  std::string type;
  std::string source;    // the pattern as written
  std::vector<std::string> atoms;  // literal runs every match holds, no ".*" in any
  std::vector<int> atom_ids;       // their patterns in the library's RE2::Set
  std::vector<size_t> hints;       // hints the sentence must also match (PatternLibrary::Candidates)
  std::vector<EmitSpec> emits;
  std::vector<RuleExample> examples;
  std::string file;
  size_t line = 0;
  size_t pattern_line = 0;  // where its 'pattern' line is, for RE2's errors
  std::unique_ptr<RuleRegex> regex;  // the pattern after macro expansion
};

class PatternLibrary {
 public:
  // At most this many distinct atoms (Load refuses more): the per-sentence
  // record of found atoms is a fixed bit set.
  static constexpr size_t kMaxAtoms = 2048;

  // Loads and compiles `dir`. Throws PatternError.
  static std::unique_ptr<PatternLibrary> Load(const std::string& dir);

  const std::vector<Rule>& rules() const { return rules_; }
  const RE2::Set& prefilter() const { return *prefilter_; }
  // The rules that may match `sentence`, ascending: those all of whose atoms
  // the RE2::Set finds, less those whose hints (a title's head word, say) the
  // sentence lacks. A superset of the rules that match. False if none (and
  // `error`, if given, says whether the set's DFA ran out of memory).
  bool Candidates(re2::StringPiece sentence, std::vector<int>* hits,
                  RE2::Set::ErrorInfo* error = nullptr) const;
  const std::string& dir() const { return dir_; }

  // A word list by macro name (lower-cased entries for case-insensitive
  // lists), or an empty set.
  const std::set<std::string>& List(const std::string& name) const;
  // A .tsv list: entry -> value.
  const std::map<std::string, std::string>& Table(const std::string& name) const;
  // The expanded regex of a macro (for the mention finders).
  const std::string& Macro(const std::string& name) const;

  static const std::set<std::string>& KnownSlots();

  // Compiles every rule now, on all cores (the first matches would otherwise
  // do it). Throws PatternError for the first rule RE2 cannot compile.
  void CompileAll() const;
  // Compiles the listed rules that are not compiled yet, on all cores (a
  // chunk's first matches would otherwise build them one by one). Errors are
  // left for the rule's first use to report.
  void CompileSome(const std::vector<size_t>& rules) const;

 private:
  std::string dir_;
  std::vector<Rule> rules_;
  std::unique_ptr<RE2::Set> prefilter_;  // every rule's atoms, each distinct one once
  size_t atom_count_ = 0;
  std::vector<std::unique_ptr<RE2>> hints_;  // distinct hint regexes
  std::map<std::string, std::set<std::string>> lists_;
  std::map<std::string, std::map<std::string, std::string>> tables_;
  std::map<std::string, std::string> macros_;  // expanded
};

}  // namespace newsroles
