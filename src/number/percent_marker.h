// What marks a number as a percentage: "%", "٪" (after the number, or before it as Arabic text
// often writes "٪17"), "في المئة", "بالمائة" (data/percent_words.tsv). Read by the percent
// matcher and by the public number API ("25%" is 0.25), so both take the same markers.
//
// Thread safety: free functions over an immutable table built once (thread-safe static).
#ifndef KASHIF_SRC_NUMBER_PERCENT_MARKER_H_
#define KASHIF_SRC_NUMBER_PERCENT_MARKER_H_

#include <cstddef>
#include <optional>

#include "core/document.h"
#include "kashif/tokenizer.h"

namespace kashif::internal {

// Whether token t may end a percent marker or be a leading sign: a word with the number-word
// bit (every marker word ends in a hundred) or a sign. False for nearly every token of running
// text, told from the token kind and lexicon bits alone (callers test it inline first).
inline bool MayBePercentMarker(const Document& doc, size_t t) {
  const TokenKind kind = doc.tokens[t].kind;
  if (kind == TokenKind::kArabicWord) return (doc.Lexicons(t) & kLexNumber) != 0;
  return kind == TokenKind::kSymbol || kind == TokenKind::kPunctuation;
}

// The first token of the percent marker whose last token is `last` ("في" of "في المئة" for the
// token "المئة"), or nullopt when no marker ends there. Cheap for a token that can end none: a
// word without the number-word bit (every marker word ends in a hundred) or another sign.
std::optional<size_t> PercentMarkerEndingAt(const Document& doc, size_t last);

// Whether token t is a percent sign that may stand before its number ("٪17").
bool IsLeadingPercentSign(const Document& doc, size_t t);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_PERCENT_MARKER_H_
