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

namespace kashif::internal {

// The first token of the percent marker whose last token is `last` ("في" of "في المئة" for the
// token "المئة"), or nullopt when no marker ends there. Cheap for a token that can end none: a
// word without the number-word bit (every marker word ends in a hundred) or another sign.
std::optional<size_t> PercentMarkerEndingAt(const Document& doc, size_t last);

// Whether token t is a percent sign that may stand before its number ("٪17").
bool IsLeadingPercentSign(const Document& doc, size_t t);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_PERCENT_MARKER_H_
