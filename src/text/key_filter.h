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

namespace kashif::internal {

class KeyFilter {
 public:
  void Add(std::string_view key) {
    const uint64_t h = Hash(key);
    Set(static_cast<uint32_t>(h));
    Set(static_cast<uint32_t>(h >> 32));
  }

  bool MayContain(std::string_view key) const {
    const uint64_t h = Hash(key);
    // One branch for both bits: which words pass is data-dependent and hard to predict.
    return (Bit(static_cast<uint32_t>(h)) & Bit(static_cast<uint32_t>(h >> 32))) != 0;
  }

 private:
  static constexpr uint32_t kBits = uint32_t{1} << 17;

  // The length and the first and last bytes (up to eight each), read with fixed-size loads: a
  // copy of a variable byte count into an integer would stall on store forwarding.
  static uint64_t Hash(std::string_view key) {
    const char* p = key.data();
    const size_t n = key.size();
    uint64_t head = 0;
    uint64_t tail = 0;
    if (n >= 8) {
      std::memcpy(&head, p, 8);
      std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a;
      uint32_t b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      head = a;
      tail = b;
    } else if (n > 0) {
      head = static_cast<uint8_t>(p[0]) | static_cast<uint64_t>(static_cast<uint8_t>(p[n / 2])) << 8 |
             static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << 16;
    }
    uint64_t h = head * 0x9E3779B97F4A7C15ull ^ (tail + n) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 29;
    return h;
  }
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
