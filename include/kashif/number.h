// Arabic number parsing: digits of every script and number words, cardinal and ordinal.
//
//   kashif::ParseNumber("ثلاثمائة وأربعة وعشرون")   -> "324"
//   kashif::ParseNumber("2.5 مليار")                 -> "2500000000"
//   kashif::ParseNumber("خمسة ملايين ونصف مليون")    -> "5500000"
//   kashif::ParseNumber("الحادي عشر")                -> "11" (an ordinal; see NumberMatch)
//   kashif::FindNumbers("دفع ١٢ ألف دينار")          -> one match, bytes of "١٢ ألف", "12000"
//
// What is understood:
//  - Digits: ASCII, Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹), with thousands and
//    decimal separators: "1,250,000", "3.75", "١٬٠٠٠", "٢٫٥". A single ',' '٬' or '،' followed
//    by exactly three digits groups thousands; otherwise it is a decimal mark.
//  - Number words of Modern Standard Arabic in their gender and case forms (ثلاث/ثلاثة،
//    عشرون/عشرين، مائة/مئة، مئتان/مئتين، ألف/آلاف/ألفان، مليون/ملايين، مليار/بليون، تريليون),
//    compounds joined with و, fractions (نصف، ربع، ثلث، ثلاثة أرباع; "ثلاثة وخمس" = 3.2 where a
//    unit cannot stand; "ثلاثة وعشرون خمس" = 23/5; "خمس العشرين" = 4), common Egyptian and
//    Levantine forms (حداشر، تلتمية، ميتين), and digits mixed with scale words ("5 ملايين").
//  - Ordinals: الأول ... العاشر، الحادي عشر ... التاسع عشر، العشرون، الحادي والعشرون ...
//  - Digits with symbols: a sign ("-٤/٥"), a mixed fraction ("2 1/4" = 2.25), scientific
//    notation ("-12e-1" = -1.2) and integer powers ("1.1^23", "2.5^-1" = 0.4).
//  - A percentage as a whole expression, read as the fraction it stands for: "25%" = 0.25,
//    "٪17" = 0.17, "9 في المئة" = 0.09 (ParseNumber, ParseNumberExpression; FindNumbers
//    reports the number of a percentage in running text as it is written, 25).
//  - Thousands grouped by a space, no-break or narrow space ("3 450 120.75"), by dots
//    ("1.234.567"), by Arabic commas before a decimal comma ("47،310,65"), and a number that
//    direction marks cut ("18340‏,‏25").
//  - As a whole expression, a number said in words, a comma and its hundredths said in words,
//    the way amounts are written out: "اثنا عشر , ثلاثون" = 12.3, "اثنا عشر , ثلاث" = 12.03.
//  - A spoken fraction of two numbers, "X على Y" / "X من Y" ("واحد على ثلاثة", "واحد من مئة").
//    In running text only with a count of one or at the opening of a sentence: after a verb
//    the words share out ("وزعت 100 على 5 أسر" is two numbers, no 20).
//
// Values are exact: no floating point anywhere. A value is written as a plain decimal string
// without exponent, grouping or trailing fractional zeros: "324", "2500000000", "20.43", "0.5".
//
// Thread safety: these are free functions over immutable, lazily built tables (the first
// call builds them, thread-safely); they may be called concurrently from any threads.
#ifndef KASHIF_NUMBER_H_
#define KASHIF_NUMBER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/export.h"

namespace kashif {

// One number found in running text.
struct NumberMatch {
  size_t begin = 0;   // byte offset into the searched text (after any proclitic: in "وخمسة"
  size_t end = 0;     // the number is "خمسة"), half-open
  std::string value;  // exact decimal string, e.g. "12000", "2.5"
  bool ordinal = false;  // "الحادي عشر" (value "11"), "العشرين" read as "the twentieth"
};

// Parses `text` as one whole number expression (leading and trailing white space allowed).
// Returns the exact decimal value, or nullopt when `text` is not exactly one number (empty,
// invalid UTF-8, other words around the number, ...). Ordinals parse to their value.
KASHIF_EXPORT std::optional<std::string> ParseNumber(std::string_view text);

// Parses `text` as one whole expression and says whether it is an ordinal; nullopt as above.
KASHIF_EXPORT std::optional<NumberMatch> ParseNumberExpression(std::string_view text);

// Finds every number in running text, left to right, longest first, non-overlapping. Bare
// words that are numbers only in context are not reported on their own: "أحد" (also "someone",
// "Sunday"), "واحد" ("أي واحد" = "which one"), "صفر" (also the month Safar), unless the whole
// text is that one number. Digits glued to a word ("١٨٠مل", "2000دولار", "١مليون") are a
// measure or an amount, not reported here. A digit run of several groups that is no one
// number ("١٩٢.١٦٨.١.٢", "5/17/2018") gives each group; a lone "3/4" in running text gives
// nothing (a day/month). Invalid UTF-8 is skipped (see tokenizer.h).
KASHIF_EXPORT std::vector<NumberMatch> FindNumbers(std::string_view text);

}  // namespace kashif

#endif  // KASHIF_NUMBER_H_
