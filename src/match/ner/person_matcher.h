// Person rules: names found by their context and shape rather than by a list of people.
#ifndef KASHIF_SRC_MATCH_NER_PERSON_MATCHER_H_
#define KASHIF_SRC_MATCH_NER_PERSON_MATCHER_H_

#include <memory>
#include <vector>

#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"

namespace kashif::internal {


// Proposes PER candidates:
//  - a given name and the name parts after it: more given names, particles with their name
//    (بن سلمان، بن عبد الكريم), initials (فلاديمير ف. بوتين), a family name, a regnal number
//    (الحسن الثاني); a name may also start with a particle (أبو مازن، عبد الرحيم الزرقوني);
//  - the name after a title (السيد ديمترييف; after الإمام / الشيخ-type titles a definite word:
//    الإمام الحسين) or after a role and its complement (وزير الخارجية الروسي سيرجي لافروف), the
//    title not part of the span; after a role the name must be given, known, foreign-looking or
//    two unknown words;
//  - a name after a nationality adjective used as a noun (والكيني صامويل كيبتوم);
//  - an unknown word after a reporting verb when the subject ends there (قال ويتكوف إن);
//  - a long unknown word with a foreign-surname ending (ديمترييف);
//  - one to three unknown words joined by و or listed with commas after a person's name, when
//    the list goes on after them (ميشيل سالغادو و[روبرتو كارلوس] ،);
//  - two or three words of a foreign name's shape after a role or a person noun and a
//    nationality adjective (العداء الكيني [X Y] ثالثا، رجل الأعمال المصري [X الY] ،);
//  - in a match report, the scorer before the minutes in parentheses ([X Y] ( 27 ));
//  - the first name of a list after كل من when the list goes on with و.
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

#endif  // KASHIF_SRC_MATCH_NER_PERSON_MATCHER_H_
