#include "match/misc_filter.h"

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
    // Places inside event names stay: Arabic NER corpora disagree (ANERcorp tags كأس [آسيا],
    // AQMAR does not), and a place is useful to a reader either way. A person in a prize's name
    // (جائزة نوبل) or an organization in a cup's name is not.
    if (c.type != EntityType::kPerson && c.type != EntityType::kOrganization) return false;
    if (c.priority >= kUserGazetteerPriority || c.first_token >= tokens.size()) return false;
    if (tokens[c.first_token].reading_flags & kNerEvent) return false;  // the event word itself
    size_t between = 0;
    for (size_t j = c.first_token; j-- > 0;) {
      const NerToken& t = tokens[j];
      if (!t.word || t.conjunction) return false;
      if ((t.reading_flags | t.bare_flags) & kNerEvent) return true;
      if ((t.flags & (kNerStop | kNerVerb)) || ++between > kMaxWordsBetween) return false;
    }
    return false;
  };
  candidates->erase(std::remove_if(candidates->begin(), candidates->end(), inside_event),
                    candidates->end());
}

}  // namespace kashif::internal
