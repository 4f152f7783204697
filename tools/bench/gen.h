// NewsGenerator: deterministic news-like JSON Lines of a given size, made from
// a corpus of real articles, for benchmarks.
//
// Promises:
//  - Each generated article is one source article (taken in a seeded order
//    that visits every source once per round) with its paragraphs after the
//    headline and the lead shuffled, its person names ("Jane Doe", and "Doe"
//    alone later) replaced consistently by names from a built-in list (some
//    with accents), its years shifted by a few years and its month names
//    swapped for months of the same length, so no two articles repeat the
//    same bytes while the density of events stays that of the source news.
//  - Each line is {"id": "gen-NNNNNNNN-SOURCE", "text": ..., "date": "YYYY-MM-DD"}.
//  - The same corpus, seed and size give the same bytes on every machine (own
//    PRNG, no std::*_distribution).
//  - Write streams: memory holds the corpus and one article, whatever the size.
//  - Name finding is a heuristic (two capitalized words, neither on a stop
//    list, not inside a longer run of capitalized words); it misses some names
//    and takes a few non-names, which only varies the text further.
// Failure: the constructor throws std::runtime_error when no article is found.
// Thread safety: none; one generator per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace newsroles::bench {

struct GenStats {
  size_t documents = 0;
  size_t bytes = 0;                         // bytes written, newlines included
  size_t names = 0, years = 0, months = 0;  // substitutions made
};

class NewsGenerator {
 public:
  // Reads every *.txt file directly in each of `dirs`, in sorted order.
  NewsGenerator(const std::vector<std::string>& dirs, uint64_t seed);
  ~NewsGenerator();
  NewsGenerator(const NewsGenerator&) = delete;
  NewsGenerator& operator=(const NewsGenerator&) = delete;

  // Writes whole lines until at least `target_bytes` are written (the last
  // line ends past the target by less than one article). Stats are cumulative.
  const GenStats& Write(std::ostream& out, size_t target_bytes);

  size_t sources() const;
  size_t source_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "256M", "1G", "64k", "1000": bytes (K, M, G are powers of 1024). Throws
// std::invalid_argument on anything else.
size_t ParseSize(const std::string& s);

}  // namespace newsroles::bench
