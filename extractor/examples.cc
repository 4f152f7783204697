#include "examples.h"

#include <algorithm>
#include <sstream>

namespace newsroles {
namespace {

std::string Show(const std::optional<std::string>& s) { return s ? *s : "-"; }

std::string Describe(const Event& e) {
  return e.type + " | " + e.person + " | " + Show(e.role) + " | " + Show(e.org) + " | " +
         Show(e.date);
}

bool Same(const ExpectedEvent& x, const Event& e) {
  return x.type == e.type && x.person == e.person && x.role == e.role && x.org == e.org &&
         (!x.check_date || x.date == e.date);
}

}  // namespace

ExampleReport RunExamples(const Engine& engine) {
  ExampleReport report;
  Extractor extractor(engine);
  for (const Rule& rule : engine.library().rules()) {
    ++report.rules;
    const std::string rule_where = rule.file + ":" + std::to_string(rule.line);
    bool has_pos = false, has_neg = false;
    for (const RuleExample& ex : rule.examples) {
      ++report.examples;
      (ex.positive ? has_pos : has_neg) = true;
      const std::string where = ex.file + ":" + std::to_string(ex.line);
      Document doc{"example", ex.text, ex.anchor, ex.file, ex.line};
      RunOptions opts;
      opts.keep_candidates = true;
      DocumentResult r = extractor.Run(doc, opts);
      if (r.error) {
        report.failures.push_back({where, rule.id, r.error->message});
        continue;
      }
      std::vector<Event> mine;
      for (auto& e : r.events)
        if (e.rule == rule.id &&
            std::none_of(mine.begin(), mine.end(), [&](const Event& m) { return Describe(m) == Describe(e); }))
          mine.push_back(e);
      // The same change stated twice by this rule is one event, as in the output.
      mine = Resolver::Merge(std::move(mine), engine.library().Table("ROLE_SHORT"));
      if (!ex.positive) {
        for (const auto& e : mine)
          report.failures.push_back({where, rule.id, "negative example gave: " + Describe(e)});
        continue;
      }
      std::vector<bool> used(mine.size(), false);
      for (const auto& x : ex.expected) {
        bool found = false;
        for (size_t i = 0; i < mine.size() && !found; ++i)
          if (!used[i] && Same(x, mine[i])) used[i] = found = true;
        if (!found) {
          std::string got;
          for (const auto& e : mine) got += "\n      got: " + Describe(e);
          if (mine.empty()) got = "\n      got: nothing";
          report.failures.push_back({where, rule.id,
                                     "missing: " + x.type + " | " + x.person + " | " +
                                         Show(x.role) + " | " + Show(x.org) +
                                         (x.check_date ? " | " + Show(x.date) : "") + got});
        }
      }
      for (size_t i = 0; i < mine.size(); ++i)
        if (!used[i]) report.failures.push_back({where, rule.id, "unexpected: " + Describe(mine[i])});
    }
    if (!has_pos) report.failures.push_back({rule_where, rule.id, "rule has no positive example"});
    if (!has_neg) report.failures.push_back({rule_where, rule.id, "rule has no negative example"});
  }
  return report;
}

}  // namespace newsroles
