#include "number/number_range.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "core/analyzer.h"
#include "kashif/normalizer.h"
#include "kashif/tokenizer.h"
#include "text/lines.h"

namespace kashif::internal {

RangeWords::RangeWords(std::string_view tsv) {
  Normalizer normalizer(MatchFormOptions());  // the same folds as token keys
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() != 2) continue;  // the embedded file is checked by data_test
    std::string form = normalizer.NormalizeToString(fields[0]);
    if (form.empty()) form = std::string(fields[0]);
    roles_[form] = fields[1] == "from" ? RangeRole::kFrom : RangeRole::kTo;
  }
}

bool RangeWords::Is(std::string_view form, RangeRole role) const {
  if (form.empty()) return false;
  auto it = roles_.find(absl::string_view(form.data(), form.size()));
  return it != roles_.end() && it->second == role;
}

namespace {

// A token as range words are compared: its match form, or its text when it has none (a sign).
std::string_view Form(const Document& doc, size_t t) {
  std::string_view key = doc.Key(t);
  return key.empty() ? doc.TokenText(t) : key;
}

// Whether token t opens a range, as written or after a proclitic ("وبين"); *begin is the first
// byte of the range word.
bool OpensRange(const RangeWords& words, const Document& doc, size_t t, uint32_t* begin) {
  if (words.Is(Form(doc, t), RangeRole::kFrom)) {
    *begin = doc.tokens[t].begin;
    return true;
  }
  for (const TokenReading& reading : doc.Readings(t)) {
    if (words.Is(doc.Slice(reading.key), RangeRole::kFrom)) {
      *begin = doc.tokens[t].begin + reading.skip_bytes;
      return true;
    }
  }
  return false;
}

// The scale word that ends the number parsed over [first, end), or nullopt: "ملايين" in
// "5 ملايين", none in "20" or "خمسة".
std::optional<Decimal> EndingScale(const NumberParser& numbers, const Document& doc, size_t first,
                                   size_t end) {
  if (end <= first || doc.tokens[end - 1].kind != TokenKind::kArabicWord) return std::nullopt;
  std::optional<Decimal> v = numbers.WordValue(doc, end - 1);
  if (!v || v->Compare(Decimal::FromInt(1000)) < 0) return std::nullopt;
  return v;
}

}  // namespace

std::optional<NumberRange> RangeBefore(const NumberParser& numbers, const Document& doc,
                                       const NumberParse& high, const NumberParseOptions& options) {
  const RangeWords& words = numbers.range_words();
  const size_t h = high.first_token;
  // The connector: a proclitic of the high number ("و5", "لعشرين") or a token before it.
  size_t low_end = 0;
  if (high.skipped_proclitic) {
    const std::string_view proclitic =
        doc.text.substr(doc.tokens[h].begin, high.begin - doc.tokens[h].begin);
    if (!words.Is(proclitic, RangeRole::kTo)) return std::nullopt;
    low_end = h;
  } else if (h >= 2 && words.Is(Form(doc, h - 1), RangeRole::kTo)) {
    low_end = h - 1;
  } else {
    return std::nullopt;
  }
  // The low number, opened by a range word a few tokens before it.
  NumberParseOptions low_options = options;
  low_options.stop_token = low_end;
  for (size_t from = low_end >= 2 ? low_end - 2 : 0;; --from) {
    uint32_t begin = 0;
    if (OpensRange(words, doc, from, &begin)) {
      std::optional<NumberParse> low = numbers.ParseAt(doc, from + 1, low_options);
      if (!low || low->end_token != low_end || low->skipped_proclitic) return std::nullopt;
      Decimal value = low->value;
      if (!EndingScale(numbers, doc, low->first_token, low->end_token)) {
        if (auto scale = EndingScale(numbers, doc, high.first_token, high.end_token)) {
          std::optional<Decimal> scaled = value.Times(*scale);
          if (scaled && *scaled < high.value) value = *scaled;
        }
      }
      if (!(value < high.value)) return std::nullopt;
      return NumberRange{value, from, begin};
    }
    if (from == 0 || from + 6 < low_end) break;
  }
  return std::nullopt;
}

std::optional<size_t> HighEndInside(const NumberParser& numbers, const Document& doc,
                                    const NumberParse& whole, const NumberParseOptions& options) {
  const RangeWords& words = numbers.range_words();
  uint32_t begin = 0;
  if (whole.first_token == 0 || !OpensRange(words, doc, whole.first_token - 1, &begin)) {
    return std::nullopt;
  }
  for (size_t k = whole.first_token + 1; k < whole.end_token; ++k) {
    // "وعشرين": the connector glued; "و عشرين": a token of its own.
    const bool own_token = words.Is(Form(doc, k), RangeRole::kTo);
    const size_t high = own_token ? k + 1 : k;
    if (high >= whole.end_token) continue;
    NumberParseOptions low_options = options;
    low_options.stop_token = k;
    std::optional<NumberParse> low = numbers.ParseAt(doc, whole.first_token, low_options);
    if (!low || low->end_token != k) continue;
    std::optional<NumberParse> rest = numbers.ParseAt(doc, high, options);
    if (!rest || rest->end_token != whole.end_token) continue;
    if (!own_token && !rest->skipped_proclitic) continue;
    return high;
  }
  return std::nullopt;
}

std::optional<std::pair<Decimal, Decimal>> DigitRange(std::string_view key) {
  size_t dash = key.find('-');
  size_t dash_size = 1;
  if (dash == std::string_view::npos) {
    dash = key.find("\xE2\x80\x93");  // en dash
    dash_size = 3;
  }
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::optional<Decimal> low = ParseDigits(key.substr(0, dash));
  std::optional<Decimal> high = ParseDigits(key.substr(dash + dash_size));
  if (!low || !high || !(*low < *high)) return std::nullopt;
  return std::make_pair(*low, *high);
}

}  // namespace kashif::internal
