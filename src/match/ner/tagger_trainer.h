// Collects training sequences for the tagger from analyzed documents with gold entities, then
// trains (tagger_train.h). The features are computed by the same TaggerFeatures the matcher
// uses, from a Document the earlier matchers have already proposed over.
//
// Thread safety: not thread-safe (it accumulates).
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_TRAINER_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_TRAINER_H_

#include <memory>
#include <vector>

#include "match/ner/ner_lexicon.h"
#include "match/ner/tagger_features.h"
#include "match/ner/tagger_train.h"

namespace kashif::internal {

// The BIO label of every token of `doc` for gold entities given as byte spans into doc.text:
// a token is in an entity when its bytes overlap the entity's; of overlapping entities the
// longest (then the first) is kept. PER, ORG and LOC only.
std::vector<uint8_t> GoldLabels(const Document& doc, const std::vector<Entity>& gold);

// Name dropout, to learn names as the model meets those no list knows. The lists and rules were
// written knowing the training text, so there nearly every name carries list features (NER
// classes, the candidates' marks) and a known identity, and a model learns to trust them; on a
// new name it has only affixes, shape and context. So in each training document a seeded
// `percent` of the word types (reading keys) that stand in gold person names is read, at every
// occurrence in that document, as unseen (TaggerFeatures::Extract's `unseen`). Training only:
// the model file and tagging are as without it; the same documents, percent and seed hide the
// same tokens.
struct NameDropout {
  int percent = 0;  // 0..100
  uint64_t seed = 1;
};

// Which tokens of `doc`, the training document numbered `ordinal`, name dropout reads as unseen
// (1) given its gold labels.
std::vector<uint8_t> NameDropoutMask(const Document& doc, const NerTokens& view,
                                     const std::vector<uint8_t>& labels, const NameDropout& dropout,
                                     uint64_t ordinal);

class TaggerTrainer {
 public:
  TaggerTrainer(std::shared_ptr<const NerLexicon> lexicon, int hash_bits,
                const NameDropout& dropout = NameDropout())
      : features_(std::move(lexicon)), hash_bits_(hash_bits), dropout_(dropout) {}

  // `doc` has been analyzed and carries the earlier matchers' candidates.
  void Add(const Document& doc, const std::vector<Entity>& gold);

  // Trains on what Add() collected; options.hash_bits and feature_version are the trainer's.
  TaggerModel Train(SequenceTrainingOptions options) const;

 private:
  void AddSequences(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
                    const std::vector<uint8_t>& labels, const std::vector<uint8_t>* unseen);
  TaggerFeatures features_;
  int hash_bits_;
  NameDropout dropout_;
  uint64_t documents_ = 0;
  TaggerRunScratch scratch_;
  std::vector<TrainingSequence> data_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_TRAINER_H_
