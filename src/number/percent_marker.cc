#include "number/percent_marker.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "core/analyzer.h"
#include "core/lexicon_ids.h"
#include "kashif/normalizer.h"
#include "kashif/tokenizer.h"
#include "text/lines.h"

namespace kashif::internal {

namespace {

// A token as markers are compared: its match form, or its text when it has none (a sign).
std::string_view Form(const Document& doc, size_t t) {
  std::string_view key = doc.Key(t);
  return key.empty() ? doc.TokenText(t) : key;
}

}  // namespace

PercentWords::PercentWords(std::string_view tsv) {
  Normalizer normalizer(MatchFormOptions());  // the same folds as token keys
  Tokenizer tokenizer;
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() != 2) continue;  // the embedded file is checked by data_test
    std::vector<std::string> forms;
    for (const Token& token : tokenizer.Tokenize(fields[0])) {
      std::string form = normalizer.NormalizeToString(token.text(fields[0]));
      forms.push_back(form.empty() ? std::string(token.text(fields[0])) : form);
    }
    if (forms.empty()) continue;
    Marker marker;
    marker.leading = fields[1] == "either";
    std::string last = std::move(forms.back());
    forms.pop_back();
    marker.before = std::move(forms);
    last_pairs_.Add(last);
    by_last_[last].push_back(std::move(marker));
  }
}

const std::vector<PercentWords::Marker>* PercentWords::EndingWith(std::string_view form) const {
  auto it = by_last_.find(absl::string_view(form.data(), form.size()));
  return it == by_last_.end() ? nullptr : &it->second;
}

std::optional<size_t> PercentMarkerEndingAt(const NumberParser& numbers, const Document& doc,
                                            size_t last) {
  if (last >= doc.tokens.size() || !MayBePercentMarker(doc, last)) return std::nullopt;
  const PercentWords& words = numbers.percent_words();
  const std::string_view form = Form(doc, last);
  if (!words.MayEndWith(form)) return std::nullopt;
  const std::vector<PercentWords::Marker>* markers = words.EndingWith(form);
  if (markers == nullptr) return std::nullopt;
  for (const PercentWords::Marker& marker : *markers) {
    const size_t count = marker.before.size();
    if (count > last) continue;
    bool same = true;
    for (size_t k = 0; k < count && same; ++k) same = Form(doc, last - count + k) == marker.before[k];
    if (same) return last - count;
  }
  return std::nullopt;
}

bool IsLeadingPercentSign(const NumberParser& numbers, const Document& doc, size_t t) {
  if (t >= doc.tokens.size()) return false;
  const TokenKind kind = doc.tokens[t].kind;
  if (kind != TokenKind::kSymbol && kind != TokenKind::kPunctuation) return false;
  const PercentWords& words = numbers.percent_words();
  if (!words.MayEndWith(doc.TokenText(t))) return false;
  const std::vector<PercentWords::Marker>* markers = words.EndingWith(doc.TokenText(t));
  if (markers == nullptr) return false;
  for (const PercentWords::Marker& marker : *markers) {
    if (marker.leading && marker.before.empty()) return true;
  }
  return false;
}

}  // namespace kashif::internal
