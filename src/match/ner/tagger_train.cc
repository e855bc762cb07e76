#include "match/ner/tagger_train.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "text/word_hash.h"

namespace kashif::internal {
namespace {

constexpr int L = kTagLabelCount;
// AdaGrad's rate for the CRF (chosen on the development split, docs/tagger.md).
constexpr double kCrfRate = 0.05;

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

// The learnt weights to int16 with one scale for the table and the transitions.
template <typename Weight, typename Transition>
void Quantize(Weight weight, Transition transition, TaggerModel* model) {
  double largest = 0;
  for (size_t i = 0; i < model->weights().size(); ++i) {
    largest = std::max(largest, std::fabs(weight(i)));
  }
  for (size_t i = 0; i < model->transitions().size(); ++i) {
    largest = std::max(largest, std::fabs(transition(i)));
  }
  const double scale = largest > 0 ? largest / 32767.0 : 1.0;
  for (size_t i = 0; i < model->weights().size(); ++i) {
    model->weights()[i] = static_cast<int16_t>(std::lround(weight(i) / scale));
  }
  for (size_t i = 0; i < model->transitions().size(); ++i) {
    model->transitions()[i] = static_cast<int16_t>(std::lround(transition(i) / scale));
  }
  model->set_scale(static_cast<float>(scale));
}

void Shuffle(std::vector<size_t>* order, uint64_t* rng) {
  for (size_t i = order->size(); i > 1; --i) {
    std::swap((*order)[i - 1], (*order)[SplitMix64(rng) % i]);
  }
}

}  // namespace

TaggerModel TrainPerceptron(const std::vector<TrainingSequence>& data,
                            const SequenceTrainingOptions& options) {
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
    Shuffle(&order, &rng);
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
  Quantize([&](size_t i) { return weights.Average(i, count); },
           [&](size_t i) { return transitions.Average(i, count); }, &model);
  return model;
}

// In probability space with a scale per token (Rabiner's): the exponentials once per token and
// transition, then only products, which is what makes CRF training take seconds. A token's
// emissions are taken relative to its best one and each forward step is normalized, so nothing
// overflows; alpha and beta are the scaled forward and backward probabilities.
bool CrfForwardBackward::Run(size_t n, const std::vector<double>& emissions,
                             const double* transitions) {
  constexpr int S = L + 1;  // the rows of the transitions, the start last
  double trans[S * L];
  for (int p = 0; p < S; ++p) {
    for (int y = 0; y < L; ++y) {
      trans[p * L + y] =
          AllowedTransition(p == L ? -1 : p, y) ? std::exp(transitions[p * L + y]) : 0.0;
    }
  }
  terms.resize(n * L);  // the exponentials of the emissions
  for (size_t t = 0; t < n; ++t) {
    const double* e = emissions.data() + t * L;
    const double top = *std::max_element(e, e + L);
    for (int y = 0; y < L; ++y) terms[t * L + y] = std::exp(e[y] - top);
  }
  alpha.resize(n * L);
  beta.resize(n * L);
  scales.resize(n);
  for (size_t t = 0; t < n; ++t) {
    double sum = 0;
    for (int y = 0; y < L; ++y) {
      double in = 0;
      if (t == 0) {
        in = trans[L * L + y];
      } else {
        for (int p = 0; p < L; ++p) in += alpha[(t - 1) * L + p] * trans[p * L + y];
      }
      alpha[t * L + y] = in * terms[t * L + y];
      sum += alpha[t * L + y];
    }
    if (!(sum > 0) || !std::isfinite(sum)) return false;  // every valid path underflowed
    scales[t] = sum;
    for (int y = 0; y < L; ++y) alpha[t * L + y] /= sum;
  }
  for (int y = 0; y < L; ++y) beta[(n - 1) * L + y] = 1;
  for (size_t t = n - 1; t-- > 0;) {
    for (int p = 0; p < L; ++p) {
      double out = 0;
      for (int y = 0; y < L; ++y) {
        out += trans[p * L + y] * terms[(t + 1) * L + y] * beta[(t + 1) * L + y];
      }
      beta[t * L + p] = out / scales[t + 1];
    }
  }
  marginals.resize(n * L);
  for (size_t i = 0; i < n * L; ++i) marginals[i] = alpha[i] * beta[i];
  pairs.assign(S * L, 0);
  for (int y = 0; y < L; ++y) pairs[L * L + y] = marginals[y];
  for (size_t t = 1; t < n; ++t) {
    for (int p = 0; p < L; ++p) {
      const double from = alpha[(t - 1) * L + p] / scales[t];
      for (int y = 0; y < L; ++y) {
        pairs[p * L + y] += from * trans[p * L + y] * terms[t * L + y] * beta[t * L + y];
      }
    }
  }
  return true;
}

// AdaGrad: each weight's step is the rate over the root of the sum of its squared gradients so
// far. The L2 penalty's gradient is added to a table weight when a sequence touches it (the lazy
// form: untouched weights stay as they are), to the transitions at every sequence.
TaggerModel TrainCrf(const std::vector<TrainingSequence>& data,
                     const SequenceTrainingOptions& options) {
  TaggerModel model(options.hash_bits, options.feature_version);
  std::vector<double> w(model.weights().size(), 0), sq(w.size(), 0), grad(w.size(), 0);
  std::vector<double> tw(model.transitions().size(), 0), tsq(tw.size(), 0), tgrad(tw.size());
  std::vector<uint8_t> touched(w.size() / L, 0);
  std::vector<uint32_t> rows;
  const double lambda = options.l2 / static_cast<double>(std::max<size_t>(data.size(), 1));
  std::vector<size_t> order(data.size());
  std::iota(order.begin(), order.end(), size_t{0});
  uint64_t rng = options.seed;
  std::vector<double> emissions;
  CrfForwardBackward fb;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (size_t index : order) {
      const TrainingSequence& s = data[index];
      const size_t n = s.gold.size();
      if (n == 0) continue;
      emissions.assign(n * L, 0);
      for (size_t t = 0; t < n; ++t) {
        for (uint32_t k = s.features.starts[t]; k < s.features.starts[t + 1]; ++k) {
          const double* row = w.data() + size_t{s.features.buckets[k]} * L;
          for (int y = 0; y < L; ++y) emissions[t * L + y] += row[y];
        }
      }
      if (!fb.Run(n, emissions, tw.data())) continue;  // no update from a degenerate sentence
      // The negative log-likelihood's gradient: expected minus observed counts.
      rows.clear();
      for (size_t t = 0; t < n; ++t) {
        for (uint32_t k = s.features.starts[t]; k < s.features.starts[t + 1]; ++k) {
          const uint32_t b = s.features.buckets[k];
          if (!touched[b]) {
            touched[b] = 1;
            rows.push_back(b);
          }
          double* g = grad.data() + size_t{b} * L;
          for (int y = 0; y < L; ++y) g[y] += fb.marginals[t * L + y] - (s.gold[t] == y);
        }
      }
      for (uint32_t b : rows) {
        touched[b] = 0;
        for (int y = 0; y < L; ++y) {
          const size_t i = size_t{b} * L + y;
          const double g = grad[i] + lambda * w[i];
          grad[i] = 0;
          sq[i] += g * g;
          if (sq[i] > 0) w[i] -= kCrfRate * g / std::sqrt(sq[i]);
        }
      }
      for (size_t i = 0; i < tw.size(); ++i) tgrad[i] = fb.pairs[i] + lambda * tw[i];
      for (size_t t = 0; t < n; ++t) tgrad[(t == 0 ? L : s.gold[t - 1]) * L + s.gold[t]] -= 1;
      for (size_t i = 0; i < tw.size(); ++i) {
        tsq[i] += tgrad[i] * tgrad[i];
        if (tsq[i] > 0) tw[i] -= kCrfRate * tgrad[i] / std::sqrt(tsq[i]);
      }
    }
  }
  Quantize([&](size_t i) { return w[i]; }, [&](size_t i) { return tw[i]; }, &model);
  return model;
}

TaggerModel TrainSequences(const std::vector<TrainingSequence>& data,
                           const SequenceTrainingOptions& options) {
  return options.objective == TrainingObjective::kCrf ? TrainCrf(data, options)
                                                      : TrainPerceptron(data, options);
}

}  // namespace kashif::internal
