// extractor: person-role-organization-date events from news, as JSON Lines.
// See README.md for usage; exit status 0 (all documents processed), 1 (some
// documents failed, each with its error record; with --strict, also some
// processed with a warning), 2 (usage or configuration). The run ends with a
// one-line summary on stderr.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "batch.h"
#include "allocator.h"
#include "examples.h"
#include "extract.h"
#include "read.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace newsroles;

namespace {

// The bundled patterns: beside an installed binary (PREFIX/share/newsroles/
// patterns), in a parent of the binary's directory (a build tree inside the
// source tree), or the source tree this binary was built from.
std::string DefaultPatternDir(const char* argv0) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  std::vector<fs::path> candidates;
  fs::path dir = exe.parent_path();
  candidates.push_back(dir.parent_path() / "share" / "newsroles" / "patterns");
  for (fs::path p = dir; !p.empty() && p != p.root_path(); p = p.parent_path())
    candidates.push_back(p / "patterns");
  candidates.push_back(NEWSROLES_SOURCE_DIR "/patterns");
  for (const auto& c : candidates)
    if (fs::exists(c / "macros.def", ec)) return c.string();
  return NEWSROLES_SOURCE_DIR "/patterns";
}

}  // namespace

int main(int argc, char** argv) {
  newsroles::TuneAllocator();
  std::ios::sync_with_stdio(false);
  po::options_description opts("Options");
  opts.add_options()
      ("help,h", "show this help")
      ("version", "print the version")
      ("format", po::value<std::string>()->default_value("auto"),
       "input format: auto (by extension; stdin is jsonl), txt or jsonl")
      ("date", po::value<std::string>(), "publication date YYYY-MM-DD for documents without one")
      ("patterns", po::value<std::string>(), "pattern directory (default: the bundled patterns/)")
      ("output,o", po::value<std::string>(), "write JSON Lines here instead of stdout")
      ("threads", po::value<unsigned>(), "worker threads (default: the number of cores)")
      ("chunk", po::value<size_t>()->default_value(256),
       "documents a worker takes at once; their lines are written together (1: each\n"
       "line's answer at once, for a filter fed one line at a time; slower)")
      ("explain", "add the sentence, the rule and each slot's span to every event")
      ("max-doc-bytes", po::value<size_t>()->default_value(size_t{16} << 20),
       "a document (text file or JSON line) over this many bytes is an error record")
      ("max-sentence-bytes", po::value<size_t>()->default_value(2000),
       "a longer sentence is cut at spaces into pieces of this size, with a warning")
      ("strict", "exit 1 also when a document was processed with a warning")
      ("quiet,q", "no summary line on stderr")
      ("list-rules", "list the rules and exit")
      ("test-rules", "run every rule's examples and exit (1 if any fails)");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "input");
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "extractor: " << e.what() << "\nTry 'extractor --help'.\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << "Usage: extractor [options] [INPUT ...]\n\n"
                 "Reads news (.txt files, .jsonl files of {\"id\",\"text\",\"date\"}, directories\n"
                 "searched recursively, or - for stdin; no INPUT reads stdin as JSONL) and writes\n"
                 "one JSON line of person-role-organization-date events per document.\n\n"
              << opts
              << "\nExit status: 0 all documents processed; 1 some documents failed (each has\n"
                 "an error record); 2 usage or configuration error.\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << "extractor " NEWSROLES_VERSION "\n";
    return 0;
  }
  InputFormat format;
  const std::string f = vm["format"].as<std::string>();
  if (f == "auto") format = InputFormat::kAuto;
  else if (f == "txt") format = InputFormat::kText;
  else if (f == "jsonl") format = InputFormat::kJsonl;
  else {
    std::cerr << "extractor: --format must be auto, txt or jsonl\n";
    return 2;
  }
  BatchOptions batch;
  if (vm.count("date")) {
    const std::string d = vm["date"].as<std::string>();
    if (!IsIsoDate(d)) {
      std::cerr << "extractor: --date must be YYYY-MM-DD, got '" << d << "'\n";
      return 2;
    }
    batch.run.default_date = d;
  }
  batch.threads = vm.count("threads") ? vm["threads"].as<unsigned>()
                                      : std::max(1u, std::thread::hardware_concurrency());
  if (batch.threads == 0 || batch.threads > 256) {
    std::cerr << "extractor: --threads must be between 1 and 256\n";
    return 2;
  }
  batch.chunk = vm["chunk"].as<size_t>();
  if (batch.chunk == 0 || batch.chunk > 65536) {
    std::cerr << "extractor: --chunk must be between 1 and 65536\n";
    return 2;
  }
  batch.explain = vm.count("explain") > 0;
  ReadLimits limits;
  limits.max_doc_bytes = vm["max-doc-bytes"].as<size_t>();
  batch.run.max_sentence_bytes = vm["max-sentence-bytes"].as<size_t>();
  if (limits.max_doc_bytes == 0 || batch.run.max_sentence_bytes < 64) {
    std::cerr << "extractor: --max-doc-bytes must be positive and --max-sentence-bytes at least 64\n";
    return 2;
  }

  const std::string pattern_dir =
      vm.count("patterns") ? vm["patterns"].as<std::string>() : DefaultPatternDir(argv[0]);
  std::unique_ptr<Engine> engine;
  try {
    engine = std::make_unique<Engine>(pattern_dir);
  } catch (const std::exception& e) {
    std::cerr << "extractor: " << e.what() << "\n";
    return 2;
  }

  if (vm.count("list-rules")) {
    for (const auto& r : engine->library().rules())
      std::cout << r.id << "\t" << r.type << "\t" << r.file << ":" << r.line << "\t" << r.source
                << "\n";
    return 0;
  }
  if (vm.count("test-rules")) {
    try {
      engine->library().CompileAll();  // every rule, not only those its examples reach
    } catch (const std::exception& e) {
      std::cerr << "extractor: " << e.what() << "\n";
      return 2;
    }
    ExampleReport rep = RunExamples(*engine);
    for (const auto& fl : rep.failures)
      std::cout << fl.where << ": " << fl.rule << ": " << fl.message << "\n";
    std::cout << rep.rules << " rules, " << rep.examples << " examples\n"
              << (rep.examples - std::min(rep.examples, rep.failures.size())) << " passed, "
              << rep.failures.size() << " failed\n";
    return rep.failures.empty() ? 0 : 1;
  }

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (vm.count("output")) {
    file.open(vm["output"].as<std::string>(), std::ios::binary);
    if (!file) {
      std::cerr << "extractor: cannot write " << vm["output"].as<std::string>() << "\n";
      return 2;
    }
    out = &file;
  }
  std::vector<std::string> inputs;
  if (vm.count("input")) inputs = vm["input"].as<std::vector<std::string>>();
  DocumentReader reader(inputs, format, std::cin, limits);
  const auto start = std::chrono::steady_clock::now();
  BatchStats s = RunBatch(*engine, reader, *out, std::cerr, batch);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!*out) {
    std::cerr << "extractor: error writing output\n";
    return 2;
  }
  if (!vm.count("quiet")) {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.3f", seconds);
    std::cerr << "extractor: summary: " << s.documents << " documents read, " << s.with_events
              << " with events, " << s.without_events << " without, " << s.failed
              << " failed, " << s.warned << " with warnings; " << s.events << " events; "
              << s.bytes << " bytes in " << secs << " s\n";
  }
  const bool strict = vm.count("strict") > 0;
  return (s.failed || (strict && s.warned)) ? 1 : 0;
}
