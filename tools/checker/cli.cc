// Copyright (c) the project authors.

#include "checker/cli.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <string_view>

#include "checker/load.h"
#include "checker/report.h"
#include "checker/score.h"

namespace checker {

namespace {

// Figures are compared with a little slack so that 2/3 >= 0.6666666666666666
// whatever the rounding.
constexpr double kTolerance = 1e-9;

double ParseNumber(std::string_view option, std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [parsed_to, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || parsed_to != end) {
    throw UsageError(std::string(option) + " wants a number, not \"" + std::string(text) + "\"");
  }
  return value;
}

double ParseFraction(std::string_view option, std::string_view text) {
  const double value = ParseNumber(option, text);
  if (value < 0 || value > 1) {
    throw UsageError(std::string(option) + " wants a number from 0 to 1, not " + std::string(text));
  }
  return value;
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << contents;
  file.close();
  if (!file) throw InputError(path, 0, "cannot write file");
}

// Checks one "at least" gate; prints and returns false when it fails.
bool PassesMinimum(std::string_view what, std::optional<double> value,
                   std::optional<double> minimum, std::ostream& err) {
  if (!minimum) return true;
  if (value && *value + kTolerance >= *minimum) return true;
  char buffer[160];
  if (value) {
    std::snprintf(buffer, sizeof buffer, "%.3f is below the minimum %.3f", *value, *minimum);
  } else {
    std::snprintf(buffer, sizeof buffer,
                  "is undefined (no core-matched pairs); the minimum is %.3f", *minimum);
  }
  err << "checker: gate failed: " << what << " " << buffer << "\n";
  return false;
}

void WarnAboutDocuments(const Scores& scores, std::ostream& err) {
  int missing = 0;
  int errors = 0;
  for (const DocumentScore& document : scores.by_document) {
    if (document.status == DocumentStatus::kMissing) ++missing;
    if (document.status == DocumentStatus::kSystemError) ++errors;
  }
  if (missing > 0) {
    err << "checker: warning: " << missing
        << " gold document(s) missing from the system run; their events "
           "count as misses\n";
  }
  if (errors > 0) {
    err << "checker: warning: " << errors
        << " gold document(s) have a system error record; they count as "
           "documents with no events\n";
  }
  const auto& ignored = scores.ignored_system_documents;
  if (!ignored.empty()) {
    err << "checker: warning: " << ignored.size()
        << " system document(s) not in gold were ignored (";
    for (size_t i = 0; i < ignored.size() && i < 3; ++i) {
      err << (i > 0 ? ", " : "") << ignored[i];
    }
    err << (ignored.size() > 3 ? ", ...)\n" : ")\n");
  }
}

}  // namespace

std::string UsageText() {
  return R"(Usage: checker [options] GOLD SYSTEM

Scores extracted events (SYSTEM) against gold annotations (GOLD) as the
contract /work/shared/spec/events.md defines: core, full and lenient
precision, recall and F1, and date accuracy, overall, per event type, per
document and per rule, with the false positives, misses and wrong dates.

GOLD and SYSTEM are JSON Lines files or directories (every *.jsonl below
them, in path order). Documents are keyed by "doc"; gold decides which are
scored (system documents not in gold are ignored, with a warning). A gold
document absent from SYSTEM has all its events missed; a system error record
{"doc": ID, "error": "..."} counts as a document with no events.

Output (stdout, one of):
  (default)            tables for a terminal
  --json               every figure as one JSON object
  --markdown           a summary for a CI comment
  --quiet, --no-errors leave out the lists of false positives, misses and
                       wrong dates
Files:
  --junit FILE         JUnit XML, one testcase per gold document
  --save-baseline FILE the overall figures as JSON, for --baseline
Gates (exit 1 when one fails):
  --min-f1 X           core F1 at least X (0..1)
  --min-full-f1 X      full F1 at least X
  --min-date-acc X     date accuracy at least X
  --baseline FILE      compare with a saved baseline (or a --json report)
  --max-drop D         core F1 may fall at most D below the baseline's
                       (default 0 when --baseline is given)
Other:
  --docs-from-gold     score the documents gold lists (the default)
  -h, --help           this text

Exit status: 0 ok, 1 a gate failed, 2 usage error or unreadable or
malformed input (the message names file and line).
)";
}

CommandLine ParseCommandLine(const std::vector<std::string>& args) {
  CommandLine command;
  std::vector<std::string> positional;
  bool format_chosen = false;
  bool options_ended = false;

  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }

    // "--option=value" and "--option value" are the same.
    std::string_view name = arg;
    std::optional<std::string> attached_value;
    if (size_t equals = arg.find('='); equals != std::string_view::npos) {
      name = arg.substr(0, equals);
      attached_value = std::string(arg.substr(equals + 1));
    }
    auto value = [&]() -> std::string {
      if (attached_value) return *attached_value;
      if (i + 1 >= args.size()) {
        throw UsageError(std::string(name) + " needs a value");
      }
      return args[++i];
    };
    auto no_value = [&]() {
      if (attached_value) {
        throw UsageError(std::string(name) + " takes no value");
      }
    };
    auto choose_format = [&](OutputFormat format) {
      no_value();
      if (format_chosen && command.format != format) {
        throw UsageError("--json and --markdown exclude each other");
      }
      format_chosen = true;
      command.format = format;
    };

    if (name == "-h" || name == "--help") {
      no_value();
      command.help = true;
    } else if (name == "--json") {
      choose_format(OutputFormat::kJson);
    } else if (name == "--markdown") {
      choose_format(OutputFormat::kMarkdown);
    } else if (name == "--quiet" || name == "--no-errors") {
      no_value();
      command.list_events = false;
    } else if (name == "--docs-from-gold") {
      no_value();
    } else if (name == "--junit") {
      command.junit_path = value();
    } else if (name == "--save-baseline") {
      command.save_baseline_path = value();
    } else if (name == "--baseline") {
      command.baseline_path = value();
    } else if (name == "--min-f1") {
      command.min_core_f1 = ParseFraction(name, value());
    } else if (name == "--min-full-f1") {
      command.min_full_f1 = ParseFraction(name, value());
    } else if (name == "--min-date-acc") {
      command.min_date_accuracy = ParseFraction(name, value());
    } else if (name == "--max-drop") {
      command.max_drop = ParseNumber(name, value());
      if (*command.max_drop < 0) {
        throw UsageError("--max-drop cannot be negative");
      }
    } else {
      throw UsageError("unknown option " + std::string(name));
    }
  }

  if (command.help) return command;
  if (command.max_drop && !command.baseline_path) {
    throw UsageError("--max-drop needs --baseline FILE");
  }
  if (command.baseline_path && !command.max_drop) command.max_drop = 0;
  if (positional.size() != 2) {
    throw UsageError("expected GOLD and SYSTEM, got " + std::to_string(positional.size()) +
                     " path(s)");
  }
  command.gold_path = positional[0];
  command.system_path = positional[1];
  return command;
}

int RunChecker(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine command;
  try {
    command = ParseCommandLine(args);
  } catch (const UsageError& e) {
    err << "checker: " << e.what() << "\nTry 'checker --help'.\n";
    return kExitBadInput;
  }
  if (command.help) {
    out << UsageText();
    return kExitOk;
  }

  Scores scores;
  ReportOptions report_options;
  report_options.list_events = command.list_events;
  try {
    const Corpus gold = LoadCorpus(command.gold_path, CorpusKind::kGold);
    if (gold.empty()) {
      throw InputError(command.gold_path, 0, "no gold documents found");
    }
    const Corpus system = LoadCorpus(command.system_path, CorpusKind::kSystem);
    if (command.baseline_path) {
      report_options.baseline_core_f1 = LoadBaselineCoreF1(*command.baseline_path);
    }
    scores = Score(gold, system);

    switch (command.format) {
      case OutputFormat::kTable:
        out << FormatTable(scores, report_options);
        break;
      case OutputFormat::kJson:
        out << FormatJson(scores, report_options);
        break;
      case OutputFormat::kMarkdown:
        out << FormatMarkdown(scores, report_options);
        break;
    }
    out.flush();
    if (command.junit_path) {
      WriteFile(*command.junit_path, FormatJunitXml(scores));
    }
    if (command.save_baseline_path) {
      WriteFile(*command.save_baseline_path, FormatBaseline(scores));
    }
  } catch (const InputError& e) {
    err << "checker: " << e.what() << "\n";
    return kExitBadInput;
  }
  WarnAboutDocuments(scores, err);

  bool passed = true;
  passed &= PassesMinimum("core F1", CoreFigures(scores.overall).f1, command.min_core_f1, err);
  passed &= PassesMinimum("full F1", FullFigures(scores.overall).f1, command.min_full_f1, err);
  passed &=
      PassesMinimum("date accuracy", DateAccuracy(scores.overall), command.min_date_accuracy, err);
  if (report_options.baseline_core_f1) {
    const double baseline = *report_options.baseline_core_f1;
    char what[96];
    std::snprintf(what, sizeof what, "core F1 (baseline %.3f, max drop %.3f)", baseline,
                  *command.max_drop);
    passed &=
        PassesMinimum(what, CoreFigures(scores.overall).f1, baseline - *command.max_drop, err);
  }
  return passed ? kExitOk : kExitGateFailed;
}

}  // namespace checker
