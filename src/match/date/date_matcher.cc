#include "match/date/date_matcher.h"

#include "match/date/date_grammar.h"

namespace kashif::internal {

DateMatcher::DateMatcher(const DateLexicon& lexicon, const NumberParser& numbers)
    : lexicon_(&lexicon), numbers_(&numbers) {
  // Build the shared table now rather than on the first Propose().
  (void)HijriMonthLength(1446, 9, HijriCalendar::kUmmAlQura);  // parses the Umm al-Qura table
}

void DateMatcher::Propose(const Document& doc, const Options& options,
                          std::vector<Candidate>* out) const {
  date_grammar::Grammar(doc, options, *lexicon_, *numbers_).Run(out);
}

}  // namespace kashif::internal
