#include "match/ner/tagger_features.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>

#if defined(KASHIF_TAGGER_SSE2)
#include <emmintrin.h>
#endif
// Emissions' loop has an AVX2 form (its row sums), compiled with GCC's target pragma and
// chosen where the CPU has AVX2 (TaggerHasAvx2()); the SSE2 form elsewhere.
#if defined(KASHIF_TAGGER_AVX2) && defined(__GNUC__) && !defined(__clang__)
#define KASHIF_TAGGER_AVX2_SUMS 1
#include <immintrin.h>
#endif

#include "match/matcher.h"
#include "text/word_hash.h"

namespace kashif::internal {
namespace {

// Feature templates: the first word of every hashed feature.
enum Template : uint64_t {
  kReading = 1,  // the clitic-free reading's key
  kCandidate,    // the strongest earlier candidate over the token
  kBare,         // the reading without the article
  kSuffix2,
  kReadingClass,  // one per NER class bit of the reading
  kShape,
  kWhole,  // the whole token's match form
  kPrefix,
  kSuffix,
  kLength,
  kTokenClass,  // one per NER class bit of the whole token
  kBareClass,   // one per NER class bit of the reading without its article
  kClitics,
  kBias,
  kPadding,   // a neighbour beyond the document's edge
  kDocTypes,  // the types earlier candidates gave this reading anywhere in the document
};

// The FNV-1a state a template's byte features start from.
uint64_t Seed(Template t) {
  return kFnvOffsetBasis ^ (static_cast<uint64_t>(t) * 0x9E3779B97F4A7C15u);
}

// FNV-1a over the bytes from a seed of the template, then mixed.
uint64_t Hash(Template t, std::string_view bytes) { return Mix64(Fnv1a(bytes, Seed(t))); }

uint64_t Hash(Template t, uint64_t value) {
  return Mix64((static_cast<uint64_t>(t) << 56) ^ (value * 0x9E3779B97F4A7C15u) ^ 0x5bd1e995u);
}

bool IsLead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// A token's candidate mark (the strongest earlier candidate over it, PrepareContext) as a code:
// 0 none, else 1 + (type << 5 | band << 3 | position | last) with position 1 (the candidate's
// first token) or 2 and last 4 (its last token) or 0; kPadCode a neighbour beyond the
// document's edge. The feature hashes the mark's value (MarkHash) as it always has: the code
// only keeps the marks few and dense, so tagging reads each mark's weight rows from a table
// (WordCache::mark_rows) instead of hashing them at every token.
constexpr uint16_t kPadCode = 257;
constexpr int kMarkCodes = kPadCode + 1;
static_assert(static_cast<int>(EntityType::kCustom) < 8, "a type fits in a mark code's 3 bits");

uint16_t MarkCode(EntityType type, uint32_t band, uint32_t position, uint32_t last) {
  return static_cast<uint16_t>(1 + (static_cast<uint32_t>(type) << 5 | band << 3 | position | last));
}

// The type bit of a mark (code 1..256) for the document's types.
uint32_t MarkTypeBit(uint16_t code) { return 1u << ((code - 1u) >> 5); }

// The hash of the candidate feature of a mark code: Hash(kCandidate, 1 + (type << 8 | band << 4
// | position | last)), Hash(kCandidate, 0) for none, Hash(kPadding, 0) for kPadCode.
uint64_t MarkHash(uint16_t code) {
  if (code == kPadCode) return Hash(kPadding, 0);
  if (code == 0) return Hash(kCandidate, 0);
  const uint64_t c = code - 1u;
  return Hash(kCandidate, 1 + ((c >> 5) << 8 | (c >> 3 & 3) << 4 | (c & 7)));
}

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال

// One feature of value `bit` per bit set in `flags`: emit_value(t, bit, reach).
template <typename EmitValue>
void ClassBits(Template t, uint32_t flags, Reach reach, EmitValue& emit_value) {
  while (flags != 0) {
    const int bit = __builtin_ctz(flags);
    emit_value(t, static_cast<uint64_t>(bit), reach);
    flags &= flags - 1;
  }
}

// The emit_value of LexicalFeatures that hashes the value and hands it to emit(hash, reach).
template <typename Emit>
auto HashedValues(Emit& emit) {
  return [&emit](Template t, uint64_t value, Reach reach) { emit(Hash(t, value), reach); };
}

// The shape of a token as written: its kind, for Latin words the case pattern, for numbers the
// digit count, for punctuation which mark it is; and whether it is glued to the previous token.
uint64_t Shape(const Document& doc, size_t i) {
  const Token& token = doc.tokens[i];
  uint64_t shape = static_cast<uint64_t>(token.kind) << 8;
  std::string_view text = doc.TokenText(i);
  if (token.kind == TokenKind::kLatinWord && !text.empty()) {
    int upper = 0;
    for (char c : text) upper += c >= 'A' && c <= 'Z';
    const bool first_upper = text[0] >= 'A' && text[0] <= 'Z';
    shape |= upper == static_cast<int>(text.size()) ? 1 : first_upper ? 2 : upper > 0 ? 3 : 4;
  } else if (token.kind == TokenKind::kNumber) {
    shape |= text.size() < 5 ? text.size() : 5;
  } else if (token.kind == TokenKind::kPunctuation && text.size() <= 4) {
    uint64_t bytes = 0;
    for (char c : text) bytes = bytes << 8 | static_cast<unsigned char>(c);
    shape |= bytes << 16;
  }
  shape |= uint64_t{token.glued_to_previous} << 7;
  return shape;
}

static_assert(offsetof(NerToken, nisba) == offsetof(NerToken, word) + 7 &&
                  offsetof(NerToken, foreign_suffix) == offsetof(NerToken, word) + 8,
              "Fingerprints reads NerToken's one-byte fields word .. nisba as one word");

uint32_t CliticBits(const NerToken& t) {
  return uint32_t{t.reading != 0} | uint32_t{t.article} << 1 | uint32_t{t.clitic_article} << 2 |
         uint32_t{t.conjunction} << 3 | uint32_t{t.nisba} << 4 | uint32_t{t.foreign_suffix} << 5 |
         uint32_t{t.clitic_stop} << 6 | uint32_t{t.word} << 7;
}

// Every feature of token i that depends on the token alone: emit(hash, reach) for those made of
// bytes, emit_value(template, value, reach) for those made of a number (whose hash is
// Hash(template, value): HashedValues; tagging looks the small ones' buckets up in a table
// instead). `kUnseen` (training only): as if no list knew the word and the model had never met
// it, without its NER classes and its identity (reading, bare and whole forms); its affixes,
// shape, length and clitics stay. A template argument, so tagging compiles to the same code as
// without it. The prefixes' FNV runs on from one to the next (the same values as hashing each
// from the start).
template <bool kUnseen = false, typename Emit, typename EmitValue>
void LexicalFeatures(const Document& doc, const NerTokens& view, size_t i, Emit emit,
                     EmitValue emit_value) {
  const NerToken& t = view[i];
  std::string_view bare = view.Key(i);
  if (t.article && bare.size() > kArticle.size() && bare.substr(0, kArticle.size()) == kArticle) {
    bare.remove_prefix(kArticle.size());
  }
  uint32_t starts[48];
  size_t letters = 0;
  for (size_t b = 0; b < bare.size() && letters < 47; ++b) {
    if (IsLead(bare[b])) starts[letters++] = static_cast<uint32_t>(b);
  }
  starts[letters] = static_cast<uint32_t>(bare.size());
  if (!kUnseen) emit(Hash(kReading, view.Key(i)), Reach::kFar);
  if (!kUnseen) emit(Hash(kBare, bare), Reach::kNear);
  if (letters >= 2) emit(Hash(kSuffix2, bare.substr(starts[letters - 2])), Reach::kNear);
  if (!kUnseen) ClassBits(kReadingClass, t.reading_flags, Reach::kNear, emit_value);
  emit_value(kShape, Shape(doc, i), Reach::kNear);
  if (!kUnseen) emit(Hash(kWhole, doc.Key(i)), Reach::kOwn);
  uint64_t prefix = Seed(kPrefix);
  for (size_t n = 1; n <= 4 && n <= letters; ++n) {
    const size_t from = n == 1 ? 0 : starts[n - 1];
    prefix = Fnv1a(bare.substr(from, starts[n] - from), prefix);
    emit(Mix64(prefix), Reach::kOwn);
    if (n != 2) emit(Hash(kSuffix, bare.substr(starts[letters - n])), Reach::kOwn);
  }
  emit_value(kLength, letters < 8 ? letters : 8, Reach::kOwn);
  if (!kUnseen) ClassBits(kTokenClass, t.flags & ~t.reading_flags, Reach::kOwn, emit_value);
  if (!kUnseen) ClassBits(kBareClass, t.bare_flags, Reach::kOwn, emit_value);
  emit_value(kClitics, CliticBits(t), Reach::kOwn);
  emit_value(kBias, 0, Reach::kOwn);
}

int ReachOffsets(Reach reach) {
  return reach == Reach::kOwn ? 0 : reach == Reach::kNear ? 1 : kMaxOffset;
}

// What ReadingId and Fingerprint read of a document, through local pointers: the loop that
// calls them appends to a vector, after which the compiler would load every array of the
// document and of the view again, token after token.
struct TokenArrays {
  explicit TokenArrays(const Document& doc, const NerTokens& view)
      : text(doc.text.data()),
        arena(doc.arena.data()),
        tokens(doc.tokens.data()),
        analyses(doc.analyses.data()),
        ner(view.size() == 0 ? nullptr : &view[0]) {}
  const char* text;
  const char* arena;
  const Token* tokens;
  const TokenAnalysis* analyses;
  const NerToken* ner;
};

// Token i's reading told apart from every other reading: the analyzer's HashWord of it
// (TokenReading::hash, which sees every byte of a reading of up to 16 bytes) and, for a longer
// one, HashWordMiddle (the bytes HashWord skips). Cheaper than hashing the reading again.
uint64_t ReadingId(const TokenArrays& d, size_t i) {
  const TokenAnalysis& a = d.analyses[i];
  if (a.reading_count == 0) {  // the reading is the token's key (NerTokens::Key)
    const char* key = d.arena + a.key.offset;
    return HashWord(key, a.key.size) ^ HashWordMiddle(key, a.key.size);
  }
  const TokenReading& r = a.readings[d.ner[i].reading];
  return r.key.size <= 16 ? r.hash : r.hash ^ HashWordMiddle(d.arena + r.key.offset, r.key.size);
}

// Token j's word-cache key: everything LexicalFeatures reads. The whole match form
// (doc.Key(j)) and the shape: for an Arabic word the shape is its kind and glue alone, so the
// analyzer's HashWord of the match form (TokenAnalysis::whole, which sees every byte of a form
// of up to 16 bytes; HashWordMiddle the rest) stands for both; any other token is keyed by its
// text (its match form is a function of it, and a Latin word's capitals, a number's length, a
// punctuation token's bytes are in it), every byte of it. The reading (view.Key(j)) is not
// hashed again: the analyzer makes every reading's key from the match form alone (proclitics
// cut off its start, an article's alef restored), so the form and the reading's index (one of
// the one-byte fields below) tell the reading. Then the NER classes (spread by an odd
// multiplier, which no two values share), the clitics and the reading's index (the token's
// one-byte fields from `word` to `nisba` read as one word, spread by another), and, outside the
// mix and apart from each other, the bare reading's classes, foreign_suffix, the glue and the
// kind. One mix. Never 0 (an empty entry).
uint64_t Fingerprint(const TokenArrays& d, size_t j) {
  const NerToken& t = d.ner[j];
  const Token& token = d.tokens[j];
  uint64_t form;
  if (token.kind == TokenKind::kArabicWord) {
    const TokenReading& whole = d.analyses[j].whole;
    form = whole.key.size <= 16
               ? whole.hash
               : whole.hash ^ HashWordMiddle(d.arena + whole.key.offset, whole.key.size);
  } else {
    const char* text = d.text + token.begin;
    const size_t size = token.end - token.begin;
    form = HashWord(text, size) ^ HashWordMiddle(text, size);
  }
  uint64_t one_byte_fields;
  std::memcpy(&one_byte_fields, &t.word, sizeof(one_byte_fields));
  const uint64_t classes = (uint64_t{t.flags} << 32 | t.reading_flags) * 0xD6E8FEB86659FD93u;
  const uint64_t apart = uint64_t{t.bare_flags} << 32 | uint64_t{t.foreign_suffix} << 1 |
                         uint64_t{token.glued_to_previous} << 2 |
                         static_cast<uint64_t>(token.kind) << 8;
  return (Mix64(form ^ one_byte_fields * 0x9E3779B97F4A7C15u ^ classes) ^ apart) | 1;
}

// What the contextual features need: the strongest earlier candidate over each token, and the
// types candidates gave each reading anywhere in the document (a name the rules found once with
// its cue is a name where it stands bare too). `unseen` (training only): the tokens read as
// unseen words have no mark and give their reading no document type. `fingerprints` (tagging
// only): each token's word-cache key, made in the same pass.
void PrepareContext(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
                    TaggerRunScratch* s, const std::vector<uint8_t>* unseen,
                    std::vector<uint64_t>* fingerprints = nullptr) {
  const size_t n = doc.tokens.size();
  // Token t's mark at marks[t], between the two edges' kPadCode. Both arrays grow, never
  // shrink (a document reads its first n + 2 and n), and are filled by memset: assign() wrote
  // them element by element, at every document.
  if (s->marks.size() < n + 2) s->marks.resize(n + 2);
  std::memset(s->marks.data(), 0, (n + 2) * sizeof(uint16_t));
  s->marks[0] = kPadCode;
  s->marks[n + 1] = kPadCode;
  uint16_t* const marks = s->marks.data() + 1;
  if (s->priorities.size() < n) s->priorities.resize(n);
  std::memset(s->priorities.data(), 0xFF, n * sizeof(int32_t));  // every one -1
  for (const Candidate& c : prior) {
    const uint32_t band = c.priority >= kBuiltinGazetteerPriority ? 3
                          : c.priority >= kGrammarPriority        ? 2
                          : c.priority >= kNerRulePriority        ? 1
                                                                  : 0;
    for (uint32_t t = c.first_token; t < c.end_token && t < n; ++t) {
      if (c.priority <= s->priorities[t]) continue;
      s->priorities[t] = c.priority;
      const uint32_t position = t == c.first_token ? 1 : 2;
      const uint32_t last = t + 1 == c.end_token ? 4 : 0;
      marks[t] = MarkCode(c.type, band, position, last);
    }
  }
  if (unseen != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if ((*unseen)[i]) marks[i] = 0;
    }
  }
  // Grown, never shrunk (a shorter document reads its first n): no zero-fill of the part a
  // longer document adds after a shorter one.
  if (s->reading_ids.size() < n) s->reading_ids.resize(n);
  s->doc_types.clear();
  std::fill(s->doc_type_filter, s->doc_type_filter + 4, 0);
  if (fingerprints != nullptr && fingerprints->size() < n) fingerprints->resize(n);
  const TokenArrays d(doc, view);
  uint64_t* const ids = s->reading_ids.data();
  uint64_t* const keys = fingerprints == nullptr ? nullptr : fingerprints->data();
  for (size_t i = 0; i < n; ++i) {
    const uint64_t id = ReadingId(d, i);
    ids[i] = id;
    if (keys != nullptr) keys[i] = Fingerprint(d, i);
    if (marks[i] != 0 && d.ner[i].word) {
      s->doc_types.emplace_back(id, MarkTypeBit(marks[i]));
      s->doc_type_filter[id >> 62] |= uint64_t{1} << (id >> 56 & 63);
    }
  }
  std::sort(s->doc_types.begin(), s->doc_types.end());
}

// Every contextual feature of token i: the candidate marks of the token before it, of itself
// and of the one after it (kPadCode beyond the document's edge), as emit_marks(codes) with
// codes[d + 1] the mark seen at offset d, each one feature (MarkHash(code) at offset d); then
// emit(hash, offset) for the others, seen at `offset` (its own: 0). `unseen` (training only):
// token i is read as an unseen word, no document type. The codes are read in place: the marks
// lie between two kPadCode (PrepareContext).
// What ContextFeatures reads of PrepareContext's results, through local pointers (as
// TokenArrays, for the loop that tags, which calls out on a cache miss).
struct ContextArrays {
  ContextArrays(const NerTokens& view, const TaggerRunScratch& s)
      : ner(view.size() == 0 ? nullptr : &view[0]),
        marks(s.marks.data()),
        reading_ids(s.reading_ids.data()),
        types(s.doc_types.data()),
        types_end(s.doc_types.data() + s.doc_types.size()),
        filter(s.doc_type_filter) {}
  const NerToken* ner;
  const uint16_t* marks;
  const uint64_t* reading_ids;
  const std::pair<uint64_t, uint32_t>* types;
  const std::pair<uint64_t, uint32_t>* types_end;
  const uint64_t* filter;
};

// Whether token i has the document-type feature (the types earlier candidates gave its reading
// anywhere in the document), its hash in *hash.
inline bool DocTypesHash(const ContextArrays& s, size_t i, uint64_t* hash, bool unseen = false) {
  if (s.types == s.types_end) return false;  // most sentences: no reading has a document type
  const uint64_t h = s.reading_ids[i];
  if (s.ner[i].word && !unseen && (s.filter[h >> 62] >> (h >> 56 & 63) & 1)) {
    uint32_t types = 0;
    auto it = std::lower_bound(s.types, s.types_end, std::make_pair(h, uint32_t{0}));
    for (; it != s.types_end && it->first == h; ++it) types |= it->second;
    if (types != 0) {
      *hash = Hash(kDocTypes, types);
      return true;
    }
  }
  return false;
}

template <typename EmitMarks, typename Emit>
void ContextFeatures(const ContextArrays& s, size_t i, EmitMarks emit_marks, Emit emit,
                     bool unseen = false) {
  emit_marks(s.marks + i);
  uint64_t types;
  if (DocTypesHash(s, i, &types, unseen)) emit(types, 0);
}

}  // namespace

namespace {

// One token's emission scores (kTagRowWidth int32 lanes) summed in registers: rows of int16
// weights added, each shifted left by kShift, then stored once. With SSE2 a row is added by
// two multiply-adds (pmaddwd) against (1 << kShift, 0) and (0, 1 << kShift) pairs: the
// even lanes sign-extended and shifted into one vector, the odd ones into the other, interleaved
// back when stored (the compiler does not vectorize the widening on its own).
class RowSum {
 public:
  static_assert(kTagRowWidth == 8, "a row is one 16-byte vector");
  void Clear() { *this = RowSum(); }
  template <int kShift>
  void Add(const int16_t* src) {
#if defined(KASHIF_TAGGER_SSE2)
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src));
    even_ = _mm_add_epi32(even_, _mm_madd_epi16(w, _mm_set1_epi32(1 << kShift)));
    odd_ = _mm_add_epi32(odd_, _mm_madd_epi16(w, _mm_set1_epi32((1 << kShift) << 16)));
#else
    for (int y = 0; y < kTagRowWidth; ++y) sums_[y] += int32_t{src[y]} * (1 << kShift);
#endif
  }
  // Lane 0 (label O) set to 0: see WordCache::Entry.
  void ClearFirstLane() {
#if defined(KASHIF_TAGGER_SSE2)
    even_ = _mm_and_si128(even_, _mm_set_epi32(-1, -1, -1, 0));
#else
    sums_[0] = 0;
#endif
  }
  // Adds another sum.
  void Add(const RowSum& other) {
#if defined(KASHIF_TAGGER_SSE2)
    even_ = _mm_add_epi32(even_, other.even_);
    odd_ = _mm_add_epi32(odd_, other.odd_);
#else
    for (int y = 0; y < kTagRowWidth; ++y) sums_[y] += other.sums_[y];
#endif
  }
  void Store(int32_t* dst) const {
#if defined(KASHIF_TAGGER_SSE2)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_unpacklo_epi32(even_, odd_));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst) + 1, _mm_unpackhi_epi32(even_, odd_));
#else
    std::copy(sums_, sums_ + kTagRowWidth, dst);
#endif
  }
  // The sums shifted right by kShift and saturated to int16, as kTagRowWidth lanes (SSE2;
  // the portable form writes the kTagLabelCount lanes alone).
  template <int kShift>
  void StoreInt16(int16_t* dst) const {
#if defined(KASHIF_TAGGER_SSE2)
    const __m128i even = _mm_srai_epi32(even_, kShift);
    const __m128i odd = _mm_srai_epi32(odd_, kShift);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst),
                     _mm_packs_epi32(_mm_unpacklo_epi32(even, odd), _mm_unpackhi_epi32(even, odd)));
#else
    for (int y = 0; y < kTagLabelCount; ++y) {
      dst[y] = static_cast<int16_t>(std::clamp(sums_[y] >> kShift, -32768, 32767));
    }
#endif
  }

 private:
#if defined(KASHIF_TAGGER_SSE2)
  __m128i even_ = _mm_setzero_si128();  // lanes 0, 2, 4, 6
  __m128i odd_ = _mm_setzero_si128();   // lanes 1, 3, 5, 7
#else
  int32_t sums_[kTagRowWidth] = {};
#endif
};

}  // namespace

// A table of words and their lexical sums by offset, eight ways to a set. An entry is found by
// a 64-bit hash of the token's bytes and of everything else its lexical features read (the NER
// classes, the clitics, the reading): its top bits pick the set, its low 32 bits are the tag the
// set's 32-byte line of tags is searched for, and the entry (64 bytes, one cache line) holds
// the rest of it. The sums are kept in int16 units of 16 weight units (saturated), a rounding
// far below the weights' spread, and relative to label O's (Entry). The result depends on the
// word alone, never on what the thread tagged before.
//
// Size: a miss costs some 1,700 instructions (the features hashed, about 35 weight rows read
// from a 1 MB table), a hit a hundred, so the table is large: 64 K entries, 4.3 MB a thread.
// On 1.6 MB of news read over and over (35 K distinct words), a simulation gives a tenth of the
// tokens missing with one way (direct-mapped), 6% with two, 1.4% with eight (each set filled
// first in, first out); measured on the benchmark, 1.1% with eight first in, first out and
// 0.46% with a full set's way refilled at random (the sets that more words share than they
// have ways no longer miss all of them at every pass).
class WordCache {
 public:
  static constexpr int kWays = 8;
  static constexpr int kSetBits = 13;
  static constexpr size_t kSets = size_t{1} << kSetBits;
  static constexpr size_t kEntries = kSets * kWays;
  static constexpr int kShift = 4;
  // A token's emission scores matter only up to a constant (Viterbi adds one score of each
  // token to every path), so an offset's sums are kept relative to label O's: O's is 0 and not
  // kept, the six others less O's (saturated, as the sums are). Five offsets of six int16 and the
  // fingerprint's high half (the set's tag holds the low half) fill one 64-byte line.
  static constexpr int kSumLanes = kTagLabelCount - 1;
  struct alignas(64) Entry {
    // Offset d's sum for label y (1-6) less its sum for O at lanes[(d + kMaxOffset) *
    // kSumLanes + y]; lanes[0] and the last one hold the fingerprint's bits 32-47 and 48-63 (an
    // empty way's tag is 0). An offset is read as kTagRowWidth lanes (Row): its lane 0 is the
    // one before its six (whatever lies there, cleared once the offsets are summed:
    // RowSum::ClearFirstLane), its lane 7 the one after (meaningless).
    int16_t lanes[kOffsets * kSumLanes + 2] = {};
    bool Holds(uint64_t fingerprint) const {
      return (uint32_t{static_cast<uint16_t>(lanes[kOffsets * kSumLanes + 1])} << 16 |
              static_cast<uint16_t>(lanes[0])) == fingerprint >> 32;
    }
    void Key(uint64_t fingerprint) {
      lanes[0] = static_cast<int16_t>(static_cast<uint16_t>(fingerprint >> 32));
      lanes[kOffsets * kSumLanes + 1] = static_cast<int16_t>(static_cast<uint16_t>(fingerprint >> 48));
    }
    // Offset d's lanes as a row of kTagRowWidth int16 (lane 0 not O's: see above).
    const int16_t* Row(int d) const { return lanes + (d + kMaxOffset) * kSumLanes; }
  };
  static_assert(sizeof(Entry) == 64, "an entry is one 64-byte line");
  // A set's tags (the fingerprints' low 32 bits, odd; 0: an empty way), one aligned line.
  struct alignas(32) Set {
    uint32_t tags[kWays] = {};
  };
  uint64_t model_id = 0;
  // The model's row of each mark code's candidate feature at offset d (kMarkCodes x 3, d + 1
  // the second index), and the three rows of the marks of a token with no mark on it or its
  // neighbours summed (most tokens): ContextFeatures' marks without hashing them.
  std::vector<const int16_t*> mark_rows;
  RowSum unmarked;
  alignas(32) int32_t unmarked_lanes[kTagRowWidth] = {};  // the same sum's lanes
  std::vector<Set> sets;
  // Each set's ways filled so far (filled in order), and the state of the sequence that picks
  // a full set's way to refill (a linear congruential one): at random, not first in, first
  // out, so a set that more words share than it has ways is not emptied of all of them in turn
  // when they come round again (as the sentences of a text read over and over do).
  std::vector<uint8_t> filled;
  uint64_t victims = 0;
  std::vector<Entry> entries;
  // Emissions' entries looked up ahead, a token each (grown with the longest document, never
  // shrunk); an entry a miss refilled since may no longer be the token's.
  std::vector<Entry*> found;
  // The buckets of the features made of a small number (LexicalFeatures' emit_value, values
  // below kValues) at each offset: value_buckets[(template * kValues + value) * kOffsets + d +
  // kMaxOffset]. A missed word's class bits, shape, length, clitics and bias without hashing.
  static constexpr uint64_t kValues = 256;
  static constexpr int kTemplates = kDocTypes + 1;
  std::vector<uint32_t> value_buckets;
  const uint32_t* ValueBuckets(Template t, uint64_t value) const {
    return &value_buckets[(t * kValues + value) * kOffsets];
  }

  void Reset(const TaggerModel& model) {
    sets.assign(kSets, Set());
    filled.assign(kSets, 0);
    victims = 0;
    entries.assign(kEntries, Entry());
    mark_rows.resize(size_t{kMarkCodes} * 3);
    for (uint16_t code = 0; code < kMarkCodes; ++code) {
      for (int d = -1; d <= 1; ++d) {
        mark_rows[code * 3u + static_cast<unsigned>(d + 1)] =
            model.rows_data() +
            size_t{FeatureBucket(MarkHash(code), d, model.bucket_mask())} * kTagRowWidth;
      }
    }
    unmarked = RowSum();
    for (size_t d = 0; d < 3; ++d) unmarked.Add<0>(mark_rows[d]);
    unmarked.Store(unmarked_lanes);
    value_buckets.resize(kTemplates * kValues * kOffsets);
    for (int t = 0; t < kTemplates; ++t) {
      for (uint64_t value = 0; value < kValues; ++value) {
        const uint64_t h = Hash(static_cast<Template>(t), value);
        uint32_t* out = &value_buckets[(t * kValues + value) * kOffsets];
        for (int d = -kMaxOffset; d <= kMaxOffset; ++d) {
          out[d + kMaxOffset] = FeatureBucket(h, d, model.bucket_mask());
        }
      }
    }
    model_id = model.id();
  }
  static size_t SetOf(uint64_t fingerprint) { return fingerprint >> (64 - kSetBits); }
  // The entry holding `fingerprint`, or null.
  Entry* Find(uint64_t fingerprint) {
    const size_t set = SetOf(fingerprint);
    const int way = Way(sets[set], static_cast<uint32_t>(fingerprint));
    if (way < 0) return nullptr;
    Entry& entry = entries[set * kWays + static_cast<size_t>(way)];
    return entry.Holds(fingerprint) ? &entry : nullptr;
  }
  // The entry to fill for a missed `fingerprint`: the way whose tag it shares (so a set never
  // holds a tag twice), else an empty way, else one at random (`victims`); never one of the
  // `kept` entries in `keep` (those of tokens still being summed). Tagged here; the caller
  // fills the sums.
  Entry& Take(uint64_t fingerprint, const Entry* const* keep, int kept) {
    const size_t set = SetOf(fingerprint);
    const uint32_t tag = static_cast<uint32_t>(fingerprint);
    Entry* ways = &entries[set * kWays];
    auto in_use = [&](int way) { return std::find(keep, keep + kept, ways + way) != keep + kept; };
    int way = Way(sets[set], tag);
    if (way < 0 || in_use(way)) {
      // A kept entry of the same tag (two fingerprints alike in 45 bits) stays, and this word
      // then always misses: slower, never wrong, as a hit compares the whole fingerprint.
      if (filled[set] < kWays) {
        way = filled[set]++;  // never kept: a kept entry is a filled way
      } else {
        victims = victims * 6364136223846793005u + 1442695040888963407u;
        way = static_cast<int>(victims >> 61);
        while (in_use(way)) way = (way + 1) % kWays;
      }
      sets[set].tags[way] = tag;
    }
    ways[way].Key(fingerprint);
    return ways[way];
  }

  // The way of `set` tagged `tag`, or -1.
  static int Way(const Set& set, uint32_t tag) {
    static_assert(kWays == 8, "two vectors of four tags");
#if defined(KASHIF_TAGGER_SSE2)
    const __m128i t = _mm_set1_epi32(static_cast<int>(tag));
    const __m128i* p = reinterpret_cast<const __m128i*>(set.tags);
    const int mask =
        _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(_mm_load_si128(p), t))) |
        _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(_mm_load_si128(p + 1), t))) << 4;
    return mask == 0 ? -1 : __builtin_ctz(static_cast<unsigned>(mask));
#else
    for (int w = 0; w < kWays; ++w) {
      if (set.tags[w] == tag) return w;
    }
    return -1;
#endif
  }
};

// An offset's sums (kTagRowWidth int16 lanes, O's first) less O's, saturated, into out[1]
// .. out[kTagLabelCount - 1] (a WordCache::Entry's six lanes of that offset; out[0] and
// out[kTagLabelCount] are the neighbouring offsets' and are left as they are).
inline void RelativeToO(const int16_t* lanes, int16_t* out) {
#if defined(KASHIF_TAGGER_SSE2)
  const __m128i row = _mm_load_si128(reinterpret_cast<const __m128i*>(lanes));
  const __m128i o = _mm_set1_epi16(lanes[0]);
  alignas(16) int16_t relative[kTagRowWidth];
  _mm_store_si128(reinterpret_cast<__m128i*>(relative), _mm_subs_epi16(row, o));
  std::memcpy(out + 1, relative + 1, WordCache::kSumLanes * sizeof(int16_t));
#else
  for (int y = 1; y < kTagLabelCount; ++y) {
    out[y] = static_cast<int16_t>(std::clamp(int32_t{lanes[y]} - lanes[0], -32768, 32767));
  }
#endif
}

TaggerRunScratch::TaggerRunScratch() : cache(std::make_unique<WordCache>()) {}
TaggerRunScratch::~TaggerRunScratch() = default;
TaggerRunScratch::TaggerRunScratch(TaggerRunScratch&&) noexcept = default;
TaggerRunScratch& TaggerRunScratch::operator=(TaggerRunScratch&&) noexcept = default;

void TaggerFeatures::Extract(const Document& doc, const NerTokens& view,
                             const std::vector<Candidate>& prior, uint32_t bucket_mask,
                             TaggerRunScratch* scratch, FeatureSequence* out,
                             const std::vector<uint8_t>* unseen) const {
  const size_t n = doc.tokens.size();
  PrepareContext(doc, view, prior, scratch, unseen);
  const ContextArrays context(view, *scratch);
  auto hidden = [unseen](size_t i) { return unseen != nullptr && (*unseen)[i] != 0; };
  std::vector<std::vector<uint32_t>> per_token(n);
  for (size_t j = 0; j < n; ++j) {
    auto emit = [&](uint64_t h, Reach reach) {
      const int r = ReachOffsets(reach);
      for (int d = -r; d <= r; ++d) {
        // Token j seen from token i = j - d, at offset d.
        const ptrdiff_t i = static_cast<ptrdiff_t>(j) - d;
        if (i >= 0 && i < static_cast<ptrdiff_t>(n)) {
          per_token[static_cast<size_t>(i)].push_back(FeatureBucket(h, d, bucket_mask));
        }
      }
    };
    if (hidden(j)) {
      LexicalFeatures<true>(doc, view, j, emit, HashedValues(emit));
    } else {
      LexicalFeatures(doc, view, j, emit, HashedValues(emit));
    }
  }
  out->Clear();
  for (size_t i = 0; i < n; ++i) {
    auto emit = [&](uint64_t h, int d) {
      per_token[i].push_back(FeatureBucket(h, d, bucket_mask));
    };
    auto emit_marks = [&](const uint16_t* codes) {
      for (int d = -1; d <= 1; ++d) emit(MarkHash(codes[d + 1]), d);
    };
    ContextFeatures(context, i, emit_marks, emit, hidden(i));
    out->buckets.insert(out->buckets.end(), per_token[i].begin(), per_token[i].end());
    out->EndToken();
  }
}

namespace {

// The most features a token has at one offset: 16 made of bytes or values (at offset 0) and
// three sets of class bits (reading_flags, flags, bare_flags: 32 bits each).
constexpr int kMaxRowsAtOffset = 16 + 3 * 32;

// Token j's lexical features' rows by offset, each fetched as soon as its bucket is known (the
// small numbers' buckets from the cache's table): FillEntry's first half.
struct PickedRows {
  const int16_t* rows[kOffsets][kMaxRowsAtOffset];
  int count[kOffsets] = {};
};

void PickRows(const Document& doc, const NerTokens& view, size_t j, const TaggerModel& model,
              const WordCache& cache, PickedRows* picked) {
  const uint32_t mask = model.bucket_mask();
  const int16_t* rows = model.rows_data();
  auto add = [&](int d, uint32_t bucket) {
    const int16_t* row = rows + size_t{bucket} * kTagRowWidth;
    __builtin_prefetch(row);
    picked->rows[d + kMaxOffset][picked->count[d + kMaxOffset]++] = row;
  };
  auto emit = [&](uint64_t h, Reach reach) {
    const int r = ReachOffsets(reach);
    for (int d = -r; d <= r; ++d) add(d, FeatureBucket(h, d, mask));
  };
  auto emit_value = [&](Template t, uint64_t value, Reach reach) {
    if (value >= WordCache::kValues) return emit(Hash(t, value), reach);
    const uint32_t* buckets = cache.ValueBuckets(t, value) + kMaxOffset;
    const int r = ReachOffsets(reach);
    for (int d = -r; d <= r; ++d) add(d, buckets[d]);
  };
  LexicalFeatures(doc, view, j, emit, emit_value);
}

}  // namespace

// Emissions' loop, in an SSE2 (or portable) form and in an AVX2 one.
namespace {
namespace plain {

inline void AddUnmarked(const WordCache& cache, RowSum* sum) { sum->Add(cache.unmarked); }
inline int Way(const WordCache::Set& set, uint32_t tag) { return WordCache::Way(set, tag); }

#include "match/ner/tagger_emissions.inc"

}  // namespace plain

#if defined(KASHIF_TAGGER_AVX2_SUMS)
#pragma GCC push_options
#pragma GCC target("avx2")
namespace avx2 {

// RowSum with a row's eight lanes widened to int32 in one AVX2 register (vpmovsxwd), the rows
// shifted by kShift and the others summed apart and joined when stored: the same sums as the
// SSE2 RowSum (sum of (x << k) is (sum of x) << k in wrapping int32 arithmetic).
class RowSum {
 public:
  // Defined here (an implicit one would not be compiled for AVX2).
  RowSum() : shifted_(_mm256_setzero_si256()), plain_(_mm256_setzero_si256()) {}
  void Clear() {
    shifted_ = _mm256_setzero_si256();
    plain_ = _mm256_setzero_si256();
  }
  template <int kShift>
  void Add(const int16_t* src) {
    static_assert(kShift == 0 || kShift == WordCache::kShift, "two shifts, two sums");
    const __m256i w = _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src)));
    if constexpr (kShift == 0) {
      plain_ = _mm256_add_epi32(plain_, w);
    } else {
      shifted_ = _mm256_add_epi32(shifted_, w);
    }
  }
  // Lane 0 of the rows added with kShift set to 0 (see WordCache::Entry).
  void ClearFirstLane() { shifted_ = _mm256_blend_epi32(shifted_, _mm256_setzero_si256(), 1); }
  void AddLanes(const int32_t* lanes) {
    plain_ = _mm256_add_epi32(plain_, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(lanes)));
  }
  void Store(int32_t* dst) const { _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst), Sum()); }
  // The sums shifted right by kShift and saturated to int16, as kTagRowWidth lanes.
  template <int kShift>
  void StoreInt16(int16_t* dst) const {
    const __m256i sum = _mm256_srai_epi32(Sum(), kShift);
    _mm_storeu_si128(
        reinterpret_cast<__m128i*>(dst),
        _mm_packs_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1)));
  }

 private:
  __m256i Sum() const {
    return _mm256_add_epi32(_mm256_slli_epi32(shifted_, WordCache::kShift), plain_);
  }
  __m256i shifted_;
  __m256i plain_;
};

inline void AddUnmarked(const WordCache& cache, RowSum* sum) {
  sum->AddLanes(cache.unmarked_lanes);
}

// The way of `set` tagged `tag`, or -1 (WordCache's search, eight tags in one compare).
inline int Way(const WordCache::Set& set, uint32_t tag) {
  const __m256i equal = _mm256_cmpeq_epi32(
      _mm256_load_si256(reinterpret_cast<const __m256i*>(set.tags)),
      _mm256_set1_epi32(static_cast<int>(tag)));
  const int mask = _mm256_movemask_ps(_mm256_castsi256_ps(equal));
  return mask == 0 ? -1 : __builtin_ctz(static_cast<unsigned>(mask));
}

#include "match/ner/tagger_emissions.inc"

}  // namespace avx2
#pragma GCC pop_options
#endif
}  // namespace

void TaggerFeatures::Emissions(const Document& doc, const NerTokens& view,
                               const std::vector<Candidate>& prior, const TaggerModel& model,
                               TaggerRunScratch* scratch, std::vector<int32_t>* emissions) const {
  const size_t n = doc.tokens.size();
  PrepareContext(doc, view, prior, scratch, nullptr, &scratch->fingerprints);
  const uint64_t* const fingerprints = scratch->fingerprints.data();  // n of them
  const ContextArrays context(view, *scratch);
  emissions->resize(n * kTagRowWidth);
  WordCache& cache = *scratch->cache;
  if (cache.model_id != model.id() || cache.entries.empty()) cache.Reset(model);
#if defined(KASHIF_TAGGER_AVX2_SUMS)
  if (TaggerHasAvx2()) {
    return avx2::SumEmissions(doc, view, model, context, fingerprints, cache, emissions->data());
  }
#endif
  plain::SumEmissions(doc, view, model, context, fingerprints, cache, emissions->data());
}

}  // namespace kashif::internal
