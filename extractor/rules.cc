#include "rules.h"

#include <algorithm>

namespace newsroles {

std::vector<RuleMatch> MatchRules(const PatternLibrary& lib, const std::string& text,
                                  const Sentence& sentence, size_t sentence_index) {
  std::vector<RuleMatch> out;
  const re2::StringPiece sent(text.data() + sentence.span.begin,
                              sentence.span.end - sentence.span.begin);
  std::vector<int> hits;
  if (!lib.Candidates(sent, &hits)) return out;
  std::vector<re2::StringPiece> groups;
  for (int h : hits) {
    const Rule& rule = lib.rules()[static_cast<size_t>(h)];
    const RE2& re = rule.regex->Get();
    const std::vector<std::string>& group_slots = rule.regex->GroupSlots();
    const int n = static_cast<int>(group_slots.size());
    groups.assign(static_cast<size_t>(n), re2::StringPiece());
    size_t pos = 0;
    while (pos <= sent.size() &&
           re.Match(sent, pos, sent.size(), RE2::UNANCHORED, groups.data(), n)) {
      RuleMatch m;
      m.rule = static_cast<size_t>(h);
      m.sentence = sentence_index;
      const size_t b = static_cast<size_t>(groups[0].data() - sent.data());
      m.span = {sentence.span.begin + b, sentence.span.begin + b + groups[0].size()};
      for (int g = 1; g < n; ++g) {
        const std::string& slot = group_slots[static_cast<size_t>(g)];
        if (slot.empty() || groups[g].data() == nullptr) continue;
        const size_t gb = static_cast<size_t>(groups[g].data() - sent.data());
        m.slots[slot] = {sentence.span.begin + gb, sentence.span.begin + gb + groups[g].size()};
      }
      out.push_back(std::move(m));
      const size_t end = b + groups[0].size();
      pos = end > pos ? end : pos + 1;
    }
  }
  return out;
}

}  // namespace newsroles
