// Place rules: names announced by a trigger word.
#ifndef KASHIF_SRC_MATCH_NER_PLACE_RULES_H_
#define KASHIF_SRC_MATCH_NER_PLACE_RULES_H_

#include <memory>
#include <vector>

#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"

namespace kashif::internal {

// Proposes LOC candidates for the name after a trigger word, the trigger left out as the usual
// Arabic NER annotation does: an administrative unit (مدينة [حلب]، محافظة، ولاية، قرية،
// العاصمة الأردنية [عمان]) or a natural feature (نهر [النيل]، جزيرة، جبل، خليج). The name is
// one word, or two when the first is a short prefix of compound names (دير، سان، بيت).
// Names the gazetteer already knows are left to it; relational adjectives (nationality
// adjectives: الروسية) are never taken as places. Listed names follow the same convention: a
// trigger, feature or state word stays out of them (نهر [النيجر]، دولة [قطر]، نهر [بردى]), and a
// one-word place shaped like a relational adjective right after a definite noun is that noun's
// adjective (التكية السليمانية).
// Weak triggers (منطقة، حي) announce a name only when it looks like one (منطقة [كسروان], not
// منطقة الجزاء). A building or site with its own name is one place, the facility word inside
// ([متحف برادو]، [مطار عمان الدولي]), but a bare listed place after it is the place it serves
// (مطار [عمان]). A listed city after a trigger stays a place where a sports text would read it
// as its club (مدينة [فالنسيا]).
// Historic and holy sites named by a relational adjective formed on a given name are one place
// with their epithets ([المرقد الحسيني]، [الروضة الحسينية المطهرة]). A foreign-shaped word no
// list knows is a place after في (في [دارفور]) or joined by و to a place (غانا [وبوتسوانا]);
// any name no list knows in a comma list of places is one too (الشميساني ، [اللويبدة] ، عبدون).
// Immutable and thread-safe.
class PlaceRules : public Matcher {
 public:
  explicit PlaceRules(std::shared_ptr<const NerLexicon> lexicon) : lexicon_(std::move(lexicon)) {}
  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  std::shared_ptr<const NerLexicon> lexicon_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_PLACE_RULES_H_
