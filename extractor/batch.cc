#include "batch.h"

#include <atomic>
#include <memory>
#include <thread>

#include "write.h"

namespace newsroles {

BatchStats RunBatch(const Engine& engine, DocumentReader& reader, std::ostream& out,
                    std::ostream& err, const BatchOptions& options) {
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::unique_ptr<Extractor>> extractors;
  for (unsigned t = 0; t < threads; ++t) extractors.push_back(std::make_unique<Extractor>(engine));
  const size_t window = 64 * threads;
  BatchStats stats;
  std::vector<ReadItem> items;
  std::vector<std::string> lines;
  bool more = true;
  while (more) {
    items.clear();
    ReadItem item;
    while (items.size() < window && (more = reader.Next(item))) items.push_back(std::move(item));
    if (items.empty()) break;
    lines.assign(items.size(), std::string());
    std::vector<char> failed(items.size(), 0);
    std::vector<size_t> event_counts(items.size(), 0);
    std::atomic<size_t> next{0};
    auto work = [&](unsigned t) {
      for (size_t i; (i = next.fetch_add(1)) < items.size();) {
        if (const auto* e = std::get_if<DocumentError>(&items[i])) {
          lines[i] = FormatError(*e);
          failed[i] = 1;
          continue;
        }
        const Document& doc = std::get<Document>(items[i]);
        DocumentResult r = extractors[t]->Run(doc, options.run);
        lines[i] = FormatResult(r, &doc, options.explain, &engine.library());
        failed[i] = r.error ? 1 : 0;
        event_counts[i] = r.events.size();
      }
    };
    if (threads == 1 || items.size() == 1) {
      work(0);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
      for (auto& th : pool) th.join();
    }
    for (size_t i = 0; i < items.size(); ++i) {
      out << lines[i] << '\n';
      ++stats.documents;
      if (failed[i]) {
        ++stats.failed;
        const DocumentError* e = std::get_if<DocumentError>(&items[i]);
        std::string where, id, msg;
        if (e) {
          where = e->source + (e->line ? ":" + std::to_string(e->line) : "");
          id = e->id;
          msg = e->message;
        } else {
          const Document& d = std::get<Document>(items[i]);
          where = d.source + (d.line ? ":" + std::to_string(d.line) : "");
          id = d.id;
          msg = "processing failed";
        }
        err << "extractor: " << where << ": " << (id == where ? "" : id + ": ") << msg << '\n';
      } else {
        stats.bytes += std::get<Document>(items[i]).text.size();
        stats.events += event_counts[i];
        (event_counts[i] ? stats.with_events : stats.without_events)++;
      }
    }
  }
  out.flush();
  return stats;
}

}  // namespace newsroles
