#include "match/ner/tagger_model.h"

#include <atomic>
#include <cstring>
#include <limits>

#if defined(KASHIF_TAGGER_SSE2)
#include <emmintrin.h>
#endif
#if defined(KASHIF_TAGGER_AVX2)
#include <immintrin.h>
#endif

namespace kashif::internal {
namespace {

constexpr char kMagic[8] = {'K', 'A', 'S', 'H', 'I', 'F', 'T', 'G'};
constexpr size_t kHeaderSize = 8 + 4 * 7;
constexpr size_t kTransitionCount = (kTagLabelCount + 1) * kTagLabelCount;

uint32_t Fnv1a(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}

void PutVarint(uint32_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// False on a varint that runs past the end or over 32 bits.
bool GetVarint(std::string_view bytes, size_t* pos, uint32_t* v) {
  *v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (*pos >= bytes.size()) return false;
    const unsigned char c = static_cast<unsigned char>(bytes[(*pos)++]);
    if (shift == 28 && (c & 0x70) != 0) return false;
    *v |= uint32_t{c & 0x7fu} << shift;
    if ((c & 0x80) == 0) return true;
  }
  return false;
}

Status Invalid(std::string_view source, const std::string& reason) {
  return Status(StatusCode::kInvalidArgument,
                std::string(source) + ": not a usable kashif tagger model: " + reason);
}

}  // namespace

int BeginLabel(EntityType type) {
  switch (type) {
    case EntityType::kOrganization:
      return kTagBOrg;
    case EntityType::kPlace:
      return kTagBLoc;
    default:
      return kTagBPer;
  }
}

EntityType LabelType(int label) {
  if (label == kTagBOrg || label == kTagIOrg) return EntityType::kOrganization;
  if (label == kTagBLoc || label == kTagILoc) return EntityType::kPlace;
  return EntityType::kPerson;
}

bool AllowedTransition(int previous, int label) {
  if (!IsInside(label)) return true;
  return previous == label || previous == label - 1;
}

TaggerModel::TaggerModel(int hash_bits, uint32_t feature_version)
    : hash_bits_(hash_bits),
      feature_version_(feature_version),
      weights_(size_t{kTagLabelCount} << hash_bits, 0),
      rows_(size_t{kTagRowWidth} << hash_bits, 0),
      transitions_(kTransitionCount, 0) {
  MakeTransitionRows();
}

void TaggerModel::MakeTransitionRows() {
  const int32_t kForbidden = std::numeric_limits<int32_t>::lowest() / 4;
  transition_rows_.assign((kTagLabelCount + 1) * kTagRowWidth, kForbidden);
  for (int p = 0; p <= kTagLabelCount; ++p) {
    for (int y = 0; y < kTagLabelCount; ++y) {
      if (AllowedTransition(p == kTagLabelCount ? -1 : p, y)) {
        transition_rows_[p * kTagRowWidth + y] = transitions_[p * kTagLabelCount + y];
      }
    }
  }
}

std::string TaggerModel::Serialize() const {
  std::string payload;
  for (int16_t t : transitions_) {
    payload.push_back(static_cast<char>(static_cast<uint16_t>(t) & 0xff));
    payload.push_back(static_cast<char>(static_cast<uint16_t>(t) >> 8));
  }
  size_t last = 0;
  bool first = true;
  for (size_t i = 0; i < weights_.size(); ++i) {
    if (weights_[i] == 0) continue;
    // The gap from the previous non-zero weight (the first one's index itself).
    PutVarint(static_cast<uint32_t>(first ? i : i - last), &payload);
    const int32_t w = weights_[i];
    PutVarint((static_cast<uint32_t>(w) << 1) ^ static_cast<uint32_t>(w >> 31), &payload);
    last = i;
    first = false;
  }
  std::string out(kMagic, sizeof(kMagic));
  PutU32(kTaggerFormatVersion, &out);
  PutU32(feature_version_, &out);
  PutU32(kTagLabelCount, &out);
  PutU32(static_cast<uint32_t>(hash_bits_), &out);
  uint32_t scale_bits;
  std::memcpy(&scale_bits, &scale_, 4);
  PutU32(scale_bits, &out);
  PutU32(static_cast<uint32_t>(payload.size()), &out);
  PutU32(Fnv1a(payload), &out);
  return out + payload;
}

StatusOr<TaggerModel> TaggerModel::Parse(std::string_view bytes, std::string_view source,
                                         uint32_t expected_feature_version) {
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return Invalid(source, "it does not start with the KASHIFTG signature");
  }
  if (bytes.size() < kHeaderSize) return Invalid(source, "the file is truncated (header)");
  const char* h = bytes.data() + sizeof(kMagic);
  const uint32_t format = GetU32(h);
  const uint32_t features = GetU32(h + 4);
  const uint32_t labels = GetU32(h + 8);
  const uint32_t bits = GetU32(h + 12);
  const uint32_t scale_bits = GetU32(h + 16);
  const uint32_t payload_size = GetU32(h + 20);
  const uint32_t checksum = GetU32(h + 24);
  if (format != kTaggerFormatVersion) {
    return Invalid(source, "file format version " + std::to_string(format) +
                               ", this kashif reads " + std::to_string(kTaggerFormatVersion));
  }
  if (features != expected_feature_version) {
    return Invalid(source, "trained with feature version " + std::to_string(features) +
                               ", this kashif computes version " +
                               std::to_string(expected_feature_version) + " (retrain it)");
  }
  if (labels != kTagLabelCount) {
    return Invalid(source,
                   std::to_string(labels) + " labels, expected " + std::to_string(kTagLabelCount));
  }
  if (bits < kMinHashBits || bits > kMaxHashBits) {
    return Invalid(source, "hash table size 2^" + std::to_string(bits) + " out of range");
  }
  std::string_view payload = bytes.substr(kHeaderSize);
  if (payload.size() < payload_size) return Invalid(source, "the file is truncated");
  if (payload.size() > payload_size) return Invalid(source, "bytes follow the model's end");
  if (Fnv1a(payload) != checksum) return Invalid(source, "checksum mismatch (corrupt file)");
  if (payload.size() < kTransitionCount * 2) return Invalid(source, "transitions missing");

  TaggerModel model(static_cast<int>(bits), features);
  std::memcpy(&model.scale_, &scale_bits, 4);
  for (size_t i = 0; i < kTransitionCount; ++i) {
    const uint16_t lo = static_cast<unsigned char>(payload[2 * i]);
    const uint16_t hi = static_cast<unsigned char>(payload[2 * i + 1]);
    model.transitions_[i] = static_cast<int16_t>(static_cast<uint16_t>(lo | hi << 8));
  }
  size_t pos = kTransitionCount * 2;
  size_t index = 0;
  bool first = true;
  while (pos < payload.size()) {
    uint32_t gap = 0;
    uint32_t zigzag = 0;
    if (!GetVarint(payload, &pos, &gap) || !GetVarint(payload, &pos, &zigzag)) {
      return Invalid(source, "a weight entry is cut short");
    }
    if (!first && gap == 0) return Invalid(source, "weights out of order");
    index = first ? gap : index + gap;
    first = false;
    const int32_t w = static_cast<int32_t>(zigzag >> 1) ^ -static_cast<int32_t>(zigzag & 1);
    if (index >= model.weights_.size() || w < -32768 || w > 32767) {
      return Invalid(source, "a weight lies outside the table");
    }
    model.weights_[index] = static_cast<int16_t>(w);
    model.rows_[index / kTagLabelCount * kTagRowWidth + index % kTagLabelCount] =
        static_cast<int16_t>(w);
  }
  model.MakeTransitionRows();
  return model;
}

uint64_t TaggerModel::NextId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

void TaggerModel::Emissions(const FeatureSequence& features,
                            std::vector<int32_t>* emissions) const {
  const size_t n = features.size();
  emissions->assign(n * kTagLabelCount, 0);
  for (size_t t = 0; t < n; ++t) {
    int32_t* row = emissions->data() + t * kTagLabelCount;
    for (uint32_t k = features.starts[t]; k < features.starts[t + 1]; ++k) {
      const int16_t* w = weights_.data() + size_t{features.buckets[k]} * kTagLabelCount;
      for (int y = 0; y < kTagLabelCount; ++y) row[y] += w[y];
    }
  }
}

#if defined(KASHIF_TAGGER_SSE2)
namespace {

// a where mask, else b (SSE2 has no blend).
inline __m128i Select(__m128i mask, __m128i a, __m128i b) {
  return _mm_or_si128(_mm_and_si128(mask, a), _mm_andnot_si128(mask, b));
}

// Lane P of the eight lanes lo:hi, in every lane.
template <int P>
inline __m128i Broadcast(__m128i lo, __m128i hi) {
  if constexpr (P < 4) {
    return _mm_shuffle_epi32(lo, P * 0x55);
  } else {
    return _mm_shuffle_epi32(hi, (P - 4) * 0x55);
  }
}

// Each label's score from one predecessor (lo:hi) and that predecessor's index.
struct Path {
  __m128i lo, hi, from_lo, from_hi;
};

// Predecessor P's scores: its previous score plus its transitions to every label.
template <int P>
inline Path From(__m128i prev_lo, __m128i prev_hi, const int32_t* tr) {
  const __m128i source = Broadcast<P>(prev_lo, prev_hi);
  const __m128i* row = reinterpret_cast<const __m128i*>(tr + P * kTagRowWidth);
  const __m128i index = _mm_set1_epi32(P);
  return {_mm_add_epi32(source, _mm_loadu_si128(row)),
          _mm_add_epi32(source, _mm_loadu_si128(row + 1)), index, index};
}

// The better of two, label by label; `a` holds the lower predecessors, so on equal scores it
// stays (the first of equals, as the generic search keeps).
inline Path Better(const Path& a, const Path& b) {
  const __m128i lo = _mm_cmpgt_epi32(b.lo, a.lo);
  const __m128i hi = _mm_cmpgt_epi32(b.hi, a.hi);
  return {Select(lo, b.lo, a.lo), Select(hi, b.hi, a.hi), Select(lo, b.from_lo, a.from_lo),
          Select(hi, b.from_hi, a.from_hi)};
}

// Far below any path: a forbidden transition's score in the rows, and the floor of a score.
constexpr int32_t kRowForbidden = std::numeric_limits<int32_t>::lowest() / 4;

// The start of DecodeRows: `n` labels (each written by FollowBack), and room
// in `scratch` for each token's best predecessors, one byte a label (kTagRowWidth bytes: two
// int32), returned (null when there is no token). The scratch is grown, never shrunk: no
// zero-fill of the part a longer text adds after a shorter one.
uint8_t* StartRows(size_t n, std::vector<int32_t>* scratch, std::vector<uint8_t>* labels) {
  labels->resize(n);
  if (n == 0) return nullptr;
  if (scratch->size() < 2 * n) scratch->resize(2 * n);
  return reinterpret_cast<uint8_t*>(scratch->data());
}

// The way back of DecodeRows: the best label of the last token's scores
// (`last`, kTagRowWidth lanes), then each token's best predecessor (`back`, kTagRowWidth bytes a
// token) from the end to the start.
void FollowBack(const int32_t* last, const uint8_t* back, size_t n, std::vector<uint8_t>* labels) {
  int y = 0;
  for (int c = 1; c < kTagLabelCount; ++c) {
    if (last[c] > last[y]) y = c;
  }
  for (size_t t = n; t-- > 1;) {
    (*labels)[t] = static_cast<uint8_t>(y);
    y = back[t * kTagRowWidth + static_cast<size_t>(y)];
  }
  (*labels)[0] = static_cast<uint8_t>(y);
}

// ViterbiDecode<int32_t> for emission rows of kTagRowWidth lanes, the labels of a token in two
// vectors: every predecessor is tried for every label at once (forbidden transitions are
// kForbidden, as there) and the seven are compared as a tree (three steps, not six, on the
// path from one token to the next), the first of equals winning: the same scores come out.
void DecodeRows(const int32_t* e, size_t n, const int32_t* tr, std::vector<int32_t>* scratch,
                std::vector<uint8_t>* labels) {
  constexpr int L = kTagLabelCount;
  constexpr int W = kTagRowWidth;
  static_assert(L == 7 && W == 8, "the tree below compares seven predecessors");
  uint8_t* const back = StartRows(n, scratch, labels);
  if (back == nullptr) return;
  const __m128i forbidden = _mm_set1_epi32(kRowForbidden);
  auto row = [e](size_t t, int half) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(e + t * W) + half);
  };
  const __m128i* start = reinterpret_cast<const __m128i*>(tr + L * W);
  __m128i prev_lo = _mm_add_epi32(row(0, 0), _mm_loadu_si128(start));
  __m128i prev_hi = _mm_add_epi32(row(0, 1), _mm_loadu_si128(start + 1));
  for (size_t t = 1; t < n; ++t) {
    const Path best = Better(
        Better(Better(From<0>(prev_lo, prev_hi, tr), From<1>(prev_lo, prev_hi, tr)),
               Better(From<2>(prev_lo, prev_hi, tr), From<3>(prev_lo, prev_hi, tr))),
        Better(Better(From<4>(prev_lo, prev_hi, tr), From<5>(prev_lo, prev_hi, tr)),
               From<6>(prev_lo, prev_hi, tr)));
    // Keep a forbidden score from sinking further (it must not wrap around).
    prev_lo = _mm_add_epi32(Select(_mm_cmpgt_epi32(forbidden, best.lo), forbidden, best.lo),
                            row(t, 0));
    prev_hi = _mm_add_epi32(Select(_mm_cmpgt_epi32(forbidden, best.hi), forbidden, best.hi),
                            row(t, 1));
    const __m128i bytes =
        _mm_packus_epi16(_mm_packs_epi32(best.from_lo, best.from_hi), _mm_setzero_si128());
    _mm_storel_epi64(reinterpret_cast<__m128i*>(back + t * W), bytes);
  }
  alignas(16) int32_t last[W];
  _mm_store_si128(reinterpret_cast<__m128i*>(last), prev_lo);
  _mm_store_si128(reinterpret_cast<__m128i*>(last) + 1, prev_hi);
  FollowBack(last, back, n, labels);
}

#if defined(KASHIF_TAGGER_AVX2)
__attribute__((target("avx2"))) inline __m256i Load8(const int32_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// DecodeRows with a token's eight labels in one AVX2 register: each predecessor's lane spread
// by a permute, the best of the seven by six maxima (a tree: three on the path from one token
// to the next). Each label's first predecessor reaching its best score (the first of equals, as
// DecodeRows keeps) is found in the same pass, by six compares and blends from the last
// predecessor down, and kept (`scratch`, kTagRowWidth int32 a token): none of them is on the
// path from one token to the next, which the forward pass waits on, and the way back is then
// one load a token. (Finding the predecessor on the way back instead, from each token's best
// scores, took fewer instructions but more time: each step of the way back waited on the one
// before it through two loads, a compare and a mask.)
__attribute__((target("avx2"))) void DecodeRowsAvx2(const int32_t* e, size_t n,
                                                     const int32_t* tr,
                                                     std::vector<int32_t>* scratch,
                                                     std::vector<uint8_t>* labels) {
  constexpr int L = kTagLabelCount;
  constexpr int W = kTagRowWidth;
  static_assert(L == 7 && W == 8, "seven predecessors in a register of eight lanes");
  labels->resize(n);
  if (n == 0) return;
  // Grown, never shrunk: no zero-fill of the part a longer text adds after a shorter one.
  if (scratch->size() < W * n) scratch->resize(W * n);
  int32_t* const back = scratch->data();  // token t's best predecessors at t * W (t >= 1)
  const __m256i forbidden = _mm256_set1_epi32(kRowForbidden);
  __m256i prev = _mm256_add_epi32(Load8(e), Load8(tr + L * W));
  for (size_t t = 1; t < n; ++t) {
    // The transitions' rows read in place (as memory operands), not copied first at every call.
    __m256i from[L];
    for (int p = 0; p < L; ++p) {
      from[p] = _mm256_add_epi32(_mm256_permutevar8x32_epi32(prev, _mm256_set1_epi32(p)),
                                 Load8(tr + p * W));
    }
    const __m256i best = _mm256_max_epi32(
        _mm256_max_epi32(_mm256_max_epi32(from[0], from[1]), _mm256_max_epi32(from[2], from[3])),
        _mm256_max_epi32(_mm256_max_epi32(from[4], from[5]), from[6]));
    // Keep a forbidden score from sinking further (it must not wrap around).
    prev = _mm256_add_epi32(_mm256_max_epi32(best, forbidden), Load8(e + t * W));
    __m256i arg = _mm256_set1_epi32(L - 1);
    for (int p = L - 2; p >= 0; --p) {
      arg = _mm256_blendv_epi8(arg, _mm256_set1_epi32(p), _mm256_cmpeq_epi32(from[p], best));
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(back + t * W), arg);
  }
  alignas(32) int32_t last[W];
  _mm256_store_si256(reinterpret_cast<__m256i*>(last), prev);
  int y = 0;
  for (int c = 1; c < L; ++c) {
    if (last[c] > last[y]) y = c;
  }
  uint8_t* const out = labels->data();
  for (size_t t = n; t-- > 1;) {
    out[t] = static_cast<uint8_t>(y);
    y = back[t * W + static_cast<size_t>(y)];
  }
  out[0] = static_cast<uint8_t>(y);
}
#endif

}  // namespace
#endif

#if defined(KASHIF_TAGGER_AVX2)
namespace {
std::atomic<bool> avx2_off{false};
}  // namespace

bool TaggerHasAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has && !avx2_off.load(std::memory_order_relaxed);
}

void SetTaggerAvx2Off(bool off) { avx2_off.store(off, std::memory_order_relaxed); }
#endif

void TaggerModel::Decode(const int32_t* emissions, size_t n, DecodeScratch* scratch,
                         std::vector<uint8_t>* labels, size_t stride) const {
  const int32_t* e = emissions;
  const int16_t* tr = transitions_.data();
#if defined(KASHIF_TAGGER_SSE2)
  if (stride == kTagRowWidth) {
#if defined(KASHIF_TAGGER_AVX2)
    if (TaggerHasAvx2()) {
      return DecodeRowsAvx2(e, n, transition_rows_.data(), &scratch->scores, labels);
    }
#endif
    return DecodeRows(e, n, transition_rows_.data(), &scratch->scores, labels);
  }
#endif
  ViterbiDecode<int32_t>(
      n, [e, stride](size_t t, int y) { return e[t * stride + y]; },
      [tr](int p, int y) { return int32_t{tr[p * kTagLabelCount + y]}; }, &scratch->scores, labels);
}

}  // namespace kashif::internal
