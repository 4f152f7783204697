# The fuzz targets' findings (testdata/fuzz-regressions/<target>/) replayed
# through the same checks (fuzz/fuzz_checks.h) in the normal build. Included
# from tests/CMakeLists.txt (which has already included GoogleTest).
add_executable(fuzz_regressions_test fuzz_regressions_test.cc)
target_include_directories(fuzz_regressions_test PRIVATE ${PROJECT_SOURCE_DIR}/fuzz)
target_link_libraries(fuzz_regressions_test PRIVATE extractor_lib GTest::gtest_main)
target_compile_definitions(fuzz_regressions_test PRIVATE
  PATTERNS_DIR="${PROJECT_SOURCE_DIR}/patterns"
  TESTDATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/testdata")
gtest_discover_tests(fuzz_regressions_test)
