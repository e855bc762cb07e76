// Trains a TaggerModel: an averaged structured perceptron over feature sequences with gold BIO
// labels, decoded with the same constrained Viterbi the model uses. Deterministic: the same
// sequences, options and seed give a byte-identical model (integer updates, a seeded shuffle).
//
// Thread safety: a plain function.
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_TRAIN_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_TRAIN_H_

#include <cstdint>
#include <vector>

#include "match/ner/tagger_model.h"

namespace kashif::internal {

struct TrainingSequence {
  FeatureSequence features;   // buckets already masked to the model's table
  std::vector<uint8_t> gold;  // one TagLabel per token
};

struct PerceptronOptions {
  int epochs = 8;
  uint64_t seed = 1;
  int hash_bits = 18;
  uint32_t feature_version = 0;
};

// Sequences with a gold label sequence that breaks the BIO scheme are trained on as given.
TaggerModel TrainPerceptron(const std::vector<TrainingSequence>& data,
                            const PerceptronOptions& options);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_TRAIN_H_
