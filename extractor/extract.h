// The extraction flow for one document:
//   normalize -> truecase -> dateline -> sentences -> mentions -> rules -> resolve -> merge
//
// Engine holds what every thread shares (the compiled pattern library and the
// stateless stages); Extractor adds the per-thread ICU objects. Extractor::Run
// and RunMany never throw for a bad document: the error comes back in its
// result.
// Thread safety: one Engine for all threads; one Extractor per thread.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dates.h"
#include "mentions.h"
#include "normalize.h"
#include "patterns.h"
#include "resolve.h"
#include "sentences.h"
#include "truecase.h"
#include "types.h"

namespace newsroles {

struct Dateline {
  Span span;  // normalized offsets
  std::optional<std::string> date;
};

class Engine {
 public:
  // Loads the pattern library from `pattern_dir`; throws PatternError.
  explicit Engine(const std::string& pattern_dir);

  const PatternLibrary& library() const { return *lib_; }
  const Normalizer& normalizer() const { return normalizer_; }
  const MentionFinder& mentions() const { return *mentions_; }
  const Truecaser& truecaser() const { return *truecaser_; }
  const DateNormalizer& dates() const { return *dates_; }
  const Resolver& resolver() const { return *resolver_; }
  std::map<std::string, AbbreviationKind> Abbreviations() const;
  // SENTENCE_OPENER: the words after which an abbreviation of kind `name` ends a sentence.
  const std::set<std::string>& SentenceOpeners() const;

  // A dateline at the top of the text ("BEIJING, Dec. 30, 2022 /PRNewswire/ --").
  std::optional<Dateline> FindDateline(const std::string& normalized) const;

 private:
  std::unique_ptr<PatternLibrary> lib_;
  Normalizer normalizer_;
  std::unique_ptr<MentionFinder> mentions_;
  std::unique_ptr<Truecaser> truecaser_;
  std::unique_ptr<DateNormalizer> dates_;
  std::unique_ptr<Resolver> resolver_;
  std::unique_ptr<RE2> dateline_;
};

struct RunOptions {
  std::optional<std::string> default_date;  // --date, for documents without one
  bool keep_candidates = false;              // keep every rule's events unmerged
  // A longer sentence (a table, a list, text without punctuation) is cut at
  // spaces into pieces of at most this many bytes, with a warning, so that no
  // rule ever sees an unbounded sentence.
  size_t max_sentence_bytes = 2000;
};

class Extractor {
 public:
  // `first_rule`: where this extractor's rule-by-rule runs start (see
  // MatchRulesMany); give each thread's extractor its own.
  explicit Extractor(const Engine& engine, size_t first_rule = 0);
  DocumentResult Run(const Document& doc, const RunOptions& options);
  // The results of several documents, in their order, each exactly what Run
  // gives for it; the rules run over the chunk's sentences rule by rule
  // (MatchRulesMany), which is several times faster than one by one.
  std::vector<DocumentResult> RunMany(const std::vector<const Document*>& docs,
                                      const RunOptions& options);

 private:
  // A document between its stages: what matching and resolution need
  // besides its result's normalized text and sentences.
  struct Prepared {
    Mentions mentions;
    std::optional<std::string> date;  // the publication date, if any
    std::vector<Span> capitals;       // the runs the truecaser recased
  };
  // Normalize, dateline, sentences (into `r`) and mentions of one document. Throws.
  Prepared Prepare(const Document& doc, const RunOptions& options, DocumentResult& r);

  const Engine& engine_;
  SentenceSplitter splitter_;
  size_t first_rule_;
};

}  // namespace newsroles
