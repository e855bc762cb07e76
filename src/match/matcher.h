// The interface every matcher implements: read an analyzed Document, propose candidates.
#ifndef KASHIF_SRC_MATCH_MATCHER_H_
#define KASHIF_SRC_MATCH_MATCHER_H_

#include <cstdint>
#include <vector>

#include "core/document.h"

namespace kashif::internal {

// The one scale of Candidate::priority: the higher wins an overlap in the resolver; between
// equals the longer span wins.
inline constexpr int32_t kUserGazetteerPriority = 100;    // the caller's own entries
// The trained tagger with Options::tagger_over_rules (match/ner/tagger_matcher.h).
inline constexpr int32_t kTaggerOverRulesPriority = 90;
inline constexpr int32_t kBuiltinGazetteerPriority = 80;  // data/places.tsv, organizations, people
inline constexpr int32_t kGrammarPriority = 60;           // money and date grammars
inline constexpr int32_t kMoneyPriority = kGrammarPriority;
inline constexpr int32_t kDatePriority = kGrammarPriority;
inline constexpr int32_t kPercentPriority = kGrammarPriority;
inline constexpr int32_t kTimePriority = kGrammarPriority;
// An amount whose currency is named in several words ("12 دينارا ليبيا"), and a clock time that
// names its zone ("بتوقيت مكة المكرمة"): above the built-in gazetteer, whose place inside the
// name would otherwise take the amount's or the time's words.
inline constexpr int32_t kQualifiedMoneyPriority = 85;
inline constexpr int32_t kZonedTimePriority = 85;
inline constexpr int32_t kNerRulePriority = 40;      // person, organization and place rules
inline constexpr int32_t kTaggerPriority = 30;       // the trained tagger, filling the rules' gaps
inline constexpr int32_t kPropagationPriority = 20;  // document-level propagation fills gaps

// Immutable after construction; Propose() is called concurrently from many threads.
class Matcher {
 public:
  virtual ~Matcher() = default;
  // Appends its candidates for `doc` to *out. Must not remove or reorder what is already there.
  virtual void Propose(const Document& doc, const Options& options,
                       std::vector<Candidate>* out) const = 0;
};

// A second pass that sees every matcher's candidates before the resolver picks among them
// (document-level consistency, filters). Immutable; Refine() is called concurrently.
class Refiner {
 public:
  virtual ~Refiner() = default;
  virtual void Refine(const Document& doc, const Options& options,
                      std::vector<Candidate>* candidates) const = 0;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_MATCHER_H_
