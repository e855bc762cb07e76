// The value that carries one text through the stages: tokens, their analyses and the entity
// candidates the matchers propose. Each stage reads what earlier ones wrote and adds its part;
// no stage re-tokenizes.
#ifndef KASHIF_SRC_CORE_DOCUMENT_H_
#define KASHIF_SRC_CORE_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/tokenizer.h"
#include "core/vocabulary.h"

namespace kashif::internal {

// A slice of Document::arena (offsets, so the arena may grow).
struct ArenaSlice {
  uint32_t offset = 0;
  uint32_t size = 0;
};

// One way to read a token once its proclitics are set aside: "وللولايات" reads as itself,
// as "للولايات" after و, and as "الولايات" after و+ل (the article's alef restored).
struct TokenReading {
  uint32_t skip_bytes = 0;  // original bytes of the proclitics (the entity span starts after them)
  ArenaSlice key;           // the match form of the rest
  // Vocabulary ids (core/vocabulary.h) of `key` and, when `key` starts with the article ال
  // and at least two letters follow it, of `key` without the article; Vocabulary::kUnknown
  // otherwise. Set for Arabic and Latin words only.
  uint32_t word = 0;
  uint32_t bare_word = 0;
  // HashWord(Slice(key)) (text/word_hash.h), set for every reading of every token: word
  // tables keyed by it (text/word_table.h) look a reading up without hashing it again.
  uint64_t hash = 0;
};

inline constexpr int kMaxReadings = 4;

// A token's readings, as Document::Readings() gives them (read them only through it: where they
// are stored is the document's business).
class ReadingSpan {
 public:
  ReadingSpan(const TokenReading* data, size_t size) : data_(data), size_(size) {}
  const TokenReading* begin() const { return data_; }
  const TokenReading* end() const { return data_ + size_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const TokenReading& operator[](size_t r) const { return data_[r]; }

 private:
  const TokenReading* data_;
  size_t size_;
};

// What the analyzer knows about a token: 56 bytes. Most tokens have one reading, kept here
// (`whole`); a token with proclitics has all of its readings in Document::extra_readings.
struct TokenAnalysis {
  // The token's match form: normalized with every fold on (alef, ya, teh marbuta, hamza,
  // marks, tatweel, digits). Empty for punctuation-only and invalid tokens.
  ArenaSlice key;
  // The whole token read as itself (skip_bytes 0, key == key above): readings[0].
  TokenReading whole;
  // The readings, reading_count of them: &whole, or this token's run of extra_readings. Set
  // by Analyze(), valid while the document is not analyzed again; read through
  // Document::Readings().
  const TokenReading* readings = nullptr;
  uint8_t reading_count = 0;
  // The LexiconBit flags of every reading's word and bare word, or-ed: a matcher whose lexicon
  // bit is clear here can skip the token without looking at its readings.
  uint32_t lexicons = 0;
};

// A proposed entity. Matchers append candidates; the resolver keeps a non-overlapping set.
struct Candidate {
  EntityType type = EntityType::kPerson;
  uint32_t first_token = 0;  // token range [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t begin = 0;  // byte span in the original text
  uint32_t end = 0;
  // Higher wins over lower when candidates overlap; between equals the longer span wins. The
  // scale is in match/matcher.h.
  int32_t priority = 0;
  std::string canonical;
  std::optional<MoneyValue> money;
  std::optional<DateValue> date;
  std::optional<PercentValue> percent;
  std::optional<TimeValue> time;
  // kCustom: the user pattern's label, owned by the (immutable) matcher that proposed it.
  const std::string* label = nullptr;
};

// Work one stage does once per document and several of its matchers share (the NER rules'
// per-token view). The stage owns the derived type; the document keeps it, so its memory is
// reused for the next document of the same thread. Analyze() and Clear() mark it stale.
struct StageCache {
  virtual ~StageCache() = default;
  // The memory it holds (its arrays' capacities), counted in the thread's scratch.
  virtual size_t Bytes() const = 0;
  bool fresh = false;
};

struct Document {
  std::string_view text;  // the caller's bytes
  const Vocabulary* vocabulary = nullptr;  // whose ids the readings carry (set by the analyzer)
  std::optional<CivilDate> reference_date;
  std::vector<Token> tokens;
  std::vector<TokenAnalysis> analyses;  // one per token (once Analyze() has run)
  // The readings of the tokens that have more than one (a proclitic set aside), token after
  // token: the only per-token storage that grows with the readings.
  std::vector<TokenReading> extra_readings;
  std::string arena;                    // storage of every ArenaSlice
  std::vector<Candidate> candidates;
  // The per-document work of one stage (today the NER rules' token view), filled by matchers
  // through a const Document: `mutable` because a Document belongs to one thread at a time
  // (Extract() keeps one per thread, extract/extractor.cc), so no other thread sees the write.
  mutable std::unique_ptr<StageCache> stage_cache;
  // The date grammar's pool of lexicon hits (match/date/date_grammar.h), kept with the document
  // for the same reason: a pool allocated for each text cost a date grammar run a tenth of its
  // time on one-sentence documents. Not stage work: Analyze() and Clear() leave it as it is.
  mutable std::unique_ptr<StageCache> date_scratch;
  // Propagation's working arrays (match/ner/propagation.cc), kept the same way: it runs for
  // nearly every document (twice for some with the tagger), and allocated half a dozen.
  mutable std::unique_ptr<StageCache> propagation_scratch;
  // The resolver's working arrays (match/resolver.cc), kept with the document so that a thread
  // reuses them from one text to the next: this runs for every document (and again in
  // propagation), and allocating them cost as much as the work on a short one. `mutable` for
  // the same reason as stage_cache.
  struct ResolveScratch {
    struct Key {
      uint64_t rank;
      uint32_t index;  // of the candidate
    };
    std::vector<Key> keys;
    std::vector<uint8_t> taken;     // by token (bytes: read and set without bit arithmetic)
    std::vector<uint32_t> winners;  // candidate indices
  };
  mutable ResolveScratch resolve_scratch;

  std::string_view Slice(ArenaSlice slice) const {
    return std::string_view(arena).substr(slice.offset, slice.size);
  }
  std::string_view TokenText(size_t i) const { return tokens[i].text(text); }
  std::string_view Key(size_t i) const { return Slice(analyses[i].key); }
  // Token i's readings: [0] the whole token, then the token behind each proclitic split.
  ReadingSpan Readings(size_t i) const {
    return ReadingSpan(analyses[i].readings, analyses[i].reading_count);
  }
  // What the built-in lexicons know about a reading's word and its article-less form.
  const VocabularyEntry& Info(const TokenReading& r) const { return vocabulary->Info(r.word); }
  const VocabularyEntry& BareInfo(const TokenReading& r) const { return vocabulary->Info(r.bare_word); }
  // The union of the lexicon bits of token i's readings (0 for tokens no lexicon knows).
  uint32_t Lexicons(size_t i) const { return analyses[i].lexicons; }

  void Clear() {
    text = {};
    reference_date.reset();
    tokens.clear();
    // analyses keeps its elements: Analyze() resizes it and writes every field a stage reads
    // (the readings up to reading_count), so a reused document's per-token array is not
    // filled again for every text.
    extra_readings.clear();
    arena.clear();
    candidates.clear();
    if (stage_cache) stage_cache->fresh = false;
  }
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_DOCUMENT_H_
