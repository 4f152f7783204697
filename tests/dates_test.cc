// DateNormalizer: date expressions to ISO 8601 at the precision the text gives.
#include "dates.h"

#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "bundled_engine.h"
#include "extract.h"

namespace newsroles {
namespace {

class DatesTest : public ::testing::Test {
 protected:
  // The month and weekday names come from the pattern library, as in the tool.
  static void SetUpTestSuite() { engine_ = testing::BundledEngine().engine.get(); }
  void SetUp() override {
    ASSERT_TRUE(engine_) << "the pattern library does not load: " << testing::BundledEngine().error;
  }

  static std::optional<std::string> Past(std::string_view text, std::optional<CivilDate> anchor) {
    return engine_->dates().Normalize(text, anchor, false);
  }
  static std::optional<std::string> Future(std::string_view text, std::optional<CivilDate> anchor) {
    return engine_->dates().Normalize(text, anchor, true);
  }
  static std::optional<std::string> NoAnchor(std::string_view text) {
    return engine_->dates().Normalize(text, std::nullopt, false);
  }

  // Friday, 30 December 2022.
  static constexpr CivilDate kAnchor{2022, 12, 30};
  static const Engine* engine_;
};

const Engine* DatesTest::engine_ = nullptr;

TEST_F(DatesTest, FullDates) {
  EXPECT_EQ(NoAnchor("April 1, 2023"), "2023-04-01");
  EXPECT_EQ(NoAnchor("Dec. 30, 2022"), "2022-12-30");
  EXPECT_EQ(NoAnchor("Dec 30 2022"), "2022-12-30");
  EXPECT_EQ(NoAnchor("30 December 2022"), "2022-12-30");
  EXPECT_EQ(NoAnchor("on 1st March, 2021"), "2021-03-01");
  EXPECT_EQ(NoAnchor("2023-04-01"), "2023-04-01");
  EXPECT_EQ(NoAnchor("September 3rd, 2019"), "2019-09-03");
  // The anchor does not change a full date.
  EXPECT_EQ(Future("April 1, 2023", kAnchor), "2023-04-01");
}

TEST_F(DatesTest, NextAndLastMonthCountFromThePublicationMonth) {
  // Anchor: December 2022.
  EXPECT_EQ(Past("next June", kAnchor), "2023-06");
  EXPECT_EQ(Past("next December", kAnchor), "2023-12");
  EXPECT_EQ(Future("last June", kAnchor), "2022-06");
  EXPECT_EQ(Past("last December", kAnchor), "2021-12");
  EXPECT_EQ(Past("this June", kAnchor), "2022-06");
}

TEST_F(DatesTest, WithImmediateEffectIsThePublicationDate) {
  EXPECT_EQ(Past("with immediate effect", kAnchor), "2022-12-30");
}

TEST_F(DatesTest, MonthAndYear) {
  EXPECT_EQ(NoAnchor("March 2021"), "2021-03");
  EXPECT_EQ(NoAnchor("in March 2021"), "2021-03");
  EXPECT_EQ(NoAnchor("Sept. 2019"), "2019-09");
  EXPECT_EQ(NoAnchor("December of 2018"), "2018-12");
}

TEST_F(DatesTest, YearAlone) {
  EXPECT_EQ(NoAnchor("2004"), "2004");
  EXPECT_EQ(NoAnchor("in 2004"), "2004");
  EXPECT_EQ(NoAnchor("the end of 2019"), "2019");
  EXPECT_EQ(NoAnchor("early 2021"), "2021");
  EXPECT_EQ(NoAnchor("mid-2021"), "2021");
}

TEST_F(DatesTest, QuartersAndHalves) {
  EXPECT_EQ(NoAnchor("the first quarter of 2024"), "2024-Q1");
  EXPECT_EQ(NoAnchor("second half of 2023"), "2023-H2");
  EXPECT_EQ(NoAnchor("Q4 of 2021"), "2021-Q4");
  EXPECT_EQ(NoAnchor("Q2 2020"), "2020-Q2");
  EXPECT_EQ(NoAnchor("H1 2022"), "2022-H1");
  EXPECT_EQ(NoAnchor("the 3rd quarter of 2020"), "2020-Q3");
  // Relative to the anchor's year.
  EXPECT_EQ(Past("the fourth quarter of last year", kAnchor), "2021-Q4");
  EXPECT_EQ(Future("the first half of next year", kAnchor), "2023-H1");
  // Without a year and without an anchor: nothing to say.
  EXPECT_EQ(NoAnchor("the first quarter"), std::nullopt);
  // Without a year: the nearest in the tense's direction, the anchor's own included.
  const CivilDate aug{2023, 8, 21};
  EXPECT_EQ(Future("in the fourth quarter", aug), "2023-Q4");
  EXPECT_EQ(Future("in the second quarter", aug), "2024-Q2");
  EXPECT_EQ(Past("in the first half", aug), "2023-H1");
  EXPECT_EQ(Past("in the fourth quarter", aug), "2022-Q4");
}

TEST_F(DatesTest, FiscalPeriodsGiveTheYear) {
  EXPECT_EQ(NoAnchor("fiscal 2024"), "2024");
  EXPECT_EQ(NoAnchor("fiscal year 2024"), "2024");
  EXPECT_EQ(NoAnchor("the third fiscal quarter of 2022"), "2022");
  EXPECT_EQ(NoAnchor("the second quarter of fiscal 2023"), "2023");
}

TEST_F(DatesTest, SeasonsGiveTheYear) {
  EXPECT_EQ(NoAnchor("spring 2020"), "2020");
  EXPECT_EQ(NoAnchor("the summer of 2021"), "2021");
  EXPECT_EQ(NoAnchor("autumn 2019"), "2019");
  EXPECT_EQ(NoAnchor("fall 2018"), "2018");
  EXPECT_EQ(NoAnchor("winter 2017"), "2017");
}

TEST_F(DatesTest, MonthDayWithoutYearFollowsTheTense) {
  // Anchor 2022-12-30: a past "December 29" is the day before; a future one is next year's.
  EXPECT_EQ(Past("December 29", kAnchor), "2022-12-29");
  EXPECT_EQ(Future("December 29", kAnchor), "2023-12-29");
  // "January 5": in the past it is last January; in the future, next week's.
  EXPECT_EQ(Past("January 5", kAnchor), "2022-01-05");
  EXPECT_EQ(Future("Jan. 5", kAnchor), "2023-01-05");
  EXPECT_EQ(Future("5 January", kAnchor), "2023-01-05");
  // The anchor day itself counts both ways.
  EXPECT_EQ(Past("Dec. 30", kAnchor), "2022-12-30");
  EXPECT_EQ(Future("Dec. 30", kAnchor), "2022-12-30");
}

TEST_F(DatesTest, MonthDayWithoutAnchorHasUnknownYear) {
  EXPECT_EQ(NoAnchor("December 29"), "XXXX-12-29");
  EXPECT_EQ(NoAnchor("on 1 April"), "XXXX-04-01");
  EXPECT_EQ(engine_->dates().Normalize("March 3", std::nullopt, true), "XXXX-03-03");
}

TEST_F(DatesTest, MonthWithoutYear) {
  EXPECT_EQ(Past("in March", kAnchor), "2022-03");
  EXPECT_EQ(Future("in March", kAnchor), "2023-03");
  EXPECT_EQ(NoAnchor("in March"), std::nullopt);
}

TEST_F(DatesTest, Weekdays) {
  // 2022-12-30 is a Friday.
  EXPECT_EQ(Past("on Monday", kAnchor), "2022-12-26");
  EXPECT_EQ(Future("on Monday", kAnchor), "2023-01-02");
  EXPECT_EQ(Past("last Friday", kAnchor), "2022-12-23");
  EXPECT_EQ(Past("on Friday", kAnchor), "2022-12-30");
  EXPECT_EQ(Past("next Tuesday", kAnchor), "2023-01-03");
  EXPECT_EQ(NoAnchor("on Monday"), std::nullopt);
}

TEST_F(DatesTest, TodayYesterdayTomorrow) {
  EXPECT_EQ(Past("today", kAnchor), "2022-12-30");
  EXPECT_EQ(Past("yesterday", kAnchor), "2022-12-29");
  EXPECT_EQ(Future("tomorrow", kAnchor), "2022-12-31");
  EXPECT_EQ(Past("yesterday", CivilDate{2024, 3, 1}), "2024-02-29");
  EXPECT_EQ(NoAnchor("today"), std::nullopt);
}

TEST_F(DatesTest, EffectiveImmediatelyIsTheAnchor) {
  EXPECT_EQ(Future("effective immediately", kAnchor), "2022-12-30");
  EXPECT_EQ(Past("immediately", kAnchor), "2022-12-30");
  EXPECT_EQ(NoAnchor("effective immediately"), std::nullopt);
}

TEST_F(DatesTest, WeeksAreIsoWeeks) {
  EXPECT_EQ(Past("last week", kAnchor), "2022-W51");
  EXPECT_EQ(Past("this week", kAnchor), "2022-W52");
  // The week after 2022-W52 is 2023's first week.
  EXPECT_EQ(Future("next week", kAnchor), "2023-W01");
  // 2021-01-01 is in the last ISO week of 2020.
  EXPECT_EQ(Past("this week", CivilDate{2021, 1, 1}), "2020-W53");
}

TEST_F(DatesTest, MonthsAndYears) {
  EXPECT_EQ(Future("next month", kAnchor), "2023-01");
  EXPECT_EQ(Past("last month", kAnchor), "2022-11");
  EXPECT_EQ(Past("this month", kAnchor), "2022-12");
  EXPECT_EQ(Past("last year", kAnchor), "2021");
  EXPECT_EQ(Future("next year", kAnchor), "2023");
  EXPECT_EQ(Past("earlier this year", kAnchor), "2022");
  EXPECT_EQ(Future("later this year", kAnchor), "2022");
  EXPECT_EQ(Past("the past year", kAnchor), "2021");
}

TEST_F(DatesTest, AgoCountsBack) {
  EXPECT_EQ(Past("three years ago", kAnchor), "2019");
  EXPECT_EQ(Past("two months ago", kAnchor), "2022-10");
  EXPECT_EQ(Past("10 days ago", kAnchor), "2022-12-20");
  EXPECT_EQ(Past("a week ago", kAnchor), "2022-W51");
  EXPECT_EQ(Future("in two weeks", kAnchor), "2023-W02");
  EXPECT_EQ(NoAnchor("three years ago"), std::nullopt);
}

TEST_F(DatesTest, UnknownTextGivesNothing) {
  EXPECT_EQ(NoAnchor(""), std::nullopt);
  EXPECT_EQ(Past("", kAnchor), std::nullopt);
  EXPECT_EQ(Past("the board of directors", kAnchor), std::nullopt);
  EXPECT_EQ(Past("soon", kAnchor), std::nullopt);
  EXPECT_EQ(Past("at a later date", kAnchor), std::nullopt);
  EXPECT_EQ(NoAnchor("999"), std::nullopt);
}

TEST_F(DatesTest, ImpossibleDatesAreNotInvented) {
  // No February 29 in 2023: not a full date; the month and year still hold.
  EXPECT_EQ(NoAnchor("February 29, 2023"), "2023-02");
  EXPECT_EQ(NoAnchor("February 29, 2024"), "2024-02-29");
}

TEST_F(DatesTest, ParseIso) {
  auto d = DateNormalizer::ParseIso("2022-12-30");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2022);
  EXPECT_EQ(d->month, 12);
  EXPECT_EQ(d->day, 30);
  EXPECT_TRUE(DateNormalizer::ParseIso("2024-02-29").has_value());
  EXPECT_FALSE(DateNormalizer::ParseIso("2023-02-29").has_value());
  EXPECT_FALSE(DateNormalizer::ParseIso("2022-13-01").has_value());
  EXPECT_FALSE(DateNormalizer::ParseIso("2022-12").has_value());
  EXPECT_FALSE(DateNormalizer::ParseIso("yesterday!").has_value());
}

TEST_F(DatesTest, EdgesOfMonthsAndYears) {
  // Anchor: 30 December 2022.
  EXPECT_EQ(Future("the end of the year", kAnchor), "2022");
  EXPECT_EQ(Future("the end of next year", kAnchor), "2023");
  EXPECT_EQ(Future("the end of June", kAnchor), "2023-06");
  EXPECT_EQ(Past("the end of June", kAnchor), "2022-06");
  EXPECT_EQ(Future("the end of June 2024", kAnchor), "2024-06");
  EXPECT_EQ(NoAnchor("the end of 2019"), "2019");
}

}  // namespace
}  // namespace newsroles
