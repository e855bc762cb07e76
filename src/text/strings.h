// Small string tests every stage uses on match forms. Inline and branch-light: they run on
// every token, and std::string_view::substr's bounds check kept the old copies from inlining.
#ifndef KASHIF_SRC_TEXT_STRINGS_H_
#define KASHIF_SRC_TEXT_STRINGS_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace kashif::internal {

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::memcmp(s.data() + s.size() - suffix.size(), suffix.data(), suffix.size()) == 0;
}

// The number of code points of valid UTF-8: the bytes that are not continuation bytes (10xxxxxx),
// counted eight at a time (the rules ask it of nearly every word).
inline size_t CountCodePoints(std::string_view s) {
  const char* p = s.data();
  size_t left = s.size();
  size_t continuation = 0;
  while (left >= 8) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    // Bit 7 set and bit 6 clear: a continuation byte.
    // One bit per continuation byte, moved to the byte's low bit and summed by a multiply
    // (no popcount instruction is assumed).
    const uint64_t ones = ((x & ~(x << 1)) >> 7) & 0x0101010101010101ull;
    continuation += static_cast<size_t>((ones * 0x0101010101010101ull) >> 56);
    p += 8;
    left -= 8;
  }
  for (; left > 0; --left, ++p) continuation += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  return s.size() - continuation;
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_STRINGS_H_
