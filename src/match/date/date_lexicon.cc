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

bool ParseUnit(std::string_view text, DateWord* w) {
  std::vector<std::string_view> parts = SplitFields(text, ':');
  static constexpr std::pair<std::string_view, DateUnit> kUnits[] = {
      {"day", DateUnit::kDay},   {"week", DateUnit::kWeek},     {"month", DateUnit::kMonth},
      {"year", DateUnit::kYear}, {"decade", DateUnit::kDecade}, {"century", DateUnit::kCentury}};
  bool found = false;
  for (const auto& [name, u] : kUnits) {
    if (parts[0] == name) {
      w->unit = u;
      found = true;
    }
  }
  if (!found) return false;
  int count = 1;
  if (parts.size() == 2) {
    if (parts[1] == "n") {
      count = 0;
    } else if (!ToInt(parts[1], &count) || count < 1 || count > 2) {
      return false;
    }
  }
  w->count = static_cast<int8_t>(count);
  return parts.size() <= 2;
}

// One name of the value column among `names`, in order: its index, or -1.
template <size_t N>
int NameIndex(std::string_view value, const std::string_view (&names)[N]) {
  for (size_t k = 0; k < N; ++k) {
    if (value == names[k]) return static_cast<int>(k);
  }
  return -1;
}

// "h10-01" / "g12-25": a fixed-date holiday; "easter" / "easter_orthodox": Easter Sunday.
bool ParseHoliday(std::string_view value, DateWord* w) {
  if (value == "easter" || value == "easter_orthodox") {
    w->holiday = value == "easter" ? HolidayRule::kWesternEaster : HolidayRule::kOrthodoxEaster;
    return true;
  }
  int month = 0;
  int day = 0;
  if (value.size() != 6 || (value[0] != 'h' && value[0] != 'g') || value[3] != '-' ||
      !ToInt(value.substr(1, 2), &month) || !ToInt(value.substr(4, 2), &day) || month < 1 ||
      month > 12 || day < 1 || day > 31) {
    return false;
  }
  w->holiday = value[0] == 'h' ? HolidayRule::kHijri : HolidayRule::kGregorian;
  w->month = static_cast<int8_t>(month);
  w->day = static_cast<int8_t>(day);
  return true;
}

// The integer field a kind's VALUE goes to; nullptr for kinds whose value is not read.
int8_t* IntegerField(DateWord* w) {
  switch (w->kind) {
    case DateWordKind::kMonth:
    case DateWordKind::kHijriMonth:
      return &w->month;
    case DateWordKind::kWeekday:
      return &w->weekday;
    case DateWordKind::kDayRel:
      return &w->day_offset;
    case DateWordKind::kRel:
      return &w->direction;
    case DateWordKind::kNth:
    case DateWordKind::kLast:
      return &w->nth;
    case DateWordKind::kDecade:
      return &w->decade;
    case DateWordKind::kYearFraction:
      return &w->parts;
    case DateWordKind::kYearWord:
      return &w->count;
    default:
      return nullptr;
  }
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
      {"millennium_word", DateWordKind::kMillenniumWord},
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
      {"season", DateWordKind::kSeason},
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
      if (!ParseUnit(value, w)) {
        *why = "bad unit \"" + std::string(value) + "\"";
        return false;
      }
      return true;
    case DateWordKind::kEra: {
      static constexpr std::string_view kEras[] = {"gregorian", "hijri", "bc"};
      const int k = NameIndex(value, kEras);
      if (k < 0) {
        *why = "era must be gregorian, hijri or bc";
        return false;
      }
      w->era = static_cast<DateEra>(k);
      return true;
    }
    case DateWordKind::kPart: {
      static constexpr std::string_view kParts[] = {"early", "mid", "late"};
      const int k = NameIndex(value, kParts);
      if (k < 0) {
        *why = "part must be early, mid or late";
        return false;
      }
      w->part = static_cast<DatePart>(k);
      return true;
    }
    case DateWordKind::kSeason: {
      static constexpr std::string_view kSeasons[] = {"",       "spring", "summer",
                                                      "autumn", "winter", "school_year"};
      const int k = NameIndex(value, kSeasons);
      if (k <= 0) {
        *why = "season must be spring, summer, autumn, winter or school_year";
        return false;
      }
      w->season = static_cast<Season>(k);
      return true;
    }
    case DateWordKind::kShift:
      if (value != "ago" && value != "since" && value != "after") {
        *why = "shift must be ago, since or after";
        return false;
      }
      w->direction = value == "after" ? 1 : -1;
      w->since = value == "since";
      return true;
    case DateWordKind::kHoliday:
      if (!ParseHoliday(value, w)) {
        *why = "holiday must be hMM-DD, gMM-DD, easter or easter_orthodox";
        return false;
      }
      return true;
    default: {
      int v = 0;
      if (!ToInt(value, &v) || v < -100 || v > 100) {
        *why = "value must be an integer";
        return false;
      }
      if (w->kind == DateWordKind::kCue) w->temporal = v == 1;
      if (w->kind == DateWordKind::kRangeFrom) w->between = v == 1;
      if (int8_t* field = IntegerField(w)) *field = static_cast<int8_t>(v);
      return true;
    }
  }
}

}  // namespace

bool DateWord::operator==(const DateWord& o) const {
  // Every field but the flags, which a repeated row merges.
  return kind == o.kind && month == o.month && day == o.day && weekday == o.weekday &&
         day_offset == o.day_offset && direction == o.direction && nth == o.nth &&
         decade == o.decade && parts == o.parts && count == o.count && unit == o.unit &&
         part == o.part && era == o.era && holiday == o.holiday && season == o.season &&
         temporal == o.temporal && between == o.between && since == o.since;
}

std::unique_ptr<DateLexicon> DateLexicon::CreateDefault() {
  std::string error;
  std::unique_ptr<DateLexicon> built = Create(KASHIF_EMBEDDED(date_words), &error);
  // The embedded file is checked by the tests; an empty lexicon keeps extraction working.
  return built ? std::move(built) : std::unique_ptr<DateLexicon>(new DateLexicon());
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
      if (p.rest == phrase.rest && p.word == word) {
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
  if (kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) {
    if (const FirstWord* w = ids_.Find(rd.word)) phrases = &w->phrases;
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
  if (kind != TokenKind::kArabicWord && kind != TokenKind::kLatinWord) return ~0u;
  const TokenAnalysis& a = doc.analyses[token];
  uint32_t kinds = 0;
  for (int r = 0; r < a.reading_count; ++r) {
    if (const FirstWord* w = ids_.Find(a.readings[r].word)) kinds |= w->kinds;
  }
  return kinds;
}

void DateLexicon::AddWordsTo(VocabularyBuilder* builder) const {
  for (const auto& [first, first_word] : by_first_) builder->Add(first, kLexDate);
}

}  // namespace kashif::internal
