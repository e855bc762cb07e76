#include "match/ner/tagger_train.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "text/word_hash.h"

namespace kashif::internal {
namespace {

constexpr int L = kTagLabelCount;

uint64_t SplitMix64(uint64_t* state) { return Mix64(*state += 0x9E3779B97F4A7C15u); }

// Weights and their running sums for the average (the usual lazy trick: the average is
// w - sum / count, where each update adds count * delta to sum).
struct Averaged {
  std::vector<int32_t> w;
  std::vector<int64_t> sum;
  explicit Averaged(size_t n) : w(n, 0), sum(n, 0) {}
  void Add(size_t i, int32_t delta, int64_t count) {
    w[i] += delta;
    sum[i] += delta * count;
  }
  double Average(size_t i, int64_t count) const {
    return w[i] - static_cast<double>(sum[i]) / static_cast<double>(count);
  }
};

void Update(const TrainingSequence& s, const std::vector<uint8_t>& predicted, int64_t count,
            Averaged* weights, Averaged* transitions) {
  const size_t n = s.gold.size();
  for (size_t t = 0; t < n; ++t) {
    const int gold = s.gold[t];
    const int pred = predicted[t];
    if (gold != pred) {
      for (uint32_t k = s.features.starts[t]; k < s.features.starts[t + 1]; ++k) {
        const size_t row = size_t{s.features.buckets[k]} * L;
        weights->Add(row + gold, 1, count);
        weights->Add(row + pred, -1, count);
      }
    }
    const int gold_prev = t == 0 ? L : s.gold[t - 1];
    const int pred_prev = t == 0 ? L : predicted[t - 1];
    if (gold != pred || gold_prev != pred_prev) {
      transitions->Add(gold_prev * L + gold, 1, count);
      transitions->Add(pred_prev * L + pred, -1, count);
    }
  }
}

}  // namespace

TaggerModel TrainPerceptron(const std::vector<TrainingSequence>& data,
                            const PerceptronOptions& options) {
  TaggerModel model(options.hash_bits, options.feature_version);
  Averaged weights(model.weights().size());
  Averaged transitions(model.transitions().size());
  std::vector<size_t> order(data.size());
  std::iota(order.begin(), order.end(), size_t{0});
  uint64_t rng = options.seed;
  int64_t count = 1;
  std::vector<int32_t> emissions;
  std::vector<int64_t> scores;
  std::vector<uint8_t> predicted;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[SplitMix64(&rng) % i]);
    }
    for (size_t index : order) {
      const TrainingSequence& s = data[index];
      const size_t n = s.gold.size();
      emissions.assign(n * L, 0);
      for (size_t t = 0; t < n; ++t) {
        for (uint32_t k = s.features.starts[t]; k < s.features.starts[t + 1]; ++k) {
          const int32_t* w = weights.w.data() + size_t{s.features.buckets[k]} * L;
          for (int y = 0; y < L; ++y) emissions[t * L + y] += w[y];
        }
      }
      const int32_t* tr = transitions.w.data();
      ViterbiDecode<int64_t>(
          n, [&emissions](size_t t, int y) { return int64_t{emissions[t * L + y]}; },
          [tr](int p, int y) { return int64_t{tr[p * L + y]}; }, &scores, &predicted);
      if (predicted != s.gold) Update(s, predicted, count, &weights, &transitions);
      ++count;
    }
  }
  // Quantize the averages to int16 with one scale for the table and the transitions.
  double largest = 0;
  for (size_t i = 0; i < weights.w.size(); ++i) {
    largest = std::max(largest, std::fabs(weights.Average(i, count)));
  }
  for (size_t i = 0; i < transitions.w.size(); ++i) {
    largest = std::max(largest, std::fabs(transitions.Average(i, count)));
  }
  const double scale = largest > 0 ? largest / 32767.0 : 1.0;
  for (size_t i = 0; i < weights.w.size(); ++i) {
    model.weights()[i] = static_cast<int16_t>(std::lround(weights.Average(i, count) / scale));
  }
  for (size_t i = 0; i < transitions.w.size(); ++i) {
    model.transitions()[i] =
        static_cast<int16_t>(std::lround(transitions.Average(i, count) / scale));
  }
  model.set_scale(static_cast<float>(scale));
  return model;
}

}  // namespace kashif::internal
