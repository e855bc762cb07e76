// The public number API (include/kashif/number.h) over the internal grammar.
#include "kashif/number.h"

#include "kashif/tokenizer.h"
#include "number/number_parser.h"
#include "pipeline/analyzer.h"
#include "pipeline/document.h"

namespace kashif {
namespace {

const internal::Analyzer& SharedAnalyzer() {
  static const internal::Analyzer* const analyzer = new internal::Analyzer();
  return *analyzer;
}

void Analyze(std::string_view text, internal::Document* doc) {
  doc->text = text;
  Tokenizer().Tokenize(text, &doc->tokens);
  SharedAnalyzer().Analyze(doc);
}

// A digit fraction "77/100" (only when the whole expression is that one token).
std::optional<internal::Decimal> DigitFraction(std::string_view key) {
  size_t slash = key.find('/');
  if (slash == std::string_view::npos || key.find('/', slash + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  auto num = internal::ParseDigits(key.substr(0, slash));
  auto den = internal::ParseDigits(key.substr(slash + 1));
  if (!num || !den) return std::nullopt;
  return num->DividedBy(*den);
}

}  // namespace

std::optional<NumberMatch> ParseNumberExpression(std::string_view text) {
  internal::Document doc;
  Analyze(text, &doc);
  const size_t n = doc.tokens.size();
  if (n == 0) return std::nullopt;
  internal::NumberParseOptions options;
  options.allow_weak_alone = true;
  options.allow_proclitic = false;
  // An expression may open with a sign ("-٤/٥") or a bare decimal point (".77").
  size_t first = 0;
  bool negative = false, leading_point = false;
  if (n >= 2 && doc.tokens[1].glued_to_previous && doc.tokens[1].kind == TokenKind::kNumber) {
    std::string_view lead = doc.TokenText(0);
    negative = lead == "-" || lead == "\xE2\x88\x92";
    leading_point = lead == "." || lead == "\xD9\xAB";
    if (n == 2 && (negative || leading_point)) first = 1;
  }
  NumberMatch match;
  match.begin = doc.tokens[0].begin;
  match.end = doc.tokens[n - 1].end;
  if (n - first == 1 && doc.tokens[first].kind == TokenKind::kNumber) {
    std::string_view key = doc.Key(first);
    std::optional<internal::Decimal> value;
    if (leading_point) {
      value = internal::ParseDigits("0." + std::string(key));
    } else {
      value = internal::ParseDigits(key);
      if (!value) value = DigitFraction(key);
    }
    if (value) {
      match.value = (negative ? value->Negated() : *value).ToString();
      return match;
    }
    if (first == 1) return std::nullopt;
  }
  auto parse = internal::NumberParser::Get().ParseAt(doc, 0, options);
  if (!parse || parse->end_token != n) return std::nullopt;
  match.value = parse->value.ToString();
  match.ordinal = parse->ordinal;
  return match;
}

std::optional<std::string> ParseNumber(std::string_view text) {
  auto match = ParseNumberExpression(text);
  if (!match) return std::nullopt;
  return std::move(match->value);
}

std::vector<NumberMatch> FindNumbers(std::string_view text) {
  internal::Document doc;
  Analyze(text, &doc);
  std::vector<NumberMatch> out;
  for (const internal::NumberParse& p : internal::NumberParser::Get().FindAll(doc)) {
    // Digits glued to a word ("١٨٠مل", "2000دولار") are a measure, a code or an amount that
    // the matchers which know the word report; as bare numbers they would mislead.
    const Token& last = doc.tokens[p.end_token - 1];
    if (last.kind == TokenKind::kNumber && p.end_token < doc.tokens.size()) {
      const Token& after = doc.tokens[p.end_token];
      if (after.glued_to_previous &&
          (after.kind == TokenKind::kArabicWord || after.kind == TokenKind::kLatinWord)) {
        continue;
      }
    }
    NumberMatch m;
    m.begin = p.begin;
    m.end = p.end;
    m.value = p.value.ToString();
    m.ordinal = p.ordinal;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace kashif
