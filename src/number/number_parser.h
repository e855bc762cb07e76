// The number grammar over an analyzed Document, used by the money and date matchers and by the
// public number API (include/kashif/number.h).
//
// Thread safety: NumberParser is immutable once bound to its vocabulary (Bind()); ParseAt() /
// FindAll() may then run concurrently.
#ifndef KASHIF_SRC_NUMBER_NUMBER_PARSER_H_
#define KASHIF_SRC_NUMBER_NUMBER_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "number/decimal.h"
#include "core/document.h"
#include "core/vocabulary.h"

namespace kashif::internal {

class RangeWords;    // number/number_range.h
class PercentWords;  // number/percent_marker.h

struct NumberParse {
  Decimal value;
  // Token range [first_token, end_token) the number covers.
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  // Byte span in doc.text. begin is after any proclitic of the first token ("وخمسة" → "خمسة").
  uint32_t begin = 0;
  uint32_t end = 0;
  bool ordinal = false;  // الأول، الحادي عشر، العشرين (a tens word with the article)
  bool has_words = false;   // at least one number word
  bool has_digits = false;  // at least one digit token
  // True when the first token carried a proclitic that the span leaves out.
  bool skipped_proclitic = false;
};

struct NumberParseOptions {
  bool cardinals = true;
  bool ordinals = true;
  // Whether the first token may carry a proclitic (و ف ب ل ك), left out of the span.
  bool allow_proclitic = true;
  // Whether a lone context-dependent word counts ("أحد", also "someone"/"Sunday"; "واحد";
  // "صفر", also the month Safar; flagged `weak` in data/number_words.tsv). Off for running
  // text, on when the caller knows the text is a number (an amount before a currency).
  bool allow_weak_alone = false;
  // When not 0: the number ends at this token at the latest (a range's low end before its
  // connector: "بين عشرة وعشرين" read up to و).
  size_t stop_token = 0;
};
// A token that is a minus sign: "-" or U+2212 MINUS SIGN.
inline bool IsMinusSign(std::string_view text) { return text == "-" || text == "\xE2\x88\x92"; }

// How a number before its unit is read (a currency, a percent sign, minutes): cardinals only,
// and a lone word that is a number only in context ("واحد", "أحد") counts, since the unit
// beside it says it is a number.
inline NumberParseOptions AmountParseOptions() {
  NumberParseOptions options;
  options.ordinals = false;
  options.allow_weak_alone = true;
  return options;
}

// A digit token with '/' or '-' inside ("27/2/2025", "10-20") is never read as a number: it
// stops the parse, and the date matcher reads it.

class NumberParser {
 public:
  // The parser over the embedded data/number_words.tsv (the model's: extract/lexicons.h).
  static std::unique_ptr<NumberParser> CreateDefault();
  // Builds a parser from number-words TSV content (see data/number_words.tsv for the format).
  // Returns nullptr and sets *error on a malformed line. The range and percent words are the
  // embedded data/range_words.tsv and data/percent_words.tsv either way.
  static std::unique_ptr<NumberParser> Create(std::string_view tsv, std::string* error);

  // Adds every number word to the vocabulary being built (kLexNumber).
  void AddWordsTo(VocabularyBuilder* builder) const;
  // Binds the parser to the vocabulary built with AddWordsTo(), once, before it is shared: the
  // words are then found by the ids the analyzer put on the readings, and a word token without
  // kLexNumber is no number word. Every document parsed must come from an analyzer over it.
  void Bind(const Vocabulary& vocabulary);

  ~NumberParser();

  // The longest number starting at token `token` of `doc`, or nullopt. Uses the token keys
  // and readings the analyzer wrote.
  std::optional<NumberParse> ParseAt(const Document& doc, size_t token,
                                     const NumberParseOptions& options = {}) const;

  // Every number in `doc`, left to right, longest first, non-overlapping.
  std::vector<NumberParse> FindAll(const Document& doc,
                                   const NumberParseOptions& options = {}) const;

  // The value of a single match-form word ("خمسه", "مليون", "الحادي") as the grammar sees it,
  // for callers that look at one token (e.g. a dual currency word). nullopt if not a number word.
  std::optional<Decimal> WordValue(std::string_view key) const;
  // The same for token `token` of an analyzed `doc` (its match form), looked up by the word id
  // the analyzer stored rather than by hashing the form.
  std::optional<Decimal> WordValue(const Document& doc, size_t token) const;

  // Whether a match-form word joins a count to what it is counted out of ("من", "على"):
  // "جزء من مئة", "واحد على ثلاثة".
  bool IsOfWord(std::string_view key) const;
  bool IsOfWord(const Document& doc, size_t token) const;

  // The value of a word read as a fraction of one ("ربع" → 1/4, "خمس" → 1/5 though its first
  // reading is the unit five), or nullopt.
  std::optional<Decimal> FractionValue(std::string_view key) const;
  std::optional<Decimal> FractionValue(const Document& doc, size_t token) const;

  // False when ParseAt(doc, token, options) surely finds nothing: no reading of the word token
  // it tries can open a number ("من", "على"; "الأول" without ordinals), or the punctuation
  // mark is no minus sign, no decimal point before digits and no number word; true otherwise.
  // Reads the readings' word ids and the mark only: cheaper than a parse.
  bool MayStartAt(const Document& doc, size_t token, const NumberParseOptions& options) const;

  // The words of ranges and percent markers, which number_range.h and percent_marker.h read.
  const RangeWords& range_words() const;
  const PercentWords& percent_words() const;

  struct Impl;

 private:
  explicit NumberParser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The last token of a number that white space or invisible marks cut into tokens, starting
// at digit token t and ending before token `end`: thousands grouped by a space, no-break or
// narrow space ("3 450 120.75"), or a separator between direction marks ("18340‏,‏25"). Sets
// *joined to the digits and separators as one token would hold them ("3450120.75"). Returns t
// when nothing joins. ParseDigits(*joined) gives the value (or says it is no number).
size_t JoinedDigitsEnd(const Document& doc, size_t t, size_t end, std::string* joined);

// Parses a digit token's match form ("1,250,000", "3.75", "2٫5"; digits already ASCII).
// nullopt for anything else (a date "27/2/2025", a range "10-20", letters).
std::optional<Decimal> ParseDigits(std::string_view key);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_NUMBER_PARSER_H_
