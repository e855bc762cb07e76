// The normalizer's folding loop for callers that manage their own output buffer (the analyzer
// writes every token's match form into one arena without a std::string call per token).
#ifndef KASHIF_SRC_TEXT_FOLD_H_
#define KASHIF_SRC_TEXT_FOLD_H_

#include <cstddef>
#include <memory>
#include <string_view>

#include "kashif/normalizer.h"

namespace kashif::internal {

struct FoldTable;

// The fold table a Normalizer with `options` uses (built once per distinct options, shared).
std::shared_ptr<const FoldTable> SharedFoldTable(const NormalizerOptions& options);

inline constexpr size_t kFoldTooLong = ~size_t{0};

// Writes the normalized form of `text` to out[0, text.size()) and returns its length, or
// returns kFoldTooLong (out's contents unspecified) when some piece of the output would be
// longer than its source: an invalid byte (U+FFFD) or a ligature's expansion. Normalizer::
// AppendNormalized gives the same bytes in every case.
size_t FoldInto(const FoldTable& table, std::string_view text, char* out);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_FOLD_H_
