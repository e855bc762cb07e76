// The words the built-in lexicons know, interned once per process.
//
// Each matcher used to hash every token's match form in its own tables (date words, number
// words, currencies, the NER word classes), so one token was hashed a dozen times though nearly
// every token of running text is in none of them. The analyzer now looks each reading up here
// once and stores the word's id on the reading (TokenReading::word); a matcher reads the
// VocabularyEntry of that id and skips, without hashing, every token its lexicon does not know.
//
// Thread safety: Vocabulary::Get() builds the instance once (thread-safe static); it is
// immutable afterwards and every method may run concurrently.
#ifndef KASHIF_SRC_PIPELINE_VOCABULARY_H_
#define KASHIF_SRC_PIPELINE_VOCABULARY_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "text/word_hash.h"

namespace kashif::internal {

// Which built-in lexicons know a word (bit flags of VocabularyEntry::lexicons).
enum LexiconBit : uint32_t {
  kLexDate = 1u << 0,      // the first word of a date phrase (data/date_words.tsv)
  kLexNumber = 1u << 1,    // a number word (data/number_words.tsv)
  kLexCurrency = 1u << 2,  // the first word of a currency name (data/currencies.tsv)
};

struct VocabularyEntry {
  uint32_t lexicons = 0;  // LexiconBit flags
  uint32_t ner = 0;       // NerClass flags (match/ner_lexicon.h) of the word
};

// Collects the words while the lexicons are compiled.
class VocabularyBuilder {
 public:
  void Add(std::string_view key, uint32_t lexicons, uint32_t ner = 0);

 private:
  friend class Vocabulary;
  absl::flat_hash_map<std::string, VocabularyEntry> words_;
};

class Vocabulary {
 public:
  // The id of an unknown word; its VocabularyEntry is all zero.
  static constexpr uint32_t kUnknown = 0;

  // The vocabulary of every built-in lexicon.
  static const Vocabulary& Get();

  explicit Vocabulary(VocabularyBuilder builder);

  // The id of a match-form word, or kUnknown.
  uint32_t Find(std::string_view key) const {
    const size_t n = key.size();
    if (n == 0 || n > max_size_) return kUnknown;
    const uint64_t h = Hash(key.data(), n);
    // Most readings are in no lexicon: a filter that stays in L1 turns most of them away
    // before the slot table (larger, often a cache miss) is touched.
    const uint32_t bit = FilterBit(h);
    if ((filter_[bit >> 6] >> (bit & 63) & 1) == 0) return kUnknown;
    const uint32_t fingerprint = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return kUnknown;
      if (static_cast<uint32_t>(slot >> 32) != fingerprint) continue;
      const uint32_t id = static_cast<uint32_t>(slot);
      const uint32_t begin = key_ends_[id - 1];
      if (key_ends_[id] - begin == n && std::memcmp(keys_.data() + begin, key.data(), n) == 0) {
        return id;
      }
    }
  }
  const VocabularyEntry& Info(uint32_t id) const { return infos_[id]; }
  size_t size() const { return infos_.size() - 1; }

 private:
  // Every token's readings are looked up, so the table is built for that: open addressing over
  // 8-byte slots (the key's 32-bit fingerprint, its id; 0 is empty) at most half full, and a
  // hash of fixed loads of the key's first and last bytes and its length (match-form words are
  // short; a longer key's middle only costs a rare extra probe, as the comparison is exact).
  static uint64_t Hash(const char* p, size_t n) { return HashWord(p, n); }

  // Bits 16-31 of the hash (the slot index uses the low bits, the fingerprint the high ones).
  static uint32_t FilterBit(uint64_t h) { return static_cast<uint32_t>(h >> 16) & 0xFFFF; }

  std::vector<uint64_t> filter_ = std::vector<uint64_t>(0x10000 / 64, 0);  // 8 KiB
  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
  std::string keys_;                // every key, by id
  std::vector<uint32_t> key_ends_;  // key id's bytes are keys_[key_ends_[id - 1], key_ends_[id])
  size_t max_size_ = 0;             // of any key
  std::vector<VocabularyEntry> infos_;  // by id; infos_[0] is the unknown word
};

// Each lexicon adds its words (defined next to the lexicon's own tables).
void AddDateWords(VocabularyBuilder* builder);
void AddNumberWords(VocabularyBuilder* builder);
void AddCurrencyWords(VocabularyBuilder* builder);
void AddNerWords(VocabularyBuilder* builder);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_PIPELINE_VOCABULARY_H_
