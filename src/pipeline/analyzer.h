// The analyzer stage: the match form of every token and the readings of Arabic words with
// their proclitics set aside.
#ifndef KASHIF_SRC_PIPELINE_ANALYZER_H_
#define KASHIF_SRC_PIPELINE_ANALYZER_H_

#include <memory>
#include <string_view>

#include "kashif/normalizer.h"
#include "kashif/stemmer.h"
#include "pipeline/document.h"

namespace kashif::internal {

struct FoldTable;

// The options of the matching form: every fold on, so spelling variants meet.
NormalizerOptions MatchFormOptions();
// The options of the display form of rule-found entities' canonical names: marks, tatweel,
// invisible characters and presentation forms go, letters stay as written.
NormalizerOptions DisplayFormOptions();

// Immutable; Analyze() may run concurrently.
class Analyzer {
 public:
  Analyzer();

  // Fills doc->analyses (one per token) and doc->arena. doc->tokens must be set.
  void Analyze(Document* doc) const;

  // The match form of arbitrary text (used to compile gazetteer entries the same way).
  void AppendMatchForm(std::string_view text, std::string* out) const {
    match_normalizer_.AppendNormalized(text, out);
  }
  // The display form of text (the canonical name of an entity found by a rule or grammar).
  void AppendDisplayForm(std::string_view text, std::string* out) const {
    display_normalizer_.AppendNormalized(text, out);
  }

  // The morphology stage's split of token i into proclitics, stem and suffixes, on demand. The
  // matchers see words behind their proclitics through the readings; segmenting every token
  // up front cost as much as the rest of the analysis, and no matcher needed it everywhere.
  Segmentation Segment(const Document& doc, size_t i) const {
    return stemmer_.Segment(doc.TokenText(i));
  }

 private:
  // Writes token `index`'s forms into doc->arena from byte `used` on; returns the new end.
  size_t AnalyzeToken(Document* doc, size_t index, size_t used) const;
  // Sets the vocabulary ids of a's readings and a->lexicons.
  void LookUpWords(Document* doc, TokenAnalysis* a) const;

  Normalizer match_normalizer_;
  Normalizer display_normalizer_;
  std::shared_ptr<const FoldTable> match_table_;  // match_normalizer_'s, for the arena loop
  Stemmer stemmer_;  // the morphology stage: light stems and clitic splits
};

// The byte length of the first `letters` letters of `word` (original text), together with
// any marks, tatweel and format characters that follow them.
size_t SkipLetters(std::string_view word, size_t letters);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_PIPELINE_ANALYZER_H_
