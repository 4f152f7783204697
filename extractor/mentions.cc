#include "mentions.h"

#include <algorithm>

#include <sstream>

namespace newsroles {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::unique_ptr<RE2> Compile(const PatternLibrary& lib, const std::string& macro) {
  const std::string& body = lib.Macro(macro);
  if (body.empty()) throw PatternError(lib.dir() + "/macros.def:0: missing macro {" + macro + "}");
  RE2::Options o;
  o.set_max_mem(64 << 20);
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>("(" + body + ")", o);
  if (!re->ok()) throw PatternError(lib.dir() + "/macros.def:0: {" + macro + "}: " + re->error());
  return re;
}

bool StartsUpper(std::string w) {
  // "al-Mansouri", "el-Sayed", "d'Alembert": the name proper follows the prefix.
  for (const char* prefix : {"al-", "el-", "d'"})
    if (w.rfind(prefix, 0) == 0 && w.size() > 3) w = w.substr(std::char_traits<char>::length(prefix));
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c >= 0xC0;  // a non-ASCII letter: accept (names such as "Özil", "Ünal")
}

struct Token {
  std::string text;
  size_t begin, end;  // offsets within the cleaned string's source span
};

std::vector<Token> Tokens(const std::string& s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back({s.substr(b, i - b), b, i});
  }
  return out;
}

}  // namespace

MentionFinder::MentionFinder(const PatternLibrary& lib)
    : lib_(lib),
      // NAME_SCAN, when defined, finds names with the titles before them
      // ("Deputy Governor Jorge Luis Santamaría Treviño"), which NAME's few
      // words would cut.
      name_(Compile(lib, lib.Macro("NAME_SCAN").empty() ? "NAME" : "NAME_SCAN")),
      org_(Compile(lib, "ORG_MENTION")),
      date_(Compile(lib, "DATE")),
      issuer_(Compile(lib, "ISSUER")),
      acronym_(Compile(lib, "ACRONYM_DEF")),
      headline_org_(Compile(lib, "HEADLINE_ORG")),
      reference_(Compile(lib, "ORG_REF")),
      defined_org_(Compile(lib, "ORG_DEFINED")) {}

bool MentionFinder::IsPronoun(const std::string& word) const {
  return lib_.List("PRONOUN").count(Lower(word)) > 0;
}

bool MentionFinder::IsOrgReference(const std::string& text) const {
  return RE2::FullMatch(text, *reference_);
}

std::optional<std::pair<std::string, Span>> MentionFinder::CleanPerson(const std::string& text,
                                                                       Span span) const {
  std::vector<Token> toks = Tokens(text);
  const auto& honorifics = lib_.List("HONORIFIC");
  const auto& not_names = lib_.List("NOT_NAME");
  const auto& particles = lib_.List("NAME_PARTICLE");
  const auto& cues = lib_.List("ORG_CUE");
  const auto& units = lib_.List("ORG_UNIT");
  const auto& roles = lib_.List("ROLE_WORD");
  const auto& months = lib_.List("MONTH");
  const auto& legal_suffixes = lib_.List("LEGAL_SUFFIX");
  const auto& nationalities = lib_.List("NATIONALITY");
  // Drop a trailing possessive and trailing punctuation.
  if (!toks.empty()) {
    Token& t = toks.back();
    while (!t.text.empty() && (t.text.back() == ',' || t.text.back() == ';')) {
      t.text.pop_back();
      --t.end;
    }
    if (t.text.size() > 2 && t.text.compare(t.text.size() - 2, 2, "'s") == 0) {
      t.text.resize(t.text.size() - 2);
      t.end -= 2;
    } else if (t.text.size() > 1 && t.text.back() == '\'') {
      t.text.pop_back();
      --t.end;
    }
  }
  const auto& modifiers = lib_.List("ROLE_MOD");
  // "Vice-Chair", "Co-Chair": a hyphenated title is a title.
  auto role_word = [&](const std::string& l) {
    if (roles.count(l)) return true;
    if (l.find('-') == std::string::npos) return false;
    size_t at = 0;
    for (size_t dash; at <= l.size(); at = dash + 1) {
      dash = l.find('-', at);
      if (dash == std::string::npos) dash = l.size();
      const std::string part = l.substr(at, dash - at);
      if (!roles.count(part) && !modifiers.count(part) && part != "vice" && part != "co" && part != "elect" &&
          part != "designate")
        return false;
    }
    return true;
  };
  auto droppable = [&](const std::string& w) {
    std::string l = Lower(w);
    std::string nodot = l;
    if (!nodot.empty() && nodot.back() == '.') nodot.pop_back();
    // "Ex-CEO Jane Doe": a former title before the name.
    if (l.size() > 3 && l.compare(0, 3, "ex-") == 0 && roles.count(l.substr(3))) return true;
    return honorifics.count(l) || honorifics.count(nodot) || not_names.count(l) ||
           nationalities.count(l) ||
           role_word(l) || months.count(nodot) || cues.count(l);
  };
  // "Detectives Yolanda Ibekwe-Reyes" after "Chief of": a title's field
  // before two more words is no part of the name.
  const auto& areas = lib_.List("ROLE_AREA");
  size_t b = 0;
  // "Ravello's Oona Lindqvist-Rhee": a possessive before a full name.
  auto possessive = [](const std::string& w) { return w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0; };
  while (b < toks.size() &&
         (droppable(toks[b].text) || (areas.count(Lower(toks[b].text)) && toks.size() - b - 1 >= 2) ||
          (possessive(toks[b].text) && toks.size() - b - 1 >= 2)))
    ++b;
  // A title ends before the name: "Chief Financial Officer Helen Marsh";
  // so does a unit's name in a table: "Display Materials Division Shota
  // Imai" (a cue word with two words after it).
  for (size_t i = b; i < toks.size(); ++i)
    if (role_word(Lower(toks[i].text)) ||
        ((cues.count(Lower(toks[i].text)) || units.count(Lower(toks[i].text))) && toks.size() - i - 1 >= 2))
      b = i + 1;
  // ... and an honorific may follow it: "Non-Executive Chair Ms Louise Tregenza".
  while (b < toks.size() && droppable(toks[b].text)) ++b;
  // An honorific starts the name, whatever stands before it: "Following Mr
  // Pemberton's departure".
  for (size_t i = b; i + 1 < toks.size(); ++i) {
    std::string l = Lower(toks[i].text);
    if (!l.empty() && l.back() == '.') l.pop_back();
    if (honorifics.count(Lower(toks[i].text)) || honorifics.count(l)) b = i + 1;
  }
  size_t e = toks.size();
  while (e > b && (not_names.count(Lower(toks[e - 1].text)) || roles.count(Lower(toks[e - 1].text))))
    --e;
  if (b >= e || e - b > 6) return std::nullopt;
  std::string name;
  for (size_t i = b; i < e; ++i) {
    const std::string& w = toks[i].text;
    const std::string l = Lower(w);
    // A particle inside a name ("Pieter van der Berg"), or capitalized at its
    // start ("Van der Berg", "De Vries"), never alone at its end.
    const bool particle = particles.count(l) > 0 && !StartsUpper(w);
    if (particles.count(l) && i + 1 == e) return std::nullopt;
    if (!particle && !StartsUpper(w)) return std::nullopt;
    if (cues.count(l) || not_names.count(l) || roles.count(l)) return std::nullopt;
    if (legal_suffixes.count(w)) return std::nullopt;  // "Kyoto Instruments Co"
    if (!name.empty()) name += ' ';
    name += w;
  }
  return std::make_pair(name, Span{span.begin + toks[b].begin, span.begin + toks[e - 1].end});
}

// An organization mention names a capitalized organization and holds no
// title or month: "Group Finance Director of Castlereagh" and "the Andalusian
// club" are not names.
bool MentionFinder::PlausibleOrgMention(const std::string& text) const {
  const std::vector<Token> toks = Tokens(text);
  if (toks.empty() || !StartsUpper(toks.front().text)) return false;
  if (!StartsUpper(toks.back().text) && !lib_.List("LEGAL_SUFFIX").count(toks.back().text))
    return false;
  const auto& roles = lib_.List("ROLE_WORD");
  const auto& months = lib_.List("MONTH");
  for (const auto& t : toks) {
    std::string l = Lower(t.text);
    if (!l.empty() && l.back() == '.') l.pop_back();
    if (roles.count(l) || months.count(l)) return false;
  }
  return true;
}

std::string MentionFinder::CleanOrg(std::string name) const {
  auto strip_prefix = [&](const char* p) {
    const size_t n = std::char_traits<char>::length(p);
    if (name.size() > n && Lower(name.substr(0, n)) == p) name.erase(0, n);
  };
  strip_prefix("the ");
  // "the head of its aerospace division": the unit, as the seed's gold writes it.
  strip_prefix("its ");
  strip_prefix("their ");
  // "the 212-room Aldwych Grange": a count before the name describes it.
  if (size_t sp = name.find(' '); sp != std::string::npos && sp > 2 &&
      std::isdigit(static_cast<unsigned char>(name[0]))) {
    const size_t dash = name.find('-');
    if (dash != std::string::npos && dash < sp && std::islower(static_cast<unsigned char>(name[dash + 1])))
      name.erase(0, sp + 1);
  }
  strip_prefix("an ");
  strip_prefix("a ");
  // "Directors of Kellbrook Foods Inc.": the people of an organization.
  for (const char* people : {"directors of ", "shareholders of ", "trustees of ", "members of ", "employees of "})
    strip_prefix(people);
  // "Ex-Acme chief executive": the organization is Acme.
  strip_prefix("ex-");
  // A wire's slug before a headline ("BRIEF-Kestrel", "UPDATE 2-Acme").
  for (const char* slug : {"brief-", "update-", "rpt-", "corrected-", "exclusive-"}) strip_prefix(slug);
  if (name.size() > 9 && Lower(name.substr(0, 7)) == "update " && std::isdigit(static_cast<unsigned char>(name[7])) &&
      name[8] == '-')
    name.erase(0, 9);
  // "Brenner AG Appoints Dr. Wolff": a headline's verb ends the name.
  {
    const auto& stop = lib_.List("ORG_STOP");
    size_t at = 0;
    for (size_t sp; (sp = name.find(' ', at)) != std::string::npos; at = sp + 1) {
      const size_t end = name.find(' ', sp + 1);
      const std::string word = Lower(name.substr(sp + 1, end == std::string::npos ? std::string::npos : end - sp - 1));
      if (stop.count(word)) {
        name.resize(sp);
        break;
      }
    }
  }
  // "Former Siemens", "Rival Hartmann Systems", "About Brenner AG".
  const auto& drop = lib_.List("ORG_LEAD_DROP");
  for (size_t sp; (sp = name.find(' ')) != std::string::npos && drop.count(Lower(name.substr(0, sp)));)
    name.erase(0, sp + 1);
  // "Shareholders of Alpenrhein AG", "Analysts at Acme": a crowd, then its organization.
  if (size_t sp = name.find(' '); sp != std::string::npos &&
                                 lib_.List("NOT_NAME").count(Lower(name.substr(0, sp)))) {
    const size_t sp2 = name.find(' ', sp + 1);
    const std::string link = name.substr(sp + 1, sp2 == std::string::npos ? 0 : sp2 - sp - 1);
    if (link == "of" || link == "at" || link == "from") name.erase(0, sp2 + 1);
  }
  // "Chief Executive Officer of Narmada Bank of India": a title, then its
  // organization.
  if (const size_t of = name.find(" of "); of != std::string::npos) {
    const auto& roles = lib_.List("ROLE_WORD");
    const auto& mods = lib_.List("ROLE_MOD");
    bool title = of > 0;
    for (const auto& t : Tokens(name.substr(0, of)))
      if (!roles.count(Lower(t.text)) && !mods.count(Lower(t.text))) title = false;
    if (title) {
      name.erase(0, of + 4);
      strip_prefix("the ");
    }
  }
  // "the board of PayNest" is PayNest's board: the organization is PayNest.
  for (const char* board : {"board of directors of ", "supervisory board of ", "board of trustees of ",
                            "board of "}) {
    const std::string before = name;
    strip_prefix(board);
    std::string rest = Lower(name);
    while (!rest.empty() && (rest.back() == '.' || rest.back() == ',')) rest.pop_back();
    if (rest == "directors" || rest == "trustees" || rest == "governors" || rest == "management")
      name = before;
    else if (name != before)
      strip_prefix("the ");  // "The Board of Trustees of the Frontline Health Alliance"
  }
  // "Uruguayan club Atletico Colonia", "Eredivisie side FC Zuidhaven": a
  // descriptor noun in lower case, then the name.
  {
    const auto& desc = lib_.List("ORG_DESC_NOUN");
    size_t word = 0;
    for (size_t sp; (sp = name.find(' ', word)) != std::string::npos; word = sp + 1) {
      const std::string w = name.substr(word, sp - word);
      if (!w.empty() && std::islower(static_cast<unsigned char>(w[0])) && desc.count(w) &&
          sp + 1 < name.size() && std::isupper(static_cast<unsigned char>(name[sp + 1]))) {
        name.erase(0, sp + 1);
        break;
      }
    }
  }
  // "Court for the District of New Mexico", "Institute for Fiscal Studies":
  // "for" joins a name after a cue word; "London for Meridian Capital" is
  // no name, and ends before "for".
  if (const size_t f = name.find(" for "); f != std::string::npos) {
    const size_t sp = name.rfind(' ', f - 1);
    const std::string word = name.substr(sp == std::string::npos ? 0 : sp + 1, f - (sp == std::string::npos ? 0 : sp + 1));
    if (!lib_.List("ORG_CUE").count(Lower(word)) && !lib_.List("ORG_HEAD").count(word)) {
      name.resize(f);
      if (lib_.List("PLACE").count(Lower(name))) return "";  // "left London for Meridian Capital"
    }
  }
  // "Riyadh-based Al Wasata Capital" -> "Al Wasata Capital".
  if (size_t sp = name.find(' '); sp != std::string::npos && sp > 6 &&
                                 name.compare(sp - 6, 6, "-based") == 0)
    name.erase(0, sp + 1);
  const auto& suffixes = lib_.List("LEGAL_SUFFIX");
  while (!name.empty() && (name.back() == ',' || name.back() == ' ' || name.back() == '.')) {
    // Keep the dot of a legal suffix ("Inc.", "Co."), not the full stop after
    // one that has none ("Havbrand Line A/S.", "Acme AG.").
    const size_t sp = name.rfind(' ');
    const std::string last = sp == std::string::npos ? name : name.substr(sp + 1);
    if (name.back() == '.' && last.size() > 1 && !suffixes.count(last) &&
        suffixes.count(last.substr(0, last.size() - 1))) {
      name.pop_back();
      continue;
    }
    if (name.back() == '.' && name.size() > 3 &&
        (std::isupper(static_cast<unsigned char>(name[name.size() - 2])) ||
         name.compare(name.size() - 3, 3, "nc.") == 0 || name.compare(name.size() - 3, 3, "rp.") == 0 ||
         name.compare(name.size() - 3, 3, "td.") == 0 || name.compare(name.size() - 3, 3, "Co.") == 0))
      break;
    name.pop_back();
  }
  // "Rijnland's supervisory board", "Acme Board of Trustees": the board's organization.
  for (const char* board : {"'s supervisory board", "'s management board", "'s executive board",
                            "'s board of directors", "'s board of trustees", "'s board",
                            " Board of Directors", " Board of Trustees", " Board of Governors",
                            " Supervisory Board", " board of directors", " board of trustees",
                            " supervisory board", "' board"}) {
    const size_t n = std::char_traits<char>::length(board);
    if (name.size() > n + 1 && name.compare(name.size() - n, n, board) == 0) {
      name.resize(name.size() - n);
      break;
    }
  }
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "'s") == 0) name.resize(name.size() - 2);
  // "the GWA Board": an acronym's board is the acronym's organization.
  if (name.size() > 6 && name.compare(name.size() - 6, 6, " Board") == 0 &&
      std::all_of(name.begin(), name.end() - 6, [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '&'; }))
    name.resize(name.size() - 6);
  // "Tohoku's Graduate School of Science": the unit, not its parent.
  if (size_t poss = name.find("'s "); poss != std::string::npos && poss + 3 < name.size() &&
                                      std::isupper(static_cast<unsigned char>(name[poss + 3])))
    name.erase(0, poss + 3);
  if (!name.empty() && name.back() == '\'') name.pop_back();
  // "Enterprise Business Group (EBG) China" -> "Enterprise Business Group China".
  size_t open = name.find(" (");
  if (open != std::string::npos) {
    size_t close = name.find(')', open);
    if (close != std::string::npos) name.erase(open, close - open + 1);
  }
  return name;
}

// "Hearthstack, the home-insurance software startup": a name an apposition
// defines as an organization is one wherever the document repeats it (as a
// word of its own, not inside a longer capitalized run), unless the document
// also gives it as part of a person's name.
void MentionFinder::AddDefinedOrgs(const std::string& text, const std::vector<Sentence>& sentences,
                                   const std::set<std::string>& person_names, Mentions& m) const {
  std::set<std::string> defined;
  for (const auto& s : sentences) {
    re2::StringPiece rest(text.data() + s.span.begin, s.span.end - s.span.begin);
    std::string name, whole;
    while (RE2::FindAndConsume(&rest, *defined_org_, &whole, &name)) {  // group 1: the whole match
      // "Jane Doe, a 20-year veteran of the company,": the noun hangs on a
      // preposition, so the apposition describes a person.
      const std::string desc = whole.substr(std::min(whole.size(), name.size()));
      bool prepositional = false;
      for (const char* p : {" of ", " to ", " at ", " for ", " with ", " from "})
        if (desc.find(p) != std::string::npos) prepositional = true;
      if (!prepositional && PlausibleOrgMention(name) && !IsPronoun(name)) defined.insert(name);
    }
  }
  for (const auto& p : person_names)
    for (auto it = defined.begin(); it != defined.end();)
      it = p != *it && (" " + p + " ").find(" " + *it + " ") != std::string::npos ? defined.erase(it)
                                                                                   : std::next(it);
  if (defined.empty()) return;
  auto sentence_of = [&](size_t at) {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), at,
                               [](size_t a, const Sentence& s) { return a < s.span.begin; });
    return it == sentences.begin() ? size_t{0} : static_cast<size_t>(it - sentences.begin() - 1);
  };
  auto letter = [&](size_t i) { return std::isalnum(static_cast<unsigned char>(text[i])) != 0; };
  // The mentions found so far, by start, with the furthest end reached up to
  // each: an occurrence overlaps one iff a mention starting before its end
  // reaches past its start (linear in mentions, not mentions x occurrences).
  std::vector<std::pair<size_t, size_t>> spans;  // (begin, furthest end so far)
  for (const auto& o : m.orgs) spans.emplace_back(o.span.begin, o.span.end);
  std::sort(spans.begin(), spans.end());
  for (size_t k = 1; k < spans.size(); ++k) spans[k].second = std::max(spans[k].second, spans[k - 1].second);
  auto covered = [&](size_t at, size_t end) {
    auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(end, size_t{0}));
    return it != spans.begin() && std::prev(it)->second > at;
  };
  for (const auto& name : defined) {
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
      const size_t end = at + name.size();
      if ((at > 0 && letter(at - 1)) || (end < text.size() && letter(end))) continue;
      // Not inside a longer name: "Hearthstack Labs" is another organization.
      if (end + 1 < text.size() && text[end] == ' ' && std::isupper(static_cast<unsigned char>(text[end + 1])))
        continue;
      if (!covered(at, end)) m.orgs.push_back({{at, end}, name, sentence_of(at)});
    }
  }
  std::stable_sort(m.orgs.begin(), m.orgs.end(),
                   [](const OrgMention& a, const OrgMention& b) { return a.span.begin < b.span.begin; });
}

Mentions MentionFinder::Find(const std::string& text, const std::vector<Sentence>& sentences) const {
  Mentions m;
  std::set<std::string> person_names;  // every name found, also those later dropped
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    const re2::StringPiece sent(text.data() + s.span.begin, s.span.end - s.span.begin);
    // Each match's bounds only (group 0): RE2 finds them with its DFAs alone,
    // where asking for a group runs its far slower NFA on every match.
    auto scan = [&](const RE2& re, auto&& on_match) {
      re2::StringPiece hit;
      for (size_t pos = 0; pos <= sent.size() && re.Match(sent, pos, sent.size(), RE2::UNANCHORED, &hit, 1);) {
        const size_t b = s.span.begin + static_cast<size_t>(hit.data() - sent.data());
        on_match(Span{b, b + hit.size()}, std::string(hit.data(), hit.size()));
        const size_t end = static_cast<size_t>(hit.data() - sent.data()) + hit.size();
        pos = hit.empty() ? end + 1 : end;
      }
    };
    scan(*name_, [&](Span sp, const std::string& t) {
      if (auto c = CleanPerson(t, sp)) {
        person_names.insert(c->first);
        m.persons.push_back({c->second, c->first, si});
      }
    });
    scan(*org_, [&](Span sp, std::string t) {
      // "U.S. District Co|urt", "Hanwha Corp|oration": a legal suffix that
      // ends inside a cue word stands for the whole word.
      if (sp.end > sp.begin && std::isalpha(static_cast<unsigned char>(text[sp.end - 1]))) {
        size_t end = sp.end;
        while (end < s.span.end && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        const size_t word = t.rfind(' ') == std::string::npos ? sp.begin : sp.begin + t.rfind(' ') + 1;
        if (end > sp.end && lib_.List("ORG_CUE").count(Lower(text.substr(word, end - word)))) {
          t += text.substr(sp.end, end - sp.end);
          sp.end = end;
        }
      }
      if (PlausibleOrgMention(t)) m.orgs.push_back({sp, CleanOrg(t), si});
    });
    // A capitalized run inside an organization's name is not a person.
    std::erase_if(m.persons, [&](const PersonMention& p) {
      if (p.sentence != si) return false;
      for (const auto& o : m.orgs)
        if (o.sentence == si && p.span.begin < o.span.end && o.span.begin < p.span.end) return true;
      return false;
    });
    scan(*date_, [&](Span sp, const std::string&) { m.dates.push_back({sp, si}); });
    scan(*reference_, [&](Span, const std::string& t) {
      const size_t sp = t.find_last_of(" -");
      std::string noun = t.substr(sp == std::string::npos ? 0 : sp + 1);
      for (char& c : noun) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      m.reference_nouns.push_back(std::move(noun));
    });
    {
      re2::StringPiece rest = sent;
      std::string full, abbr;
      while (RE2::FindAndConsume(&rest, *acronym_, (std::string*)nullptr, &full, &abbr)) {
        std::string f = CleanOrg(full);
        m.acronyms[abbr] = f;
      }
    }
    if (si == 0) {
      // The organization a headline opens with counts twice towards focus.
      re2::StringPiece whole, org;
      if (RE2::PartialMatch(sent, *headline_org_, &whole, &org) && PlausibleOrgMention(std::string(org))) {
        const size_t b = s.span.begin + static_cast<size_t>(org.data() - sent.data());
        for (int k = 0; k < 2; ++k) m.orgs.push_back({{b, b + org.size()}, CleanOrg(std::string(org)), si});
      }
    }
    if (si == 0 || (si < 3 && !m.issuer)) {
      std::string org;
      re2::StringPiece whole;
      // ("The Supervisory Board announced": a board issues for its organization.)
      if (RE2::PartialMatch(sent, *issuer_, &whole, &org) && !org.empty()) {
        std::string bare = Lower(CleanOrg(org));
        if (bare.rfind("the ", 0) == 0) bare.erase(0, 4);
        if (!lib_.List("ORG_GENERIC").count(bare)) m.issuer = CleanOrg(org);
      }
    }
  }
  // "the Deccan Courier", "The Sparta Dordrecht squad": a person's name never
  // follows "the" in news copy (titles and honorifics come between).
  auto after_the = [&](const std::string& name) {
    for (const char* det : {"the ", "The "}) {
      const std::string needle = det + name;
      for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        const size_t end = at + needle.size();
        const bool word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
        const bool word_end = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
        // "the Whitaker School": the run goes on, and names something else.
        const bool run_goes_on = end + 1 < text.size() && text[end] == ' ' &&
                                 std::isupper(static_cast<unsigned char>(text[end + 1]));
        if (word_start && word_end && !run_goes_on) return true;
      }
    }
    return false;
  };
  // "Born in Glace Bay, Nova Scotia, in 1939": a run right after "in" or
  // "near" (not a possessive), and one set off by commas right after such a
  // place, is a place.
  // Both lookups below are indexed once, so a document of many names stays
  // linear: the names that end a longer name, and each mention by its start.
  std::set<std::string> name_tails;
  std::map<size_t, const PersonMention*> by_start;
  for (const auto& q : m.persons) {
    by_start.emplace(q.span.begin, &q);
    for (size_t sp = q.name.find(' '); sp != std::string::npos; sp = q.name.find(' ', sp + 1))
      name_tails.insert(q.name.substr(sp + 1));
  }
  std::set<std::string> places_in_text;
  for (const auto& p : m.persons) {
    const size_t b = p.span.begin;
    auto before = [&](const char* w) {
      const size_t n = std::char_traits<char>::length(w);
      return b >= n && text.compare(b - n, n, w) == 0 &&
             (b == n || !std::isalpha(static_cast<unsigned char>(text[b - n - 1])));
    };
    const bool possessive = p.span.end + 1 < text.size() && text[p.span.end] == '\'';
    if (possessive || std::count(p.name.begin(), p.name.end(), ' ') > 2) continue;
    // Not "brought in X" (a hire), nor "lost confidence in Menezes" (a
    // family name the document gives in full elsewhere).
    if (before("brought in ") || before("bring in ") || before("brings in ") ||
        before("bringing in "))
      continue;
    if (name_tails.count(p.name)) continue;
    if (before("in ") || before("near ")) {
      places_in_text.insert(p.name);
      auto next = by_start.find(p.span.end + 2);
      if (next != by_start.end() && text.compare(p.span.end, 2, ", ") == 0) {
        const size_t e = next->second->span.end;  // not "in Daegu, Park joined"
        if (e < text.size() && (text[e] == ',' || text[e] == '.')) places_in_text.insert(next->second->name);
      }
    }
  }
  AddDefinedOrgs(text, sentences, person_names, m);
  std::set<std::string> org_names;
  for (const auto& o : m.orgs) org_names.insert(o.name);
  // "Brenner Antriebstechnik" of "Brenner Antriebstechnik AG": an
  // organization's name without its legal suffix or cue word.
  const auto& suffixes = lib_.List("LEGAL_SUFFIX");
  const auto& places = lib_.List("PLACE");
  auto org_stem = [&](const std::string& name) {
    if (name.find(' ') == std::string::npos) return false;  // "Brenner" may be a family name
    for (const auto& o : org_names) {
      if (o.size() <= name.size() + 1 || o.compare(0, name.size(), name) != 0 || o[name.size()] != ' ')
        continue;
      std::string rest = o.substr(name.size() + 1);
      if (rest.find(' ') != std::string::npos) continue;
      std::string bare = rest;
      while (!bare.empty() && (bare.back() == '.' || bare.back() == ',')) bare.pop_back();
      // (Not a cue word: "Vardhan Motors" is named after Sanjay Vardhan.)
      if (suffixes.count(rest) || suffixes.count(bare)) return true;
    }
    return false;
  };
  // "the shipbuilder Öresund Varv", "investment bank Carrow Finch": a name
  // right after a lower-case noun that describes an organization names that
  // organization, unless the noun also describes people (PERSON_NOUN, a
  // title's head word) or the name opens with a given name ("film producer
  // Jane Smith").
  {
    const auto& desc = lib_.List("ORG_DESC_NOUN");
    const auto& person_nouns = lib_.List("PERSON_NOUN");
    const auto& titles = lib_.List("ROLE_HEAD");  // "Assistant brewer Kieran Walsh"
    const auto& female = lib_.List("GIVEN_FEMALE");
    const auto& male = lib_.List("GIVEN_MALE");
    for (const auto& p : m.persons) {
      const size_t b = p.span.begin;
      if (b < 2 || text[b - 1] != ' ') continue;
      const size_t w1 = text.rfind(' ', b - 2);
      const size_t s1 = w1 == std::string::npos ? 0 : w1 + 1;
      const std::string one = text.substr(s1, b - 1 - s1);
      std::string two;
      if (w1 != std::string::npos && w1 > 0) {
        const size_t w2 = text.rfind(' ', w1 - 1);
        const size_t s2 = w2 == std::string::npos ? 0 : w2 + 1;
        two = text.substr(s2, b - 1 - s2);
      }
      auto described = [&](const std::string& noun) {
        return !noun.empty() && std::islower(static_cast<unsigned char>(noun[0])) && desc.count(noun) &&
               !person_nouns.count(noun) && !titles.count(noun);
      };
      if (!described(one) && !described(two)) continue;
      const std::string first = p.name.substr(0, p.name.find(' '));
      if (female.count(first) || male.count(first)) continue;
      m.not_persons.insert(p.name);
    }
  }
  for (const auto& name : person_names)
    if (org_names.count(name) || after_the(name) || org_stem(name) || places_in_text.count(name) ||
        places.count(Lower(name)))
      m.not_persons.insert(name);
  std::erase_if(m.persons, [&](const PersonMention& p) { return m.not_persons.count(p.name) > 0; });
  return m;
}

}  // namespace newsroles
