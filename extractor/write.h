// Writing: one JSON Lines record per document, as ../shared/spec/events.md says.
//
// Promises:
//  - {"doc": ID, "events": [...]} with type, person, role, org, date, evidence
//    {begin, end, text} (offsets into the text as read) and rule; with
//    `explain`, each event also carries "explain": the sentence, the rule's
//    file and line, and each slot's span and text.
//  - {"doc": ID, "error": MESSAGE} for a document that failed.
//  - The line is always valid UTF-8 with control characters escaped, whatever
//    bytes the input held.
// Thread safety: stateless.
#pragma once

#include <string>

#include "patterns.h"
#include "types.h"

namespace newsroles {

std::string FormatResult(const DocumentResult& result, const Document* doc, bool explain,
                         const PatternLibrary* lib);
std::string FormatError(const DocumentError& error);

}  // namespace newsroles
