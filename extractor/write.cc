#include "write.h"

#include <nlohmann/json.hpp>

namespace newsroles {
namespace {

using nlohmann::ordered_json;

ordered_json Nullable(const std::optional<std::string>& s) {
  return s ? ordered_json(*s) : ordered_json(nullptr);
}

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

ordered_json SpanJson(const DocumentResult& r, const std::string& original, Span normalized) {
  Span o = r.normalized.ToOriginal(normalized);
  if (o.end > original.size()) o.end = original.size();
  if (o.begin > o.end) o.begin = o.end;
  return ordered_json{{"begin", o.begin}, {"end", o.end},
                      {"text", original.substr(o.begin, o.end - o.begin)}};
}

}  // namespace

std::string FormatError(const DocumentError& e) {
  return Dump(ordered_json{{"doc", e.id}, {"error", e.message}});
}

std::string FormatResult(const DocumentResult& r, const Document* doc, bool explain,
                         const PatternLibrary* lib) {
  if (r.error) return FormatError(*r.error);
  static const std::string kEmpty;
  const std::string& original = doc ? doc->text : kEmpty;
  ordered_json events = ordered_json::array();
  for (const auto& e : r.events) {
    ordered_json j{{"type", e.type},          {"person", e.person}, {"role", Nullable(e.role)},
                   {"org", Nullable(e.org)},  {"date", Nullable(e.date)},
                   {"evidence", SpanJson(r, original, e.evidence)}, {"rule", e.rule}};
    if (explain) {
      ordered_json x;
      x["sentence"] = r.normalized.text.substr(e.evidence.begin, e.evidence.end - e.evidence.begin);
      if (lib) {
        for (const auto& rule : lib->rules())
          if (rule.id == e.rule) x["rule_source"] = rule.file + ":" + std::to_string(rule.line);
      }
      ordered_json slots = ordered_json::object();
      for (const auto& [name, span] : e.slots) slots[name] = SpanJson(r, original, span);
      x["slots"] = slots;
      j["explain"] = x;
    }
    events.push_back(std::move(j));
  }
  return Dump(ordered_json{{"doc", r.id}, {"events", events}});
}

}  // namespace newsroles
