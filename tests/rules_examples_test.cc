// Every rule in patterns/ carries its proof: its positive examples must give
// exactly the expected events and its negative examples nothing. One test
// walks them all and names each failure's rule file and line.
#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <sstream>
#include <string>

#include "examples.h"
#include "bundled_engine.h"
#include "extract.h"

namespace newsroles {
namespace {

class RulesExamplesTest : public ::testing::Test {
 protected:
  // A library that does not load fails every test with its "FILE:LINE: why".
  static void SetUpTestSuite() {
    engine_ = testing::BundledEngine().engine.get();
    if (engine_) report_ = std::make_unique<ExampleReport>(RunExamples(*engine_));
  }
  static void TearDownTestSuite() { report_.reset(); }
  void SetUp() override {
    ASSERT_TRUE(engine_ && report_)
        << "the pattern library does not load: " << testing::BundledEngine().error;
  }
  static const Engine* engine_;
  static std::unique_ptr<ExampleReport> report_;
};

const Engine* RulesExamplesTest::engine_ = nullptr;
std::unique_ptr<ExampleReport> RulesExamplesTest::report_;

TEST_F(RulesExamplesTest, EveryExamplePasses) {
  ASSERT_GT(report_->rules, 0u);
  ASSERT_GT(report_->examples, 0u);
  std::ostringstream failures;
  for (const ExampleFailure& f : report_->failures)
    failures << "  " << f.where << ": " << f.rule << ": " << f.message << "\n";
  EXPECT_TRUE(report_->failures.empty()) << report_->failures.size() << " of " << report_->examples
                                         << " examples in " << report_->rules << " rules failed:\n"
                                         << failures.str();
}

// RunExamples reports a rule without a positive or a negative example as a
// failure at the rule's line; this checks the library directly as well.
TEST_F(RulesExamplesTest, EveryRuleHasPositiveAndNegativeExamples) {
  std::ostringstream missing;
  for (const Rule& rule : engine_->library().rules()) {
    size_t positive = 0, negative = 0;
    for (const RuleExample& ex : rule.examples) (ex.positive ? positive : negative)++;
    if (positive == 0 || negative == 0)
      missing << "  " << rule.file << ":" << rule.line << ": " << rule.id << ": " << positive
              << " positive, " << negative << " negative\n";
  }
  EXPECT_TRUE(missing.str().empty()) << "rules without their proof:\n" << missing.str();
  for (const ExampleFailure& f : report_->failures) {
    EXPECT_EQ(f.message.find("rule has no"), std::string::npos) << f.where << ": " << f.rule;
  }
}

}  // namespace
}  // namespace newsroles
