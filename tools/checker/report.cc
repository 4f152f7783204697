// Copyright (c) the project authors.

#include "checker/report.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace checker {

namespace {

// Keys in the order written, so that "overall" comes first.
using json = nlohmann::ordered_json;

std::string Fixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::string Fixed(std::optional<double> value) { return value ? Fixed(*value) : "n/a"; }

std::string SignedFixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.3f", value);
  return buffer;
}

// "1 miss", "2 misses".
std::string Count(size_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

std::string Slot(const std::optional<std::string>& value) { return value ? *value : "null"; }

// Evidence text can span lines; a listing wants one.
std::string OneLine(std::string_view text) {
  std::string line(text);
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return line;
}

std::string DescribeSlots(const Event& event) {
  return event.type + " | " + Slot(event.person) + " | " + Slot(event.role) + " | " +
         Slot(event.org) + " | " + Slot(event.date);
}

std::string DescribeOrigin(const Event& event) {
  std::string origin;
  if (event.rule) origin += "rule " + *event.rule;
  if (event.evidence) {
    if (!origin.empty()) origin += ", ";
    origin += "evidence [" + std::to_string(event.evidence->begin) + "," +
              std::to_string(event.evidence->end) + "): \"" + OneLine(event.evidence->text) + "\"";
  }
  return origin;
}

std::string_view StatusName(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::kScored:
      return "ok";
    case DocumentStatus::kMissing:
      return "missing";
    case DocumentStatus::kSystemError:
      return "error";
  }
  return "ok";
}

int CountStatus(const Scores& scores, DocumentStatus status) {
  return static_cast<int>(
      std::count_if(scores.by_document.begin(), scores.by_document.end(),
                    [status](const DocumentScore& d) { return d.status == status; }));
}

// Display width of UTF-8 text, one column per code point.
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Columns padded to their widest cell; the first left-aligned, the rest
// right-aligned, as figures are.
class TextTable {
 public:
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  std::string Render(std::string_view indent) const {
    std::vector<size_t> widths;
    for (const auto& row : rows_) {
      widths.resize(std::max(widths.size(), row.size()), 0);
      for (size_t i = 0; i < row.size(); ++i) {
        widths[i] = std::max(widths[i], DisplayWidth(row[i]));
      }
    }
    std::string text;
    for (const auto& row : rows_) {
      std::string line(indent);
      for (size_t i = 0; i < row.size(); ++i) {
        const std::string padding(widths[i] - DisplayWidth(row[i]), ' ');
        if (i > 0) line += "  ";
        line += i == 0 ? row[i] + padding : padding + row[i];
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      text += line + "\n";
    }
    return text;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

// Markdown table cells cannot hold pipes or line breaks.
std::string MarkdownCell(std::string_view text) {
  std::string cell;
  for (char c : OneLine(text)) {
    if (c == '|') cell += '\\';
    cell += c;
  }
  return cell;
}

std::string MarkdownTable(const std::vector<std::string>& header,
                          const std::vector<std::vector<std::string>>& rows) {
  // Built with append(): GCC 12 at -O3 warns (-Wrestrict, GCC bug 105329)
  // about `" " + std::string` here, which -Werror turns into a failure.
  auto append_row = [](std::string& text, const std::vector<std::string>& cells) {
    text.append("|");
    for (const std::string& cell : cells) {
      text.append(" ").append(MarkdownCell(cell)).append(" |");
    }
    text.append("\n");
  };
  std::string text;
  append_row(text, header);
  text.append("|");
  for (size_t i = 0; i < header.size(); ++i) {
    text.append(i == 0 ? "---|" : "---:|");
  }
  text.append("\n");
  for (const auto& row : rows) append_row(text, row);
  return text;
}

std::vector<std::string> TypeRow(const std::string& name, const Counts& counts) {
  return {name,
          std::to_string(counts.gold_events),
          std::to_string(counts.system_events),
          Fixed(CoreFigures(counts).precision),
          Fixed(CoreFigures(counts).recall),
          Fixed(CoreFigures(counts).f1),
          Fixed(FullFigures(counts).f1),
          Fixed(LenientFigures(counts).f1),
          Fixed(DateAccuracy(counts))};
}

const std::vector<std::string> kTypeHeader = {
    "type", "gold", "system", "core P", "core R", "core F1", "full F1", "lenient F1", "date acc"};

std::vector<std::string> DocumentRow(const DocumentScore& document) {
  const Counts& counts = document.counts;
  return {document.doc,
          std::to_string(counts.gold_events),
          std::to_string(counts.system_events),
          Fixed(CoreFigures(counts).f1),
          Fixed(FullFigures(counts).f1),
          Fixed(LenientFigures(counts).f1),
          Fixed(DateAccuracy(counts)),
          std::string(StatusName(document.status))};
}

const std::vector<std::string> kDocumentHeader = {"doc",     "gold",       "system",   "core F1",
                                                  "full F1", "lenient F1", "date acc", "status"};

std::vector<std::string> RuleRow(const RuleScore& rule) {
  return {rule.rule, std::to_string(rule.events), std::to_string(rule.core_correct),
          Fixed(Ratios(rule.core_correct, 0, rule.events).precision),
          std::to_string(rule.full_correct)};
}

const std::vector<std::string> kRuleHeader = {"rule", "events", "core correct", "precision",
                                              "full correct"};

std::vector<std::vector<std::string>> OverallRows(const Counts& counts) {
  auto row = [](std::string name, const PrecisionRecallF1& figures, int matched) {
    return std::vector<std::string>{std::move(name), Fixed(figures.precision),
                                    Fixed(figures.recall), Fixed(figures.f1),
                                    std::to_string(matched)};
  };
  return {row("core", CoreFigures(counts), counts.core_matches),
          row("full", FullFigures(counts), counts.full_matches),
          row("lenient", LenientFigures(counts), counts.lenient_matches)};
}

std::string DateAccuracyLine(const Counts& counts) {
  return "date accuracy " + Fixed(DateAccuracy(counts)) + " (" +
         std::to_string(counts.full_matches) + " of " + std::to_string(counts.core_matches) +
         " core-matched pairs)";
}

std::string BaselineLine(const Scores& scores, double baseline_core_f1) {
  const double current = CoreFigures(scores.overall).f1;
  return "core F1 " + Fixed(current) + " against baseline " + Fixed(baseline_core_f1) + " (" +
         SignedFixed(current - baseline_core_f1) + ")";
}

std::string SummaryLine(const Scores& scores) {
  std::string line =
      Count(scores.by_document.size(), "gold document", "gold documents") + " (" +
      std::to_string(CountStatus(scores, DocumentStatus::kMissing)) +
      " missing from the system run, " +
      std::to_string(CountStatus(scores, DocumentStatus::kSystemError)) + " with system errors), " +
      Count(static_cast<size_t>(scores.overall.gold_events), "gold event", "gold events") + ", " +
      Count(static_cast<size_t>(scores.overall.system_events), "system event", "system events");
  if (!scores.ignored_system_documents.empty()) {
    line += "; " +
            Count(scores.ignored_system_documents.size(), "system document", "system documents") +
            " not in gold ignored";
  }
  return line;
}

json EventJson(const Event& event) {
  auto slot = [](const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
  };
  json object = {{"type", event.type},
                 {"person", slot(event.person)},
                 {"role", slot(event.role)},
                 {"org", slot(event.org)},
                 {"date", slot(event.date)}};
  if (event.evidence) {
    object["evidence"] = {{"begin", event.evidence->begin},
                          {"end", event.evidence->end},
                          {"text", event.evidence->text}};
  }
  if (event.rule) object["rule"] = *event.rule;
  return object;
}

json FiguresJson(const PrecisionRecallF1& figures, int matched) {
  return {{"matched", matched},
          {"precision", figures.precision},
          {"recall", figures.recall},
          {"f1", figures.f1}};
}

json CountsJson(const Counts& counts) {
  const std::optional<double> date_accuracy = DateAccuracy(counts);
  return {{"gold_events", counts.gold_events},
          {"system_events", counts.system_events},
          {"core", FiguresJson(CoreFigures(counts), counts.core_matches)},
          {"full", FiguresJson(FullFigures(counts), counts.full_matches)},
          {"lenient", FiguresJson(LenientFigures(counts), counts.lenient_matches)},
          {"date_accuracy", date_accuracy ? json(*date_accuracy) : json(nullptr)},
          {"date_pairs", counts.core_matches}};
}

// XML 1.0 text: escapes markup and drops the control characters it forbids.
std::string XmlEscape(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          break;
        }
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace

std::string FormatTable(const Scores& scores, const ReportOptions& options) {
  std::string text = "Scored " + SummaryLine(scores) + "\n\nOverall\n";
  TextTable overall;
  overall.AddRow({"", "P", "R", "F1", "matched"});
  for (auto& row : OverallRows(scores.overall)) overall.AddRow(row);
  text += overall.Render("  ");
  text += "  " + DateAccuracyLine(scores.overall) + "\n";
  if (options.baseline_core_f1) {
    text += "  " + BaselineLine(scores, *options.baseline_core_f1) + "\n";
  }

  text += "\nBy type\n";
  TextTable types;
  types.AddRow(kTypeHeader);
  for (const TypeScore& type : scores.by_type) {
    types.AddRow(TypeRow(type.type, type.counts));
  }
  text += types.Render("  ");

  text += "\nBy document\n";
  TextTable documents;
  documents.AddRow(kDocumentHeader);
  for (const DocumentScore& document : scores.by_document) {
    documents.AddRow(DocumentRow(document));
  }
  text += documents.Render("  ");

  text += "\nBy rule\n";
  TextTable rules;
  rules.AddRow(kRuleHeader);
  for (const RuleScore& rule : scores.by_rule) rules.AddRow(RuleRow(rule));
  text += rules.Render("  ");

  for (const DocumentScore& document : scores.by_document) {
    if (document.status == DocumentStatus::kMissing) {
      text += "\nMissing from the system run: " + document.doc + " (" +
              Count(static_cast<size_t>(document.counts.gold_events), "gold event", "gold events") +
              " missed)";
    } else if (document.status == DocumentStatus::kSystemError) {
      text += "\nSystem error for " + document.doc + ": " + OneLine(document.system_error);
    }
  }
  if (CountStatus(scores, DocumentStatus::kScored) != static_cast<int>(scores.by_document.size())) {
    text += "\n";
  }

  if (!options.list_events) return text;

  text += "\nFalse positives (" + std::to_string(scores.false_positives.size()) + ")\n";
  for (const ListedEvent& listed : scores.false_positives) {
    text += "  " + listed.doc + ": " + DescribeSlots(listed.event) + "\n";
    const std::string origin = DescribeOrigin(listed.event);
    if (!origin.empty()) text += "      " + origin + "\n";
  }
  text += "\nMisses (" + std::to_string(scores.misses.size()) + ")\n";
  for (const ListedEvent& listed : scores.misses) {
    text += "  " + listed.doc + ": " + DescribeSlots(listed.event) + "\n";
  }
  text += "\nWrong dates (" + std::to_string(scores.wrong_dates.size()) + ")\n";
  for (const DateMismatch& mismatch : scores.wrong_dates) {
    text += "  " + mismatch.doc + ": " + DescribeSlots(mismatch.gold) + "; system date " +
            Slot(mismatch.system.date) + "\n";
    const std::string origin = DescribeOrigin(mismatch.system);
    if (!origin.empty()) text += "      " + origin + "\n";
  }
  return text;
}

std::string FormatJson(const Scores& scores, const ReportOptions& options) {
  json report;
  report["overall"] = CountsJson(scores.overall);
  if (options.baseline_core_f1) {
    report["baseline"] = {
        {"core_f1", *options.baseline_core_f1},
        {"core_f1_change", CoreFigures(scores.overall).f1 - *options.baseline_core_f1}};
  }
  report["by_type"] = json::object();
  for (const TypeScore& type : scores.by_type) {
    report["by_type"][type.type] = CountsJson(type.counts);
  }
  report["by_document"] = json::array();
  for (const DocumentScore& document : scores.by_document) {
    json entry = CountsJson(document.counts);
    entry["doc"] = document.doc;
    entry["status"] = StatusName(document.status);
    if (document.status == DocumentStatus::kSystemError) {
      entry["error"] = document.system_error;
    }
    report["by_document"].push_back(std::move(entry));
  }
  report["by_rule"] = json::array();
  for (const RuleScore& rule : scores.by_rule) {
    report["by_rule"].push_back(
        {{"rule", rule.rule},
         {"events", rule.events},
         {"core_correct", rule.core_correct},
         {"full_correct", rule.full_correct},
         {"precision", Ratios(rule.core_correct, 0, rule.events).precision}});
  }
  report["ignored_system_documents"] = scores.ignored_system_documents;
  if (options.list_events) {
    auto listing = [](const std::vector<ListedEvent>& events) {
      json list = json::array();
      for (const ListedEvent& listed : events) {
        list.push_back({{"doc", listed.doc}, {"event", EventJson(listed.event)}});
      }
      return list;
    };
    report["false_positives"] = listing(scores.false_positives);
    report["misses"] = listing(scores.misses);
    report["wrong_dates"] = json::array();
    for (const DateMismatch& mismatch : scores.wrong_dates) {
      report["wrong_dates"].push_back({{"doc", mismatch.doc},
                                       {"gold", EventJson(mismatch.gold)},
                                       {"system", EventJson(mismatch.system)}});
    }
  }
  return report.dump(2) + "\n";
}

std::string FormatMarkdown(const Scores& scores, const ReportOptions& options) {
  std::string text = "### Event extraction scores\n\n";
  text += MarkdownTable({"", "P", "R", "F1", "matched"}, OverallRows(scores.overall));
  text += "\n" + DateAccuracyLine(scores.overall) + "  \n";
  if (options.baseline_core_f1) {
    text += BaselineLine(scores, *options.baseline_core_f1) + "  \n";
  }
  text += SummaryLine(scores) + "\n\n";

  std::vector<std::vector<std::string>> type_rows;
  for (const TypeScore& type : scores.by_type) {
    type_rows.push_back(TypeRow(type.type, type.counts));
  }
  text += "#### By type\n\n" + MarkdownTable(kTypeHeader, type_rows);

  std::vector<std::vector<std::string>> rule_rows;
  for (const RuleScore& rule : scores.by_rule) rule_rows.push_back(RuleRow(rule));
  text += "\n#### By rule\n\n" + MarkdownTable(kRuleHeader, rule_rows);

  std::vector<std::vector<std::string>> document_rows;
  for (const DocumentScore& document : scores.by_document) {
    document_rows.push_back(DocumentRow(document));
  }
  text += "\n<details><summary>By document (" + std::to_string(scores.by_document.size()) +
          ")</summary>\n\n" + MarkdownTable(kDocumentHeader, document_rows) + "\n</details>\n";

  if (!options.list_events) return text;
  auto item = [](const std::string& doc, const Event& event, const std::string& extra) {
    return "- `" + doc + "`: " + MarkdownCell(DescribeSlots(event)) +
           (extra.empty() ? "" : " — " + MarkdownCell(extra)) + "\n";
  };
  text += "\n<details><summary>" +
          Count(scores.false_positives.size(), "false positive", "false positives") + ", " +
          Count(scores.misses.size(), "miss", "misses") + ", " +
          Count(scores.wrong_dates.size(), "wrong date", "wrong dates") + "</summary>\n\n";
  if (!scores.false_positives.empty()) text += "**False positives**\n\n";
  for (const ListedEvent& listed : scores.false_positives) {
    text += item(listed.doc, listed.event, DescribeOrigin(listed.event));
  }
  if (!scores.misses.empty()) text += "\n**Misses**\n\n";
  for (const ListedEvent& listed : scores.misses) {
    text += item(listed.doc, listed.event, "");
  }
  if (!scores.wrong_dates.empty()) text += "\n**Wrong dates**\n\n";
  for (const DateMismatch& mismatch : scores.wrong_dates) {
    text += item(mismatch.doc, mismatch.gold, "system date " + Slot(mismatch.system.date));
  }
  text += "\n</details>\n";
  return text;
}

std::string FormatJunitXml(const Scores& scores) {
  int failures = 0;
  std::string cases;
  for (const DocumentScore& document : scores.by_document) {
    cases += "    <testcase classname=\"checker.gold\" name=\"" + XmlEscape(document.doc) +
             "\" time=\"0\">\n";
    std::vector<std::string> problems;
    if (document.status == DocumentStatus::kMissing) {
      problems.push_back("missing from the system run");
    } else if (document.status == DocumentStatus::kSystemError) {
      problems.push_back("system error: " + OneLine(document.system_error));
    }
    if (!document.missed.empty()) {
      problems.push_back(Count(document.missed.size(), "miss", "misses"));
    }
    if (!document.false_positives.empty()) {
      problems.push_back(
          Count(document.false_positives.size(), "false positive", "false positives"));
    }
    if (!problems.empty()) {
      ++failures;
      std::string message;
      for (const std::string& problem : problems) {
        message += (message.empty() ? "" : "; ") + problem;
      }
      std::string details;
      for (const ListedEvent& listed : scores.misses) {
        if (listed.doc == document.doc) {
          details += "miss: " + DescribeSlots(listed.event) + "\n";
        }
      }
      for (const ListedEvent& listed : scores.false_positives) {
        if (listed.doc != document.doc) continue;
        details += "false positive: " + DescribeSlots(listed.event) + "\n";
        const std::string origin = DescribeOrigin(listed.event);
        if (!origin.empty()) details += "    " + origin + "\n";
      }
      cases += "      <failure message=\"" + XmlEscape(message) + "\" type=\"mismatch\">" +
               XmlEscape(details) + "</failure>\n";
    }
    std::string wrong_dates;
    for (const DateMismatch& mismatch : scores.wrong_dates) {
      if (mismatch.doc != document.doc) continue;
      wrong_dates += "wrong date: " + DescribeSlots(mismatch.gold) + "; system date " +
                     Slot(mismatch.system.date) + "\n";
    }
    if (!wrong_dates.empty()) {
      cases += "      <system-out>" + XmlEscape(wrong_dates) + "</system-out>\n";
    }
    cases += "    </testcase>\n";
  }

  const Counts& overall = scores.overall;
  std::string properties;
  auto property = [&properties](std::string_view name, const std::string& value) {
    properties +=
        "      <property name=\"" + std::string(name) + "\" value=\"" + XmlEscape(value) + "\"/>\n";
  };
  property("core_f1", Fixed(CoreFigures(overall).f1));
  property("full_f1", Fixed(FullFigures(overall).f1));
  property("lenient_f1", Fixed(LenientFigures(overall).f1));
  property("date_accuracy", Fixed(DateAccuracy(overall)));

  const std::string counts = "tests=\"" + std::to_string(scores.by_document.size()) +
                             "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\"";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<testsuites name=\"checker\" " +
         counts +
         ">\n"
         "  <testsuite name=\"checker\" " +
         counts +
         " time=\"0\">\n"
         "    <properties>\n" +
         properties + "    </properties>\n" + cases + "  </testsuite>\n</testsuites>\n";
}

std::string FormatBaseline(const Scores& scores) {
  return CountsJson(scores.overall).dump(2) + "\n";
}

}  // namespace checker
