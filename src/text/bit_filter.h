// Bit sets that stand in front of kashif's tables and answer "certainly not there" from one or
// two bit tests in memory that stays in cache: nearly every word of running text is in none of
// the tables, and these turn it away before a table (larger, often a cache miss) is touched.
//
// BitFilter<kBits> is the bit array, addressed by any number the caller derives from a key (a
// hash's bits, a length and a last byte, the first two bytes); KeyFilter is the two-bit Bloom
// filter over match-form words that the gazetteer's first words use.
//
// Thread safety: Set()/Add() while building; the const methods may run concurrently.
#ifndef KASHIF_SRC_TEXT_BIT_FILTER_H_
#define KASHIF_SRC_TEXT_BIT_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/word_hash.h"

namespace kashif::internal {

template <size_t kBits>
class BitFilter {
  static_assert(kBits >= 64 && (kBits & (kBits - 1)) == 0, "a power of two, at least 64");

 public:
  // Positions are taken modulo kBits.
  void Set(uint64_t position) {
    position &= kBits - 1;
    words_[position >> 6] |= uint64_t{1} << (position & 63);
  }
  // 1 when the position is set, else 0: a number, so that tests combine without a branch.
  uint64_t Get(uint64_t position) const {
    position &= kBits - 1;
    return (words_[position >> 6] >> (position & 63)) & 1;
  }
  bool Test(uint64_t position) const { return Get(position) != 0; }

 private:
  uint64_t words_[kBits / 64] = {};
};

// A Bloom filter over match-form words with two bits per word in 16 KB; a hash map sits behind
// it. Blocked: both of a word's bits lie in one 64-bit word of the array, chosen by other bits
// of the hash, so a test reads one cache line, not two (a test is made for most tokens of
// running text, and the array is out of L1 by the next document). The cost is a few more false
// alarms than two free bits would give (a false alarm only costs the lookup behind it).
class KeyFilter {
 public:
  void Add(std::string_view key) { AddHash(HashWord(key.data(), key.size())); }
  void AddHash(uint64_t h) { words_[WordOf(h)] |= Mask(h); }
  bool MayContain(std::string_view key) const {
    return MayContainHash(HashWord(key.data(), key.size()));
  }
  // The same with HashWord(key) already known (TokenReading::hash).
  bool MayContainHash(uint64_t h) const {
    const uint64_t mask = Mask(h);
    return (words_[WordOf(h)] & mask) == mask;
  }

 private:
  static constexpr size_t kWords = (size_t{16} << 10) / sizeof(uint64_t);  // 16 KB
  static size_t WordOf(uint64_t h) { return static_cast<size_t>(h >> 32) & (kWords - 1); }
  static uint64_t Mask(uint64_t h) {
    return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
  }
  uint64_t words_[kWords] = {};
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_BIT_FILTER_H_
