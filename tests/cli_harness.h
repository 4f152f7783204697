// Shared by the tests that run the extractor binary as a separate process:
// shell quoting, file helpers, and a fixture with its own temporary directory
// whose Run() captures exit status, stdout and stderr.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace newsroles {
namespace fs = std::filesystem;

inline const std::string kBin = EXTRACTOR_BIN;
inline const std::string kData = TESTDATA_DIR;
inline const std::string kPatterns = PATTERNS_DIR;

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct RunResult {
  int status = -1;
  std::string out, err;
};

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs the extractor with `args` (already shell-quoted), standard input from
  // `stdin_path`; captures stdout and stderr through files.
  RunResult Run(const std::string& args, const std::string& stdin_path = "/dev/null") {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string cmd = Quote(kBin) + " " + args + " <" + Quote(stdin_path) + " >" +
                            Quote(out.string()) + " 2>" + Quote(err.string());
    RunResult r;
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
  }

  fs::path dir_;
};

}  // namespace newsroles
