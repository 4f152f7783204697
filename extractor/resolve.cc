#include "resolve.h"

#include <algorithm>
#include <set>

namespace newsroles {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    const size_t b = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) out.emplace_back(s, b, i - b);
  }
  return out;
}

std::string Text(const std::string& text, Span s) { return text.substr(s.begin, s.end - s.begin); }

std::unique_ptr<RE2> CompileMacro(const PatternLibrary& lib, const std::string& name) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(16 << 20);
  auto re = std::make_unique<RE2>(lib.Macro(name), o);
  if (lib.Macro(name).empty() || !re->ok())
    throw PatternError(lib.dir() + "/macros.def:0: missing or bad macro {" + name + "}");
  return re;
}

// How precise an ISO date string is; unknown years rank below known ones.
int Precision(const std::optional<std::string>& d) {
  if (!d) return 0;
  int p = static_cast<int>(d->size());
  if (d->rfind("XXXX", 0) == 0) p -= 5;
  return p;
}

// Which statement of one change dates it best: a date the text ties to the
// change, the more precise the better; the day it was announced only when no
// statement gives one.
int DateRank(const Event& e) {
  if (!e.date) return 0;
  return e.date_reported ? 1 : 2 + Precision(e.date);
}

// Does `needle` occur in `hay` as a run of whole words?
bool ContainsWords(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  size_t j = 0;
  for (size_t i = 0; i < hay.size() && j < needle.size(); ++i)
    if (Lower(hay[i]) == Lower(needle[j])) ++j;
  return j == needle.size();
}

// "Acme's", "Rovers'": a word that ends in a possessive.
bool Possessive(const std::string& w) {
  return w.size() > 2 && (w.back() == '\'' || w.compare(w.size() - 2, 2, "'s") == 0);
}

// "the alliance", "the insurer": a lower-case reference to an organization.
bool IsLowerReference(const std::string& raw) {
  // (Sentence-initial too: "The fund's chief executive".)
  if ((raw.rfind("the ", 0) != 0 && raw.rfind("The ", 0) != 0) || raw.size() < 5) return false;
  for (size_t i = 4; i < raw.size(); ++i)
    if (std::isupper(static_cast<unsigned char>(raw[i]))) return false;
  return raw.find(' ', 4) == std::string::npos ||
         raw.compare(raw.size() - 2, 2, "'s") == 0;
}

}  // namespace

Resolver::Resolver(const PatternLibrary& lib, const MentionFinder& finder,
                   const DateNormalizer& dates)
    : lib_(lib),
      finder_(finder),
      dates_(dates),
      future_(CompileMacro(lib, "FUTURE_CUE")),
      clause_break_(CompileMacro(lib, "CLAUSE_BREAK")),
      hedge_(CompileMacro(lib, "HEDGE")),
      effective_(CompileMacro(lib, "EFFECTIVE_NOTE")),
      report_(CompileMacro(lib, "REPORT_CUE")),
      speaker_(lib.Macro("ORG_SPEAKS").empty() ? nullptr : CompileMacro(lib, "ORG_SPEAKS")),
      board_ref_(lib.Macro("BOARD_REF").empty() ? nullptr : CompileMacro(lib, "BOARD_REF")),
      past_(lib.Macro("PAST_CUE").empty() ? nullptr : CompileMacro(lib, "PAST_CUE")),
      board_tail_(lib.Macro("ROLE_BOARD_TAIL").empty() ? nullptr : CompileMacro(lib, "ROLE_BOARD_TAIL")),
      hedge_cancel_(lib.Macro("HEDGE_CANCEL").empty() ? nullptr : CompileMacro(lib, "HEDGE_CANCEL")),
      since_event_(lib.Macro("SINCE_EVENT").empty() ? nullptr : CompileMacro(lib, "SINCE_EVENT")),
      start_clause_(lib.Macro("START_CLAUSE").empty() ? nullptr : CompileMacro(lib, "START_CLAUSE")),
      same_date_(lib.Macro("SAME_DATE").empty() ? nullptr : CompileMacro(lib, "SAME_DATE")) {
  for (std::string sfx : lib.List("LEGAL_SUFFIX")) {
    sfx = Lower(sfx);
    if (!sfx.empty() && sfx.back() == '.') sfx.pop_back();
    legal_suffixes_.insert(sfx);
  }
}

bool Resolver::IsLegalSuffix(std::string word) const {
  word = Lower(word);
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.pop_back();
  return !word.empty() && legal_suffixes_.count(word) > 0;
}

std::string Resolver::CleanRole(std::string role) const {
  // "executive president (presidente ejecutivo)": a gloss in parentheses
  // is not part of the title.
  for (size_t open; (open = role.find(" (")) != std::string::npos;) {
    const size_t close = role.find(')', open);
    if (close == std::string::npos) break;
    role.erase(open, close + 1 - open);
  }
  const auto& drop = lib_.List("ROLE_DROP");
  std::vector<std::string> w = Words(role);
  // "successor as editor": a relation to the holder of a title, no title.
  const auto& relations = lib_.List("ROLE_RELATION");
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if (relations.count(Lower(w[i])) && Lower(w[i + 1]) == "as") return "";
  size_t b = 0;
  auto ordinal = [](const std::string& x) {
    size_t d = 0;
    while (d < x.size() && std::isdigit(static_cast<unsigned char>(x[d]))) ++d;
    const std::string rest = x.substr(d);
    return d > 0 && (rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
  };
  // "men's basketball coach": a modifier in the possessive is the title's.
  const auto& mods = lib_.List("ROLE_MOD");
  auto owner = [&](const std::string& x) { return Possessive(x) && !mods.count(Lower(x)); };
  // A word that opens a listed title stays ("permanent secretary").
  const auto& titles = lib_.List("ROLE_TITLE");
  auto opens_title = [&](size_t from) {
    std::string rest = from < w.size() ? Lower(w[from]) : "";
    for (size_t i = from + 1; i < w.size() && i < from + 4; ++i) {
      rest += " " + Lower(w[i]);
      if (titles.count(rest)) return true;
    }
    return false;
  };
  while (b < w.size() && !opens_title(b) &&
         (drop.count(Lower(w[b])) || ordinal(w[b]) ||
          (w[b].size() > 2 && w[b].compare(w[b].size() - 2, 2, "'s") == 0 && owner(w[b]))))
    ++b;
  // "the central bank's senior deputy governor": the owner is not the title.
  for (size_t i = b; i + 1 < w.size(); ++i) {
    const std::string& x = w[i];
    if (owner(x)) b = i + 1;
    else if (Possessive(x)) b = i;  // "University men's basketball coach": from the modifier on
  }
  // "a former Norwegian deputy foreign minister": the nationality is no part of the title.
  const auto& nationalities = lib_.List("NATIONALITY");
  while (b < w.size() && (drop.count(Lower(w[b])) || nationalities.count(Lower(w[b]))))
    ++b;
  // "ex-CEO": the title is CEO (the event is an end; see Candidates).
  if (b < w.size() && w[b].size() > 3 && Lower(w[b].substr(0, 3)) == "ex-") w[b].erase(0, 3);
  // "as assistant governors" (two people named at once): each holds one.
  if (b < w.size()) {
    std::string& last = w.back();
    std::string bare = last;
    while (!bare.empty() && (bare.back() == ',' || bare.back() == '.')) bare.pop_back();
    const auto& role_words = lib_.List("ROLE_WORD");
    if (bare.size() > 3 && bare.back() == 's' && !role_words.count(Lower(bare))) {
      std::string one = bare.substr(0, bare.size() - 1);
      const size_t dash = one.rfind('-');
      const std::string head = Lower(dash == std::string::npos ? one : one.substr(dash + 1));
      if (role_words.count(head) || lib_.List("ROLE_TITLE").count(Lower(one))) last = one;
    }
  }
  std::string out;
  for (size_t i = b; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
  while (!out.empty() && (out.back() == ',' || out.back() == '.')) out.pop_back();
  // "Chair of the Board": the chair of the company the board governs.
  re2::StringPiece tail;
  if (board_tail_ && board_tail_->Match(out, 0, out.size(), RE2::UNANCHORED, &tail, 1) &&
      tail.size() < out.size()) {
    out.resize(out.size() - tail.size());
    if (Lower(out) == "member") out = "board member";
  }
  return out;
}

std::vector<std::string> Resolver::SplitRoles(const std::string& role) const {
  const auto& words = lib_.List("ROLE_WORD");
  // Split at ", ", " and ", " & " where every part names a title.
  std::vector<std::string> parts;
  std::string cur;
  std::vector<std::string> w = Words(role);
  for (size_t i = 0; i < w.size(); ++i) {
    std::string t = w[i];
    bool comma = !t.empty() && t.back() == ',';
    if (comma) t.pop_back();
    if (t == "and" || t == "&") {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      continue;
    }
    cur += (cur.empty() ? "" : " ") + t;
    if (comma) {
      parts.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  auto titled = [&](const std::string& p) {
    for (const auto& x : Words(p))
      if (words.count(Lower(x))) return true;
    return false;
  };
  bool all = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), titled);
  std::vector<std::string> out;
  if (!all) {
    std::string r = CleanRole(role);
    if (!r.empty()) out.push_back(r);
    return out;
  }
  for (auto& p : parts) {
    std::string r = CleanRole(p);
    if (!r.empty()) out.push_back(r);
  }
  return out;
}

// The one full name in the document that `name` abbreviates, or `name` itself
// when none does; nothing when two different people fit.
std::optional<std::string> Resolver::FullName(const ResolveInput& in, const std::string& name) const {
  auto memo = in.full_names.find(name);
  if (memo != in.full_names.end()) return memo->second;
  auto full = FullNameOnce(in, name);
  in.full_names.emplace(name, full);
  return full;
}

// A name in a headline that the body never repeats: title case runs words
// into it ("Brackenridge Stock Picker Keswick Quits"), so it names nobody.
bool HeadlineOnly(const ResolveInput& in, size_t sentence, const std::string& name) {
  if (sentence != 0 || in.sentences.size() < 2 || in.sentences[1].paragraph == in.sentences[0].paragraph)
    return false;
  const Span head = in.sentences[0].span;
  std::string last = Text(in.text, head);
  while (!last.empty() && std::isspace(static_cast<unsigned char>(last.back()))) last.pop_back();
  if (!last.empty() && (last.back() == '.' || last.back() == ':')) return false;  // a sentence, not a headline
  return in.text.find(name, head.end) == std::string::npos;
}

std::optional<std::string> Resolver::FullNameOnce(const ResolveInput& in,
                                                  const std::string& name) const {
  const std::vector<std::string> w = Words(name);
  std::set<std::string> fits;
  for (const auto& p : in.mentions.persons) {
    if (HeadlineOnly(in, p.sentence, p.name)) continue;
    std::vector<std::string> pw = Words(p.name);
    if (pw.size() <= w.size()) continue;
    if (ContainsWords(pw, w)) fits.insert(p.name);
  }
  // Drop candidates that are themselves contained in a longer candidate.
  std::set<std::string> maximal;
  for (const auto& a : fits) {
    bool inner = false;
    for (const auto& b : fits)
      if (a != b && ContainsWords(Words(b), Words(a))) inner = true;
    if (!inner) maximal.insert(a);
  }
  if (maximal.size() == 1) return *maximal.begin();
  if (maximal.size() > 1) {
    // "Park" in an obituary of Park Jae-won that names "his son, Park
    // Min-soo" further down: the person the story opens with, when every
    // other bearer of the name enters after its first two sentences. Two
    // bearers named up top ("Daniel Zhang ... Jeff Zhang") stay ambiguous.
    const PersonMention* lead = nullptr;
    for (const auto& p : in.mentions.persons) {
      if (p.sentence > 1) break;
      if (Words(p.name).size() >= 2 && !HeadlineOnly(in, p.sentence, p.name)) {
        lead = &p;
        break;
      }
    }
    if (!lead || !maximal.count(lead->name)) return std::nullopt;
    for (const auto& p : in.mentions.persons)
      if (p.name != lead->name && maximal.count(p.name) && p.sentence < 3) return std::nullopt;
    return lead->name;
  }
  if (w.size() == 1) {
    // A lone word that names nobody else in the document: only with a title.
    return std::nullopt;
  }
  return name;
}

// 'm' or 'f' where an honorific before any mention of the person says so
// ("Mr. Tanaka", "Ms. Iyer"); 0 when the document does not show it.
// A person's gender as the document shows it: an honorific (Mr., Ms.), else
// a given name the GIVEN_FEMALE or GIVEN_MALE list holds, else the pronouns
// in the sentences that name that person alone ("X said his ..."). 0 when
// nothing tells.
char Resolver::GenderOf(const ResolveInput& in, const std::string& full) const {
  if (auto it = in.genders.find(full); it != in.genders.end()) return it->second;
  char g = GenderOnce(in, full);
  in.genders.emplace(full, g);
  return g;
}

char Resolver::GenderOnce(const ResolveInput& in, const std::string& full) const {
  if (char g = GenderByHonorific(in, full)) return g;
  const std::vector<std::string> w = Words(Lower(full));
  if (!w.empty()) {
    if (lib_.List("GIVEN_FEMALE").count(w[0])) return 'f';
    if (lib_.List("GIVEN_MALE").count(w[0])) return 'm';
  }
  // Pronouns in sentences that name this person and no one else.
  int male = 0, female = 0;
  std::map<size_t, std::set<std::string>> named;  // sentence -> full names
  std::set<size_t> quoted;  // sentences that name someone inside a quotation
  for (const auto& p : in.mentions.persons) {
    if (auto f = FullName(in, p.name)) named[p.sentence].insert(*f);
    // '"Margaret and I disagreed," he said': the pronoun is the speaker's.
    const Span sent = in.sentences[p.sentence].span;
    const std::string before = Text(in.text, {sent.begin, std::max(sent.begin, p.span.begin)});
    if (std::count(before.begin(), before.end(), '"') % 2 == 1) quoted.insert(p.sentence);
  }
  for (const auto& [s, names] : named) {
    if (names.size() != 1 || *names.begin() != full || quoted.count(s)) continue;
    for (const auto& w : Words(Lower(Text(in.text, in.sentences[s].span)))) {
      std::string t = w;
      while (!t.empty() && !std::isalpha(static_cast<unsigned char>(t.back()))) t.pop_back();
      if (t == "he" || t == "his" || t == "him" || t == "himself") ++male;
      if (t == "she" || t == "her" || t == "hers" || t == "herself") ++female;
    }
  }
  if (male > female) return 'm';
  if (female > male) return 'f';
  return 0;
}

char Resolver::GenderByHonorific(const ResolveInput& in, const std::string& full) const {
  for (const auto& p : in.mentions.persons) {
    if (p.span.begin < 5) continue;
    const std::string before = Text(in.text, {p.span.begin - 5, p.span.begin});
    const bool male = before.find("Mr. ") != std::string::npos || before.find("Sir ") != std::string::npos;
    const bool female = before.find("Ms. ") != std::string::npos ||
                        before.find("Mrs. ") != std::string::npos || before.find("Dame ") != std::string::npos;
    if (!male && !female) continue;
    if (FullName(in, p.name) == full) return male ? 'm' : 'f';
  }
  return 0;
}

// The person a pronoun refers to: the subject of its clause (the first
// person named earlier in the sentence), else the subject of the nearest
// sentence before that names someone or opens with the same pronoun (then
// that pronoun's person); never one whose honorifics show the other gender.
// How many sentences back a pronoun may reach for its person: a profile
// says "she" for paragraphs after naming her once.
constexpr size_t kPronounReach = 8;

std::optional<std::string> Resolver::Antecedent(const ResolveInput& in, size_t pos,
                                                size_t sentence, const std::string& pronoun) const {
  const std::string p = Lower(pronoun);
  const char want = (p == "he" || p == "him" || p == "his") ? 'm'
                    : (p == "she" || p == "her")           ? 'f'
                                                          : 0;
  auto fits = [&](const PersonMention& m) -> std::optional<std::string> {
    auto full = FullName(in, m.name);
    if (!full || Words(*full).size() < 2) return std::nullopt;
    // "Hanseong Steel" is the start of "Hanseong Steel Co.", not a person.
    for (const auto& o : in.mentions.orgs)
      if (o.name.rfind(*full, 0) == 0) return std::nullopt;
    if (want) {
      const char g = GenderOf(in, *full);
      if (g && g != want) return std::nullopt;
    }
    return full;
  };
  for (const auto& m : in.mentions.persons)
    if (m.sentence == sentence && m.span.end <= pos)
      if (auto f = fits(m)) return f;
  for (size_t s = sentence; s-- > 0 && s + kPronounReach > sentence;) {
    // "He rose to vice president in 1979, succeeding Harlan Voss. ... He
    // retired in 1999": a sentence whose subject is the same pronoun is
    // about the same person, whoever else it names.
    if (want) {
      const Span sp = in.sentences[s].span;
      const std::string head = Lower(Text(in.text, {sp.begin, std::min(sp.end, sp.begin + 4)}));
      const std::string same = want == 'm' ? "he " : "she ";
      if (head.compare(0, same.size(), same) == 0) return Antecedent(in, sp.begin, s, same.substr(0, same.size() - 1));
    }
    for (const auto& m : in.mentions.persons)
      if (m.sentence == s)
        if (auto f = fits(m)) return f;
  }
  // Further back, only the person the story opens with (a profile or an
  // obituary says "she" for paragraphs after naming her in the lead).
  for (const auto& m : in.mentions.persons) {
    if (m.sentence > 2 || m.sentence >= sentence) break;
    if (auto f = fits(m)) return f;
    break;
  }
  return std::nullopt;
}

// True when one of a name's lower-case words is `noun` or the noun with an
// English ending ("the bank" in "Coral Bay Banking Corporation"; not "the
// club" in "Sporting Clube").
bool HoldsNoun(const std::vector<std::string>& words, const std::string& noun) {
  for (const auto& w : words) {
    if (w == noun) return true;
    if (noun.size() < 4 || w.size() <= noun.size() || w.compare(0, noun.size(), noun) != 0) continue;
    const std::string ending = w.substr(noun.size());
    if (ending == "ing" || ending == "s" || ending == "es" || ending == "ers") return true;
  }
  return false;
}

// The word after a space at `pos`, up to the next space, when it starts in
// lower case ("on Tuesday| named X" -> "named"); else empty.
std::string LowerWordAfter(const std::string& text, size_t pos) {
  if (pos + 1 >= text.size() || text[pos] != ' ' || !std::islower(static_cast<unsigned char>(text[pos + 1])))
    return "";
  const size_t sp = text.find(' ', pos + 1);
  return text.substr(pos + 1, (sp == std::string::npos ? text.size() : sp) - pos - 1);
}

// A name that is a generic body's ("The Supervisory Board", "the board of
// directors."), whatever its article, case and closing period.
bool IsGeneric(const std::set<std::string>& generic, const std::string& name) {
  std::string bare = Lower(name);
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ',')) bare.pop_back();
  if (bare.rfind("the ", 0) == 0) bare.erase(0, 4);
  return generic.count(bare) > 0;
}

// "X defeated incumbent Tom Hale", "beat Y": a name that is the object of a
// verb of defeat or replacement (OBJECT_VERB), up to two lower-case words
// after the verb.
bool ObjectOfVerb(const ResolveInput& in, Span name, const std::set<std::string>& verbs) {
  std::string lead = Lower(Text(in.text, {name.begin > 40 ? name.begin - 40 : 0, name.begin}));
  for (int k = 0; k < 3; ++k) {
    if (lead.size() < 2 || lead.back() != ' ') return false;
    const size_t sp = lead.rfind(' ', lead.size() - 2);
    const std::string w = lead.substr(sp == std::string::npos ? 0 : sp + 1,
                                      lead.size() - 1 - (sp == std::string::npos ? 0 : sp + 1));
    if (verbs.count(w)) return true;
    if (w.empty() || !std::all_of(w.begin(), w.end(), [](char c) {
          return std::islower(static_cast<unsigned char>(c)) || c == '-';
        }))
      return false;
    if (sp == std::string::npos) return false;
    lead.resize(sp + 1);
  }
  return false;
}

std::optional<std::string> Resolver::Subject(const ResolveInput& in, const RuleMatch& m) const {
  const Span sent = in.sentences[m.sentence].span;
  // "X retired in March, and in June Y, co-head of fixed income, left to
  // become ...": the subject of the clause the match is in, after the last
  // ", and", ", but" or ";" before it, if that clause names someone.
  size_t clause = sent.begin;
  {
    const std::string before = Text(in.text, {sent.begin, std::max(sent.begin, m.span.begin)});
    for (const char* joint : {", and ", ", but ", "; "}) {
      const size_t at = before.rfind(joint);
      if (at != std::string::npos) clause = std::max(clause, sent.begin + at + std::char_traits<char>::length(joint));
    }
  }
  // The first person named in the sentence from `from` up to the match.
  auto first_from = [&](size_t from) -> std::optional<std::string> {
    for (const auto& p : in.mentions.persons) {
      if (p.sentence != m.sentence || p.span.begin >= m.span.begin || p.span.begin < from) continue;
      if (auto full = FullName(in, p.name)) return full;
    }
    return std::nullopt;
  };
  // "... since Daniel Whitcombe stepped down as provost last year to become
  // president of Oakhurst College": a purpose clause belongs to the person
  // named last before it.
  if (in.text.compare(m.span.begin, 3, "to ") == 0) {
    std::optional<std::string> last;
    for (const auto& p : in.mentions.persons) {
      if (p.sentence != m.sentence || p.span.begin >= m.span.begin || p.span.begin < clause) continue;
      // Not a name after a preposition ("head of Late-Stage Development",
      // "at Calloway Strand's London office"): an organization's, at best.
      const std::string before = Lower(Text(in.text, {p.span.begin > 6 ? p.span.begin - 6 : 0, p.span.begin}));
      bool after_preposition = false;
      for (const char* prep : {" of ", " at ", " for ", " with ", " from ", " to ", " in ", " and "})
        if (before.size() >= std::char_traits<char>::length(prep) &&
            before.compare(before.size() - std::char_traits<char>::length(prep), std::string::npos, prep) == 0)
          after_preposition = true;
      if (after_preposition) continue;
      // Nor the object of a verb ("X defeated incumbent Tom Hale to become
      // mayor": the purpose is X's).
      if (ObjectOfVerb(in, p.span, lib_.List("OBJECT_VERB"))) continue;
      if (auto full = FullName(in, p.name)) last = full;
    }
    if (last) return last;
  }
  if (clause > sent.begin)
    if (auto full = first_from(clause)) return full;
  if (auto full = first_from(sent.begin)) return full;
  // "He joined ...", "She founded ...", "The 44-year-old had replaced ...":
  // the subject refers back to the person the text was about.
  const std::string first = Text(in.text, {sent.begin, std::min(sent.end, sent.begin + 4)});
  const size_t sp = first.find(' ');
  if (sp != std::string::npos &&
      (finder_.IsPronoun(first.substr(0, sp)) || first.substr(0, sp) == "The"))
    return Antecedent(in, sent.begin, m.sentence, first.substr(0, sp));
  return std::nullopt;
}

std::optional<std::string> Resolver::ResolvePerson(const ResolveInput& in, Span span,
                                                   size_t sentence) const {
  std::string raw = Text(in.text, span);
  if (finder_.IsPronoun(raw)) return Antecedent(in, span.begin, sentence, raw);
  auto c = finder_.CleanPerson(raw, span);
  if (!c || in.mentions.not_persons.count(c->first)) return std::nullopt;
  // "Mr. Smith" with no full name elsewhere: the family name is all we have.
  auto full = FullName(in, c->first);
  if (!full && Words(c->first).size() == 1 && c->second.begin > span.begin) return c->first;
  return full;
}

// The fullest name of an organization: a longer name in the document that
// begins with the same words and ends like a company's formal name ("Rijnland"
// -> "Rijnland Bank N.V."), or a defined acronym's expansion that ends with it.
std::string Resolver::Fullest(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                              const std::string& name) const {
  // `orgs` is the same list for every call on one document (Candidates').
  auto memo = in.fullest_orgs.find(name);
  if (memo != in.fullest_orgs.end()) return memo->second;
  std::string full = FullestOnce(in, orgs, name);
  in.fullest_orgs.emplace(name, full);
  return full;
}

// A name's words for comparing names: lower case, without the commas that
// punctuate a legal suffix ("Co., Ltd." against "Co.").
static std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> w = Words(Lower(name));
  for (auto& x : w)
    while (!x.empty() && x.back() == ',') x.pop_back();
  return w;
}

std::string Resolver::FullestOnce(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                  const std::string& name) const {
  const auto& ends = lib_.List("ORG_FORMAL_END");
  const auto& affiliates = lib_.List("ORG_AFFILIATE_END");
  const std::vector<std::string> w = NameWords(name);
  std::string best = name;
  size_t best_words = w.size();
  // "the BTRE's general counsel" in a story about the "Brotherhood of Transit
  // and Rail Employees": an acronym no parenthesis defined, which the
  // initials of the capitalized words of exactly one name spell.
  if (name.size() >= 2 && name.size() <= 6 &&
      std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::set<std::string> spelled;
    for (const auto& o : orgs) {
      std::string initials;
      for (const auto& x : Words(o.name))
        if (!x.empty() && std::isupper(static_cast<unsigned char>(x[0]))) initials += x[0];
      if (initials == name && o.name != name) spelled.insert(o.name);
    }
    if (spelled.size() == 1) return FullestOnce(in, orgs, *spelled.begin());
  }
  // "Northwind Health" is a formal name already: "Northwind Health
  // Foundation" is another organization, not its full form.
  // "Hartwell Brandt UK LLP" is the network's UK firm, not the full form of
  // "Hartwell Brandt": a place right after the shorter name, with nothing
  // but a legal suffix after it, makes another organization ("Wexford State
  // University" is Wexford's full name).
  const auto& places = lib_.List("PLACE");
  auto affiliate_of = [&](const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (longer.size() > shorter.size() && places.count(longer[shorter.size()]) &&
        std::all_of(longer.begin() + static_cast<long>(shorter.size()) + 1, longer.end(),
                    [&](const std::string& x) { return IsLegalSuffix(x); }))
      return true;
    return !shorter.empty() && ends.count(shorter.back()) && affiliates.count(longer.back());
  };
  // "Whitlow Museum" -> "Whitlow Museum of Art", "Sporting Clube" ->
  // "Sporting Clube de Alvorada": a cue word's "of" phrase.
  const auto& cues = lib_.List("ORG_CUE");
  auto of_phrase = [&](const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (shorter.size() < 2 || longer.size() <= shorter.size() || !cues.count(shorter.back())) return false;
    const std::string& link = longer[shorter.size()];
    return link == "of" || link == "for" || link == "de" || link == "da" || link == "do" || link == "del" || link == "di" ||
           link == "du" || link == "des" || link == "della";
  };
  // "Veloxis Systems Inc" read before "." by one rule, "Veloxis Systems Inc."
  // by another (or as the press release's issuer): one name, with its period.
  if (in.mentions.issuer && *in.mentions.issuer == name + ".") return *in.mentions.issuer;
  for (const auto& o : orgs)
    if (o.name.size() == name.size() + 1 && o.name.back() == '.' && o.name.compare(0, name.size(), name) == 0)
      return o.name;
  // A name a rule cut at an abbreviation's period ("Northwind St" of
  // "Northwind St. Anselm Medical Center"): the mention it begins.
  for (const auto& o : orgs)
    if (o.name.size() > name.size() + 2 && o.name.compare(0, name.size() + 2, name + ". ") == 0)
      return o.name;
  // The first such name the document gives ("Xinghe" is the group the story
  // opens with, not a subsidiary named later).
  // The longer name begins with the words of the shorter, the last of which
  // may be cut short in a headline ("Coral Bay Bank": "Coral Bay Banking
  // Corporation").
  auto extends = [](const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (longer.size() <= shorter.size() || shorter.empty()) return false;
    if (std::equal(shorter.begin(), shorter.end(), longer.begin())) return true;
    const std::string& cut = shorter.back();
    const std::string& full = longer[shorter.size() - 1];
    return shorter.size() >= 2 && cut.size() >= 4 && full.size() > cut.size() && full.compare(0, cut.size(), cut) == 0 &&
           std::equal(shorter.begin(), shorter.end() - 1, longer.begin());
  };
  for (const auto& o : orgs) {
    std::vector<std::string> ow = NameWords(o.name);
    if (!extends(w, ow)) continue;
    std::string last = ow.back();
    while (!last.empty() && (last.back() == '.' || last.back() == ',')) last.pop_back();
    if (!ends.count(last) && !ends.count(ow.back()) && !of_phrase(w, ow)) continue;
    if (affiliate_of(w, ow)) continue;
    best = o.name;
    best_words = ow.size();
    break;
  }
  // A headline's short form of the name the body gives in full ("Blue Heron
  // Health" then "Blue Heron Health System"): the name that extends it.
  for (bool grew = best_words > w.size(); grew;) {
    grew = false;
    const std::vector<std::string> bw = NameWords(best);
    for (const auto& o : orgs) {
      std::vector<std::string> ow = NameWords(o.name);
      if (!extends(bw, ow)) continue;
      std::string last = ow.back();
      while (!last.empty() && (last.back() == '.' || last.back() == ',')) last.pop_back();
      if ((!ends.count(last) && !ends.count(ow.back()) && !of_phrase(bw, ow)) || affiliate_of(bw, ow)) continue;
      best = o.name;
      best_words = ow.size();
      grew = true;
      break;
    }
  }
  if (best_words == w.size()) {
    // "Rovers" for "Northbridge Rovers", "Costa Blanca" for "Baloncesto Costa
    // Blanca": the one longer name that ends with it.
    std::set<std::string> fits;
    for (const auto& o : orgs) {
      std::vector<std::string> ow = NameWords(o.name);
      if (ow.size() > w.size() && std::equal(w.rbegin(), w.rend(), ow.rbegin())) fits.insert(o.name);
    }
    if (fits.size() == 1) return FullestOnce(in, orgs, *fits.begin());  // "Minera Altiplano" -> "... S.A."
    // "Castelverde" for "US Castelverde Calcio": the one longer name that
    // holds it with only a club's letters ("US", "FC", at least one) and
    // "Calcio" around it. (Cue words make other organizations: "Alibaba
    // Cloud", "Northwind Health Foundation".)
    std::set<std::string> around;
    for (const auto& o : orgs) {
      const std::vector<std::string> ow = NameWords(o.name);
      const std::vector<std::string> raw = Words(o.name);
      if (ow.size() <= w.size() || raw.size() != ow.size()) continue;
      for (size_t at = 0; at + w.size() <= ow.size(); ++at) {
        if (!std::equal(w.begin(), w.end(), ow.begin() + static_cast<long>(at))) continue;
        bool affixes = true, any_letters = false;
        for (size_t k = 0; k < ow.size() && affixes; ++k) {
          if (k >= at && k < at + w.size()) continue;
          const std::string& x = raw[k];
          // (Not a legal suffix, nor a place after the name: "Hartwell Brandt
          // UK LLP" is the network's UK firm; "US" before it is a club's.)
          const bool letters = x.size() >= 2 && x.size() <= 3 &&
                               std::all_of(x.begin(), x.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                               !IsLegalSuffix(x) && (k < at || !places.count(ow[k]));
          any_letters = any_letters || letters;
          affixes = letters || ow[k] == "calcio";
        }
        if (affixes && any_letters) around.insert(o.name);
        break;
      }
    }
    if (around.size() == 1) return *around.begin();
  }
  if (best_words == w.size()) {
    for (const auto& [abbr, full] : in.mentions.acronyms) {
      std::vector<std::string> fw = NameWords(full);
      if (fw.size() > w.size() && std::equal(w.rbegin(), w.rend(), fw.rbegin())) return full;
    }
  }
  return best;
}

// "Prime Minister Anna Berg", "Chairman Li Wei": a title, then up to three
// capitalized words that are no organization's cue word or legal suffix.
bool Resolver::TitledPerson(const std::string& name) const {
  const std::vector<std::string> w = Words(name);
  const auto& titles = lib_.List("ROLE_TITLE");
  const auto& cues = lib_.List("ORG_CUE");
  std::string head;
  for (size_t k = 1; k <= 3 && k < w.size(); ++k) {
    head += (k > 1 ? " " : "") + Lower(w[k - 1]);
    if (w.size() - k > 3 || !titles.count(head)) continue;
    bool person_like = true;
    for (size_t i = k; i < w.size() && person_like; ++i)
      person_like = std::isupper(static_cast<unsigned char>(w[i][0])) && !cues.count(Lower(w[i])) &&
                    !IsLegalSuffix(w[i]);
    if (person_like) return true;
  }
  return false;
}

// A single capitalized word such as "Incoming", "Club" or "Rival" at the start
// of a sentence is not an organization's name.
bool Resolver::PlausibleOrg(const std::string& name) const {
  if (name.empty() || lib_.List("PLACE").count(Lower(name)) || finder_.IsPronoun(name)) return false;
  // "Hong Kong-listed", "Mumbai-based": an adjective, not a name.
  for (const char* adj : {"-listed", "-based", "-owned", "-run", "-born", "-backed", "-controlled"}) {
    const size_t n = std::char_traits<char>::length(adj);
    if (name.size() > n && Lower(name.substr(name.size() - n)) == adj) return false;
  }
  if (name.find(' ') != std::string::npos) return !TitledPerson(name);
  const std::string l = Lower(name);
  // A cue word alone ("University President X") or a nationality ("Finnish",
  // "Finnish-Colombian conductor X") names no organization.
  for (const char* list : {"NOT_NAME", "ROLE_DROP", "ROLE_WORD", "ORG_GENERIC", "ROLE_MOD", "MONTH", "ORG_CUE"})
    if (lib_.List(list).count(l)) return false;
  const auto& nationalities = lib_.List("NATIONALITY");
  bool all_nationalities = true;
  for (size_t b = 0; b <= l.size() && all_nationalities;) {
    size_t e = l.find('-', b);
    if (e == std::string::npos) e = l.size();
    all_nationalities = nationalities.count(l.substr(b, e - b)) > 0;
    b = e + 1;
  }
  return !all_nationalities;
}

// A title held in government ("deputy finance minister", "Mayor"): its
// words hold an entry of the PUBLIC_OFFICE list.
bool Resolver::ToPlace(const std::string& role) const {
  const size_t to = role.rfind(" to ");
  if (to == std::string::npos) return false;
  std::string place = Lower(role.substr(to + 4));
  if (place.rfind("the ", 0) == 0) place.erase(0, 4);
  return lib_.List("PLACE").count(place) > 0;
}

bool Resolver::PublicOffice(const std::string& role) const {
  const auto& offices = lib_.List("PUBLIC_OFFICE");
  const std::vector<std::string> w = Words(Lower(role));
  for (size_t i = 0; i < w.size(); ++i) {
    std::string run;
    for (size_t j = i; j < w.size() && j < i + 4; ++j) {
      run += (run.empty() ? "" : " ") + w[j];
      if (offices.count(run)) return true;
    }
  }
  return false;
}

// The organization a document is about: the press-release issuer, else the
// organization it names most often (by fullest name), the earliest on a tie.
std::optional<std::string> Resolver::Focus(const ResolveInput& in,
                                           const std::vector<OrgMention>& orgs) const {
  if (in.mentions.issuer) return Fullest(in, orgs, *in.mentions.issuer);
  const auto& generic = lib_.List("ORG_GENERIC");
  // Each mention counts once; one in the headline or the lead counts three
  // times more: that is where a story names what it is about.
  std::map<std::string, std::pair<int, size_t>> counts;  // name -> (score, first position)
  // The same words found by several rules, or a name inside a longer one
  // ("Markets Authority" in "Commerce and Markets Authority"), count once.
  size_t counted_end = 0;
  bool any_counted = false;
  std::map<std::string, std::string> fullest;  // name -> Fullest(name)
  const auto& places = lib_.List("PLACE");
  // "Okonkwo-Hart's campaign": the family name of a person the document names
  // in full is that person, not the organization the story is about.
  std::set<std::string> family_names;
  for (const auto& p : in.mentions.persons) {
    const std::vector<std::string> w = Words(p.name);
    if (w.size() >= 2) family_names.insert(w.back());
  }
  for (size_t i = 0; i < orgs.size(); ++i) {
    // "Colombia's central bank": a country is no organization a story is about.
    if (IsGeneric(generic, orgs[i].name) || places.count(Lower(orgs[i].name))) continue;
    if (family_names.count(orgs[i].name)) continue;
    // A news outlet quoted as a source ("told the Herald", "according to
    // Reuters") is not what the story is about.
    {
      const size_t b = orgs[i].span.begin;
      std::string before = Lower(Text(in.text, {b > 30 ? b - 30 : 0, b}));
      bool source = false;
      for (const char* cue : {"told ", "told the ", "according to ", "according to the ",
                              "reported by ", "reported by the ", "interview with ",
                              "interview with the ", "quoted by ", "quoted by the "})
        if (before.size() >= std::char_traits<char>::length(cue) &&
            before.compare(before.size() - std::char_traits<char>::length(cue),
                           std::string::npos, cue) == 0)
          source = true;
      if (source) continue;
    }
    if (any_counted && orgs[i].span.begin < counted_end) continue;
    any_counted = true;
    counted_end = orgs[i].span.end;
    std::string name = orgs[i].name;
    if (auto a = in.mentions.acronyms.find(name); a != in.mentions.acronyms.end()) name = a->second;
    // Fullest scans every mention: ask once per name, not once per mention
    // (a 1 MB sentence naming one company 20,000 times took six minutes;
    // tests/fuzz_regressions_test.cc, HugeSingleSentenceIsLinear).
    auto known = fullest.find(name);
    if (known == fullest.end()) known = fullest.emplace(name, Fullest(in, orgs, name)).first;
    const std::string& full = known->second;
    // A headline in title case runs words into names ("Quits to Join Hedge
    // Fund Halden Peak"): it counts only if the body repeats it.
    if (full == orgs[i].name && HeadlineOnly(in, orgs[i].sentence, orgs[i].name)) continue;
    auto [it, fresh] = counts.try_emplace(full, 0, i);
    it->second.first += orgs[i].sentence < 2 ? 4 : 1;
  }
  // "The NRIA manages ...": a defined acronym used on its own names its
  // organization as often (the definition "(NRIA)" itself aside).
  for (const auto& [abbr, full] : in.mentions.acronyms) {
    auto it = counts.find(Fullest(in, orgs, full));
    if (it == counts.end()) continue;
    for (size_t at = in.text.find(abbr); at != std::string::npos; at = in.text.find(abbr, at + 1)) {
      const size_t end = at + abbr.size();
      const bool word = (at == 0 || !std::isalnum(static_cast<unsigned char>(in.text[at - 1]))) &&
                        (end >= in.text.size() || !std::isalnum(static_cast<unsigned char>(in.text[end])));
      if (word && !(at > 0 && in.text[at - 1] == '(')) it->second.first += 1;
    }
  }
  // Whole-word occurrences of `w` that no capitalized word continues
  // ("Northwind Health" of "Northwind Health Foundation", "the Tribune" of
  // "the Tribune Guild").
  auto occurrences = [&](const std::string& w) {
    int n = 0;
    for (size_t at = in.text.find(w); at != std::string::npos; at = in.text.find(w, at + 1)) {
      const size_t end = at + w.size();
      const bool continues = end + 1 < in.text.size() && in.text[end] == ' ' &&
                             std::isupper(static_cast<unsigned char>(in.text[end + 1]));
      if ((at == 0 || !std::isalnum(static_cast<unsigned char>(in.text[at - 1]))) &&
          (end >= in.text.size() || !std::isalnum(static_cast<unsigned char>(in.text[end]))) && !continues)
        ++n;
    }
    return n;
  };
  const auto& cues = lib_.List("ORG_CUE");
  // "The Lakeshore Tribune", then "the Tribune" and "the Tribune's": a cue
  // word after "the" names the one counted organization it ends. (Not "The
  // Bank" opening a sentence: too often generic.)
  {
    std::map<std::string, std::vector<std::string>> by_last;  // "Tribune" -> names
    for (const auto& entry : counts) {
      const size_t sp = entry.first.rfind(' ');
      if (sp == std::string::npos) continue;
      const std::string last = entry.first.substr(sp + 1);
      if (cues.count(Lower(last)) && std::isupper(static_cast<unsigned char>(last[0])))
        by_last[last].push_back(entry.first);
    }
    for (const auto& [last, names] : by_last)
      if (names.size() == 1) counts[names[0]].first += occurrences("the " + last);
  }
  // "Marlowe & Finch plc", then "Marlowe & Finch" and "Marlowe & Finch's":
  // a name the story repeats without its legal suffix counts each time.
  {
    // Each name's core, its legal suffixes dropped ("Kyoto Precision
    // Instruments Co., Ltd." and "Kyoto Precision Instruments Co." share one);
    // the longest name with a core takes its extra occurrences.
    std::map<std::string, std::string> longest;  // core -> longest name
    std::set<std::string> person_words;  // "Vardhan", "Vardhan's"
    for (const auto& p : in.mentions.persons)
      for (const auto& w : Words(p.name)) person_words.insert(w);
    for (const auto& entry : counts) {
      const std::string& name = entry.first;
      std::string core = name;
      bool stripped = false;
      for (;;) {
        while (!core.empty() && (core.back() == '.' || core.back() == ',')) core.pop_back();
        const size_t sp = core.rfind(' ');
        if (sp == std::string::npos) break;
        const std::string last = core.substr(sp + 1);
        if (!IsLegalSuffix(last)) {
          // "Tasman Crest" of "Tasman Crest Airlines": one cue word may go too.
          if (cues.count(Lower(last))) {
            core.resize(sp);
            stripped = true;
          }
          break;
        }
        core.resize(sp);
        stripped = true;
      }
      while (!core.empty() && core.back() == ',') core.pop_back();
      if (!stripped || core.size() < 3) continue;
      // A one-word core that is also a person's name ("Vardhan" of "Vardhan
      // Motors" and "Sanjay Vardhan") counts nothing.
      if (core.find(' ') == std::string::npos && (person_words.count(core) || person_words.count(core + "'s")))
        continue;
      std::string& best = longest[core];
      if (name.size() > best.size()) best = name;
    }
    for (const auto& [core, name] : longest)
      counts[name].first += std::max(0, occurrences(core) - occurrences(name));
  }
  // "the authority", "the club": each reference counts for the organizations
  // whose name holds its noun ("Commerce and Markets Authority").
  for (const auto& noun : in.mentions.reference_nouns) {
    for (auto& [name, score] : counts) {
      if (HoldsNoun(Words(Lower(name)), noun)) score.first += 1;
    }
  }
  const std::string* best = nullptr;
  std::pair<int, size_t> best_score{0, 0};
  for (const auto& [name, score] : counts)
    if (!best || score.first > best_score.first ||
        (score.first == best_score.first && score.second < best_score.second)) {
      best = &name;
      best_score = score;
    }
  if (!best) return std::nullopt;
  return *best;
}

// The organization a title names as its owner: "Rovers' academy director"
// (the possessive), "its secretary-general" (the organization named last
// before it in the sentence).
std::optional<std::string> Resolver::OwnerOfTitle(const ResolveInput& in,
                                                  const std::vector<OrgMention>& orgs,
                                                  const std::vector<bool>& speaks, const Span* role,
                                                  const RuleMatch& m,
                                                  const std::optional<std::string>& focus) const {
  if (!role) return std::nullopt;
  const std::vector<std::string> w = Words(Text(in.text, *role));
  if (w.empty()) return std::nullopt;
  const std::string first = w[0];
  if (Lower(first) == "its" || Lower(first) == "their") {
    // The sentence's subject when an organization opens it ("The Foundation,
    // which runs the Gallery, said X will become its director"), else the
    // organization named last before the title.
    const OrgMention* last = nullptr;
    const size_t sent_begin = in.sentences[m.sentence].span.begin;
    const auto& places = lib_.List("PLACE");
    for (size_t i = 0; i < orgs.size(); ++i) {
      const OrgMention& o = orgs[i];
      if (o.sentence != m.sentence || o.span.end > role->begin) continue;
      if (places.count(Lower(o.name))) continue;  // "Colombia's central bank ... its"
      last = &o;
      // "Acme Ltd said on Tuesday that X, a former COO of Beta Mining, would
      // become its chairman": the organization that speaks is the subject.
      if (o.span.begin <= sent_begin + 4 || speaks[i]) break;
    }
    if (last) return Fullest(in, orgs, last->name);
    return std::nullopt;
  }
  // "the agency's deputy director": the organization the noun names.
  if (Lower(first) == "the" && w.size() > 2 && std::islower(static_cast<unsigned char>(w[1][0])) &&
      Possessive(w[1])) {
    if (!lib_.List("ORG_REF_NOUN").count(Lower(w[1].substr(0, w[1].rfind('\'')))))
      return std::nullopt;
    return ByNoun(in, orgs, "the " + w[1], role->begin, focus);
  }
  // "Acme's", "Port Alder's": up to four capitalized words, the last of them possessive.
  // ("the Tribune's editorial page editor": a leading "the" is no part of it.)
  std::string owner;
  const size_t lead = w.size() > 1 && (w[0] == "the" || w[0] == "The") ? 1 : 0;
  for (size_t i = lead; i < w.size() && i < lead + 4 && std::isupper(static_cast<unsigned char>(w[i][0])); ++i) {
    if (!Possessive(w[i])) continue;
    for (size_t j = lead; j <= i; ++j) owner += (j > lead ? " " : "") + w[j];
    break;
  }
  if (owner.empty()) return std::nullopt;
  std::string name = finder_.CleanOrg(owner);
  if (!PlausibleOrg(name)) return std::nullopt;
  // "Port Alder's police chief": of the longer names that begin with "Port
  // Alder", the one the title's field names ("Port Alder Police Department").
  if (auto by_word = ByTitleWord(in, orgs, Text(in.text, *role), name)) return by_word;
  return Fullest(in, orgs, name);
}

// "She spent a decade at Beta Bank, where she rose to head of trading": the
// organization a relative "where" clause hangs on.
std::optional<std::string> Resolver::WhereOrg(const ResolveInput& in,
                                              const std::vector<OrgMention>& orgs,
                                              const RuleMatch& m) const {
  const OrgMention* last = nullptr;
  const OrgMention* first = nullptr;
  for (const auto& o : orgs)
    if (o.sentence == m.sentence && o.span.end <= m.span.begin) {
      last = &o;
      if (!first) first = &o;
    }
  if (!last) return std::nullopt;
  std::string between = Lower(Text(in.text, {last->span.end, m.span.begin}));
  // "Sehwa Chemical Co., the group's loss-making petrochemical arm, where": an
  // apposition may stand between the name and "where".
  if (between.rfind(", ", 0) == 0)
    if (const size_t close = between.find(", ", 2);
        close != std::string::npos && close < 90 && between.compare(close, 7, ", where") == 0 &&
        between.find_first_of(";.", 0) > close)
      between.erase(0, close);
  for (const char* link : {", where ", ", at which ", ", in which "}) {
    const size_t n = std::char_traits<char>::length(link);
    if (between.size() >= n - 1 && between.size() <= n + 12 &&
        between.compare(0, n - 1, link, n - 1) == 0)
      return Fullest(in, orgs, last->name);
  }
  // "At Sehwa Life Insurance Co., Jang Hoon ... was named president": a
  // sentence that opens at an organization sets where its titles are. So does
  // "In the trading and construction unit, Sehwa C&T Corp., President X ...".
  const Span sent = in.sentences[m.sentence].span;
  std::string opening = Text(in.text, {sent.begin, first->span.begin});
  // (The mention's span may hold the capitalized "At" itself.)
  if (Text(in.text, {first->span.begin, std::min(first->span.end, first->span.begin + 3)}) == "At ")
    opening += "At ";
  const bool at = opening == "At " || opening == "At the " || opening == "Over at ";
  const bool in_unit = opening.rfind("In ", 0) == 0 && opening.size() < 60 &&
                       opening.size() > 5 && opening.compare(opening.size() - 2, 2, ", ") == 0 &&
                       std::count(opening.begin(), opening.end(), ',') == 1;
  size_t after = first->span.end;
  if (after < in.text.size() && in.text[after] == '.') ++after;  // "Co.,"
  if ((at || in_unit) && after < m.span.begin && in.text[after] == ',')
    return Fullest(in, orgs, first->name);
  return std::nullopt;
}

// "Port Alder's police chief": of the longer names in the document that begin
// with the possessor's ("Port Alder Education Association", "Port Alder
// Police Department"), the one that holds the word naming the title's field.
// Without an owner (a public office), the ministry or department that holds
// it.
// Generic title words and modifiers never link, nor does the C-suite.
std::optional<std::string> Resolver::ByTitleWord(const ResolveInput& in,
                                                 const std::vector<OrgMention>& orgs,
                                                 const std::string& role,
                                                 const std::string& owner) const {
  // Each scans every mention: once per (owner, title) in a document.
  const std::string key = owner + '\x1f' + Lower(role);
  auto memo = in.title_owners.find(key);
  if (memo != in.title_owners.end()) return memo->second;
  auto found = ByTitleWordOnce(in, orgs, role, owner);
  in.title_owners.emplace(key, found);
  return found;
}

std::optional<std::string> Resolver::ByTitleWordOnce(const ResolveInput& in,
                                                     const std::vector<OrgMention>& orgs,
                                                     const std::string& role,
                                                     const std::string& owner) const {
  std::vector<std::string> w = Words(Lower(role));
  // The title is what follows the possessive.
  for (size_t i = w.size(); i-- > 0;)
    if (Possessive(w[i])) {
      w.erase(w.begin(), w.begin() + static_cast<long>(i) + 1);
      break;
    }
  if (w.empty() || (w.front() == "chief" && w.back() == "officer")) return std::nullopt;
  const auto& generic = lib_.List("ROLE_WORD");
  const auto& mods = lib_.List("ROLE_MOD");
  const auto& drop = lib_.List("ROLE_DROP");
  std::vector<std::string> fields;
  for (const auto& x : w)
    if (x.size() >= 4 && !generic.count(x) && !mods.count(x) && !drop.count(x) &&
        x.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos)
      fields.push_back(x);
  if (fields.empty()) return std::nullopt;
  const std::vector<std::string> pw = Words(Lower(owner));
  for (const auto& o : orgs) {
    const std::vector<std::string> ow = Words(Lower(o.name));
    if (ow.size() <= pw.size() || !std::equal(pw.begin(), pw.end(), ow.begin())) continue;
    // Without an owner, only a ministry or department: "Finance Minister"
    // is of the "Ministry of Finance and Public Credit".
    if (owner.empty() && std::find(ow.begin(), ow.end(), "ministry") == ow.end() &&
        std::find(ow.begin(), ow.end(), "department") == ow.end())
      continue;
    for (const auto& f : fields)
      if (std::find(ow.begin() + static_cast<long>(pw.size()), ow.end(), f) != ow.end())
        return Fullest(in, orgs, o.name);
  }
  return std::nullopt;
}

// Which organization mentions speak: ORG_SPEAKS reads right after them
// ("Mehrotra Cables Ltd., the group's listed arm, said its board ..."). Once
// per document.
// The organization a passage speaks for when it is not the document's: the
// last mention that speaks in the match's sentence before the match or in the
// sentence before it. Titles left without an organization there, and "the
// company", are its.
std::vector<bool> Resolver::Speakers(const ResolveInput& in,
                                     const std::vector<OrgMention>& orgs) const {
  std::vector<bool> speaks(orgs.size(), false);
  if (!speaker_) return speaks;
  const auto& generic = lib_.List("ORG_GENERIC");
  for (size_t i = 0; i < orgs.size(); ++i) {
    const OrgMention& o = orgs[i];
    const Span sent = in.sentences[o.sentence].span;
    const re2::StringPiece after(in.text.data() + o.span.end, sent.end - o.span.end);
    speaks[i] = RE2::PartialMatch(after, *speaker_) && PlausibleOrg(o.name) && !IsGeneric(generic, o.name);
  }
  return speaks;
}

// A sentence that opens with a list bullet ("* ", "• ").
bool IsBullet(const ResolveInput& in, size_t sentence) {
  const Span s = in.sentences[sentence].span;
  if (s.begin >= in.text.size()) return false;
  return in.text[s.begin] == '*' || in.text.compare(s.begin, 3, "\u2022") == 0;
}

// An organization that is its sentence's subject: a plausible name, not a
// person's, followed by its verb ("Northern Shield also denied", "Marchbank
// has begun"), not by "'s" or a comma.
bool Resolver::SubjectOrg(const ResolveInput& in, const OrgMention& o) const {
  if (IsGeneric(lib_.List("ORG_GENERIC"), o.name) || !PlausibleOrg(o.name)) return false;
  if (!in.person_words) {  // once per document
    in.person_words.emplace();
    for (const auto& p : in.mentions.persons)
      for (const auto& w : Words(p.name)) in.person_words->insert(w);
  }
  if (in.person_words->count(o.name)) return false;
  const size_t e = o.span.end;
  if (e + 1 < in.text.size() && (in.text[e] == ',' || in.text[e] == '(')) return true;  // "Acme, the retailer, said"
  const std::string verb = LowerWordAfter(in.text, e);
  if (verb.size() < 2) return false;
  for (const char* aux : {"has", "had", "have", "is", "was", "will", "would", "also", "said", "says", "on"})
    if (verb == aux) return true;
  return verb.size() > 3 && (verb.compare(verb.size() - 2, 2, "ed") == 0 || verb.back() == 's');
}

std::optional<std::string> Resolver::LocalFocus(const ResolveInput& in,
                                                const std::vector<OrgMention>& orgs,
                                                const std::vector<bool>& speaks,
                                                const std::vector<size_t>& brief_items,
                                                const RuleMatch& m) const {
  // A bullet list reaches back to the line that introduces it ("Calder
  // Mining Corp:" then "* ...", "* ...").
  size_t opening = m.sentence;
  while (opening > 0 && IsBullet(in, opening)) --opening;
  if (opening == m.sentence && opening > 0) --opening;
  const size_t first = opening;
  const OrgMention* best = nullptr;
  // (The organization that opens the match's own sentence is its subject:
  // "Northern Shield also denied ... that chief executive Rob Sinclair ...".)
  const size_t sent_begin = in.sentences[m.sentence].span.begin;
  for (size_t i = 0; i < orgs.size(); ++i) {
    const OrgMention& o = orgs[i];
    if (o.sentence < first || o.sentence > m.sentence) continue;
    if (o.sentence == m.sentence && o.span.end > m.span.begin) break;
    if (speaks[i] || (o.sentence == m.sentence && o.span.begin <= sent_begin + 4 && SubjectOrg(in, o)))
      best = &o;
  }
  if (best) return Fullest(in, orgs, best->name);
  if (auto brief = BriefFocus(in, orgs, brief_items, m)) return brief;
  // A column's item opens its paragraph with the organization in capitals
  // ("CARROW HOSPITALITY GROUP — ...", "ALDWYCH GRANGE, LONDON — ..."): the
  // paragraph's titles are at the organization the item names.
  size_t lead = m.sentence;
  const size_t para = in.sentences[m.sentence].paragraph;
  while (lead > 0 && in.sentences[lead - 1].paragraph == para) --lead;
  const Span ls = in.sentences[lead].span;
  const std::string head = Text(in.text, {ls.begin, std::min(ls.end, ls.begin + 80)});
  size_t dash = std::string::npos;
  for (const char* d : {" \u2014 ", " -- ", " - "})
    if (size_t at = head.find(d); at != std::string::npos && at < dash) dash = at;
  if (dash == std::string::npos || dash < 3) return std::nullopt;
  std::string name = head.substr(0, dash);
  if (size_t comma = name.find(", "); comma != std::string::npos) name.resize(comma);
  for (char c : name)
    if (std::islower(static_cast<unsigned char>(c))) return std::nullopt;
  name = Lower(name);
  if (name.rfind("the ", 0) == 0) name.erase(0, 4);
  for (const auto& o : orgs) {
    if (o.sentence < lead || in.sentences[o.sentence].paragraph != para) continue;
    if (o.sentence > m.sentence) break;
    std::string l = Lower(o.name);
    if (l.rfind("the ", 0) == 0) l.erase(0, 4);
    if (l == name || l.rfind(name + " ", 0) == 0) return Fullest(in, orgs, o.name);
  }
  // Else the name as the item's text writes it ("... will leave the Belvedere
  // Manchester at the end of the month").
  size_t pend = m.sentence;
  while (pend + 1 < in.sentences.size() && in.sentences[pend + 1].paragraph == para) ++pend;
  const Span body{ls.begin + dash, in.sentences[pend].span.end};
  const std::string text = Text(in.text, body);
  const size_t at = Lower(text).find(" " + name);
  if (at == std::string::npos || name.size() < 4) return std::nullopt;
  const std::string cased = text.substr(at + 1, name.size());
  if (!std::isupper(static_cast<unsigned char>(cased[0])) || !PlausibleOrg(cased)) return std::nullopt;
  return cased;
}

// A subhead: a paragraph of one short sentence written in capitals ("BAKERY
// TO CREATE 60 JOBS", recased by the truecaser, or "SHOP CLOSURE").
bool IsSubhead(const ResolveInput& in, size_t sentence) {
  const Sentence& s = in.sentences[sentence];
  if (s.span.end - s.span.begin > 90) return false;
  if (sentence > 0 && in.sentences[sentence - 1].paragraph == s.paragraph) return false;
  if (sentence + 1 < in.sentences.size() && in.sentences[sentence + 1].paragraph == s.paragraph) return false;
  for (const Span& c : in.capitals)
    if (c.begin <= s.span.begin && s.span.end <= c.end + 1) return true;
  size_t upper = 0;
  for (size_t i = s.span.begin; i < s.span.end; ++i) {
    const unsigned char c = static_cast<unsigned char>(in.text[i]);
    if (std::islower(c)) return false;
    if (std::isupper(c)) ++upper;
  }
  return upper >= 4;
}

// A page of briefs: items under subheads in capitals, three or more of them.
// For each sentence, the subhead of its item (npos before the first); empty
// when the document is no such page. Once per document.
std::vector<size_t> BriefItems(const ResolveInput& in) {
  std::vector<size_t> items(in.sentences.size(), std::string::npos);
  size_t subheads = 0, head = std::string::npos;
  for (size_t i = 0; i < in.sentences.size(); ++i) {
    if (IsSubhead(in, i)) {
      head = i;
      ++subheads;
    }
    items[i] = head;
  }
  if (subheads < 3) items.clear();
  return items;
}

std::optional<std::string> Resolver::BriefFocus(const ResolveInput& in, const std::vector<OrgMention>& orgs,
                                                const std::vector<size_t>& brief_items,
                                                const RuleMatch& m) const {
  // An item is about the organization it names first; its titles without
  // one are there, not at the page's most named organization.
  if (brief_items.empty() || brief_items[m.sentence] == std::string::npos) return std::nullopt;
  const size_t head = brief_items[m.sentence];
  const auto& generic = lib_.List("ORG_GENERIC");
  for (const auto& o : orgs) {
    if (o.sentence <= head) continue;
    if (o.sentence > m.sentence) break;
    if (PlausibleOrg(o.name) && !generic.count(Lower(o.name))) return Fullest(in, orgs, o.name);
  }
  return std::nullopt;
}

// "the ministry", "the agency's", "the retail group": the organization a
// lower-case reference names by its words. The focus when its name holds them
// all (or the reference is a broad one: "the company", "the group"), else the
// nearest organization before `pos` whose name holds them, else the focus.
std::optional<std::string> Resolver::ByNoun(const ResolveInput& in,
                                            const std::vector<OrgMention>& orgs,
                                            const std::string& reference, size_t pos,
                                            const std::optional<std::string>& focus) const {
  std::vector<std::string> words = Words(Lower(reference));
  if (!words.empty() && (words[0] == "the" || words[0] == "its" || words[0] == "their"))
    words.erase(words.begin());
  for (auto& w : words) {
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    while (!w.empty() && (w.back() == '\'' || w.back() == ',')) w.pop_back();
  }
  words.erase(std::remove_if(words.begin(), words.end(),
                             [&](const std::string& w) {
                               return w.empty() || lib_.List("ROLE_DROP").count(w) > 0;
                             }),
              words.end());
  if (words.empty()) return focus;
  if (words.size() == 1 && lib_.List("ORG_REF_BROAD").count(words[0])) return focus;
  auto holds = [&](const std::string& name) {
    const std::vector<std::string> nw = Words(Lower(name));
    for (const auto& w : words)
      if (!HoldsNoun(nw, w)) return false;
    return true;
  };
  if (focus && holds(*focus)) return focus;
  // "chairman of the Supervisory Board": a board named on its own is no
  // organization the reference can mean; its owner is the focus.
  const auto& generic = lib_.List("ORG_GENERIC");
  const OrgMention* nearest = nullptr;
  for (const auto& o : orgs) {
    if (o.span.begin >= pos) break;
    if (holds(o.name) && !IsGeneric(generic, o.name)) nearest = &o;
  }
  if (nearest) return Fullest(in, orgs, nearest->name);
  return focus;
}

std::optional<std::string> Resolver::ResolveOrg(const ResolveInput& in,
                                                const std::vector<OrgMention>& orgs, Span span,
                                                const std::optional<std::string>& focus) const {
  std::string raw = Text(in.text, span);
  std::string name = finder_.CleanOrg(raw);
  if (finder_.IsOrgReference(raw) || IsLowerReference(raw))
    return ByNoun(in, orgs, raw, span.begin, focus);
  if (IsGeneric(lib_.List("ORG_GENERIC"), name) || lib_.List("PLACE").count(Lower(name))) return focus;
  // "Analysts CEO X", "Vice chair X": a capitalized word read as a name.
  if (!PlausibleOrg(name)) return std::nullopt;
  if (auto it = in.mentions.acronyms.find(name); it != in.mentions.acronyms.end()) name = it->second;
  return Fullest(in, orgs, name);
}

// The tense of a change: future when the match itself says so ("will
// become", "is set to") or the date follows "from", "effective", "starting".
bool Resolver::Future(const ResolveInput& in, const RuleMatch& m, Span date) const {
  // "on Tuesday named X as its next president": a past verb right after the
  // date is its tense, whatever the rest of the match says.
  {
    const std::string verb = LowerWordAfter(in.text, date.end);
    if (verb.size() > 3 && verb.compare(verb.size() - 2, 2, "ed") == 0) return false;
  }
  {
    const size_t from = date.begin > 25 ? date.begin - 25 : 0;
    const size_t clause = Text(in.text, {from, date.begin}).find_last_of(",;");
    const Span near{clause == std::string::npos ? from : from + clause, date.begin};
    if (past_ && RE2::PartialMatch(Text(in.text, near), *past_)) return false;
    // "... as chief executive when he retires in September": the clause the
    // date is in has its own verb, and it says future.
    if (RE2::PartialMatch(Text(in.text, near), *future_)) return true;
  }
  if (RE2::PartialMatch(re2::StringPiece(in.text.data() + m.span.begin, m.span.end - m.span.begin),
                        *future_))
    return true;
  const size_t from = date.begin > 25 ? date.begin - 25 : 0;
  // "X will take office July 1, succeeding Y": the verb the date hangs on,
  // when the match itself begins after the date.
  if (m.span.begin >= date.end && RE2::PartialMatch(Text(in.text, {from, date.begin}), *future_)) return true;
  // ("from Sept. 1" may be the date's own text.)
  const std::string before = Lower(Text(in.text, {from, std::min(date.end, date.begin + 5)}));
  for (const char* cue : {"from ", "effective ", "starting ", "as of ", "beginning ", "effect on ",
                          "takes office on ", "take office on "})
    if (before.find(cue) != std::string::npos) return true;
  return false;
}

std::optional<std::string> Resolver::AttachDate(const ResolveInput& in, const RuleMatch& m,
                                                bool* reported, bool end) const {
  *reported = false;
  const Span sent = in.sentences[m.sentence].span;
  const DateMention* chosen = nullptr;
  // First choice: a date right after the match, in the same clause. A rule's
  // closing word (" on") may already have taken the start of "on Monday".
  for (const auto& d : in.mentions.dates) {
    if (d.sentence != m.sentence || d.span.end <= m.span.end || d.span.begin < m.span.begin)
      continue;
    const std::string gap =
        d.span.begin > m.span.end ? Text(in.text, {m.span.end, d.span.begin}) : "";
    // "will retire at the close of the Annual General Meeting on June 20",
    // "with effect from the close of business hours on November 30", "...
    // of X, the Company's materials subsidiary, effective January 1": an
    // occasion named before its date, or "effective" right before it, may
    // stretch the gap.
    const std::string lgap = Lower(gap);
    const bool occasion = gap.size() <= 90 && (lgap.find("meeting") != std::string::npos ||
                                               lgap.find("with effect from") != std::string::npos ||
                                               (lgap.size() >= 10 && lgap.compare(lgap.size() - 10, 10, "effective ") == 0) ||
                                               lgap.find("close of business") != std::string::npos);
    // ("Y, who has led the laboratory since 2015": the start of Y's tenure
    // is no date of Y's leaving.)
    const bool since = end && lgap.size() >= 6 && lgap.compare(lgap.size() - 6, 6, "since ") == 0;
    // "Her successor will be Dr. Anand Raghavan, who takes over on Oct. 1":
    // a relative clause whose verb is the start itself (START_CLAUSE, read on
    // the gap in lower case) dates it.
    const bool own_start = !end && start_clause_ && RE2::FullMatch(lgap, *start_clause_);
    if ((gap.size() <= 40 || occasion) && !since &&
        (own_start || !RE2::PartialMatch(gap, *clause_break_)))
      chosen = &d;
    break;
  }
  // Then a date inside the match, unless a parenthetical holds it
  // ("X, who has held the post since 2016, will become ...").
  // "The U.S. Senate on Tuesday confirmed X", "Sehwa Group, South Korea's
  // sixth-largest conglomerate, on Thursday promoted X": "on DATE" right
  // before the verb, inside the match or just before it, is the verb's.
  auto before_verb = [&](const DateMention& d) {
    const size_t b = d.span.begin;
    const bool on = (b >= 3 && in.text.compare(b - 3, 3, "on ") == 0) || in.text.compare(b, 3, "on ") == 0;
    if (!on) return false;
    const std::string after = Text(in.text, {d.span.end, std::min(sent.end, d.span.end + 2)});
    return after.size() == 2 && after[0] == ' ' && std::islower(static_cast<unsigned char>(after[1]));
  };
  for (const auto& d : in.mentions.dates) {
    if (chosen) break;
    if (d.sentence != m.sentence || d.span.end > m.span.end) continue;
    if (d.span.begin < m.span.begin) {
      if (m.span.begin - d.span.end <= 1 && before_verb(d)) chosen = &d;
      continue;
    }
    // ("The board on Monday named X, a director since 2019, as interim CEO":
    // a date before any comma of the match is the match's own.)
    if (Text(in.text, {d.span.end, m.span.end}).find(',') == std::string::npos ||
        Text(in.text, {m.span.begin, d.span.begin}).find(',') == std::string::npos || before_verb(d))
      chosen = &d;
  }
  if (!chosen) {
    // "who left in February to become ...": a purpose clause takes the date
    // of the verb it hangs on, right before it (the match may start there,
    // or a rule may have read the month as a name).
    const std::string text = Text(in.text, m.span);
    size_t to = text.compare(0, 3, "to ") == 0 ? 0 : text.find(" to ");
    if (to != std::string::npos) {
      const size_t at = m.span.begin + (to == 0 ? 0 : to + 1);
      const std::string after = Text(in.text, {at, std::min(m.span.end, at + 12)});
      // ("would leave at the end of June after eight years to become ...":
      // the nearest date before it in the same clause.)
      if (after.compare(0, 10, "to become ") == 0 || after.compare(0, 8, "to join ") == 0)
        for (const auto& d : in.mentions.dates)
          if (d.sentence == m.sentence && d.span.end <= at && at - d.span.end <= 40 &&
              !RE2::PartialMatch(Text(in.text, {d.span.end, at}), *clause_break_) &&
              Text(in.text, {d.span.end, at}).find(',') == std::string::npos)
            chosen = &d;
    }
  }
  if (!chosen) {
    // "He held that post until 2019, when he was named ...": the date of the
    // "when" clause the match opens.
    for (const auto& d : in.mentions.dates) {
      if (d.sentence != m.sentence || d.span.end > m.span.begin) continue;
      const std::string gap = Text(in.text, {d.span.end, m.span.begin});
      if (gap.rfind(", when ", 0) == 0 && gap.size() <= 7 + 30 && gap.find(',', 1) == std::string::npos)
        chosen = &d;
      // "will take office July 1, succeeding interim president X": the
      // participle's change happens on the main clause's date.
      const std::string head = Text(in.text, {m.span.begin, std::min(m.span.end, m.span.begin + 14)});
      // ("shuffled the cabinet on Thursday, promoting X to health minister":
      // a match that opens with the participle's comma.)
      const bool participle = gap.empty() && (head.rfind(", promoting ", 0) == 0 || head.rfind(", naming ", 0) == 0 ||
                                              head.rfind(", appointing ", 0) == 0 || head.rfind(", elevating ", 0) == 0);
      if (participle || (gap == ", " && (head.rfind("succeeding ", 0) == 0 || head.rfind("replacing ", 0) == 0)) ||
          (gap == ", succeeding " || gap == ", replacing ") ||
          ((gap.rfind(", succeeding ", 0) == 0 || gap.rfind(", replacing ", 0) == 0) && gap.size() <= 40 &&
           gap.find(',', 1) == std::string::npos))
        chosen = &d;
    }
  }
  if (!chosen) {
    // A sentence-initial "In 2004," or "On Monday," before the match.
    for (const auto& d : in.mentions.dates) {
      if (d.sentence != m.sentence || d.span.end > m.span.begin) continue;
      const std::string before = Text(in.text, {sent.begin, d.span.begin});
      const std::string after = Text(in.text, {d.span.end, std::min(d.span.end + 1, sent.end)});
      // "In 2004, X joined", "On Monday, Acme named", "In 1998 she was elected",
      // "At a meeting held on November 10, 2023, the Board accepted ...".
      const bool opener = before.size() <= 40 && before.find(',') == std::string::npos &&
                          (before.rfind("At ", 0) == 0 || before.rfind("During ", 0) == 0 ||
                           before.rfind("Following ", 0) == 0 || before.rfind("After ", 0) == 0);
      if (((before.size() <= 12 || opener) && after == ",") || before.size() <= 4) chosen = &d;
      break;
    }
  }
  if (!chosen) {
    // Last, the day the change was announced: "..., the bank said on Monday".
    for (const auto& d : in.mentions.dates) {
      if (d.sentence != m.sentence) continue;
      const size_t from = d.span.begin > sent.begin + 60 ? d.span.begin - 60 : sent.begin;
      if (RE2::PartialMatch(Text(in.text, {from, d.span.begin}), *report_)) {
        *reported = true;
        return dates_.Normalize(Text(in.text, d.span), in.anchor, false);
      }
    }
    return std::nullopt;
  }
  // "served as CFO of Gamma from 2010 to 2015": an end takes the range's end.
  if (end)
    for (const auto& d : in.mentions.dates) {
      if (d.sentence != m.sentence || d.span.begin <= chosen->span.end) continue;
      const std::string gap = Lower(Text(in.text, {chosen->span.end, d.span.begin}));
      if (gap == " to " || gap == " until " || gap == " through " || gap == "-" || gap == " and ") chosen = &d;
      break;
    }
  // "..., the company said on Monday" found as the clause's date: still only
  // the day it was announced.
  {
    const size_t b = chosen->span.begin;
    const size_t from = b > sent.begin + 60 ? b - 60 : sent.begin;
    if (RE2::PartialMatch(Text(in.text, {from, b}), *report_)) *reported = true;
  }
  return dates_.Normalize(Text(in.text, chosen->span), in.anchor,
                          *reported ? false : Future(in, m, chosen->span));
}

std::vector<Event> Resolver::Candidates(const ResolveInput& in) const {
  std::vector<RuleMatch> matches = in.matches;
  std::stable_sort(matches.begin(), matches.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.span.begin < b.span.begin;
  });
  // Every organization the document names: mentions, the rules' org slots and
  // the issuer, in text order.
  std::vector<OrgMention> orgs = in.mentions.orgs;
  for (const auto& m : matches)
    for (const char* slot : {"org", "org2"})
      if (auto it = m.slots.find(slot); it != m.slots.end()) {
        std::string raw = Text(in.text, it->second);
        if (finder_.IsOrgReference(raw) || IsLowerReference(raw)) continue;
        // "Prime Minister X" read as organization "Prime" and title "Minister".
        // "Interior Minister X" likewise: a portfolio, no organization.
        if (auto r = m.slots.find(std::string("role") + (slot[3] == '2' ? "2" : ""));
            r != m.slots.end() && r->second.begin == it->second.end + 1) {
          const std::string role = Lower(Text(in.text, r->second));
          if (lib_.List("ROLE_TITLE").count(Lower(raw + " " + role)) ||
              ((role == "minister" || role == "secretary") && Words(raw).size() <= 2))
            continue;
        }
        std::string name = finder_.CleanOrg(raw);
        if (PlausibleOrg(name) && !lib_.List("ORG_GENERIC").count(Lower(name)))
          orgs.push_back({it->second, name, m.sentence});
        // "Hanbit's Battery Materials Division" names Hanbit too.
        if (size_t poss = raw.find("'s "); poss != std::string::npos) {
          std::string parent = finder_.CleanOrg(raw.substr(0, poss));
          if (PlausibleOrg(parent) && parent != name)
            orgs.push_back({{it->second.begin, it->second.begin + poss}, parent, m.sentence});
        }
      }
  std::stable_sort(orgs.begin(), orgs.end(), [](const OrgMention& a, const OrgMention& b) {
    return a.span.begin < b.span.begin;
  });
  // What the document is about, for titles whose organization the text leaves
  // implicit: computed once, not per event.
  const std::optional<std::string> focus = Focus(in, orgs);
  const std::vector<bool> speaks = Speakers(in, orgs);
  const std::vector<size_t> brief_items = BriefItems(in);
  std::vector<Event> events;
  for (const auto& m : matches) {
    const Rule& rule = lib_.rules()[m.rule];
    std::optional<std::string> local;  // LocalFocus, asked once per match when needed
    bool local_done = false;
    // "X is rumoured to join", "whether X will become": no change to report.
    const size_t sent_begin = in.sentences[m.sentence].span.begin;
    const size_t window = m.span.begin > sent_begin + 60 ? m.span.begin - 60 : sent_begin;
    // "former" states a past fact even inside a hedged sentence; a relative
    // clause ("X, who had been tipped for the job, was instead named") does
    // not hedge the clause around it.
    std::string scope = Text(in.text, {window, m.span.end});
    for (size_t rel; (rel = scope.find(", who")) != std::string::npos ||
                     (rel = scope.find(", which")) != std::string::npos;) {
      const size_t close = scope.find(',', rel + 2);
      if (close == std::string::npos) break;
      scope.erase(rel, close - rel);
    }
    // "ending months of speculation": words that settle what a hedge word
    // would leave open.
    if (hedge_cancel_) RE2::GlobalReplace(&scope, *hedge_cancel_, "");
    const bool hedged = RE2::PartialMatch(scope, *hedge_) &&
                        Lower(Text(in.text, m.span)).find("former ") == std::string::npos;
    for (const auto& emit : rule.emits) {
      auto slot = [&](const std::string& name) -> const Span* {
        if (name.empty()) return nullptr;
        auto it = m.slots.find(name);
        return it == m.slots.end() ? nullptr : &it->second;
      };
      if (hedged && emit.type != "hold") continue;
      const Span* ps = slot(emit.person);
      std::optional<std::string> person;
      if (ps) person = ResolvePerson(in, *ps, m.sentence);
      // "Head of Product Planning, will": a one-word name whose full form
      // reaches back into the words the match read before it ("Product
      // Planning") is no one's name.
      if (ps && person && person->size() > ps->end - ps->begin && ps->end >= person->size() &&
          in.text.compare(ps->end - person->size(), person->size(), *person) == 0 &&
          ps->end - person->size() >= m.span.begin && ps->end - person->size() < ps->begin)
        continue;
      // "X defeated incumbent Y to become mayor": the purpose is X's.
      if (ps && emit.person == "person" && ObjectOfVerb(in, *ps, lib_.List("OBJECT_VERB")) &&
          Text(in.text, {ps->end, std::min(m.span.end, ps->end + 10)}) == " to become")
        person = Subject(in, m);
      // No slot, or a one-word slot opening the match that names nobody ("left
      // in March to join", "left Dalbit to found"): the sentence's subject.
      if (emit.person == "person" &&
          (!ps || (!person && ps->begin == m.span.begin &&
                   Words(Text(in.text, *ps)).size() == 1 &&
                   !finder_.IsPronoun(Text(in.text, *ps)))))
        person = Subject(in, m);
      if (!person) continue;
      const Span* rs = emit.role_literal ? nullptr : slot(emit.role);
      const Span* os = slot(emit.org);
      // "Hanul Chemical's chief financial officer" read as org "Hanul" and
      // title "Chemical's chief financial officer": a title that opens with a
      // capitalized possessive right after the organization cut a name in two.
      if (os && rs && rs->begin == os->end + 1 && std::isupper(static_cast<unsigned char>(in.text[rs->begin]))) {
        const std::string first = Words(Text(in.text, *rs)).front();
        if (first.size() > 2 && (first.compare(first.size() - 2, 2, "'s") == 0 || first.back() == '\''))
          continue;
      }
      // "took the oath as finance minister at the Casa de Gobierno": a public
      // office is held at no building it is sworn in at.
      if (os && rs && os->begin > rs->end && PublicOffice(Text(in.text, *rs)) &&
          Text(in.text, {rs->end, os->begin}).find(" at ") != std::string::npos)
        os = nullptr;
      // An optional clause ("and as the vice president of Y") that did not
      // match: its slots are the ones named with a trailing "2".
      auto optional_unmatched = [&](const std::string& name) {
        return !name.empty() && name.back() == '2' && !slot(name);
      };
      if ((!emit.role_literal && optional_unmatched(emit.role)) || optional_unmatched(emit.org) ||
          optional_unmatched(emit.person) || optional_unmatched(emit.date))
        continue;

      // "joined the board of Beta": a seat on a board, which a board rule
      // reports; a title-less start at "the board" would give the focus.
      if (board_ref_ && emit.type == "start" && !emit.role_literal && !rs && os &&
          RE2::FullMatch(Text(in.text, *os), *board_ref_))
        continue;

      Event base;
      base.type = emit.type;
      base.person = *person;
      base.rule = rule.id;
      base.evidence = in.sentences[m.sentence].span;
      base.sentence = m.sentence;
      base.slots = m.slots;

      std::vector<std::optional<std::string>> roles;
      bool carried = false;
      if (emit.role_literal && emit.role == "@verb") {
        // The title a verb implies, as the contract reads it: "chairs" is
        // chair; "heads", "leads", "runs", "is in charge of" are head.
        const std::string verb = Lower(Text(in.text, m.span));
        roles.push_back(verb.find("chair") != std::string::npos ? "chair" : "head");
      } else if (emit.role_literal && emit.role == "@own") {
        // The title this person's own last start, this sentence or the one
        // before, reported ("She will take office on July 1, succeeding Y").
        const std::string& owner = emit.person == "other" ? std::string() : *person;
        const Event* from = nullptr;
        // For the person replaced, the start may stand two sentences back
        // ("X will become director. Y picked X after a search. She succeeds Z").
        const size_t reach = owner.empty() ? 2 : 1;
        for (auto it = events.rbegin(); it != events.rend() && !from; ++it) {
          if (it->sentence + reach < m.sentence) break;
          if (it->type == "start" && it->role && (owner.empty() || it->person == owner)) from = &*it;
        }
        if (!from && emit.person == "other") continue;
        if (!from) continue;
        roles.push_back(from->role);
        base.org = from->org;
        // A rule that names a date slot gives that date or none; one without
        // takes the date of the change it refers to.
        // (A date slot that did not match gives the change's date too: "became
        // CEO in 2013, taking over from Y".)
        // The person replaced leaves when the successor starts if one sentence
        // says both ("became CEO in 2013, taking over from Y"); a later
        // sentence ("She succeeds Y, who is retiring") dates Y's leaving only
        // by its own words: the contract dates an event from its own clause.
        if ((emit.date.empty() || !slot(emit.date)) && (emit.person != "other" || from->sentence == m.sentence))
          base.date = from->date;
        carried = true;
      } else if (emit.role_literal && emit.role == "@post") {
        // "the post", "that role": the title this person's last change or
        // holding named, within the last three sentences.
        const Event* from = nullptr;
        for (auto it = events.rbegin(); it != events.rend() && !from; ++it) {
          if (it->sentence + 3 < m.sentence) break;
          if (it->person == *person && it->role) from = &*it;
        }
        if (!from) continue;
        // "Westfield Memorial Hospital president Tom Vrabel ... will retire":
        // of two readings of one title, the one that names its organization.
        if (from->org_implicit)
          for (const auto& e : events)
            if (e.sentence == from->sentence && e.person == *person && e.role == from->role &&
                !e.org_implicit && e.org) {
              from = &e;
              break;
            }
        roles.push_back(from->role);
        base.org = from->org;
        carried = true;
      } else if (emit.role_literal && emit.role == "@carry") {
        // The role (and organization, and date) of the change just reported.
        const Event* from = nullptr;
        for (auto it = events.rbegin(); it != events.rend(); ++it) {
          if (it->sentence + 1 < m.sentence) break;
          if (it->person == *person) continue;
          if (!from || (it->type == "end" && from->type != "end")) from = &*it;
          if (from->type == "end") break;
        }
        if (!from || !from->role) continue;
        roles.push_back(from->role);
        // "Veyrac's job at Quillet goes to Belkacem": an organization the
        // match names outranks the carried one.
        base.org = os ? ResolveOrg(in, orgs, *os, focus) : from->org;
        if (!base.org) base.org = from->org;
        base.date = from->date;
        carried = true;
      } else if (emit.role_literal) {
        roles.push_back(emit.role);
      } else if (rs) {
        // "chairman of the audit committee": a committee's post is no post at
        // the organization (the contract's guide gives it no event).
        if (in.text.compare(rs->end, 10, " committee") == 0 || in.text.compare(rs->end, 10, " Committee") == 0)
          continue;
        for (auto& r : SplitRoles(Text(in.text, *rs))) roles.push_back(r);
        if (roles.empty()) continue;
      } else {
        roles.push_back(std::nullopt);
      }

      if (!carried) {
        if (!local_done) {
          local = LocalFocus(in, orgs, speaks, brief_items, m);
          local_done = true;
        }
        // (A local organization the focus names more fully is the focus:
        // "Lumenara Therapeutics" opening a sentence, "Lumenara Therapeutics,
        // Inc." the issuer.)
        if (local && focus && *local != *focus && focus->size() > local->size() &&
            focus->compare(0, local->size(), *local) == 0)
          local = focus;
        const std::optional<std::string>& here = local ? local : focus;
        // "Norway's transport minister": a country's public office, at no
        // organization unless the document names its ministry.
        bool national_office = false;
        const bool office = rs && PublicOffice(Text(in.text, *rs));
        if (os && office && lib_.List("PLACE").count(Lower(finder_.CleanOrg(Text(in.text, *os))))) {
          national_office = true;
          base.org = ByTitleWord(in, orgs, Text(in.text, *rs), "");
        } else if (office && ToPlace(Text(in.text, *rs))) {
          // "The Senate confirmed X as ambassador to France", "Nalavai's High
          // Commissioner to New Zealand": an envoy to a country is at no
          // organization, whoever appoints.
          national_office = true;
        } else if (os && TitledPerson(finder_.CleanOrg(Text(in.text, *os)))) {
          // "Prime Minister Anna Berg appointed X as finance minister": a
          // person appoints; the post's organization is not named.
          national_office = true;
          if (office) base.org = ByTitleWord(in, orgs, Text(in.text, *rs), "");
        } else if (os) {
          base.org = ResolveOrg(in, orgs, *os, here);
        } else if (!emit.org_none) {
          base.org = OwnerOfTitle(in, orgs, speaks, rs, m, here);
          if (!base.org) base.org = WhereOrg(in, orgs, m);
          // "Fire Chief X" in a story about a city: the department the
          // title's field names ("Port Ellery Fire Department").
          if (!base.org && rs) base.org = ByTitleWord(in, orgs, Text(in.text, *rs), "");
          // "Interior Minister X", "Mayor Y": a public office, not a post at
          // the organization the story is about.
          if (!base.org && office)
            base.org = ByTitleWord(in, orgs, Text(in.text, *rs), "");
          else if (!base.org)
            base.org = here;
        }
        // "X joined from Beta": the organization left is not the one joined.
        if (!os && base.org)
          for (const auto& [name, span] : m.slots)
            if (name.rfind("org", 0) == 0 && ResolveOrg(in, orgs, span, here) == base.org) {
              base.org.reset();
              break;
            }
        // "will lead the new unit": words in lower case name no organization;
        // nor does a title's field ("Head of Programmes", "Vice President of
        // Regulatory Affairs"), nor one word that is a place or a legal suffix
        // alone ("docket clerk in Arizona", "Co").
        // (A unit described at length keeps its words: "the local life
        // services business division".)
        auto described_unit = [&](const std::string& org) {
          const std::vector<std::string> w = Words(org);
          return w.size() >= 3 && lib_.List("ORG_UNIT").count(w.back());
        };
        if (base.org && ((std::none_of(base.org->begin(), base.org->end(),
                                       [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
                          !described_unit(*base.org)) ||
                         lib_.List("ROLE_AREA").count(Lower(*base.org)) ||
                         (base.org->find(' ') == std::string::npos &&
                          (lib_.List("PLACE").count(Lower(*base.org)) || IsLegalSuffix(*base.org)))))
          base.org.reset();
        base.org_implicit = !os && !emit.org_none;
        if (os && !base.org && !national_office) continue;
      }
      bool former = false;
      if (emit.type == "hold" && rs) {
        // "X, the former CEO of Y" reports a change, not a holding.
        std::string r = Lower(Text(in.text, *rs));
        // "former central bank deputy governor X": the word may come a few
        // words before the title, within the same phrase.
        const size_t from = rs->begin > 40 ? rs->begin - 40 : 0;
        std::string before = Lower(Text(in.text, {from, rs->begin}));
        // (A period of a legal suffix ends no phrase: "Former Acme Corp. CEO X".)
        for (size_t end = before.size(); end > 0;) {
          const size_t cut = before.find_last_of(",;.\"", end - 1);
          if (cut == std::string::npos) break;
          const size_t space = before.find_last_of(' ', cut);
          const size_t word = space == std::string::npos ? 0 : space + 1;
          if (before[cut] == '.' && IsLegalSuffix(before.substr(word, cut + 1 - word))) {
            end = cut;
            continue;
          }
          before.erase(0, cut + 1);
          break;
        }
        // "a former student who is now a deputy governor": a relative clause
        // starts a phrase of its own.
        if (size_t cut = before.rfind(" who "); cut != std::string::npos) before.erase(0, cut + 4);
        if (before.size() >= 7 && (before.compare(0, 7, "former ") == 0 || before.find(" former ") != std::string::npos))
          r = "former " + r;
        // "ex-CEO Jane Doe", "Ex-Acme chief executive Jane Doe".
        if (before.find("ex-") != std::string::npos &&
            (before.rfind("ex-", 0) == 0 || before.find(" ex-") != std::string::npos ||
             before.find("\"ex-") != std::string::npos))
          r = "former " + r;
        // "a retired partner at Delaney Moss" left that post.
        if (r.rfind("retired ", 0) == 0 || r.find(" retired ") != std::string::npos ||
            (before.size() >= 8 && before.compare(before.size() - 8, 8, "retired ") == 0))
          r = "former " + r;
        if (r.find("former ") != std::string::npos || r.find("outgoing ") != std::string::npos ||
            r.rfind("ex-", 0) == 0 || r.find(" ex-") != std::string::npos) {
          base.type = "end";
          // "former" says the post ended, not when: the sentence's dates are
          // its verb's ("X, the former CTO of Y, joined Z last year").
          former = r.find("outgoing ") == std::string::npos;
        }
        else if (r.find("incoming ") != std::string::npos || r.find("newly appointed ") != std::string::npos ||
                 r.rfind("the new ", 0) == 0 || r.rfind("new ", 0) == 0 || r.rfind("its new ", 0) == 0 ||
                 // "Acme Corp's new CEO, Jane Doe": the word before the title's slot.
                 (before.size() >= 5 && before.compare(before.size() - 5, 5, " new ") == 0) ||
                 r.find("'s new ") != std::string::npos || r.find("'s incoming ") != std::string::npos ||
                 (before.size() >= 10 && before.compare(before.size() - 10, 10, " incoming ") == 0))
          base.type = "start";
      }
      if (base.type == "hold" || emit.date_none || former) {
        base.date.reset();
      } else if (const Span* ds = slot(emit.date)) {
        base.date = dates_.Normalize(Text(in.text, *ds), in.anchor, Future(in, m, *ds));
      } else if (auto d = AttachDate(in, m, &base.date_reported, base.type == "end")) {
        base.date = d;
      } else {
        // "... will succeed him as President on the same date" (SAME_DATE,
        // read in lower case): the date of the last dated change reported
        // before it.
        const Span sent = in.sentences[m.sentence].span;
        const std::string rest = Lower(Text(in.text, {m.span.begin, sent.end}));
        // ... or opening the sentence: "On the same date, X will succeed Y",
        // "At the same meeting, the board named X".
        const std::string opening = Lower(Text(in.text, {sent.begin, std::min(m.span.begin, sent.begin + 40)}));
        auto same = [&](const std::string& t) { return same_date_ && RE2::PartialMatch(t, *same_date_); };
        if (same(rest) || (same(opening) && opening.find(',') != std::string::npos))
          for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (it->date && it->sentence < m.sentence && it->type != "hold") {
              base.date = it->date;
              break;
            }
        // "has been interim CFO since his departure", "since then" (SINCE_EVENT,
        // read on the sentence in lower case; its group is "then" or the
        // leaving): the date of the leaving (or, for "then", of any change)
        // reported in the two sentences before.
        re2::StringPiece what;
        if (since_event_ && base.type == "start" && RE2::PartialMatch(rest, *since_event_, &what))
          for (auto it = events.rbegin(); it != events.rend(); ++it) {
            if (it->sentence + 2 < m.sentence) break;
            if (it->date && it->sentence < m.sentence && (what == "then" ? it->type != "hold" : it->type == "end")) {
              base.date = it->date;
              break;
            }
          }
      }
      for (auto& r : roles) {
        Event e = base;
        e.role = r;
        events.push_back(std::move(e));
      }
    }
  }
  // "The appointment is effective from May 1.": the date of the changes the
  // two sentences before it reported, where it is more precise.
  for (size_t si = 0; si < in.sentences.size(); ++si) {
    const Span sp = in.sentences[si].span;
    re2::StringPiece date;
    if (!RE2::PartialMatch(re2::StringPiece(in.text.data() + sp.begin, sp.end - sp.begin),
                           *effective_, &date))
      continue;
    const auto d = dates_.Normalize(std::string_view(date.data(), date.size()), in.anchor, true);
    if (!d) continue;
    for (auto& e : events)
      if (e.type != "hold" && e.sentence < si && e.sentence + 2 >= si &&
          Precision(d) > Precision(e.date))
        e.date = d;
  }
  return events;
}

std::vector<Event> Resolver::Merge(std::vector<Event> events,
                                   const std::map<std::string, std::string>& short_titles) {
  // "Acme Corp." and "Acme Corp" are one organization.
  auto org_key = [](const std::optional<std::string>& org) {
    std::string k;
    for (char c : Lower(org.value_or("")))
      if (c != '.' && c != ',') k += c;
    return k;
  };
  auto key = [&](const Event& e, const std::string& type) {
    return type + "\x1f" + Lower(e.person) + "\x1f" + Lower(e.role.value_or("")) + "\x1f" +
           org_key(e.org);
  };
  // "X, the chief investment officer of rival Queensway ... She will leave
  // Queensway at the end of March": leaving an organization without a title
  // leaves the one title the text gives the person there.
  {
    // person, organization -> the titles (lower case -> as first written)
    std::map<std::string, std::map<std::string, std::string>> titles_there;
    auto where = [&](const Event& e) { return Lower(e.person) + "\x1f" + org_key(e.org); };
    for (const auto& o : events)
      if (o.role && o.type != "end") titles_there[where(o)].emplace(Lower(*o.role), *o.role);
    for (auto& e : events) {
      if (e.type != "end" || e.role || !e.org) continue;
      auto it = titles_there.find(where(e));
      if (it != titles_there.end() && it->second.size() == 1) e.role = it->second.begin()->second;
    }
  }
  // A hold beside a change of the same title, however each is written
  // ("Chief Executive Officer" then "will retire as chief executive"), goes.
  auto change_of = [&](const Event& e) {
    std::string role = Lower(e.role.value_or(""));
    if (auto it = short_titles.find(role); it != short_titles.end()) role = Lower(it->second);
    return Lower(e.person) + "\x1f" + role + "\x1f" + org_key(e.org);
  };
  std::set<std::string> changes;
  for (const auto& e : events)
    if (e.type != "hold") changes.insert(change_of(e));
  // A title the text ties to an organization outranks the same title with
  // an organization only inferred from the document's focus.
  // Each such title's dates ("" for none): an inferred one dated otherwise
  // than all of them is another change ("chairman of X from 1988 to 1992 ...
  // then served as chairman from 1997").
  std::map<std::string, std::set<std::string>> explicit_titles;
  for (const auto& e : events)
    if (!e.org_implicit)
      explicit_titles[e.type + "\x1f" + Lower(e.person) + "\x1f" + Lower(e.role.value_or(""))].insert(
          e.date.value_or(""));
  auto same_change = [&](const Event& e) {
    auto it = explicit_titles.find(e.type + "\x1f" + Lower(e.person) + "\x1f" + Lower(e.role.value_or("")));
    return it != explicit_titles.end() &&
           (!e.date || it->second.count("") || it->second.count(*e.date));
  };
  // "Finance Minister X" read both as a title and as org "Finance" + title
  // "Minister": the title reading wins.
  std::set<std::string> titles;
  std::set<std::string> titles_at;  // person, title, organization
  for (const auto& e : events)
    if (e.role) {
      titles.insert(Lower(e.person) + "\x1f" + Lower(*e.role));
      titles_at.insert(Lower(e.person) + "\x1f" + Lower(*e.role) + "\x1f" + org_key(e.org));
    }
  // "The Senate confirmed X as secretary of the Navy": the organization the
  // title itself names outranks the body that appoints, in the same sentence.
  auto span_of = [](const Event& e, const char* name) -> const Span* {
    auto it = e.slots.find(name);
    return it == e.slots.end() ? nullptr : &it->second;
  };
  auto title_key = [](const Event& e) {
    return std::to_string(e.sentence) + "\x1f" + e.type + "\x1f" + Lower(e.person) + "\x1f" +
           Lower(e.role.value_or(""));
  };
  std::map<std::string, std::set<std::string>> titled_orgs;  // title_key -> org keys
  for (const auto& e : events) {
    const Span *o = span_of(e, "org"), *r = span_of(e, "role");
    if (e.org && e.role && o && r && o->begin >= r->end) titled_orgs[title_key(e)].insert(org_key(e.org));
  }
  // "regional vice president for the Middle East" read also as "regional
  // vice president" (the rest taken for an organization): the longer title of
  // the same change in the same sentence wins.
  std::map<std::string, std::vector<std::string>> sentence_titles;  // sentence, type, person, org -> titles
  auto change_key = [&](const Event& e) {
    return std::to_string(e.sentence) + "\x1f" + e.type + "\x1f" + Lower(e.person) + "\x1f" + org_key(e.org);
  };
  for (const auto& e : events)
    if (e.role) sentence_titles[change_key(e)].push_back(Lower(*e.role));
  auto extended = [&](const Event& e) {
    if (!e.role) return false;
    const std::string r = Lower(*e.role);
    for (const auto& t : sentence_titles[change_key(e)])
      if (t.size() > r.size() + 4 && t.compare(0, r.size() + 1, r + " ") == 0) {
        const std::string next = t.substr(r.size() + 1, t.find(' ', r.size() + 1) - r.size() - 1);
        if (next == "for" || next == "of" || next == "in") return true;
      }
    return false;
  };
  std::vector<Event> out;
  std::map<std::string, size_t> seen;
  std::map<std::string, std::optional<std::string>> implicit_dates;
  for (auto& e : events) {
    if (e.type == "hold" && changes.count(change_of(e))) continue;
    if (extended(e)) continue;
    if (const Span *o = span_of(e, "org"), *p = span_of(e, "person"), *r = span_of(e, "role");
        e.role && o && p && r && o->end <= p->begin && o->end <= r->begin) {
      auto it = titled_orgs.find(title_key(e));
      if (it != titled_orgs.end() && !it->second.count(org_key(e.org))) continue;
    }
    if (e.org && e.role && titles.count(Lower(e.person) + "\x1f" + Lower(*e.org + " " + *e.role)))
      continue;
    // ... also when "Finance" resolved to "Ministry of Finance": a longer
    // title of the same person at the same organization ends with this one
    // and its other words are all in the organization's name.
    if (e.org && e.role) {
      const std::string suffix = " " + Lower(*e.role);
      const std::vector<std::string> ow = Words(Lower(*e.org));
      bool longer = false;
      for (auto it = titles.lower_bound(Lower(e.person) + "\x1f");
           !longer && it != titles.end() && it->compare(0, e.person.size() + 1, Lower(e.person) + "\x1f") == 0;
           ++it) {
        const std::string t = it->substr(e.person.size() + 1);
        if (t.size() <= suffix.size() || t.compare(t.size() - suffix.size(), suffix.size(), suffix) != 0)
          continue;
        bool all = true;
        for (const auto& x : Words(t.substr(0, t.size() - suffix.size())))
          if (std::find(ow.begin(), ow.end(), x) == ow.end()) all = false;
        longer = all && titles_at.count(Lower(e.person) + "\x1f" + t + "\x1f" + org_key(e.org));
      }
      if (longer) continue;
    }
    if (e.org_implicit && e.role && same_change(e)) {
      // Its date may still be the more precise statement of the same change.
      auto& d = implicit_dates[e.type + "\x1f" + Lower(e.person) + "\x1f" + Lower(*e.role)];
      if (!e.date_reported && Precision(e.date) > Precision(d)) d = e.date;
      continue;
    }
    const std::string k = key(e, e.type);
    auto it = seen.find(k);
    if (it == seen.end()) {
      seen[k] = out.size();
      out.push_back(std::move(e));
    } else if (DateRank(e) > DateRank(out[it->second]) ||
               // Two days for one start: the later is when it takes effect
               // ("named on Tuesday ... will take office on July 1").
               (e.type == "start" && DateRank(e) == DateRank(out[it->second]) && e.date && out[it->second].date &&
                e.date->size() == out[it->second].date->size() && *e.date > *out[it->second].date)) {
      out[it->second].date = e.date;
      out[it->second].date_reported = e.date_reported;
    }
  }
  for (auto& e : out) {
    if (e.org_implicit || !e.role) continue;
    auto it = implicit_dates.find(e.type + "\x1f" + Lower(e.person) + "\x1f" + Lower(*e.role));
    if (it != implicit_dates.end() && it->second &&
        (e.date_reported || Precision(it->second) > Precision(e.date))) {
      e.date = it->second;
      e.date_reported = false;
    }
  }
  return out;
}

}  // namespace newsroles
