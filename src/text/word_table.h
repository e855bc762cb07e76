// Interned match-form words, found by their HashWord (text/word_hash.h). The word tables that
// every token's readings are looked up in (the vocabulary, the gazetteer) share one hash: the
// analyzer hashes each reading once and stores it on the reading (TokenReading::hash), and
// every table probes with that value instead of hashing the word again.
//
// Open addressing over 32-byte slots (a cache line holds two), at most half full, probed
// linearly from the hash's low bits. A slot holds what HashWord reads of its word (WordEnds:
// the first and the last eight bytes, all of a word of up to 16 bytes), its length and its id
// (0 is empty), so that a word of up to 16 bytes (nearly every match-form word) is found or
// turned away by the one slot's cache line; a longer word's middle bytes are compared in the
// key store. (Slots of a fingerprint and an id, confirmed against the key store, cost three
// dependent cache misses per word found: the slot, the key's offsets, the key's bytes.)
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

#include "text/word_hash.h"

namespace kashif::internal {

class WordTable {
 public:
  // The id (1 to size(), in insertion order) of `key`, or 0. `hash` is HashWord(key).
  uint32_t Find(std::string_view key, uint64_t hash) const {
    uint64_t a;
    uint64_t b;
    WordEnds(key.data(), key.size(), &a, &b);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == 0) return 0;
      if (((slot.a ^ a) | (slot.b ^ b)) == 0 && slot.size == key.size() &&
          (key.size() <= 16 || SameMiddle(slot.id, key))) {
        return slot.id;
      }
    }
  }
  uint32_t Find(std::string_view key) const { return Find(key, HashWord(key.data(), key.size())); }

  // The id of `key`, which is added (as size() + 1) when new.
  uint32_t Insert(std::string_view key) { return Insert(key, HashWord(key.data(), key.size())); }
  // The same with the key's HashWord already known.
  uint32_t Insert(std::string_view key, uint64_t hash) {
    if (const uint32_t id = Find(key, hash)) return id;
    if (2 * (size() + 2) > slots_.size()) Grow();
    keys_.append(key.data(), key.size());
    key_ends_.push_back(static_cast<uint32_t>(keys_.size()));
    const uint32_t id = static_cast<uint32_t>(size());
    Place(key, hash, id);
    return id;
  }

  size_t size() const { return key_ends_.size() - 1; }
  std::string_view key(uint32_t id) const {
    return std::string_view(keys_).substr(key_ends_[id - 1], key_ends_[id] - key_ends_[id - 1]);
  }

 private:
  struct alignas(32) Slot {
    uint64_t a = 0;  // WordEnds of the word
    uint64_t b = 0;
    uint64_t size = 0;
    uint32_t id = 0;  // 0: empty
  };

  // Whether the bytes of a word longer than 16 bytes between its first and last eight (which
  // the slot holds) are those of word `id`, of the same length.
  bool SameMiddle(uint32_t id, std::string_view key) const {
    return std::memcmp(keys_.data() + key_ends_[id - 1] + 8, key.data() + 8, key.size() - 16) == 0;
  }
  void Place(std::string_view key, uint64_t hash, uint32_t id) {
    size_t i = hash & mask_;
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    Slot& slot = slots_[i];
    WordEnds(key.data(), key.size(), &slot.a, &slot.b);
    slot.size = key.size();
    slot.id = id;
  }
  void Grow() {
    slots_.assign(2 * slots_.size(), Slot());  // room for as many keys as there are slots
    mask_ = slots_.size() - 1;
    for (uint32_t id = 1; id <= size(); ++id) {
      const std::string_view k = key(id);
      Place(k, HashWord(k.data(), k.size()), id);
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(16);
  size_t mask_ = 15;
  std::string keys_;                   // every key, by id
  std::vector<uint32_t> key_ends_{0};  // key id's bytes are keys_[key_ends_[id - 1], key_ends_[id])
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_WORD_TABLE_H_
