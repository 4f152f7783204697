// Copyright (c) the project authors.

#include "checker/score.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string_view>

namespace checker {

namespace {

using MatchRelation = std::function<bool(const CanonicalEvent&, const CanonicalEvent&)>;

// Greedy pairing in passes, strictest relation first (see score.h).
Alignment Align(const std::vector<CanonicalEvent>& gold, const std::vector<CanonicalEvent>& system,
                const std::vector<MatchRelation>& passes) {
  Alignment alignment;
  alignment.gold_of_system.assign(system.size(), -1);
  alignment.system_of_gold.assign(gold.size(), -1);
  for (const MatchRelation& matches : passes) {
    for (size_t s = 0; s < system.size(); ++s) {
      if (alignment.gold_of_system[s] != -1) continue;
      for (size_t g = 0; g < gold.size(); ++g) {
        if (alignment.system_of_gold[g] != -1) continue;
        if (!matches(gold[g], system[s])) continue;
        alignment.gold_of_system[s] = static_cast<int>(g);
        alignment.system_of_gold[g] = static_cast<int>(s);
        break;
      }
    }
  }
  return alignment;
}

std::vector<CanonicalEvent> CanonicalizeAll(const std::vector<Event>& events) {
  std::vector<CanonicalEvent> canonical;
  canonical.reserve(events.size());
  for (const Event& event : events) canonical.push_back(Canonicalize(event));
  return canonical;
}

int CountPaired(const std::vector<int>& partners) {
  return static_cast<int>(
      std::count_if(partners.begin(), partners.end(), [](int partner) { return partner != -1; }));
}

constexpr std::string_view kEventTypes[] = {"start", "end", "hold"};
constexpr std::string_view kNoRule = "(none)";

}  // namespace

Counts& Counts::operator+=(const Counts& other) {
  gold_events += other.gold_events;
  system_events += other.system_events;
  core_matches += other.core_matches;
  full_matches += other.full_matches;
  lenient_matches += other.lenient_matches;
  return *this;
}

PrecisionRecallF1 Ratios(int matches, int gold_events, int system_events) {
  PrecisionRecallF1 figures;
  figures.precision = system_events == 0 ? 1.0 : static_cast<double>(matches) / system_events;
  figures.recall = gold_events == 0 ? 1.0 : static_cast<double>(matches) / gold_events;
  const double sum = figures.precision + figures.recall;
  figures.f1 = sum == 0 ? 0.0 : 2 * figures.precision * figures.recall / sum;
  return figures;
}

PrecisionRecallF1 CoreFigures(const Counts& counts) {
  return Ratios(counts.core_matches, counts.gold_events, counts.system_events);
}

PrecisionRecallF1 FullFigures(const Counts& counts) {
  return Ratios(counts.full_matches, counts.gold_events, counts.system_events);
}

PrecisionRecallF1 LenientFigures(const Counts& counts) {
  return Ratios(counts.lenient_matches, counts.gold_events, counts.system_events);
}

std::optional<double> DateAccuracy(const Counts& counts) {
  if (counts.core_matches == 0) return std::nullopt;
  return static_cast<double>(counts.full_matches) / counts.core_matches;
}

Alignment AlignCore(const std::vector<CanonicalEvent>& gold,
                    const std::vector<CanonicalEvent>& system) {
  return Align(gold, system, {FullMatch, CoreMatch});
}

Alignment AlignLenient(const std::vector<CanonicalEvent>& gold,
                       const std::vector<CanonicalEvent>& system) {
  return Align(gold, system, {FullMatch, CoreMatch, LenientMatch});
}

Scores Score(const Corpus& gold, const Corpus& system) {
  std::map<std::string_view, const Document*> system_by_id;
  for (const Document& document : system) {
    system_by_id.emplace(document.id, &document);
  }

  Scores scores;
  std::map<std::string_view, Counts> by_type;
  std::map<std::string, RuleScore> by_rule;
  std::set<std::string_view> in_gold;

  for (const Document& gold_document : gold) {
    in_gold.insert(gold_document.id);
    DocumentScore document_score;
    document_score.doc = gold_document.id;

    static const std::vector<Event> kNoEvents;
    const std::vector<Event>* system_events = &kNoEvents;
    auto found = system_by_id.find(gold_document.id);
    if (found == system_by_id.end()) {
      document_score.status = DocumentStatus::kMissing;
    } else if (found->second->error) {
      document_score.status = DocumentStatus::kSystemError;
      document_score.system_error = *found->second->error;
    } else {
      system_events = &found->second->events;
    }

    const std::vector<CanonicalEvent> gold_canonical = CanonicalizeAll(gold_document.events);
    const std::vector<CanonicalEvent> system_canonical = CanonicalizeAll(*system_events);
    const Alignment core = AlignCore(gold_canonical, system_canonical);
    const Alignment lenient = AlignLenient(gold_canonical, system_canonical);

    Counts& counts = document_score.counts;
    counts.gold_events = static_cast<int>(gold_document.events.size());
    counts.system_events = static_cast<int>(system_events->size());
    counts.core_matches = CountPaired(core.gold_of_system);
    counts.lenient_matches = CountPaired(lenient.gold_of_system);

    for (const Event& event : gold_document.events) {
      ++by_type[event.type].gold_events;
    }
    for (size_t s = 0; s < system_events->size(); ++s) {
      const Event& event = (*system_events)[s];
      Counts& type_counts = by_type[event.type];
      ++type_counts.system_events;
      RuleScore& rule = by_rule[event.rule.value_or(std::string(kNoRule))];
      ++rule.events;

      if (lenient.gold_of_system[s] != -1) ++type_counts.lenient_matches;
      const int g = core.gold_of_system[s];
      if (g == -1) {
        document_score.false_positives.push_back(static_cast<int>(s));
        scores.false_positives.push_back({gold_document.id, event});
        continue;
      }
      ++type_counts.core_matches;
      ++rule.core_correct;
      const Event& gold_event = gold_document.events[static_cast<size_t>(g)];
      if (gold_event.date == event.date) {
        ++counts.full_matches;
        ++type_counts.full_matches;
        ++rule.full_correct;
      } else {
        scores.wrong_dates.push_back({gold_document.id, gold_event, event});
      }
    }
    for (size_t g = 0; g < gold_document.events.size(); ++g) {
      if (core.system_of_gold[g] != -1) continue;
      document_score.missed.push_back(static_cast<int>(g));
      scores.misses.push_back({gold_document.id, gold_document.events[g]});
    }

    scores.overall += counts;
    scores.by_document.push_back(std::move(document_score));
  }

  for (std::string_view type : kEventTypes) {
    scores.by_type.push_back({std::string(type), by_type[type]});
  }
  for (auto& [name, rule] : by_rule) {
    rule.rule = name;
    scores.by_rule.push_back(rule);
  }
  for (const Document& document : system) {
    if (!in_gold.contains(document.id)) {
      scores.ignored_system_documents.push_back(document.id);
    }
  }
  return scores;
}

}  // namespace checker
