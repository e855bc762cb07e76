// The trained tagger as a pipeline stage: reads the analyzed Document and the candidates the
// gazetteers, the grammars and the rules proposed before it, tags every token (BIO, Viterbi) and
// proposes the names it finds at kTaggerPriority, under the rules: where a rule or a list found
// a name, theirs wins; the tagger fills the gaps (the rules' candidates are among its features,
// so it also learns where they are usually right). With Options::tagger_over_rules its names win
// over the rules' and the built-in lists' instead (a model trained on the user's own kind of
// text). Propagation, which runs after it, carries
// the tagger's names through the document as it does the rules'.
//
// Thread safety: immutable; Propose() may run concurrently (per-thread scratch).
#ifndef KASHIF_SRC_MATCH_NER_TAGGER_MATCHER_H_
#define KASHIF_SRC_MATCH_NER_TAGGER_MATCHER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "match/ner/tagger_features.h"
#include "match/ner/tagger_model.h"
#include "match/ner/ner_lexicon.h"

namespace kashif::internal {

// Between the rules (40) and propagation (20): the rules and lists win where they found a name.
inline constexpr int32_t kTaggerPriority = 30;
// Options::tagger_over_rules: above the rules and the built-in gazetteer (80), below the user's
// gazetteer entries (100).
inline constexpr int32_t kTaggerOverRulesPriority = 90;

// Whether a line break separates token t from token t - 1 (t >= 1): the tagger learns and tags
// a line at a time.
bool LineBreakBefore(const Document& doc, size_t t);

// The embedded default model's bytes (data/ner_tagger.bin).
std::string_view DefaultTaggerModelBytes();

// Parses the model file (or, with an empty path, the embedded model).
StatusOr<std::shared_ptr<const TaggerModel>> LoadTaggerModel(const std::string& path);

class TaggerMatcher : public Matcher {
 public:
  TaggerMatcher(std::shared_ptr<const TaggerModel> model,
                std::shared_ptr<const NerLexicon> lexicon)
      : model_(std::move(model)), features_(lexicon), lexicon_(std::move(lexicon)) {}

  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

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
// proclitics), at `priority`. A span is trimmed to start and end at a word.
void LabelsToCandidates(const Document& doc, const NerTokens& view,
                        const std::vector<uint8_t>& labels, int32_t priority,
                        std::vector<Candidate>* out);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_TAGGER_MATCHER_H_
