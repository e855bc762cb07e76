// A lexicon's entries again, by the vocabulary id the analyzer stored on each token reading
// (TokenReading::word), so a matcher finds a word of running text without hashing it.
//
// The table is built on first use, for the vocabulary of the first analyzed document: the
// shared vocabulary is built from the lexicons, so it does not exist yet when a lexicon is
// created. A document with another vocabulary, or a lexicon with a word that vocabulary lacks
// (a test table), gets no table and the lexicon falls back to hashing its keys.
//
// Thread safety: Get() may run concurrently; the table is immutable once built. FirstBytePairs
// is immutable once filled.
#ifndef KASHIF_SRC_CORE_LEXICON_IDS_H_
#define KASHIF_SRC_CORE_LEXICON_IDS_H_

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "core/document.h"
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
  struct Table {
    // By vocabulary id; nullptr for a word the lexicon does not have (and for kUnknown).
    std::vector<const Entries*> by_id;
    // Every word of the lexicon (and every extra form) carries the lexicon's LexiconBit, so a
    // token whose TokenAnalysis::lexicons lacks the bit has none of its words.
    bool all_marked = false;
  };

  // The table for `doc`'s vocabulary, or nullptr. `words` maps each match-form word of the
  // lexicon to its entries (any container of pairs: std::map, absl::flat_hash_map); `bit` is
  // the lexicon's LexiconBit; `extra_forms`, when given, are further vocabulary words that must
  // carry the bit for all_marked (forms the lexicon adds to the vocabulary beside its words).
  // Every call on one object must pass the same lexicon.
  template <typename Words>
  const Table* Get(const Document& doc, const Words& words, uint32_t bit,
                   const std::vector<std::string>* extra_forms = nullptr) const {
    if (doc.vocabulary == nullptr) return nullptr;
    // Asked at nearly every token: once built, one acquire load answers (std::call_once sets
    // thread-locals and calls pthread_once each time, and kept the callers from inlining this).
    if (!built_.load(std::memory_order_acquire)) {
      BuildOnce(*doc.vocabulary, words, bit, extra_forms);
    }
    return vocabulary_ == doc.vocabulary ? &table_ : nullptr;
  }

 private:
  template <typename Words>
  ABSL_ATTRIBUTE_NOINLINE void BuildOnce(const Vocabulary& vocabulary, const Words& words,
                                         uint32_t bit,
                                         const std::vector<std::string>* extra_forms) const {
    // std::call_once, not absl's: ThreadSanitizer follows pthread_once, not the spin-lock wait
    // inside the (uninstrumented) Abseil library, and reported a race that was not there.
    std::call_once(once_, [&] {
      Build(vocabulary, words, bit, extra_forms);
      built_.store(true, std::memory_order_release);
    });
  }

  template <typename Words>
  void Build(const Vocabulary& vocabulary, const Words& words, uint32_t bit,
             const std::vector<std::string>* extra_forms) const {
    Table table;
    table.by_id.assign(vocabulary.size() + 1, nullptr);
    table.all_marked = true;
    for (const auto& [word, entries] : words) {
      const uint32_t id = vocabulary.Find(word);
      if (id == Vocabulary::kUnknown) return;  // not this lexicon's vocabulary
      table.by_id[id] = &entries;
      table.all_marked = table.all_marked && (vocabulary.Info(id).lexicons & bit) != 0;
    }
    if (extra_forms != nullptr) {
      for (const std::string& form : *extra_forms) {
        table.all_marked =
            table.all_marked && (vocabulary.Info(vocabulary.Find(form)).lexicons & bit) != 0;
      }
    }
    table_ = std::move(table);
    vocabulary_ = &vocabulary;
  }

  mutable std::once_flag once_;
  mutable std::atomic<bool> built_{false};
  mutable Table table_;
  mutable const Vocabulary* vocabulary_ = nullptr;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_LEXICON_IDS_H_
