#include "gen.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "read.h"

namespace newsroles::bench {
namespace fs = std::filesystem;
namespace {

// SplitMix64: small, fast and the same everywhere (std::mt19937 is too, but
// the std distributions over it are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is below 2^-50 for the small n used here.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  uint64_t state_;
};

constexpr std::array<const char*, 48> kGivenNames = {
    "Anna",  "Ben",     "Carlos", "Chen",    "Daniela", "David",   "Elena",  "Fatima",
    "Grace", "Hiroshi", "Ingrid", "James",   "Jia",     "Karim",   "Laura",  "Li",
    "Maria", "Mark",    "Mei",    "Michael", "Nadia",   "Olivier", "Priya",  "Rahul",
    "Sarah", "Sofia",   "Thomas", "Wei",     "Yuki",    "Zoë",     "José",   "Ana",
    "Björn", "Chloé",   "Ravi",   "Ruth",    "Samuel",  "Tomás",   "Ulrike", "Victor",
    "Xin",   "Yasmin",  "Amir",   "Helen",   "Kevin",   "Lucía",   "Paul",   "Rebecca"};

constexpr std::array<const char*, 48> kSurnames = {
    "Adams",  "Bauer",  "Becker", "Castillo", "Chang",   "Dubois",   "Evans",   "Fischer",
    "Garcia", "Gupta",  "Hansen", "Huang",    "Ito",     "Jensen",   "Kim",     "Kowalski",
    "Larsen", "Lopez",  "Martin", "Meyer",    "Morales", "Nakamura", "Nguyen",  "Novak",
    "Okafor", "Olsen",  "Patel",  "Petrov",   "Quinn",   "Rossi",    "Schmidt", "Silva",
    "Singh",  "Tanaka", "Wang",   "Weber",    "Xu",      "Yamamoto", "Zhou",    "Müller",
    "Núñez",  "Søren",  "Łukasz", "Brennan",  "Haddad",  "Iyer",     "Moreau",  "Sato"};

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
// AP style: the months news abbreviates before a day ("Dec. 30"); the others
// are written out, so "" here.
constexpr std::array<const char*, 12> kMonthAbbrevs = {
    "Jan.", "Feb.", "", "", "", "", "", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};

// Months are only swapped for months of the same length, so "May 31" never
// becomes "June 31". 1-based month numbers.
constexpr std::array<std::array<int, 7>, 3> kMonthGroups = {
    {{1, 3, 5, 7, 8, 10, 12}, {4, 6, 9, 11, 0, 0, 0}, {2, 0, 0, 0, 0, 0, 0}}};
constexpr std::array<int, 3> kMonthGroupSizes = {7, 4, 1};

// Capitalized words that are not the first or last word of a person's name in
// business news: sentence openers, titles, organization and place words.
constexpr std::string_view kStopWords =
    "The A An In On At For And But Or As By To Of With From After Before Since Under Its His "
    "Her Their Our This That These Those He She It They We You I Mr Mrs Ms Dr Sir Dame Lord "
    "Prof Professor Chief Executive Officer President Vice Chairman Chairwoman Chair Director "
    "Managing General Senior Head Founder Co Group Bank Inc Corp Corporation Company Ltd "
    "Limited Holdings Holding Capital Partners Partner Fund Funds Investment Investments "
    "Securities Financial Finance Insurance Energy Motors Airlines Technologies Technology "
    "Tech Systems Networks Network Labs Cloud Academy University College School Institute "
    "Foundation Association Council Committee Board Ministry Department Office Agency "
    "Authority Commission Government Party Parliament Senate House Court Reserve Federal "
    "National International Global Services Solutions Media News Times Post Journal Press "
    "Reuters Street Avenue Road Valley City County State States United Kingdom Republic North "
    "South East West New York Hong Kong Los Angeles San Francisco China Chinese America "
    "American Europe European British German French Japan Japanese India Indian Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Jan Feb Aug Sept Oct Nov Dec Read More "
    "See Also According However Meanwhile Previously Prior During Earlier Later Last Next "
    "First Second Third Annual Meeting Conference Summit Forum Award Prize Index Exchange "
    "Market Markets Stock Shares Share Announces Appoints Names Welcomes Hires Promotes "
    "Retires Steps Down Up Joins Leaves";

const std::set<std::string_view>& StopWords() {
  static const std::set<std::string_view> words = [] {
    std::set<std::string_view> out;
    for (size_t i = 0; i < kStopWords.size();) {
      size_t end = kStopWords.find(' ', i);
      if (end == std::string_view::npos) end = kStopWords.size();
      if (end > i) out.insert(kStopWords.substr(i, end - i));
      i = end + 1;
    }
    return out;
  }();
  return words;
}

// Letters of a word: ASCII letters and the two-byte UTF-8 Latin letters
// (U+00C0-U+024F, lead bytes C3-C9). Returns the letter's length, 0 if none.
size_t LetterAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return 1;
  if (c >= 0xC3 && c <= 0xC9 && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80)
    return 2;
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Token {
  size_t begin, end;
  bool word;  // else a run of digits
};

// "Zhang", "Müller": an ASCII capital, then no ASCII capital.
bool Capitalized(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  return std::none_of(w.begin() + 1, w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// What a piece of a source paragraph becomes in a generated article.
enum class Slot : uint8_t { kText, kFullName, kSurname, kYear, kMonth };

struct Piece {
  Slot slot;
  uint32_t a;  // kText: offset in the source text; names: key; kYear: year; kMonth: 1-12
  uint32_t b;  // kText: length; kMonth: 1 when abbreviated ("Dec.")
};

struct Source {
  std::string stem;
  std::string text;
  std::vector<std::vector<Piece>> paragraphs;
  size_t name_keys = 0;
};

// Paragraphs: runs of lines separated by blank lines, as [begin, end) ranges.
std::vector<std::pair<size_t, size_t>> Paragraphs(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t pos = 0, begin = std::string::npos, end = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const bool blank = text.find_first_not_of(" \t\r\f", pos) >= nl;
    if (!blank) {
      if (begin == std::string::npos) begin = pos;
      end = nl;
    } else if (begin != std::string::npos) {
      out.emplace_back(begin, end);
      begin = std::string::npos;
    }
    pos = nl + 1;
  }
  if (begin != std::string::npos) out.emplace_back(begin, end);
  return out;
}

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = LetterAt(s, i)) {
      size_t j = i + n;
      while (j < s.size() && (n = LetterAt(s, j))) j += n;
      out.push_back({i, j, true});
      i = j;
    } else if (IsDigit(s[i])) {
      size_t j = i + 1;
      while (j < s.size() && IsDigit(s[j])) ++j;
      out.push_back({i, j, false});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

int MonthOf(std::string_view w) {
  for (int m = 0; m < 12; ++m)
    if (w == kMonths[m]) return m + 1;
  return 0;
}

int AbbreviatedMonthOf(std::string_view w) {
  if (w == "Sep") return 9;
  for (int m = 0; m < 12; ++m) {
    std::string_view a = kMonthAbbrevs[m];
    if (!a.empty() && w == a.substr(0, a.size() - 1)) return m + 1;
  }
  return 0;
}

// Cuts a source article into pieces: literal text, and the names, years and
// months a generated article varies.
Source Prepare(std::string stem, std::string text) {
  Source src;
  src.stem = std::move(stem);
  src.text = std::move(text);
  const std::string_view all = src.text;
  const auto ranges = Paragraphs(src.text);
  const auto& stop = StopWords();

  struct Found {
    size_t begin, end;
    Piece piece;
  };
  std::vector<std::vector<Token>> tokens;
  std::map<std::string, uint32_t, std::less<>> keys;  // "Jane Doe" -> key
  std::map<std::string, uint32_t, std::less<>> surnames;
  auto word = [&](const Token& t) { return all.substr(t.begin, t.end - t.begin); };
  auto joined = [&](const Token& a, const Token& b) {
    return a.word && b.word && b.begin == a.end + 1 && all[a.end] == ' ';
  };
  auto cap = [&](const Token& t) { return t.word && Capitalized(word(t)); };

  // Pass 1: the article's names.
  std::vector<std::vector<Found>> found(ranges.size());
  for (size_t p = 0; p < ranges.size(); ++p) {
    auto toks = Tokenize(all.substr(ranges[p].first, ranges[p].second - ranges[p].first));
    for (auto& t : toks) t.begin += ranges[p].first, t.end += ranges[p].first;
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      const Token &a = toks[i], &b = toks[i + 1];
      if (!cap(a) || !cap(b) || !joined(a, b)) continue;
      if (stop.count(word(a)) || stop.count(word(b))) continue;
      if (i > 0 && joined(toks[i - 1], a)) {
        const auto prev = word(toks[i - 1]);
        if (cap(toks[i - 1]) || prev == "the" || prev == "of") continue;
      }
      if (i + 2 < toks.size() && cap(toks[i + 2]) && joined(b, toks[i + 2])) continue;
      const std::string full(all.substr(a.begin, b.end - a.begin));
      auto [it, added] = keys.emplace(full, static_cast<uint32_t>(keys.size()));
      surnames.emplace(std::string(word(b)), it->second);
      found[p].push_back({a.begin, b.end, {Slot::kFullName, it->second, 0}});
      ++i;
    }
    tokens.push_back(std::move(toks));
  }
  src.name_keys = keys.size();

  // Pass 2: a surname alone, years, months; then the pieces in order.
  for (size_t p = 0; p < ranges.size(); ++p) {
    const auto& toks = tokens[p];
    std::vector<Found>& f = found[p];
    auto inside_name = [&](const Token& t) {
      return std::any_of(f.begin(), f.end(), [&](const Found& x) {
        return x.piece.slot == Slot::kFullName && t.begin >= x.begin && t.end <= x.end;
      });
    };
    for (size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      const auto w = word(t);
      if (!t.word) {
        const bool lone = t.begin == 0 || (!IsDigit(all[t.begin - 1]) && all[t.begin - 1] != ',' &&
                                           all[t.begin - 1] != '.' && all[t.begin - 1] != '$');
        const bool ends =
            t.end == all.size() || !((all[t.end] == ',' || all[t.end] == '.') &&
                                     t.end + 1 < all.size() && IsDigit(all[t.end + 1]));
        if (w.size() == 4 && lone && ends) {
          const int year = std::stoi(std::string(w));
          if (year >= 1980 && year <= 2039)
            f.push_back({t.begin, t.end, {Slot::kYear, static_cast<uint32_t>(year), 0}});
        }
        continue;
      }
      if (inside_name(t)) continue;
      if (int m = MonthOf(w)) {
        f.push_back({t.begin, t.end, {Slot::kMonth, static_cast<uint32_t>(m), 0}});
      } else if (int am = AbbreviatedMonthOf(w); am && t.end < all.size() && all[t.end] == '.') {
        f.push_back({t.begin, t.end + 1, {Slot::kMonth, static_cast<uint32_t>(am), 1}});
      } else if (cap(t)) {
        const bool alone = !(i > 0 && cap(toks[i - 1]) && joined(toks[i - 1], t)) &&
                           !(i + 1 < toks.size() && cap(toks[i + 1]) && joined(t, toks[i + 1]));
        auto it = surnames.find(w);
        if (alone && it != surnames.end())
          f.push_back({t.begin, t.end, {Slot::kSurname, it->second, 0}});
      }
    }
    std::sort(f.begin(), f.end(), [](const Found& x, const Found& y) { return x.begin < y.begin; });
    std::vector<Piece> pieces;
    size_t at = ranges[p].first;
    for (const Found& x : f) {
      if (x.begin < at) continue;  // overlaps a piece already taken
      if (x.begin > at)
        pieces.push_back(
            {Slot::kText, static_cast<uint32_t>(at), static_cast<uint32_t>(x.begin - at)});
      pieces.push_back(x.piece);
      at = x.end;
    }
    if (ranges[p].second > at)
      pieces.push_back(
          {Slot::kText, static_cast<uint32_t>(at), static_cast<uint32_t>(ranges[p].second - at)});
    src.paragraphs.push_back(std::move(pieces));
  }
  return src;
}

}  // namespace

struct NewsGenerator::Impl {
  std::vector<Source> sources;
  size_t source_bytes = 0;
  Rng rng;
  std::vector<size_t> order;  // this round's order of sources
  size_t next = 0;
  GenStats stats;
  std::string text;  // the article being made; reused

  explicit Impl(uint64_t seed) : rng(seed) {}

  size_t NextSource() {
    if (next == order.size()) {
      order.resize(sources.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      rng.Shuffle(order);
      next = 0;
    }
    return order[next++];
  }

  // One generated article as a JSON line (without the newline).
  std::string Article() {
    const Source& src = sources[NextSource()];
    const int year_shift = static_cast<int>(rng.Below(11)) - 6;  // -6 .. +4
    std::array<int, 3> rotation;
    for (size_t g = 0; g < 3; ++g) rotation[g] = static_cast<int>(rng.Below(kMonthGroupSizes[g]));
    // Distinct surnames within an article, so that "Doe" alone stays one person.
    std::vector<size_t> surnames(kSurnames.size());
    for (size_t i = 0; i < surnames.size(); ++i) surnames[i] = i;
    rng.Shuffle(surnames);
    std::vector<std::pair<const char*, const char*>> names(src.name_keys);
    for (size_t k = 0; k < names.size(); ++k)
      names[k] = {kGivenNames[rng.Below(kGivenNames.size())],
                  kSurnames[surnames[k % surnames.size()]]};
    // Headline and lead (which carries the dateline) stay first; the rest moves.
    std::vector<size_t> order(src.paragraphs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const size_t fixed = std::min<size_t>(2, order.size());
    std::vector<size_t> rest(order.begin() + fixed, order.end());
    rng.Shuffle(rest);
    std::copy(rest.begin(), rest.end(), order.begin() + fixed);

    text.clear();
    for (size_t k = 0; k < order.size(); ++k) {
      if (k) text += "\n\n";
      for (const Piece& piece : src.paragraphs[order[k]]) {
        switch (piece.slot) {
          case Slot::kText:
            text.append(src.text, piece.a, piece.b);
            break;
          case Slot::kFullName:
            text.append(names[piece.a].first).append(" ").append(names[piece.a].second);
            ++stats.names;
            break;
          case Slot::kSurname:
            text.append(names[piece.a].second);
            ++stats.names;
            break;
          case Slot::kYear:
            text.append(std::to_string(static_cast<int>(piece.a) + year_shift));
            ++stats.years;
            break;
          case Slot::kMonth: {
            const int m = static_cast<int>(piece.a);
            int month = m;
            for (size_t g = 0; g < 3; ++g) {
              const auto& group = kMonthGroups[g];
              const int n = kMonthGroupSizes[g];
              for (int i = 0; i < n; ++i)
                if (group[i] == m) month = group[(i + rotation[g]) % n];
            }
            const char* abbrev = kMonthAbbrevs[month - 1];
            text.append(piece.b && *abbrev ? abbrev : kMonths[month - 1]);
            ++stats.months;
            break;
          }
        }
      }
    }
    char date[40];  // room for any int, so -Wformat-truncation (Debug) has nothing to say
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2022 + year_shift,
                  static_cast<int>(rng.Below(12)) + 1, static_cast<int>(rng.Below(28)) + 1);
    char id[32];
    std::snprintf(id, sizeof id, "gen-%08zu-", stats.documents);
    nlohmann::ordered_json line = {{"id", id + src.stem}, {"text", text}, {"date", date}};
    return line.dump();
  }
};

NewsGenerator::NewsGenerator(const std::vector<std::string>& dirs, uint64_t seed)
    : impl_(std::make_unique<Impl>(seed)) {
  for (const auto& dir : dirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      std::string utf8, error;
      if (!DecodeText(bytes.str(), utf8, error)) continue;
      impl_->source_bytes += utf8.size();
      impl_->sources.push_back(Prepare(path.stem().string(), std::move(utf8)));
    }
  }
  if (impl_->sources.empty()) throw std::runtime_error("no *.txt article found in the corpus");
}

NewsGenerator::~NewsGenerator() = default;

const GenStats& NewsGenerator::Write(std::ostream& out, size_t target_bytes) {
  for (size_t written = 0; written < target_bytes;) {
    const std::string line = impl_->Article();
    out << line << '\n';
    written += line.size() + 1;
    impl_->stats.bytes += line.size() + 1;
    ++impl_->stats.documents;
  }
  return impl_->stats;
}

size_t NewsGenerator::sources() const { return impl_->sources.size(); }
size_t NewsGenerator::source_bytes() const { return impl_->source_bytes; }

size_t ParseSize(const std::string& s) {
  size_t pos = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(s, &pos);
  } catch (const std::exception&) {
    throw std::invalid_argument("bad size '" + s + "' (e.g. 64M, 1G, 500000)");
  }
  std::string unit = s.substr(pos);
  if (unit.size() == 2 && (unit[1] == 'B' || unit[1] == 'b')) unit.pop_back();
  if (unit.empty()) return n;
  if (unit.size() == 1) {
    switch (unit[0]) {
      case 'k':
      case 'K':
        return n << 10;
      case 'm':
      case 'M':
        return n << 20;
      case 'g':
      case 'G':
        return n << 30;
    }
  }
  throw std::invalid_argument("bad size '" + s + "' (e.g. 64M, 1G, 500000)");
}

}  // namespace newsroles::bench
