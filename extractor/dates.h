// DateNormalizer: a date expression ("April 1, 2023", "the end of 2019",
// "next month", "on Monday") to ISO 8601 at the precision the text gives.
//
// Promises (the contract's `date` slot):
//  - full dates -> YYYY-MM-DD; month and year -> YYYY-MM; a year, "the end
//    of 2019", a season, a fiscal year or fiscal quarter -> YYYY; quarters and
//    halves -> YYYY-Qn / YYYY-Hn (TIMEX3).
//  - relative expressions (today, yesterday, weekdays, last/next week, month,
//    year, "earlier this year", "effective immediately", "N days ago") resolve
//    against the anchor (the publication date); a month-day without a year
//    takes the year that puts it nearest the anchor in the direction the tense
//    implies (`future`). Without an anchor a month-day gives XXXX-MM-DD and
//    other relative expressions give nothing.
//  - Returns std::nullopt for text it does not understand.
// Month and weekday names come from the pattern library's word lists.
// Thread safety: immutable after construction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "types.h"

namespace newsroles {

class DateNormalizer {
 public:
  // `months`: lower-case month name or abbreviation -> 1..12.
  // `weekdays`: lower-case weekday name -> 0 (Sunday) .. 6 (Saturday).
  DateNormalizer(std::map<std::string, int> months, std::map<std::string, int> weekdays);

  std::optional<std::string> Normalize(std::string_view text, const std::optional<CivilDate>& anchor,
                                       bool future) const;

  // Parses "YYYY-MM-DD".
  static std::optional<CivilDate> ParseIso(const std::string& s);

 private:
  std::optional<int> Month(const std::string& word) const;
  std::map<std::string, int> months_;
  std::map<std::string, int> weekdays_;
};

}  // namespace newsroles
