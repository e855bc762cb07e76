// The time matcher: clock times, with their day and time zone when the text names them.
//
//   "الساعة الرابعة عصرا"          T16:00
//   "في الساعة 9:45 صباحا"         T09:45 (the preposition stays out of the span)
//   "قبيل منتصف الليل"             T24:00 (قبيل "shortly before" is in the span, not the value)
//   "السابعة مساء أمس"             2025-04-02T19:00 with reference date 2025-04-03; T19:00 without
//   "الساعة 14:00 بتوقيت غرينتش"   T14:00, zone GMT
//
// A number is an hour only with a clock cue: الساعة before it, a part of the day after it
// (صباحا، ظهرا، عصرا، مساء، ليلا، فجرا، بعد الظهر, or in construct before a day: "مساء أمس"), or
// both. Hours are read by the number grammar (digits, cardinals, the feminine ordinals الرابعة،
// الحادية عشرة), minutes from "9:45", والنصف / والربع / والثلث, "إلا ربعا", "وعشر دقائق". A part
// of the day turns 1-12 into an hour of the day (see data/time_words.tsv); a written 13-24 wins
// over the part. The day after the part ("أمس", "اليوم", "غدا", a weekday) is read with the date
// words (match/date_lexicon.h) and resolved against the reference date like a DATE.
// The words around the numbers live in data/time_words.tsv.
//
// Thread safety: immutable after construction; Propose() may run concurrently.
#ifndef KASHIF_SRC_MATCH_TIME_TIME_MATCHER_H_
#define KASHIF_SRC_MATCH_TIME_TIME_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/vocabulary.h"
#include "match/matcher.h"

namespace kashif::internal {

class TimeMatcher : public Matcher {
 public:
  // The words of the embedded data/time_words.tsv in `analyzer`'s match forms.
  explicit TimeMatcher(const Analyzer& analyzer);
  // The same from TSV content; on a malformed line the matcher is empty and *error says why.
  TimeMatcher(const Analyzer& analyzer, std::string_view tsv, std::string* error);
  ~TimeMatcher() override;

  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

  // Adds the first word of every phrase to the vocabulary (kLexTime), so that a token whose
  // readings lack the bit is passed over without a lookup.
  void AddWordsTo(VocabularyBuilder* builder) const;

  struct Lexicon;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  const Analyzer* analyzer_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_TIME_TIME_MATCHER_H_
