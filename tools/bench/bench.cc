// bench: throughput of each stage and of the whole extractor over the same
// news-like input, in one process, with 1 and N threads, and peak memory.
//
//   bench --size 256M [--threads N] [--input FILE.jsonl] [--keep] [--json FILE]
//
// Promises:
//  - The input is generated (NewsGenerator, seeded) to a temporary file unless
//    --input names one; every measurement reads that file document by
//    document, so memory never holds the whole input.
//  - Stages are timed alone, each around its own calls, in one streaming pass:
//    read (DocumentReader::Next), normalize (Normalizer::Normalize on the text
//    read), split (SentenceSplitter::Split on that normalized text) and
//    rule-set scan (PatternLibrary::Candidates over each sentence: the RE2::Set
//    prefilter and the hints). The
//    floor is normalize + split + scan: what one core must spend at least.
//  - The whole extractor is RunBatch over a DocumentReader of the same file
//    (or, with --whole-limit, of its first lines), each run with a freshly
//    loaded Engine whose loading is not timed, its output discarded (hashed, to
//    check that N threads write the same bytes as 1), with 1 and N threads.
//    The real CLI runs first, over the whole file, in a child process
//    (`extractor --threads N FILE -o /dev/null`): wall time, start-up
//    included, and peak resident memory from wait4's rusage.
//  - MB/s is 10^6 bytes of the JSONL file per second, for every row, so rows
//    compare; docs/s counts its lines.
//  - Peak memory of each phase of this process is VmHWM, reset between phases
//    through /proc/self/clear_refs (Linux); where the reset fails the figures
//    are cumulative and the output says so.
// Exit status: 0 after a run; 2 for a usage error or a missing corpus, pattern
// library or extractor binary.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <streambuf>
#include <thread>

#include "batch.h"
#include "allocator.h"
#include "extract.h"
#include "gen.h"
#include "read.h"
#include "sentences.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace newsroles;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

double CpuSeconds(const rusage& ru) {
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// CPU time of this process, all threads, so far.
double ProcessCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return CpuSeconds(ru);
}

// An output stream's bytes, discarded after an FNV-1a hash of each line (8
// bytes a document are kept, to tell which lines two runs disagree on).
class HashingSink : public std::streambuf {
 public:
  const std::vector<uint64_t>& lines() const { return lines_; }
  size_t bytes() const { return bytes_; }

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) Add(static_cast<char>(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) Add(s[i]);
    return n;
  }

 private:
  static constexpr uint64_t kBasis = 0xCBF29CE484222325ull;
  void Add(char c) {
    hash_ = (hash_ ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    ++bytes_;
    if (c == '\n') {
      lines_.push_back(hash_);
      hash_ = kBasis;
    }
  }
  uint64_t hash_ = kBasis;
  size_t bytes_ = 0;
  std::vector<uint64_t> lines_;
};

// A memory figure of this process from /proc/self/status, in KiB; 0 if absent.
size_t StatusKb(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind(field + ":", 0) == 0) return std::stoul(line.substr(field.size() + 1));
  return 0;
}

// Peak resident memory of this process (VmHWM), in KiB.
size_t PeakKb() {
  if (size_t kb = StatusKb("VmHWM")) return kb;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<size_t>(ru.ru_maxrss);
}

// Starts a new peak (Linux >= 4.0); false where it cannot.
bool ResetPeak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

struct Row {
  Row() = default;
  explicit Row(std::string stage_name, unsigned thread_count = 1, double wall_seconds = 0,
               size_t byte_count = 0, size_t document_count = 0)
      : stage(std::move(stage_name)),
        threads(thread_count),
        seconds(wall_seconds),
        bytes(byte_count),
        documents(document_count) {}

  std::string stage;
  unsigned threads = 1;
  double seconds = 0;
  size_t bytes = 0;  // JSONL bytes the row covers
  size_t documents = 0;
  std::optional<size_t> peak_kb;
  std::optional<double> cpu_seconds;  // all threads'; where measured
  double mb_per_s() const { return seconds > 0 ? bytes / seconds / 1e6 : 0; }
  double docs_per_s() const { return seconds > 0 ? documents / seconds : 0; }
};

struct StagePass {
  Row read{"read"}, normalize{"normalize"}, split{"split"}, scan{"rule-set scan"};
  size_t errors = 0, text_bytes = 0, sentences = 0, candidates = 0, sentences_with_candidates = 0;
  size_t set_errors = 0;  // sentences the RE2::Set could not scan (its DFA out of memory)
  size_t peak_kb = 0;
  double wall_seconds = 0, cpu_seconds = 0;  // of the whole pass, reading included
};

// A reading of the wall clock and of this thread's CPU clock. On a machine
// shared with other work the CPU time is the steadier of the two.
struct Stamp {
  Clock::time_point wall;
  double cpu;
  static Stamp Now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return {Clock::now(), ts.tv_sec + ts.tv_nsec / 1e9};
  }
};

struct Elapsed {
  double wall = 0, cpu = 0;
  void Add(const Stamp& from, const Stamp& to) {
    wall += Seconds(to.wall - from.wall);
    cpu += to.cpu - from.cpu;
  }
};

// One streaming pass over `path`; each stage's time is summed around its own
// calls only, its input being the previous stage's output in the same pass.
StagePass MeasureStages(const Engine& engine, const std::string& path, size_t file_bytes) {
  StagePass p;
  const auto start = Clock::now();
  const double start_cpu = ProcessCpuSeconds();
  DocumentReader reader({path}, InputFormat::kJsonl, std::cin);
  SentenceSplitter splitter(engine.Abbreviations());
  const PatternLibrary& library = engine.library();
  Elapsed t_read, t_norm, t_split, t_scan;
  std::vector<int> hits;
  ReadItem item;
  size_t documents = 0;
  while (true) {
    const Stamp t0 = Stamp::Now();
    const bool more = reader.Next(item);
    const Stamp t1 = Stamp::Now();
    t_read.Add(t0, t1);
    if (!more) break;
    ++documents;
    const Document* doc = std::get_if<Document>(&item);
    if (!doc) {
      ++p.errors;
      continue;
    }
    p.text_bytes += doc->text.size();
    const NormalizedText norm = engine.normalizer().Normalize(doc->text);
    const Stamp t2 = Stamp::Now();
    const std::vector<Sentence> sentences = splitter.Split(norm.text);
    const Stamp t3 = Stamp::Now();
    for (const Sentence& s : sentences) {
      const re2::StringPiece sent(norm.text.data() + s.span.begin, s.span.end - s.span.begin);
      hits.clear();
      RE2::Set::ErrorInfo error{};
      if (library.Candidates(sent, &hits, &error)) {
        ++p.sentences_with_candidates;
        p.candidates += hits.size();
      } else if (error.kind != RE2::Set::kNoError) {
        ++p.set_errors;
      }
    }
    const Stamp t4 = Stamp::Now();
    t_norm.Add(t1, t2);
    t_split.Add(t2, t3);
    t_scan.Add(t3, t4);
    p.sentences += sentences.size();
  }
  for (auto [row, t] : {std::pair{&p.read, t_read}, std::pair{&p.normalize, t_norm},
                        std::pair{&p.split, t_split}, std::pair{&p.scan, t_scan}}) {
    row->seconds = t.wall;
    row->cpu_seconds = t.cpu;
    row->bytes = file_bytes;
    row->documents = documents;
  }
  p.peak_kb = PeakKb();
  p.wall_seconds = Seconds(Clock::now() - start);
  p.cpu_seconds = ProcessCpuSeconds() - start_cpu;
  return p;
}

struct WholeRun {
  Row row;
  BatchStats stats;
  std::vector<uint64_t> line_hashes;  // of the output
  size_t output_bytes = 0;
};

// A fresh engine for each run, as the CLI starts cold; its loading and the
// compiling of every rule (which the CLI does on first use) are not timed, but
// their memory counts in the run's peak.
WholeRun MeasureWhole(const std::string& patterns, const std::string& path, size_t file_bytes,
                      unsigned threads, bool peak_resets) {
  if (peak_resets) ResetPeak();
  const Engine engine(patterns);
  engine.library().CompileAll();
  WholeRun w;
  HashingSink out_sink, err_sink;
  std::ostream out(&out_sink), err(&err_sink);
  DocumentReader reader({path}, InputFormat::kJsonl, std::cin);
  BatchOptions options;
  options.threads = threads;
  const auto t0 = Clock::now();
  const double cpu0 = ProcessCpuSeconds();
  w.stats = RunBatch(engine, reader, out, err, options);
  w.row = Row("whole extractor (RunBatch)", threads, Seconds(Clock::now() - t0), file_bytes,
              w.stats.documents);
  w.row.peak_kb = PeakKb();
  w.row.cpu_seconds = ProcessCpuSeconds() - cpu0;
  w.line_hashes = out_sink.lines();
  w.output_bytes = out_sink.bytes();
  return w;
}

struct ChildRun {
  Row row;
  int exit_status = -1;
  std::string error;
};

// The real CLI over the file, in a child process: wall time and peak memory.
ChildRun MeasureCli(const std::string& extractor, const std::string& patterns,
                    const std::string& path, size_t file_bytes, size_t documents,
                    unsigned threads) {
  ChildRun c;
  c.row = Row("extractor CLI (child process)", threads, 0, file_bytes, documents);
  const std::string threads_arg = std::to_string(threads);
  std::vector<const char*> argv = {extractor.c_str(), "--threads",      threads_arg.c_str(),
                                   "--patterns",      patterns.c_str(), "-o",
                                   "/dev/null",       path.c_str(),     nullptr};
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) {
    c.error = "fork failed";
    return c;
  }
  if (pid == 0) {
    // Warnings would only cost the terminal's time.
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);
    execv(extractor.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  if (wait4(pid, &status, 0, &ru) < 0) {
    c.error = "wait4 failed";
    return c;
  }
  c.row.seconds = Seconds(Clock::now() - t0);
  c.row.peak_kb = static_cast<size_t>(ru.ru_maxrss);
  c.row.cpu_seconds = CpuSeconds(ru);
  c.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (c.exit_status == 127) c.error = "could not run " + extractor;
  return c;
}

// The first lines of `path` that fit in `limit` bytes (at least one line),
// copied to `prefix`. Returns the bytes copied.
size_t CopyPrefix(const std::string& path, const std::string& prefix, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::ofstream out(prefix, std::ios::binary);
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (bytes > 0 && bytes + line.size() + 1 > limit) break;
    out << line << '\n';
    bytes += line.size() + 1;
  }
  return bytes;
}

// A temporary file name in $TMPDIR (or /tmp) that did not exist.
std::string TempPath(const std::string& suffix_tag) {
  const char* dir = std::getenv("TMPDIR");
  std::string name =
      std::string(dir && *dir ? dir : "/tmp") + "/newsroles-bench-" + suffix_tag + "-XXXXXX.jsonl";
  const int fd = mkstemps(name.data(), 6);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + name);
  close(fd);
  return name;
}

std::string Mb(size_t bytes) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << bytes / 1e6 << " MB";
  return s.str();
}

std::string PeakText(std::optional<size_t> kb) {
  if (!kb) return "";
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << *kb / 1024.0 << " MiB";
  return s.str();
}

void PrintRow(const Row& r, std::ostream& out) {
  out << std::left << std::setw(34) << r.stage << std::right << std::setw(8) << r.threads
      << std::fixed << std::setprecision(2) << std::setw(11) << r.mb_per_s() << std::setprecision(0)
      << std::setw(11) << r.docs_per_s() << std::setprecision(2) << std::setw(10) << r.seconds
      << std::setw(10);
  if (r.cpu_seconds)
    out << *r.cpu_seconds;
  else
    out << "";
  out << std::setw(13) << PeakText(r.peak_kb) << "\n";
}

nlohmann::ordered_json RowJson(const Row& r) {
  nlohmann::ordered_json j = {{"stage", r.stage},
                              {"threads", r.threads},
                              {"seconds", r.seconds},
                              {"bytes", r.bytes},
                              {"documents", r.documents},
                              {"mb_per_s", r.mb_per_s()},
                              {"docs_per_s", r.docs_per_s()}};
  j["cpu_seconds"] = r.cpu_seconds ? nlohmann::ordered_json(*r.cpu_seconds) : nullptr;
  j["peak_kib"] = r.peak_kb ? nlohmann::ordered_json(*r.peak_kb) : nullptr;
  return j;
}

// Everything one run measured.
struct Results {
  nlohmann::ordered_json input;  // how the input was made
  std::string path;
  size_t file_bytes = 0, whole_bytes = 0;
  unsigned threads = 1;
  double load_seconds = 0;
  size_t loaded_rss_kb = 0;
  double compile_seconds = 0;  // CompileAll: every rule's program, on all cores
  size_t compiled_rss_kb = 0;
  bool peak_resets = false;
  StagePass stages;
  Row floor;
  WholeRun whole1;
  std::optional<WholeRun> wholeN;
  std::optional<ChildRun> cli;

  double ratio() const {
    return floor.mb_per_s() > 0 ? whole1.row.mb_per_s() / floor.mb_per_s() : 0;
  }
  // The same by bytes per CPU second: steadier where other work shares the cores.
  double cpu_ratio() const {
    const double whole_cpu = whole1.row.cpu_seconds.value_or(0);
    const double floor_cpu = floor.cpu_seconds.value_or(0);
    if (whole_cpu <= 0 || floor_cpu <= 0) return 0;
    return (whole1.row.bytes / whole_cpu) / (floor.bytes / floor_cpu);
  }
  // The N-thread run against N cores each at the floor.
  double ratio_n() const {
    return wholeN && floor.mb_per_s() > 0 ? wholeN->row.mb_per_s() / (threads * floor.mb_per_s())
                                          : 0;
  }
  double speedup() const { return wholeN ? whole1.row.seconds / wholeN->row.seconds : 0; }
  // Output lines (documents) on which the 1-thread and N-thread runs differ,
  // and the first of them (0-based).
  std::pair<size_t, size_t> output_differences() const {
    if (!wholeN) return {0, 0};
    const auto &a = whole1.line_hashes, &b = wholeN->line_hashes;
    size_t n = std::max(a.size(), b.size()) - std::min(a.size(), b.size()), first = SIZE_MAX;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      if (a[i] != b[i]) {
        ++n;
        first = std::min(first, i);
      }
    if (n && first == SIZE_MAX) first = std::min(a.size(), b.size());
    return {n, first};
  }
  double events_per_document() const {
    return whole1.stats.documents ? double(whole1.stats.events) / whole1.stats.documents : 0;
  }
};

nlohmann::ordered_json ResultsJson(const Results& r, size_t process_peak_kb) {
  nlohmann::ordered_json j;
  j["input"] = r.input;
  j["input"]["path"] = r.path;
  j["input"]["bytes"] = r.file_bytes;
  j["input"]["documents"] = r.stages.read.documents;
  j["input"]["text_bytes"] = r.stages.text_bytes;
  j["input"]["read_errors"] = r.stages.errors;
  j["startup_seconds"] = r.load_seconds;
  j["startup_rss_kib"] = r.loaded_rss_kb;
  j["compile_all_seconds"] = r.compile_seconds;
  j["compiled_rss_kib"] = r.compiled_rss_kb;
  j["sentences"] = r.stages.sentences;
  j["sentences_with_candidates"] = r.stages.sentences_with_candidates;
  j["candidate_rules"] = r.stages.candidates;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const Row* row : {&r.stages.read, &r.stages.normalize, &r.stages.split, &r.stages.scan,
                         &r.floor, &r.whole1.row})
    rows.push_back(RowJson(*row));
  if (r.wholeN) rows.push_back(RowJson(r.wholeN->row));
  if (r.cli) rows.push_back(RowJson(r.cli->row));
  j["rows"] = rows;
  j["stages_peak_kib"] = r.stages.peak_kb;
  j["stage_pass_wall_seconds"] = r.stages.wall_seconds;
  j["stage_pass_cpu_seconds"] = r.stages.cpu_seconds;
  j["peak_is_per_phase"] = r.peak_resets;
  j["whole_bytes"] = r.whole_bytes;
  j["whole_is_prefix"] = r.whole_bytes < r.file_bytes;
  j["whole_to_floor_1_thread"] = r.ratio();
  j["whole_to_floor_1_thread_by_cpu"] = r.cpu_ratio();
  j["whole_to_floor_n_threads"] = r.wholeN ? nlohmann::ordered_json(r.ratio_n()) : nullptr;
  j["speedup"] = r.wholeN ? nlohmann::ordered_json(r.speedup()) : nullptr;
  const auto [differing, first] = r.output_differences();
  j["output_lines_differing_1_vs_n_threads"] = differing;
  if (differing) j["first_differing_line"] = first + 1;
  j["set_scan_errors"] = r.stages.set_errors;
  j["events"] = r.whole1.stats.events;
  j["events_per_document"] = r.events_per_document();
  j["failed_documents"] = r.whole1.stats.failed;
  if (r.cli) {
    j["cli_exit_status"] = r.cli->exit_status;
    if (!r.cli->error.empty()) j["cli_error"] = r.cli->error;
  }
  j["process_peak_kib"] = process_peak_kb;
  return j;
}

void PrintResults(const Results& r, std::ostream& out) {
  out << "\ninput: " << Mb(r.file_bytes) << " of JSONL (" << Mb(r.stages.text_bytes)
      << " of text), " << r.stages.read.documents << " documents, " << r.stages.sentences
      << " sentences"
      << (r.stages.errors ? ", " + std::to_string(r.stages.errors) + " unreadable" : "") << "\n"
      << "start-up (loading the rules, checking them and compiling the rule set): " << std::fixed
      << std::setprecision(2) << r.load_seconds << " s, resident memory then "
      << PeakText(r.loaded_rss_kb) << "\n"
      << "compiling every rule's program (the CLI does it on first use): " << r.compile_seconds
      << " s, resident memory then " << PeakText(r.compiled_rss_kb)
      << "; neither is counted below\n\n";
  out << std::left << std::setw(34) << "stage" << std::right << std::setw(8) << "threads"
      << std::setw(11) << "MB/s" << std::setw(11) << "docs/s" << std::setw(10) << "seconds"
      << std::setw(10) << "CPU s" << std::setw(13) << "peak RSS"
      << "\n";
  Row read_with_peak = r.stages.read;
  read_with_peak.peak_kb = r.stages.peak_kb;  // the stage pass's, for all its rows
  const Row& read = read_with_peak;
  for (const Row* row :
       {&read, &r.stages.normalize, &r.stages.split, &r.stages.scan, &r.floor, &r.whole1.row})
    PrintRow(*row, out);
  if (r.wholeN) PrintRow(r.wholeN->row, out);
  if (r.cli) PrintRow(r.cli->row, out);
  out << "\n";
  if (r.whole_bytes < r.file_bytes)
    out << "note: RunBatch ran on the first " << Mb(r.whole_bytes) << " ("
        << r.whole1.stats.documents << " documents) only (--whole-limit); the stages"
        << (r.cli ? " and the CLI" : "") << " on all " << Mb(r.file_bytes) << "\n";
  out << std::setprecision(3) << "whole / floor, 1 thread: " << r.ratio()
      << " (by CPU seconds: " << r.cpu_ratio() << ")\n";
  if (r.wholeN) {
    out << "whole / (" << r.threads << " x floor), " << r.threads << " threads: " << r.ratio_n()
        << "\nspeedup, " << r.threads << " threads vs 1: " << r.speedup();
    const auto [differing, first] = r.output_differences();
    if (differing)
      out << " (OUTPUT DIFFERS: " << differing << " lines, the first line " << first + 1 << ")\n";
    else
      out << " (same output)\n";
  }
  out << std::setprecision(2) << "stage pass (reading included): wall " << r.stages.wall_seconds
      << " s, CPU " << r.stages.cpu_seconds
      << " s; CPU well below wall on a 1-thread row means other processes took the core\n"
      << "(CPU s of a stage row: this thread's CPU clock around the stage's calls)\n";
  out << "rule-set scan: " << r.stages.sentences_with_candidates << " of " << r.stages.sentences
      << " sentences have candidate rules, " << r.stages.candidates << " candidates in all";
  if (r.stages.set_errors)
    out << "; " << r.stages.set_errors << " sentences NOT scanned (RE2::Set out of memory)";
  out << "\n";
  out << "events: " << r.whole1.stats.events << " (" << r.events_per_document()
      << " per document), " << r.whole1.stats.failed << " documents failed\n";
  if (r.cli) {
    if (!r.cli->error.empty())
      out << "extractor CLI: " << r.cli->error << "\n";
    else
      out << "extractor CLI: exit status " << r.cli->exit_status << ", peak RSS "
          << PeakText(r.cli->row.peak_kb) << " (wait4), start-up included\n";
  }
  out << "peak RSS of this process: " << PeakText(PeakKb())
      << (r.peak_resets ? " (per-phase peaks above: VmHWM reset between phases, each from the"
                          " heap the phases before left: upper bounds)"
                        : " (VmHWM could not be reset: per-phase peaks are cumulative)")
      << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  newsroles::TuneAllocator();
  std::ios::sync_with_stdio(false);
  po::options_description opts("Options");
  // clang-format off
  opts.add_options()
      ("help,h", "show this help")
      ("size", po::value<std::string>()->default_value("256M"),
       "bytes of input to generate: 64M, 256M, 1G (K, M, G are powers of 1024)")
      ("threads", po::value<unsigned>(), "N for the N-thread runs (default: the number of cores)")
      ("input", po::value<std::string>(), "measure this JSONL file instead of generating one")
      ("keep", "keep the generated input file (its path is printed)")
      ("json", po::value<std::string>(),
       "also write the results as one JSON object to FILE (- for stdout; the table then goes "
       "to stderr)")
      ("whole-limit", po::value<std::string>(),
       "run RunBatch on the first BYTES of the input only (whole lines), to save time")
      ("no-cli", "skip the child-process run of the extractor CLI")
      ("seed", po::value<uint64_t>()->default_value(1), "generator seed")
      ("corpus", po::value<std::vector<std::string>>(),
       "directory of *.txt articles to generate from (repeatable; default: the bundled "
       "corpus/dev/text and corpus/test/text)")
      ("generate", po::value<std::string>(), "only write the generated input to FILE and exit")
      ("patterns", po::value<std::string>()->default_value(NEWSROLES_SOURCE_DIR "/patterns"),
       "pattern directory")
      ("extractor", po::value<std::string>()->default_value(NEWSROLES_EXTRACTOR),
       "the extractor binary for the child-process run");
  // clang-format on
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "bench: " << e.what() << "\nTry 'bench --help'.\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << "Usage: bench [--size 256M] [--threads N] [--input FILE.jsonl] [--keep] "
                 "[--json FILE]\n\n"
                 "Generates news-like JSONL (or reads --input) and measures, over the same bytes:\n"
                 "read, normalize, split and rule-set scan alone; the whole extractor with 1 and\n"
                 "N threads; and the extractor CLI's time and peak memory in a child process.\n\n"
              << opts;
    return 0;
  }
  Results r;
  size_t size = 0, whole_limit = 0;
  try {
    size = bench::ParseSize(vm["size"].as<std::string>());
    if (vm.count("whole-limit"))
      whole_limit = bench::ParseSize(vm["whole-limit"].as<std::string>());
  } catch (const std::invalid_argument& e) {
    std::cerr << "bench: " << e.what() << "\n";
    return 2;
  }
  r.threads = vm.count("threads") ? vm["threads"].as<unsigned>()
                                  : std::max(1u, std::thread::hardware_concurrency());
  if (r.threads == 0 || r.threads > 256) {
    std::cerr << "bench: --threads must be between 1 and 256\n";
    return 2;
  }
  const std::string json_path = vm.count("json") ? vm["json"].as<std::string>() : "";
  std::ostream& out = json_path == "-" ? std::cerr : std::cout;
  const std::string& patterns = vm["patterns"].as<std::string>();

  // The input: generated, or given.
  bool generated = false;
  if (vm.count("input") && !vm.count("generate")) {
    r.path = vm["input"].as<std::string>();
    if (!fs::is_regular_file(r.path)) {
      std::cerr << "bench: cannot read " << r.path << "\n";
      return 2;
    }
    r.input["generated"] = false;
  } else {
    const uint64_t seed = vm["seed"].as<uint64_t>();
    const std::vector<std::string> corpus =
        vm.count("corpus") ? vm["corpus"].as<std::vector<std::string>>()
                           : std::vector<std::string>{NEWSROLES_SOURCE_DIR "/corpus/dev/text",
                                                      NEWSROLES_SOURCE_DIR "/corpus/test/text"};
    try {
      bench::NewsGenerator gen(corpus, seed);
      r.path = vm.count("generate") ? vm["generate"].as<std::string>() : TempPath("input");
      generated = !vm.count("generate");
      std::ofstream file(r.path, std::ios::binary);
      if (!file) throw std::runtime_error("cannot write " + r.path);
      const auto t0 = Clock::now();
      const bench::GenStats& g = gen.Write(file, size);
      file.close();
      if (!file) throw std::runtime_error("cannot write " + r.path);
      const double secs = Seconds(Clock::now() - t0);
      out << "generated " << Mb(g.bytes) << ", " << g.documents << " documents from "
          << gen.sources() << " articles (seed " << seed << ") in " << std::fixed
          << std::setprecision(1) << secs << " s: " << r.path << "\n";
      r.input = {{"generated", true},         {"seed", seed},
                 {"sources", gen.sources()},  {"names_replaced", g.names},
                 {"years_replaced", g.years}, {"months_replaced", g.months},
                 {"generate_seconds", secs}};
    } catch (const std::exception& e) {
      std::cerr << "bench: " << e.what() << "\n";
      return 2;
    }
    if (vm.count("generate")) return 0;
  }
  r.input["kept"] = !generated || vm.count("keep") > 0;
  r.file_bytes = fs::file_size(r.path);

  // The CLI first, over the whole input (its memory must not grow with it),
  // while this process is still small: Linux keeps in a child's ru_maxrss the
  // peak of the image it had before exec, that is of this process at fork.
  if (!vm.count("no-cli")) {
    out << "measuring the extractor CLI in a child process over " << Mb(r.file_bytes) << " with "
        << r.threads << " threads ...\n"
        << std::flush;
    r.cli =
        MeasureCli(vm["extractor"].as<std::string>(), patterns, r.path, r.file_bytes, 0, r.threads);
  }

  // Stages, with an engine of their own.
  {
    const auto t0 = Clock::now();
    std::unique_ptr<Engine> engine;
    try {
      engine = std::make_unique<Engine>(patterns);
    } catch (const std::exception& e) {
      std::cerr << "bench: " << e.what() << "\n";
      return 2;
    }
    r.load_seconds = Seconds(Clock::now() - t0);
    r.loaded_rss_kb = StatusKb("VmRSS");
    const auto t1 = Clock::now();
    engine->library().CompileAll();
    r.compile_seconds = Seconds(Clock::now() - t1);
    r.compiled_rss_kb = StatusKb("VmRSS");
    r.peak_resets = ResetPeak();
    out << "measuring stages over " << Mb(r.file_bytes) << " ...\n" << std::flush;
    r.stages = MeasureStages(*engine, r.path, r.file_bytes);
  }
  if (r.cli) r.cli->row.documents = r.stages.read.documents;
  r.floor = Row("floor (normalize+split+scan)", 1,
                r.stages.normalize.seconds + r.stages.split.seconds + r.stages.scan.seconds,
                r.file_bytes, r.stages.normalize.documents);
  r.floor.cpu_seconds = r.stages.normalize.cpu_seconds.value_or(0) +
                        r.stages.split.cpu_seconds.value_or(0) +
                        r.stages.scan.cpu_seconds.value_or(0);

  // The whole extractor: on the file, or on its first whole_limit bytes.
  std::string whole_path = r.path, prefix_path;
  r.whole_bytes = r.file_bytes;
  if (whole_limit && whole_limit < r.file_bytes) {
    prefix_path = TempPath("prefix");
    r.whole_bytes = CopyPrefix(r.path, prefix_path, whole_limit);
    whole_path = prefix_path;
  }
  out << "measuring the whole extractor over " << Mb(r.whole_bytes) << " with 1 thread ...\n"
      << std::flush;
  r.whole1 = MeasureWhole(patterns, whole_path, r.whole_bytes, 1, r.peak_resets);
  if (r.threads > 1) {
    out << "... with " << r.threads << " threads ...\n" << std::flush;
    r.wholeN = MeasureWhole(patterns, whole_path, r.whole_bytes, r.threads, r.peak_resets);
  }
  if (!prefix_path.empty()) fs::remove(prefix_path);
  if (generated && !vm.count("keep")) fs::remove(r.path);

  PrintResults(r, out);
  if (generated && vm.count("keep")) out << "input kept: " << r.path << "\n";
  if (!json_path.empty()) {
    const std::string text = ResultsJson(r, PeakKb()).dump(2) + "\n";
    if (json_path == "-") {
      std::cout << text;
    } else {
      std::ofstream file(json_path);
      file << text;
      if (!file) {
        std::cerr << "bench: cannot write " << json_path << "\n";
        return 2;
      }
    }
  }
  return 0;
}
