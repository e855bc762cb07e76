// Training kashif's NER tagger on your own annotated text.
//
//   std::vector<kashif::TrainingExample> examples = ...;  // text + gold PER/ORG/LOC byte spans
//   auto model = kashif::TrainTaggerModel(examples);
//   // write *model to a file; then Options::model_file = that path
//
// The tagger is a linear sequence model (hashed features, BIO labels, Viterbi; trained as an
// averaged structured perceptron or a linear-chain CRF, see TrainingOptions::objective)
// over features of kashif's own analysis of the text: the words and their clitic-free readings,
// affixes, shape, the lexicons' word classes and the candidates the gazetteers and the rules
// propose. Training runs that same pipeline over each example, so the model learns how far to
// trust the rules. `kashif train` does this for CoNLL files.
//
// Thread safety: a plain function.
#ifndef KASHIF_TRAIN_H_
#define KASHIF_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kashif/export.h"
#include "kashif/kashif.h"
#include "kashif/status.h"

namespace kashif {

// One annotated document: its text and its gold entities (PER, ORG and LOC; other types are
// ignored) as byte spans into `text`. Entities may nest; the outermost of overlapping ones is
// learnt. A span may include a proclitic (as CoNLL tokens do): the tagger learns token labels.
struct TrainingExample {
  std::string text;
  std::vector<Entity> entities;
};

// How the model's weights are learnt. Either way the model, its file and tagging are the same.
enum class TrainingObjective {
  kPerceptron,  // averaged structured perceptron (integer updates)
  kCrf,         // linear-chain CRF: conditional log-likelihood with an L2 penalty, AdaGrad steps
};

struct TrainingOptions {
  int epochs = 8;      // passes over the examples, 1..100
  uint64_t seed = 1;   // the order of the examples in each pass
  int hash_bits = 16;  // the feature table has 2^hash_bits rows, 8..22
  // Name dropout, 0..100: in each example this percent of the words of its person names (chosen
  // by the seed) is learnt as if no list knew it and the model had never met it (no lexicon
  // classes, no rule or list candidate marks, no word identity: affixes, shape and context
  // only), so the model learns to find names nothing has seen. Training only; 0 = off.
  int name_dropout = 0;
  // kCrf by default: on text of a genre it has seen little of, it is less sure of itself than the
  // perceptron (docs/tagger.md has the measurements).
  TrainingObjective objective = TrainingObjective::kCrf;
  // kCrf only: the L2 penalty (l2 / 2) * |w|^2 over the whole data, a finite number 0..1e6; higher
  // keeps the weights smaller (less sure of what the training text alone shows).
  double l2 = 30;
};

// Trains a model and returns the bytes of its file (the format Options::model_file loads).
// `pipeline` configures the extractor whose analysis and rules the features read (its gazetteers,
// say); its tagger settings are ignored. Deterministic: the same examples and options give the
// same bytes (for kCrf, with the same build of the library: it computes in floating point).
// Fails on invalid options or an entity span outside its text.
KASHIF_EXPORT StatusOr<std::string> TrainTaggerModel(const std::vector<TrainingExample>& examples,
                                                     const TrainingOptions& options = {},
                                                     const Options& pipeline = Options());

}  // namespace kashif

#endif  // KASHIF_TRAIN_H_
