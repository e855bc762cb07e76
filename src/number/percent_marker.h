// What marks a number as a percentage: "%", "٪" (after the number, or before it as Arabic text
// often writes "٪17"), "في المئة", "بالمائة" (data/percent_words.tsv). Read by the percent
// matcher and by the public number API ("25%" is 0.25), so both take the same markers.
//
// The markers are the number parser's (NumberParser::percent_words()).
//
// Thread safety: free functions over immutable tables; may run concurrently.
#ifndef KASHIF_SRC_NUMBER_PERCENT_MARKER_H_
#define KASHIF_SRC_NUMBER_PERCENT_MARKER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/document.h"
#include "core/lexicon_ids.h"
#include "kashif/tokenizer.h"
#include "number/number_parser.h"

namespace kashif::internal {

// data/percent_words.tsv: each marker as its tokens' match forms (a sign as written).
class PercentWords {
 public:
  struct Marker {
    std::vector<std::string> before;  // the forms before the last, in text order
    bool leading = false;             // may stand before the number
  };

  explicit PercentWords(std::string_view tsv);

  // False for most forms without hashing them: no marker ends with a form that starts with
  // their first two bytes (a comma, a full stop, most words).
  bool MayEndWith(std::string_view form) const {
    return !form.empty() && last_pairs_.MayContain(form);
  }
  const std::vector<Marker>* EndingWith(std::string_view form) const;

 private:
  absl::flat_hash_map<std::string, std::vector<Marker>> by_last_;
  FirstBytePairs last_pairs_;  // of the keys of by_last_
};

// Whether token t may end a percent marker or be a leading sign: a word with the number-word
// bit (every marker word ends in a hundred) or a sign. False for nearly every token of running
// text, told from the token kind and lexicon bits alone (callers test it inline first).
inline bool MayBePercentMarker(const Document& doc, size_t t) {
  const TokenKind kind = doc.tokens[t].kind;
  if (kind == TokenKind::kArabicWord) return (doc.Lexicons(t) & kLexNumber) != 0;
  return kind == TokenKind::kSymbol || kind == TokenKind::kPunctuation;
}

// Whether token t may end a percent marker or be a leading sign, by its kind, its lexicon bits
// and the first two bytes of its form: false wherever PercentMarkerEndingAt() and
// IsLeadingPercentSign() find nothing, for nearly every token without a call or a lookup.
inline bool MayEndPercentMarker(const PercentWords& words, const Document& doc, size_t t) {
  if (!MayBePercentMarker(doc, t)) return false;
  const std::string_view key = doc.Key(t);
  const std::string_view text = doc.TokenText(t);
  if (words.MayEndWith(key.empty() ? text : key)) return true;  // PercentMarkerEndingAt's form
  const TokenKind kind = doc.tokens[t].kind;
  return (kind == TokenKind::kSymbol || kind == TokenKind::kPunctuation) && words.MayEndWith(text);
}

// The first token of the percent marker whose last token is `last` ("في" of "في المئة" for the
// token "المئة"), or nullopt when no marker ends there. Cheap for a token that can end none: a
// word without the number-word bit (every marker word ends in a hundred) or another sign.
std::optional<size_t> PercentMarkerEndingAt(const NumberParser& numbers, const Document& doc,
                                            size_t last);

// Whether token t is a percent sign that may stand before its number ("٪17").
bool IsLeadingPercentSign(const NumberParser& numbers, const Document& doc, size_t t);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_PERCENT_MARKER_H_
