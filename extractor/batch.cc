#include "batch.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "write.h"

namespace newsroles {
namespace {

// One document's way out: its output line and what the accounting needs.
struct Outcome {
  std::string line;
  bool failed = false;
  size_t events = 0;
  std::vector<std::string> notes;  // warnings, or the error that failed it
  std::string prefix;              // "extractor: FILE[:LINE]: [ID: ]" for messages
  size_t bytes = 0;
};

std::string Prefix(const ReadItem& item) {
  const Document* d = std::get_if<Document>(&item);
  const DocumentError* e = std::get_if<DocumentError>(&item);
  const std::string& source = d ? d->source : e->source;
  const size_t line = d ? d->line : e->line;
  const std::string& id = d ? d->id : e->id;
  const std::string where = source + (line ? ":" + std::to_string(line) : "");
  return "extractor: " + where + ": " + (id == where ? "" : id + ": ");
}

// The outcomes of a chunk of items, in their order: the documents go through
// Extractor::RunMany together, the read errors become error records.
std::vector<Outcome> ProcessChunk(Extractor& extractor, const Engine& engine,
                                  const std::vector<ReadItem>& items, const BatchOptions& options) {
  std::vector<const Document*> docs;
  for (const ReadItem& item : items)
    if (const Document* d = std::get_if<Document>(&item)) docs.push_back(d);
  std::vector<DocumentResult> results = extractor.RunMany(docs, options.run);
  std::vector<Outcome> out(items.size());
  size_t next = 0;
  for (size_t k = 0; k < items.size(); ++k) {
    Outcome& o = out[k];
    o.prefix = Prefix(items[k]);
    if (const DocumentError* e = std::get_if<DocumentError>(&items[k])) {
      o.line = FormatError(*e);
      o.failed = true;
      o.notes = {e->message};
      continue;
    }
    const Document* d = docs[next];
    DocumentResult& r = results[next++];
    o.bytes = d->text.size();
    o.line = FormatResult(r, d, options.explain, &engine.library());
    o.failed = r.error.has_value();
    o.events = r.events.size();
    o.notes = r.error ? std::vector<std::string>{r.error->message} : std::move(r.warnings);
  }
  return out;
}

// Up to options.chunk items, or fewer once their text passes kChunkBytes.
bool ReadChunk(DocumentReader& reader, const BatchOptions& options, std::vector<ReadItem>& chunk) {
  constexpr size_t kChunkBytes = 4 << 20;
  chunk.clear();
  size_t bytes = 0;
  for (ReadItem item; chunk.size() < std::max<size_t>(1, options.chunk) && bytes < kChunkBytes &&
                      reader.Next(item);) {
    if (const Document* d = std::get_if<Document>(&item)) bytes += d->text.size();
    chunk.push_back(std::move(item));
  }
  return !chunk.empty();
}

void Account(const Outcome& o, std::ostream& out, std::ostream& err, BatchStats& stats) {
  out << o.line << '\n';
  ++stats.documents;
  stats.bytes += o.bytes;
  if (o.failed) {
    ++stats.failed;
    err << o.prefix << o.notes.front() << '\n';
    return;
  }
  for (const auto& w : o.notes) err << o.prefix << "warning: " << w << '\n';
  if (!o.notes.empty()) ++stats.warned;
  stats.events += o.events;
  (o.events ? stats.with_events : stats.without_events)++;
}

}  // namespace

BatchStats RunBatch(const Engine& engine, DocumentReader& reader, std::ostream& out,
                    std::ostream& err, const BatchOptions& options) {
  const unsigned threads = std::max(1u, options.threads);
  BatchStats stats;
  if (threads == 1) {
    Extractor extractor(engine);
    for (std::vector<ReadItem> chunk; ReadChunk(reader, options, chunk);) {
      for (const Outcome& o : ProcessChunk(extractor, engine, chunk, options)) Account(o, out, err, stats);
      out.flush();  // a chunk's lines leave as soon as they are ready
    }
    out.flush();
    return stats;
  }

  // Reader (this thread's helper) -> bounded queue of chunks -> workers ->
  // reorder buffer -> writer (this thread). A worker may run ahead of the
  // writer by at most `window` chunks, so memory is bounded by a window of
  // chunks however slow one document is, and lines leave in input order.
  const size_t queue_cap = threads;
  const size_t window = 2 * threads + 1;
  std::mutex mu;
  std::condition_variable cv_queue, cv_space, cv_done;
  std::deque<std::pair<size_t, std::vector<ReadItem>>> queue;
  std::map<size_t, std::vector<Outcome>> done;
  bool reading = true;
  size_t total = 0;     // chunks read, known once reading ends
  size_t next_out = 0;  // chunk sequence number the writer waits for

  std::thread read_thread([&] {
    size_t seq = 0;
    for (std::vector<ReadItem> chunk; ReadChunk(reader, options, chunk); ++seq) {
      std::unique_lock<std::mutex> lock(mu);
      cv_space.wait(lock, [&] { return queue.size() < queue_cap && seq < next_out + window; });
      queue.emplace_back(seq, std::move(chunk));
      chunk = {};
      cv_queue.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu);
    reading = false;
    total = seq;
    cv_queue.notify_all();
    cv_done.notify_one();
  });

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      Extractor extractor(engine, t * engine.library().rules().size() / threads);
      while (true) {
        std::pair<size_t, std::vector<ReadItem>> job;
        {
          std::unique_lock<std::mutex> lock(mu);
          cv_queue.wait(lock, [&] { return !queue.empty() || !reading; });
          if (queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
          cv_space.notify_one();
        }
        std::vector<Outcome> o = ProcessChunk(extractor, engine, job.second, options);
        std::lock_guard<std::mutex> lock(mu);
        done.emplace(job.first, std::move(o));
        if (job.first == next_out) cv_done.notify_one();
      }
    });
  }

  while (true) {
    std::vector<Outcome> chunk;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv_done.wait(lock, [&] { return done.count(next_out) || (!reading && next_out == total); });
      auto it = done.find(next_out);
      if (it == done.end()) break;
      chunk = std::move(it->second);
      done.erase(it);
      ++next_out;
      cv_space.notify_one();
    }
    for (const Outcome& o : chunk) Account(o, out, err, stats);
    out.flush();
  }
  read_thread.join();
  for (auto& w : workers) w.join();
  out.flush();
  return stats;
}

}  // namespace newsroles
