// The date grammar: Gregorian and Hijri calendar dates, weekdays, years, numeric dates,
// decades and centuries, ranges and expressions relative to the reference date, each with a
// TIMEX3 value and, where it can be computed, the Gregorian date or interval it means.
//
// What counts as a date here: a point or span on the calendar ("27 فبراير", "عام 2022",
// "الأسبوع الماضي", "منذ ثلاثة أيام"). Durations and ages ("سبعة أيام", "49 عامًا",
// "لمدة 30 يومًا") are not dates: a count followed by a unit is only a date when منذ / قبل /
// بعد points it at the reference date, and not when من / على anchors it to an event ("بعد
// يومين من الاجتماعات").
//
// Relative expressions are resolved against Document::reference_date, else
// Options::reference_date; without either they keep a TIMEX3 value with X placeholders and no
// `resolved` value. Options::date_bias decides whether a bare weekday, a day and month without
// a year, or a bare month points back (the most recent one on or before the reference date)
// or forward (the next one on or after it). Weeks are ISO weeks (Monday to Sunday) and the
// weekend is the ISO one (Saturday and Sunday).
//
// The grammar itself is date_grammar.h's Grammar class, defined by concern in date_*.cc; the
// conventions behind the values are in docs/dates.md.
//
// Thread safety: immutable after construction; Propose() may run concurrently.
#ifndef KASHIF_SRC_MATCH_DATE_DATE_MATCHER_H_
#define KASHIF_SRC_MATCH_DATE_DATE_MATCHER_H_

#include <vector>

#include "match/date/date_lexicon.h"
#include "match/matcher.h"
#include "number/number_parser.h"

namespace kashif::internal {


class DateMatcher : public Matcher {
 public:
  // Reads the date words of `lexicon` and the numbers of `numbers`, both bound to the vocabulary
  // of the analyzer whose documents it is given; both outlive the matcher (the model owns them).
  DateMatcher(const DateLexicon& lexicon, const NumberParser& numbers);
  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  const DateLexicon* lexicon_;
  const NumberParser* numbers_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_DATE_DATE_MATCHER_H_
