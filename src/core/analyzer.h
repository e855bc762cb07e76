// The analyzer stage: the match form of every token and the readings of Arabic words with
// their proclitics set aside.
#ifndef KASHIF_SRC_CORE_ANALYZER_H_
#define KASHIF_SRC_CORE_ANALYZER_H_

#include <memory>
#include <string_view>
#include <type_traits>

#include "kashif/normalizer.h"
#include "core/document.h"
#include "core/vocabulary.h"

namespace kashif::internal {

struct FoldTable;

// A thread's memory of the analyses of the words it has seen (Document::analysis_cache): a
// word of running text is mostly one seen before, and its analysis depends only on its bytes,
// its token kind and the vocabulary, so the analyzer copies it from here instead of folding the
// word and looking its readings up again (about 48 % of the benchmark's news tokens, simulated
// on their words; a hit costs some 80 instructions, the words analyzed some 400 on average).
// Small on purpose: 2^15 slots found 73 %, with 9 % fewer instructions, but ran slower. Exact:
// an entry holds the whole token (tokens of at most kMaxBytes bytes, whose WordEnds are all of
// its bytes), its kind, and everything the analyzer wrote for it (the arena bytes, the readings
// with offsets from its first arena byte, the lexicon bits); the whole table is emptied when a
// document comes with another vocabulary (Vocabulary::id). Each stored analysis gets a serial,
// never given twice by one cache (AnalysisCache::id), which Analyze() writes for every token
// (Document::word_serials): a later stage keys its own per-word results by it (the NER view,
// match/ner/ner_lexicon.cc). Direct-mapped: a word takes the slot of its hash and evicts
// whatever was there. Bounded: 2^bits entries of 192 bytes (192 KB by default), calloc'ed, so
// that only the pages of slots in use are ever touched.
class AnalysisCache : public StageCache {
 public:
  static constexpr size_t kMaxBytes = 16;    // the longest token cached
  static constexpr size_t kArenaBytes = 36;  // what a cached token may write to the arena
  static constexpr int kDefaultBits = 10;

  explicit AnalysisCache(int bits = kDefaultBits);
  ~AnalysisCache() override;
  AnalysisCache(const AnalysisCache&) = delete;
  AnalysisCache& operator=(const AnalysisCache&) = delete;
  size_t Bytes() const override { return (mask_ + 1) * sizeof(Entry); }
  // Unique in the process, like Vocabulary::id; a cache that has given out every serial it has
  // takes a new one (and forgets every entry).
  uint64_t id() const { return id_; }
  size_t slots() const { return mask_ + 1; }

 private:
  friend class Analyzer;
  // The first cache line: what a lookup compares and the arena bytes it copies; the readings
  // after it.
  struct Entry {
    uint64_t a;  // WordEnds of the token's bytes
    uint64_t b;
    uint8_t size;  // the token's bytes, 1..kMaxBytes; 0: an empty slot
    uint8_t kind;
    uint8_t reading_count;
    uint8_t arena_bytes;
    uint32_t lexicons;
    uint32_t serial;  // Document::word_serials
    char bytes[kArenaBytes];
    TokenReading readings[kMaxReadings];  // key.offset from the token's first arena byte
  };
  static_assert(2 * kMaxBytes + 2 <= kArenaBytes, "a form and a restored-article reading fit");
  static_assert(sizeof(Entry) == 192, "three cache lines");
  static_assert(std::is_trivially_copyable_v<TokenReading>, "entries are zeroed as bytes");

  void Clear();

  void* memory_;    // calloc'ed, entries_ aligned in it
  Entry* entries_;  // mask_ + 1 of them; all bytes 0: empty
  size_t mask_;
  uint64_t vocabulary_id_ = 0;
  uint64_t id_ = NextInstanceId();
  uint32_t next_serial_ = 1;
};

// The options of the matching form: every fold on, so spelling variants meet.
NormalizerOptions MatchFormOptions();
// The options of the display form of rule-found entities' canonical names: marks, tatweel,
// invisible characters and presentation forms go, letters stay as written.
NormalizerOptions DisplayFormOptions();

// Immutable; Analyze() may run concurrently.
class Analyzer {
 public:
  // Readings carry the ids of `vocabulary` (the model's: extract/ builds it from the lexicons
  // the model holds). Without one (an analyzer used for match forms only, or by a lexicon
  // before the vocabulary exists) every reading is an unknown word.
  explicit Analyzer(std::shared_ptr<const Vocabulary> vocabulary = nullptr);

  const Vocabulary& vocabulary() const { return *vocabulary_; }

  // Fills doc->analyses (one per token) and doc->arena. doc->tokens must be set. Words seen
  // before come from doc->analysis_cache when the document has one (an AnalysisCache: the
  // extractor gives its per-thread documents one); the result is the same without it.
  void Analyze(Document* doc) const;

  // The match form of arbitrary text (used to compile gazetteer entries the same way).
  void AppendMatchForm(std::string_view text, std::string* out) const {
    match_normalizer_.AppendNormalized(text, out);
  }
  // The display form of text (the canonical name of an entity found by a rule or grammar).
  void AppendDisplayForm(std::string_view text, std::string* out) const {
    display_normalizer_.AppendNormalized(text, out);
  }

 private:
  // Writes token `index`'s forms into doc->arena from byte `used` on; returns the new end.
  size_t AnalyzeToken(Document* doc, size_t index, size_t used) const;
  // The same through `cache`: copied from the token's entry, or analyzed and stored there;
  // and its serial in serials[index] (doc->word_serials).
  size_t AnalyzeTokenCached(Document* doc, size_t index, size_t used, AnalysisCache* cache,
                            uint32_t* serials) const;
  // Sets the vocabulary ids of the token's `count` readings and a->lexicons.
  void LookUpWords(Document* doc, TokenReading* readings, int count, TokenAnalysis* a) const;

  Normalizer match_normalizer_;
  Normalizer display_normalizer_;
  std::shared_ptr<const FoldTable> match_table_;  // match_normalizer_'s, for the arena loop
  std::shared_ptr<const Vocabulary> vocabulary_;
};

// The byte length of the first `letters` letters of `word` (original text), together with
// any marks, tatweel and format characters that follow them.
size_t SkipLetters(std::string_view word, size_t letters);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_ANALYZER_H_
