// The trained NER tagger's model: a linear sequence model over hashed features, BIO labels for
// PER / ORG / LOC, decoded with Viterbi under the BIO constraints (an I-X only after a B-X or an
// I-X). It knows nothing of text: a token is the list of its feature buckets (see
// tagger_features.h for how a token's features are hashed into buckets).
//
// The file form (little-endian):
//   "KASHIFTG"                 8 bytes of magic
//   uint32 format version      kTaggerFormatVersion
//   uint32 feature version     the feature scheme the weights were trained with
//   uint32 label count         kTagLabelCount
//   uint32 hash bits           the table has 2^bits buckets of kTagLabelCount weights
//   float32 scale              real weight = stored int16 * scale (decoding does not need it)
//   uint32 payload size, uint32 payload checksum (FNV-1a)
//   payload: the transitions (kTagLabelCount + 1 rows, the last one the sentence start) as
//   int16, then the non-zero table weights as (gap, value) pairs of varints (value zigzag).
//
// In memory the table is kept twice: as the file has it (weights(), kTagLabelCount a bucket, for
// the trainer and Serialize) and, once parsed, as rows of kTagRowWidth lanes (rows_data(), the
// last lane 0) that tagging reads: a row is 16 aligned bytes, one load, never split across two
// cache lines.
//
// Thread safety: immutable once parsed; Decode() may run concurrently.
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_MODEL_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_MODEL_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"

// The tagger's sums and Viterbi use SSE2 where the compiler targets it (every x86-64), and a
// portable loop with the same results elsewhere. KASHIF_NO_SIMD forces the portable loop: the
// ASan+UBSan build (CMakePresets.json) sets it, so the suite checks that path too.
#if defined(__SSE2__) && !defined(KASHIF_NO_SIMD)
#define KASHIF_TAGGER_SSE2 1
#endif
// On x86 with GCC or Clang (not MSVC), Viterbi also has an AVX2 form (a token's eight int32
// lanes in one register; each label's best predecessor found on the way forward, off the path
// one token's scores wait on), and with GCC the emission sums too (tagger_features.cc), chosen at run time where the
// CPU has it (TaggerHasAvx2()); the same integer operations, so the same results.
#if defined(KASHIF_TAGGER_SSE2) && (defined(__x86_64__) || defined(__i386__)) && \
    (defined(__GNUC__) || defined(__clang__)) && !defined(_MSC_VER)
#define KASHIF_TAGGER_AVX2 1
#endif

namespace kashif::internal {

#if defined(KASHIF_TAGGER_AVX2)
// Whether the AVX2 forms run: this CPU has AVX2 (asked once) and tests did not turn them off.
bool TaggerHasAvx2();
// For tests: run the SSE2 forms even where the CPU has AVX2 (false: the CPU decides again).
void SetTaggerAvx2Off(bool off);
#endif

// O, then B and I for each type.
enum TagLabel : uint8_t {
  kTagO = 0,
  kTagBPer = 1,
  kTagIPer = 2,
  kTagBOrg = 3,
  kTagIOrg = 4,
  kTagBLoc = 5,
  kTagILoc = 6,
};
inline constexpr int kTagLabelCount = 7;
// The labels of a bucket or of a token's emission scores padded to eight lanes at run time.
inline constexpr int kTagRowWidth = 8;
inline constexpr uint32_t kTaggerFormatVersion = 1;
inline constexpr int kMinHashBits = 8;
inline constexpr int kMaxHashBits = 22;

inline bool IsBegin(int label) { return label != kTagO && (label & 1) == 1; }
inline bool IsInside(int label) { return label != kTagO && (label & 1) == 0; }
// B-X for X's type (kPerson, kOrganization, kPlace).
int BeginLabel(EntityType type);
EntityType LabelType(int label);
// False where the BIO scheme forbids `label` after `previous` (-1: the sentence start).
bool AllowedTransition(int previous, int label);

// Tokens for decoding and training: token t's feature buckets are
// buckets[starts[t] .. starts[t + 1]).
struct FeatureSequence {
  std::vector<uint32_t> buckets;
  std::vector<uint32_t> starts = {0};

  size_t size() const { return starts.size() - 1; }
  void Clear() {
    buckets.clear();
    starts.assign(1, 0);
  }
  void EndToken() { starts.push_back(static_cast<uint32_t>(buckets.size())); }
};

// Per-thread scratch for Decode (kept to reuse its memory).
struct DecodeScratch {
  std::vector<int32_t> scores;  // each token's best predecessors (Decode)
};

class TaggerModel {
 public:
  TaggerModel() = default;
  // An all-zero model (it tags everything O) with 2^hash_bits buckets.
  TaggerModel(int hash_bits, uint32_t feature_version);

  // Parses the file form. Errors name `source` and say what is wrong (not a kashif tagger
  // model, another format or feature version, truncated, corrupt).
  static StatusOr<TaggerModel> Parse(std::string_view bytes, std::string_view source,
                                     uint32_t expected_feature_version);
  std::string Serialize() const;

  int hash_bits() const { return hash_bits_; }
  uint32_t bucket_mask() const { return (uint32_t{1} << hash_bits_) - 1; }
  uint32_t feature_version() const { return feature_version_; }
  float scale() const { return scale_; }

  // The emission scores (tokens x kTagLabelCount) of the tokens of `features`.
  void Emissions(const FeatureSequence& features, std::vector<int32_t>* emissions) const;
  // The best label sequence (BIO-valid) for `n` tokens with these emission scores (token t's
  // label y at emissions[t * stride + y]), into *labels.
  void Decode(const int32_t* emissions, size_t n, DecodeScratch* scratch,
              std::vector<uint8_t>* labels, size_t stride = kTagLabelCount) const;

  // Tells models apart (a per-thread cache of sums belongs to one model); unique per process.
  uint64_t id() const { return id_; }
  const int16_t* weights_data() const { return weights_.data(); }
  // The table for tagging: bucket b's weights at rows_data()[b * kTagRowWidth + label], lane
  // kTagLabelCount 0. Made by Parse() (and the all-zero constructor), with the transitions'
  // own rows for Decode(): a model whose weights() or transitions() are edited in memory is
  // tagged with (emission rows of kTagRowWidth) after Serialize() and Parse(), as the library
  // does.
  const int16_t* rows_data() const { return rows_.data(); }

  // For the trainer: weights are int16, the table bucket-major (bucket * kTagLabelCount + label).
  std::vector<int16_t>& weights() { return weights_; }
  std::vector<int16_t>& transitions() { return transitions_; }
  void set_scale(float scale) { scale_ = scale; }

 private:
  static uint64_t NextId();
  uint64_t id_ = NextId();
  int hash_bits_ = 0;
  uint32_t feature_version_ = 0;
  float scale_ = 1.0f;
  std::vector<int16_t> weights_;
  std::vector<int16_t> rows_;  // weights_ in rows of kTagRowWidth (see rows_data())
  std::vector<int16_t> transitions_;  // (kTagLabelCount + 1) x kTagLabelCount
  // transitions_ for Decode over rows of kTagRowWidth: int32 rows of kTagRowWidth, a forbidden
  // transition (and the padding lane) far below any path. Made with rows_.
  void MakeTransitionRows();
  std::vector<int32_t> transition_rows_;
};

// The Viterbi search shared by the model (int32 scores) and the trainer (int64):
// `emission(t, label)` and `transition(previous, label)` (previous kTagLabelCount: the start)
// give scores. Forbidden transitions are never taken. *scores is its scratch: one entry per
// token, the best predecessor of each label packed 3 bits a label.
template <typename Score, typename Emission, typename Transition>
void ViterbiDecode(size_t n, Emission emission, Transition transition, std::vector<Score>* scores,
                   std::vector<uint8_t>* labels) {
  constexpr int L = kTagLabelCount;
  static_assert(L == 7 && kTagO == 0 && kTagBPer == 1 && kTagIPer == 2,
                "O, then B-X and I-X for three types: the loops below are unrolled for that");
  const Score kForbidden = std::numeric_limits<Score>::lowest() / 4;
  labels->assign(n, kTagO);
  if (n == 0) return;
  // The transitions once, forbidden ones far below any path (the start to an I-X).
  Score tr[L + 1][L];
  for (int p = 0; p <= L; ++p) {
    for (int y = 0; y < L; ++y) {
      tr[p][y] = AllowedTransition(p == L ? -1 : p, y) ? transition(p, y) : kForbidden;
    }
  }
  // Forward, one token's scores at a time. O and each B-X may follow any label: all seven are
  // tried. An I-X only follows its B-X or itself: only those two are tried (a forbidden
  // predecessor starts kForbidden below the B-X, which is always reachable, and never wins).
  // Each label's best predecessor, the first of equals, is kept for the way back.
  scores->resize(n);
  Score* back = scores->data();
  Score prev[L];
  Score cur[L];
  for (int y = 0; y < L; ++y) prev[y] = emission(0, y) + tr[L][y];
  for (size_t t = 1; t < n; ++t) {
    uint32_t from = 0;
    for (int k = 0; k < 4; ++k) {
      const int y = k == 0 ? kTagO : 2 * k - 1;
      Score best = prev[0] + tr[0][y];
      uint32_t arg = 0;
      for (int p = 1; p < L; ++p) {
        const Score v = prev[p] + tr[p][y];
        arg = v > best ? static_cast<uint32_t>(p) : arg;
        best = v > best ? v : best;
      }
      // Keep a forbidden score from sinking further (it must not wrap around).
      cur[y] = std::max(best, kForbidden) + emission(t, y);
      from |= arg << (3 * y);
    }
    for (int y = 2; y < L; y += 2) {
      const Score begin = prev[y - 1] + tr[y - 1][y];
      const Score inside = prev[y] + tr[y][y];
      cur[y] = std::max(std::max(begin, inside), kForbidden) + emission(t, y);
      from |= static_cast<uint32_t>(inside > begin ? y : y - 1) << (3 * y);
    }
    back[t] = static_cast<Score>(from);
    std::copy(cur, cur + L, prev);
  }
  int y = 0;
  for (int c = 1; c < L; ++c) {
    if (prev[c] > prev[y]) y = c;
  }
  for (size_t t = n; t-- > 1;) {
    (*labels)[t] = static_cast<uint8_t>(y);
    y = static_cast<int>((static_cast<uint32_t>(back[t]) >> (3 * y)) & 7);
  }
  (*labels)[0] = static_cast<uint8_t>(y);
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_MODEL_H_
