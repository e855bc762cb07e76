// The normalizer's folding loop for callers that manage their own output buffer (the analyzer
// writes every token's match form into one arena without a std::string call per token).
#ifndef KASHIF_SRC_TEXT_FOLD_H_
#define KASHIF_SRC_TEXT_FOLD_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/normalizer.h"
#include "text/char_class.h"

namespace kashif::internal {

// For every BMP code point, what the normalizer writes instead of it: index 0 keeps the
// character, any other index names a replacement (possibly empty = removed). Built once per
// distinct NormalizerOptions and shared.
struct FoldTable {
  std::vector<uint16_t> index = std::vector<uint16_t>(0x10000, 0);
  std::vector<std::string> replacements = {std::string()};
  bool lowercase_ascii = false;
  // What a two-byte character (U+0080-U+07FF, Arabic among them) becomes, ready to store:
  // bits 0-15 the output bytes in memory order, bits 16-23 their count (0-2). Every fold of
  // such a character is at most two bytes long (BuildTable checks), so the hot loop writes
  // two bytes and advances by the count, without looking at `replacements`.
  std::vector<uint32_t> two_byte = std::vector<uint32_t>(0x800, 0);
  // The same by the next two input bytes, read as one native 16-bit load (PairIndex):
  // bits 0-23 as two_byte (for ASCII, the byte folded and a count of 1), bits 24-31 the input
  // bytes consumed (1 for ASCII, 2 for a valid two-byte character, 0 for anything else). One
  // load per character, without FoldInto's tests of the lead and continuation bytes.
  std::vector<uint32_t> pairs = std::vector<uint32_t>(0x10000, 0);
};

// The fold table a Normalizer with `options` uses (built once per distinct options, shared).
std::shared_ptr<const FoldTable> SharedFoldTable(const NormalizerOptions& options);

inline constexpr size_t kFoldTooLong = ~size_t{0};

// The fold loop's common case: from input byte *i on, ASCII and two-byte characters (all of
// Arabic's letters and marks) by one pair-table entry each and a fixed two-byte store, which
// fits while two input bytes remain (the output never outgrows the input there: *d - out <=
// *i). Stops at the first other character or the last byte.
inline void FoldPairs(const FoldTable& table, const unsigned char* s, size_t n, size_t* i,
                      char** d) {
  const uint32_t* const pairs = table.pairs.data();
  if (*i + 1 >= n) return;
  const unsigned char* p = s + *i;
  const unsigned char* const last = s + n - 1;
  char* to = *d;
  do {
    const uint32_t entry = pairs[PairIndex(p)];
    if (entry >> 24 == 0) break;
    const uint16_t bytes = static_cast<uint16_t>(entry);
    std::memcpy(to, &bytes, 2);
    to += (entry >> 16) & 0xFF;
    p += 1 + (size_t{*p} >> 7);
  } while (p < last);
  *i = static_cast<size_t>(p - s);
  *d = to;
}

// FoldInto from input byte i on, with out[0, d - out) already written for text[0, i).
size_t FoldIntoFrom(const FoldTable& table, std::string_view text, char* out, size_t i, char* d);

// Writes the normalized form of `text` to out[0, text.size()) and returns its length, or
// returns kFoldTooLong (out's contents unspecified) when some piece of the output would be
// longer than its source: an invalid byte (U+FFFD) or a ligature's expansion. Normalizer::
// AppendNormalized gives the same bytes in every case.
// Inline, for the analyzer's call on every token: FoldPairs does most words whole; anything
// else, and the last byte, go to FoldIntoFrom.
inline size_t FoldInto(const FoldTable& table, std::string_view text, char* out) {
  const size_t n = text.size();
  char* d = out;
  size_t i = 0;
  FoldPairs(table, reinterpret_cast<const unsigned char*>(text.data()), n, &i, &d);
  if (i == n) return static_cast<size_t>(d - out);
  return FoldIntoFrom(table, text, out, i, d);
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_FOLD_H_
