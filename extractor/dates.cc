#include "dates.h"

#include <chrono>
#include <cstdio>
#include <sstream>
#include <vector>

namespace newsroles {
namespace {
namespace chr = std::chrono;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits into lower-case words: letters and digits; '-' and other
// punctuation separate ("mid-2021" -> "mid", "2021"; "Q4" stays).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : Lower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

bool IsNumber(const std::string& w) {
  return !w.empty() && w.find_first_not_of("0123456789") == std::string::npos;
}
int Ordinal(const std::string& w) {
  static const char* kWords[] = {"first", "second", "third", "fourth"};
  for (int i = 0; i < 4; ++i)
    if (w == kWords[i]) return i + 1;
  if (w.size() == 3 && w[0] >= '1' && w[0] <= '4' &&
      (w.substr(1) == "st" || w.substr(1) == "nd" || w.substr(1) == "rd" || w.substr(1) == "th"))
    return w[0] - '0';
  return 0;
}
// "3rd" -> 3, "29" -> 29.
std::optional<int> DayNumber(const std::string& w) {
  size_t i = 0;
  while (i < w.size() && std::isdigit(static_cast<unsigned char>(w[i]))) ++i;
  if (i == 0 || i > 2) return std::nullopt;
  std::string rest = w.substr(i);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th")
    return std::nullopt;
  int d = std::stoi(w.substr(0, i));
  if (d < 1 || d > 31) return std::nullopt;
  return d;
}
std::optional<int> Year(const std::string& w) {
  if (w.size() != 4 || !IsNumber(w)) return std::nullopt;
  int y = std::stoi(w);
  if (y < 1800 || y > 2200) return std::nullopt;
  return y;
}
int Count(const std::string& w) {
  static const char* kWords[] = {"a", "one", "two", "three", "four", "five", "six",
                                 "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (w == kWords[i]) return i == 0 ? 1 : i;
  if (IsNumber(w) && w.size() <= 3) return std::stoi(w);
  return 0;
}

std::string Fmt(int y) {
  char b[32];  // room for any int, so snprintf never truncates
  std::snprintf(b, sizeof b, "%04d", y);
  return b;
}
std::string Fmt(int y, int m) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}
std::string Fmt(const chr::year_month_day& d) {
  char b[32];
  std::snprintf(b, sizeof b, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  return b;
}
chr::year_month_day Ymd(const CivilDate& c) {
  return chr::year{c.year} / chr::month{unsigned(c.month)} / chr::day{unsigned(c.day)};
}
std::string IsoWeek(chr::sys_days d) {
  // ISO week: the week with the year's first Thursday is week 1.
  chr::weekday wd{d};
  int iso_wd = wd.iso_encoding();  // 1 = Monday
  chr::sys_days thursday = d + chr::days{4 - iso_wd};
  chr::year_month_day ty{thursday};
  chr::sys_days jan1 = chr::sys_days{ty.year() / chr::January / 1};
  int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
  char b[32];
  std::snprintf(b, sizeof b, "%04d-W%02d", int(ty.year()), week);
  return b;
}

bool Has(const std::vector<std::string>& w, const char* word) {
  for (const auto& x : w)
    if (x == word) return true;
  return false;
}

}  // namespace

DateNormalizer::DateNormalizer(std::map<std::string, int> months,
                               std::map<std::string, int> weekdays)
    : months_(std::move(months)), weekdays_(std::move(weekdays)) {}

std::optional<CivilDate> DateNormalizer::ParseIso(const std::string& s) {
  int y, m, d;
  if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  auto ymd = chr::year{y} / chr::month{unsigned(m)} / chr::day{unsigned(d)};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate{y, m, d};
}

std::optional<int> DateNormalizer::Month(const std::string& w) const {
  auto it = months_.find(w);
  if (it == months_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> DateNormalizer::Normalize(std::string_view text,
                                                     const std::optional<CivilDate>& anchor,
                                                     bool future) const {
  const std::vector<std::string> w = Words(text);
  if (w.empty()) return std::nullopt;
  const bool fiscal = Has(w, "fiscal") || Has(w, "fy");

  // ISO "2023-04-01" arrives as three numbers.
  for (size_t i = 0; i + 2 < w.size(); ++i) {
    if (Year(w[i]) && w[i + 1].size() == 2 && IsNumber(w[i + 1]) && w[i + 2].size() == 2 &&
        IsNumber(w[i + 2])) {
      auto d = ParseIso(w[i] + "-" + w[i + 1] + "-" + w[i + 2]);
      if (d) return Fmt(Ymd(*d));
    }
  }

  // Find a month, a day and a year among the words.
  std::optional<int> month, day, year;
  for (size_t i = 0; i < w.size(); ++i) {
    if (!month) {
      if (auto m = Month(w[i])) {
        // "may" is a month only next to a day or year.
        month = m;
        if (i + 1 < w.size() && DayNumber(w[i + 1]) && !Year(w[i + 1])) day = DayNumber(w[i + 1]);
        else if (i > 0 && DayNumber(w[i - 1]) && !Year(w[i - 1])) day = DayNumber(w[i - 1]);
        continue;
      }
    }
    if (!year) year = Year(w[i]);
  }

  // Quarters and halves.
  for (size_t i = 0; i < w.size(); ++i) {
    int q = 0, h = 0;
    if (w[i].size() == 2 && w[i][0] == 'q' && w[i][1] >= '1' && w[i][1] <= '4') q = w[i][1] - '0';
    if (w[i].size() == 2 && w[i][0] == 'h' && (w[i][1] == '1' || w[i][1] == '2')) h = w[i][1] - '0';
    if (i + 1 < w.size() && (w[i + 1] == "quarter" || (w[i + 1] == "fiscal" && i + 2 < w.size() &&
                                                        w[i + 2] == "quarter")))
      q = Ordinal(w[i]);
    if (i + 1 < w.size() && w[i + 1] == "half" && Ordinal(w[i]) <= 2) h = Ordinal(w[i]);
    if (q || h) {
      std::optional<int> y = year;
      if (!y && anchor && (Has(w, "this") || Has(w, "current"))) y = anchor->year;
      if (!y && anchor && Has(w, "next")) y = anchor->year + 1;
      if (!y && anchor && Has(w, "last")) y = anchor->year - 1;
      // "in the fourth quarter": the nearest such quarter (half) in the
      // direction the tense implies, counting the anchor's own.
      if (!y && anchor) {
        const int now = q ? (anchor->month - 1) / 3 + 1 : (anchor->month <= 6 ? 1 : 2);
        const int want = q ? q : h;
        y = future ? (want >= now ? anchor->year : anchor->year + 1)
                   : (want <= now ? anchor->year : anchor->year - 1);
      }
      if (!y) return std::nullopt;
      if (fiscal) return Fmt(*y);
      return Fmt(*y) + (q ? "-Q" + std::to_string(q) : "-H" + std::to_string(h));
    }
  }

  if (month && day && year) {
    auto ymd = chr::year{*year} / chr::month{unsigned(*month)} / chr::day{unsigned(*day)};
    if (ymd.ok()) return Fmt(ymd);
  }
  if (month && year && !fiscal) return Fmt(*year, *month);
  if (year) return Fmt(*year);
  if (month && day) {
    if (!anchor) {
      char b[32];
      std::snprintf(b, sizeof b, "XXXX-%02d-%02d", *month, *day);
      return b;
    }
    // The year that puts the date nearest the anchor in the tense's direction.
    chr::sys_days a{Ymd(*anchor)};
    for (int y : future ? std::vector<int>{anchor->year, anchor->year + 1}
                        : std::vector<int>{anchor->year, anchor->year - 1}) {
      auto ymd = chr::year{y} / chr::month{unsigned(*month)} / chr::day{unsigned(*day)};
      if (!ymd.ok()) continue;
      chr::sys_days d{ymd};
      if (future ? d >= a : d <= a) return Fmt(ymd);
    }
    return std::nullopt;
  }
  if (month && anchor && (Has(w, "next") || Has(w, "last") || Has(w, "this"))) {
    // "next June": the first June after the publication month; "last June"
    // the one before it; "this June" this year's.
    int y = anchor->year;
    if (Has(w, "next") && *month <= anchor->month) ++y;
    if (Has(w, "last") && *month >= anchor->month) --y;
    return Fmt(y, *month);
  }
  if (month && (Has(w, "in") || Has(w, "of") || Has(w, "since") || w.size() == 1) && anchor) {
    // "in March": this year's March, or the nearest in the tense's direction.
    int y = anchor->year;
    if (future && *month < anchor->month) ++y;
    if (!future && *month > anchor->month) --y;
    return Fmt(y, *month);
  }

  if (!anchor) return std::nullopt;
  chr::sys_days a{Ymd(*anchor)};
  chr::year_month_day ay = Ymd(*anchor);
  if (Has(w, "today") || Has(w, "immediately") || Has(w, "immediate") || Has(w, "tonight") || Has(w, "now"))
    return Fmt(ay);
  if (Has(w, "yesterday")) return Fmt(chr::year_month_day{a - chr::days{1}});
  if (Has(w, "tomorrow")) return Fmt(chr::year_month_day{a + chr::days{1}});

  for (size_t i = 0; i < w.size(); ++i) {
    auto wd = weekdays_.find(w[i]);
    if (wd == weekdays_.end()) continue;
    chr::weekday target{unsigned(wd->second)};
    bool next = Has(w, "next") || (future && !Has(w, "last"));
    if (next) {
      chr::sys_days d = a + chr::days{1};
      while (chr::weekday{d} != target) d += chr::days{1};
      return Fmt(chr::year_month_day{d});
    }
    chr::sys_days d = a;
    if (Has(w, "last") && chr::weekday{d} == target) d -= chr::days{1};
    while (chr::weekday{d} != target) d -= chr::days{1};
    return Fmt(chr::year_month_day{d});
  }

  // "N units ago", "last/next/this unit", "earlier this year".
  for (size_t i = 0; i < w.size(); ++i) {
    std::string unit = w[i];
    if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
    if (unit != "day" && unit != "week" && unit != "month" && unit != "year") continue;
    int delta = 0;
    if (i > 0 && (w[i - 1] == "last" || w[i - 1] == "past" || w[i - 1] == "previous")) delta = -1;
    else if (i > 0 && (w[i - 1] == "next" || w[i - 1] == "coming")) delta = 1;
    else if (i > 0 && (w[i - 1] == "this" || w[i - 1] == "current")) delta = 0;
    else if (i > 1 && w[i - 1] == "the" && w[i - 2] == "of") delta = 0;  // "the end of the year"
    else if (i + 1 < w.size() && w[i + 1] == "ago" && i > 0 && Count(w[i - 1]))
      delta = -Count(w[i - 1]);
    else if (i > 1 && w[i - 2] == "in" && Count(w[i - 1]))
      delta = Count(w[i - 1]);
    else
      continue;
    if (unit == "day") return Fmt(chr::year_month_day{a + chr::days{delta}});
    if (unit == "week") return IsoWeek(a + chr::days{7 * delta});
    if (unit == "month") {
      auto ym = chr::year_month{ay.year(), ay.month()} + chr::months{delta};
      return Fmt(int(ym.year()), int(unsigned(ym.month())));
    }
    return Fmt(anchor->year + delta);
  }
  return std::nullopt;
}

}  // namespace newsroles
