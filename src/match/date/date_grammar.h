// The date grammar's one class, declared for the files that define it by concern:
// date_grammar.cc (token helpers and the entry points), date_absolute.cc (calendar dates: day,
// month, year, numeric), date_relative.cc (expressions counted from the reference date and
// weekdays), date_periods.cc (ranges, parts of periods, decades and centuries),
// date_hijri_holidays.cc (the Hijri calendar and holidays) and date_resolve.cc (turning what
// the text says into TIMEX3 values and Gregorian spans). What counts as a date and the
// conventions: date_matcher.h and docs/dates.md.
//
// Internal to the date matcher; one Grammar per document and call, not shared between threads.
#ifndef KASHIF_SRC_MATCH_DATE_DATE_GRAMMAR_H_
#define KASHIF_SRC_MATCH_DATE_DATE_GRAMMAR_H_

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "core/analyzer.h"
#include "core/vocabulary.h"
#include "match/date/date_calendar.h"
#include "match/date/date_lexicon.h"
#include "match/date/date_matcher.h"
#include "number/number_parser.h"
#include "text/arabic.h"

namespace kashif::internal::date_grammar {

using K = DateWordKind;

enum class Grain : uint8_t { kDay, kWeek, kMonth, kYear };

// A resolved Gregorian span [first, last] (inclusive) and the grain its bounds are written in.
struct Span {
  CivilDate first;
  CivilDate last;
  Grain grain = Grain::kDay;
};

// What a parsed expression means.
struct DateOut {
  std::string timex;
  Calendar calendar = Calendar::kGregorian;
  std::optional<Span> span;
};

// A calendar date as the text gives it; unknown fields are 0. Turned into a DateOut by
// Finalize(), which fills what the text leaves open from the reference date.
struct Abs {
  Calendar calendar = Calendar::kGregorian;
  int year = 0;
  bool year_said = false;  // the text gives the year (not the reference date)
  bool bc = false;         // `year` is a year before the common era (a year alone)
  int month = 0;
  int day = 0;
  // A year or month counted from the reference date ("السنة القادمة", "الشهر القادم").
  std::optional<int> year_offset;
  std::optional<int> month_offset;
  int weekday = 0;        // with month: the nth weekday (nth); without: a bare weekday
  int nth = 0;            // 1..5, -1 = last
  bool last_day = false;  // "آخر يوم من الشهر"
  // "الأسبوع الثاني من مارس" 2, "آخر أسبوع في الشهر" -1: the nth ISO week that belongs to the
  // month (holds its Thursday); 0: none.
  int week_of_month = 0;
  std::optional<DatePart> part;
  // A Hijri month named with a Gregorian year ("رمضان 2019").
  bool gregorian_year_for_hijri_month = false;
  // "مايو المقبل" / "يناير الماضي": the direction the text gives, over the bias (0: none).
  int direction = 0;
  // "10 أبريل الجاري", "رمضان الحالي": the year of the reference date, over the bias.
  bool this_year = false;
  // "الجمعة 11 أبريل": the weekday the text gives the day; with no year, the year nearest the
  // reference date in which the day falls on it.
  int day_weekday = 0;
};

// One parse: the tokens it covers and what it means.
struct Parse {
  uint32_t end_token = 0;
  uint32_t skip_bytes = 0;  // proclitic bytes of the first token left out
  DateOut out;
  // The expression starts one token before the one it was read at: the article written apart
  // from a count ("الـ5 أيام الماضية").
  bool from_previous_token = false;
};

inline std::string Format(const CivilDate& d, Grain grain) {
  switch (grain) {
    case Grain::kDay:
      return FormatDay(d);
    case Grain::kWeek:
      return FormatIsoWeek(d);
    case Grain::kMonth:
      return FormatMonth(d.year, d.month);
    case Grain::kYear:
      return FormatYear(d.year);
  }
  return FormatDay(d);
}

inline std::string FormatSpan(const Span& s) {
  const std::string a = Format(s.first, s.grain);
  const std::string b = Format(s.last, s.grain);
  return a == b ? a : a + "/" + b;
}

// Whether a span can be written as `resolved`: years 1 to 9999 (ISO 8601 without expansion),
// or a year before the common era the text itself named ("331 ق.م", timex BC0331), which ISO's
// astronomical years write. A date computed past 9999-12-31 or before 0001-01-01 from a
// reference date ("غدا" on 9999-12-31) has none.
inline bool Resolvable(const Span& s, std::string_view timex) {
  if (s.last.year > 9999) return false;
  return s.first.year >= 1 || timex.substr(0, 2) == "BC";
}

inline Span DaySpan(const CivilDate& d) { return Span{d, d, Grain::kDay}; }
inline Span MonthSpan(int y, int m) {
  return Span{CivilDate{y, m, 1}, CivilDate{y, m, DaysInMonth(y, m)}, Grain::kMonth};
}
inline Span YearSpan(int y) { return Span{CivilDate{y, 1, 1}, CivilDate{y, 12, 31}, Grain::kYear}; }
inline Span WeekSpan(const CivilDate& any) {
  const CivilDate start = WeekStart(any);
  return Span{start, AddDays(start, 6), Grain::kWeek};
}

inline bool Before(int m1, int d1, int m2, int d2) { return m1 < m2 || (m1 == m2 && d1 < d2); }

inline std::string Pad2(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

inline std::string TimexDate(int y, int m, int d) {
  std::string t;
  t.reserve(10);
  if (y > 0) {
    AppendZeroPadded(y, 4, &t);  // FormatYear() of a year of the common era
  } else {
    t.append("XXXX");
  }
  if (m > 0) {
    t.push_back('-');
    AppendZeroPadded(m, 2, &t);
  }
  if (d > 0) {
    t.push_back('-');
    AppendZeroPadded(d, 2, &t);
  }
  return t;
}

// Parses a run of ASCII digits (the match form folds every digit script to ASCII).
inline std::optional<int> Digits(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// The grammar's hit pool, kept in Document::date_scratch from one text to the next.
struct HitPool : StageCache {
  std::vector<DateWordHit> hits;
  size_t Bytes() const override { return hits.capacity() * sizeof(DateWordHit); }
};

// The document's hit pool, emptied (made on the first call).
inline std::vector<DateWordHit>& EmptyHitPool(const Document& doc) {
  // Only the date grammar keeps its scratch in date_scratch, always this type.
  if (doc.date_scratch == nullptr) doc.date_scratch = std::make_unique<HitPool>();
  std::vector<DateWordHit>& hits = static_cast<HitPool*>(doc.date_scratch.get())->hits;
  hits.clear();
  return hits;
}

class Grammar {
 public:
  // `lex` and `numbers` are bound to the vocabulary of `doc`'s analyzer.
  Grammar(const Document& doc, const Options& options, const DateLexicon& lex,
          const NumberParser& numbers)
      : doc_(doc),
        lex_(lex),
        numbers_(numbers),
        ref_(doc.reference_date ? doc.reference_date : options.reference_date),
        bias_(options.date_bias),
        hijri_(options.hijri_calendar),
        hit_pool_(EmptyHitPool(doc)) {}

  // Appends a candidate for each date expression of the document, longest first, left to right.
  void Run(std::vector<Candidate>* out);

  // Every expression starts with a digit token or with a date word or number word (read with
  // its proclitics set aside); most tokens of running text are neither, and are skipped cheaply.
  // A necessary condition for Best(i): Run() parses only where it holds. date_test's
  // `StartTestNeverSkipsAStart` checks it against Best() over sequences of every date word, number
  // word and digit form.
  bool MayStart(size_t i) const;

 private:
  // ---- token helpers ---------------------------------------------------------------------

  static constexpr uint32_t Bit(K kind) { return 1u << static_cast<int>(kind); }
  static_assert(static_cast<int>(K::kMillenniumWord) < 32, "DateWordKind must fit a bit mask");

  // A necessary condition for a parse at word i, read off the grammar below: the word is a date
  // word that can open an expression alone, or one that opens one only before certain words
  // (what each kind needs right after it), or a number word that can be a day of the month.
  // The common words among the date words (من، إلى، في، قبل، هذا، العام...) mostly fail it, so
  // the grammar runs at few of them.
  bool WordMayStart(size_t i) const;

  // Enough tokens for any day of the month in words ("الحادي و العشرين").
  static constexpr size_t kDayWordsSpan = 6;

  // Necessary conditions for a weak weekday hit ending before token e, and for من before the
  // digit token e, to open an expression.
  bool WeakWeekdayMayStart(size_t e) const;
  bool DigitsAfterFromMayStart(size_t e) const;

  // Whether a month name, month word or direction word is among the `count` tokens from t: what
  // ends a day of the month ("27 فبراير", "الرابع من شهر ...", "20 الجاري").
  bool MonthOrRelWithin(size_t t, size_t count) const;

  // A necessary condition for a parse at digit token i: a numeric date ("27/2/2025", "15 / 1 /
  // 1959"), a year ("2022", "1445 هـ", "331 ق.م"), a day before a month ("27 فبراير", "5 /
  // شعبان", "4 من ابريل", "20 الجاري") or a range of days ("13 إلى 15 تموز"); other numbers
  // are counts and amounts.
  bool DigitsMayStart(size_t i) const;

  // The kinds of the lexicon hits at token t, proclitics set aside or not.
  uint32_t KindsAt(size_t t) const {
    if (t >= Size()) return 0;
    // Asked of the tokens after each candidate word, most of them plain words: those the bits
    // say start no phrase are answered without a lookup (LookUpHits would find none).
    const TokenKind kind = doc_.tokens[t].kind;
    if ((kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) &&
        (doc_.analyses[t].lexicons & kLexDate) == 0) {
      return 0;
    }
    return SlotOf(t).kinds;
  }

  // Whether NumberAt(t) may find a number: a digit token or a number word (the number parser
  // reads no word the vocabulary does not mark kLexNumber).
  bool NumberLike(size_t t) const {
    if (t >= Size()) return false;
    const TokenKind kind = doc_.tokens[t].kind;
    return kind == TokenKind::kNumber ||
           (kind == TokenKind::kArabicWord && (doc_.analyses[t].lexicons & kLexNumber) != 0);
  }

  size_t Size() const { return doc_.tokens.size(); }

  // An Arabic word of neither the date nor the number lexicon.
  bool PlainWord(size_t t) const {
    return IsKind(t, TokenKind::kArabicWord) &&
           (doc_.analyses[t].lexicons & (kLexDate | kLexNumber)) == 0;
  }

  // The lexicon hits at token i (i < Size()) as [first, first + count) of hit_pool_: the token
  // as written, or also with its proclitics set aside. An attempt asks about the same few
  // tokens many times, so the hits of the tokens near it are kept (SlotOf).
  std::pair<uint32_t, uint32_t> HitsAt(size_t i, bool allow_proclitic) const {
    const HitSlot& slot = SlotOf(i);
    return {slot.begin, allow_proclitic ? slot.all : slot.plain};
  }
  struct HitSlot;
  // Token i's slot, its hits looked up unless they are there.
  const HitSlot& SlotOf(size_t i) const {
    const size_t at = i % kHitSlots;
    if (hit_tags_[at] != i + 1) {
      hit_tags_[at] = static_cast<uint32_t>(i + 1);
      LookUpHits(i, &hit_slots_[at]);
    }
    return hit_slots_[at];
  }
  ABSL_ATTRIBUTE_NOINLINE void LookUpHits(size_t i, HitSlot* slot) const;

  bool IsKind(size_t i, TokenKind kind) const { return i < Size() && doc_.tokens[i].kind == kind; }

  bool IsPunct(size_t i, std::string_view p) const {
    return i < Size() && doc_.tokens[i].kind == TokenKind::kPunctuation && doc_.TokenText(i) == p;
  }
  bool IsComma(size_t i) const { return IsPunct(i, ",") || IsPunct(i, "\xD8\x8C"); }  // , ،
  bool IsDash(size_t i) const {
    return IsPunct(i, "-") || IsPunct(i, "\xE2\x80\x93") || IsPunct(i, "\xE2\x80\x94");
  }
  bool IsSlash(size_t i) const {
    return i < Size() && doc_.TokenText(i) == "/" &&
           (doc_.tokens[i].kind == TokenKind::kPunctuation ||
            doc_.tokens[i].kind == TokenKind::kSymbol);
  }

  // The lexicon hit of `kind` at token i with the longest phrase (weak words only when
  // `allow_weak`), or nullopt.
  std::optional<DateWordHit> Word(size_t i, K kind, bool allow_proclitic = false,
                                  bool allow_weak = true) const {
    if (i >= Size()) return std::nullopt;
    const HitSlot& slot = SlotOf(i);
    // Most calls ask for a kind the token has no hit of: answered here, inline in the caller;
    // the search below stays out of line (it made every call pay for its registers).
    if ((slot.kinds & Bit(kind)) == 0) return std::nullopt;
    return BestHit(slot.begin, allow_proclitic ? slot.all : slot.plain, kind, allow_weak);
  }
  ABSL_ATTRIBUTE_NOINLINE std::optional<DateWordHit> BestHit(uint32_t first, uint32_t count, K kind,
                                                             bool allow_weak) const;
  bool Has(size_t i, K kind, bool allow_proclitic = false) const {
    return Word(i, kind, allow_proclitic).has_value();
  }

  // A plain digit token's value.
  std::optional<int> DigitToken(size_t i) const {
    if (!IsKind(i, TokenKind::kNumber)) return std::nullopt;
    return Digits(doc_.Key(i));
  }

  // Always made with every field given (no initializers: the parse cache below holds them
  // uninitialized until a parse is stored).
  struct Num {
    int value;
    uint32_t end;
    uint32_t skip;
    bool ordinal;
    bool words;
  };

  // A number at i: a digit token, or number words (cardinal or ordinal). An attempt asks about
  // the same few tokens again and again; the parses of the tokens near it are kept.
  std::optional<Num> NumberAt(size_t i, bool allow_proclitic = false) const {
    if (i >= Size()) return std::nullopt;
    const size_t mode = allow_proclitic ? 1 : 0, at = i % kNumSlots;
    if (num_tags_[mode][at] != i + 1) {
      num_tags_[mode][at] = static_cast<uint32_t>(i + 1);
      const std::optional<Num> num = ParseNumberAt(i, allow_proclitic);
      nums_[mode][at] = NumMemo{num.has_value(), num.value_or(Num{})};
    }
    const NumMemo& memo = nums_[mode][at];
    return memo.found ? std::optional<Num>(memo.num) : std::nullopt;
  }
  static NumberParseOptions NumberOptions(bool allow_proclitic) {
    NumberParseOptions o;
    o.allow_proclitic = allow_proclitic;
    o.allow_weak_alone = true;
    return o;
  }
  std::optional<Num> ParseNumberAt(size_t i, bool allow_proclitic) const;

  // A day of the month: 1..31 in digits (one or two of them) or as an ordinal / cardinal word.
  std::optional<Num> DayNumber(size_t i, bool allow_proclitic = false) const;

  // ---- calendar resolution ---------------------------------------------------------------

  std::optional<CivilDate> HijriToG(int y, int m, int d) const;
  std::optional<Span> HijriMonthSpan(int y, int m) const;
  std::optional<Span> HijriYearSpan(int y) const;

  // The weekday `wd` on or before (past) / on or after (future) the reference date.
  CivilDate WeekdayNear(const CivilDate& ref, int wd, bool future, bool strict) const;

  bool Future() const { return bias_ == DateBias::kFuture; }

  // The nth (1..5, -1 last) weekday of a month; nullopt if the month has no such day.
  static std::optional<CivilDate> NthWeekday(int y, int m, int wd, int nth);

  // Fills the year of a Gregorian (month, day) from the reference date and the bias.
  int YearFor(int m, int d, bool future) const;

  int HijriYearFor(int m, int d, bool future) const;

  // Whether a date without a year points forward: the text's own direction, else the bias.
  bool Forward(const Abs& a) const { return a.direction != 0 ? a.direction > 0 : Future(); }

  int YearWithWeekday(const Abs& a) const;
  std::optional<DateOut> Finalize(Abs a) const;

  std::optional<DateOut> FinalizeHijri(Abs a, bool dated_relative) const;

 public:
  // ---- the grammar ----------------------------------------------------------------------

  // The longest date expression starting at token i.
  std::optional<Parse> Best(size_t i) const;

 private:
  // A single date expression (no range) starting at i.
  std::optional<Parse> Single(size_t i, bool allow_proclitic) const;

  struct AbsParse {
    uint32_t end_token = 0;
    uint32_t skip_bytes = 0;
    Abs abs;
  };

  std::optional<Parse> ToParse(const AbsParse& a) const;

  // "يوم" / "اليوم" in front of a day or weekday.
  size_t SkipDayWord(size_t i, bool allow_proclitic, uint32_t* skip) const;

  // ---- month references ---------------------------------------------------------------

  struct MonthRef {
    uint32_t end_token = 0;
    uint32_t skip_bytes = 0;
    Calendar calendar = Calendar::kGregorian;
    int month = 0;
    std::optional<int> month_offset;  // "الشهر القادم"
    bool named = false;               // a month name (not "شهر 3")
    bool weak = false;
    bool bound = false;
    bool with_month_word = false;
  };

  // A month: a name (paired forms "أبريل/نيسان", "نيسان (أبريل)" read as one), "شهر ثلاثة",
  // "الشهر الثامن", "الشهر القادم".
  std::optional<MonthRef> Month(size_t i, bool allow_proclitic) const;

  // "أبريل/نيسان", "أبريل / نيسان", "نيسان (أبريل)": the second name of the same month.
  void ExtendPaired(MonthRef* r) const;

  // ---- years ---------------------------------------------------------------------------

  struct YearRef {
    uint32_t end_token = 0;
    uint32_t skip_bytes = 0;
    int year = 0;
    std::optional<int> offset;  // "السنة القادمة"
    std::optional<Calendar> era;
    bool bc = false;  // "ق.م", "قبل الميلاد": `year` counts back from 1 BC
    bool with_word = false;
  };

  // The era marker after a year: "م", "ميلادي", "هـ", "هجري", "للهجرة".
  std::optional<DateWordHit> Era(size_t i) const { return Word(i, K::kEra); }

  // A year number at i, with an optional "(...)" around it and an era marker after it.
  std::optional<YearRef> YearNumber(size_t i, bool with_word, bool allow_proclitic,
                                    bool allow_paren = true) const;

  // "عام 2022", "سنة 1990م", "العام ( 1948 )", "1445 هـ", "السنة القادمة", "هذا العام".
  std::optional<YearRef> Year(size_t i, bool allow_proclitic, bool need_word) const;

  // "العام" / "عام" after a definite noun is the adjective "general" ("الأمين العام السابق").
  bool AdjectiveUse(size_t i, const DateWord& rel) const;
  bool lex_Has(size_t i) const { return i < Size() && HitsAt(i, false).second != 0; }

  // An optional year after a day and month: "[،] [من|في|ل|ب] (عام 2022 | 2022 | السنة القادمة)".
  std::optional<YearRef> TrailingYear(size_t i) const;

  // "المقبل" / "الماضي" after a month name: which way the date points. Returns the new end.
  size_t TrailingDirection(size_t end, Abs* a) const;

  size_t MonthAndYear(const MonthRef& m, Abs* a) const;
  void ApplyYear(const YearRef& y, Abs* a) const;

  // ---- calendar dates ------------------------------------------------------------------

  // Day-month-year, month-year, year, numeric dates; with "أوائل / منتصف / أواخر" in front.
  // Range() reads one at the token where Single() reads one again; the last few are kept.
  std::optional<AbsParse> CalendarDate(size_t i, bool allow_proclitic) const;
  std::optional<AbsParse> ParseCalendarDate(size_t i, bool allow_proclitic) const;

  bool CueBefore(size_t i) const;

  // "27 فبراير 2022", "الرابع من ابريل", "اليوم الأول من شهر ثلاثة", "15 رمضان 1445 هـ".
  std::optional<AbsParse> DayMonth(size_t i, bool allow_proclitic) const;

  // "فبراير 2022", "في فبراير", "شهر رمضان", "يونيو / حزيران 2004", "شباط ( 28 / 2 / 1945 )".
  std::optional<AbsParse> MonthYear(size_t i, bool allow_proclitic) const;

  // "عام 2022", "سنة 1990م", "1445 هـ", "العام المقبل", "هذه السنة", "في 1948".
  std::optional<AbsParse> YearOnly(size_t i, bool allow_proclitic) const;

  bool TemporalCueBefore(size_t i) const;

  bool CueWord(size_t i) const;

  // "27/2/2025", "٢٧/٢/٢٠٢٥", "2025-02-27", "15 / 1 / 1959", "21/09" (after a weekday or يوم).
  // A date standing alone in parentheses is the date without them ("( 1948 )" → "1948"); callers
  // that read a word before it (بتاريخ، a month) take the parentheses in with `allow_paren`.
  std::optional<AbsParse> DayWordNumeric(size_t i, bool allow_proclitic) const;
  std::optional<AbsParse> Numeric(size_t i, bool allow_proclitic, bool allow_two = false,
                                  bool allow_paren = false) const;

  // "أوائل مارس", "نهاية العام", "منتصف 2019", "نهاية الأسبوع الماضي", "عطلة نهاية الأسبوع".
  std::optional<AbsParse> PartOf(size_t i, bool allow_proclitic) const;

  // ---- deictic expressions -------------------------------------------------------------

  DateOut DayOffset(int offset) const;

  // The unit `u` shifted by `offset` units from the reference date.
  std::optional<DateOut> UnitOffset(DateUnit u, int offset, std::optional<DatePart> part) const;

  // أمس، اليوم، غدا، بعد غد، الأسبوع الماضي، هذا الشهر، العام المقبل، نهاية الأسبوع الماضي،
  // الأيام الخمسة الماضية.
  std::optional<Parse> Deictic(size_t i, bool allow_proclitic) const;

  // "غدا الثلاثاء", "أمس الأحد", "يوم غد الاثنين": the weekday after a relative day names the same
  // day, so it joins the span (the relative day gives the value).
  size_t WithWeekday(size_t end) const;

  // The `count` units before (-1) or after (+1) the reference date, the current one excluded.
  std::optional<DateOut> Several(DateUnit unit, int count, int direction) const;

  // "منذ ثلاثة أيام", "قبل يومين", "بعد أسبوعين", "منذ عامين", "قبل شهر".
  std::optional<Parse> Shift(size_t i, bool allow_proclitic) const;

  // "على" after "بعد يومين": also an event anchor ("بعد يومين على الهجوم").
  size_t FromNow(size_t i) const;
  std::optional<MonthRef> ThisMonth(size_t t) const;
  std::optional<Parse> WeekDay(size_t t, int offset, uint32_t skip) const;
  std::optional<Parse> CountedStretch(size_t i) const;
  bool AnchorWord(size_t i) const;

  // ---- weekdays ------------------------------------------------------------------------

  // "يوم الخميس", "الخميس الماضي", "احد الأسبوع الماضي", "الاثنين 18 شباط",
  // "يوم الثلاثاء الموافق 5 / 8 / 2008", "السبت السادس عشر", "الثلاثاء الثالث من شهر أيلول".
  std::optional<Parse> WeekdayExpr(size_t i, bool allow_proclitic) const;

  // "ثالث ثلاثاء في أيلول 2014", "آخر اثنين من شهر آذار", "آخر يوم بشهر عشرة سنة 2015",
  // "آخر أسبوع في سبتمبر لعام 2014", "الثلاثاء الأخير من شهر مارس", "اليوم الأخير من شهر
  // عشرة", "الأسبوع الأخير في الشهر التاسع".
  std::optional<Parse> NthExpr(size_t i, bool allow_proclitic) const;

  // "الربع الأول من العام الحالي" (2025-Q1), "النصف الثاني من 2024" (2024-H2).
  std::optional<Parse> YearFraction(size_t i, bool allow_proclitic) const;

  // ---- decades, centuries, holidays --------------------------------------------------

  // "الثمانينيات", "ثمانينيات القرن الماضي", "التسعينات من القرن العشرين", "القرن التاسع عشر",
  // "القرن الـ21", "القرن الماضي".
  std::optional<Parse> DecadeOrCentury(size_t i, bool allow_proclitic) const;

  // "القرن العشرين" → {19, end}; "القرن الماضي" from the reference date; {-1, end} when the
  // century is relative and no reference date is known.
  std::optional<std::pair<int, uint32_t>> CenturyAt(size_t i) const;

  // "عيد الأضحى 2013", "عيد الفطر", "رأس السنة الهجرية".
  // `day_index` days after the holiday's (first) day: "ثاني أيام عيد الأضحى" is 1.
  std::optional<Parse> Holiday(size_t i, bool allow_proclitic, int day_index = 0) const;
  std::optional<Parse> SeasonExpr(size_t i, bool allow_proclitic) const;
  std::optional<Parse> SchoolYear(size_t j, uint32_t skip) const;
  std::optional<DateOut> Easter(HolidayRule rule, const std::optional<YearRef>& y,
                                int direction) const;

  // ---- ranges --------------------------------------------------------------------------

  // "من 13 إلى 15 تموز", "بين عامي 2001 و2005", "1936 - 1939", "من عام 2001 إلى عام 2005",
  // "بين يناير ومارس", "اغسطس 27 الى 29", "من 27-29 من الشهر الثامن".
  // Where a range starts: after من / بين (the left side at `at`), or at the left side itself.
  struct RangeStart {
    size_t at = 0;
    uint32_t skip = 0;
    bool from_word = false;
    bool between = false;  // بين: the sides are joined by و
  };
  std::optional<Parse> Range(size_t i) const;
  std::optional<Parse> YearWordRange(const RangeStart& r, const DateWordHit& w) const;
  std::optional<Parse> MonthDaysRange(const RangeStart& r, const MonthRef& m) const;
  std::optional<std::pair<int, int>> DayPair(size_t t) const;
  std::optional<Parse> NumberRange(const RangeStart& r) const;
  std::optional<Parse> WeekdayRange(const RangeStart& r) const;
  std::optional<AbsParse> RangeYear(size_t j) const;
  std::optional<Parse> GeneralRange(const RangeStart& r) const;

  std::optional<Parse> YearRange(const YearRef& ya, const YearRef& yb, uint32_t skip) const;

  std::optional<Parse> Combine(const Abs& a, const Abs& b, uint32_t end, uint32_t skip) const;

  const Document& doc_;
  const DateLexicon& lex_;
  const NumberParser& numbers_;
  std::optional<CivilDate> ref_;
  DateBias bias_;
  HijriCalendar hijri_;
  mutable uint32_t unused_ = 0;

  // The hits of the tokens looked up last, direct-mapped by token: a few tokens around the
  // attempt are in use at once, and a fixed table costs a document nothing per token (a
  // table of every token was allocated and filled for each). A token whose slot another took
  // is looked up again, its hits appended to hit_pool_ anew. Only the tags start as zeros (one
  // short memset): a slot is written whole when its tag is set.
  struct HitSlot {
    uint32_t begin;  // the index in hit_pool_ of the token's first hit
    uint16_t plain;  // hits of the token as written
    uint16_t all;    // and of its readings without proclitics
    uint32_t kinds;  // Bit() of the kind of each of the `all` hits
  };
  static constexpr size_t kHitSlots = 64;
  mutable uint32_t hit_tags_[kHitSlots] = {};  // the token + 1 in each slot; 0: empty
  mutable HitSlot hit_slots_[kHitSlots];
  std::vector<DateWordHit>& hit_pool_;  // the document's (EmptyHitPool)
  static constexpr size_t kHitPoolStart = 64;
  // Number parses, direct-mapped by token (a few tokens around the attempt are in use at once),
  // by proclitic mode, then token % kNumSlots. Tagged with token + 1 (0: empty) in an array of
  // their own, so that only the tags are set up per document (a short memset).
  static constexpr size_t kNumSlots = 32;
  mutable uint32_t num_tags_[2][kNumSlots] = {};
  struct NumMemo {
    bool found;
    Num num;
  };
  mutable NumMemo nums_[2][kNumSlots];
  struct CalendarMemo {
    size_t tag = 0;
    bool allow_proclitic = false;
    std::optional<AbsParse> parse;
  };
  static constexpr size_t kCalendarMemoSize = 4;
  mutable CalendarMemo calendar_memo_[kCalendarMemoSize];
  mutable size_t calendar_memo_next_ = 0;
};

}  // namespace kashif::internal::date_grammar

#endif  // KASHIF_SRC_MATCH_DATE_DATE_GRAMMAR_H_
