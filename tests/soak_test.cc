// The soak test: 20,000 generated documents in one JSONL stream, 2% of the
// lines corrupted (invalid UTF-8, truncated JSON, empty text, binary junk),
// run through the extractor binary with 2 threads and with 1. Every line
// gives exactly one output line in input order; every good document's events
// are identical in both runs; every bad line is an error record naming its
// line; the summary's counts are exact.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace newsroles {
namespace {
using Json = nlohmann::json;
using SoakTest = CliFixture;

constexpr size_t kDocs = 20000;
constexpr size_t kEvery = 50;  // one line in 50 is corrupted: 2%

const char* const kFirst[] = {"Jane", "John", "Maria", "Wei", "Ahmed", "Sofia", "Kenji",
                              "Ana", "Lars", "Priya", "Omar", "Elena", "Tomas", "Hana"};
const char* const kLast[] = {"Doe", "Roe", "Abbott", "Baker", "Chen", "Dubois", "Evans",
                             "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kim", "Lopez",
                             "Meyer", "Novak", "Olsen", "Park", "Quinn", "Rossi"};
const char* const kRoles[] = {"chief executive", "CFO", "chief operating officer", "president",
                              "chairman", "general counsel", "CTO", "managing director"};
const char* const kOrgs[] = {"Acme Corp.", "Northwind Bank", "Blue Harbor Holdings",
                             "Vega Motors", "Kestrel Pharma", "Orion Media Group"};
const char* const kMonths[] = {"January", "March", "May", "July", "September", "November"};
const char* const kFiller[] = {
    "Shares rose 3 percent in early trading.",
    "The company did not comment on the terms of the agreement.",
    "Analysts had expected the announcement for several weeks.",
    "Revenue for the quarter came in slightly above forecasts.",
    "The board met on Tuesday to approve the plan.",
    "A spokesperson said further changes were not planned."};

// A news-like document with a few events, varied by `n`.
std::string Text(size_t n, std::mt19937& rng) {
  auto pick = [&](const auto& arr) { return arr[rng() % std::size(arr)]; };
  const std::string org = pick(kOrgs);
  std::string a = std::string(pick(kFirst)) + " " + pick(kLast);
  std::string b = std::string(pick(kFirst)) + " " + pick(kLast);
  if (a == b) b = "Lena Berg";
  std::string t;
  switch (n % 4) {
    case 0:
      t = org + " named " + a + " " + pick(kRoles) + ", effective " + pick(kMonths) + " " +
          std::to_string(1 + rng() % 28) + ", 2024.";
      break;
    case 1:
      t = a + " will step down as " + pick(kRoles) + " of " + org + " at the end of 2023.";
      break;
    case 2:
      t = a + " succeeded " + b + " as " + pick(kRoles) + " of " + org + " in 20" +
          std::to_string(10 + rng() % 14) + ".";
      break;
    default:
      t = "\\\"We are pleased,\\\" said " + a + ", " + pick(kRoles) + " at " + org + ".";
  }
  for (size_t k = 0, m = rng() % 4; k < m; ++k) t += std::string(" ") + pick(kFiller);
  return t;
}

// The n-th corrupted line (never containing a newline).
std::string Corrupt(size_t n, std::mt19937& rng, const std::string& good) {
  switch (n % 4) {
    case 0:  // invalid UTF-8 inside the JSON string
      return "{\"id\": \"bad-" + std::to_string(n) + "\", \"text\": \"Jane \xC3\x28 Doe \xFF\"}";
    case 1:  // truncated JSON
      return good.substr(0, good.size() / 2);
    case 2:  // empty text
      return "{\"id\": \"empty-" + std::to_string(n) + "\", \"text\": \"\"}";
    default: {  // binary junk
      std::string junk;
      for (size_t k = 0; k < 64; ++k) {
        char c = static_cast<char>(rng() & 0xFF);
        junk += (c == '\n' || c == '\r' || c == ' ' || c == '\t') ? '\x01' : c;
      }
      return junk;
    }
  }
}

TEST_F(SoakTest, TwentyThousandDocumentsNothingLost) {
  std::mt19937 rng(20261129);
  std::string jsonl;
  std::vector<bool> bad(kDocs, false);
  for (size_t n = 0; n < kDocs; ++n) {
    Json doc = {{"id", "soak-" + std::to_string(n)},
                {"text", Text(n, rng)},
                {"date", "2024-0" + std::to_string(1 + n % 9) + "-15"}};
    std::string line = doc.dump();
    if (n % kEvery == kEvery / 2) {
      line = Corrupt(n / kEvery, rng, line);
      bad[n] = true;
    }
    jsonl += line + "\n";
  }
  const fs::path in = dir_ / "soak.jsonl";
  WriteFile(in, jsonl);

  RunResult two = Run("--threads 2 " + Quote(in.string()));
  RunResult one = Run("--threads 1 " + Quote(in.string()));
  EXPECT_EQ(two.status, 1);  // some documents failed
  EXPECT_EQ(one.status, 1);
  const std::vector<std::string> l2 = Lines(two.out), l1 = Lines(one.out);
  ASSERT_EQ(l2.size(), kDocs);
  ASSERT_EQ(l1.size(), kDocs);
  size_t bad_count = 0, with_events = 0, without = 0;
  for (size_t n = 0; n < kDocs; ++n) {
    const Json j = Json::parse(l2[n]);
    if (bad[n]) {
      ++bad_count;
      ASSERT_TRUE(j.contains("error")) << "line " << n + 1 << ": " << l2[n];
      // The message on stderr names the line.
      EXPECT_NE(two.err.find(in.string() + ":" + std::to_string(n + 1) + ":"), std::string::npos)
          << "line " << n + 1;
    } else {
      ASSERT_TRUE(j.contains("events")) << "line " << n + 1 << ": " << l2[n];
      EXPECT_EQ(j["doc"], "soak-" + std::to_string(n));
      (j["events"].empty() ? without : with_events)++;
    }
    ASSERT_EQ(l2[n], l1[n]) << "line " << n + 1 << " differs between 2 threads and 1";
  }
  EXPECT_EQ(bad_count, kDocs / kEvery);
  EXPECT_GT(with_events, kDocs * 9 / 10);  // the templates report events
  const std::string expected = "extractor: summary: " + std::to_string(kDocs) +
                               " documents read, " + std::to_string(with_events) +
                               " with events, " + std::to_string(without) + " without, " +
                               std::to_string(bad_count) + " failed, 0 with warnings;";
  EXPECT_NE(two.err.find(expected), std::string::npos) << two.err.substr(two.err.rfind("extractor: summary"));
  EXPECT_NE(one.err.find(expected), std::string::npos);
}

}  // namespace
}  // namespace newsroles
