#include "match/ner/misc_filter.h"

#include <algorithm>

#include "match/gazetteer.h"

namespace kashif::internal {
namespace {

// Words an event name may have between its head and the name inside it: دوري [أبطال] أوروبا.
constexpr size_t kMaxWordsBetween = 2;

}  // namespace

void MiscNameFilter::Refine(const Document& doc, const Options& options,
                            std::vector<Candidate>* candidates) const {
  if (candidates->empty()) return;
  const NerTokens tokens(doc, *lexicon_, {});
  auto inside_event = [&](const Candidate& c) {
    // A place inside an event's name is part of that name, not the place: كأس آسيا is a
    // tournament, wherever it is played (ANERcorp mostly tags the whole name as MISC, AQMAR
    // leaves the place untagged); only a venue word keeps it (أولمبياد بكين). So is a person
    // in a prize's name (جائزة نوبل) or an organization in a cup's name.
    if (c.type != EntityType::kPerson && c.type != EntityType::kOrganization &&
        c.type != EntityType::kPlace) {
      return false;
    }
    if (c.priority >= kUserGazetteerPriority || c.first_token >= tokens.size()) return false;
    if (tokens[c.first_token].reading_flags & kNerEvent) return false;  // the event word itself
    size_t between = 0;
    for (size_t j = c.first_token; j-- > 0;) {
      const NerToken& t = tokens[j];
      if (!t.word || t.conjunction) return false;
      if ((t.reading_flags | t.bare_flags) & kNerEvent) {
        // Where the event is held is still a place: أولمبياد [بكين]، رالي [تركيا].
        return c.type != EntityType::kPlace || !((t.reading_flags | t.bare_flags) & kNerEventVenue);
      }
      if ((t.flags & (kNerStop | kNerVerb)) || ++between > kMaxWordsBetween) return false;
    }
    return false;
  };
  candidates->erase(std::remove_if(candidates->begin(), candidates->end(), inside_event),
                    candidates->end());
}

}  // namespace kashif::internal
