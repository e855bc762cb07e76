// Hashes for kashif's own tables. HashWord: the hash of a match-form word for its word tables (the vocabulary, the Bloom
// filters in front of the gazetteer and elsewhere): the length and the first and last bytes,
// up to eight each, read with fixed-size loads. Match-form words are short, so this sees all or
// nearly all of their bytes at a fraction of a general string hash's cost; a copy of a variable
// byte count into an integer would stall on store forwarding at every word.
#ifndef KASHIF_SRC_TEXT_WORD_HASH_H_
#define KASHIF_SRC_TEXT_WORD_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kashif::internal {

// The splitmix64 finalizer: every bit of z reaches every bit of the result.
inline uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

inline constexpr uint64_t kFnvOffsetBasis = 1469598103934665603u;

// FNV-1a over every byte of `bytes`, from `basis` (a caller keeps kinds of keys apart by its
// basis); four bytes a round, the same value as one a round in fewer instructions. Unmixed: the
// low bits see the last bytes little, so mix it (Mix64) before taking bits.
inline uint64_t Fnv1a(std::string_view bytes, uint64_t basis = kFnvOffsetBasis) {
  constexpr uint64_t kPrime = 1099511628211u;
  uint64_t h = basis;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* const end = p + bytes.size();
  for (; end - p >= 4; p += 4) {
    h = (h ^ p[0]) * kPrime;
    h = (h ^ p[1]) * kPrime;
    h = (h ^ p[2]) * kPrime;
    h = (h ^ p[3]) * kPrime;
  }
  for (; p != end; ++p) h = (h ^ *p) * kPrime;
  return h;
}

// The bytes of p[0, n) HashWord reads, as two words: the first and the last eight bytes (a
// word of 8 bytes or more), the first and the last four (4 to 7), else the first, middle and
// last byte in *a (*b 0). All of them for n <= 16.
inline void WordEnds(const char* p, size_t n, uint64_t* a, uint64_t* b) {
  *a = 0;
  *b = 0;
  if (n >= 8) {
    std::memcpy(a, p, 8);
    std::memcpy(b, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x;
    uint32_t y;
    std::memcpy(&x, p, 4);
    std::memcpy(&y, p + n - 4, 4);
    *a = x;
    *b = y;
  } else if (n > 0) {
    *a = static_cast<unsigned char>(p[0]) | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
         uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
}

inline uint64_t HashWord(const char* p, size_t n) {
  uint64_t a;
  uint64_t b;
  WordEnds(p, n, &a, &b);
  // The first half's product is folded down before the second's joins: a multiply carries a
  // difference only upward, so two products combined at once can cancel where both halves
  // differ in the same high byte (an eight-byte word read twice: جونغ and جونز were one value).
  uint64_t h = a * 0x9E3779B97F4A7C15u;
  h ^= h >> 32;
  h ^= (b + n) * 0xC2B2AE3D27D4EB4Fu;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9u;
  h ^= h >> 32;
  return h;
}

// The bytes HashWord does not see, those between the first and the last eight of a word of
// more than 16 bytes, hashed (0 for a shorter word): HashWord(p, n) ^ HashWordMiddle(p, n)
// sees every byte of a word of any length. Eight bytes a round, the last round ending eight
// bytes before the word's end.
inline uint64_t HashWordMiddle(const char* p, size_t n) {
  uint64_t h = 0;
  for (size_t q = 8; q + 8 < n; q += 8) {
    uint64_t w;
    std::memcpy(&w, p + (q + 16 <= n ? q : n - 16), 8);
    h = Mix64(h ^ w);
  }
  return h;
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_WORD_HASH_H_
