# The Dask driver (tools/distributed/driver.py) on a real local scheduler and
# two workers, against `extractor --threads 1` byte for byte. Needs Debian's
# python3-distributed (tools/install-deps); fails, not skips, without it.
# Included from tests/CMakeLists.txt.
add_test(NAME distributed_driver
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/distributed_test.sh $<TARGET_FILE:extractor>
          ${PROJECT_SOURCE_DIR})
# About 35 s of CPU (40-95 s wall on 2 cores shared with other work); over
# 240 s under the sanitizers beside other tests: each step of the script has
# its own timeout (DISTRIBUTED_STEP_TIMEOUT, 900 s); alone under ASan it took 509 s.
set_tests_properties(distributed_driver PROPERTIES TIMEOUT 2400)
