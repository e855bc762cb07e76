// Names of events and prizes (كأس الاتحاد، جائزة نوبل) are miscellaneous entities: the person or
// organization inside one is not an entity of its own in flat annotation.
#ifndef KASHIF_SRC_MATCH_NER_MISC_FILTER_H_
#define KASHIF_SRC_MATCH_NER_MISC_FILTER_H_

#include <memory>
#include <vector>

#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"

namespace kashif::internal {

// Drops PER, ORG and LOC candidates that follow an event word (class "event" in
// data/ner_cues.tsv) with at most two other words between them. User gazetteer entries are
// kept, and so are places after a venue word (class "event_venue": أولمبياد [بكين]).
// Immutable and thread-safe.
class MiscNameFilter : public Refiner {
 public:
  explicit MiscNameFilter(std::shared_ptr<const NerLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}
  void Refine(const Document& doc, const Options& options,
              std::vector<Candidate>* candidates) const override;

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_MISC_FILTER_H_
