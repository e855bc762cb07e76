#include "number/number_parser.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "core/analyzer.h"
#include "core/lexicon_ids.h"
#include "data/embedded_data.h"
#include "kashif/normalizer.h"
#include "number/number_range.h"
#include "number/percent_marker.h"
#include "text/char_class.h"
#include "text/lines.h"
#include "text/strings.h"
#include "text/utf8.h"

KASHIF_DECLARE_EMBEDDED(number_words);
KASHIF_DECLARE_EMBEDDED(percent_words);
KASHIF_DECLARE_EMBEDDED(range_words);

namespace kashif::internal {

namespace {

enum class WordClass : uint8_t {
  kUnit,
  kTeenUnit,
  kTen,
  kTeen,
  kTens,
  kHundred,
  kHundreds,
  kScale,
  kFraction,
  kDenominator,
  kOrdinal,
  kOrdinalTens,      // العشرون، العشرين (tens with the article)
  kOrdinalBig,       // المئة، الألف (hundreds and scales with the article)
  kOrdinalTeenUnit,  // الاثني (in "الاثني عشر")
  kPoint,
  kMinus,
  kConstructCount,  // Egyptian construct forms that count only a following hundred or scale
  kPart,  // جزء / أجزاء in "جزء من مئة" (a hundredth), "ثلاثة أجزاء من عشرة"
  kOf,  // من in that construction
};

struct WordInfo {
  WordClass cls = WordClass::kUnit;
  Decimal value;
  bool weak = false;
  bool dual = false;
  bool plural = false;
  bool compound = false;
  // "ألفا": accusative singular after a count, dual construct without one.
  bool acc_or_dual = false;
};

// The conjunction و and the article ال in match form; the grammar owns these two affixes.
constexpr std::string_view kWaw = "\xD9\x88";                     // و
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";         // ال
constexpr std::string_view kTehMarbutaFolded = "\xD9\x87";        // ه (folded ة)
constexpr std::string_view kArabicDecimalSeparator = "\xD9\xAB";  // ٫

std::optional<WordClass> ParseClass(std::string_view name) {
  static const std::pair<std::string_view, WordClass> kNames[] = {
      {"unit", WordClass::kUnit},         {"teen_unit", WordClass::kTeenUnit},
      {"ten", WordClass::kTen},           {"teen", WordClass::kTeen},
      {"tens", WordClass::kTens},         {"hundred", WordClass::kHundred},
      {"hundreds", WordClass::kHundreds}, {"scale", WordClass::kScale},
      {"fraction", WordClass::kFraction}, {"denominator", WordClass::kDenominator},
      {"ordinal", WordClass::kOrdinal},   {"point", WordClass::kPoint},
      {"minus", WordClass::kMinus},       {"construct_count", WordClass::kConstructCount},
      {"part", WordClass::kPart},         {"of", WordClass::kOf},
  };
  for (const auto& [n, c] : kNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

std::optional<Decimal> ParseValue(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return Decimal::Parse(text);
  auto num = Decimal::Parse(text.substr(0, slash));
  auto den = Decimal::Parse(text.substr(slash + 1));
  if (!num || !den) return std::nullopt;
  return num->DividedBy(*den);
}

// Whether `key` is only ASCII digits, between min and max of them.
bool IsDigitRun(std::string_view key, size_t min, size_t max) {
  if (key.size() < min || key.size() > max) return false;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsSmallInteger(const Decimal& d, int64_t lo, int64_t hi) {
  auto v = d.ToInt64();
  return v && *v >= lo && *v <= hi;
}

}  // namespace

struct NumberParser::Impl {
  absl::flat_hash_map<std::string, std::vector<WordInfo>> words;

  // Digits and punctuation (an Arabic comma too) are no word: told without hashing them.
  FirstBytePairs first_pairs;

  void Add(std::string key, const WordInfo& info) {
    first_pairs.Add(key);
    words[std::move(key)].push_back(info);
  }

  const std::vector<WordInfo>* Find(std::string_view key) const {
    if (key.empty()) return nullptr;  // punctuation (no word is empty)
    if (!first_pairs.MayContain(key)) return nullptr;
    auto it = words.find(absl::string_view(key.data(), key.size()));
    return it == words.end() ? nullptr : &it->second;
  }

  // The words by the vocabulary id on each reading (bound in Bind()), so the parse hashes
  // nothing for the words of running text.
  LexiconIds<std::vector<WordInfo>> ids;

  // The words that make two numbers a range and one a percentage (number_range.h,
  // percent_marker.h): compared as text, not bound to the vocabulary.
  RangeWords range_words{KASHIF_EMBEDDED(range_words)};
  PercentWords percent_words{KASHIF_EMBEDDED(percent_words)};

  // Find(key) where `key` is a slice of token t's analysis: a reading's key is looked up by
  // the id on the reading.
  const std::vector<WordInfo>* FindAt(const Document& doc, size_t t, std::string_view key) const {
    const Token& token = doc.tokens[t];
    if (token.kind == TokenKind::kArabicWord || token.kind == TokenKind::kLatinWord) {
      const TokenAnalysis& a = doc.analyses[t];
      for (int r = 0; r < a.reading_count; ++r) {
        const ArenaSlice slice = a.readings[r].key;
        if (key.size() == slice.size && key.data() == doc.arena.data() + slice.offset) {
          return ids.Find(a.readings[r].word);
        }
      }
    }
    return Find(key);
  }

  // Whether ParseFrom() may find a number at word token t: one of the readings it tries is a
  // word that can open one (a cardinal, unless ordinals are asked for: "الأول" opens only an
  // ordinal). Checked by the readings' ids, before the parse sets up its frame: most number
  // words met in running text are "من" and "على", which only continue a number.
  bool WordMayOpen(const Document& doc, size_t t, const NumberParseOptions& options) const {
    const TokenAnalysis& a = doc.analyses[t];
    const int readings = options.allow_proclitic && doc.tokens[t].kind == TokenKind::kArabicWord
                             ? std::min<int>(std::max<int>(a.reading_count, 1), kMaxReadings)
                             : 1;
    for (int r = 0; r < readings; ++r) {
      const std::vector<WordInfo>* infos = ids.Find(a.readings[r].word);
      if (infos == nullptr || !CanStart(*infos)) continue;
      if (options.ordinals) return true;
      for (const WordInfo& info : *infos) {
        if (!IsOrdinalClass(info.cls)) return true;
      }
    }
    return false;
  }

  // The classes the cardinal grammar never takes as a number's first word.
  static bool IsOrdinalClass(WordClass cls) {
    return cls == WordClass::kOrdinal || cls == WordClass::kOrdinalTens ||
           cls == WordClass::kOrdinalBig || cls == WordClass::kOrdinalTeenUnit;
  }

  // Whether ParseFrom() may find a number at punctuation or symbol token t: as a minus sign, as
  // a decimal point before digits (".5"), or as a word of the table (none is punctuation).
  bool SignMayOpen(const Document& doc, size_t t) const {
    const std::string_view text = doc.TokenText(t);
    const bool decimal_point = (text == "." || text == kArabicDecimalSeparator) &&
                               t + 1 < doc.tokens.size() &&
                               doc.tokens[t + 1].kind == TokenKind::kNumber;
    return IsMinusSign(text) || decimal_point || Find(doc.Key(t)) != nullptr;
  }

  // Whether a word can open a number: a connective ("من"), a decimal point or a denominator
  // ("أرباع") only continues one.
  static bool CanStart(const std::vector<WordInfo>& infos) {
    for (const WordInfo& info : infos) {
      if (info.cls != WordClass::kOf && info.cls != WordClass::kPoint &&
          info.cls != WordClass::kDenominator) {
        return true;
      }
    }
    return false;
  }

  // One token as the grammar sees it.
  struct Item {
    enum Kind { kNone, kWords, kDigits, kWawAlone, kMinusSign } kind = kNone;
    const std::vector<WordInfo>* words = nullptr;
    const std::vector<WordInfo>* alt_words = nullptr;  // the whole token, when `joined`
    Decimal digits;
    bool joined = false;  // a و was set aside at its start
  };

  Item ItemFor(const Document& doc, size_t t, std::string_view key, bool allow_waw) const {
    Item item;
    const Token& token = doc.tokens[t];
    if (token.kind == TokenKind::kNumber) {
      if (auto d = ParseDigits(key.empty() ? doc.TokenText(t) : key)) {
        item.kind = Item::kDigits;
        item.digits = *d;
      }
      return item;
    }
    if (token.kind == TokenKind::kPunctuation || token.kind == TokenKind::kSymbol) {
      std::string_view text = doc.TokenText(t);
      if (IsMinusSign(text)) item.kind = Item::kMinusSign;
      return item;
    }
    if (token.kind != TokenKind::kArabicWord) return item;
    if (allow_waw && key == kWaw) {
      item.kind = Item::kWawAlone;
      return item;
    }
    // "وأحد" folds to "واحد": a word after و and a whole word at once. The joined reading is
    // tried first, the whole word second.
    const auto* whole = FindAt(doc, t, key);
    const auto* rest =
        allow_waw && StartsWith(key, kWaw) ? FindAt(doc, t, key.substr(kWaw.size())) : nullptr;
    if (rest) {
      item.kind = Item::kWords;
      item.words = rest;
      item.joined = true;
      item.alt_words = whole;
    } else if (whole) {
      item.kind = Item::kWords;
      item.words = whole;
    }
    return item;
  }

  struct Result {
    Decimal value;
    size_t end_token = 0;
    bool ordinal = false;
    bool has_words = false;
    bool has_digits = false;
  };

  // `first_reading`: which table reading of the first word to use (-1: the first that fits).
  // A word like "تلت" is a third alone but three in "تلت مية"; ParseAt tries each reading.
  std::optional<Result> ParseCardinal(const Document& doc, size_t start, std::string_view key0,
                                      const NumberParseOptions& options,
                                      int first_reading = -1) const;
  std::optional<Result> ParseOrdinal(const Document& doc, size_t start, std::string_view key0,
                                     const NumberParseOptions& options) const;
  static bool HasClass(const std::vector<WordInfo>* w, WordClass cls) {
    if (!w) return false;
    for (const WordInfo& info : *w) {
      if (info.cls == cls) return true;
    }
    return false;
  }

  // "X جزء من Y" / "X أجزاء من Y" after a number X ending before token r->end_token: the value
  // becomes X / Y. With r->end_token at the part word itself (X = 1 implied), "جزء من Y".
  // Returns whether it extended r.
  // `part_key` overrides the part word's key (its reading after a proclitic: "وجزء").
  bool ExtendWithParts(const Document& doc, const NumberParseOptions& options, Result* r,
                       std::optional<std::string_view> part_key = {}) const {
    const size_t n = doc.tokens.size();
    const size_t part = r->end_token;
    if (part + 2 >= n || !r->value.IsInteger() || r->value.IsNegative()) return false;
    if (!HasClass(FindAt(doc, part, part_key ? *part_key : doc.Key(part)), WordClass::kPart) ||
        !HasClass(FindAt(doc, part + 1, doc.Key(part + 1)), WordClass::kOf)) {
      return false;
    }
    NumberParseOptions sub = options;
    sub.allow_weak_alone = true;
    auto whole = ParseCardinal(doc, part + 2, doc.Key(part + 2), sub);
    if (!whole || !whole->value.IsInteger() || whole->value.IsZero()) return false;
    auto value = r->value.DividedBy(whole->value);
    if (!value) return false;
    r->value = *value;
    r->end_token = whole->end_token;
    r->has_digits = r->has_digits || whole->has_digits;
    return true;
  }

  // NumberParser::ParseAt past its first check (kept out of line: see there).
  ABSL_ATTRIBUTE_NOINLINE std::optional<NumberParse> ParseFrom(
      const Document& doc, size_t token, const NumberParseOptions& options) const;

  // The fractional digits after a decimal-point word: "فاصلة خمسة" → 0.5, "فاصلة صفر خمسة" →
  // 0.05, "فاصلة خمسة وعشرون" → 0.25. Sets *end to the token after them.
  std::optional<Decimal> ParseDecimalPart(const Document& doc, size_t start, size_t* end,
                                          const NumberParseOptions& options) const;
};

namespace {

// The running state of a cardinal: `total` holds what is complete up to the last scale word,
// `group` the part below it being built ("ثلاثمائة وأربعة وعشرون" before "ألف").
struct CardinalState {
  Decimal total;
  Decimal group;
  bool group_any = false;
  bool g_hundreds = false, g_tens = false, g_units = false, g_teen = false, g_fraction = false;
  bool last_was_unit_word = false;   // for "ثلاثة عشر"
  std::optional<Decimal> last_term;  // the last unit/tens term added, for "ثلاثة أرباع"
  int pending_teen_unit = 0;         // a teen_unit waiting for عشر
  bool needs_multiplier = false;     // "تلت" in "تلت مية", "ميت" in "ميت ألف"
  std::optional<Decimal> last_scale;
  bool prev_scale = false;
  bool prev_word_hundreds = false;         // the previous token was a hundreds word
  std::optional<Decimal> scaled_fraction;  // "ونصف" after a scale: a fraction of that scale
  bool negative = false;
  bool pending_sign = false;
  int words = 0, digit_tokens = 0;
  bool only_weak = true;

  bool Empty() const { return !group_any && total.IsZero() && !last_scale; }
  bool Complete() const {
    return !pending_sign && pending_teen_unit == 0 && !needs_multiplier &&
           (group_any || last_scale.has_value());
  }
  std::optional<Decimal> Value() const {
    std::optional<Decimal> v = total.Plus(group);
    if (v && scaled_fraction && last_scale) {
      auto part = scaled_fraction->Times(*last_scale);
      if (!part) return std::nullopt;
      v = v->Plus(*part);
    }
    if (v && negative) v = v->Negated();
    return v;
  }
  void ResetGroup() {
    // Copied from a constant: moving a temporary in makes GCC 12 warn (wrongly) that an
    // empty InlinedVector's heap pointer is read uninitialized.
    static const Decimal kZero;
    group = kZero;
    group_any = g_hundreds = g_tens = g_units = g_teen = g_fraction = false;
    last_was_unit_word = false;
    last_term.reset();
  }
};

// The white space that groups thousands: a space, a no-break space (U+00A0), a narrow
// no-break space (U+202F), a thin space (U+2009) or a figure space (U+2007).
bool IsGroupingSpace(char32_t cp) {
  return cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007;
}

// What separates two tokens: how many grouping spaces, and whether anything else than those and
// invisible format characters (direction marks) stands between them.
struct Gap {
  int spaces = 0;
  bool marks = false;  // a direction mark or another format character
  bool other = false;
};

Gap GapBetween(const Document& doc, size_t a, size_t b) {
  Gap gap;
  const std::string_view text =
      doc.text.substr(doc.tokens[a].end, doc.tokens[b].begin - doc.tokens[a].end);
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {
      gap.other = true;
      break;
    }
    i += len;
    if (IsGroupingSpace(cp)) {
      ++gap.spaces;
    } else if (ClassOf(cp) == CharClass::kFormat) {
      gap.marks = true;
    } else {
      gap.other = true;
    }
  }
  return gap;
}

// Whether a digit token's key is a group of three after a grouping space: "450", or the last
// group with its decimals, "120.75".
bool IsThousandsGroup(std::string_view key) {
  return key.size() >= 3 && IsDigitRun(key.substr(0, 3), 3, 3) &&
         (key.size() == 3 || !IsDigitRun(key.substr(3, 1), 1, 1));
}

bool IsNumberSeparator(std::string_view text) {
  return text == "," || text == "." || text == "\xD9\xAB" || text == "\xD9\xAC" ||
         text == "\xD8\x8C";  // , . ٫ ٬ ،
}

}  // namespace

// The last token of a number that white space or invisible marks cut into tokens, from digit
// token t (before token `end`), and its digits and separators joined as one token would hold
// them in *joined: thousands grouped by a grouping space, the first group 1-3 digits and every
// other exactly three, the last perhaps with decimals ("3 450 120.75"); or a separator with
// only direction marks around it ("18340‏,‏25"). t itself when nothing joins.
size_t JoinedDigitsEnd(const Document& doc, size_t t, size_t end, std::string* joined) {
  *joined = std::string(doc.Key(t));
  bool spaced_groups = IsDigitRun(*joined, 1, 3);  // may still take a space-grouped group
  size_t u = t;
  while (u + 1 < end && doc.tokens[u + 1].kind != TokenKind::kArabicWord) {
    const Gap gap = GapBetween(doc, u, u + 1);
    if (gap.other) break;
    if (gap.spaces == 1 && spaced_groups && doc.tokens[u + 1].kind == TokenKind::kNumber &&
        IsThousandsGroup(doc.Key(u + 1))) {
      *joined += doc.Key(++u);
      spaced_groups = IsDigitRun(doc.Key(u), 3, 3);  // decimals end the run
      continue;
    }
    if (gap.spaces == 0 && u + 2 < end && IsNumberSeparator(doc.TokenText(u + 1)) &&
        doc.tokens[u + 2].kind == TokenKind::kNumber) {
      const Gap after = GapBetween(doc, u + 1, u + 2);
      if ((gap.marks || after.marks) && after.spaces == 0 && !after.other) {
        *joined += doc.TokenText(u + 1);
        *joined += doc.Key(u + 2);
        u += 2;
        spaced_groups = false;
        continue;
      }
    }
    break;
  }
  return u;
}

namespace {

using Item = NumberParser::Impl::Item;
using Result = NumberParser::Impl::Result;

// Reads one cardinal left to right (NumberParser::Impl::ParseCardinal). Read() hands each token
// to the step for its kind; a word goes to the step for its class (CountWord, Scale, ...), which
// says whether the word continues the number and, if so, writes the state it leads to. The
// longest complete reading so far is kept (Record).
class CardinalReader {
 public:
  CardinalReader(const NumberParser::Impl& impl, const Document& doc, size_t start,
                 const NumberParseOptions& options, int first_reading)
      : impl_(impl),
        doc_(doc),
        start_(start),
        n_(options.stop_token != 0 ? std::min(options.stop_token, doc.tokens.size())
                                   : doc.tokens.size()),
        options_(options),
        first_reading_(first_reading) {}

  std::optional<Result> Read(std::string_view key0);

 private:
  void Record(size_t end);
  bool TakeMinus(size_t t);
  bool TakeDigits(size_t* t, const Decimal& v, bool joined);
  bool TakeWord(size_t* t, const Item& item, bool* joined);
  bool TakePoint(size_t* t, bool joined);
  bool TakeNumerator(size_t* t, const Item& item, bool joined);
  void Accept(size_t t, const WordInfo& w, const CardinalState& next);

  // One reading of a word at token t; true (and *next) when it continues the number.
  bool TakeReading(size_t t, const WordInfo& w, bool joined, CardinalState* next) const;
  bool CountWord(const WordInfo& w, bool joined, bool at_start, CardinalState* next) const;
  bool TeenUnit(size_t t, const WordInfo& w, bool joined, bool at_start,
                CardinalState* next) const;
  bool JoinedTensAfter(size_t t) const;
  bool Hundred(const WordInfo& w, bool joined, bool at_start, CardinalState* next) const;
  bool Scale(const WordInfo& w, bool joined, bool at_start, CardinalState* next) const;
  bool Fraction(const WordInfo& w, bool joined, bool at_start, CardinalState* next) const;
  bool Denominator(const WordInfo& w, bool joined, CardinalState* next) const;
  bool OrdinalBig(const WordInfo& w, bool joined, CardinalState* next) const;

  const NumberParser::Impl& impl_;
  const Document& doc_;
  const size_t start_;
  const size_t n_;  // the token the number must end by (NumberParseOptions::stop_token)
  const NumberParseOptions& options_;
  const int first_reading_;
  CardinalState s_;
  std::optional<Result> best_;
  bool waw_pending_ = false;  // a separate و token was read; the next word joins
};

void CardinalReader::Record(size_t end) {
  if (!s_.Complete() || waw_pending_) return;
  auto v = s_.Value();
  if (!v) return;
  if (s_.words + s_.digit_tokens == 1 && s_.only_weak && !options_.allow_weak_alone) return;
  Result r;
  r.value = *v;
  r.end_token = end;
  r.has_words = s_.words > 0;
  r.has_digits = s_.digit_tokens > 0;
  best_ = r;
}

std::optional<Result> CardinalReader::Read(std::string_view key0) {
  for (size_t t = start_; t < n_; ++t) {
    // After a separate و token the next word carries no second و ("و واحد").
    Item item = impl_.ItemFor(doc_, t, t == start_ ? key0 : doc_.Key(t),
                              t > start_ && !waw_pending_);
    bool joined = waw_pending_ || item.joined;
    if (item.kind == Item::kNone) break;
    if (item.kind == Item::kWawAlone || (waw_pending_ && doc_.Key(t) == kWaw)) {
      if (waw_pending_ || s_.Empty()) break;
      waw_pending_ = true;
      continue;
    }
    if (item.kind == Item::kMinusSign) {
      if (!TakeMinus(t)) break;
      continue;
    }
    waw_pending_ = false;
    if (item.kind == Item::kDigits) {
      if (!TakeDigits(&t, item.digits, joined)) break;
      continue;
    }
    if (TakeWord(&t, item, &joined)) continue;
    if (!TakeNumerator(&t, item, joined)) break;
  }
  return best_;
}

// A sign only opens a number, glued to the digits after it and not to what precedes (so
// "10-20" stays a range).
bool CardinalReader::TakeMinus(size_t t) {
  if (t != start_ || t + 1 >= n_ || !doc_.tokens[t + 1].glued_to_previous ||
      doc_.tokens[t + 1].kind != TokenKind::kNumber ||
      (t > 0 && doc_.tokens[t].glued_to_previous)) {
    return false;
  }
  s_.negative = s_.pending_sign = true;
  return true;
}

bool CardinalReader::TakeDigits(size_t* t, const Decimal& v, bool joined) {
  bool ok = false;
  if (s_.Empty() && !joined) {
    ok = true;
  } else if (joined && !s_.group_any && s_.last_scale && v.IsInteger() && v < *s_.last_scale) {
    ok = true;  // "ألف و500"
  } else if (joined && s_.g_hundreds && !s_.g_tens && !s_.g_units && !s_.g_teen &&
             IsSmallInteger(v, 1, 99)) {
    ok = true;  // "٣ مئة و ٢١"
  }
  if (!ok) return false;
  auto g = s_.group.Plus(v);
  if (!g) return false;
  // One number written over several tokens: "3 450 120.75", "18340‏,‏25".
  if (s_.Empty()) {
    std::string digits;
    const size_t last = JoinedDigitsEnd(doc_, *t, n_, &digits);
    if (last > *t) {
      if (std::optional<Decimal> joined = ParseDigits(digits)) {
        g = joined;
        *t = last;
      }
    }
  }
  s_.group = *g;
  s_.group_any = true;
  s_.g_units = true;
  s_.last_was_unit_word = false;
  s_.prev_scale = false;
  s_.prev_word_hundreds = false;
  s_.last_term = v;
  s_.pending_sign = false;
  ++s_.digit_tokens;
  s_.only_weak = false;
  Record(*t + 1);
  return true;
}

// A word: its readings in table order until one fits; the reading after a و set aside first,
// the whole token second. *joined ends as the last alternative tried left it.
bool CardinalReader::TakeWord(size_t* t, const Item& item, bool* joined) {
  const bool waw_before = *joined && !item.joined;
  for (int alt = 0; alt < 2; ++alt) {
    const std::vector<WordInfo>* words = alt == 0 ? item.words : item.alt_words;
    if (words == nullptr) continue;
    *joined = alt == 0 ? (waw_before || item.joined) : waw_before;
    for (size_t wi = 0; wi < words->size(); ++wi) {
      if (*t == start_ && first_reading_ >= 0 && static_cast<int>(wi) != first_reading_) continue;
      const WordInfo& w = (*words)[wi];
      if (w.cls == WordClass::kPoint) {
        if (TakePoint(t, *joined)) return true;
        continue;
      }
      CardinalState next = s_;
      if (!TakeReading(*t, w, *joined, &next)) continue;
      Accept(*t, w, next);
      return true;
    }
  }
  return false;
}

void CardinalReader::Accept(size_t t, const WordInfo& w, const CardinalState& next) {
  s_ = next;
  if (w.cls != WordClass::kScale) s_.prev_scale = false;
  s_.prev_word_hundreds = w.cls == WordClass::kHundreds || w.cls == WordClass::kHundred;
  if (w.cls != WordClass::kMinus) s_.pending_sign = false;
  ++s_.words;
  if (!w.weak && w.cls != WordClass::kTeenUnit) s_.only_weak = false;
  Record(t + 1);
}

// The decimal point said as a word: "خمسة فاصلة ثلاثة".
bool CardinalReader::TakePoint(size_t* t, bool joined) {
  if (joined || !s_.group_any || s_.g_fraction || !s_.group.IsInteger() ||
      s_.pending_teen_unit > 0) {
    return false;
  }
  size_t end = 0;
  auto frac = impl_.ParseDecimalPart(doc_, *t + 1, &end, options_);
  if (!frac) return false;
  auto g = s_.group.Plus(*frac);
  if (!g) return false;
  s_.group = *g;
  s_.g_fraction = true;
  ++s_.words;
  s_.only_weak = false;
  *t = end - 1;
  Record(end);
  return true;
}

// "وثلاثة أخماس" after a complete number: a unit read as a numerator.
bool CardinalReader::TakeNumerator(size_t* t, const Item& item, bool joined) {
  if (!joined || !s_.group_any || s_.g_fraction || *t + 1 >= n_) return false;
  Item peek = impl_.ItemFor(doc_, *t + 1, doc_.Key(*t + 1), false);
  const WordInfo* unit = nullptr;
  for (const WordInfo& w : *item.words) {
    if (w.cls == WordClass::kUnit || w.cls == WordClass::kTen) unit = &w;
  }
  const WordInfo* den = nullptr;
  if (peek.kind == Item::kWords && !doc_.tokens[*t + 1].glued_to_previous) {
    for (const WordInfo& w : *peek.words) {
      if (w.cls == WordClass::kDenominator) den = &w;
    }
  }
  if (!unit || !den) return false;
  auto frac = unit->value.DividedBy(den->value);
  auto g = frac ? s_.group.Plus(*frac) : std::nullopt;
  if (!g) return false;
  s_.group = *g;
  s_.g_fraction = true;
  s_.words += 2;
  s_.only_weak = false;
  ++*t;
  Record(*t + 1);
  return true;
}

bool CardinalReader::TakeReading(size_t t, const WordInfo& w, bool joined,
                                 CardinalState* next) const {
  const bool at_start = s_.Empty() && !joined;
  switch (w.cls) {
    case WordClass::kUnit:
    case WordClass::kTeen:
    case WordClass::kTens:
    case WordClass::kHundreds:
    case WordClass::kTen:
      return CountWord(w, joined, at_start, next);
    case WordClass::kTeenUnit:
      return TeenUnit(t, w, joined, at_start, next);
    case WordClass::kHundred:
      return Hundred(w, joined, at_start, next);
    case WordClass::kScale:
      return Scale(w, joined, at_start, next);
    case WordClass::kFraction:
      return Fraction(w, joined, at_start, next);
    case WordClass::kDenominator:
      return Denominator(w, joined, next);
    case WordClass::kOrdinalBig:
      return OrdinalBig(w, joined, next);
    case WordClass::kConstructCount:
      if (!at_start) return false;
      next->group = w.value;
      next->group_any = true;
      next->needs_multiplier = true;
      return true;
    case WordClass::kMinus:
      if (!at_start || s_.pending_sign) return false;
      next->negative = next->pending_sign = true;
      return true;
    default:
      return false;
  }
}

// A unit, ten, teen, tens or hundreds word: "ثلاثة", "عشر" after a unit ("ثلاثة عشر"),
// "وعشرون" after a unit, "خمسة" after "خمسمية" without و.
bool CardinalReader::CountWord(const WordInfo& w, bool joined, bool at_start,
                               CardinalState* next) const {
  const CardinalState& s = s_;
  const Decimal& v = w.value;
  const bool is_tens = w.cls == WordClass::kTens;
  const bool is_hundreds = w.cls == WordClass::kHundreds;
  bool take = false;
  if (w.cls == WordClass::kTen && !joined && s.last_was_unit_word && s.g_units && !s.g_teen &&
      !s.g_tens) {
    // "ثلاثة عشر": the unit just added becomes a teen.
    auto g = s.group.Plus(v);
    if (!g) return false;
    next->group = *g;
    next->g_teen = true;
    next->g_units = false;
    take = true;
  } else if (w.cls == WordClass::kTen && !joined && s.pending_teen_unit > 0) {
    auto g = s.group.Plus(Decimal::FromInt(10 + s.pending_teen_unit));
    if (!g) return false;
    next->group = *g;
    next->pending_teen_unit = 0;
    next->group_any = true;
    next->g_teen = true;
    take = true;
  } else if (s.pending_teen_unit > 0) {
    return false;
  } else if (at_start) {
    take = true;
  } else if (joined && !s.group_any && s.last_scale && v < *s.last_scale) {
    take = true;  // after a scale word: "ألف ومائتان"
  } else if (!joined && s.g_hundreds && !s.g_units && !s.g_tens && !s.g_teen && !s.g_fraction &&
             !is_hundreds && s.prev_word_hundreds) {
    take = true;  // colloquial hundreds without و: "خمسمية خمسة وعشرين"
  } else if (joined && s.group_any && !s.g_fraction) {
    if (is_tens) {
      take = !s.g_tens && !s.g_teen && (s.g_units || s.g_hundreds);
    } else if (!is_hundreds) {
      take = s.g_hundreds && !s.g_units && !s.g_tens && !s.g_teen;
    }
  }
  if (!take) return false;
  const bool made_teen = w.cls == WordClass::kTen && next->g_teen && !s.g_teen;
  if (!made_teen) {  // the teen branches above already added their ten
    auto g = next->group.Plus(v);
    if (!g) return false;
    next->group = *g;
    next->group_any = true;
    if (is_tens) next->g_tens = true;
    if (is_hundreds) next->g_hundreds = true;
    if (w.cls == WordClass::kUnit || w.cls == WordClass::kTen) next->g_units = true;
    if (w.cls == WordClass::kTeen) next->g_teen = true;
  }
  next->last_was_unit_word = w.cls == WordClass::kUnit;
  if (is_hundreds || made_teen) {
    next->last_term.reset();
  } else {
    next->last_term = v;
  }
  return true;
}

// The first word of 11/12 ("أحد", "اثنا"), waiting for عشر; or the unit 1/2 before و+tens
// ("أحد وعشرون", num2text style).
bool CardinalReader::TeenUnit(size_t t, const WordInfo& w, bool joined, bool at_start,
                              CardinalState* next) const {
  const CardinalState& s = s_;
  if (s.pending_teen_unit > 0) return false;
  const bool ok =
      at_start || (joined && !s.group_any && s.last_scale) ||
      (joined && s.g_hundreds && !s.g_units && !s.g_tens && !s.g_teen && !s.g_fraction);
  if (!ok) return false;
  next->pending_teen_unit = static_cast<int>(*w.value.ToInt64());
  if (JoinedTensAfter(t)) {
    if (auto g = s.group.Plus(w.value)) {
      next->pending_teen_unit = 0;
      next->group = *g;
      next->group_any = true;
      next->g_units = true;
    }
  }
  next->last_was_unit_word = false;
  return true;
}

// Whether a tens word joined with و follows token t ("وعشرون", "و عشرون").
bool CardinalReader::JoinedTensAfter(size_t t) const {
  if (t + 1 >= n_) return false;
  Item peek = impl_.ItemFor(doc_, t + 1, doc_.Key(t + 1), true);
  if (peek.kind == Item::kWawAlone && t + 2 < n_) {
    peek = impl_.ItemFor(doc_, t + 2, doc_.Key(t + 2), false);
    peek.joined = peek.kind == Item::kWords;
  }
  if (peek.kind != Item::kWords || !peek.joined) return false;
  for (const WordInfo& pw : *peek.words) {
    if (pw.cls == WordClass::kTens) return true;
  }
  return false;
}

// "مائة": a hundred alone, after a scale, or multiplied by the unit or digits before it.
bool CardinalReader::Hundred(const WordInfo& w, bool joined, bool at_start,
                             CardinalState* next) const {
  const CardinalState& s = s_;
  const Decimal& v = w.value;
  if (s.pending_teen_unit > 0) return false;
  if (!joined && s.group_any && !s.g_hundreds && !s.g_tens && !s.g_teen && !s.g_fraction &&
      s.group.IsInteger() && Decimal::FromInt(1) < s.group && s.group < Decimal::FromInt(10)) {
    next->group = *s.group.Times(v);  // "ثلاث مائة", "٣ مئة"
  } else if (!joined && s.group_any && s.digit_tokens > 0 && s.words == 0) {
    auto g = s.group.Times(v);  // "٢,١٢ مئة"
    if (!g) return false;
    next->group = *g;
  } else if (at_start || (joined && !s.group_any && s.last_scale && v < *s.last_scale)) {
    next->group = v;
  } else {
    return false;
  }
  next->group_any = true;
  next->g_hundreds = true;
  next->g_units = false;
  next->needs_multiplier = false;
  next->last_was_unit_word = false;
  return true;
}

// A scale word: "ألف", "ملايين" after a count, stacked ("ألف مليون"), a dual ("مليونان").
bool CardinalReader::Scale(const WordInfo& w, bool joined, bool at_start,
                           CardinalState* next) const {
  const CardinalState& s = s_;
  const Decimal& v = w.value;
  if (s.pending_teen_unit > 0) return false;
  Decimal count;
  if (!joined && s.group_any) {
    if (w.dual || s.scaled_fraction) return false;
    count = s.group;
  } else if (!joined && s.prev_scale && !s.group_any) {
    // Stacked scales: "ألف مليون".
    if (w.plural || w.dual || w.acc_or_dual || !s.last_scale || !(*s.last_scale < v)) {
      return false;
    }
    auto stacked = s.total.Times(v);
    if (!stacked) return false;
    next->total = *stacked;
    next->last_scale = *s.last_scale->Times(v);
    next->prev_scale = true;
    return true;
  } else if (at_start || (joined && !s.group_any && s.last_scale)) {
    if (w.plural) return false;
    count = Decimal::FromInt(w.dual || w.acc_or_dual ? 2 : 1);
  } else if (!joined && s.scaled_fraction && !s.group_any) {
    // "ونصف مليون": the fraction belongs to this scale.
    count = *s.scaled_fraction;
    next->scaled_fraction.reset();
  } else {
    return false;
  }
  // A plural counts whole things: "ثلث آلاف" is no number ("تلت تلاف" is 3000 only when
  // spelled with the unit تلات).
  if (w.plural && (!s.group_any || s.g_fraction)) return false;
  // Scales fall: "مليون وألف". Only a fraction may repeat its scale: "مليون ونصف مليون".
  if (s.last_scale && !(v < *s.last_scale) && !(s.scaled_fraction && v == *s.last_scale)) {
    return false;
  }
  auto part = count.Times(v);
  if (!part) return false;
  auto total = s.total.Plus(*part);
  if (!total) return false;
  next->total = *total;
  next->ResetGroup();
  next->needs_multiplier = false;
  next->last_scale = v;
  next->prev_scale = true;
  return true;
}

// A fraction word: alone ("نصف"), of the scale before it ("مليون ونصف"), added ("ثلاثة
// ونصف"), or the denominator of a count of eleven or more ("ثلاثة وعشرون خمسًا").
bool CardinalReader::Fraction(const WordInfo& w, bool joined, bool at_start,
                              CardinalState* next) const {
  const CardinalState& s = s_;
  const Decimal& v = w.value;
  if (s.pending_teen_unit > 0) return false;
  bool take = false;
  if (at_start) {
    next->group = v;
    next->group_any = true;
    next->g_fraction = true;
    next->pending_sign = false;
    take = true;
  } else if (joined && !s.group_any && s.last_scale && !s.scaled_fraction) {
    next->scaled_fraction = v;  // "مليون ونصف"
    take = true;
  } else if (joined && s.group_any && !s.g_fraction) {
    auto g = s.group.Plus(v);  // "ثلاثة ونصف"
    if (!g) return false;
    next->group = *g;
    next->g_fraction = true;
    take = true;
  } else if (!joined && s.group_any && !s.g_fraction && s.total.IsZero() &&
             s.digit_tokens == 0 && !(s.group < Decimal::FromInt(11)) && s.group.IsInteger() &&
             v.Compare(Decimal::FromInt(1)) < 0) {
    // A count of eleven or more takes a singular noun: "ثلاثة وعشرون خمسًا" is twenty-three
    // fifths, the whole count the numerator.
    auto g = s.group.Times(v);
    if (!g) return false;
    next->group = *g;
    next->g_fraction = true;
    take = true;
  }
  next->last_was_unit_word = false;
  return take;
}

// "ثلاثة أرباع": the count just read becomes the numerator.
bool CardinalReader::Denominator(const WordInfo& w, bool joined, CardinalState* next) const {
  const CardinalState& s = s_;
  if (joined || !s.group_any || s.g_fraction || s.pending_teen_unit > 0 || !s.last_term) {
    return false;
  }
  auto without = s.group.Minus(*s.last_term);
  auto part = s.last_term->DividedBy(w.value);
  if (!without || !part) return false;
  next->group = *without->Plus(*part);
  next->last_term.reset();
  next->g_fraction = true;
  next->last_was_unit_word = false;
  return true;
}

// "مليار ونصف المليار": the fraction's scale repeated with the article.
bool CardinalReader::OrdinalBig(const WordInfo& w, bool joined, CardinalState* next) const {
  const CardinalState& s = s_;
  const Decimal& v = w.value;
  if (joined || !s.scaled_fraction || !s.last_scale || v != *s.last_scale) return false;
  auto part = s.scaled_fraction->Times(v);
  auto total = part ? s.total.Plus(*part) : std::nullopt;
  if (!total) return false;
  next->total = *total;
  next->scaled_fraction.reset();
  next->prev_scale = true;
  return true;
}

}  // namespace

std::optional<NumberParser::Impl::Result> NumberParser::Impl::ParseCardinal(
    const Document& doc, size_t start, std::string_view key0, const NumberParseOptions& options,
    int first_reading) const {
  return CardinalReader(*this, doc, start, options, first_reading).Read(key0);
}

std::optional<Decimal> NumberParser::Impl::ParseDecimalPart(
    const Document& doc, size_t start, size_t* end, const NumberParseOptions& options) const {
  const size_t n = doc.tokens.size();
  if (start >= n) return std::nullopt;
  if (doc.tokens[start].kind == TokenKind::kNumber) {
    std::string_view key = doc.Key(start);
    if (key.empty() || key.find_first_not_of("0123456789") != std::string_view::npos) {
      return std::nullopt;
    }
    *end = start + 1;
    return Decimal::Parse("0." + std::string(key));
  }
  // A run of single digit words: "أربعة خمسة ستة" → .456
  std::string digits;
  size_t t = start;
  for (; t < n; ++t) {
    if (doc.tokens[t].kind != TokenKind::kArabicWord) break;
    const auto* w = FindAt(doc, t, doc.Key(t));
    if (!w) break;
    bool found = false;
    for (const WordInfo& info : *w) {
      if (info.cls == WordClass::kUnit) {
        digits += static_cast<char>('0' + *info.value.ToInt64());
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  if (digits.size() >= 2) {
    *end = t;
    return Decimal::Parse("0." + digits);
  }
  // One whole number said after the point: "فاصلة خمسة وعشرون" → .25
  NumberParseOptions sub = options;
  sub.allow_weak_alone = true;
  auto r = ParseCardinal(doc, start, doc.Key(start), sub);
  if (!r || !r->value.IsInteger() || r->value.IsNegative()) return std::nullopt;
  *end = r->end_token;
  return Decimal::Parse("0." + r->value.ToString());
}

std::optional<NumberParser::Impl::Result> NumberParser::Impl::ParseOrdinal(
    const Document& doc, size_t start, std::string_view key0,
    const NumberParseOptions& options) const {
  const size_t n = doc.tokens.size();
  if (doc.tokens[start].kind != TokenKind::kArabicWord) return std::nullopt;
  const auto* first = FindAt(doc, start, key0);
  if (!first) return std::nullopt;

  auto find_class = [](const std::vector<WordInfo>* w, WordClass c) -> const WordInfo* {
    if (!w) return nullptr;
    for (const WordInfo& info : *w) {
      if (info.cls == c) return &info;
    }
    return nullptr;
  };
  // The token after `t` read as joined with و (prefix or a separate و token); sets *at.
  auto joined_next = [&](size_t t, size_t* at) -> const std::vector<WordInfo>* {
    if (t + 1 >= n) return nullptr;
    Item item = ItemFor(doc, t + 1, doc.Key(t + 1), true);
    if (item.kind == Item::kWawAlone && t + 2 < n) {
      Item after = ItemFor(doc, t + 2, doc.Key(t + 2), false);
      if (after.kind != Item::kWords) return nullptr;
      *at = t + 2;
      return after.words;
    }
    if (item.kind != Item::kWords || !item.joined) return nullptr;
    *at = t + 1;
    return item.words;
  };
  auto adjacent_ten = [&](size_t t) {
    if (t + 1 >= n) return false;
    return find_class(FindAt(doc, t + 1, doc.Key(t + 1)), WordClass::kTen) != nullptr;
  };

  Result r;
  r.ordinal = true;
  r.has_words = true;
  Decimal value;
  size_t t = start;
  const std::vector<WordInfo>* core = first;
  bool alone_weak = false;

  // "المئة والخامس والعشرون": a leading hundreds/thousands ordinal.
  if (const WordInfo* big = find_class(first, WordClass::kOrdinalBig)) {
    value = big->value;
    size_t at = 0;
    const std::vector<WordInfo>* next = joined_next(t, &at);
    if (next &&
        (find_class(next, WordClass::kOrdinal) || find_class(next, WordClass::kOrdinalTens) ||
         find_class(next, WordClass::kOrdinalTeenUnit))) {
      core = next;
      t = at;
    } else {
      if (!options.allow_weak_alone) return std::nullopt;  // "المئة" alone: also "the hundred"
      r.value = value;
      r.end_token = start + 1;
      return r;
    }
  }

  if (const WordInfo* o = find_class(core, WordClass::kOrdinal)) {
    size_t at = 0;
    if (o->value < Decimal::FromInt(10) && adjacent_ten(t)) {
      value = *value.Plus(*o->value.Plus(Decimal::FromInt(10)));
      t += 2;
    } else if (const std::vector<WordInfo>* next = joined_next(t, &at);
               next && o->value < Decimal::FromInt(10) &&
               (find_class(next, WordClass::kOrdinalTens) || find_class(next, WordClass::kTens))) {
      const WordInfo* tens = find_class(next, WordClass::kOrdinalTens);
      if (!tens) tens = find_class(next, WordClass::kTens);
      value = *value.Plus(*o->value.Plus(tens->value));
      t = at + 1;
    } else if (o->compound) {
      return std::nullopt;
    } else {
      value = *value.Plus(o->value);
      alone_weak = o->weak && t == start;
      t += 1;
    }
  } else if (const WordInfo* tu = find_class(core, WordClass::kOrdinalTeenUnit)) {
    if (!adjacent_ten(t)) return std::nullopt;
    value = *value.Plus(*tu->value.Plus(Decimal::FromInt(10)));
    t += 2;
  } else if (const WordInfo* tens = find_class(core, WordClass::kOrdinalTens)) {
    value = *value.Plus(tens->value);
    t += 1;
  } else {
    return std::nullopt;
  }
  if (alone_weak && !options.allow_weak_alone) return std::nullopt;
  r.value = value;
  r.end_token = t;
  return r;
}

std::optional<Decimal> ParseDigits(std::string_view key) {
  // Most digit tokens are plain ASCII integers ("2025", "15"): no separators to weigh.
  if (IsDigitRun(key, 1, 18)) {
    int64_t value = 0;
    for (char c : key) value = value * 10 + (c - '0');
    return Decimal::FromInt(value);
  }
  // Separators: ASCII , and . plus the Arabic thousands (U+066C), decimal (U+066B) and comma
  // (U+060C) signs, mapped to one class each.
  std::string digits;
  std::vector<std::pair<size_t, char>> seps;  // position in `digits`, kind ('.', ',', 'a')
  for (size_t i = 0; i < key.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(key, i, &cp);
    if (len == 0) return std::nullopt;
    i += len;
    if (cp >= '0' && cp <= '9') {
      digits += static_cast<char>(cp);
    } else if (cp >= 0x660 && cp <= 0x669) {
      digits += static_cast<char>('0' + (cp - 0x660));
    } else if (cp >= 0x6F0 && cp <= 0x6F9) {
      digits += static_cast<char>('0' + (cp - 0x6F0));
    } else if (cp == '.' || cp == 0x66B) {
      seps.push_back({digits.size(), '.'});
    } else if (cp == ',' || cp == 0x66C) {
      seps.push_back({digits.size(), ','});
    } else if (cp == 0x60C) {
      seps.push_back({digits.size(), 'a'});
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty()) return std::nullopt;
  for (const auto& sep : seps) {
    if (sep.first == 0 || sep.first == digits.size()) return std::nullopt;
  }
  // Which separator marks the decimals: the last one when both kinds appear; a lone '.' or
  // U+066B; a lone comma unless it is followed by exactly three digits (thousands).
  std::optional<size_t> point;
  if (!seps.empty()) {
    bool has_dot = false, has_comma = false;
    for (const auto& sep : seps) (sep.second == '.' ? has_dot : has_comma) = true;
    const auto& last = seps.back();
    if (has_dot && has_comma) {
      point = last.first;
      for (size_t i = 0; i + 1 < seps.size(); ++i) {
        if (seps[i].second == last.second) return std::nullopt;
      }
    } else if (seps.size() == 1) {
      bool three_after = digits.size() - last.first == 3;
      if (last.second == '.' || !three_after) point = last.first;
    } else if (has_dot) {
      // "1.234.567": dots grouping thousands (the check below wants groups of three);
      // "192.168.1.2" is not one number.
    } else if (last.second == ',' && digits.size() - last.first != 3) {
      // "47،310,65": Arabic commas group thousands, the Latin comma marks the decimals.
      bool arabic_before = true;
      for (size_t i = 0; i + 1 < seps.size(); ++i) arabic_before &= seps[i].second == 'a';
      if (!arabic_before) return std::nullopt;
      point = last.first;
    }
    // Every grouping separator must be followed by three digits.
    size_t prev = 0;
    for (const auto& sep : seps) {
      if (point && sep.first == *point) break;
      if (prev != 0 && sep.first - prev != 3) return std::nullopt;
      if (prev == 0 && sep.first > 3 && seps.size() > (point ? 1u : 0u)) {
        // leading group may be 1-3 digits
        return std::nullopt;
      }
      prev = sep.first;
    }
    if (prev != 0) {
      size_t group_end = point ? *point : digits.size();
      if (group_end - prev != 3) return std::nullopt;
    }
  }
  std::string text = digits;
  if (point) text.insert(*point, ".");
  return Decimal::Parse(text);
}

NumberParser::NumberParser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NumberParser::~NumberParser() = default;

std::unique_ptr<NumberParser> NumberParser::Create(std::string_view tsv, std::string* error) {
  auto impl = std::make_unique<Impl>();
  Normalizer normalizer(MatchFormOptions());  // the same folds as token keys
  std::vector<std::pair<std::string, Decimal>> prefixes;
  std::vector<std::pair<std::string, WordInfo>> hundreds;
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    auto fields = SplitFields(line);
    auto fail = [&](const std::string& why) {
      *error = "number_words.tsv:" + std::to_string(lines.line_number()) + ": " + why;
      return nullptr;
    };
    if (fields.size() < 3 || fields.size() > 4) return fail("expected 3 or 4 tab-separated fields");
    std::string key = normalizer.NormalizeToString(fields[0]);
    if (key.empty()) return fail("empty word");
    bool is_prefix = fields[1] == "hundred_prefix";
    auto cls = ParseClass(fields[1]);
    if (!cls && !is_prefix) return fail("unknown class '" + std::string(fields[1]) + "'");
    auto value = ParseValue(fields[2]);
    if (!value) return fail("bad value '" + std::string(fields[2]) + "'");
    if (is_prefix) {
      prefixes.push_back({key, *value});
      continue;
    }
    WordInfo info;
    info.cls = *cls;
    info.value = *value;
    if (fields.size() == 4) {
      std::string_view flags = fields[3];
      while (!flags.empty()) {
        size_t comma = flags.find(',');
        std::string_view flag = flags.substr(0, comma);
        flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
        if (flag == "weak")
          info.weak = true;
        else if (flag == "dual")
          info.dual = true;
        else if (flag == "plural")
          info.plural = true;
        else if (flag == "compound")
          info.compound = true;
        else
          return fail("unknown flag '" + std::string(flag) + "'");
      }
    }
    impl->Add(key, info);
    if (info.cls == WordClass::kHundred) hundreds.push_back({key, info});
    // Regular suffixed forms of a scale word.
    if (info.cls == WordClass::kScale && !info.plural && !info.dual) {
      WordInfo acc = info, dual = info, plural = info;
      acc.acc_or_dual = true;
      dual.dual = true;
      plural.plural = true;
      if (EndsWith(key, kTehMarbutaFolded)) {
        std::string stem = key.substr(0, key.size() - kTehMarbutaFolded.size());
        impl->Add(stem + "\xD8\xAA\xD8\xA7\xD9\x86", dual);  // تان
        impl->Add(stem + "\xD8\xAA\xD9\x8A\xD9\x86", dual);  // تين
        impl->Add(stem + "\xD8\xA7\xD8\xAA", plural);        // ات
      } else {
        impl->Add(key + "\xD8\xA7", acc);           // ا
        impl->Add(key + "\xD8\xA7\xD9\x86", dual);  // ان
        impl->Add(key + "\xD9\x8A\xD9\x86", dual);  // ين
        impl->Add(key + "\xD9\x8A", dual);  // ي (construct dual: "مليوني دولار")
        impl->Add(key + "\xD8\xA7\xD8\xAA", plural);  // ات
      }
    }
  }
  // Fused hundreds: ثلاث+مائة, تلت+مية ...
  for (const auto& [prefix, count] : prefixes) {
    for (const auto& [hundred, info] : hundreds) {
      WordInfo fused = info;
      fused.cls = WordClass::kHundreds;
      fused.value = *count.Times(info.value);
      impl->Add(prefix + hundred, fused);
    }
  }
  // Article forms: tens, hundreds and singular scales with ال are ordinals ("العشرون",
  // "المئة"); "الاثنا" opens the ordinal "الاثنا عشر"; units stay cardinal ("الخمسة").
  std::vector<std::pair<std::string, WordInfo>> with_article;
  for (const auto& [key, infos] : impl->words) {
    if (StartsWith(key, kArticle)) continue;
    for (const WordInfo& info : infos) {
      WordInfo derived = info;
      switch (info.cls) {
        case WordClass::kTens:
          derived.cls = WordClass::kOrdinalTens;
          break;
        case WordClass::kHundred:
        case WordClass::kHundreds:
          derived.cls = WordClass::kOrdinalBig;
          break;
        case WordClass::kScale:
          if (info.plural || info.dual || info.acc_or_dual) continue;
          derived.cls = WordClass::kOrdinalBig;
          break;
        case WordClass::kTeenUnit:
          derived.cls = WordClass::kOrdinalTeenUnit;
          break;
        case WordClass::kUnit:
        case WordClass::kFraction:
          derived.weak = true;
          break;
        default:
          continue;
      }
      with_article.push_back({std::string(kArticle) + key, derived});
    }
  }
  for (auto& [key, info] : with_article) {
    if (!impl->Find(key)) impl->Add(std::move(key), info);
  }
  return std::unique_ptr<NumberParser>(new NumberParser(std::move(impl)));
}

std::unique_ptr<NumberParser> NumberParser::CreateDefault() {
  std::string error;
  auto parser = Create(KASHIF_EMBEDDED(number_words), &error);
  // The embedded table is part of the build and covered by tests; a failure here is a bug.
  if (!parser) std::abort();
  return parser;
}

void NumberParser::Bind(const Vocabulary& vocabulary) {
  impl_->ids = LexiconIds<std::vector<WordInfo>>(vocabulary, impl_->words);
}

const RangeWords& NumberParser::range_words() const { return impl_->range_words; }
const PercentWords& NumberParser::percent_words() const { return impl_->percent_words; }

namespace {

std::optional<Decimal> WordValueOf(const std::vector<WordInfo>* w) {
  if (!w) return std::nullopt;
  for (const WordInfo& info : *w) {
    switch (info.cls) {
      case WordClass::kUnit:
      case WordClass::kTen:
      case WordClass::kTeen:
      case WordClass::kTens:
      case WordClass::kHundred:
      case WordClass::kHundreds:
      case WordClass::kFraction:
      case WordClass::kOrdinal:
      case WordClass::kOrdinalTens:
      case WordClass::kOrdinalBig:
        return info.value;
      case WordClass::kScale:
        return info.dual ? *info.value.Times(Decimal::FromInt(2)) : info.value;
      default:
        break;
    }
  }
  return std::nullopt;
}

std::optional<Decimal> FractionValueOf(const std::vector<WordInfo>* w) {
  if (!w) return std::nullopt;
  for (const WordInfo& info : *w) {
    if (info.cls == WordClass::kFraction && info.value.Compare(Decimal::FromInt(1)) < 0) {
      return info.value;
    }
  }
  return std::nullopt;
}

bool HasToken(const Document& doc, size_t token) {
  return token < doc.tokens.size() && token < doc.analyses.size();
}

}  // namespace

std::optional<Decimal> NumberParser::WordValue(std::string_view key) const {
  return WordValueOf(impl_->Find(key));
}

std::optional<Decimal> NumberParser::WordValue(const Document& doc, size_t token) const {
  if (!HasToken(doc, token)) return std::nullopt;
  return WordValueOf(impl_->FindAt(doc, token, doc.Key(token)));
}

bool NumberParser::IsOfWord(std::string_view key) const {
  return Impl::HasClass(impl_->Find(key), WordClass::kOf);
}

bool NumberParser::IsOfWord(const Document& doc, size_t token) const {
  return HasToken(doc, token) &&
         Impl::HasClass(impl_->FindAt(doc, token, doc.Key(token)), WordClass::kOf);
}

std::optional<Decimal> NumberParser::FractionValue(std::string_view key) const {
  return FractionValueOf(impl_->Find(key));
}

std::optional<Decimal> NumberParser::FractionValue(const Document& doc, size_t token) const {
  if (!HasToken(doc, token)) return std::nullopt;
  return FractionValueOf(impl_->FindAt(doc, token, doc.Key(token)));
}

bool NumberParser::MayStartAt(const Document& doc, size_t token,
                              const NumberParseOptions& options) const {
  if (token >= doc.tokens.size() || token >= doc.analyses.size()) return false;
  const TokenKind kind = doc.tokens[token].kind;
  if (kind == TokenKind::kPunctuation || kind == TokenKind::kSymbol) {
    return impl_->SignMayOpen(doc, token);
  }
  if (kind != TokenKind::kArabicWord && kind != TokenKind::kLatinWord) return true;
  return impl_->WordMayOpen(doc, token, options);
}

std::optional<NumberParse> NumberParser::ParseAt(const Document& doc, size_t token,
                                                 const NumberParseOptions& options) const {
  if (token >= doc.tokens.size() || token >= doc.analyses.size()) return std::nullopt;
  if (options.stop_token != 0 && token >= options.stop_token) return std::nullopt;
  // Callers try every token; nearly every word of running text is no number word, which the
  // analyzer's lexicon bits tell without a lookup. (Checked before the parse proper so that
  // this common case does not pay for its stack frame.)
  const TokenKind kind = doc.tokens[token].kind;
  if ((kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) &&
      (doc.analyses[token].lexicons & kLexNumber) == 0) {
    return std::nullopt;
  }
  if ((kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) &&
      !impl_->WordMayOpen(doc, token, options)) {
    return std::nullopt;
  }
  // And most punctuation (commas, full stops).
  if ((kind == TokenKind::kPunctuation || kind == TokenKind::kSymbol) &&
      !impl_->SignMayOpen(doc, token)) {
    return std::nullopt;
  }
  return impl_->ParseFrom(doc, token, options);
}

std::optional<NumberParse> NumberParser::Impl::ParseFrom(const Document& doc, size_t token,
                                                         const NumberParseOptions& options) const {
  const TokenAnalysis& a = doc.analyses[token];
  const Token& tok = doc.tokens[token];
  // Readings of the first token: itself, then with its proclitics set aside.
  const int reading_count = options.allow_proclitic && tok.kind == TokenKind::kArabicWord
                                ? std::min<int>(std::max<int>(a.reading_count, 1), kMaxReadings)
                                : 1;
  std::optional<NumberParse> best;
  // A bare decimal point opening a number: ".08", "٫٥".
  const bool sign_like = tok.kind == TokenKind::kPunctuation || tok.kind == TokenKind::kSymbol;
  if (sign_like && options.cardinals && token + 1 < doc.tokens.size() &&
      doc.tokens[token + 1].glued_to_previous && doc.tokens[token + 1].kind == TokenKind::kNumber &&
      (token == 0 || !tok.glued_to_previous) &&
      (doc.TokenText(token) == "." || doc.TokenText(token) == kArabicDecimalSeparator) &&
      IsDigitRun(doc.Key(token + 1), 1, 18)) {
    if (auto v = Decimal::Parse("0." + std::string(doc.Key(token + 1)))) {
      NumberParse p;
      p.value = *v;
      p.first_token = static_cast<uint32_t>(token);
      p.end_token = static_cast<uint32_t>(token + 2);
      p.begin = tok.begin;
      p.end = doc.tokens[token + 1].end;
      p.has_digits = true;
      return p;
    }
  }
  // Digits and a minus sign start a cardinal whatever the table says; a word only when one of
  // its table readings can open a number (not "من", "فاصلة", "أرباع").
  const bool opens_without_word =
      tok.kind == TokenKind::kNumber || (sign_like && IsMinusSign(doc.TokenText(token)));
  for (int ri = 0; ri < reading_count; ++ri) {
    const std::string_view key = ri == 0 ? doc.Key(token) : doc.Slice(a.readings[ri].key);
    const uint32_t skip = ri == 0 ? 0 : a.readings[ri].skip_bytes;
    if (key.empty() && tok.kind == TokenKind::kArabicWord) continue;
    const std::vector<WordInfo>* first_words = FindAt(doc, token, key);
    if (!opens_without_word && (first_words == nullptr || !Impl::CanStart(*first_words))) continue;
    // "جزء من مئة": one part of a number is its reciprocal.
    if (options.cardinals && Impl::HasClass(first_words, WordClass::kPart)) {
      Impl::Result one;
      one.value = Decimal::FromInt(1);
      one.end_token = token;
      one.has_words = true;
      if (ExtendWithParts(doc, options, &one, key) && (!best || best->end_token < one.end_token)) {
        NumberParse p;
        p.value = one.value;
        p.first_token = static_cast<uint32_t>(token);
        p.end_token = static_cast<uint32_t>(one.end_token);
        p.begin = doc.tokens[token].begin + skip;
        p.end = doc.tokens[one.end_token - 1].end;
        p.has_words = true;
        p.skipped_proclitic = skip > 0;
        best = p;
      }
    }
    // Cardinal readings of an ambiguous first word one by one, then the ordinal.
    const int readings_of_first =
        first_words && first_words->size() > 1 ? static_cast<int>(first_words->size()) : 0;
    for (int pass = -1; pass <= readings_of_first; ++pass) {
      const bool ordinal = pass == readings_of_first;
      if (!ordinal && !options.cardinals) continue;
      if (ordinal && !options.ordinals) continue;
      auto r = ordinal ? ParseOrdinal(doc, token, key, options)
                       : ParseCardinal(doc, token, key, options, pass);
      if (!r) continue;
      if (!ordinal) ExtendWithParts(doc, options, &*r);
      if (options.stop_token != 0 && r->end_token > options.stop_token) continue;
      if (best && best->end_token >= r->end_token) continue;
      NumberParse p;
      p.value = r->value;
      p.first_token = static_cast<uint32_t>(token);
      p.end_token = static_cast<uint32_t>(r->end_token);
      p.begin = doc.tokens[token].begin + skip;
      p.end = doc.tokens[r->end_token - 1].end;
      p.ordinal = r->ordinal;
      p.has_words = r->has_words;
      p.has_digits = r->has_digits;
      p.skipped_proclitic = skip > 0;
      best = p;
    }
  }
  return best;
}

std::vector<NumberParse> NumberParser::FindAll(const Document& doc,
                                               const NumberParseOptions& options) const {
  std::vector<NumberParse> out;
  for (size_t t = 0; t < doc.tokens.size();) {
    if (auto p = ParseAt(doc, t, options)) {
      out.push_back(*p);
      t = p->end_token;
    } else {
      ++t;
    }
  }
  return out;
}

void NumberParser::AddWordsTo(VocabularyBuilder* builder) const {
  for (const auto& [key, infos] : impl_->words) builder->Add(key, kLexNumber);
}

}  // namespace kashif::internal
