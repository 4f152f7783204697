# Tests of the extractor's stages and of its command line. Included from
# tests/CMakeLists.txt (which has already included GoogleTest).

set(EXTRACTOR_TEST_DEFINITIONS
  PATTERNS_DIR="${PROJECT_SOURCE_DIR}/patterns"
  TESTDATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/testdata")

foreach(name normalize_test truecase_test sentences_test read_test dates_test rules_examples_test resolve_test
    patterns_test)
  add_executable(${name} ${name}.cc)
  target_link_libraries(${name} PRIVATE extractor_lib GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE ${EXTRACTOR_TEST_DEFINITIONS})
  gtest_discover_tests(${name})
endforeach()

# The command line, run as a separate process.
add_executable(cli_test cli_test.cc)
target_link_libraries(cli_test PRIVATE extractor_lib GTest::gtest_main)
target_compile_definitions(cli_test PRIVATE ${EXTRACTOR_TEST_DEFINITIONS}
  EXTRACTOR_BIN="$<TARGET_FILE:extractor>")
add_dependencies(cli_test extractor)
gtest_discover_tests(cli_test)

# The soak test: 20,000 documents, 2% corrupted, 2 threads against 1.
add_executable(soak_test soak_test.cc)
target_link_libraries(soak_test PRIVATE extractor_lib GTest::gtest_main)
target_compile_definitions(soak_test PRIVATE ${EXTRACTOR_TEST_DEFINITIONS}
  EXTRACTOR_BIN="$<TARGET_FILE:extractor>")
add_dependencies(soak_test extractor)
gtest_discover_tests(soak_test DISCOVERY_TIMEOUT 30 PROPERTIES TIMEOUT 600)
