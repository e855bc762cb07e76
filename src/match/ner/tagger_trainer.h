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

class TaggerTrainer {
 public:
  TaggerTrainer(std::shared_ptr<const NerLexicon> lexicon, int hash_bits)
      : features_(std::move(lexicon)), hash_bits_(hash_bits) {}

  // `doc` has been analyzed and carries the earlier matchers' candidates.
  void Add(const Document& doc, const std::vector<Entity>& gold);

  TaggerModel Train(int epochs, uint64_t seed) const;

 private:
  void AddSequences(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
                    const std::vector<uint8_t>& labels);
  TaggerFeatures features_;
  int hash_bits_;
  TaggerRunScratch scratch_;
  std::vector<TrainingSequence> data_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_TRAINER_H_
