// Truecaser: runs of capitals take the case the document shows.
#include "truecase.h"

#include <gtest/gtest.h>

#include "bundled_engine.h"

namespace newsroles {
namespace {

std::string Truecased(std::string text) {
  const auto& engine = testing::BundledEngine();
  EXPECT_TRUE(engine.engine) << engine.error;
  Truecaser(engine.engine->library()).Apply(text);
  return text;
}

TEST(Truecase, ARunTakesTheCaseTheDocumentGivesItsWords) {
  const std::string text =
      "Kestrel Biosciences appoints Maya Lindqvist as CFO\n"
      "* KESTREL BIOSCIENCES INC - APPOINTED MAYA LINDQVIST AS CHIEF FINANCIAL OFFICER, EFFECTIVE MARCH 2";
  const std::string out = Truecased(text);
  EXPECT_EQ(out.size(), text.size());
  EXPECT_NE(out.find("* Kestrel Biosciences Inc - appointed Maya Lindqvist as chief financial officer, "
                     "effective March 2"),
            std::string::npos)
      << out;
}

TEST(Truecase, AGivenNameCapitalizesTheWordAfterItThereAndLater) {
  const std::string out = Truecased(
      "Morikawa Heavy Industries Co Ltd:\n* SAYS HIROSHI ENDO TO SUCCEED KENJI TAKEDA AS PRESIDENT\n"
      "* SAYS TAKEDA TO BECOME CHAIRMAN OF THE BOARD");
  EXPECT_NE(out.find("says Hiroshi Endo to succeed Kenji Takeda as president"), std::string::npos) << out;
  EXPECT_NE(out.find("says Takeda to become chairman"), std::string::npos) << out;
}

TEST(Truecase, AcronymsInOrdinaryTextAndShortRunsAreLeftAlone) {
  const std::string text = "NEW YORK - The CEO of IBM said the SEC and the FBI agreed.";
  EXPECT_EQ(Truecased(text), text);
}

}  // namespace
}  // namespace newsroles
