// The hash of a match-form word for kashif's own word tables (the vocabulary, the Bloom
// filters in front of the gazetteer and elsewhere): the length and the first and last bytes,
// up to eight each, read with fixed-size loads. Match-form words are short, so this sees all or
// nearly all of their bytes at a fraction of a general string hash's cost; a copy of a variable
// byte count into an integer would stall on store forwarding at every word.
#ifndef KASHIF_SRC_TEXT_WORD_HASH_H_
#define KASHIF_SRC_TEXT_WORD_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace kashif::internal {

inline uint64_t HashWord(const char* p, size_t n) {
  uint64_t a = 0;
  uint64_t b = 0;
  if (n >= 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x;
    uint32_t y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    a = x;
    b = y;
  } else if (n > 0) {
    a = static_cast<unsigned char>(p[0]) | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  uint64_t h = (a * 0x9E3779B97F4A7C15u) ^ ((b + n) * 0xC2B2AE3D27D4EB4Fu);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9u;
  h ^= h >> 32;
  return h;
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_WORD_HASH_H_
