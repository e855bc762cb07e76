// A Bloom filter over match-form words: "certainly not in the set" from two bit tests in a
// 16 KB table that stays in cache. A hash map sits behind it; the words of running text that
// the map does not hold (most of them) never reach it.
//
// Thread safety: Add() while building; MayContain() is const and may run concurrently.
#ifndef KASHIF_SRC_TEXT_KEY_FILTER_H_
#define KASHIF_SRC_TEXT_KEY_FILTER_H_

#include <cstdint>
#include <cstring>
#include <string_view>

#include "text/word_hash.h"

namespace kashif::internal {

class KeyFilter {
 public:
  void Add(std::string_view key) {
    const uint64_t h = Hash(key);
    Set(static_cast<uint32_t>(h));
    Set(static_cast<uint32_t>(h >> 32));
  }

  bool MayContain(std::string_view key) const { return MayContainHash(Hash(key)); }
  // The same with HashWord(key) already known (TokenReading::hash).
  bool MayContainHash(uint64_t h) const {
    // One branch for both bits: which words pass is data-dependent and hard to predict.
    return (Bit(static_cast<uint32_t>(h)) & Bit(static_cast<uint32_t>(h >> 32))) != 0;
  }

 private:
  static constexpr uint32_t kBits = uint32_t{1} << 17;

  static uint64_t Hash(std::string_view key) { return HashWord(key.data(), key.size()); }
  void Set(uint32_t bit) {
    bit &= kBits - 1;
    words_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  uint64_t Bit(uint32_t bit) const {
    bit &= kBits - 1;
    return (words_[bit >> 6] >> (bit & 63)) & 1;
  }

  uint64_t words_[kBits / 64] = {};
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_KEY_FILTER_H_
