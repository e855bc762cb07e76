#include "match/date/date_lexicon.h"

#include <charconv>
#include <unordered_map>
#include <utility>

#include "core/analyzer.h"
#include "data/embedded_data.h"
#include "text/lines.h"

KASHIF_DECLARE_EMBEDDED(date_words);

namespace kashif::internal {
namespace {

// Debian's Abseil has its own string_view, so number parsing stays local.
bool ToInt(std::string_view s, int* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

bool ParseUnit(std::string_view text, int* unit, int* count) {
  std::vector<std::string_view> parts = SplitFields(text, ':');
  static constexpr std::pair<std::string_view, DateUnit> kUnits[] = {
      {"day", DateUnit::kDay},   {"week", DateUnit::kWeek},     {"month", DateUnit::kMonth},
      {"year", DateUnit::kYear}, {"decade", DateUnit::kDecade}, {"century", DateUnit::kCentury}};
  bool found = false;
  for (const auto& [name, u] : kUnits) {
    if (parts[0] == name) {
      *unit = static_cast<int>(u);
      found = true;
    }
  }
  if (!found) return false;
  *count = 1;
  if (parts.size() == 2) {
    if (parts[1] == "n") {
      *count = 0;
    } else if (!ToInt(parts[1], count)) {
      return false;
    }
  }
  return parts.size() <= 2;
}

bool ParseWord(std::string_view kind, std::string_view value, DateWord* w, std::string* why) {
  static const std::unordered_map<std::string_view, DateWordKind> kKinds = {
      {"month", DateWordKind::kMonth},
      {"hijri_month", DateWordKind::kHijriMonth},
      {"weekday", DateWordKind::kWeekday},
      {"day_rel", DateWordKind::kDayRel},
      {"unit", DateWordKind::kUnit},
      {"unit_def", DateWordKind::kUnitDef},
      {"day_word", DateWordKind::kDayWord},
      {"month_word", DateWordKind::kMonthWord},
      {"year_word", DateWordKind::kYearWord},
      {"week_word", DateWordKind::kWeekWord},
      {"century_word", DateWordKind::kCenturyWord},
      {"rel", DateWordKind::kRel},
      {"this", DateWordKind::kThis},
      {"era", DateWordKind::kEra},
      {"part", DateWordKind::kPart},
      {"shift", DateWordKind::kShift},
      {"range_from", DateWordKind::kRangeFrom},
      {"range_to", DateWordKind::kRangeTo},
      {"range_and", DateWordKind::kRangeAnd},
      {"cue", DateWordKind::kCue},
      {"date_cue", DateWordKind::kDateCue},
      {"holiday", DateWordKind::kHoliday},
      {"decade", DateWordKind::kDecade},
      {"nth", DateWordKind::kNth},
      {"last", DateWordKind::kLast},
      {"weekend_prefix", DateWordKind::kWeekendPrefix},
      {"epithet", DateWordKind::kEpithet},
      {"not_era_after", DateWordKind::kNotEraAfter},
      {"not_before_weekday", DateWordKind::kNotBeforeWeekday},
      {"year_fraction", DateWordKind::kYearFraction},
  };
  auto it = kKinds.find(kind);
  if (it == kKinds.end()) {
    *why = "unknown kind \"" + std::string(kind) + "\"";
    return false;
  }
  w->kind = it->second;
  switch (w->kind) {
    case DateWordKind::kUnit:
    case DateWordKind::kUnitDef:
      if (!ParseUnit(value, &w->value, &w->value2)) {
        *why = "bad unit \"" + std::string(value) + "\"";
        return false;
      }
      return true;
    case DateWordKind::kEra:
      if (value != "gregorian" && value != "hijri" && value != "bc") {
        *why = "era must be gregorian, hijri or bc";
        return false;
      }
      w->value = value == "hijri" ? 1 : value == "bc" ? 2 : 0;
      return true;
    case DateWordKind::kPart:
      if (value == "early") {
        w->value = static_cast<int>(DatePart::kEarly);
      } else if (value == "mid") {
        w->value = static_cast<int>(DatePart::kMid);
      } else if (value == "late") {
        w->value = static_cast<int>(DatePart::kLate);
      } else {
        *why = "part must be early, mid or late";
        return false;
      }
      return true;
    case DateWordKind::kShift:
      if (value != "ago" && value != "after") {
        *why = "shift must be ago or after";
        return false;
      }
      w->value = value == "ago" ? -1 : 1;
      return true;
    case DateWordKind::kHoliday: {
      int month = 0;
      int day = 0;
      if (value.size() != 6 || (value[0] != 'h' && value[0] != 'g') || value[3] != '-' ||
          !ToInt(value.substr(1, 2), &month) || !ToInt(value.substr(4, 2), &day) || month < 1 ||
          month > 12 || day < 1 || day > 31) {
        *why = "holiday must be hMM-DD or gMM-DD";
        return false;
      }
      w->value = value[0] == 'h' ? 1 : 0;
      w->value2 = month * 100 + day;
      return true;
    }
    default:
      if (!ToInt(value, &w->value)) {
        *why = "value must be an integer";
        return false;
      }
      if (w->kind == DateWordKind::kYearWord) std::swap(w->value, w->value2);
      return true;
  }
}

}  // namespace

const DateLexicon& DateLexicon::Get() {
  static const DateLexicon* const lexicon = [] {
    std::string error;
    std::unique_ptr<DateLexicon> built = Create(KASHIF_EMBEDDED(date_words), &error);
    // The embedded file is checked by the tests; an empty lexicon keeps extraction working.
    return built ? built.release() : new DateLexicon();
  }();
  return *lexicon;
}

std::unique_ptr<DateLexicon> DateLexicon::Create(std::string_view tsv, std::string* error) {
  auto lexicon = std::unique_ptr<DateLexicon>(new DateLexicon());
  const Analyzer analyzer;
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    std::vector<std::string_view> cols = SplitFields(line);
    while (!cols.empty() && (cols.back().empty() || cols.back()[0] == '#')) cols.pop_back();
    // An empty FLAGS column may sit before a trailing comment.
    if (cols.size() == 4 && cols[3].empty()) cols.pop_back();
    std::string why;
    DateWord word;
    if (cols.size() < 3 || cols.size() > 4) {
      why = "expected FORM<TAB>KIND<TAB>VALUE[<TAB>FLAGS]";
    } else if (!ParseWord(cols[1], cols[2], &word, &why)) {
      // why is set
    } else if (cols.size() == 4 && cols[3] != "weak" && cols[3] != "bound") {
      why = "unknown flag \"" + std::string(cols[3]) + "\"";
    }
    if (!why.empty()) {
      *error = "date_words.tsv:" + std::to_string(lines.line_number()) + ": " + why;
      return nullptr;
    }
    word.weak = cols.size() == 4;
    word.bound = cols.size() == 4 && cols[3] == "bound";
    Phrase phrase;
    phrase.word = word;
    std::string first;
    for (std::string_view part : SplitFields(cols[0], ' ')) {
      if (part.empty()) continue;  // a double space
      std::string key;
      analyzer.AppendMatchForm(part, &key);
      if (first.empty()) {
        first = std::move(key);
      } else {
        phrase.rest.push_back(std::move(key));
      }
    }
    if (first.empty()) {
      *error = "date_words.tsv:" + std::to_string(lines.line_number()) + ": empty form";
      return nullptr;
    }
    lexicon->first_bytes_.set(static_cast<unsigned char>(first[0]));
    // A hand-written row may repeat a generated one to flag it weak: merge, weak wins.
    FirstWord& first_word = lexicon->by_first_[first];
    first_word.kinds |= 1u << static_cast<int>(word.kind);
    std::vector<Phrase>& phrases = first_word.phrases;
    bool merged = false;
    for (Phrase& p : phrases) {
      if (p.rest == phrase.rest && p.word.kind == word.kind && p.word.value == word.value &&
          p.word.value2 == word.value2) {
        p.word.weak = p.word.weak || word.weak;
        p.word.bound = p.word.bound || word.bound;
        merged = true;
      }
    }
    if (!merged) phrases.push_back(std::move(phrase));
  }
  return lexicon;
}

void DateLexicon::Lookup(const Document& doc, size_t token, bool allow_proclitic,
                         std::vector<DateWordHit>* hits) const {
  hits->clear();
  if (token >= doc.analyses.size()) return;
  const TokenAnalysis& a = doc.analyses[token];
  const int readings = allow_proclitic ? a.reading_count : std::min<int>(a.reading_count, 1);
  for (int r = 0; r < readings; ++r) AppendHits(doc, token, r, hits);
}

void DateLexicon::AppendHits(const Document& doc, size_t token, int reading,
                             std::vector<DateWordHit>* hits) const {
  const TokenAnalysis& a = doc.analyses[token];
  const TokenReading& rd = a.readings[reading];
  const std::vector<Phrase>* phrases = nullptr;
  // The analyzer looked every word reading up in the vocabulary; other tokens carry no id.
  const TokenKind kind = doc.tokens[token].kind;
  const auto* ids =
      kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord ? Ids(doc) : nullptr;
  if (ids != nullptr) {
    if (const FirstWord* w = ids->by_id[rd.word]) phrases = &w->phrases;
  } else {
    const std::string_view key = doc.Slice(rd.key);
    if (key.empty() || !first_bytes_[static_cast<unsigned char>(key[0])]) return;
    auto it = by_first_.find(absl::string_view(key.data(), key.size()));
    if (it != by_first_.end()) phrases = &it->second.phrases;
  }
  if (phrases == nullptr) return;
  for (const Phrase& phrase : *phrases) {
    size_t t = token + 1;
    bool ok = true;
    for (const std::string& key : phrase.rest) {
      if (t >= doc.tokens.size() || doc.Key(t) != key) {
        ok = false;
        break;
      }
      // A full stop inside a phrase ("ق.م") is an abbreviation only when nothing separates it
      // from its neighbours; "ق .\nم" is a sentence end.
      if (key == "." && (!doc.tokens[t].glued_to_previous || t + 1 >= doc.tokens.size() ||
                         !doc.tokens[t + 1].glued_to_previous)) {
        ok = false;
        break;
      }
      ++t;
    }
    if (!ok) continue;
    hits->push_back(DateWordHit{phrase.word, static_cast<uint32_t>(t), rd.skip_bytes});
  }
}

uint32_t DateLexicon::FirstWordKinds(const Document& doc, size_t token) const {
  const TokenKind kind = doc.tokens[token].kind;
  const auto* ids =
      kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord ? Ids(doc) : nullptr;
  if (ids == nullptr) return ~0u;
  const TokenAnalysis& a = doc.analyses[token];
  uint32_t kinds = 0;
  for (int r = 0; r < a.reading_count; ++r) {
    if (const FirstWord* w = ids->by_id[a.readings[r].word]) kinds |= w->kinds;
  }
  return kinds;
}

void DateLexicon::AddWordsTo(VocabularyBuilder* builder) const {
  for (const auto& [first, first_word] : by_first_) builder->Add(first, kLexDate);
}


}  // namespace kashif::internal
