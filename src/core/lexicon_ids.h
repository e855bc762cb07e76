// A lexicon's entries again, by the vocabulary id the analyzer stored on each token reading
// (TokenReading::word), so a matcher finds a word of running text without hashing it.
//
// The vocabulary is built from the lexicons (each adds its words with its LexiconBit), then
// each lexicon is bound to it: the table is built once, there, and is immutable after. Every
// word of the lexicon is in that vocabulary with the lexicon's bit, so a word token whose
// TokenAnalysis::lexicons lacks the bit has none of its words. A lexicon reads the ids of the
// documents its vocabulary's analyzer made (the model owns both, extract/lexicons.h).
//
// Thread safety: immutable once built; every method may run concurrently. FirstBytePairs is
// immutable once filled.
#ifndef KASHIF_SRC_CORE_LEXICON_IDS_H_
#define KASHIF_SRC_CORE_LEXICON_IDS_H_

#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.h"
#include "text/bit_filter.h"

namespace kashif::internal {

// The first two bytes of a lexicon's keys, for the keys still looked up by text (punctuation,
// digits, symbols: tokens that carry no vocabulary id): a form whose first two bytes (first
// byte and 0 for a one-byte form) no key has is turned away before it is hashed. An Arabic
// comma shares its first byte with the letters, not its second.
class FirstBytePairs {
 public:
  void Add(std::string_view key) {
    if (!key.empty()) pairs_.Set(PairOf(key));
  }
  // False only when no added key equals `form` (the empty form is always passed on).
  bool MayContain(std::string_view form) const { return form.empty() || pairs_.Test(PairOf(form)); }

 private:
  static size_t PairOf(std::string_view form) {
    return static_cast<size_t>(static_cast<unsigned char>(form[0])) << 8 |
           (form.size() > 1 ? static_cast<unsigned char>(form[1]) : 0);
  }
  BitFilter<0x10000> pairs_;  // 8 KiB
};

template <typename Entries>
class LexiconIds {
 public:
  // Bound to nothing: every id finds nullptr.
  LexiconIds() = default;
  // Binds `words` (each match-form word of the lexicon mapped to its entries: any container of
  // pairs, std::map, absl::flat_hash_map, whose entries stay where they are) to `vocabulary`,
  // which holds every one of the words (the lexicon added them).
  template <typename Words>
  LexiconIds(const Vocabulary& vocabulary, const Words& words) {
    for (const auto& [word, entries] : words) {
      const uint32_t id = vocabulary.Find(word);
      assert(id != Vocabulary::kUnknown && "a lexicon is bound to the vocabulary it filled");
      // Never bind kUnknown (id 0): every word no lexicon knows would then find these entries.
      if (id == Vocabulary::kUnknown) continue;
      if (id >= by_id_.size()) by_id_.resize(id + 1, nullptr);
      by_id_[id] = &entries;
    }
  }

  // The entries of vocabulary word `id`, or nullptr (kUnknown, a word the lexicon lacks). The
  // table ends at the lexicon's last id: a lexicon added early to the vocabulary (the grammars'
  // are, before the NER words) keeps a table of a few KiB.
  const Entries* Find(uint32_t id) const { return id < by_id_.size() ? by_id_[id] : nullptr; }

 private:
  std::vector<const Entries*> by_id_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_LEXICON_IDS_H_
