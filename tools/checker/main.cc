// Copyright (c) the project authors.
//
// checker: scores extracted events against gold. See cli.h, or run
// `checker --help`.

#include <iostream>
#include <string>
#include <vector>

#include "checker/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return checker::RunChecker(args, std::cout, std::cerr);
}
