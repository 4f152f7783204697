// micro_bench: Google Benchmark micro-benchmarks of the hot stages, each over
// real news text from the bundled corpus, reporting bytes/s:
//   BM_Normalize/ascii, BM_Normalize/unicode   Normalizer::Normalize
//   BM_Split                                   SentenceSplitter::Split (normalized text)
//   BM_RuleSetScan                             the library's RE2::Set over each sentence
//   BM_RuleCaptures                            MatchRules (set, then captures) per sentence
//   BM_Extract/seed, BM_Extract/dev            Extractor::Run, one document end to end
// The pattern library and corpus are the source tree's unless NEWSROLES_PATTERNS
// and NEWSROLES_CORPUS (a directory of *.txt) say otherwise. Fixtures are made
// once in main and captured by the benchmarks; nothing is global.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract.h"
#include "allocator.h"
#include "rules.h"
#include "sentences.h"

namespace fs = std::filesystem;
using namespace newsroles;

namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every non-ASCII character of `text` replaced by its closest ASCII stand-in
// (quotes and dashes), or dropped: the same prose as plain ASCII.
std::string AsciiOnly(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += text[i++];
      continue;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const std::string ch = text.substr(i, n);
    if (ch == "\u2018" || ch == "\u2019")
      out += '\'';
    else if (ch == "\u201C" || ch == "\u201D")
      out += '"';
    else if (ch == "\u2013" || ch == "\u2014")
      out += '-';
    i += n;
  }
  return out;
}

// News with more than typographic quotes: accented names, non-breaking and
// other Unicode spaces, dashes, full-width and compatibility characters NFKC
// rewrites, a soft hyphen and a zero-width space.
constexpr const char* kUnicodeParagraph =
    "Zoë Müller-Lüdenscheidt, the new chief executive of Société Générale’s unit in "
    "Zürich, succeeds José Núñez\u00A0— who held the post since 2019 — from March\u00A01, "
    "the bank said on Monday. “We are delighted,” said Łukasz Dąbrowski, chairman of "
    "the board of Ｓｔａｒ　Ｃｏｒｐ. Ｌｔｄ., adding that Ms.\u2009Müller had led the "
    "ﬁnance divi\u00ADsion\u200B of Crédit Agricole–Nordic for ½ a decade.\n\n";

// RE2 builds its DFAs lazily: the first pass over new text costs several times
// a warm one (over the dev corpus about 1 s against 0.2 s). The end-to-end
// benchmarks warm up first and measure the steady state, as a long batch sees.
constexpr double kWarmUpSeconds = 2.0;
constexpr double kExtractDevSeconds = 5.0;  // enough passes over the corpus to average

struct Fixture {
  std::unique_ptr<Engine> engine;
  std::string seed_text;      // the seed article, as read (typographic quotes)
  std::string ascii_text;     // the same, ASCII only
  std::string unicode_text;   // the seed article with Unicode-heavy paragraphs
  std::vector<Document> dev;  // every article of the corpus directory
  NormalizedText seed_normalized;
  std::vector<Sentence> seed_sentences;
  size_t seed_sentence_bytes = 0;
};

size_t TotalBytes(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.text.size();
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  newsroles::TuneAllocator();
  const char* patterns_env = std::getenv("NEWSROLES_PATTERNS");
  const char* corpus_env = std::getenv("NEWSROLES_CORPUS");
  const std::string patterns = patterns_env ? patterns_env : NEWSROLES_SOURCE_DIR "/patterns";
  const fs::path corpus = corpus_env ? corpus_env : NEWSROLES_SOURCE_DIR "/corpus/dev/text";

  Fixture fx;
  try {
    fx.engine = std::make_unique<Engine>(patterns);
    fx.engine->library().CompileAll();  // as warm as the iterations after the first
  } catch (const std::exception& e) {
    std::cerr << "micro_bench: " << e.what() << "\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "micro_bench: no *.txt in " << corpus << "\n";
    return 2;
  }
  for (const auto& f : files) {
    Document doc;
    doc.id = f.stem().string();
    doc.text = ReadFile(f);
    fx.dev.push_back(std::move(doc));
  }
  fx.seed_text = fx.dev.front().text;  // 000_...: the seed article, sorted first
  fx.ascii_text = AsciiOnly(fx.seed_text);
  fx.unicode_text = kUnicodeParagraph + fx.seed_text + "\n\n" + kUnicodeParagraph;
  fx.seed_normalized = fx.engine->normalizer().Normalize(fx.seed_text);
  {
    SentenceSplitter splitter(fx.engine->Abbreviations());
    fx.seed_sentences = splitter.Split(fx.seed_normalized.text);
  }
  for (const auto& s : fx.seed_sentences) fx.seed_sentence_bytes += s.span.end - s.span.begin;

  auto normalize = [&fx](benchmark::State& state, const std::string* text) {
    for (auto _ : state) benchmark::DoNotOptimize(fx.engine->normalizer().Normalize(*text));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->size()));
  };
  benchmark::RegisterBenchmark("BM_Normalize/ascii", normalize, &fx.ascii_text);
  benchmark::RegisterBenchmark("BM_Normalize/unicode", normalize, &fx.unicode_text);

  benchmark::RegisterBenchmark("BM_Split", [&fx](benchmark::State& state) {
    SentenceSplitter splitter(fx.engine->Abbreviations());
    for (auto _ : state) benchmark::DoNotOptimize(splitter.Split(fx.seed_normalized.text));
    state.SetBytesProcessed(
        static_cast<int64_t>(state.iterations() * fx.seed_normalized.text.size()));
  });

  benchmark::RegisterBenchmark("BM_RuleSetScan", [&fx](benchmark::State& state) {
    const PatternLibrary& library = fx.engine->library();
    const std::string& text = fx.seed_normalized.text;
    std::vector<int> hits;
    for (auto _ : state) {
      for (const Sentence& s : fx.seed_sentences) {
        hits.clear();
        benchmark::DoNotOptimize(library.Candidates(
            re2::StringPiece(text.data() + s.span.begin, s.span.end - s.span.begin), &hits));
      }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fx.seed_sentence_bytes));
  });

  benchmark::RegisterBenchmark("BM_RuleCaptures", [&fx](benchmark::State& state) {
    const std::string& text = fx.seed_normalized.text;
    for (auto _ : state)
      for (size_t i = 0; i < fx.seed_sentences.size(); ++i)
        benchmark::DoNotOptimize(MatchRules(fx.engine->library(), text, fx.seed_sentences[i], i));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fx.seed_sentence_bytes));
  });

  benchmark::RegisterBenchmark("BM_Extract/seed", [&fx](benchmark::State& state) {
    Extractor extractor(*fx.engine);
    const Document& doc = fx.dev.front();
    for (auto _ : state) benchmark::DoNotOptimize(extractor.Run(doc, RunOptions{}));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
  })->MinWarmUpTime(kWarmUpSeconds);
  benchmark::RegisterBenchmark(
      "BM_Extract/dev",
      [&fx](benchmark::State& state) {
        Extractor extractor(*fx.engine);
        for (auto _ : state)
          for (const Document& doc : fx.dev)
            benchmark::DoNotOptimize(extractor.Run(doc, RunOptions{}));
        state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(fx.dev)));
        state.counters["docs/s"] = benchmark::Counter(
            static_cast<double>(state.iterations() * fx.dev.size()), benchmark::Counter::kIsRate);
      })
      ->MinWarmUpTime(kWarmUpSeconds)
      ->MinTime(kExtractDevSeconds);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
