// The trained tagger's features: what the tagger sees of each token of an analyzed Document,
// hashed into the model's buckets. The trainer and the matcher call the same code, so a model
// sees at run time exactly what it was trained on.
//
// Lexical features depend on the token alone: its match form, its clitic-free reading (the one
// the NER rules use) with and without the article, that reading's first and last letters (1-4)
// its script and shape, its length, the NER lexicon's word classes of the
// token and of its reading, the clitics it carries. Contextual features: the strongest
// candidate the matchers before the tagger proposed over the token (gazetteer, date, money, the
// rules: type, begin/inside/last, source) and its neighbours', and the types candidates gave the
// same reading elsewhere in the document. A feature is seen from the token itself, from one token
// either side, or from two (its reach); each offset hashes to its own bucket.
//
// At run time a token's lexical features are summed once per distinct word and kept in a
// per-thread cache (WordCache): a word repeats, and its sums are the bulk of the work.
//
// Bump kTaggerFeatureVersion whenever what is hashed changes: models trained with another
// version are refused at load time (their weights would be read against other features).
//
// Thread safety: immutable; per-call state lives in the arguments.
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_FEATURES_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_FEATURES_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "core/document.h"
#include "match/ner/ner_lexicon.h"
#include "match/ner/tagger_model.h"
#include "text/word_hash.h"

namespace kashif::internal {

inline constexpr uint32_t kTaggerFeatureVersion = 3;

// Where a feature of a token is seen from: the token itself, one token either side, two.
enum class Reach : uint8_t { kOwn, kNear, kFar };
inline constexpr int kMaxOffset = 2;
inline constexpr int kOffsets = 2 * kMaxOffset + 1;

// The model's bucket of a feature hash seen from `offset` tokens away (-2..2).
inline uint32_t FeatureBucket(uint64_t hash, int offset, uint32_t mask) {
  return static_cast<uint32_t>(Mix64(hash + static_cast<uint64_t>(offset + 8) * 0x632BE59BD9B4E019u) &
                               mask);
}

// Per-thread sums of the lexical features of recently seen words, by offset.
class WordCache;

struct TaggerRunScratch {
  // Each token's candidate mark as a code (0: none; see MarkCode in tagger_features.cc), token
  // t's at t + 1, between a kPadCode for each edge of the document.
  std::vector<uint16_t> marks;
  std::vector<int32_t> priorities;
  // Each token's reading told apart from every other reading (equal readings, equal ids): the
  // key of the document's types and part of the word-cache key. Not a feature hash.
  // (reading_ids and fingerprints hold at least a value per token: grown, never shrunk.)
  std::vector<uint64_t> reading_ids;
  std::vector<uint64_t> fingerprints;  // each token's word-cache key
  std::vector<std::pair<uint64_t, uint32_t>> doc_types;
  // A bit for each reading id's top eight bits in doc_types: most tokens' readings have no
  // document type, and the filter says so without searching doc_types.
  uint64_t doc_type_filter[4] = {};
  std::unique_ptr<WordCache> cache;
  TaggerRunScratch();
  ~TaggerRunScratch();
  TaggerRunScratch(TaggerRunScratch&&) noexcept;
  TaggerRunScratch& operator=(TaggerRunScratch&&) noexcept;
};

class TaggerFeatures {
 public:
  explicit TaggerFeatures(std::shared_ptr<const NerLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}

  // For training: the buckets (masked with `bucket_mask`) of every token of `doc`, given the
  // candidates the earlier matchers proposed (`prior`) and their NER view. `unseen`: none, or a
  // flag per token (training's name dropout, tagger_trainer.h): a token flagged is read as a
  // word no list knows and the model never met, the features only lists and memory give left
  // out (its NER classes, the earlier candidates' mark on it and its document types; its
  // reading, bare and whole forms), so only its affixes, shape, clitics and context speak for
  // it. Its neighbours see it so too.
  void Extract(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
               uint32_t bucket_mask, TaggerRunScratch* scratch, FeatureSequence* out,
               const std::vector<uint8_t>* unseen = nullptr) const;

  // For tagging: the same features' weights summed per token and label into *emissions
  // (tokens x kTagRowWidth: token t's label y at t * kTagRowWidth + y, the lanes past
  // kTagLabelCount meaningless), the lexical ones through the scratch's word cache, which keeps
  // them relative to label O's: a token's scores are the model's less one amount for all its
  // labels (which Viterbi's best sequence does not depend on) and within the cache's rounding.
  void Emissions(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
                 const TaggerModel& model, TaggerRunScratch* scratch,
                 std::vector<int32_t>* emissions) const;

  const NerLexicon& lexicon() const { return *lexicon_; }

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_FEATURES_H_
