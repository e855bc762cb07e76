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

namespace kashif::internal {

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
  std::vector<int32_t> scores;  // token x label
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
  // The best label sequence (BIO-valid) for `n` tokens with these emission scores
  // (n x kTagLabelCount), into *labels.
  void Decode(const int32_t* emissions, size_t n, DecodeScratch* scratch,
              std::vector<uint8_t>* labels) const;

  // Tells models apart (a per-thread cache of sums belongs to one model); unique per process.
  uint64_t id() const { return id_; }
  const int16_t* weights_data() const { return weights_.data(); }

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
  std::vector<int16_t> transitions_;  // (kTagLabelCount + 1) x kTagLabelCount
};

// The Viterbi search shared by the model (int32 scores) and the trainer (int64):
// `emission(t, label)` and `transition(previous, label)` (previous kTagLabelCount: the start)
// give scores. Forbidden transitions are never taken.
template <typename Score, typename Emission, typename Transition>
void ViterbiDecode(size_t n, Emission emission, Transition transition, std::vector<Score>* scores,
                   std::vector<uint8_t>* labels) {
  constexpr int L = kTagLabelCount;
  const Score kForbidden = std::numeric_limits<Score>::lowest() / 4;
  labels->assign(n, kTagO);
  if (n == 0) return;
  // The transitions once, forbidden ones far below any path, so the search needs no test.
  Score tr[L + 1][L];
  for (int p = 0; p <= L; ++p) {
    for (int y = 0; y < L; ++y) {
      tr[p][y] = AllowedTransition(p == L ? -1 : p, y) ? transition(p, y) : kForbidden;
    }
  }
  // Forward: each label's best score over its predecessors, label by label across the row (the
  // inner loop has no dependence between labels). The predecessor itself is found again on the
  // way back, for one label per token.
  scores->resize(n * L);
  Score* s = scores->data();
  for (int y = 0; y < L; ++y) s[y] = emission(0, y) + tr[L][y];
  for (size_t t = 1; t < n; ++t) {
    const Score* prev = s + (t - 1) * L;
    Score* cur = s + t * L;
    Score best[L];
    for (int y = 0; y < L; ++y) best[y] = prev[0] + tr[0][y];
    for (int p = 1; p < L; ++p) {
      for (int y = 0; y < L; ++y) best[y] = std::max(best[y], prev[p] + tr[p][y]);
    }
    // Keep a forbidden score from sinking further (it must not wrap around).
    for (int y = 0; y < L; ++y) cur[y] = std::max(best[y], kForbidden) + emission(t, y);
  }
  const Score* last = s + (n - 1) * L;
  int y = 0;
  for (int c = 1; c < L; ++c) {
    if (last[c] > last[y]) y = c;
  }
  for (size_t t = n; t-- > 0;) {
    (*labels)[t] = static_cast<uint8_t>(y);
    if (t == 0) break;
    // The predecessor that gave y its score (the first of equals, as the forward pass kept).
    const Score* prev = s + (t - 1) * L;
    int best = 0;
    for (int p = 1; p < L; ++p) {
      if (prev[p] + tr[p][y] > prev[best] + tr[best][y]) best = p;
    }
    y = best;
  }
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_MODEL_H_
