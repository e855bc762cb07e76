// The trained tagger's features: what the tagger sees of each token of an analyzed Document,
// hashed into the model's buckets. The trainer and the matcher call the same code, so a model
// sees at run time exactly what it was trained on.
//
// A token's own features: its match form, its clitic-free reading (the one the NER rules use)
// with and without the article, that reading's first and last letters (1-4) and its letter
// trigrams, its script and shape, its length, the NER lexicon's word classes of the token and of
// its reading, the clitics it carries, and the candidates the matchers before the tagger
// proposed over it (gazetteer, date, money, the rules: type, begin/inside, source). Neighbours
// (two each side) contribute a subset of theirs, marked with their offset.
//
// Bump kTaggerFeatureVersion whenever what is hashed changes: models trained with another
// version are refused at load time (their weights would be read against other features).
//
// Thread safety: immutable once built; Extract() keeps per-call state in its arguments.
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_FEATURES_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_FEATURES_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "match/ner/tagger_model.h"
#include "match/ner_lexicon.h"
#include "pipeline/document.h"

namespace kashif::internal {

inline constexpr uint32_t kTaggerFeatureVersion = 1;

// One token's own feature hashes (before the offset and the bucket are mixed in). The first
// `context` of them are the ones the neighbours see, the first `far` the ones two tokens away.
struct TokenFeatureHashes {
  static constexpr int kMax = 64;
  uint64_t hashes[kMax];
  uint8_t count = 0;
  uint8_t context = 0;
  uint8_t far = 0;
  void Add(uint64_t h) {
    if (count < kMax) hashes[count++] = h;
  }
};

struct TaggerFeatureScratch {
  std::vector<TokenFeatureHashes> tokens;
};

class TaggerFeatures {
 public:
  explicit TaggerFeatures(std::shared_ptr<const NerLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}

  // The buckets (masked with `bucket_mask`) of every token of `doc`, given the candidates the
  // earlier matchers proposed (`prior`) and their NER view.
  void Extract(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
               uint32_t bucket_mask, TaggerFeatureScratch* scratch, FeatureSequence* out) const;

  const NerLexicon& lexicon() const { return *lexicon_; }

 private:
  void OwnFeatures(const Document& doc, const NerTokens& view, size_t i,
                   TokenFeatureHashes* f) const;
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_FEATURES_H_
