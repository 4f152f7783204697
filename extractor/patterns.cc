#include "patterns.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>
#include <utility>

namespace newsroles {
namespace fs = std::filesystem;
namespace {

constexpr int64_t kRuleMemory = 64 << 20;
constexpr int64_t kSetMemory = 256 << 20;


std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

[[noreturn]] void Fail(const std::string& file, size_t line, const std::string& why) {
  throw PatternError(file + ":" + std::to_string(line) + ": " + why);
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PatternError(path + ":0: cannot read file");
  std::vector<std::string> lines;
  std::string l;
  while (std::getline(in, l)) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  return lines;
}

// Splits "word rest-of-line".
std::pair<std::string, std::string> Head(const std::string& line) {
  size_t sp = line.find_first_of(" \t");
  if (sp == std::string::npos) return {line, ""};
  return {line.substr(0, sp), Trim(line.substr(sp))};
}

// Runs f(0) .. f(n-1) on up to as many threads as the machine has cores (RE2
// compiles distinct regexes independently: start-up is mostly compiling).
template <typename F>
void ParallelFor(size_t n, F f) {
  const size_t threads = std::min<size_t>(n, std::max(1u, std::min(8u, std::thread::hardware_concurrency())));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next++) < n;) f(i);
    });
  for (auto& t : pool) t.join();
}

// What a macro reads as when only a pattern's own syntax is checked.
const std::string kPlaceholder = "x";

RE2::Options RuleOptions(int64_t mem) {
  RE2::Options o;
  o.set_max_mem(mem);
  o.set_log_errors(false);
  return o;
}

struct RawMacro {
  std::string body;
  std::string file;
  size_t line = 0;
  bool quoted = false;  // a word list: quoted literals, valid by construction
};

// In a loose skeleton a hinted macro reads as ".*\x01NAME\x02.*": a literal
// that RequiredRuns keeps or drops like any word, so that the hints left at
// the top level of a rule's core are exactly those every match needs.
std::string HintMarker(const std::string& name) { return "\x01" + name + "\x02"; }

// True for a run that is a hint marker alone ("\x01ROLES\x02").
bool IsHintMarker(const std::string& run) {
  return run.size() > 2 && run.front() == '\x01' && run.back() == '\x02';
}

// Expands {MACRO} and, where allowed, {slot=MACRO} references.
class Expander {
 public:
  Expander(const std::map<std::string, RawMacro>& raw, const std::map<std::string, RawMacro>& hints)
      : raw_(raw), hints_(hints) {}

  // With `loose`, every macro and slot becomes ".*": a superset of the rule
  // that keeps only its literal words, for the RE2::Set prefilter. Its DFA
  // stays small however many rules there are.
  std::string Expand(const std::string& text, const std::string& file, size_t line,
                     bool allow_slots, std::set<std::string>* slots, bool loose = false,
                     bool stub = false) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\\' && i + 1 < text.size()) {  // keep escapes ("\{", "\p{Lu}", "\x{C0}") as they are
        out += c;
        out += text[++i];
        if ((text[i] == 'p' || text[i] == 'P' || text[i] == 'x') && i + 1 < text.size() && text[i + 1] == '{') {
          size_t close = text.find('}', i);
          if (close == std::string::npos) close = text.size() - 1;
          out += text.substr(i + 1, close - i);
          i = close;
        }
        continue;
      }
      if (c != '{') {
        out += c;
        continue;
      }
      size_t close = text.find('}', i);
      std::string inner = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
      std::string slot, name = inner;
      if (size_t eq = inner.find('='); eq != std::string::npos) {
        slot = inner.substr(0, eq);
        name = inner.substr(eq + 1);
      }
      if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0])) ||
          name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos) {
        out += c;  // a repetition such as {1,3}, not a macro
        continue;
      }
      if (loose) {
        // A macro with a 'hint' reads as ".*HINT.*": somewhere in every match
        // of the macro is a match of the hint ("{ROLES}" holds a title's head
        // word, after any determiner or modifier).
        if (auto h = hints_.find(name); h != hints_.end()) {
          out += ".*" + HintMarker(name) + ".*";
          i = close;
          continue;
        }
        // Small macros ({FUT}, {OF}) are literal words worth keeping; large
        // ones (names, organizations, roles) become ".*".
        const std::string& body = Macro(name, file, line);
        out += body.size() <= 240 ? "(?:" + body + ")" : ".*";
        i = close;
        continue;
      }
      // With `stub`, a macro reads as a placeholder: what RE2 then parses is
      // the pattern's own syntax, in a fraction of the time the whole
      // expansion takes (start-up is mostly RE2 parsing word lists).
      const std::string& full = Macro(name, file, line);  // unknown macros fail here either way
      const std::string& body = stub ? kPlaceholder : full;
      if (!slot.empty()) {
        if (!allow_slots) Fail(file, line, "slot {" + inner + "} outside a rule pattern");
        if (!PatternLibrary::KnownSlots().count(slot))
          Fail(file, line, "unknown slot '" + slot + "'");
        if (slots && !slots->insert(slot).second) Fail(file, line, "slot '" + slot + "' used twice");
        out += "(?P<" + slot + ">" + body + ")";
      } else {
        out += "(?:" + body + ")";
      }
      i = close;
    }
    return out;
  }

  const std::string& Macro(const std::string& name, const std::string& file, size_t line) {
    if (auto it = done_.find(name); it != done_.end()) return it->second;
    auto it = raw_.find(name);
    if (it == raw_.end()) Fail(file, line, "unknown macro {" + name + "}");
    if (std::find(stack_.begin(), stack_.end(), name) != stack_.end())
      Fail(it->second.file, it->second.line, "macro cycle through {" + name + "}");
    stack_.push_back(name);
    std::string body = Expand(it->second.body, it->second.file, it->second.line, false, nullptr);
    stack_.pop_back();
    return done_[name] = body;
  }

  const std::map<std::string, std::string>& done() const { return done_; }

 private:
  const std::map<std::string, RawMacro>& raw_;
  const std::map<std::string, RawMacro>& hints_;
  std::map<std::string, std::string> done_;
  std::vector<std::string> stack_;
};

// An alternation of the entries in trie order: an entry's extensions before
// it, so that RE2's leftmost-first choice prefers "chief executive officer"
// over "chief executive" (two literals that match at one position are prefix
// and extension, so this chooses as longest-first would), and entries that
// share a prefix side by side, so that RE2's parser factors them into a trie
// ("chief (?:executive officer|executive|operating officer)"). Sorted longest
// first, no two neighbours share a prefix, and the program is several times
// larger and its DFA states as many times slower to build.
std::string Alternation(const std::vector<std::string>& entries, bool cased) {
  auto key = [cased](const std::string& s) {
    std::string k = s;
    if (!cased)
      for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return k + '\xff';  // the end sorts after every byte: extensions first
  };
  std::vector<std::pair<std::string, std::string>> keyed;
  for (const auto& e : entries) keyed.emplace_back(key(e), e);
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> sorted;
  for (auto& [k, e] : keyed) sorted.push_back(std::move(e));
  std::string out = cased ? "(?:" : "(?i:";
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i) out += "|";
    out += RE2::QuoteMeta(sorted[i]);
  }
  return out + ")";
}

std::optional<std::string> NullableField(const std::string& f) {
  if (f == "-" || f.empty()) return std::nullopt;
  return f;
}


// The runs of a loose skeleton that every match must contain: the skeleton's
// top-level pieces in order, cut at ".*", optional groups, quantifiers and
// anchors, each run holding at least two letters and no ".*" ("(?:serve|act)
// as " for the serve-as rule). A hint marker is a run of its own. A top-level
// alternation gives one run, the alternation of its branches' best runs, or
// none when some branch has no run.
std::vector<std::string> RequiredRuns(const std::string& sk);

// How selective a run is: its letters outside character classes; 0 for a run
// that can match at the end of any sentence ("$").
int RunLetters(const std::string& r) {
  if (r.find('$') != std::string::npos) return 0;
  int n = 0, depth = 0;
  for (char ch : r) {
    if (ch == '[') ++depth;
    if (ch == ']') --depth;
    if (depth == 0 && std::isalpha(static_cast<unsigned char>(ch))) ++n;
  }
  return n;
}

// The run that selects best: the most letters outside character classes,
// hint markers left out; "" if there is none.
std::string BestRun(const std::vector<std::string>& runs);

// "(?:A|B|C)" with every branch holding a run: "(?:a|b|c)" of each branch's
// best run; "" when some branch has none (the group then selects nothing).
std::string BranchCores(const std::string& group) {
  // Strip "(?:" / "(?P<name>" / "(" and the closing ")".
  size_t open = 1;
  if (group.compare(0, 3, "(?:") == 0) open = 3;
  else if (group.compare(0, 4, "(?P<") == 0) open = group.find('>') + 1;
  if (open == std::string::npos + 1 || group.size() < open + 1) return "";
  const std::string inner = group.substr(open, group.size() - open - 1);
  std::vector<std::string> branches(1);
  int depth = 0;
  bool in_class = false;
  for (size_t k = 0; k < inner.size(); ++k) {
    const char ch = inner[k];
    if (ch == '\\' && k + 1 < inner.size()) {
      branches.back() += inner.substr(k, 2);
      ++k;
      continue;
    }
    if (in_class) {
      if (ch == ']') in_class = false;
    } else if (ch == '[') {
      in_class = true;
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')') {
      --depth;
    } else if (ch == '|' && depth == 0) {
      branches.emplace_back();
      continue;
    }
    branches.back() += ch;
  }
  if (branches.size() < 2) return "";
  std::string out;
  for (const auto& b : branches) {
    const std::string core = BestRun(RequiredRuns(b));
    if (core.empty()) return "";  // no selective literal in this branch
    out += (out.empty() ? "" : "|") + core;
  }
  return "(?:" + out + ")";
}

std::vector<std::string> RequiredRuns(const std::string& sk) {
  std::vector<std::string> runs(1);
  auto cut = [&] {
    if (!runs.back().empty()) runs.emplace_back();
  };
  size_t i = 0;
  while (i < sk.size()) {
    std::string item;
    bool breaks = false;
    if (sk.compare(i, 2, ".*") == 0) {
      i += 2;
      if (i < sk.size() && sk[i] == '?') ++i;
      cut();
      continue;
    }
    const char c = sk[i];
    if (c == '|') {
      const std::string alt = BranchCores("(?:" + sk + ")");
      if (alt.empty()) return {};
      return {alt};
    }
    if (c == '^' || c == '$') {
      ++i;
      cut();
      continue;
    }
    if (c == '\\' && i + 1 < sk.size()) {
      item = sk.substr(i, 2);
      i += 2;
    } else if (c == '(' || c == '[') {
      const char open = c;
      int depth = 0;
      bool in_class = open == '[';
      size_t j = i;
      for (; j < sk.size(); ++j) {
        if (sk[j] == '\\') {
          ++j;
          continue;
        }
        if (open == '[') {
          if (sk[j] == ']' && j > i + 1) break;
          continue;
        }
        // Parentheses inside a character class ("[ \"(]") are literal.
        if (in_class) {
          if (sk[j] == ']') in_class = false;
          continue;
        }
        if (sk[j] == '[') {
          in_class = true;
          if (j + 1 < sk.size() && sk[j + 1] == ']') ++j;  // "[]...]"
          continue;
        }
        if (sk[j] == '(') ++depth;
        if (sk[j] == ')' && --depth == 0) break;
      }
      item = sk.substr(i, j + 1 - i);
      i = j + 1;
      const bool optional =
          i < sk.size() && (sk[i] == '?' || sk[i] == '*' || (sk[i] == '{' && sk.compare(i, 3, "{0,") == 0));
      // "(?:, who|, [^,;]{1,160},)": a group that repeats a class or a group
      // inside is no literal run either; kept whole in the rule set, every
      // sentence would drive its DFA through the repetition's states (seven
      // times slower). Its branches' cores may still be one.
      bool repeats = false;
      if (open == '(')
        for (size_t k = 1; k + 1 < item.size(); ++k)
          if ((item[k] == ']' || item[k] == ')') && item[k - 1] != '\\' &&
              (item[k + 1] == '{' || item[k + 1] == '+' || item[k + 1] == '*'))
            repeats = true;
      if (open == '(' && (item.find(".*") != std::string::npos || repeats)) {
        // A required group whose every branch holds a literal word ("(?:X
        // founded|to found)"): the alternation of the branches' cores.
        // Each branch's run stands for a piece of its branch only, so the
        // alternation is a run of its own, not joined to its neighbours.
        std::string alt = optional ? "" : BranchCores(item);
        breaks = true;
        if (!alt.empty()) {
          cut();
          runs.back() = std::move(alt);
        } else if (repeats && !optional) {
          // One branch ("(?P<role>(?:[A-Z][a-z]+ ){1,2}(?:Minister|Secretary))"):
          // the runs inside it.
          const size_t at = item.compare(0, 3, "(?:") == 0 ? 3
                            : item.compare(0, 4, "(?P<") == 0 ? item.find('>') + 1
                                                               : 1;
          if (at != std::string::npos + 1 && item.size() > at + 1)
            for (auto& r : RequiredRuns(item.substr(at, item.size() - at - 1))) {
              cut();
              runs.back() = std::move(r);
            }
        }
      }
      // "(?:[,.;]|$)" matches at the end of any sentence: it selects nothing
      // and must not spoil the run before it.
      if (open == '(' && item.find('$') != std::string::npos) breaks = true;

    } else {
      item = std::string(1, c);
      ++i;
    }
    // A "{" with no "}" after it is a literal to RE2, not a repetition; taken
    // for one, find() gave npos and the scan restarted at 0, forever
    // (fuzz_rules, tests/testdata/fuzz-regressions/rules/).
    const bool repetition = i < sk.size() && sk[i] == '{' && sk.find('}', i) != std::string::npos;
    if (i < sk.size() && (sk[i] == '?' || sk[i] == '*' || sk[i] == '+' || repetition)) {
      // A quantified piece: skip the quantifier and cut the run.
      if (sk[i] == '{') i = sk.find('}', i) + 1;
      else ++i;
      if (i < sk.size() && sk[i] == '?') ++i;
      breaks = true;
    }
    if (breaks) {
      cut();
      continue;
    }
    runs.back() += item;
  }
  std::vector<std::string> out;
  for (auto& r : runs)
    if (RunLetters(r) >= 2) out.push_back(std::move(r));
  // No literal word to key on (a rule of shape only, "NAME, ROLE of ORG"):
  // the rule runs on every sentence.
  return out;
}

std::string BestRun(const std::vector<std::string>& runs) {
  const std::string* best = nullptr;
  for (const auto& r : runs)
    if (!IsHintMarker(r) && (!best || RunLetters(r) > RunLetters(*best))) best = &r;
  return best ? *best : "";
}

}  // namespace

const std::set<std::string>& PatternLibrary::KnownSlots() {
  static const std::set<std::string> kSlots = {"person", "other", "role",  "org",
                                               "date",   "role2", "org2",  "date2",
                                               "person2"};
  return kSlots;
}

const std::set<std::string>& PatternLibrary::List(const std::string& name) const {
  static const std::set<std::string> kEmpty;
  auto it = lists_.find(name);
  return it == lists_.end() ? kEmpty : it->second;
}

const std::map<std::string, std::string>& PatternLibrary::Table(const std::string& name) const {
  static const std::map<std::string, std::string> kEmpty;
  auto it = tables_.find(name);
  return it == tables_.end() ? kEmpty : it->second;
}

const std::string& PatternLibrary::Macro(const std::string& name) const {
  static const std::string kEmpty;
  auto it = macros_.find(name);
  return it == macros_.end() ? kEmpty : it->second;
}

std::unique_ptr<PatternLibrary> PatternLibrary::Load(const std::string& dir) {
  auto lib = std::make_unique<PatternLibrary>();
  lib->dir_ = dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw PatternError(dir + ":0: not a pattern directory");
  const std::string macros_path = (fs::path(dir) / "macros.def").string();
  if (!fs::exists(macros_path, ec)) throw PatternError(macros_path + ":0: missing macros.def");

  // macros.def: word lists and macro definitions.
  std::map<std::string, RawMacro> raw;
  std::map<std::string, RawMacro> hints;  // hint NAME REGEX: NAME in the prefilter
  const auto mlines = ReadLines(macros_path);
  for (size_t i = 0; i < mlines.size(); ++i) {
    const std::string line = Trim(mlines[i]);
    const size_t ln = i + 1;
    if (line.empty() || line[0] == '#') continue;
    auto [directive, rest] = Head(line);
    auto [name, arg] = Head(rest);
    if (name.empty() || arg.empty()) Fail(macros_path, ln, "expected '" + directive + " NAME ...'");
    if (directive == "hint") {
      if (hints.count(name)) Fail(macros_path, ln, "hint for {" + name + "} given twice");
      hints[name] = {arg, macros_path, ln};
      continue;
    }
    if (raw.count(name)) Fail(macros_path, ln, "macro {" + name + "} defined twice");
    if (directive == "define") {
      raw[name] = {arg, macros_path, ln};
    } else if (directive == "list" || directive == "list-cased") {
      const bool cased = directive == "list-cased";
      const std::string path = (fs::path(dir) / arg).string();
      if (!fs::exists(path, ec)) Fail(macros_path, ln, "word list '" + arg + "' not found");
      const auto entries = ReadLines(path);
      std::vector<std::string> words;
      const bool tsv = fs::path(path).extension() == ".tsv";
      for (size_t k = 0; k < entries.size(); ++k) {
        std::string e = entries[k];
        if (size_t h = e.find('#'); h != std::string::npos) e = e.substr(0, h);
        std::string value;
        if (tsv) {
          size_t tab = e.find('\t');
          if (tab == std::string::npos && !Trim(e).empty())
            Fail(path, k + 1, "expected 'entry<TAB>value'");
          if (tab != std::string::npos) {
            value = Trim(e.substr(tab + 1));
            e = e.substr(0, tab);
          }
        }
        e = Trim(e);
        if (e.empty()) continue;
        words.push_back(e);
        lib->lists_[name].insert(cased ? e : Lower(e));
        if (tsv) lib->tables_[name][cased ? e : Lower(e)] = value;
      }
      if (words.empty()) Fail(path, 1, "word list is empty");
      raw[name] = {Alternation(words, cased), macros_path, ln, true};
    } else {
      Fail(macros_path, ln, "unknown directive '" + directive + "'");
    }
  }
  for (const auto& [name, h] : hints)
    if (!raw.count(name)) Fail(h.file, h.line, "hint for unknown macro {" + name + "}");
  Expander expander(raw, hints);
  // Each distinct hint is compiled once; hints with the same body share it.
  std::map<std::string, size_t> hint_index;  // macro name -> lib->hints_
  {
    std::map<std::string, size_t> by_body;
    for (const auto& [name, h] : hints) {
      const std::string body = expander.Expand(h.body, h.file, h.line, false, nullptr);
      auto [it, fresh] = by_body.emplace(body, lib->hints_.size());
      if (fresh) {
        if (lib->hints_.size() == 64) Fail(h.file, h.line, "more than 64 distinct hints");
        auto re = std::make_unique<RE2>(body, RuleOptions(kRuleMemory));
        if (!re->ok()) Fail(h.file, h.line, "hint for {" + name + "}: " + re->error());
        lib->hints_.push_back(std::move(re));
      }
      hint_index[name] = it->second;
    }
  }
  std::vector<const std::pair<const std::string, RawMacro>*> macro_list;
  for (const auto& entry : raw) {
    expander.Macro(entry.first, entry.second.file, entry.second.line);
    macro_list.push_back(&entry);
  }
  {
    // Every macro parses on its own, the macros it uses read as placeholders
    // (a bad one is named even if no rule uses it).
    for (const auto* entry : macro_list) {
      const auto& [name, m] = *entry;
      if (m.quoted) continue;
      RE2 check(expander.Expand(m.body, m.file, m.line, false, nullptr, false, true),
                RuleOptions(kRuleMemory));
      if (!check.ok()) Fail(m.file, m.line, "macro {" + name + "}: " + check.error());
    }
  }
  lib->macros_ = expander.done();

  // rules/*.rules, in file-name order.
  std::vector<std::string> files;
  const fs::path rules_dir = fs::path(dir) / "rules";
  if (fs::is_directory(rules_dir, ec))
    for (const auto& e : fs::directory_iterator(rules_dir))
      if (e.path().extension() == ".rules") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw PatternError(rules_dir.string() + ":0: no .rules files");

  std::set<std::string> ids;
  for (const auto& file : files) {
    const auto lines = ReadLines(file);
    Rule* rule = nullptr;
    std::optional<std::string> anchor;
    std::set<std::string> slots;
    auto finish = [&](size_t ln) {
      if (!rule) return;
      if (rule->type.empty()) Fail(rule->file, rule->line, "rule '" + rule->id + "' has no type");
      if (rule->source.empty())
        Fail(rule->file, rule->line, "rule '" + rule->id + "' has no pattern");
      if (!rule->examples.empty() && rule->examples.back().positive &&
          rule->examples.back().expected.empty())
        Fail(file, ln, "positive example without '=' lines (unterminated example)");
      if (rule->emits.empty()) {
        EmitSpec e{rule->type, "person", slots.count("role") ? "role" : "", false,
                   slots.count("org") ? "org" : "", slots.count("date") ? "date" : ""};
        rule->emits.push_back(e);
      }
      for (const auto& e : rule->emits)
        for (const std::string* s : {&e.person, &e.org, &e.date, e.role_literal ? nullptr : &e.role})
          // "date" and "person" may be left to the resolver, which finds the
          // clause's date and the sentence's subject.
          if (s && !s->empty() && !slots.count(*s) && !(s == &e.date && *s == "date") &&
              !(s == &e.person && *s == "person"))
            Fail(rule->file, rule->line,
                 "rule '" + rule->id + "' emits slot '" + *s + "' that its pattern does not capture");
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      const size_t ln = i + 1;
      const std::string line = Trim(lines[i]);
      if (line.empty() || line[0] == '#') continue;
      auto [directive, rest] = Head(line);
      if (directive == "rule") {
        finish(ln);
        if (rest.empty() || rest.find_first_of(" \t") != std::string::npos)
          Fail(file, ln, "expected 'rule ID'");
        if (!ids.insert(rest).second) Fail(file, ln, "duplicate rule id '" + rest + "'");
        lib->rules_.push_back(Rule{});
        rule = &lib->rules_.back();
        rule->id = rest;
        rule->file = file;
        rule->line = ln;
        slots.clear();
        continue;
      }
      if (directive == "anchor") {
        if (rest.size() != 10) Fail(file, ln, "expected 'anchor YYYY-MM-DD'");
        anchor = rest;
        continue;
      }
      if (!rule) Fail(file, ln, "'" + directive + "' before any 'rule'");
      if (directive == "type") {
        if (rest != "start" && rest != "end" && rest != "hold")
          Fail(file, ln, "type must be start, end or hold");
        rule->type = rest;
      } else if (directive == "pattern") {
        if (!rule->source.empty()) Fail(file, ln, "a rule has one pattern");
        rule->source = rest;
        std::string expanded = expander.Expand(rest, file, ln, true, &slots);
        RE2 check(expander.Expand(rest, file, ln, true, nullptr, false, true), RuleOptions(kRuleMemory));
        if (!check.ok()) Fail(file, ln, "bad pattern: " + check.error());
        rule->regex = std::make_unique<RuleRegex>(
            std::move(expanded), kRuleMemory, file + ":" + std::to_string(ln) + ": rule '" + rule->id + "'");
        for (std::string& run : RequiredRuns(expander.Expand(rest, file, ln, true, nullptr, true))) {
          if (IsHintMarker(run)) rule->hints.push_back(hint_index.at(run.substr(1, run.size() - 2)));
          else rule->atoms.push_back(std::move(run));
        }
        std::sort(rule->hints.begin(), rule->hints.end());
        rule->hints.erase(std::unique(rule->hints.begin(), rule->hints.end()), rule->hints.end());
        rule->pattern_line = ln;
      } else if (directive == "emit") {
        // Fields split at spaces; a quoted literal may hold spaces ("board member").
        std::vector<std::string> f;
        for (size_t i = 0; i < rest.size();) {
          if (rest[i] == ' ' || rest[i] == '\t') {
            ++i;
            continue;
          }
          size_t j = i;
          if (rest[i] == '"') {
            j = rest.find('"', i + 1);
            if (j == std::string::npos) Fail(file, ln, "unterminated quoted literal in 'emit'");
            ++j;
          } else {
            while (j < rest.size() && rest[j] != ' ' && rest[j] != '\t') ++j;
          }
          f.push_back(rest.substr(i, j - i));
          i = j;
        }
        if (f.size() < 4 || f.size() > 5 || (f[0] != "start" && f[0] != "end" && f[0] != "hold"))
          Fail(file, ln, "expected 'emit TYPE PERSON ROLE ORG [DATE]' (ORG and DATE: a slot, - or none)");
        auto ref = [](const std::string& t) { return t == "-" ? std::string() : t; };
        EmitSpec e{f[0], ref(f[1]), ref(f[2]), false, ref(f[3]), f.size() > 4 ? ref(f[4]) : ""};
        if (e.org == "none") {
          e.org.clear();
          e.org_none = true;
        }
        if (e.date == "none") {
          e.date.clear();
          e.date_none = true;
        }
        if (e.role.size() >= 2 && e.role.front() == '"' && e.role.back() == '"') {
          e.role = e.role.substr(1, e.role.size() - 2);
          std::replace(e.role.begin(), e.role.end(), '_', ' ');
          e.role_literal = true;
        }
        if (e.person.empty()) Fail(file, ln, "an emitted event needs a person slot");
        rule->emits.push_back(e);
      } else if (directive == "+" || directive == "-") {
        if (!rule->examples.empty() && rule->examples.back().positive &&
            rule->examples.back().expected.empty())
          Fail(file, ln - 1, "positive example without '=' lines (unterminated example)");
        if (rest.empty()) Fail(file, ln, "empty example");
        rule->examples.push_back({directive == "+", rest, anchor, {}, file, ln});
      } else if (directive == "=") {
        if (rule->examples.empty() || !rule->examples.back().positive)
          Fail(file, ln, "'=' must follow a positive example ('+')");
        std::vector<std::string> f;
        std::stringstream ss(rest);
        for (std::string t; std::getline(ss, t, '|');) f.push_back(Trim(t));
        if (f.size() < 4 || f.size() > 5 || (f[0] != "start" && f[0] != "end" && f[0] != "hold"))
          Fail(file, ln, "expected '= TYPE | PERSON | ROLE | ORG [| DATE]'");
        ExpectedEvent ev{f[0], f[1], NullableField(f[2]), NullableField(f[3]),
                         f.size() > 4 ? NullableField(f[4]) : std::nullopt, f.size() > 4};
        rule->examples.back().expected.push_back(ev);
      } else {
        Fail(file, ln, "unknown directive '" + directive + "'");
      }
    }
    finish(lines.size());
  }

  // The set holds each distinct atom once; a rule is a candidate where all
  // of its atoms are found. No atom holds ".*", so the set's DFA stays near
  // the size of its literals however many rules share them.
  RE2::Options set_options = RuleOptions(kSetMemory);
  lib->prefilter_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  std::map<std::string, int> atom_index;
  for (auto& r : lib->rules_) {
    for (const std::string& atom : r.atoms) {
      auto [it, fresh] = atom_index.emplace(atom, static_cast<int>(atom_index.size()));
      if (fresh) {
        if (atom_index.size() > kMaxAtoms)
          Fail(r.file, r.pattern_line, "more than " + std::to_string(kMaxAtoms) + " distinct rule-set atoms");
        std::string error;
        if (lib->prefilter_->Add(atom, &error) != it->second)
          Fail(r.file, r.pattern_line, "rule '" + r.id + "': " + error);
      }
      r.atom_ids.push_back(it->second);
    }
    std::sort(r.atom_ids.begin(), r.atom_ids.end());
    r.atom_ids.erase(std::unique(r.atom_ids.begin(), r.atom_ids.end()), r.atom_ids.end());
  }
  lib->atom_count_ = atom_index.size();
  if (lib->atom_count_ > 0 && !lib->prefilter_->Compile())
    throw PatternError(dir + ":0: the rule set does not fit RE2's memory budget");
  return lib;
}

bool PatternLibrary::Candidates(re2::StringPiece sentence, std::vector<int>* hits,
                                RE2::Set::ErrorInfo* error) const {
  hits->clear();
  std::bitset<kMaxAtoms> found;
  if (atom_count_ > 0) {
    if (!prefilter_->Match(sentence, hits, error) && error && error->kind != RE2::Set::kNoError) return false;
    for (int a : *hits) found.set(static_cast<size_t>(a));
    hits->clear();
  }
  // Each hint is tried at most once per sentence (Load allows at most 64,
  // so two bit masks keep the hot path free of allocation).
  uint64_t tried = 0, present = 0;
  auto has = [&](size_t h) {
    const uint64_t bit = uint64_t{1} << h;
    if (!(tried & bit)) {
      tried |= bit;
      if (RE2::PartialMatch(sentence, *hints_[h])) present |= bit;
    }
    return (present & bit) != 0;
  };
  for (size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    bool ok = true;
    for (int a : rule.atom_ids)
      if (!found.test(static_cast<size_t>(a))) {
        ok = false;
        break;
      }
    for (size_t i = 0; ok && i < rule.hints.size(); ++i) ok = has(rule.hints[i]);
    if (ok) hits->push_back(static_cast<int>(r));
  }
  return !hits->empty();
}

void RuleRegex::Compile() const {
  re_ = std::make_unique<RE2>(pattern_, RuleOptions(max_mem_));
  if (!re_->ok()) {
    error_ = where_ + ": RE2 cannot compile it: " + re_->error();
  } else {
    group_slots_.assign(static_cast<size_t>(re_->NumberOfCapturingGroups()) + 1, "");
    for (const auto& [name, idx] : re_->NamedCapturingGroups()) group_slots_[static_cast<size_t>(idx)] = name;
  }
  compiled_.store(true, std::memory_order_release);
}

const RE2& RuleRegex::Get() const {
  std::call_once(once_, [this] { Compile(); });
  if (!error_.empty()) throw PatternError(error_);
  return *re_;
}

const std::vector<std::string>& RuleRegex::GroupSlots() const {
  Get();
  return group_slots_;
}

void PatternLibrary::CompileSome(const std::vector<size_t>& rules) const {
  std::vector<size_t> todo;
  for (size_t r : rules)
    if (!rules_[r].regex->Compiled()) todo.push_back(r);
  if (todo.size() < 2) return;
  ParallelFor(todo.size(), [&](size_t i) {
    try {
      rules_[todo[i]].regex->Get();
    } catch (const PatternError&) {
      // reported where the rule is used
    }
  });
}

void PatternLibrary::CompileAll() const {
  ParallelFor(rules_.size(), [&](size_t i) {
    try {
      rules_[i].regex->Get();
    } catch (const PatternError&) {
      // reported below, in rule order
    }
  });
  for (const auto& r : rules_) r.regex->Get();
}

}  // namespace newsroles
