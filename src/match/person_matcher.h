// Person rules: names found by their context and shape rather than by a list of people.
#ifndef KASHIF_SRC_MATCH_PERSON_MATCHER_H_
#define KASHIF_SRC_MATCH_PERSON_MATCHER_H_

#include <memory>
#include <vector>

#include "match/matcher.h"
#include "match/ner_lexicon.h"

namespace kashif::internal {

// Candidate priority of the person, organization and place rules.
inline constexpr int32_t kNerRulePriority = 40;

// Proposes PER candidates:
//  - a given name and the name parts after it: more given names, particles with their name
//    (بن سلمان، أبو مازن، عبد الله), initials (فلاديمير ف. بوتين) and family names;
//  - the name after a title or a role and its complement (السيد ديمترييف، وزير الخارجية
//    الروسي سيرجي لافروف): the title is not part of the span;
//  - an unknown word after a reporting verb when a clause boundary follows (قال ويتكوف إن);
//  - a long unknown word with a foreign-surname ending (ديمترييف).
// Reads the candidates proposed before it (the gazetteer) so a name built around a known one
// outranks it and known places or organizations end a name. Immutable and thread-safe.
class PersonMatcher : public Matcher {
 public:
  explicit PersonMatcher(std::shared_ptr<const NerLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}
  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_PERSON_MATCHER_H_
