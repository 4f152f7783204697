#include "rules.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <exception>

namespace newsroles {

namespace {

re2::StringPiece SentenceText(const std::string& text, const Sentence& sentence) {
  return re2::StringPiece(text.data() + sentence.span.begin, sentence.span.end - sentence.span.begin);
}

// Appends every non-overlapping match of rule `r` in one sentence to `out`.
// Throws PatternError when the rule cannot be compiled.
void MatchOne(const PatternLibrary& lib, size_t r, const std::string& text, const Sentence& sentence,
              size_t sentence_index, std::vector<re2::StringPiece>& groups,
              std::vector<RuleMatch>& out) {
  const Rule& rule = lib.rules()[r];
  const RE2& re = rule.regex->Get();
  const std::vector<std::string>& group_slots = rule.regex->GroupSlots();
  const int n = static_cast<int>(group_slots.size());
  groups.assign(static_cast<size_t>(n), re2::StringPiece());
  const re2::StringPiece sent = SentenceText(text, sentence);
  size_t pos = 0;
  while (pos <= sent.size() && re.Match(sent, pos, sent.size(), RE2::UNANCHORED, groups.data(), n)) {
    RuleMatch m;
    m.rule = r;
    m.sentence = sentence_index;
    const size_t b = static_cast<size_t>(groups[0].data() - sent.data());
    m.span = {sentence.span.begin + b, sentence.span.begin + b + groups[0].size()};
    for (int g = 1; g < n; ++g) {
      const std::string& slot = group_slots[static_cast<size_t>(g)];
      if (slot.empty() || groups[g].data() == nullptr) continue;
      const size_t gb = static_cast<size_t>(groups[g].data() - sent.data());
      size_t size = groups[g].size();
      // 'Ms. Ho Lai Yee ("Ms. Ho")': a person's alias in parentheses is no part of the name.
      if (size > 0 && groups[g][size - 1] == ')' && (slot == "person" || slot == "other"))
        if (size_t open = re2::StringPiece(groups[g].data(), size).rfind(" ("); open != re2::StringPiece::npos)
          size = open;
      // "Pacific Athletics Co|nfederation": a legal suffix read inside a word
      // stands for the whole word; an organization never ends mid-word.
      if ((slot == "org" || slot == "org2") && size > 0 && size == groups[g].size() &&
          std::isalpha(static_cast<unsigned char>(groups[g][size - 1])))
        while (gb + size < sent.size() && std::isalpha(static_cast<unsigned char>(sent[gb + size]))) ++size;
      m.slots[slot] = {sentence.span.begin + gb, sentence.span.begin + gb + size};
    }
    out.push_back(std::move(m));
    const size_t end = b + groups[0].size();
    pos = end > pos ? end : pos + 1;
  }
}

}  // namespace

std::vector<RuleMatch> MatchRules(const PatternLibrary& lib, const std::string& text,
                                  const Sentence& sentence, size_t sentence_index) {
  std::vector<RuleMatch> out;
  std::vector<int> hits;
  if (!lib.Candidates(SentenceText(text, sentence), &hits)) return out;
  std::vector<re2::StringPiece> groups;
  for (int h : hits) MatchOne(lib, static_cast<size_t>(h), text, sentence, sentence_index, groups, out);
  return out;
}

std::vector<std::vector<RuleMatch>> MatchRulesMany(const PatternLibrary& lib,
                                                   const std::vector<MatchInput>& docs,
                                                   std::vector<std::string>* errors,
                                                   size_t first_rule) {
  // Every sentence's candidates, then each rule over the sentences it is a
  // candidate for; a sentence's matches land in its own list, put in rule
  // order at the end (stable: a rule's matches stay left to right), as
  // MatchRules orders them.
  struct Site {
    uint32_t doc, sentence;
  };
  std::vector<std::vector<Site>> by_rule(lib.rules().size());
  std::vector<std::vector<std::vector<RuleMatch>>> per_sentence(docs.size());
  std::vector<int> hits;
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::vector<Sentence>& sentences = *docs[d].sentences;
    per_sentence[d].resize(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (!lib.Candidates(SentenceText(*docs[d].text, sentences[i]), &hits)) continue;
      for (int h : hits) by_rule[static_cast<size_t>(h)].push_back({static_cast<uint32_t>(d), static_cast<uint32_t>(i)});
    }
  }
  errors->assign(docs.size(), "");
  {
    std::vector<size_t> needed;
    for (size_t r = 0; r < by_rule.size(); ++r)
      if (!by_rule[r].empty()) needed.push_back(r);
    lib.CompileSome(needed);  // the first chunk's rules, built on all cores
  }
  std::vector<re2::StringPiece> groups;
  const size_t rules = by_rule.size();
  for (size_t k = 0; k < rules; ++k) {
    const size_t r = (first_rule + k) % rules;
    for (const Site& site : by_rule[r]) {
      if (!(*errors)[site.doc].empty()) continue;
      try {
        MatchOne(lib, r, *docs[site.doc].text, (*docs[site.doc].sentences)[site.sentence], site.sentence,
                 groups, per_sentence[site.doc][site.sentence]);
      } catch (const std::exception& e) {
        (*errors)[site.doc] = e.what();
      }
    }
  }
  std::vector<std::vector<RuleMatch>> out(docs.size());
  for (size_t d = 0; d < docs.size(); ++d)
    for (auto& matches : per_sentence[d]) {
      if (first_rule % std::max<size_t>(1, rules) != 0)
        std::stable_sort(matches.begin(), matches.end(),
                         [](const RuleMatch& a, const RuleMatch& b) { return a.rule < b.rule; });
      for (auto& m : matches) out[d].push_back(std::move(m));
    }
  return out;
}

}  // namespace newsroles
