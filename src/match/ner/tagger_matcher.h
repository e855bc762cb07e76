// The trained tagger as a pipeline stage, a refiner that runs after every matcher and after the
// rules' names were propagated: it tags every token (BIO, Viterbi, a line at a time) from the
// analyzed Document and the matchers' candidates (the rules' candidates are among its features,
// so it learns where they are usually right; propagated ones are not, as in training) and adds
// the names it finds where no candidate claims a token: the rules, the lists and the document's
// consistency win, the tagger fills the gaps. With Options::tagger_over_rules its names are
// added wherever it finds them, at a priority over the rules' and the built-in lists' (a model
// trained on the user's own kind of text). A second propagation pass after it carries the
// tagger's names through the document as the first carried the rules'.
//
// Thread safety: immutable; Refine() may run concurrently. Each thread keeps its own scratch
// (thread_local in tagger_matcher.cc, with the word cache of lexical sums: about 5 MB once the
// thread has tagged a document), freed by ReleaseTaggerScratch().
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_MATCHER_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_MATCHER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"
#include "match/ner/tagger_features.h"
#include "match/ner/tagger_model.h"

namespace kashif::internal {

// Whether a line break separates token t from token t - 1 (t >= 1): the tagger learns and tags
// a line at a time.
bool LineBreakBefore(const Document& doc, size_t t);

// Frees the calling thread's tagger scratch, the word cache included (part of
// ReleaseThreadScratch()). The next tagged document on this thread allocates it again.
void ReleaseTaggerScratch();

// The embedded default model's bytes (data/ner_tagger.bin).
std::string_view DefaultTaggerModelBytes();

// Parses the model file (or, with an empty path, the embedded model).
StatusOr<std::shared_ptr<const TaggerModel>> LoadTaggerModel(const std::string& path);

class TaggerMatcher : public Refiner {
 public:
  TaggerMatcher(std::shared_ptr<const TaggerModel> model, std::shared_ptr<const NerLexicon> lexicon)
      : model_(std::move(model)), features_(lexicon), lexicon_(std::move(lexicon)) {}

  void Refine(const Document& doc, const Options& options,
              std::vector<Candidate>* candidates) const override;

  // The labels the model gives each token of `doc`, given the earlier matchers' candidates
  // `prior` and their NER view, into *labels.
  void Tag(const Document& doc, const NerTokens& view, const std::vector<Candidate>& prior,
           std::vector<uint8_t>* labels) const;

 private:
  std::shared_ptr<const TaggerModel> model_;
  TaggerFeatures features_;
  std::shared_ptr<const NerLexicon> lexicon_;
};

// The candidates a label sequence spells out (type, token range, span after the first token's
// proclitics), at `priority`. A span is trimmed to start and end at a word. `claimed`: none, or
// a flag per token: a span over a flagged token is left out (never made).
void LabelsToCandidates(const Document& doc, const NerTokens& view,
                        const std::vector<uint8_t>& labels, int32_t priority,
                        std::vector<Candidate>* out,
                        const std::vector<uint8_t>* claimed = nullptr);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_MATCHER_H_
