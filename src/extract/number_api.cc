// The public number API (include/kashif/number.h) over the internal grammar.
#include "kashif/number.h"

#include <cstdlib>

#include "core/analyzer.h"
#include "core/document.h"
#include "extract/lexicons.h"
#include "kashif/tokenizer.h"
#include "number/number_parser.h"
#include "number/percent_marker.h"
#include "text/arabic.h"

namespace kashif {
namespace {

// The built-in lexicons the extractor models share: the number words, and the analyzer whose
// vocabulary they are bound to.
const internal::Lexicons& Lexicons() {
  static const internal::Lexicons* const lexicons = [] {
    const auto& built = internal::BuiltinLexicons();
    // Fails only on a malformed built-in NER file, which the tests rule out.
    if (!built.ok()) std::abort();
    return built->get();  // kept by BuiltinLexicons()
  }();
  return *lexicons;
}

const internal::NumberParser& Numbers() { return *Lexicons().numbers; }

void Analyze(std::string_view text, internal::Document* doc) {
  doc->text = text;
  Tokenizer().Tokenize(text, &doc->tokens);
  Lexicons().analyzer.Analyze(doc);
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

bool IsSignRun(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c != '-' && c != '+') return false;
  }
  return true;
}


// `v` × 10^shift written out, for a terminating `v`: the point moves, no digit is lost, so
// "1.2732" × 10^15 and 11^23 / 10^23 stay exact however many digits they need.
std::optional<std::string> ShiftPoint(const internal::Decimal& v, int shift) {
  if (!v.IsTerminating()) return std::nullopt;
  std::string s = v.ToString();
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string digits = s;
  long point = static_cast<long>(s.size());
  if (dot != std::string::npos) {
    digits = s.substr(0, dot) + s.substr(dot + 1);
    point = static_cast<long>(dot);
  }
  point += shift;
  if (point <= 0) {
    digits = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (point >= static_cast<long>(digits.size())) {
    digits += std::string(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    digits.insert(static_cast<size_t>(point), ".");
  }
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0' && digits[lead + 1] != '.') ++lead;
  digits.erase(0, lead);
  if (digits.find('.') != std::string::npos) {
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  if (negative && digits != "0") digits.insert(0, "-");
  return digits;
}

// |base|^exponent exactly. A positive power of a terminating decimal is an integer power with
// the point moved (the denominator 10^(d·k) would not fit the Decimal's 64 bits).
std::optional<std::string> Power(internal::Decimal base, int exponent) {
  if (base.IsNegative()) base = base.Negated();
  if (exponent == 0) return std::string("1");
  if (exponent > 0) {
    if (!base.IsTerminating()) return std::nullopt;
    std::string s = base.ToString();
    size_t dot = s.find('.');
    int fraction_digits = 0;
    if (dot != std::string::npos) {
      fraction_digits = static_cast<int>(s.size() - dot - 1);
      s.erase(dot, 1);
    }
    auto integer = internal::Decimal::Parse(s);
    if (!integer) return std::nullopt;
    internal::Decimal result = internal::Decimal::FromInt(1);
    for (int i = 0; i < exponent; ++i) {
      auto next = result.Times(*integer);
      if (!next) return std::nullopt;
      result = *next;
    }
    return ShiftPoint(result, -fraction_digits * exponent);
  }
  internal::Decimal result = internal::Decimal::FromInt(1);
  for (int i = 0; i < -exponent; ++i) {
    auto next = result.Times(base);
    if (!next) return std::nullopt;
    result = *next;
  }
  auto inverse = internal::Decimal::FromInt(1).DividedBy(result);
  if (!inverse) return std::nullopt;
  return inverse->ToString();
}

// A number written with digits and symbols or said as a fraction of two numbers, beyond what
// the word grammar reads: a sign before digits ("-٤/٥", "- 1 4/5"), a mixed fraction
// ("2 1/4"), scientific notation ("1e10", "-12e-1"), a power ("1.1^23", "2.5^-1") and a
// spoken fraction "X على Y" / "X من Y" ("واحد على ثلاثة", "واحد من مئة"). In running text the
// spoken fraction needs a count of one or an X that opens the sentence: after a verb the same
// words distribute ("وزعت 100 على 5 أسر" is no 20).
struct Extended {
  size_t end_token = 0;
  size_t begin = 0;
  size_t end = 0;
  std::string value;
};

std::optional<Extended> ExtendedAt(const internal::Document& doc, size_t t, bool standalone) {
  const size_t n = doc.tokens.size();
  const internal::NumberParser& parser = Numbers();
  auto glued = [&](size_t i) { return i < n && doc.tokens[i].glued_to_previous; };
  auto is_number = [&](size_t i) { return i < n && doc.tokens[i].kind == TokenKind::kNumber; };
  Extended out;
  out.begin = doc.tokens[t].begin;
  // A sign: opening the text, or after white space and glued to its digits.
  size_t s = t;
  bool negative = false;
  if (internal::IsMinusSign(doc.TokenText(t)) && is_number(t + 1) && (t == 0 || !glued(t)) &&
      (glued(t + 1) || t == 0)) {
    negative = true;
    s = t + 1;
  }
  if (is_number(s)) {
    std::string_view key = doc.Key(s);
    std::optional<internal::Decimal> mantissa = internal::ParseDigits(key);
    if (!mantissa) {
      // A lone digit fraction is a date's day/month in running text; signed it is a number.
      if (negative || standalone) {
        if (auto f = DigitFraction(key)) {
          out.end_token = s + 1;
          out.end = doc.tokens[s].end;
          out.value = (negative ? f->Negated() : *f).ToString();
          return out;
        }
      }
      return std::nullopt;
    }
    // Signs between an operator and its exponent: "^-1", "^+23", "^--23", "e-1".
    auto exponent_at = [&](size_t i, size_t* end_token) -> std::optional<int> {
      bool minus = false;
      while (i < n && glued(i) && IsSignRun(doc.TokenText(i))) {
        for (char c : doc.TokenText(i)) minus ^= c == '-';
        ++i;
      }
      if (!is_number(i) || !glued(i)) return std::nullopt;
      std::string_view k = doc.Key(i);
      if (k.empty() || k.size() > 3 || k.find_first_not_of("0123456789") != k.npos) {
        return std::nullopt;
      }
      *end_token = i + 1;
      int e = std::stoi(std::string(k));
      return minus ? -e : e;
    };
    size_t end_token = 0;
    std::optional<std::string> value;
    if (glued(s + 1) && doc.TokenText(s + 1) == "^") {
      if (auto e = exponent_at(s + 2, &end_token); e && *e <= 400 && *e >= -400) {
        value = Power(*mantissa, *e);
        if (value && mantissa->IsNegative() && (*e % 2 != 0) && *value != "0") {
          value->insert(0, "-");
        }
      }
    } else if (glued(s + 1) && doc.tokens[s + 1].kind == TokenKind::kLatinWord) {
      std::string_view e_text = doc.TokenText(s + 1);
      if (!e_text.empty() && (e_text[0] == 'e' || e_text[0] == 'E')) {
        std::string_view rest = e_text.substr(1);
        std::optional<int> e;
        if (rest.empty()) {
          e = exponent_at(s + 2, &end_token);
        } else if (rest.size() <= 3 && rest.find_first_not_of("0123456789") == rest.npos) {
          e = std::stoi(std::string(rest));
          end_token = s + 2;
        }
        if (e && *e <= 400 && *e >= -400) value = ShiftPoint(*mantissa, *e);
      }
    } else if (mantissa->IsInteger() && s + 1 < n && !glued(s + 1) && is_number(s + 1)) {
      // A mixed fraction: a whole number, a space, a proper digit fraction.
      if (auto f = DigitFraction(doc.Key(s + 1))) {
        if (!f->IsNegative() && f->Compare(internal::Decimal::FromInt(1)) < 0 &&
            (s + 2 >= n || !glued(s + 2) || doc.tokens[s + 2].kind == TokenKind::kPunctuation)) {
          if (auto sum = mantissa->Plus(*f)) {
            value = sum->ToString();
            end_token = s + 2;
          }
        }
      }
    }
    if (value) {
      if (negative && *value != "0") {
        value = (*value)[0] == '-' ? value->substr(1) : "-" + *value;
      }
      out.end_token = end_token;
      out.end = doc.tokens[end_token - 1].end;
      out.value = *value;
      return out;
    }
    if (negative) {
      out.end_token = s + 1;
      out.end = doc.tokens[s].end;
      out.value = mantissa->Negated().ToString();
      if (mantissa->IsZero()) out.value = "0";
      return out;
    }
  }
  if (negative) return std::nullopt;
  // A fraction of a definite number: "خمس العشرين" = 4, "ثلث الستين" = 20. The article marks the
  // number as the whole being divided (without it "خمس عشرين" is no number).
  if (doc.tokens[t].kind == TokenKind::kArabicWord && t + 1 < n &&
      doc.tokens[t + 1].kind == TokenKind::kArabicWord &&
      doc.Key(t + 1).substr(0, internal::kArticle.size()) == internal::kArticle) {
    if (auto part = parser.FractionValue(doc, t)) {
      internal::NumberParseOptions whole_options;
      whole_options.allow_proclitic = false;
      auto whole = parser.ParseAt(doc, t + 1, whole_options);
      if (whole && whole->value.IsInteger() && !(whole->value < internal::Decimal::FromInt(10))) {
        if (auto v = part->Times(whole->value)) {
          out.end_token = whole->end_token;
          out.end = whole->end;
          out.value = v->ToString();
          return out;
        }
      }
    }
  }
  // The spoken fraction.
  internal::NumberParseOptions counts;
  counts.ordinals = false;
  counts.allow_weak_alone = true;
  auto x = parser.ParseAt(doc, t, counts);
  if (!x) return std::nullopt;
  // "واحد جزء من مئة": a word that is a number only in context counts the parts of a whole.
  if (x->end_token >= t + 4 && parser.IsOfWord(doc, t + 2) && !parser.ParseAt(doc, t)) {
    out.begin = x->begin;
    out.end_token = x->end_token;
    out.end = x->end;
    out.value = x->value.ToString();
    return out;
  }
  if (x->end_token + 1 >= n || !parser.IsOfWord(doc, x->end_token)) return std::nullopt;
  counts.allow_proclitic = false;
  auto y = parser.ParseAt(doc, x->end_token + 1, counts);
  if (!y || y->value.IsZero()) return std::nullopt;
  const bool opens_sentence = t == 0 || doc.tokens[t - 1].kind == TokenKind::kPunctuation;
  if (!standalone && !opens_sentence && x->value != internal::Decimal::FromInt(1)) {
    return std::nullopt;
  }
  auto q = x->value.DividedBy(y->value);
  if (!q) return std::nullopt;
  out.begin = x->begin;
  out.end_token = y->end_token;
  out.end = y->end;
  out.value = q->ToString();
  return out;
}

}  // namespace

namespace {

std::optional<NumberMatch> WholeExpression(const internal::Document& doc) {
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
    negative = internal::IsMinusSign(lead);
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
  auto parse = Numbers().ParseAt(doc, 0, options);
  if (!parse || parse->end_token != n) {
    auto extended = ExtendedAt(doc, 0, /*standalone=*/true);
    if (!extended || extended->end_token != n) return std::nullopt;
    match.value = extended->value;
    return match;
  }
  match.value = parse->value.ToString();
  match.ordinal = parse->ordinal;
  return match;
}

// A digit token of several groups that is no one number: an address "١٩٢.١٦٨.١.٢" (a digit
// run with more than one point is no decimal), a date "5/17/2018", a phone "1-222-2222". The
// groups are numbers each, as a reader sees them. Keys hold one ASCII character per character
// of the token, so the groups' bytes are found by walking both.
void AddDigitGroups(const internal::Document& doc, size_t t, std::vector<NumberMatch>* out) {
  std::string_view key = doc.Key(t);
  std::string_view raw = doc.TokenText(t);
  size_t separators = 0;
  for (char c : key) separators += (c == '.' || c == '/' || c == '-') ? 1 : 0;
  if (separators < 2) return;
  std::vector<size_t> char_begin;  // byte offset in raw of each character
  for (size_t i = 0; i < raw.size(); ++i) {
    if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) char_begin.push_back(i);
  }
  if (char_begin.size() != key.size()) return;
  char_begin.push_back(raw.size());
  std::vector<NumberMatch> groups;
  for (size_t i = 0; i < key.size();) {
    size_t j = i;
    while (j < key.size() && key[j] >= '0' && key[j] <= '9') ++j;
    if (j == i) {
      if (key[i] != '.' && key[i] != '/' && key[i] != '-') return;
      ++i;
      continue;
    }
    auto v = internal::ParseDigits(key.substr(i, j - i));
    if (!v) return;
    NumberMatch m;
    m.begin = doc.tokens[t].begin + char_begin[i];
    m.end = doc.tokens[t].begin + char_begin[j];
    m.value = v->ToString();
    groups.push_back(std::move(m));
    i = j;
  }
  out->insert(out->end(), groups.begin(), groups.end());
}

}  // namespace

// A whole expression that is a percentage, "25%", "٪17", "9 في المئة": the number without its
// marker, divided by a hundred.
std::optional<NumberMatch> WholePercentage(const internal::Document& doc) {
  const size_t n = doc.tokens.size();
  if (n < 2) return std::nullopt;
  std::string_view number;
  if (std::optional<size_t> marker = internal::PercentMarkerEndingAt(Numbers(), doc, n - 1)) {
    if (*marker == 0) return std::nullopt;
    number = doc.text.substr(0, doc.tokens[*marker].begin);
  } else if (internal::IsLeadingPercentSign(Numbers(), doc, 0)) {
    number = doc.text.substr(doc.tokens[1].begin);
  } else {
    return std::nullopt;
  }
  internal::Document inner;
  Analyze(number, &inner);
  std::optional<NumberMatch> match = WholeExpression(inner);
  std::optional<internal::Decimal> value =
      match ? internal::Decimal::Parse(match->value) : std::nullopt;
  value = value ? value->DividedBy(internal::Decimal::FromInt(100)) : std::nullopt;
  if (!value) return std::nullopt;
  match->begin = doc.tokens[0].begin;
  match->end = doc.tokens[n - 1].end;
  match->value = value->ToString();
  match->ordinal = false;
  return match;
}

// The value of `text` read as one whole expression.
std::optional<internal::Decimal> WholeValueOf(std::string_view text) {
  internal::Document doc;
  Analyze(text, &doc);
  std::optional<NumberMatch> match = WholeExpression(doc);
  return match ? internal::Decimal::Parse(match->value) : std::nullopt;
}

// "اثنا عشر , ثلاثون" = 12.30: a number said in words, a comma, and the hundredths said in
// words below a hundred, the way amounts are written out in words (num2words' decimals).
std::optional<NumberMatch> WholeWithHundredths(const internal::Document& doc) {
  const size_t n = doc.tokens.size();
  size_t comma = 0;
  for (size_t t = 1; t + 1 < n && comma == 0; ++t) {
    const std::string_view mark = doc.TokenText(t);
    if (mark == "," || mark == "\xD8\x8C") comma = t;  // , or ،
  }
  if (comma == 0) return std::nullopt;
  for (size_t t = 0; t < n; ++t) {
    if (doc.tokens[t].kind == TokenKind::kNumber) return std::nullopt;  // words only
  }
  const std::optional<internal::Decimal> whole =
      WholeValueOf(doc.text.substr(0, doc.tokens[comma].begin));
  const std::optional<internal::Decimal> cents =
      WholeValueOf(doc.text.substr(doc.tokens[comma].end));
  if (!whole || !cents || !whole->IsInteger() || !cents->IsInteger() || cents->IsNegative() ||
      !(*cents < internal::Decimal::FromInt(100))) {
    return std::nullopt;
  }
  auto part = cents->DividedBy(internal::Decimal::FromInt(100));
  auto value = part ? whole->Plus(*part) : std::nullopt;
  if (!value) return std::nullopt;
  NumberMatch match;
  match.begin = doc.tokens[0].begin;
  match.end = doc.tokens[n - 1].end;
  match.value = value->ToString();
  return match;
}

std::optional<NumberMatch> ParseNumberExpression(std::string_view text) {
  internal::Document doc;
  Analyze(text, &doc);
  if (std::optional<NumberMatch> whole = WholeExpression(doc)) return whole;
  if (std::optional<NumberMatch> percentage = WholePercentage(doc)) return percentage;
  return WholeWithHundredths(doc);
}

std::optional<std::string> ParseNumber(std::string_view text) {
  auto match = ParseNumberExpression(text);
  if (!match) return std::nullopt;
  return std::move(match->value);
}

std::vector<NumberMatch> FindNumbers(std::string_view text) {
  internal::Document doc;
  Analyze(text, &doc);
  // A text that is one number expression as a whole is that number, even a word that is a
  // number only in context ("واحد", "ثمن").
  if (auto whole = WholeExpression(doc)) return {*whole};
  const internal::NumberParser& parser = Numbers();
  const size_t n = doc.tokens.size();
  std::vector<NumberMatch> out;
  for (size_t t = 0; t < n;) {
    const Token& tok = doc.tokens[t];
    if (tok.kind == TokenKind::kNumber && !internal::ParseDigits(doc.Key(t)) &&
        !(t + 1 < n && doc.tokens[t + 1].glued_to_previous &&
          doc.tokens[t + 1].kind != TokenKind::kPunctuation)) {
      AddDigitGroups(doc, t, &out);
    }
    std::optional<internal::NumberParse> p = parser.ParseAt(doc, t);
    std::optional<Extended> ext = ExtendedAt(doc, t, /*standalone=*/false);
    if (ext && (!p || ext->end_token > p->end_token)) {
      NumberMatch m;
      m.begin = ext->begin;
      m.end = ext->end;
      m.value = ext->value;
      out.push_back(std::move(m));
      t = ext->end_token;
      continue;
    }
    if (!p) {
      ++t;
      continue;
    }
    t = p->end_token;
    // Digits glued to a word ("١٨٠مل", "2000دولار", "١مليون") are a measure, a code or an
    // amount that the matchers which know the word report; as bare numbers they would mislead.
    bool glued_digits = false;
    for (size_t i = p->first_token; i < p->end_token; ++i) {
      if (doc.tokens[i].kind != TokenKind::kNumber || i + 1 >= n) continue;
      const Token& after = doc.tokens[i + 1];
      if (after.glued_to_previous &&
          (after.kind == TokenKind::kArabicWord || after.kind == TokenKind::kLatinWord)) {
        glued_digits = true;
      }
    }
    if (glued_digits) continue;
    NumberMatch m;
    m.begin = p->begin;
    m.end = p->end;
    m.value = p->value.ToString();
    m.ordinal = p->ordinal;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace kashif
