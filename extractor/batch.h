// RunBatch: documents from a reader, through `threads` workers, to JSON Lines
// in input order.
//
// Promises: exactly one output line per input document (its events, or its
// error record); a message on `err` for each failure and each warning naming
// the file and, for JSONL, the line; output order equals input order whatever the thread count
// and chunk size; memory bounded by one window of chunks, not by the input size.
#pragma once

#include <ostream>

#include "extract.h"
#include "read.h"

namespace newsroles {

struct BatchOptions {
  unsigned threads = 1;
  // Documents a worker takes at once (RunMany runs the rules over them rule by
  // rule, several times faster than one by one); a chunk's lines are written
  // when the whole chunk is done, so a filter fed one line at a time that
  // wants each answer at once sets 1.
  size_t chunk = 256;
  bool explain = false;
  RunOptions run;
};

// The run's accounting: documents = with_events + without_events + failed.
// `warned` counts processed documents that carry a warning (a sentence cut at
// the bound); `bytes` counts the text of every document read.
struct BatchStats {
  size_t documents = 0, with_events = 0, without_events = 0, failed = 0, warned = 0, events = 0,
         bytes = 0;
};

BatchStats RunBatch(const Engine& engine, DocumentReader& reader, std::ostream& out,
                    std::ostream& err, const BatchOptions& options);

}  // namespace newsroles
