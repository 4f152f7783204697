// Copyright (c) the project authors.
//
// Scoring a system run against gold, as the contract's "Matching" section
// defines it (/work/shared/spec/events.md).
//
// Documents are keyed by id and the gold decides which are scored: a gold
// document absent from the system run has all its events missed (status
// kMissing); a system error record scores as a document with no events
// (status kSystemError); system documents not in gold are ignored and only
// listed.
//
// Pairing within a document is a deterministic greedy: system events in
// order each take the first free gold event that matches, in passes from
// the strictest relation to the loosest, so every gold event pairs at most
// once and a date-correct system event is preferred:
//   core alignment:    full match, then core match;
//   lenient alignment: full match, then core match, then lenient match.
// A second system event equal to one already paired is a false positive.
// The core alignment is a maximum one (core match is an equivalence), and
// the lenient alignment contains it, so lenient >= core.
//
// Figures are micro-averaged: counts are summed, then divided.
//   precision = matches / system events  (1 when there are no system events)
//   recall    = matches / gold events    (1 when there are no gold events)
//   F1        = harmonic mean (0 when precision + recall is 0)
//   date accuracy = full matches / core matches (none when no core match)
//
// Thread safety: pure functions over values.

#ifndef TOOLS_CHECKER_SCORE_H_
#define TOOLS_CHECKER_SCORE_H_

#include <optional>
#include <string>
#include <vector>

#include "checker/canonical.h"
#include "checker/document.h"

namespace checker {

// Event counts for one slice of the corpus (all, one type, one document).
struct Counts {
  int gold_events = 0;
  int system_events = 0;
  int core_matches = 0;
  int full_matches = 0;  // core-matched pairs whose dates are equal
  int lenient_matches = 0;

  Counts& operator+=(const Counts& other);
};

struct PrecisionRecallF1 {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

PrecisionRecallF1 Ratios(int matches, int gold_events, int system_events);
PrecisionRecallF1 CoreFigures(const Counts& counts);
PrecisionRecallF1 FullFigures(const Counts& counts);
PrecisionRecallF1 LenientFigures(const Counts& counts);
std::optional<double> DateAccuracy(const Counts& counts);

// How the events of one document pair up; -1 means unpaired.
struct Alignment {
  std::vector<int> gold_of_system;  // one entry per system event
  std::vector<int> system_of_gold;  // one entry per gold event
};

Alignment AlignCore(const std::vector<CanonicalEvent>& gold,
                    const std::vector<CanonicalEvent>& system);
Alignment AlignLenient(const std::vector<CanonicalEvent>& gold,
                       const std::vector<CanonicalEvent>& system);

enum class DocumentStatus {
  kScored,       // the system run has the document
  kMissing,      // the system run lacks it
  kSystemError,  // the system run has an error record for it
};

struct DocumentScore {
  std::string doc;
  DocumentStatus status = DocumentStatus::kScored;
  std::string system_error;  // for kSystemError
  Counts counts;
  std::vector<int> missed;           // indices into the gold document's events
  std::vector<int> false_positives;  // indices into the system's events
};

struct TypeScore {
  std::string type;
  Counts counts;
};

// How many of the system events a rule produced were correct.
struct RuleScore {
  std::string rule;  // "(none)" for events without a rule
  int events = 0;
  int core_correct = 0;
  int full_correct = 0;
};

// An event listed in a report, with the document it belongs to.
struct ListedEvent {
  std::string doc;
  Event event;
};

// A core-matched pair whose dates differ.
struct DateMismatch {
  std::string doc;
  Event gold;
  Event system;
};

struct Scores {
  Counts overall;
  std::vector<TypeScore> by_type;                     // start, end, hold
  std::vector<DocumentScore> by_document;             // gold order
  std::vector<RuleScore> by_rule;                     // sorted by rule name
  std::vector<ListedEvent> false_positives;           // gold document order
  std::vector<ListedEvent> misses;                    // gold document order
  std::vector<DateMismatch> wrong_dates;              // gold document order
  std::vector<std::string> ignored_system_documents;  // not in gold
};

Scores Score(const Corpus& gold, const Corpus& system);

}  // namespace checker

#endif  // TOOLS_CHECKER_SCORE_H_
