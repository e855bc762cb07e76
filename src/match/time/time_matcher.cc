#include "match/time/time_matcher.h"

#include <algorithm>
#include <bitset>
#include <optional>
#include <utility>

#include "kashif/tokenizer.h"
#include "match/date/date_calendar.h"
#include "core/lexicon_ids.h"
#include "match/date/date_lexicon.h"
#include "number/decimal.h"
#include "number/number_parser.h"
#include "data/embedded_data.h"
#include "text/lines.h"
#include "text/strings.h"
#include "text/word_hash.h"
#include "text/word_table.h"

KASHIF_DECLARE_EMBEDDED(time_words);

namespace kashif::internal {

namespace {

enum class TimeWordKind : uint8_t {
  kClock,
  kMidnight,
  kNear,
  kPart,
  kPartOf,
  kMinutes,
  kLess,
  kExcept,
  kMinuteUnit,
  kZoneCue,
  kZone,
  kOf,
};

// What a part of the day does to an hour said 1-12 (data/time_words.tsv states the rule).
enum class DayPart : uint8_t { kAm, kNoon, kPm, kNight, kDawn };

std::optional<TimeWordKind> ParseKind(std::string_view name) {
  static constexpr std::pair<std::string_view, TimeWordKind> kKinds[] = {
      {"clock", TimeWordKind::kClock},     {"midnight", TimeWordKind::kMidnight},
      {"near", TimeWordKind::kNear},       {"part", TimeWordKind::kPart},
      {"part_of", TimeWordKind::kPartOf},  {"minutes", TimeWordKind::kMinutes},
      {"less", TimeWordKind::kLess},       {"except", TimeWordKind::kExcept},
      {"minute_unit", TimeWordKind::kMinuteUnit}, {"zone_cue", TimeWordKind::kZoneCue},
      {"zone", TimeWordKind::kZone},       {"of", TimeWordKind::kOf},
  };
  for (const auto& [text, kind] : kKinds) {
    if (text == name) return kind;
  }
  return std::nullopt;
}

std::optional<DayPart> ParsePart(std::string_view name) {
  static constexpr std::pair<std::string_view, DayPart> kParts[] = {
      {"am", DayPart::kAm},       {"noon", DayPart::kNoon}, {"pm", DayPart::kPm},
      {"night", DayPart::kNight}, {"dawn", DayPart::kDawn},
  };
  for (const auto& [text, part] : kParts) {
    if (text == name) return part;
  }
  return std::nullopt;
}

// The hour of the day (0-24) of an hour said 1-12 in `part` of the day.
int HourOfDay(int hour, DayPart part) {
  switch (part) {
    case DayPart::kAm:
      return hour == 12 ? 0 : hour;
    case DayPart::kNoon:
      return hour >= 11 ? hour : hour + 12;
    case DayPart::kPm:
      return hour == 12 ? 12 : hour + 12;
    case DayPart::kNight:
      if (hour == 12) return 24;
      return hour >= 6 ? hour + 12 : hour;
    case DayPart::kDawn:
      return hour == 12 ? 0 : hour;
  }
  return hour;
}

constexpr std::string_view kWaw = "\xD9\x88";  // و, the conjunction before minutes

constexpr uint32_t Bit(TimeWordKind kind) { return 1u << static_cast<int>(kind); }
// The words a time may open with, and the parts of the day an hour before them may be found
// from; the other words only continue a time.
constexpr uint32_t kOpeningKinds =
    Bit(TimeWordKind::kClock) | Bit(TimeWordKind::kMidnight) | Bit(TimeWordKind::kNear);
constexpr uint32_t kPartKinds = Bit(TimeWordKind::kPart) | Bit(TimeWordKind::kPartOf);

}  // namespace

struct TimeMatcher::Lexicon {
  struct Phrase {
    std::vector<std::string> rest;  // match forms of the tokens after the first
    TimeWordKind kind = TimeWordKind::kClock;
    int value = 0;     // minutes, the hour of kMidnight
    DayPart part = DayPart::kAm;
    std::string zone;  // kZone: the zone ("" for local time)
  };
  WordTable first_words;                    // the first word of every phrase
  std::vector<std::vector<Phrase>> phrases;  // by first-word id - 1, longest first
  std::vector<uint32_t> kinds;               // by first-word id - 1: 1 << kind of its phrases
  // Bit (HashWord & 4095) of every first word: a reading whose bit is clear is no first word,
  // told without probing the table.
  std::bitset<4096> hash_bits;
  // The first words as (form, first-word id) pairs: the vocabulary marks them kLexTime
  // (AddWordsTo), so a token without the bit is none of them (nearly every token of running
  // text), told from the token's lexicon bits alone.
  std::vector<std::pair<std::string, uint32_t>> first_word_ids;
};

namespace {

// One phrase of the lexicon found at a token.
struct TimeWordHit {
  const TimeMatcher::Lexicon::Phrase* phrase = nullptr;
  size_t end_token = 0;
  uint32_t skip_bytes = 0;  // proclitic bytes of the first token left out
};

struct Clock {
  int hour = 0;    // 0-24
  int minute = 0;  // 0-59
};

class TimeGrammar {
 public:
  TimeGrammar(const TimeMatcher::Lexicon& lex, const NumberParser& numbers,
              const DateLexicon& dates, const Document& doc, const Options& options)
      : lex_(lex),
        doc_(doc),
        options_(options),
        reference_(doc.reference_date ? doc.reference_date : options.reference_date),
        parser_(numbers),
        dates_(dates) {}

  struct Match {
    size_t first_token = 0, end_token = 0;
    uint32_t begin = 0;
    std::string timex;
    std::string zone;
    bool zoned = false;  // a zone was named (its words are in the span)
  };

  // The phrase of `kind` at token t, the first token read as written or (with `proclitic`)
  // also with its proclitics set aside.
  std::optional<TimeWordHit> Word(size_t t, TimeWordKind kind, bool proclitic) const {
    if (t >= doc_.tokens.size() || doc_.tokens[t].kind != TokenKind::kArabicWord) {
      return std::nullopt;
    }
    const ReadingSpan all = doc_.Readings(t);
    const size_t readings = proclitic ? std::max<size_t>(all.size(), 1) : 1;
    for (size_t r = 0; r < readings && r < all.size(); ++r) {
      const TokenReading& reading = all[r];
      if (reading.hash == 0 || !lex_.hash_bits[reading.hash & 4095]) continue;
      const uint32_t id = lex_.first_words.Find(doc_.Slice(reading.key), reading.hash);
      if (id == 0) continue;
      for (const auto& phrase : lex_.phrases[id - 1]) {
        if (phrase.kind != kind || t + 1 + phrase.rest.size() > doc_.tokens.size()) continue;
        bool same = true;
        for (size_t k = 0; k < phrase.rest.size() && same; ++k) {
          same = doc_.Key(t + 1 + k) == phrase.rest[k];
        }
        if (same) return TimeWordHit{&phrase, t + 1 + phrase.rest.size(), r == 0 ? 0 : reading.skip_bytes};
      }
    }
    return std::nullopt;
  }

  // The kinds (1 << TimeWordKind) of the phrases whose first word a reading of token t is;
  // 0 for nearly every token, told by the reading hashes the analyzer stored.
  uint32_t KindsAt(size_t t) const {
    uint32_t kinds = 0;
    for (const TokenReading& reading : doc_.Readings(t)) {
      if (reading.hash == 0 || !lex_.hash_bits[reading.hash & 4095]) continue;
      if (const uint32_t id = lex_.first_words.Find(doc_.Slice(reading.key), reading.hash)) {
        kinds |= lex_.kinds[id - 1];
      }
    }
    return kinds;
  }

  bool IsPartWord(size_t t) const {
    return Word(t, TimeWordKind::kPart, false) || Word(t, TimeWordKind::kPartOf, false);
  }

  // A whole clock time starting at token `i`, or nullopt.
  std::optional<Match> MatchAt(size_t i) const;

 private:
  // The hour at token t, with the minutes of "9:45" or of a fraction ("التاسعة ونصف").
  // *colon: the minutes were written "H:MM"; *named: the hour is the feminine ordinal the
  // clock is read with ("السابعة", "الواحدة"), which a part of the day alone makes a time.
  std::optional<Clock> HourAt(size_t t, bool first, size_t* end, bool* colon, bool* named) const;
  // The minutes after the hour at token t ("والنصف", "إلا ربعا", "وعشر دقائق"): a signed
  // count, 0 and *end == t when there are none.
  int MinutesAt(size_t t, size_t* end) const;
  // "مساء", "صباحا", "من صباح اليوم", "مساء أمس": the part of the day and the day after it.
  std::optional<DayPart> PartAt(size_t t, size_t* end, std::optional<CivilDate>* day,
                                int* weekday) const;
  // A day word at token t: "أمس", "اليوم", "غدا" (resolved when the reference date is known)
  // or a weekday (ISO number in *weekday, resolved likewise).
  bool DayAt(size_t t, size_t* end, std::optional<CivilDate>* day, int* weekday) const;
  // "بتوقيت غرينتش", "بالتوقيت المحلي".
  bool ZoneAt(size_t t, size_t* end, std::string* zone) const;

  bool IsWaw(size_t t) const { return doc_.Key(t) == kWaw; }

  const TimeMatcher::Lexicon& lex_;
  const Document& doc_;
  const Options& options_;
  const std::optional<CivilDate> reference_;  // the call's reference date, else the options'
  const NumberParser& parser_;
  const DateLexicon& dates_;
  // DayAt()'s date-word hits, kept for the grammar's document (empty until a day word is met).
  mutable std::vector<DateWordHit> day_hits_;
};

std::optional<Clock> TimeGrammar::HourAt(size_t t, bool first, size_t* end, bool* colon,
                                         bool* named) const {
  const size_t n = doc_.tokens.size();
  if (t >= n) return std::nullopt;
  *colon = false;
  *named = false;
  NumberParseOptions number;
  number.allow_proclitic = first;
  number.allow_weak_alone = true;
  std::optional<NumberParse> p = parser_.ParseAt(doc_, t, number);
  Clock clock;
  if (!p) {
    // "الواحدة": the first word of a compound ordinal ("الواحدة والعشرون") is one o'clock alone.
    std::optional<Decimal> v = parser_.WordValue(doc_, t);
    std::optional<int64_t> hour = v ? v->ToInt64() : std::nullopt;
    if (!hour || *hour < 1 || *hour > 12) return std::nullopt;
    clock.hour = static_cast<int>(*hour);
    *end = t + 1;
    *named = true;
    return clock;
  }
  if (p->has_digits && !p->has_words) {
    std::optional<int64_t> hour = p->value.ToInt64();
    if (!hour || !p->value.IsInteger() || *hour < 0 || *hour > 24) return std::nullopt;
    clock.hour = static_cast<int>(*hour);
    *end = p->end_token;
    // "9:45", "٧:٠٠": the colon and two digits glued to the hour.
    const size_t c = p->end_token;
    if (c + 1 < n && doc_.TokenText(c) == ":" && doc_.tokens[c].glued_to_previous &&
        doc_.tokens[c + 1].glued_to_previous && doc_.tokens[c + 1].kind == TokenKind::kNumber &&
        doc_.Key(c + 1).size() == 2) {
      std::optional<Decimal> minutes = ParseDigits(doc_.Key(c + 1));
      std::optional<int64_t> m = minutes ? minutes->ToInt64() : std::nullopt;
      if (!m || *m > 59 || (clock.hour == 24 && *m != 0)) return std::nullopt;
      clock.minute = static_cast<int>(*m);
      *end = c + 2;
      *colon = true;
    }
    return clock;
  }
  if (p->has_digits) return std::nullopt;
  // Words: an hour 1-12, and a half or a quarter read with it ("التاسعة ونصف").
  if (p->ordinal && p->value == Decimal::FromInt(1)) return std::nullopt;  // "الساعة الأولى"
  std::optional<Decimal> in_minutes = p->value.Times(Decimal::FromInt(60));
  std::optional<int64_t> total =
      in_minutes && in_minutes->IsInteger() ? in_minutes->ToInt64() : std::nullopt;
  if (!total || *total < 60 || *total >= 13 * 60) return std::nullopt;
  clock.hour = static_cast<int>(*total / 60);
  clock.minute = static_cast<int>(*total % 60);
  *end = p->end_token;
  *named = p->ordinal;
  return clock;
}

int TimeGrammar::MinutesAt(size_t t, size_t* end) const {
  *end = t;
  const size_t n = doc_.tokens.size();
  if (t >= n) return 0;
  // "والنصف" (و as a proclitic) or "و النصف".
  const size_t after_waw = IsWaw(t) ? t + 1 : t;
  const bool waw = after_waw > t || (doc_.tokens[t].kind == TokenKind::kArabicWord &&
                                     StartsWith(doc_.TokenText(t), kWaw));
  if (waw) {
    if (auto hit = Word(after_waw, TimeWordKind::kMinutes, after_waw == t)) {
      if (after_waw > t || hit->skip_bytes == kWaw.size()) {
        *end = hit->end_token;
        return hit->phrase->value;
      }
    }
    // "وعشر دقائق", "و20 دقيقة".
    if (auto p = parser_.ParseAt(doc_, after_waw, AmountParseOptions())) {
      const int64_t m = p->value.IsInteger() ? p->value.ToInt64().value_or(0) : 0;
      const bool joined = after_waw > t || p->skipped_proclitic;
      if (joined && m > 0 && m < 60) {
        if (auto unit = Word(p->end_token, TimeWordKind::kMinuteUnit, false)) {
          *end = unit->end_token;
          return static_cast<int>(m);
        }
      }
    }
  }
  // "إلا ربعا", "إلا الثلث".
  if (auto except = Word(t, TimeWordKind::kExcept, false)) {
    if (auto less = Word(except->end_token, TimeWordKind::kLess, false)) {
      *end = less->end_token;
      return -less->phrase->value;
    }
  }
  return 0;
}

bool TimeGrammar::DayAt(size_t t, size_t* end, std::optional<CivilDate>* day,
                        int* weekday) const {
  if (t >= doc_.tokens.size()) return false;
  std::vector<DateWordHit>& hits = day_hits_;
  dates_.Lookup(doc_, t, false, &hits);
  for (const DateWordHit& hit : hits) {
    if (hit.word.kind == DateWordKind::kDayRel) {
      if (reference_) *day = AddDays(*reference_, hit.word.day_offset);
      *end = hit.end_token;
      return true;
    }
    if (hit.word.kind == DateWordKind::kWeekday && !hit.word.weak) {
      *weekday = hit.word.weekday;
      if (const auto& ref = reference_) {
        const int today = IsoWeekday(*ref);
        const int back = (today - *weekday + 7) % 7;
        const int ahead = (*weekday - today + 7) % 7;
        *day = AddDays(*ref, options_.date_bias == DateBias::kPast ? -back : ahead);
      }
      *end = hit.end_token;
      return true;
    }
  }
  return false;
}

std::optional<DayPart> TimeGrammar::PartAt(size_t t, size_t* end, std::optional<CivilDate>* day,
                                           int* weekday) const {
  // "من صباح اليوم": من, a part in construct, and the day it belongs to.
  size_t at = t;
  if (auto of = Word(t, TimeWordKind::kOf, false)) at = of->end_token;
  if (auto part_of = Word(at, TimeWordKind::kPartOf, false)) {
    if (DayAt(part_of->end_token, end, day, weekday)) return part_of->phrase->part;
  }
  if (at != t) return std::nullopt;
  auto part = Word(t, TimeWordKind::kPart, false);
  if (!part) return std::nullopt;
  *end = part->end_token;
  size_t day_end = 0;
  if (DayAt(*end, &day_end, day, weekday)) *end = day_end;  // "العاشرة صباحا غدا"
  return part->phrase->part;
}

bool TimeGrammar::ZoneAt(size_t t, size_t* end, std::string* zone) const {
  auto cue = Word(t, TimeWordKind::kZoneCue, false);
  if (!cue) return false;
  auto name = Word(cue->end_token, TimeWordKind::kZone, false);
  if (!name) return false;
  *end = name->end_token;
  *zone = name->phrase->zone;
  return true;
}

std::optional<TimeGrammar::Match> TimeGrammar::MatchAt(size_t i) const {
  Match m;
  m.first_token = i;
  m.begin = doc_.tokens[i].begin;
  size_t t = i;
  // The first word may carry a proclitic: "فبالساعة", "وقبيل".
  auto opening = [&](TimeWordKind kind) -> std::optional<TimeWordHit> {
    auto hit = Word(t, kind, t == i);
    if (hit && t == i) m.begin += hit->skip_bytes;
    return hit;
  };
  if (auto near = opening(TimeWordKind::kNear)) t = near->end_token;
  Clock clock;
  bool cue = false;      // الساعة, a part of the day, a zone, or midnight itself
  bool colon = false;    // minutes written "H:MM"
  bool clock_word = false;  // الساعة
  bool named = false;       // an ordinal hour ("السابعة")
  bool written_24 = false;  // an hour 13-24 (or 0) that no part of the day may change
  if (auto midnight = opening(TimeWordKind::kMidnight)) {
    clock.hour = midnight->phrase->value;
    t = midnight->end_token;
    cue = true;
  } else {
    if (t > i) return std::nullopt;  // قبيل / بعيد only before a named time
    if (auto clock_hit = opening(TimeWordKind::kClock)) {
      t = clock_hit->end_token;
      cue = clock_word = true;
    }
    size_t end = 0;
    std::optional<Clock> hour = HourAt(t, t == i, &end, &colon, &named);
    // A bare count is no hour without الساعة or a colon: "قتل 5 صباح اليوم" counts the dead.
    if (!hour || !(clock_word || colon || named)) return std::nullopt;
    if (t == i) {
      // The number's own span leaves a proclitic out ("وفي" is no number, but "و9" is).
      if (auto p = parser_.ParseAt(doc_, t)) m.begin = p->begin;
    }
    clock = *hour;
    written_24 = clock.hour > 12 || clock.hour == 0;
    t = end;
    size_t minutes_end = 0;
    const int minutes = colon ? 0 : MinutesAt(t, &minutes_end);
    if (minutes != 0) {
      t = minutes_end;
      if (minutes < 0) {
        clock.hour = clock.hour == 0 ? 23 : clock.hour - 1;
        clock.minute = 60 + minutes;
      } else {
        clock.minute += minutes;
      }
      if (clock.minute >= 60) return std::nullopt;
    }
  }
  std::optional<CivilDate> day;
  int weekday = 0;
  size_t part_end = 0;
  if (std::optional<DayPart> part = PartAt(t, &part_end, &day, &weekday)) {
    if (!written_24) clock.hour = HourOfDay(clock.hour, *part);
    t = part_end;
    cue = true;
  }
  size_t zone_end = 0;
  if (ZoneAt(t, &zone_end, &m.zone)) {
    t = zone_end;
    m.zoned = true;
    cue = cue || colon;
  }
  if (!cue) return std::nullopt;
  m.end_token = t;
  if (day) {
    m.timex = FormatDay(*day);
  } else if (weekday != 0) {
    m.timex = "XXXX-WXX-" + std::to_string(weekday);
  }
  m.timex += 'T';
  AppendZeroPadded(clock.hour, 2, &m.timex);
  m.timex += ':';
  AppendZeroPadded(clock.minute, 2, &m.timex);
  return m;
}

}  // namespace

namespace {

// The lexicon of `tsv`; an empty one (and *error) on a malformed line.
std::shared_ptr<const TimeMatcher::Lexicon> BuildTimeLexicon(const Analyzer& analyzer,
                                                            std::string_view tsv,
                                                            std::string* error) {
  auto lex = std::make_shared<TimeMatcher::Lexicon>();
  Tokenizer tokenizer;
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    auto fail = [&](const std::string& why) {
      if (error) *error = "time_words.tsv:" + std::to_string(lines.line_number()) + ": " + why;
      return std::make_shared<TimeMatcher::Lexicon>();
    };
    if (fields.size() != 3) return fail("expected 3 fields");
    std::optional<TimeWordKind> kind = ParseKind(fields[1]);
    if (!kind) return fail("unknown kind '" + std::string(fields[1]) + "'");
    TimeMatcher::Lexicon::Phrase phrase;
    phrase.kind = *kind;
    if (*kind == TimeWordKind::kPart || *kind == TimeWordKind::kPartOf) {
      std::optional<DayPart> part = ParsePart(fields[2]);
      if (!part) return fail("unknown part of the day '" + std::string(fields[2]) + "'");
      phrase.part = *part;
    } else if (*kind == TimeWordKind::kZone) {
      phrase.zone = fields[2] == "-" ? std::string() : std::string(fields[2]);
    } else {
      int value = 0;
      for (char c : fields[2]) {
        if (c < '0' || c > '9' || value > 100) return fail("VALUE must be a small number");
        value = value * 10 + (c - '0');
      }
      phrase.value = value;
    }
    std::vector<std::string> forms;
    for (const Token& token : tokenizer.Tokenize(fields[0])) {
      std::string form;
      analyzer.AppendMatchForm(token.text(fields[0]), &form);
      forms.push_back(std::move(form));
    }
    if (forms.empty() || forms[0].empty()) return fail("empty form");
    phrase.rest.assign(forms.begin() + 1, forms.end());
    const uint32_t id = lex->first_words.Insert(forms[0]);
    if (id > lex->phrases.size()) {
      lex->phrases.resize(id);
      lex->kinds.resize(id);
    }
    if (lex->kinds[id - 1] == 0) lex->first_word_ids.emplace_back(forms[0], id);
    lex->kinds[id - 1] |= 1u << static_cast<int>(phrase.kind);
    lex->hash_bits.set(HashWord(forms[0].data(), forms[0].size()) & 4095);
    lex->phrases[id - 1].push_back(std::move(phrase));
  }
  for (auto& list : lex->phrases) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.rest.size() > b.rest.size();
    });
  }
  return lex;
}

}  // namespace

std::shared_ptr<const TimeMatcher::Lexicon> TimeMatcher::CompileLexicon(const Analyzer& analyzer,
                                                                        std::string_view tsv,
                                                                        std::string* error) {
  return BuildTimeLexicon(analyzer, tsv, error);
}

std::shared_ptr<const TimeMatcher::Lexicon> TimeMatcher::CompileDefaultLexicon(
    const Analyzer& analyzer) {
  return BuildTimeLexicon(analyzer, KASHIF_EMBEDDED(time_words), nullptr);
}

TimeMatcher::TimeMatcher(const Analyzer& analyzer, const NumberParser& numbers,
                         const DateLexicon& dates, std::shared_ptr<const Lexicon> lexicon)
    : lexicon_(std::move(lexicon)), analyzer_(&analyzer), numbers_(&numbers), dates_(&dates) {}

TimeMatcher::~TimeMatcher() = default;

void TimeMatcher::AddWordsTo(const Lexicon& lexicon, VocabularyBuilder* builder) {
  for (const auto& [form, id] : lexicon.first_word_ids) builder->Add(form, kLexTime);
}

void TimeMatcher::Propose(const Document& doc, const Options& options,
                          std::vector<Candidate>* out) const {
  if (lexicon_->phrases.empty()) return;
  TimeGrammar grammar(*lexicon_, *numbers_, *dates_, doc, options);
  const size_t n = doc.tokens.size();
  size_t free_from = 0;  // the first token no earlier time covers
  auto emit = [&](const TimeGrammar::Match& m) {
    Candidate c;
    c.type = EntityType::kTime;
    c.first_token = static_cast<uint32_t>(m.first_token);
    c.end_token = static_cast<uint32_t>(m.end_token);
    c.begin = m.begin;
    c.end = doc.tokens[m.end_token - 1].end;
    c.priority = m.zoned ? kZonedTimePriority : kTimePriority;
    analyzer_->AppendDisplayForm(doc.text.substr(c.begin, c.end - c.begin), &c.canonical);
    c.time = TimeValue{m.timex, m.zone};
    out->push_back(std::move(c));
    free_from = m.end_token;
  };
  const Token* const tokens = doc.tokens.data();
  const TokenAnalysis* const analyses = doc.analyses.data();
  for (size_t i = 0;; ++i) {
    // Only digits and the words with the time bit are looked at: the others (nearly every
    // token) are passed over in a loop of a few instructions a token.
    i = std::max(i, free_from);
    while (i < n && (tokens[i].kind == TokenKind::kArabicWord
                         ? (analyses[i].lexicons & kLexTime) == 0
                         : tokens[i].kind != TokenKind::kNumber)) {
      ++i;
    }
    if (i >= n) break;
    if (tokens[i].kind == TokenKind::kNumber) {
      // Digits open a time themselves only as "H:MM" (an hour before a part of the day is
      // found from the part, below).
      if (i + 1 < n && doc.TokenText(i + 1) == ":" && tokens[i + 1].glued_to_previous) {
        if (auto m = grammar.MatchAt(i)) emit(*m);
      }
      continue;
    }
    const uint32_t kinds = grammar.KindsAt(i);
    if (kinds == 0) continue;
    if ((kinds & kOpeningKinds) != 0) {
      if (auto m = grammar.MatchAt(i)) {
        emit(*m);
        continue;
      }
    }
    // A part of the day: the hour before it ("السابعة مساء", "التاسعة وعشر دقائق مساء").
    if ((kinds & kPartKinds) != 0 && grammar.IsPartWord(i)) {
      for (size_t s = i > 5 ? i - 5 : 0; s < i; ++s) {
        if (s < free_from) continue;
        auto m = grammar.MatchAt(s);
        if (m && m->end_token > i) {
          emit(*m);
          break;
        }
      }
    }
  }
}

}  // namespace kashif::internal
