// The bundled pattern library, loaded once per test binary for the suites that
// need an Engine. When it does not load, `error` holds its "FILE:LINE: why" and
// each test that asks for it fails with that message instead of crashing.
#pragma once

#include <exception>
#include <memory>
#include <string>

#include "extract.h"

namespace newsroles::testing {

struct LoadedEngine {
  std::unique_ptr<Engine> engine;
  std::string error;
};

inline const LoadedEngine& BundledEngine() {
  static const LoadedEngine* loaded = [] {
    auto* l = new LoadedEngine;
    try {
      l->engine = std::make_unique<Engine>(PATTERNS_DIR);
    } catch (const std::exception& e) {
      l->error = e.what();
    }
    return l;
  }();
  return *loaded;
}

}  // namespace newsroles::testing
