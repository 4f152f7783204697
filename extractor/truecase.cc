#include "truecase.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <vector>

namespace newsroles {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsUpper(c) || IsLower(c) || static_cast<unsigned char>(c) >= 0x80; }

std::string Lower(std::string s) {
  for (char& c : s)
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string Capitalized(const std::string& lower) {
  std::string s = lower;
  // "patel-singh" -> "Patel-Singh", "o'neil" -> "O'Neil"; a final "'s" stays.
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsLower(s[i])) continue;
    const bool opens = i == 0 || s[i - 1] == '-' || (s[i - 1] == '\'' && i + 1 < s.size());
    if (opens) s[i] = static_cast<char>(s[i] - 'a' + 'A');
  }
  return s;
}

struct Token {
  size_t begin = 0, end = 0;
  int letters = 0;      // ASCII letters
  bool lower = false;   // holds a lower-case ASCII letter
  bool initial = false;  // opens a sentence or a line
};

// Words: runs of letters, joined by a hyphen or an apostrophe between letters.
std::vector<Token> Tokens(const std::string& text) {
  std::vector<Token> out;
  for (size_t i = 0; i < text.size();) {
    if (!IsLetter(text[i])) {
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    while (i < text.size() &&
           (IsLetter(text[i]) || ((text[i] == '-' || text[i] == '\'') && i + 1 < text.size() &&
                                  IsLetter(text[i + 1]) && i > t.begin)))
      ++i;
    t.end = i;
    for (size_t k = t.begin; k < t.end; ++k) {
      if (IsUpper(text[k]) || IsLower(text[k])) ++t.letters;
      if (IsLower(text[k])) t.lower = true;
    }
    size_t p = t.begin;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '"' || text[p - 1] == '(')) --p;
    t.initial = p == 0 || text[p - 1] == '.' || text[p - 1] == '!' || text[p - 1] == '?' ||
                text[p - 1] == '\n' || text[p - 1] == ':' || text[p - 1] == '*';
    out.push_back(t);
  }
  return out;
}

// The forms a document writes a word in, outside capital runs.
struct Seen {
  int lower = 0;
  std::map<std::string, int> capital, capital_initial;
};

std::string MostFrequent(const std::map<std::string, int>& forms) {
  std::string best;
  int n = 0;
  for (const auto& [form, count] : forms)
    if (count > n) {
      best = form;
      n = count;
    }
  return best;
}

}  // namespace

Truecaser::Truecaser(const PatternLibrary& lib) {
  for (const char* list : {"GIVEN_FEMALE", "GIVEN_MALE"})
    for (const auto& name : lib.List(list)) given_.insert(Lower(name));
  for (const char* table : {"MONTH", "WEEKDAY"})
    for (const auto& [word, value] : lib.Table(table))
      if (word.size() > 2) fixed_.emplace(Lower(word), Capitalized(Lower(word)));
  // A cased list: its entries are written as they should read ("Corp", "ASA");
  // not one that is also a common word ("AS", Norway's, is "as" in a headline).
  const auto& common = lib.List("NOT_NAME");
  for (const auto& suffix : lib.List("LEGAL_SUFFIX")) {
    const std::string key = Lower(suffix);
    if (common.count(key)) continue;
    auto it = fixed_.find(key);
    const bool has_lower = suffix.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
    if (it == fixed_.end() || has_lower) fixed_[key] = suffix;
  }
}

std::vector<Span> Truecaser::Apply(std::string& text) const {
  const std::vector<Token> tokens = Tokens(text);
  // Capital runs: tokens with no lower-case letter, on one line, holding at
  // least four words of two or more capitals.
  std::vector<bool> in_run(tokens.size(), false);
  std::vector<Span> runs;
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i].lower) {
      ++i;
      continue;
    }
    size_t j = i;
    int words = 0;
    while (j < tokens.size() && !tokens[j].lower &&
           (j == i || std::find(text.begin() + static_cast<std::ptrdiff_t>(tokens[j - 1].end),
                                text.begin() + static_cast<std::ptrdiff_t>(tokens[j].begin),
                                '\n') == text.begin() + static_cast<std::ptrdiff_t>(tokens[j].begin))) {
      if (tokens[j].letters >= 2) ++words;
      ++j;
    }
    if (words >= 4) {
      for (size_t k = i; k < j; ++k) in_run[k] = true;
      runs.push_back({tokens[i].begin, tokens[j - 1].end});
    }
    i = j;
  }
  if (runs.empty()) return runs;

  std::map<std::string, Seen> seen;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (in_run[i]) continue;
    const std::string word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    Seen& s = seen[Lower(word)];
    if (!IsUpper(word[0]) && tokens[i].lower && word == Lower(word)) ++s.lower;
    else if (IsUpper(word[0])) ++(tokens[i].initial ? s.capital_initial : s.capital)[word];
  }

  int surname = 0;  // words after a given name still to capitalize
  std::set<std::string> named;  // words capitalized as names so far
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!in_run[i]) {
      surname = 0;
      continue;
    }
    const Token& t = tokens[i];
    const std::string word = text.substr(t.begin, t.end - t.begin);
    const std::string key = Lower(word);
    std::string form;
    bool known = true;
    auto s = seen.find(key);
    if (s != seen.end() && !s->second.capital.empty() && s->second.lower == 0) {
      form = MostFrequent(s->second.capital);
    } else if (s != seen.end() && s->second.lower > 0) {
      form = key;
    } else if (s != seen.end() && !s->second.capital_initial.empty()) {
      form = MostFrequent(s->second.capital_initial);
    } else if (auto f = fixed_.find(key); f != fixed_.end()) {
      form = f->second;
    } else {
      known = false;
    }
    // "HENDRY'S": the base word's form, then "'s".
    if (!known && key.size() > 2 && key.compare(key.size() - 2, 2, "'s") == 0) {
      const std::string base = key.substr(0, key.size() - 2);
      auto b = seen.find(base);
      if (b != seen.end() && !b->second.capital.empty() && b->second.lower == 0) {
        form = MostFrequent(b->second.capital) + "'s";
        known = true;
      }
    }
    if (!known) {
      if (given_.count(key)) {
        form = Capitalized(key);
        surname = 1;
      } else if (surname > 0 || named.count(key)) {
        // "KENJI TAKEDA ... SAYS TAKEDA TO BECOME CHAIRMAN": a surname once
        // read as one stays one.
        form = Capitalized(key);
        named.insert(key);
        surname = 0;
      } else {
        form = key;
      }
    } else if (given_.count(key) && form != key) {
      surname = 1;
    } else {
      surname = 0;
    }
    // Guard: only the case of ASCII letters changes.
    if (form.size() != word.size() || Lower(form) != key) continue;
    text.replace(t.begin, form.size(), form);
    // A comma or other stop ends a name.
    if (t.end < text.size() && text[t.end] != ' ') surname = 0;
  }
  return runs;
}

}  // namespace newsroles
