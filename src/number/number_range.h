// Two numbers as a range, the way news writes amounts and percentages: "بين 3 و5 ملايين دولار",
// "من 10 إلى 15 مليون يورو", "ما بين عشرة وعشرين", "من عشرة لعشرين", "10-20 دولار",
// "بين 3 و5 في المئة". The money and percent matchers read the high end with its unit as they
// read any amount, then ask here for the low end before it: one range grammar for both.
// The range words live in data/range_words.tsv.
//
// The low end is given in the high end's terms: a bare low number takes the scale word that
// ends the high one ("بين 3 و5 ملايين" is 3000000 to 5000000, "بين 200 و300 ألف" 200000 to
// 300000); a low number with its own scale keeps it ("بين 500 ألف و2 مليون"). A range whose
// low end is not below its high end is no range.
//
// The range words are the number parser's (NumberParser::range_words()), so every function
// takes the parser whose numbers it reads.
//
// Thread safety: free functions over immutable tables; may run concurrently.
#ifndef KASHIF_SRC_NUMBER_NUMBER_RANGE_H_
#define KASHIF_SRC_NUMBER_NUMBER_RANGE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "number/decimal.h"
#include "number/number_parser.h"

namespace kashif::internal {

enum class RangeRole : uint8_t { kFrom, kTo };

// data/range_words.tsv in match form (a sign as written).
class RangeWords {
 public:
  explicit RangeWords(std::string_view tsv);
  // Whether `form` (a token's match form, or its text when it has none) is a word of `role`.
  bool Is(std::string_view form, RangeRole role) const;

 private:
  absl::flat_hash_map<std::string, RangeRole> roles_;
};

struct NumberRange {
  Decimal low;  // in the high end's terms (see above)
  // Where the range starts: its opening word ("بين", "من") after any proclitic of that token,
  // or the low number itself when no word opens it ("10 - 20").
  size_t first_token = 0;
  uint32_t begin = 0;
};

// The range whose high end is `high` (a number parsed at high.first_token), or nullopt when
// no low end and connector stand before it. `options` are the ones `high` was parsed with.
std::optional<NumberRange> RangeBefore(const NumberParser& numbers, const Document& doc,
                                       const NumberParse& high, const NumberParseOptions& options);

// When `whole` swallowed a range that a range word opens ("بين عشرة وعشرين" parses as one
// number, 30): the token where the high end starts (its و a proclitic or a token of its own),
// so that the caller reads the high end there and asks RangeBefore(). nullopt otherwise.
std::optional<size_t> HighEndInside(const NumberParser& numbers, const Document& doc,
                                    const NumberParse& whole, const NumberParseOptions& options);

// Both ends of a digit token written "10-20" (a hyphen or an en dash between two numbers,
// the low one first), or nullopt.
std::optional<std::pair<Decimal, Decimal>> DigitRange(std::string_view key);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_NUMBER_RANGE_H_
