// Copyright (c) the project authors.
//
// Renders Scores (score.h) for people and machines:
//   FormatTable     plain-text tables for a terminal: overall core/full/
//                   lenient P/R/F1 and date accuracy, then per type, per
//                   document and per rule, then the false positives, misses
//                   and wrong dates with their evidence;
//   FormatJson      every figure and list as one JSON object;
//   FormatMarkdown  a summary for a CI comment, lists folded in <details>;
//   FormatJunitXml  one testcase per gold document, failing when it has a
//                   miss or a false positive (or is missing from the run);
//   FormatBaseline  the overall figures as a small JSON object, which
//                   LoadBaselineCoreF1 (load.h) reads back.
// Figures are printed with three decimals in text and Markdown, unrounded in
// JSON. Every function returns the whole text; none writes anywhere.
//
// Thread safety: pure functions.

#ifndef TOOLS_CHECKER_REPORT_H_
#define TOOLS_CHECKER_REPORT_H_

#include <optional>
#include <string>

#include "checker/score.h"

namespace checker {

struct ReportOptions {
  // List false positives, misses and wrong dates (text, JSON, Markdown).
  bool list_events = true;
  // Core F1 of a baseline run, shown beside the current one when set.
  std::optional<double> baseline_core_f1;
};

std::string FormatTable(const Scores& scores, const ReportOptions& options);
std::string FormatJson(const Scores& scores, const ReportOptions& options);
std::string FormatMarkdown(const Scores& scores, const ReportOptions& options);
std::string FormatJunitXml(const Scores& scores);
std::string FormatBaseline(const Scores& scores);

}  // namespace checker

#endif  // TOOLS_CHECKER_REPORT_H_
