// Trains a TaggerModel from feature sequences with gold BIO labels, by one of two objectives that
// give the same linear model (a weight per hashed feature and label, the transitions, quantized to
// int16 with one scale), so the model file and tagging do not depend on how it was trained:
// - an averaged structured perceptron, decoded with the same constrained Viterbi the model uses;
// - a linear-chain CRF: the conditional log-likelihood with an L2 penalty, by AdaGrad, with
//   forward-backward under the same BIO constraints.
// Deterministic: the same sequences, options and seed give a byte-identical model (the perceptron
// by integer updates; the CRF by the same floating-point operations in the same order, so on one
// build of the library) and a seeded shuffle.
//
// Thread safety: plain functions.
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_TRAIN_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_TRAIN_H_

#include <cstdint>
#include <vector>

#include "kashif/train.h"
#include "match/ner/tagger_model.h"

namespace kashif::internal {

struct TrainingSequence {
  FeatureSequence features;   // buckets already masked to the model's table
  std::vector<uint8_t> gold;  // one TagLabel per token
};

struct SequenceTrainingOptions {
  int epochs = 8;
  uint64_t seed = 1;
  int hash_bits = 18;
  uint32_t feature_version = 0;
  TrainingObjective objective = TrainingObjective::kPerceptron;
  double l2 = 30;  // the CRF's penalty (l2 / 2) * |w|^2 over the whole data
};

// Sequences with a gold label sequence that breaks the BIO scheme are trained on as given.
TaggerModel TrainPerceptron(const std::vector<TrainingSequence>& data,
                            const SequenceTrainingOptions& options);
TaggerModel TrainCrf(const std::vector<TrainingSequence>& data,
                     const SequenceTrainingOptions& options);
// By options.objective.
TaggerModel TrainSequences(const std::vector<TrainingSequence>& data,
                           const SequenceTrainingOptions& options);

// The CRF's forward-backward over one sequence of n tokens under the BIO constraints, from
// emission scores (n x kTagLabelCount) and transition scores ((kTagLabelCount + 1) x
// kTagLabelCount, the last row the sentence start): each token's label probabilities in
// `marginals` (n x kTagLabelCount) and the expected number of each transition in `pairs` (the
// transitions' layout; the start row holds the first token's marginals). Forbidden transitions
// get 0. The rest is scratch. False (and the results unusable) when the scores are so far apart
// that every valid label sequence's probability underflows at some token.
struct CrfForwardBackward {
  std::vector<double> marginals, pairs;
  std::vector<double> alpha, beta, terms, scales;

  bool Run(size_t n, const std::vector<double>& emissions, const double* transitions);
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_TRAIN_H_
