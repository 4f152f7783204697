// Copyright (c) the project authors.
//
// The `checker` command line: parses arguments, loads gold and system,
// scores, writes the requested reports and applies the CI gates. main.cc
// only forwards to RunChecker, so tests can drive the whole tool in-process.
//
//   checker [options] GOLD SYSTEM
//
// Exit status: kExitOk; kExitGateFailed when a --min-* or --baseline gate
// fails; kExitBadInput for usage errors and unreadable or malformed input,
// with a message naming file and line on the error stream.
//
// Thread safety: no global state; the streams passed in are the only
// shared things written.

#ifndef TOOLS_CHECKER_CLI_H_
#define TOOLS_CHECKER_CLI_H_

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace checker {

constexpr int kExitOk = 0;
constexpr int kExitGateFailed = 1;
constexpr int kExitBadInput = 2;

enum class OutputFormat { kTable, kJson, kMarkdown };

struct CommandLine {
  std::string gold_path;
  std::string system_path;
  OutputFormat format = OutputFormat::kTable;
  bool list_events = true;  // false with --quiet / --no-errors
  std::optional<std::string> junit_path;
  std::optional<double> min_core_f1;
  std::optional<double> min_full_f1;
  std::optional<double> min_date_accuracy;
  std::optional<std::string> baseline_path;
  std::optional<double> max_drop;  // 0 when --baseline is given alone
  std::optional<std::string> save_baseline_path;
  bool help = false;
};

// A command line that cannot be run; what() says why.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses the arguments after the program name. Throws UsageError.
CommandLine ParseCommandLine(const std::vector<std::string>& args);

// The --help text.
std::string UsageText();

// Runs the tool; returns the exit status. Reports go to `out`, warnings,
// gate failures and errors to `err`.
int RunChecker(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace checker

#endif  // TOOLS_CHECKER_CLI_H_
