#include "match/percent/percent_matcher.h"

#include <algorithm>
#include <optional>
#include <string>

#include "number/number_parser.h"
#include "number/number_range.h"
#include "number/percent_marker.h"

namespace kashif::internal {

namespace {

struct Percent {
  size_t first_token = 0, end_token = 0;
  uint32_t begin = 0;
  Decimal value;
  std::optional<Decimal> upper;
};

// The percentage whose marker runs from token `marker` to `end` (exclusive): the number just
// before the marker, the longest that ends there, opened no earlier than `free_from`.
std::optional<Percent> NumberBefore(const NumberParser& parser, const Document& doc, size_t marker,
                                    size_t end, size_t free_from) {
  const NumberParseOptions options = AmountParseOptions();
  const size_t earliest = std::max(free_from, marker > 8 ? marker - 8 : size_t{0});
  for (size_t s = earliest; s < marker; ++s) {
    std::optional<NumberParse> p = parser.ParseAt(doc, s, options);
    if (!p || p->end_token != marker || p->value.IsNegative()) continue;
    Percent out;
    out.first_token = s;
    out.end_token = end;
    out.begin = p->begin;
    out.value = p->value;
    // "بين عشرة وعشرين في المئة" parsed as one number: the high end starts inside it.
    if (std::optional<size_t> high_at = HighEndInside(parser, doc, *p, options)) {
      if (auto high = parser.ParseAt(doc, *high_at, options)) p = high;
    }
    if (std::optional<NumberRange> range = RangeBefore(parser, doc, *p, options)) {
      if (range->first_token >= free_from) {
        out.first_token = range->first_token;
        out.begin = range->begin;
        out.upper = p->value;
        out.value = range->low;
      }
    }
    return out;
  }
  return std::nullopt;
}

// "٪17": a leading sign and the digits right after it.
std::optional<Percent> NumberAfterSign(const NumberParser& parser, const Document& doc,
                                       size_t sign) {
  const size_t at = sign + 1;
  if (at >= doc.tokens.size() || doc.tokens[at].kind != TokenKind::kNumber) return std::nullopt;
  std::optional<NumberParse> p = parser.ParseAt(doc, at, AmountParseOptions());
  if (!p || p->has_words || p->value.IsNegative()) return std::nullopt;
  Percent out;
  out.first_token = sign;
  out.end_token = p->end_token;
  out.begin = doc.tokens[sign].begin;
  out.value = p->value;
  return out;
}

}  // namespace

void PercentMatcher::Propose(const Document& doc, const Options&,
                             std::vector<Candidate>* out) const {
  const size_t n = doc.tokens.size();
  size_t free_from = 0;
  const PercentWords& words = numbers_->percent_words();
  const Token* const tokens = doc.tokens.data();
  const TokenAnalysis* const analyses = doc.analyses.data();
  for (size_t t = 0; t < n; ++t) {
    // What MayBePercentMarker() turns away (words without the number bit, digits, Latin
    // words: nearly every token), passed over in a loop of a few instructions a token.
    while (t < n && (tokens[t].kind == TokenKind::kArabicWord
                         ? (analyses[t].lexicons & kLexNumber) == 0
                         : tokens[t].kind != TokenKind::kSymbol &&
                               tokens[t].kind != TokenKind::kPunctuation)) {
      ++t;
    }
    if (t == n) break;
    if (!MayEndPercentMarker(words, doc, t)) continue;
    std::optional<Percent> found;
    if (std::optional<size_t> marker = PercentMarkerEndingAt(*numbers_, doc, t)) {
      if (*marker >= free_from) found = NumberBefore(*numbers_, doc, *marker, t + 1, free_from);
    }
    if (!found && t >= free_from && IsLeadingPercentSign(*numbers_, doc, t)) {
      found = NumberAfterSign(*numbers_, doc, t);
    }
    if (!found) continue;
    Candidate c;
    c.type = EntityType::kPercent;
    c.first_token = static_cast<uint32_t>(found->first_token);
    c.end_token = static_cast<uint32_t>(found->end_token);
    c.begin = found->begin;
    c.end = doc.tokens[found->end_token - 1].end;
    c.priority = kPercentPriority;
    analyzer_->AppendDisplayForm(doc.text.substr(c.begin, c.end - c.begin), &c.canonical);
    c.percent = PercentValue{found->value.ToString(),
                             found->upper ? found->upper->ToString() : std::string()};
    out->push_back(std::move(c));
    free_from = found->end_token;
    t = found->end_token - 1;
  }
}

}  // namespace kashif::internal
