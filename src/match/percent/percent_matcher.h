// The percent matcher: a number with a percent marker, and ranges of two.
//
//   "بنسبة 3.5%"            3.5         "٪17"                17
//   "9 في المئة"             9           "7.25 بالمئة"         7.25
//   "ثلاثين في المائة"       30          "نصف في المئة"        0.5
//   "بين 3 و5 في المئة"      3 to 5      "من 4 إلى 6 بالمئة"   4 to 6
//
// The number is read by the number grammar (number/number_parser.h), the marker by
// number/percent_marker.h and a range by number/number_range.h: the same readers as money.
// A proclitic of the number stays out of the span ("و15%" gives "15%").
//
// Thread safety: stateless; Propose() may run concurrently.
#ifndef KASHIF_SRC_MATCH_PERCENT_PERCENT_MATCHER_H_
#define KASHIF_SRC_MATCH_PERCENT_PERCENT_MATCHER_H_

#include <vector>

#include "core/analyzer.h"
#include "match/matcher.h"
#include "number/number_parser.h"

namespace kashif::internal {

class PercentMatcher : public Matcher {
 public:
  // `numbers` (with its percent and range words) is bound to `analyzer`'s vocabulary; both
  // outlive the matcher (the model owns them).
  PercentMatcher(const Analyzer& analyzer, const NumberParser& numbers)
      : analyzer_(&analyzer), numbers_(&numbers) {}

  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  const Analyzer* analyzer_;
  const NumberParser* numbers_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_PERCENT_PERCENT_MATCHER_H_
