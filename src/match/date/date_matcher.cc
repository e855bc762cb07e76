#include "match/date/date_matcher.h"

#include "match/date/date_grammar.h"

namespace kashif::internal {

DateMatcher::DateMatcher() {
  // Build the shared tables now rather than on the first Propose().
  (void)DateLexicon::Get();
  (void)NumberParser::Get();
  (void)HijriMonthLength(1446, 9, HijriCalendar::kUmmAlQura);  // parses the Umm al-Qura table
}

void DateMatcher::Propose(const Document& doc, const Options& options,
                          std::vector<Candidate>* out) const {
  date_grammar::Grammar(doc, options).Run(out);
}

}  // namespace kashif::internal
