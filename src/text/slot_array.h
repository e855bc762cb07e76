// The probing of kashif's open-addressing hash tables: a power-of-two array of 64-bit slots,
// 0 meaning empty, kept at most half full, probed linearly from a start the caller derives from
// the key's hash. Each table decides what its slots hold (a fingerprint and an id in the word
// table, a packed key in the stemmer's lexicon, a fingerprint and a token in the NER view's set
// of definite forms); this is the one place that walks them.
//
// Thread safety: Reset() and Put() while building; the const methods may run concurrently.
#ifndef KASHIF_SRC_TEXT_SLOT_ARRAY_H_
#define KASHIF_SRC_TEXT_SLOT_ARRAY_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kashif::internal {

class SlotArray {
 public:
  // Empties the array and sizes it for `count` entries (at least 16 slots, at most half full).
  void Reset(size_t count) {
    size_t capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
  }

  // The index of the first slot from `start` on (wrapping around) that is empty or for which
  // holds(slot) is true. The array is never full, so the walk ends.
  template <typename Holds>
  size_t Probe(uint64_t start, Holds holds) const {
    for (size_t i = start & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0 || holds(slot)) return i;
    }
  }
  // The first empty slot from `start` on, for an entry known not to be there yet.
  size_t FreeSlot(uint64_t start) const {
    return Probe(start, [](uint64_t) { return false; });
  }

  uint64_t operator[](size_t i) const { return slots_[i]; }
  void Put(size_t i, uint64_t value) { slots_[i] = value; }
  size_t capacity() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }

 private:
  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_SLOT_ARRAY_H_
