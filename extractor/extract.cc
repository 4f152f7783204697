#include "extract.h"

#include <algorithm>
#include <cstdint>
#include <exception>

#include "rules.h"

namespace newsroles {
namespace {

// Cuts every sentence longer than `max` bytes into pieces at the last space
// before the bound (or at a UTF-8 boundary where a piece has no space), and
// says so in `warnings`.
std::vector<Sentence> BoundSentences(const std::string& text, std::vector<Sentence> sentences,
                                     size_t max, std::vector<std::string>& warnings) {
  if (max == 0) return sentences;
  std::vector<Sentence> out;
  out.reserve(sentences.size());
  for (const Sentence& s : sentences) {
    if (s.span.end - s.span.begin <= max) {
      out.push_back(s);
      continue;
    }
    size_t pieces = 0;
    for (size_t b = s.span.begin; b < s.span.end;) {
      while (b < s.span.end && text[b] == ' ') ++b;
      if (b == s.span.end) break;
      size_t e = std::min(s.span.end, b + max);
      if (e < s.span.end) {
        size_t cut = text.rfind(' ', e);
        if (cut != std::string::npos && cut > b) {
          e = cut;
        } else {
          while (e > b + 1 && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
        }
      }
      size_t end = e;
      while (end > b && text[end - 1] == ' ') --end;
      if (end > b) {
        out.push_back(Sentence{{b, end}, s.paragraph});
        ++pieces;
      }
      b = e;
    }
    warnings.push_back("sentence of " + std::to_string(s.span.end - s.span.begin) +
                       " bytes at normalized byte " + std::to_string(s.span.begin) +
                       " cut into " + std::to_string(pieces) + " pieces of at most " +
                       std::to_string(max) + " bytes (--max-sentence-bytes)");
  }
  return out;
}

std::map<std::string, int> IntTable(const std::map<std::string, std::string>& t) {
  std::map<std::string, int> out;
  for (const auto& [k, v] : t) out[k] = std::stoi(v);
  return out;
}

}  // namespace

Engine::Engine(const std::string& pattern_dir) : lib_(PatternLibrary::Load(pattern_dir)) {
  for (const char* table : {"MONTH", "WEEKDAY", "ABBREVIATION"})
    if (lib_->Table(table).empty())
      throw PatternError(pattern_dir + "/macros.def:0: missing table {" + table + "} (a .tsv list)");
  mentions_ = std::make_unique<MentionFinder>(*lib_);
  truecaser_ = std::make_unique<Truecaser>(*lib_);
  dates_ = std::make_unique<DateNormalizer>(IntTable(lib_->Table("MONTH")),
                                            IntTable(lib_->Table("WEEKDAY")));
  resolver_ = std::make_unique<Resolver>(*lib_, *mentions_, *dates_);
  RE2::Options o;
  o.set_log_errors(false);
  dateline_ = std::make_unique<RE2>(lib_->Macro("DATELINE"), o);
  if (lib_->Macro("DATELINE").empty() || !dateline_->ok())
    throw PatternError(pattern_dir + "/macros.def:0: missing or bad macro {DATELINE}");
}

std::map<std::string, AbbreviationKind> Engine::Abbreviations() const {
  std::map<std::string, AbbreviationKind> out;
  // The table is case-sensitive ("list-cased"), entry -> always|lower|digit.
  for (const auto& [abbr, kind] : lib_->Table("ABBREVIATION"))
    out[abbr] = kind == "always" ? AbbreviationKind::kAlways
                : kind == "digit" ? AbbreviationKind::kBeforeDigit
                : kind == "name"  ? AbbreviationKind::kBeforeName
                                  : AbbreviationKind::kBeforeLowercase;
  return out;
}

const std::set<std::string>& Engine::SentenceOpeners() const { return lib_->List("SENTENCE_OPENER"); }

std::optional<Dateline> Engine::FindDateline(const std::string& text) const {
  // Only the opening of the document: the headline and the first paragraphs.
  const size_t limit = std::min<size_t>(text.size(), 800);
  re2::StringPiece head(text.data(), limit), whole, date;
  if (!RE2::PartialMatch(head, *dateline_, &whole, &date)) return std::nullopt;
  Dateline d;
  d.span = {static_cast<size_t>(whole.data() - text.data()),
            static_cast<size_t>(whole.data() - text.data()) + whole.size()};
  d.date = dates_->Normalize(std::string(date.data(), date.size()), std::nullopt, false);
  if (d.date && d.date->size() != 10) d.date.reset();
  return d;
}

Extractor::Extractor(const Engine& engine, size_t first_rule)
    : engine_(engine), splitter_(engine.Abbreviations(), engine.SentenceOpeners()), first_rule_(first_rule) {}

DocumentResult Extractor::Run(const Document& doc, const RunOptions& options) {
  std::vector<DocumentResult> one = RunMany({&doc}, options);
  return std::move(one.front());
}

namespace {

void Fail(DocumentResult& r, const Document& doc, const std::string& what) {
  r.events.clear();
  r.error = DocumentError{doc.id, "internal error: " + what, doc.source, doc.line};
}

}  // namespace

Extractor::Prepared Extractor::Prepare(const Document& doc, const RunOptions& options, DocumentResult& r) {
  Prepared p;
  r.normalized = engine_.normalizer().Normalize(doc.text);
  p.capitals = engine_.truecaser().Apply(r.normalized.text);  // same length: the offset map holds
  const std::string& text = r.normalized.text;
  std::optional<std::string>& date = p.date;
  date = doc.date;
  size_t from = 0;
  if (auto dl = engine_.FindDateline(text)) {
    from = dl->span.end;
    // The headline before the dateline is a sentence of its own.
    size_t nl = text.rfind('\n', dl->span.begin);
    if (nl != std::string::npos && nl > 0) {
      r.sentences = splitter_.Split(text.substr(0, nl), 0);
    }
    if (!date) date = dl->date;
  }
  if (!date) date = options.default_date;
  auto rest = splitter_.Split(text, from);
  r.sentences.insert(r.sentences.end(), rest.begin(), rest.end());
  r.sentences = BoundSentences(text, std::move(r.sentences), options.max_sentence_bytes, r.warnings);
  p.mentions = engine_.mentions().Find(text, r.sentences);
  return p;
}

std::vector<DocumentResult> Extractor::RunMany(const std::vector<const Document*>& docs,
                                               const RunOptions& options) {
  std::vector<DocumentResult> results(docs.size());
  std::vector<Prepared> pending(docs.size());
  std::vector<MatchInput> inputs;
  std::vector<size_t> input_of(docs.size(), SIZE_MAX);
  for (size_t k = 0; k < docs.size(); ++k) {
    DocumentResult& r = results[k];
    r.id = docs[k]->id;
    try {
      pending[k] = Prepare(*docs[k], options, r);
      input_of[k] = inputs.size();
      inputs.push_back({&r.normalized.text, &r.sentences});
    } catch (const std::exception& e) {
      Fail(r, *docs[k], e.what());
    }
  }
  std::vector<std::string> match_errors;
  std::vector<std::vector<RuleMatch>> matches = MatchRulesMany(engine_.library(), inputs, &match_errors, first_rule_);
  for (size_t k = 0; k < docs.size(); ++k) {
    if (input_of[k] == SIZE_MAX) continue;
    DocumentResult& r = results[k];
    if (!match_errors[input_of[k]].empty()) {
      Fail(r, *docs[k], match_errors[input_of[k]]);
      continue;
    }
    try {
      ResolveInput in{r.normalized.text, r.sentences, pending[k].mentions, std::move(matches[input_of[k]]),
                      std::nullopt, {}, {}};
      if (pending[k].date) in.anchor = DateNormalizer::ParseIso(*pending[k].date);
      in.capitals = std::move(pending[k].capitals);
      r.events = engine_.resolver().Candidates(in);
      if (!options.keep_candidates)
        r.events = Resolver::Merge(std::move(r.events), engine_.library().Table("ROLE_SHORT"));
    } catch (const std::exception& e) {
      Fail(r, *docs[k], e.what());
    }
  }
  return results;
}

}  // namespace newsroles
