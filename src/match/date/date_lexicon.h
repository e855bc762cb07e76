// The date words of data/date_words.tsv (month and weekday names, relative words, units,
// markers), compiled to the analyzer's match form and looked up token by token.
//
// Thread safety: immutable once bound to its vocabulary (Bind()); Lookup() may then run
// concurrently.
#ifndef KASHIF_SRC_MATCH_DATE_DATE_LEXICON_H_
#define KASHIF_SRC_MATCH_DATE_DATE_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/document.h"
#include "core/lexicon_ids.h"
#include "core/vocabulary.h"

namespace kashif::internal {

enum class DateWordKind : uint8_t {
  kMonth,
  kHijriMonth,
  kWeekday,
  kDayRel,
  kUnit,
  kUnitDef,
  kDayWord,
  kMonthWord,
  kYearWord,
  kWeekWord,
  kCenturyWord,
  kRel,
  kThis,
  kEra,
  kPart,
  kShift,
  kRangeFrom,
  kRangeTo,
  kRangeAnd,
  kCue,
  kDateCue,
  kHoliday,
  kDecade,
  kNth,
  kLast,
  kWeekendPrefix,
  kEpithet,           // المبارك after رمضان: part of the name
  kNotEraAfter,       // "1000 م مربع": م is the metre, not the era
  kNotBeforeWeekday,  // "سوق الجمعة", "صلاة الجمعة": a name, not a day
  kYearFraction,    // الربع (4 per year), النصف (2 per year) before an ordinal and a year
  kSeason,          // صيف، الشتاء; العام الدراسي (a school year)
  kMillenniumWord,  // الألفية
  // Kinds are bits of a uint32_t (DateLexicon::FirstWordKinds): at most 32.
};

enum class DateUnit : uint8_t { kDay, kWeek, kMonth, kYear, kDecade, kCentury };
enum class DatePart : uint8_t { kEarly, kMid, kLate };
enum class DateEra : uint8_t { kGregorian, kHijri, kBeforeCommonEra };
// How a holiday's date is found: a fixed day of the Gregorian or Hijri calendar, or Easter
// Sunday by the Gregorian (Western churches) or Julian (Orthodox churches) computus.
enum class HolidayRule : uint8_t { kGregorian, kHijri, kWesternEaster, kOrthodoxEaster };
// TIMEX3's seasons (SP, SU, FA, WI), and the school year (September to June).
enum class Season : uint8_t { kNone, kSpring, kSummer, kAutumn, kWinter, kSchoolYear };

// What a date word means. Each kind sets only the fields named for it; the others stay zero.
struct DateWord {
  DateWordKind kind = DateWordKind::kMonth;
  int8_t month = 0;       // kMonth, kHijriMonth: 1-12; kHoliday (fixed date): its month
  int8_t day = 0;         // kHoliday (fixed date): its day
  int8_t weekday = 0;     // kWeekday: ISO weekday, Monday 1 .. Sunday 7
  int8_t day_offset = 0;  // kDayRel: days from the reference date (أمس -1)
  // kRel: -1 past (الماضي), +1 next (المقبل), 0 the current one (الحالي); kShift: -1 ago (منذ،
  // قبل), +1 after (بعد).
  int8_t direction = 0;
  int8_t nth = 0;     // kNth, kLast: 1..5, -1 the last
  int8_t decade = 0;  // kDecade: the decade of its century (الثمانينيات 8)
  int8_t parts = 0;   // kYearFraction: parts of a year (الربع 4, النصف 2)
  // kUnit, kUnitDef, kYearWord: the count the word carries: 1, 2 for a dual (يومين، عامي), 0
  // for a plural that needs a number (أيام).
  int8_t count = 0;
  DateUnit unit = DateUnit::kDay;                 // kUnit, kUnitDef
  DatePart part = DatePart::kEarly;               // kPart
  DateEra era = DateEra::kGregorian;              // kEra
  HolidayRule holiday = HolidayRule::kGregorian;  // kHoliday
  Season season = Season::kNone;                  // kSeason
  bool temporal = false;  // kCue: only temporal (منذ، حتى), so "منذ 1948 يعيش" is a year
  bool between = false;  // kRangeFrom: بين (takes و), not من (takes إلى)
  bool since = false;  // kShift: منذ, which also reads as a duration ("منذ أيام": for days)
  bool weak = false;
  // Weaker still: a preposition is not enough ("في إب" is the Yemeni city, not August); it
  // needs a day, a year or شهر. Implies weak.
  bool bound = false;

  bool IsDual() const { return count == 2; }
  bool IsPlural() const { return count == 0; }
  bool operator==(const DateWord& o) const;
};

// One lexicon hit at a token: the word and the token range it covers.
struct DateWordHit {
  DateWord word;
  uint32_t end_token = 0;   // one past the last token of the phrase
  uint32_t skip_bytes = 0;  // proclitic bytes of the first token left out of the span
};

class DateLexicon {
 public:
  // The lexicon over the embedded data/date_words.tsv (the model's: extract/lexicons.h); empty
  // if the file is malformed (the tests check it).
  static std::unique_ptr<DateLexicon> CreateDefault();
  // Builds a lexicon from TSV content; nullptr and *error (with the line number) when malformed.
  static std::unique_ptr<DateLexicon> Create(std::string_view tsv, std::string* error);

  // Every phrase that starts at `token`. With `allow_proclitic` the first token may also be
  // read with its proclitics set aside (the hit's skip_bytes says how many bytes that is);
  // following tokens are taken as written.
  void Lookup(const Document& doc, size_t token, bool allow_proclitic,
              std::vector<DateWordHit>* hits) const;
  // Appends the phrases that start at `token` read as its reading `reading` (0 is the token as
  // written); Lookup() is these for reading 0, or for every reading, in order.
  void AppendHits(const Document& doc, size_t token, int reading,
                  std::vector<DateWordHit>* hits) const;

  // The kinds (bit 1 << DateWordKind) of every phrase whose first word is a reading of word
  // token `token`, whatever follows it: a superset of the kinds of its hits, told by the
  // readings' ids without matching a phrase. ~0u for a token that is no word.
  uint32_t FirstWordKinds(const Document& doc, size_t token) const;

  // Adds the first word of every phrase to the vocabulary being built (kLexDate).
  void AddWordsTo(VocabularyBuilder* builder) const;
  // Binds the lexicon to the vocabulary built with AddWordsTo(), once, before it is shared:
  // hits are then found by the readings' word ids, and a word token whose
  // TokenAnalysis::lexicons lacks kLexDate has none. Every document looked up must come from an
  // analyzer over that vocabulary.
  void Bind(const Vocabulary& vocabulary) { ids_ = LexiconIds<FirstWord>(vocabulary, by_first_); }

 private:
  struct Phrase {
    std::vector<std::string> rest;  // match forms of the tokens after the first
    DateWord word;
  };
  struct FirstWord {
    std::vector<Phrase> phrases;
    uint32_t kinds = 0;  // 1 << kind of each phrase
  };
  absl::flat_hash_map<std::string, FirstWord> by_first_;
  // The first bytes of the first words: a key starting with another byte (punctuation, digits)
  // is not hashed.
  std::bitset<256> first_bytes_;

  // The phrases by vocabulary id of their first word (word tokens; others are hashed).
  LexiconIds<FirstWord> ids_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_DATE_DATE_LEXICON_H_
