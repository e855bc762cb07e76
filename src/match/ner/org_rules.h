// Organization rules: a head noun and the construct and adjectives that complete the name.
#ifndef KASHIF_SRC_MATCH_NER_ORG_RULES_H_
#define KASHIF_SRC_MATCH_NER_ORG_RULES_H_

#include <memory>
#include <vector>

#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"

namespace kashif::internal {

// The end of the quoted name whose opening mark is token k (one past its last word, the
// closing mark), or 0: « السفير »، " هوانج تي ". Used by the organization and person rules.
size_t QuotedNameEnd(const NerTokens& tokens, size_t k);

// Proposes ORG candidates:
//  - an indefinite head noun (وزارة، شركة، صندوق ...) with its genitive complement (a definite
//    noun, a chain of indefinite nouns ending in one: اتحاد صناعة السيارات, a known name:
//    جامعة القاهرة, or a proper name followed by a boundary: شركة ماكينزي), then relational
//    adjectives (صندوق الثروة السيادية الروسية) and one "لل" complement after an adjective
//    (الهيئة العامة للاستثمار);
//  - a definite head that names an organization with an adjective (الاتحاد الأوروبي);
//  - a descriptor before a quoted name: the quoted words, whatever they are (صحيفة « السفير »),
//    a listed place among them (صحيفة « الشرق الأوسط »);
//  - a listed place standing for its club: after a club word (فريق [برشلونة]، على ضيفه [بورتو]),
//    before a masculine nationality adjective, which a city (feminine) would not take (فالنسيا
//    الإسباني), or joined by و to such a club;
//  - the definite rest of a listed "descriptor + name" (نادي الهلال، قناة الجزيرة) alone
//    elsewhere in the same document.
// A listed "descriptor + organization" (حركة حماس) gives way to the organization inside it.
// The name stops at function words, time words, verbs, conjunctions and prepositional phrases.
// A name built around a known place, person or organization outranks it. Heads of everyday
// phrases (مجلس الإدارة، لجنة التحقيق) need a longer name or a known one inside.
//
// Debatable calls, following CoNLL / OntoNotes practice:
//  - إدارة is no head: "إدارة ترامب" is the Trump administration described, not named; the
//    person ترامب is found, the phrase is not an organization.
//  - Descriptors stay out of proper names: شركة [ماكينزي], حركة [حماس]; a definite complement
//    keeps the head: [شركة الغاز الوطنية].
//  - Armies and forces described by nationality (الجيش اللبناني، قوات إثيوبية) are not names.
// Immutable and thread-safe.
class OrgRules : public Matcher {
 public:
  explicit OrgRules(std::shared_ptr<const NerLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_ORG_RULES_H_
