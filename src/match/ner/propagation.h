// Document-level consistency: a name found once is found again where it recurs.
#ifndef KASHIF_SRC_MATCH_NER_PROPAGATION_H_
#define KASHIF_SRC_MATCH_NER_PROPAGATION_H_

#include <memory>
#include <vector>

#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"

namespace kashif::internal {


// After every matcher, looks at the entities that would win and proposes, where nothing else
// claims the tokens:
//  - a person's family name alone ("ديمترييف" after "كيريل ديمترييف"), and a one-word name a
//    rule found ("السيد ديمترييف") wherever it recurs without its title; canonical = the full
//    name first seen;
//  - every recurrence of a multi-word person or organization name, with any proclitic on its
//    first word (لصندوق الثروة السيادية);
//  - a short form in parentheses right after a name, as that name's type, there and wherever it
//    recurs: حركة المقاومة الإسلامية (حماس).
// Immutable and thread-safe.
class Propagation : public Refiner {
 public:
  explicit Propagation(std::shared_ptr<const NerLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  void Refine(const Document& doc, const Options& options,
              std::vector<Candidate>* candidates) const override;
  // Refine(), telling whether it changed *candidates (appended one or rewrote a canonical
  // form). What it does is a function of the document and *candidates alone (the options
  // play no part), so on candidates it left unchanged a second run changes nothing either.
  bool Propagate(const Document& doc, std::vector<Candidate>* candidates) const;

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

// Propagation, then `tagger` (a refiner that only appends candidates: TaggerMatcher), then
// Propagation again for the tagger's names. The second pass is not redundant in general:
// propagation is not idempotent (a name it found becomes a source itself, up to 1500
// tokens further on; a family name it propagated takes a full name's canonical form). It is
// skipped only when its input is exactly the first pass's input: the first pass changed
// nothing and the tagger appended nothing. Then, Propagate() being a function of the document
// and the candidates, it would change nothing again; the output is the same as with both
// passes always run, at the cost of one pass for most short texts.
class PropagationAroundTagger : public Refiner {
 public:
  PropagationAroundTagger(std::shared_ptr<const NerLexicon> lexicon,
                          std::unique_ptr<const Refiner> tagger)
      : propagation_(std::move(lexicon)), tagger_(std::move(tagger)) {}
  void Refine(const Document& doc, const Options& options,
              std::vector<Candidate>* candidates) const override;

 private:
  Propagation propagation_;
  std::unique_ptr<const Refiner> tagger_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_PROPAGATION_H_
