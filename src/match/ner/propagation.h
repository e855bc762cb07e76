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

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_PROPAGATION_H_
