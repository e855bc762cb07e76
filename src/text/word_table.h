// Interned match-form words, found by their HashWord (text/word_hash.h). The word tables that
// every token's readings are looked up in (the vocabulary, the gazetteer) share one hash: the
// analyzer hashes each reading once and stores it on the reading (TokenReading::hash), and
// every table probes with that value instead of hashing the word again.
//
// Open addressing over 8-byte slots (the hash's high 32 bits as a fingerprint, the word's id;
// 0 is empty), at most half full; a fingerprint match is confirmed by comparing the bytes.
//
// Thread safety: Insert() while building; Find() is const and may run concurrently.
#ifndef KASHIF_SRC_TEXT_WORD_TABLE_H_
#define KASHIF_SRC_TEXT_WORD_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/slot_array.h"
#include "text/word_hash.h"

namespace kashif::internal {

class WordTable {
 public:
  // The id (1 to size(), in insertion order) of `key`, or 0. `hash` is HashWord(key).
  uint32_t Find(std::string_view key, uint64_t hash) const {
    const uint32_t fingerprint = static_cast<uint32_t>(hash >> 32);
    const size_t i = slots_.Probe(hash, [&](uint64_t slot) {
      if (static_cast<uint32_t>(slot >> 32) != fingerprint) return false;
      const uint32_t id = static_cast<uint32_t>(slot);
      const uint32_t begin = key_ends_[id - 1];
      const size_t n = key.size();
      return key_ends_[id] - begin == n && SameBytes(keys_.data() + begin, key.data(), n);
    });
    return static_cast<uint32_t>(slots_[i]);  // 0 for an empty slot
  }
  uint32_t Find(std::string_view key) const { return Find(key, HashWord(key.data(), key.size())); }

  // The id of `key`, which is added (as size() + 1) when new.
  uint32_t Insert(std::string_view key) { return Insert(key, HashWord(key.data(), key.size())); }
  // The same with the key's HashWord already known.
  uint32_t Insert(std::string_view key, uint64_t hash) {
    if (const uint32_t id = Find(key, hash)) return id;
    if (2 * (size() + 2) > slots_.capacity()) Grow();
    keys_.append(key.data(), key.size());
    key_ends_.push_back(static_cast<uint32_t>(keys_.size()));
    const uint32_t id = static_cast<uint32_t>(size());
    Place(hash, id);
    return id;
  }

  size_t size() const { return key_ends_.size() - 1; }
  std::string_view key(uint32_t id) const {
    return std::string_view(keys_).substr(key_ends_[id - 1], key_ends_[id] - key_ends_[id - 1]);
  }

 private:
  // Whether a[0, n) == b[0, n) for the key size n of a Find; inline with fixed-size loads for
  // the short words of match forms, where a call to memcmp cost more than the comparison.
  static bool SameBytes(const char* a, const char* b, size_t n) {
    if (n >= 8) {
      uint64_t x[2], y[2];
      std::memcpy(&x[0], a, 8);
      std::memcpy(&y[0], b, 8);
      std::memcpy(&x[1], a + n - 8, 8);
      std::memcpy(&y[1], b + n - 8, 8);
      if (((x[0] ^ y[0]) | (x[1] ^ y[1])) != 0) return false;
      return n <= 16 || std::memcmp(a + 8, b + 8, n - 16) == 0;
    }
    if (n >= 4) {
      uint32_t x[2], y[2];
      std::memcpy(&x[0], a, 4);
      std::memcpy(&y[0], b, 4);
      std::memcpy(&x[1], a + n - 4, 4);
      std::memcpy(&y[1], b + n - 4, 4);
      return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
    }
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  void Place(uint64_t hash, uint32_t id) {
    slots_.Put(slots_.FreeSlot(hash), (hash >> 32 << 32) | id);
  }
  void Grow() {
    slots_.Reset(slots_.capacity());  // twice the slots: room for as many keys as there are slots
    for (uint32_t id = 1; id <= size(); ++id) {
      const std::string_view k = key(id);
      Place(HashWord(k.data(), k.size()), id);
    }
  }

  SlotArray slots_ = [] {
    SlotArray slots;
    slots.Reset(0);
    return slots;
  }();
  std::string keys_;                   // every key, by id
  std::vector<uint32_t> key_ends_{0};  // key id's bytes are keys_[key_ends_[id - 1], key_ends_[id])
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_WORD_TABLE_H_
