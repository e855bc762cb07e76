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
#include "match/date/date_lexicon.h"
#include "match/matcher.h"
#include "number/number_parser.h"

namespace kashif::internal {

class TimeMatcher : public Matcher {
 public:
  // The clock-time words: compiled, their first words added to the vocabulary (AddWordsTo),
  // then shared by the matchers of every model over that vocabulary.
  struct Lexicon;
  // The words of data/time_words.tsv-format content in `analyzer`'s match forms (every Analyzer
  // folds alike). On a malformed line the lexicon is empty and *error (when given) says why.
  static std::shared_ptr<const Lexicon> CompileLexicon(const Analyzer& analyzer,
                                                       std::string_view tsv, std::string* error);
  // The embedded data/time_words.tsv.
  static std::shared_ptr<const Lexicon> CompileDefaultLexicon(const Analyzer& analyzer);
  // Adds the first word of every phrase to the vocabulary being built (kLexTime), so that a
  // token whose readings lack the bit is passed over without a lookup.
  static void AddWordsTo(const Lexicon& lexicon, VocabularyBuilder* builder);

  // Reads the phrases of `lexicon`, numbers with `numbers` and day words ("اليوم") with
  // `dates`, all of `analyzer`'s vocabulary; all outlive the matcher (the model owns them).
  TimeMatcher(const Analyzer& analyzer, const NumberParser& numbers, const DateLexicon& dates,
              std::shared_ptr<const Lexicon> lexicon);
  ~TimeMatcher() override;

  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  const Analyzer* analyzer_;
  const NumberParser* numbers_;
  const DateLexicon* dates_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_TIME_TIME_MATCHER_H_
