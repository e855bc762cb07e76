// The words a model's lexicons know, interned once when the model's lexicons are built.
//
// Each matcher used to hash every token's match form in its own tables (date words, number
// words, currencies, the NER word classes), so one token was hashed a dozen times though nearly
// every token of running text is in none of them. The analyzer now looks each reading up here
// once and stores the word's id on the reading (TokenReading::word); a matcher reads the
// VocabularyEntry of that id and skips, without hashing, every token its lexicon does not know.
//
// Each extractor model owns one vocabulary, built in Create() from the lexicons the model holds
// (extract/lexicons.h); models built from the same lexicons share it. The lexicons that fill it
// live in higher layers and add their words through a VocabularyBuilder; each is then bound to
// the vocabulary (core/lexicon_ids.h), so it reads the ids the analyzer puts on the readings.
//
// Thread safety: immutable once constructed; every method may run concurrently.
#ifndef KASHIF_SRC_CORE_VOCABULARY_H_
#define KASHIF_SRC_CORE_VOCABULARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "text/bit_filter.h"
#include "text/word_hash.h"
#include "text/word_table.h"

namespace kashif::internal {

// Which built-in lexicons know a word (bit flags of VocabularyEntry::lexicons).
enum LexiconBit : uint32_t {
  kLexDate = 1u << 0,      // the first word of a date phrase (data/date_words.tsv)
  kLexNumber = 1u << 1,    // a number word (data/number_words.tsv)
  kLexCurrency = 1u << 2,  // the first word of a currency name (data/currencies.tsv)
  kLexTime = 1u << 3,      // the first word of a clock-time phrase (data/time_words.tsv)
};

struct VocabularyEntry {
  uint32_t lexicons = 0;  // LexiconBit flags
  // Word classes a lexicon gives the word, as that lexicon defines them (the NER lexicon's
  // NerClass flags, match/ner/ner_lexicon.h).
  uint32_t classes = 0;
};

// Collects the words while the lexicons are compiled.
class VocabularyBuilder {
 public:
  void Add(std::string_view key, uint32_t lexicons, uint32_t classes = 0);

 private:
  friend class Vocabulary;
  // The vocabulary's own table, filled in place (ids in order of first Add): nothing is copied
  // or hashed again when the Vocabulary is made.
  WordTable words_;
  std::vector<VocabularyEntry> infos_ = {VocabularyEntry()};  // by id; [0] the unknown word
  // The Vocabulary's filter and longest key, kept as the words come (each hashed once).
  BitFilter<0x10000> filter_;
  size_t max_size_ = 0;
};

class Vocabulary {
 public:
  // The id of an unknown word; its VocabularyEntry is all zero.
  static constexpr uint32_t kUnknown = 0;

  // A vocabulary with no words (every reading unknown), for analyzers that only make match forms.
  static std::shared_ptr<const Vocabulary> Empty();

  explicit Vocabulary(VocabularyBuilder builder);

  // The id of a match-form word, or kUnknown.
  uint32_t Find(std::string_view key) const {
    if (key.empty() || key.size() > max_size_) return kUnknown;
    return Probe(key, HashWord(key.data(), key.size()));
  }
  // The same with the key's HashWord (text/word_hash.h) already known (TokenReading::hash).
  uint32_t Find(std::string_view key, uint64_t hash) const {
    if (key.empty() || key.size() > max_size_) return kUnknown;
    return Probe(key, hash);
  }
  const VocabularyEntry& Info(uint32_t id) const { return infos_[id]; }
  size_t size() const { return infos_.size() - 1; }

 private:
  uint32_t Probe(std::string_view key, uint64_t hash) const {
    // Most readings are in no lexicon: a filter that stays in L1 turns most of them away
    // before the slot table (larger, often a cache miss) is touched.
    if (!filter_.Test(FilterBit(hash))) return kUnknown;
    return words_.Find(key, hash);
  }

  friend class VocabularyBuilder;
  // Bits 16-31 of the hash (the word table's slot index uses the low bits, its fingerprint
  // the high ones).
  static uint32_t FilterBit(uint64_t h) { return static_cast<uint32_t>(h >> 16) & 0xFFFF; }

  BitFilter<0x10000> filter_;  // 8 KiB
  // Every token's readings are looked up: open addressing keyed by the hash the analyzer
  // already computed for the reading (text/word_table.h).
  WordTable words_;
  size_t max_size_ = 0;  // of any key
  std::vector<VocabularyEntry> infos_;  // by id; infos_[0] is the unknown word
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_VOCABULARY_H_
