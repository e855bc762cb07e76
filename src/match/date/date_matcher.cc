#include "match/date/date_matcher.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "match/date/date_calendar.h"
#include "match/date/date_lexicon.h"
#include "number/number_parser.h"
#include "core/analyzer.h"
#include "core/vocabulary.h"

namespace kashif::internal {
namespace {

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
  int weekday = 0;         // with month: the nth weekday (nth); without: a bare weekday
  int nth = 0;             // 1..5, -1 = last
  bool last_day = false;   // "آخر يوم من الشهر"
  bool last_week = false;  // "آخر أسبوع في الشهر"
  std::optional<DatePart> part;
  // A Hijri month named with a Gregorian year ("رمضان 2019").
  bool gregorian_year_for_hijri_month = false;
  // "مايو المقبل" / "يناير الماضي": the direction the text gives, over the bias (0: none).
  int direction = 0;
};

// One parse: the tokens it covers and what it means.
struct Parse {
  uint32_t end_token = 0;
  uint32_t skip_bytes = 0;  // proclitic bytes of the first token left out
  DateOut out;
};

std::string Format(const CivilDate& d, Grain grain) {
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

std::string FormatSpan(const Span& s) {
  const std::string a = Format(s.first, s.grain);
  const std::string b = Format(s.last, s.grain);
  return a == b ? a : a + "/" + b;
}

// Whether a span can be written as `resolved`: years 1 to 9999 (ISO 8601 without expansion),
// or a year before the common era the text itself named ("331 ق.م", timex BC0331), which ISO's
// astronomical years write. A date computed past 9999-12-31 or before 0001-01-01 from a
// reference date ("غدا" on 9999-12-31) has none.
bool Resolvable(const Span& s, std::string_view timex) {
  if (s.last.year > 9999) return false;
  return s.first.year >= 1 || timex.substr(0, 2) == "BC";
}

Span DaySpan(const CivilDate& d) { return Span{d, d, Grain::kDay}; }
Span MonthSpan(int y, int m) {
  return Span{CivilDate{y, m, 1}, CivilDate{y, m, DaysInMonth(y, m)}, Grain::kMonth};
}
Span YearSpan(int y) { return Span{CivilDate{y, 1, 1}, CivilDate{y, 12, 31}, Grain::kYear}; }
Span WeekSpan(const CivilDate& any) {
  const CivilDate start = WeekStart(any);
  return Span{start, AddDays(start, 6), Grain::kWeek};
}

bool Before(int m1, int d1, int m2, int d2) { return m1 < m2 || (m1 == m2 && d1 < d2); }

std::string Pad2(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

std::string TimexDate(int y, int m, int d) {
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
std::optional<int> Digits(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

class Grammar {
 public:
  Grammar(const Document& doc, const Options& options)
      : doc_(doc),
        lex_(DateLexicon::Get()),
        numbers_(NumberParser::Get()),
        ref_(doc.reference_date ? doc.reference_date : options.reference_date),
        bias_(options.date_bias),
        hijri_(options.hijri_calendar),
        shared_vocabulary_(lex_.KnownToVocabularyOf(doc) && numbers_.KnownToVocabularyOf(doc)),
        hit_slots_(doc.tokens.size()) {}

  void Run(std::vector<Candidate>* out) {
    const size_t n = doc_.tokens.size();
    size_t i = 0;
    const Token* const tokens = doc_.tokens.data();
    const TokenAnalysis* const analyses = doc_.analyses.data();
    while (i < n) {
      // Punctuation and the words of neither lexicon (nearly every token), which MayStart()
      // turns away, are passed over in a loop of a few instructions a token.
      if (shared_vocabulary_) {
        while (i < n && tokens[i].kind != TokenKind::kNumber &&
               (tokens[i].kind != TokenKind::kArabicWord ||
                (analyses[i].lexicons & (kLexDate | kLexNumber)) == 0)) {
          ++i;
        }
        if (i == n) break;
      }
      // Test first, declare after: an empty std::optional<Parse> per token was zero-filled
      // with `rep stos`, a third of this loop's time on running text.
      if (!MayStart(i)) {
        ++i;
        continue;
      }
      std::optional<Parse> best = Best(i);
      if (!best) {
        ++i;
        continue;
      }
      Candidate c;
      c.type = EntityType::kDate;
      c.first_token = static_cast<uint32_t>(i);
      c.end_token = best->end_token;
      c.begin = doc_.tokens[i].begin + best->skip_bytes;
      c.end = doc_.tokens[best->end_token - 1].end;
      c.priority = kDatePriority;
      c.canonical = std::string(doc_.text.substr(c.begin, c.end - c.begin));
      DateValue v;
      v.timex = std::move(best->out.timex);
      v.calendar = best->out.calendar;
      if (best->out.span && Resolvable(*best->out.span, v.timex)) {
        v.resolved = FormatSpan(*best->out.span);
      }
      c.date = std::move(v);
      out->push_back(std::move(c));
      i = best->end_token;
    }
  }

 private:
  // ---- token helpers ---------------------------------------------------------------------

  // Every expression starts with a digit token or with a date word or number word (read with
  // its proclitics set aside); most tokens of running text are neither, and are skipped cheaply.
  bool MayStart(size_t i) const {
    const TokenKind kind = doc_.tokens[i].kind;
    if (kind == TokenKind::kNumber) return DigitsMayStart(i);
    if (kind != TokenKind::kArabicWord) return false;
    if (shared_vocabulary_) {
      return (doc_.analyses[i].lexicons & (kLexDate | kLexNumber)) != 0 && WordMayStart(i);
    }
    if (HitsAt(i, true).second != 0) return true;
    const TokenAnalysis& a = doc_.analyses[i];
    for (int r = 0; r < a.reading_count; ++r) {
      if (numbers_.WordValue(doc_.Slice(a.readings[r].key))) return true;
    }
    return false;
  }

  static constexpr uint32_t Bit(K kind) { return 1u << static_cast<int>(kind); }
  static_assert(static_cast<int>(K::kYearFraction) < 32, "DateWordKind must fit a bit mask");

  // A necessary condition for a parse at word i, read off the grammar below: the word is a date
  // word that can open an expression alone, or one that opens one only before certain words
  // (what each kind needs right after it), or a number word that can be a day of the month.
  // The common words among the date words (من، إلى، في، قبل، هذا، العام...) mostly fail it, so
  // the grammar runs at few of them. Needs the lexicon bits of the shared vocabulary.
  bool WordMayStart(size_t i) const {
    constexpr uint32_t kAlone = Bit(K::kDayRel) | Bit(K::kWeekendPrefix) | Bit(K::kWeekday) |
                                Bit(K::kMonth) | Bit(K::kHijriMonth) | Bit(K::kDecade) |
                                Bit(K::kCenturyWord) | Bit(K::kHoliday);
    const uint32_t lexicons = doc_.analyses[i].lexicons;
    if ((lexicons & (kLexDate | kLexNumber)) == 0) return false;
    // The kinds tested below. A word whose phrases are of none of them ("في", "إلى", "و", the
    // most common date words) and is no number word is answered by its ids, its hits unread.
    constexpr uint32_t kOpening = kAlone | Bit(K::kDayWord) | Bit(K::kPart) | Bit(K::kThis) |
                                  Bit(K::kUnitDef) | Bit(K::kShift) | Bit(K::kNth) |
                                  Bit(K::kMonthWord) | Bit(K::kYearWord) | Bit(K::kYearFraction) |
                                  Bit(K::kRangeFrom);
    if ((lexicons & kLexNumber) == 0 && (lex_.FirstWordKinds(doc_, i) & kOpening) == 0) {
      return false;
    }
    const auto [first, count] = HitsAt(i, true);
    for (uint32_t k = first; k < first + count; ++k) {
      const DateWordHit& h = hit_pool_[k];
      const size_t e = h.end_token;
      bool ok = false;
      switch (h.word.kind) {
        case K::kDayWord:  // "يوم الخميس", "يوم 5 ...", "يوم بعد غد"
          ok = KindsAt(e) & (Bit(K::kDayRel) | Bit(K::kWeekday)) || NumberLike(e);
          break;
        case K::kPart:  // "نهاية العام", "أوائل مارس", "منتصف 2019", "منتصف ( 2019 )"
          ok = KindsAt(e) & (Bit(K::kThis) | Bit(K::kUnitDef) | Bit(K::kMonthWord) |
                             Bit(K::kMonth) | Bit(K::kHijriMonth) | Bit(K::kYearWord)) ||
               IsKind(e, TokenKind::kNumber) || IsPunct(e, "(");
          break;
        case K::kThis:  // "هذا العام", "هذا الاثنين", "هذا يوم الاثنين"
          ok = KindsAt(e) & (Bit(K::kUnitDef) | Bit(K::kDayWord) | Bit(K::kWeekday));
          break;
        case K::kUnitDef:  // "العام المقبل", "اليوم الأخير", "الأيام الخمسة الماضية"
          ok = KindsAt(e) & (Bit(K::kRel) | Bit(K::kLast)) || NumberLike(e);
          break;
        case K::kShift:  // "منذ ثلاثة أيام", "قبل يومين"
          ok = KindsAt(e) & Bit(K::kUnit) || NumberLike(e);
          break;
        case K::kNth:  // "ثالث ثلاثاء", "آخر يوم", "آخر أسبوع"
          ok = KindsAt(e) & (Bit(K::kDayWord) | Bit(K::kWeekday) | Bit(K::kWeekWord));
          break;
        case K::kMonthWord:  // "شهر رمضان", "الشهر القادم", "شهر 3"
          ok = KindsAt(e) & (Bit(K::kRel) | Bit(K::kMonth) | Bit(K::kHijriMonth)) ||
               NumberLike(e);
          break;
        case K::kYearWord:  // "عام 2022", "عام ( 1948 )", "عامي 2001 و2005", "عام ألفين"
          ok = NumberLike(e) || IsPunct(e, "(");
          break;
        case K::kYearFraction:  // "الربع الأول"
          ok = NumberLike(e);
          break;
        case K::kRangeFrom:  // "من 13 ...", "بين عامي ...", "من يناير ...": a date must follow
          ok = KindsAt(e) & (Bit(K::kDayWord) | Bit(K::kMonthWord) | Bit(K::kMonth) |
                             Bit(K::kHijriMonth) | Bit(K::kYearWord) | Bit(K::kUnitDef) |
                             Bit(K::kThis) | Bit(K::kPart)) ||
               NumberLike(e);
          break;
        default:
          ok = (Bit(h.word.kind) & kAlone) != 0;
          break;
      }
      if (ok) return true;
    }
    // A number word starts only a day of the month before a month ("الرابع من أبريل", "الحادي
    // والعشرين من شهر ..."): DayMonth() reads the month right after the number or after من.
    // No day of the month takes more than a few words, so the month is near.
    // (Most number words of running text, "من" and "على", open no number: told by their ids,
    // before the month is looked for.)
    if ((lexicons & kLexNumber) == 0 || !numbers_.MayStartAt(doc_, i, NumberOptions(true)) ||
        !MonthWithin(i + 1, kDayWordsSpan + 2)) {
      return false;
    }
    return DayNumber(i, true).has_value();
  }

  // Enough tokens for any day of the month in words ("الحادي و العشرين").
  static constexpr size_t kDayWordsSpan = 6;

  // Whether a month name or month word is among the `count` tokens from t.
  bool MonthWithin(size_t t, size_t count) const {
    constexpr uint32_t kMonthKinds = Bit(K::kMonth) | Bit(K::kHijriMonth) | Bit(K::kMonthWord);
    const size_t end = std::min(Size(), t + count);
    for (; t < end; ++t) {
      if (KindsAt(t) & kMonthKinds) return true;
    }
    return false;
  }

  // A necessary condition for a parse at digit token i: a numeric date ("27/2/2025", "15 / 1 /
  // 1959"), a year ("2022", "1445 هـ", "331 ق.م"), or a day before a month ("27 فبراير", "5 /
  // شعبان", "4 من ابريل"); other numbers are counts and amounts.
  bool DigitsMayStart(size_t i) const {
    const std::string_view key = doc_.Key(i);
    if (key.find_first_of("/-.") != std::string_view::npos || key.size() == 4) return true;
    if (IsSlash(i + 1) || IsDash(i + 1) || (KindsAt(i + 1) & Bit(K::kEra)) != 0) return true;
    return key.size() <= 2 && MonthWithin(i + 1, 3);
  }

  // The kinds of the lexicon hits at token t, proclitics set aside or not.
  uint32_t KindsAt(size_t t) const {
    if (t >= Size()) return 0;
    // Asked of the tokens after each candidate word, most of them plain words: those the bits
    // say start no phrase are answered without a lookup (LookUpHits would find none).
    const TokenKind kind = doc_.tokens[t].kind;
    if (shared_vocabulary_ && (kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) &&
        (doc_.analyses[t].lexicons & kLexDate) == 0) {
      return 0;
    }
    HitsAt(t, true);
    return hit_slots_[t].kinds;
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

  // The lexicon hits at token i (i < Size()) as [first, first + count) of hit_pool_: the token
  // as written, or also with its proclitics set aside. An attempt asks about the same few
  // tokens many times, so each token is looked up once per run.
  std::pair<uint32_t, uint32_t> HitsAt(size_t i, bool allow_proclitic) const {
    const HitSlot& slot = hit_slots_[i];
    if (slot.begin == 0) LookUpHits(i);
    return {slot.begin - 1, allow_proclitic ? slot.all : slot.plain};
  }
  ABSL_ATTRIBUTE_NOINLINE void LookUpHits(size_t i) const {
    HitSlot& slot = hit_slots_[i];
    const uint32_t first = static_cast<uint32_t>(hit_pool_.size());
    slot.begin = first + 1;
    const TokenAnalysis& a = doc_.analyses[i];
    // A word no date phrase starts with (its bits say so) has no reading to look up.
    const bool word = doc_.tokens[i].kind == TokenKind::kArabicWord ||
                      doc_.tokens[i].kind == TokenKind::kLatinWord;
    const int readings =
        shared_vocabulary_ && word && (a.lexicons & kLexDate) == 0 ? 0 : a.reading_count;
    // Room for the hits of a typical document at once: growing from empty reallocated several
    // times per document.
    if (readings > 0 && hit_pool_.capacity() == 0) hit_pool_.reserve(kHitPoolStart);
    for (int r = 0; r < readings; ++r) {
      lex_.AppendHits(doc_, i, r, &hit_pool_);
      if (r == 0) slot.plain = static_cast<uint16_t>(hit_pool_.size() - first);
    }
    slot.all = static_cast<uint16_t>(hit_pool_.size() - first);
    for (uint32_t k = first; k < first + slot.all; ++k) {
      slot.kinds |= Bit(hit_pool_[k].word.kind);
    }
  }

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
    const auto [first, count] = HitsAt(i, allow_proclitic);
    // Most calls ask for a kind the token has no hit of: answered here, inline in the caller;
    // the search below stays out of line (it made every call pay for its registers).
    if ((hit_slots_[i].kinds & Bit(kind)) == 0) return std::nullopt;
    return BestHit(first, count, kind, allow_weak);
  }
  ABSL_ATTRIBUTE_NOINLINE std::optional<DateWordHit> BestHit(uint32_t first, uint32_t count, K kind,
                                                             bool allow_weak) const {
    const DateWordHit* best = nullptr;
    for (uint32_t k = first; k < first + count; ++k) {
      const DateWordHit& h = hit_pool_[k];
      if (h.word.kind != kind || (h.word.weak && !allow_weak)) continue;
      if (best == nullptr || h.end_token > best->end_token ||
          (h.end_token == best->end_token && h.skip_bytes < best->skip_bytes)) {
        best = &h;
      }
    }
    if (best == nullptr) return std::nullopt;
    return *best;
  }
  bool Has(size_t i, K kind, bool allow_proclitic = false) const {
    return Word(i, kind, allow_proclitic).has_value();
  }

  // A plain digit token's value.
  std::optional<int> DigitToken(size_t i) const {
    if (!IsKind(i, TokenKind::kNumber)) return std::nullopt;
    return Digits(doc_.Key(i));
  }

  struct Num {
    int value = 0;
    uint32_t end = 0;
    uint32_t skip = 0;
    bool ordinal = false;
    bool words = false;
  };

  // A number at i: a digit token, or number words (cardinal or ordinal). An attempt asks about
  // the same few tokens again and again; the parses of the tokens near it are kept.
  std::optional<Num> NumberAt(size_t i, bool allow_proclitic = false) const {
    if (i >= Size()) return std::nullopt;
    NumSlot& slot = num_slots_[allow_proclitic ? 1 : 0][i % kNumSlots];
    if (slot.tag != i + 1) {
      slot.tag = i + 1;
      slot.num = ParseNumberAt(i, allow_proclitic);
    }
    return slot.num;
  }
  static NumberParseOptions NumberOptions(bool allow_proclitic) {
    NumberParseOptions o;
    o.allow_proclitic = allow_proclitic;
    o.allow_weak_alone = true;
    return o;
  }
  std::optional<Num> ParseNumberAt(size_t i, bool allow_proclitic) const {
    if (auto d = DigitToken(i)) return Num{*d, static_cast<uint32_t>(i + 1), 0, false, false};
    if (!IsKind(i, TokenKind::kArabicWord)) return std::nullopt;
    std::optional<NumberParse> p = numbers_.ParseAt(doc_, i, NumberOptions(allow_proclitic));
    if (!p || p->has_digits) return std::nullopt;
    std::optional<int64_t> v = p->value.IsInteger() ? p->value.ToInt64() : std::nullopt;
    if (!v || *v < 0 || *v > 100000) return std::nullopt;
    return Num{static_cast<int>(*v), p->end_token, p->begin - doc_.tokens[i].begin, p->ordinal,
               true};
  }

  // A day of the month: 1..31 in digits (one or two of them) or as an ordinal / cardinal word.
  std::optional<Num> DayNumber(size_t i, bool allow_proclitic = false) const {
    if (auto d = DigitToken(i)) {
      if (doc_.Key(i).size() > 2 || *d < 1 || *d > 31) return std::nullopt;
      return Num{*d, static_cast<uint32_t>(i + 1), 0, false, false};
    }
    std::optional<Num> n = NumberAt(i, allow_proclitic);
    if (!n || n->value < 1 || n->value > 31) return std::nullopt;
    return n;
  }

  // ---- calendar resolution ---------------------------------------------------------------

  std::optional<CivilDate> HijriToG(int y, int m, int d) const {
    return HijriToGregorian(HijriDate{y, m, d}, hijri_);
  }
  std::optional<Span> HijriMonthSpan(int y, int m) const {
    const int len = HijriMonthLength(y, m, hijri_);
    auto a = HijriToG(y, m, 1);
    if (!a || len == 0) return std::nullopt;
    return Span{*a, AddDays(*a, len - 1), Grain::kDay};
  }
  std::optional<Span> HijriYearSpan(int y) const {
    auto a = HijriToG(y, 1, 1);
    auto b = HijriToG(y + 1, 1, 1);
    if (!a || !b) return std::nullopt;
    return Span{*a, AddDays(*b, -1), Grain::kDay};
  }

  // The weekday `wd` on or before (past) / on or after (future) the reference date.
  CivilDate WeekdayNear(const CivilDate& ref, int wd, bool future, bool strict) const {
    const int today = IsoWeekday(ref);
    if (future) {
      int delta = (wd - today + 7) % 7;
      if (delta == 0 && strict) delta = 7;
      return AddDays(ref, delta);
    }
    int delta = (today - wd + 7) % 7;
    if (delta == 0 && strict) delta = 7;
    return AddDays(ref, -delta);
  }

  bool Future() const { return bias_ == DateBias::kFuture; }

  // The nth (1..5, -1 last) weekday of a month; nullopt if the month has no such day.
  static std::optional<CivilDate> NthWeekday(int y, int m, int wd, int nth) {
    if (nth == -1) {
      CivilDate last{y, m, DaysInMonth(y, m)};
      return AddDays(last, -((IsoWeekday(last) - wd + 7) % 7));
    }
    CivilDate first{y, m, 1};
    CivilDate d = AddDays(first, (wd - IsoWeekday(first) + 7) % 7 + 7 * (nth - 1));
    if (d.month != m) return std::nullopt;
    return d;
  }

  // Fills the year of a Gregorian (month, day) from the reference date and the bias.
  int YearFor(int m, int d, bool future) const {
    if (!ref_) return 0;
    int y = ref_->year;
    if (future) {
      if (Before(m, d == 0 ? 1 : d, ref_->month, d == 0 ? 1 : ref_->day)) ++y;
    } else {
      if (Before(ref_->month, d == 0 ? 1 : ref_->day, m, d == 0 ? 1 : d)) --y;
    }
    return y;
  }

  int HijriYearFor(int m, int d, bool future) const {
    if (!ref_) return 0;
    auto h = GregorianToHijri(*ref_, hijri_);
    if (!h) return 0;
    int y = h->year;
    if (future) {
      if (Before(m, d == 0 ? 1 : d, h->month, d == 0 ? 1 : h->day)) ++y;
    } else {
      if (Before(h->month, d == 0 ? 1 : h->day, m, d == 0 ? 1 : d)) --y;
    }
    return y;
  }

  // Whether a date without a year points forward: the text's own direction, else the bias.
  bool Forward(const Abs& a) const { return a.direction != 0 ? a.direction > 0 : Future(); }

  std::optional<DateOut> Finalize(Abs a) const {
    DateOut out;
    out.calendar = a.calendar;
    if (a.year_offset) {
      if (!ref_) {
        a.year = 0;
      } else if (a.calendar == Calendar::kHijri) {
        auto h = GregorianToHijri(*ref_, hijri_);
        if (!h) return std::nullopt;
        a.year = h->year + *a.year_offset;
      } else {
        a.year = ref_->year + *a.year_offset;
      }
    }
    if (a.month_offset) {
      if (!ref_) return std::nullopt;
      CivilDate m = AddMonths(CivilDate{ref_->year, ref_->month, 1}, *a.month_offset);
      a.year = m.year;
      a.month = m.month;
    }
    const bool dated_relative = a.year_offset.has_value() || a.month_offset.has_value();

    if (a.calendar == Calendar::kHijri) return FinalizeHijri(a, dated_relative);

    if (a.month == 0 && a.weekday != 0) {
      // A bare weekday.
      out.timex = "XXXX-WXX-" + std::to_string(a.weekday);
      if (ref_) out.span = DaySpan(WeekdayNear(*ref_, a.weekday, Future(), false));
      return out;
    }
    if (a.month == 0) {
      // A year, perhaps with a part.
      if (a.year == 0) {
        out.timex = "XXXX";
        return out;
      }
      if (a.bc) {
        // TIMEX3 writes BC years as "BC0331"; `resolved` is ISO 8601's astronomical year
        // (1 BC = 0000, 331 BC = -0330).
        if (a.part) return std::nullopt;
        char buf[16];
        std::snprintf(buf, sizeof(buf), "BC%04d", a.year);
        out.timex = buf;
        out.span = YearSpan(1 - a.year);
        return out;
      }
      out.timex = FormatYear(a.year);
      if (a.part) {
        // Thirds of the year: January-April, May-August, September-December.
        const int first = *a.part == DatePart::kEarly ? 1 : *a.part == DatePart::kMid ? 5 : 9;
        out.span =
            Span{CivilDate{a.year, first, 1},
                 CivilDate{a.year, first + 3, DaysInMonth(a.year, first + 3)}, Grain::kMonth};
      } else {
        out.span = YearSpan(a.year);
      }
      return out;
    }
    // A month is known.
    if (a.bc) return std::nullopt;  // months of BC years are not read
    const bool positional = a.weekday != 0 || a.last_day || a.last_week || a.part;
    if (a.year == 0) {
      a.year = positional || a.day == 0 ? YearFor(a.month, 0, Forward(a))
                                        : YearFor(a.month, a.day, Forward(a));
    }
    if (a.day != 0 && a.year != 0 && !IsValidCivil(a.year, a.month, a.day)) {
      // 29 February of a year that has none: the nearest leap year in the bias direction.
      if (a.month == 2 && a.day == 29) {
        while (!IsLeapYear(a.year)) a.year += Forward(a) ? 1 : -1;
      } else {
        return std::nullopt;
      }
    }
    if (a.day != 0 && (a.day > 31 || (a.year == 0 && a.day > DaysInMonth(2000, a.month)))) {
      return std::nullopt;
    }
    if (a.year == 0) {
      // No reference date: nothing to resolve a month without a year against.
      out.timex = TimexDate(0, a.month, a.day);
      return out;
    }
    if (a.weekday != 0) {
      auto d = NthWeekday(a.year, a.month, a.weekday, a.nth);
      if (!d) return std::nullopt;
      out.timex = FormatDay(*d);
      out.span = DaySpan(*d);
      return out;
    }
    if (a.last_day) {
      CivilDate d{a.year, a.month, DaysInMonth(a.year, a.month)};
      out.timex = FormatDay(d);
      out.span = DaySpan(d);
      return out;
    }
    if (a.last_week) {
      // The last full ISO week inside the month (its Sunday is in the month).
      CivilDate last{a.year, a.month, DaysInMonth(a.year, a.month)};
      CivilDate sunday = AddDays(last, -(IsoWeekday(last) % 7));
      out.span = WeekSpan(sunday);
      out.timex = FormatIsoWeek(sunday);
      return out;
    }
    if (a.part) {
      const int len = DaysInMonth(a.year, a.month);
      if (*a.part == DatePart::kMid) {
        // The middle of a month is its fifteenth day.
        CivilDate d{a.year, a.month, 15};
        out.timex = FormatDay(d);
        out.span = DaySpan(d);
        return out;
      }
      const int first = *a.part == DatePart::kEarly ? 1 : 21;
      const int last = *a.part == DatePart::kEarly ? 10 : len;
      out.timex = FormatMonth(a.year, a.month);
      out.span =
          Span{CivilDate{a.year, a.month, first}, CivilDate{a.year, a.month, last}, Grain::kDay};
      return out;
    }
    const bool year_said = a.year != 0 && a.year_said;
    if (a.day != 0) {
      out.timex = TimexDate(year_said || dated_relative ? a.year : 0, a.month, a.day);
      if (year_said || ref_) out.span = DaySpan(CivilDate{a.year, a.month, a.day});
      return out;
    }
    out.timex = TimexDate(year_said || dated_relative ? a.year : 0, a.month, 0);
    if (year_said || ref_) out.span = MonthSpan(a.year, a.month);
    return out;
  }

  std::optional<DateOut> FinalizeHijri(Abs a, bool dated_relative) const {
    DateOut out;
    out.calendar = Calendar::kHijri;
    if (a.gregorian_year_for_hijri_month && a.year != 0 && a.month != 0) {
      // The Hijri month that starts in that Gregorian year.
      CivilDate jan1{a.year, 1, 1};
      auto h = GregorianToHijri(jan1, hijri_);
      if (!h) return std::nullopt;
      int hy = h->year;
      auto start = HijriToG(hy, a.month, 1);
      if (!start) return std::nullopt;
      if (start->year < a.year) ++hy;
      a.year = hy;
      a.year_said = true;
    }
    if (a.month == 0) {
      if (a.year == 0) {
        out.timex = "XXXX";
        return out;
      }
      out.timex = FormatYear(a.year);
      out.span = HijriYearSpan(a.year);
      return out;
    }
    const bool year_said = a.year_said || dated_relative;
    if (a.year == 0) a.year = HijriYearFor(a.month, a.day, Forward(a));
    if (a.year == 0) {
      out.timex = TimexDate(0, a.month, a.day);
      return out;
    }
    if (a.day != 0) {
      auto d = HijriToG(a.year, a.month, a.day);
      if (!d) return std::nullopt;
      out.timex = TimexDate(year_said ? a.year : 0, a.month, a.day);
      out.span = DaySpan(*d);
      return out;
    }
    out.timex = TimexDate(year_said ? a.year : 0, a.month, 0);
    out.span = HijriMonthSpan(a.year, a.month);
    return out;
  }

 public:
  // ---- the grammar ----------------------------------------------------------------------

  // The longest date expression starting at token i.
  std::optional<Parse> Best(size_t i) const {
    std::optional<Parse> best;
    auto consider = [&](std::optional<Parse> p) {
      if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
    };
    consider(Range(i));
    consider(Single(i, /*allow_proclitic=*/true));
    return best;
  }

 private:
  // A single date expression (no range) starting at i.
  std::optional<Parse> Single(size_t i, bool allow_proclitic) const {
    std::optional<Parse> best;
    auto consider = [&](std::optional<Parse> p) {
      if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
    };
    consider(Deictic(i, allow_proclitic));
    consider(Shift(i, allow_proclitic));
    consider(WeekdayExpr(i, allow_proclitic));
    consider(NthExpr(i, allow_proclitic));
    if (auto a = CalendarDate(i, allow_proclitic)) consider(ToParse(*a));
    consider(DecadeOrCentury(i, allow_proclitic));
    consider(YearFraction(i, allow_proclitic));
    consider(Holiday(i, allow_proclitic));
    return best;
  }

  struct AbsParse {
    uint32_t end_token = 0;
    uint32_t skip_bytes = 0;
    Abs abs;
  };

  std::optional<Parse> ToParse(const AbsParse& a) const {
    std::optional<DateOut> out = Finalize(a.abs);
    if (!out) return std::nullopt;
    return Parse{a.end_token, a.skip_bytes, std::move(*out)};
  }

  // "يوم" / "اليوم" in front of a day or weekday.
  size_t SkipDayWord(size_t i, bool allow_proclitic, uint32_t* skip) const {
    if (auto w = Word(i, K::kDayWord, allow_proclitic)) {
      *skip = w->skip_bytes;
      return w->end_token;
    }
    return i;
  }

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
  std::optional<MonthRef> Month(size_t i, bool allow_proclitic) const {
    MonthRef r;
    size_t j = i;
    if (auto w = Word(i, K::kMonthWord, allow_proclitic)) {
      r.skip_bytes = w->skip_bytes;
      r.with_month_word = true;
      j = w->end_token;
      // "الشهر القادم" / "الشهر الماضي"
      if (auto rel = Word(j, K::kRel)) {
        r.end_token = rel->end_token;
        r.month_offset = rel->word.value;
        return r;
      }
    }
    const bool after_word = j != i;
    std::optional<DateWordHit> name = Word(j, K::kMonth, !after_word && allow_proclitic);
    if (!name) name = Word(j, K::kHijriMonth, !after_word && allow_proclitic);
    if (name) {
      if (!after_word) r.skip_bytes = name->skip_bytes;
      r.calendar = name->word.kind == K::kHijriMonth ? Calendar::kHijri : Calendar::kGregorian;
      r.month = name->word.value;
      r.named = true;
      r.weak = name->word.weak;
      r.bound = name->word.bound;
      r.end_token = name->end_token;
      if (r.calendar == Calendar::kGregorian) ExtendPaired(&r);
      // "شهر رمضان المبارك"
      if (auto e = Word(r.end_token, K::kEpithet)) r.end_token = e->end_token;
      return r;
    }
    if (!after_word) return std::nullopt;
    // "شهر 3", "شهر ثلاثة", "الشهر الثامن".
    std::optional<Num> n = NumberAt(j);
    if (!n || n->value < 1 || n->value > 12) return std::nullopt;
    r.month = n->value;
    r.end_token = n->end;
    return r;
  }

  // "أبريل/نيسان", "أبريل / نيسان", "نيسان (أبريل)": the second name of the same month.
  void ExtendPaired(MonthRef* r) const {
    size_t j = r->end_token;
    if (IsSlash(j)) {
      auto w = Word(j + 1, K::kMonth);
      if (w && w->word.value == r->month) r->end_token = w->end_token;
      return;
    }
    if (IsPunct(j, "(")) {
      auto w = Word(j + 1, K::kMonth);
      if (w && w->word.value == r->month && IsPunct(w->end_token, ")")) {
        r->end_token = w->end_token + 1;
      }
    }
  }

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
                                    bool allow_paren = true) const {
    YearRef r;
    size_t j = i;
    bool paren = false;
    if (allow_paren && IsPunct(j, "(")) {
      paren = true;
      ++j;
    }
    std::optional<Num> n;
    size_t min_digits = with_word ? 3 : 4;
    if (auto d = DigitToken(j)) {
      n = Num{*d, static_cast<uint32_t>(j + 1), 0, false, false};
    } else if (with_word) {
      n = NumberAt(j, allow_proclitic && !paren && j == i);
      if (n && n->ordinal) n.reset();
      if (n) r.skip_bytes = n->skip;
    } else if (allow_proclitic && j == i && IsKind(j, TokenKind::kNumber)) {
      return std::nullopt;
    }
    if (!n || n->value < 1 || n->value > 2200) return std::nullopt;
    r.year = n->value;
    j = n->end;
    if (paren) {
      if (!IsPunct(j, ")")) return std::nullopt;
      ++j;
    }
    if (auto e = Era(j); e && !Has(e->end_token, K::kNotEraAfter)) {
      r.era = e->word.value == 1 ? Calendar::kHijri : Calendar::kGregorian;
      r.bc = e->word.value == 2;
      j = e->end_token;
    }
    // Short years only before "ق.م" ("عام 331 ق.م"); otherwise "عام 48" is not a year.
    if (r.bc) min_digits = 1;
    if (n->words ? (!r.bc && n->value < 100) : doc_.Key(n->end - 1).size() < min_digits) {
      return std::nullopt;
    }
    if (!n->words && doc_.Key(n->end - 1).size() > 4) return std::nullopt;
    r.end_token = static_cast<uint32_t>(j);
    return r;
  }

  // "عام 2022", "سنة 1990م", "العام ( 1948 )", "1445 هـ", "السنة القادمة", "هذا العام".
  std::optional<YearRef> Year(size_t i, bool allow_proclitic, bool need_word) const {
    if (auto w = Word(i, K::kYearWord, allow_proclitic)) {
      if (w->word.value2 == 0) {
        if (auto r = YearNumber(w->end_token, true, false)) {
          r->skip_bytes = w->skip_bytes;
          r->with_word = true;
          return r;
        }
      }
    }
    if (auto w = Word(i, K::kUnitDef, allow_proclitic);
        w && w->word.value == static_cast<int>(DateUnit::kYear) && w->word.value2 == 1) {
      if (auto rel = Word(w->end_token, K::kRel)) {
        if (!AdjectiveUse(i)) {
          YearRef r;
          r.end_token = rel->end_token;
          r.skip_bytes = w->skip_bytes;
          r.offset = rel->word.value;
          r.with_word = true;
          return r;
        }
      }
    }
    if (auto t = Word(i, K::kThis, allow_proclitic)) {
      auto w = Word(t->end_token, K::kUnitDef);
      if (w && w->word.value == static_cast<int>(DateUnit::kYear)) {
        YearRef r;
        r.end_token = w->end_token;
        r.skip_bytes = t->skip_bytes;
        r.offset = 0;
        r.with_word = true;
        return r;
      }
    }
    if (need_word) return std::nullopt;
    auto r = YearNumber(i, false, allow_proclitic);
    if (r && !r->era && (r->year < 1000)) return std::nullopt;
    return r;
  }

  // "العام" / "عام" after a definite noun is the adjective "general" ("الأمين العام السابق").
  bool AdjectiveUse(size_t i) const {
    if (i == 0) return false;
    std::string_view key = doc_.Key(i);
    // Only عام has that second sense; سنة does not.
    static const std::string kAam = [] {
      std::string k;
      Analyzer().AppendMatchForm("العام", &k);
      return k;
    }();
    if (key != kAam) return false;
    std::string_view prev = doc_.Key(i - 1);
    return prev.size() > 4 && prev.substr(0, 4) == "\xD8\xA7\xD9\x84" && !lex_Has(i - 1);
  }
  bool lex_Has(size_t i) const { return i < Size() && HitsAt(i, false).second != 0; }

  // An optional year after a day and month: "[،] [من|في|ل|ب] (عام 2022 | 2022 | السنة القادمة)".
  std::optional<YearRef> TrailingYear(size_t i) const {
    size_t j = i;
    if (IsComma(j) || IsSlash(j)) ++j;  // "كانون الأول / ( 1986 )", "20 / شعبان / 1428"
    bool via_word = false;
    if (auto c = Word(j, K::kCue); c && c->end_token == j + 1) {
      // "من عام 2014", "في سنة 2014"
      if (auto y = Year(j + 1, false, true)) return y;
      via_word = true;
    }
    (void)via_word;
    // "لعام 2014", "بعام 2014", "عام 2014", "2014", "2014م"
    if (auto y = Year(j, true, true)) return y;
    if (auto y = YearNumber(j, false, false)) {
      if (y->year >= 1 && (doc_.Key(IsPunct(j, "(") ? j + 1 : j).size() >= 3)) return y;
    }
    return std::nullopt;
  }

  // "المقبل" / "الماضي" after a month name: which way the date points. Returns the new end.
  size_t TrailingDirection(size_t end, Abs* a) const {
    if (auto rel = Word(end, K::kRel); rel && rel->word.value != 0) {
      a->direction = rel->word.value;
      return rel->end_token;
    }
    return end;
  }

  void ApplyYear(const YearRef& y, Abs* a) const {
    if (y.offset) {
      a->year_offset = y.offset;
      return;
    }
    a->year = y.year;
    a->year_said = true;
    a->bc = y.bc;
    if (y.era == Calendar::kHijri && a->calendar == Calendar::kGregorian && a->month == 0) {
      a->calendar = Calendar::kHijri;
    }
    if (a->calendar == Calendar::kHijri && y.era != Calendar::kHijri && y.year > 1600) {
      a->gregorian_year_for_hijri_month = true;
    }
  }

  // ---- calendar dates ------------------------------------------------------------------

  // Day-month-year, month-year, year, numeric dates; with "أوائل / منتصف / أواخر" in front.
  // Range() reads one at the token where Single() reads one again; the last few are kept.
  std::optional<AbsParse> CalendarDate(size_t i, bool allow_proclitic) const {
    for (const CalendarMemo& m : calendar_memo_) {
      if (m.tag == i + 1 && m.allow_proclitic == allow_proclitic) return m.parse;
    }
    CalendarMemo& m = calendar_memo_[calendar_memo_next_++ % kCalendarMemoSize];
    m.parse = ParseCalendarDate(i, allow_proclitic);
    m.tag = i + 1;
    m.allow_proclitic = allow_proclitic;
    return m.parse;
  }
  std::optional<AbsParse> ParseCalendarDate(size_t i, bool allow_proclitic) const {
    std::optional<AbsParse> best;
    auto consider = [&](std::optional<AbsParse> p) {
      if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
    };
    consider(DayMonth(i, allow_proclitic));
    consider(MonthYear(i, allow_proclitic));
    consider(YearOnly(i, allow_proclitic));
    consider(Numeric(i, allow_proclitic));
    consider(PartOf(i, allow_proclitic));
    return best;
  }

  bool CueBefore(size_t i) const {
    if (i == 0) return false;
    // "يناير ومارس": a month right after another month name.
    if (auto m = Word(i - 1, K::kMonth); m && !m->word.weak) return true;
    auto c = Word(i - 1, K::kCue, true);
    return c.has_value() || Has(i - 1, K::kDateCue, true);
  }

  // "27 فبراير 2022", "الرابع من ابريل", "اليوم الأول من شهر ثلاثة", "15 رمضان 1445 هـ".
  std::optional<AbsParse> DayMonth(size_t i, bool allow_proclitic) const {
    uint32_t skip = 0;
    size_t j = SkipDayWord(i, allow_proclitic, &skip);
    const bool day_word = j != i;
    std::optional<Num> day = DayNumber(j, allow_proclitic && !day_word);
    if (!day) return std::nullopt;
    if (!day_word) skip = day->skip;
    j = day->end;
    if (IsSlash(j) && !day->words) ++j;  // "20 / شعبان / 1428 هجرية"
    bool via_min = false;
    if (auto m = Word(j, K::kRangeFrom); m && m->word.value == 0) {
      // "الرابع من ابريل" (من, not بين)
      via_min = true;
    }
    std::optional<MonthRef> month = Month(via_min ? j + 1 : j, false);
    if (!month && !via_min) month = Month(j, true);  // "ثالث يوم ... بايلول"
    if (!month || month->month_offset) {
      if (month && month->month_offset) {
        Abs a;
        a.day = day->value;
        a.month_offset = month->month_offset;
        return AbsParse{month->end_token, skip, a};
      }
      return std::nullopt;
    }
    // A word ordinal with a bare number-named month ("الثالث من شهر عشرة") is fine; a digit
    // day before "شهر N" too.
    Abs a;
    a.calendar = month->calendar;
    a.month = month->month;
    a.day = day->value;
    size_t end = month->end_token;
    if (auto y = TrailingYear(end)) {
      ApplyYear(*y, &a);
      end = y->end_token;
    } else {
      end = TrailingDirection(end, &a);
    }
    return AbsParse{static_cast<uint32_t>(end), skip, a};
  }

  // "فبراير 2022", "في فبراير", "شهر رمضان", "يونيو / حزيران 2004", "شباط ( 28 / 2 / 1945 )".
  std::optional<AbsParse> MonthYear(size_t i, bool allow_proclitic) const {
    std::optional<MonthRef> month = Month(i, allow_proclitic);
    if (!month) return std::nullopt;
    Abs a;
    a.calendar = month->calendar;
    if (month->month_offset) {
      a.month_offset = month->month_offset;
      return AbsParse{month->end_token, month->skip_bytes, a};
    }
    a.month = month->month;
    size_t end = month->end_token;
    // A month name followed by the full date in parentheses.
    if (IsPunct(end, "(")) {
      if (auto n = Numeric(end + 1, false);
          n && n->abs.month == a.month && IsPunct(n->end_token, ")")) {
        n->end_token += 1;
        n->skip_bytes = month->skip_bytes;
        return n;
      }
    }
    if (auto y = TrailingYear(end)) {
      ApplyYear(*y, &a);
      return AbsParse{y->end_token, month->skip_bytes, a};
    }
    if (const size_t after = TrailingDirection(end, &a); after != end) {
      return AbsParse{static_cast<uint32_t>(after), month->skip_bytes, a};
    }
    // "اغسطس 27" is read only inside ranges; a bare month needs to be unambiguous or cued.
    if (!month->named && !month->with_month_word) return std::nullopt;
    if (month->weak && !month->with_month_word && !CueBefore(i)) return std::nullopt;
    if (month->bound && !month->with_month_word) return std::nullopt;
    if (month->calendar == Calendar::kHijri && month->weak && !month->with_month_word &&
        !CueBefore(i)) {
      return std::nullopt;
    }
    return AbsParse{static_cast<uint32_t>(end), month->skip_bytes, a};
  }

  // "عام 2022", "سنة 1990م", "1445 هـ", "العام المقبل", "هذه السنة", "في 1948".
  std::optional<AbsParse> YearOnly(size_t i, bool allow_proclitic) const {
    std::optional<YearRef> y = Year(i, allow_proclitic, true);
    if (!y) {
      // A bare year: a four-digit number with an era, after a cue, or standing alone before
      // punctuation (not "/" or "-", which continue paths, numbers and codes).
      y = YearNumber(i, false, false, /*allow_paren=*/false);
      if (!y) return std::nullopt;
      if (!y->era) {
        const bool plausible = y->year >= 1800 && y->year <= 2100;
        const size_t next = y->end_token;
        const bool alone = next >= Size() || (IsKind(next, TokenKind::kPunctuation) &&
                                              !IsSlash(next) && !IsDash(next));
        // "الانتفاضة الأولى 1987": a year names the event before it.
        const bool after_definite = i > 0 && IsKind(i - 1, TokenKind::kArabicWord) &&
                                    doc_.Key(i - 1).size() > 6 &&
                                    doc_.Key(i - 1).substr(0, 4) == "\xD8\xA7\xD9\x84" &&
                                    y->year >= 1900 && y->year <= 2100;
        if (!plausible || (!CueBefore(i) && !alone && !after_definite)) return std::nullopt;
        // "في 1500 شخص": a count, not a year; after منذ / حتى it can only be a year.
        if (IsKind(next, TokenKind::kArabicWord) && !lex_Has(next) && !CueWord(next) &&
            !TemporalCueBefore(i) && !after_definite) {
          return std::nullopt;
        }
      }
    }
    Abs a;
    ApplyYear(*y, &a);
    if (y->era == Calendar::kHijri) a.calendar = Calendar::kHijri;
    return AbsParse{y->end_token, y->skip_bytes, a};
  }

  bool TemporalCueBefore(size_t i) const {
    if (i == 0) return false;
    auto c = Word(i - 1, K::kCue, true);
    return c && c->word.value == 1;
  }

  bool CueWord(size_t i) const {
    return Has(i, K::kCue, true) || Has(i, K::kRangeAnd, true) || Has(i, K::kRangeTo, true);
  }

  // "27/2/2025", "٢٧/٢/٢٠٢٥", "2025-02-27", "15 / 1 / 1959", "21/09" (after a weekday or يوم).
  // A date standing alone in parentheses is the date without them ("( 1948 )" → "1948"); callers
  // that read a word before it (بتاريخ، a month) take the parentheses in with `allow_paren`.
  std::optional<AbsParse> Numeric(size_t i, bool allow_proclitic, bool allow_two = false,
                                  bool allow_paren = false) const {
    // At most three parts; a fourth makes no date.
    std::string_view parts[3];
    size_t count = 0;
    size_t end = i;
    bool paren = false;
    if (allow_paren && IsPunct(i, "(")) {
      paren = true;
      ++end;
    }
    if (!IsKind(end, TokenKind::kNumber)) return std::nullopt;
    std::string_view key = doc_.Key(end);
    char sep = 0;
    for (char c : {'/', '-', '.'}) {
      if (key.find(c) != std::string_view::npos) sep = c;
    }
    if (sep != 0) {
      // One token: "27/2/2025".
      size_t start = 0;
      while (true) {
        if (count == 3) return std::nullopt;
        size_t p = key.find(sep, start);
        parts[count++] = key.substr(start, p == std::string_view::npos ? p : p - start);
        if (p == std::string_view::npos) break;
        start = p + 1;
      }
      ++end;
    } else {
      // Spaced: "15 / 1 / 1959".
      parts[count++] = key;
      ++end;
      while (count < 3 && (IsSlash(end) || IsDash(end)) && IsKind(end + 1, TokenKind::kNumber) &&
             Digits(doc_.Key(end + 1))) {
        parts[count++] = doc_.Key(end + 1);
        end += 2;
      }
    }
    if (paren) {
      if (!IsPunct(end, ")")) return std::nullopt;
      ++end;
    }
    int v[3] = {0, 0, 0};
    for (size_t k = 0; k < count; ++k) {
      auto d = Digits(parts[k]);
      if (!d) return std::nullopt;
      v[k] = *d;
    }
    Abs a;
    if (count == 3) {
      if (parts[0].size() == 4) {
        a.year = v[0], a.month = v[1], a.day = v[2];
      } else if (parts[2].size() == 4) {
        a.day = v[0], a.month = v[1], a.year = v[2];
        // Month-first (American) order when the first number cannot be a month.
        if (a.month > 12 && a.day <= 12) std::swap(a.day, a.month);
      } else {
        return std::nullopt;
      }
      a.year_said = true;
      if (!IsValidCivil(a.year, a.month, a.day)) return std::nullopt;
      if (auto e = Era(end)) {
        if (e->word.value == 1) {
          a.calendar = Calendar::kHijri;
          if (!HijriToG(a.year, a.month, a.day)) return std::nullopt;
        }
        end = e->end_token;
      }
    } else if (count == 2 && allow_two && parts[0].size() <= 2 && parts[1].size() <= 2) {
      a.day = v[0], a.month = v[1];
      if (a.month < 1 || a.month > 12 || a.day < 1 || a.day > DaysInMonth(2000, a.month)) {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    (void)allow_proclitic;
    return AbsParse{static_cast<uint32_t>(end), 0, a};
  }

  // "أوائل مارس", "نهاية العام", "منتصف 2019", "نهاية الأسبوع الماضي", "عطلة نهاية الأسبوع".
  std::optional<AbsParse> PartOf(size_t i, bool allow_proclitic) const {
    auto p = Word(i, K::kPart, allow_proclitic);
    if (!p) return std::nullopt;
    const DatePart part = static_cast<DatePart>(p->word.value);
    const size_t j = p->end_token;
    if (auto m = MonthYear(j, false)) {
      if (m->abs.day == 0 && m->abs.weekday == 0) {
        m->abs.part = part;
        m->skip_bytes = p->skip_bytes;
        return m;
      }
    }
    if (auto m = Month(j, false); m && m->month_offset) {
      Abs a;
      a.month_offset = m->month_offset;
      a.part = part;
      return AbsParse{m->end_token, p->skip_bytes, a};
    }
    if (auto y = Year(j, false, false)) {
      Abs a;
      ApplyYear(*y, &a);
      if (y->era == Calendar::kHijri) return std::nullopt;
      a.part = part;
      return AbsParse{y->end_token, p->skip_bytes, a};
    }
    // "نهاية العام" / "بداية السنة" alone: this year.
    if (auto w = Word(j, K::kUnitDef); w && w->word.value2 == 1) {
      if (w->word.value == static_cast<int>(DateUnit::kYear) && !Has(w->end_token, K::kRel)) {
        Abs a;
        a.year_offset = 0;
        a.part = part;
        return AbsParse{w->end_token, p->skip_bytes, a};
      }
      if (w->word.value == static_cast<int>(DateUnit::kMonth) && !Has(w->end_token, K::kRel)) {
        Abs a;
        a.month_offset = 0;
        a.part = part;
        return AbsParse{w->end_token, p->skip_bytes, a};
      }
    }
    return std::nullopt;
  }

  // ---- deictic expressions -------------------------------------------------------------

  DateOut DayOffset(int offset) const {
    DateOut out;
    if (ref_) {
      CivilDate d = AddDays(*ref_, offset);
      out.timex = FormatDay(d);
      out.span = DaySpan(d);
    } else {
      out.timex = "XXXX-XX-XX";
    }
    return out;
  }

  // The unit `u` shifted by `offset` units from the reference date.
  std::optional<DateOut> UnitOffset(DateUnit u, int offset, std::optional<DatePart> part) const {
    DateOut out;
    if (!ref_) {
      switch (u) {
        case DateUnit::kDay:
          out.timex = "XXXX-XX-XX";
          break;
        case DateUnit::kWeek:
          out.timex = part == DatePart::kLate ? "XXXX-WXX-WE" : "XXXX-WXX";
          break;
        case DateUnit::kMonth:
          out.timex = "XXXX-XX";
          break;
        case DateUnit::kYear:
          out.timex = "XXXX";
          break;
        case DateUnit::kDecade:
          out.timex = "XXX";
          break;
        case DateUnit::kCentury:
          out.timex = "XX";
          break;
      }
      return out;
    }
    switch (u) {
      case DateUnit::kDay:
        return DayOffset(offset);
      case DateUnit::kWeek: {
        const CivilDate any = AddDays(*ref_, 7 * offset);
        const Span week = WeekSpan(any);
        if (part == DatePart::kLate) {
          // The weekend: Saturday and Sunday of that week.
          out.timex = FormatIsoWeek(any) + "-WE";
          out.span = Span{AddDays(week.first, 5), week.last, Grain::kDay};
        } else if (part) {
          return std::nullopt;
        } else {
          out.timex = FormatIsoWeek(any);
          out.span = week;
        }
        return out;
      }
      case DateUnit::kMonth: {
        Abs a;
        a.month_offset = offset;
        a.part = part;
        return Finalize(a);
      }
      case DateUnit::kYear: {
        Abs a;
        a.year_offset = offset;
        a.part = part;
        return Finalize(a);
      }
      case DateUnit::kDecade: {
        if (part) return std::nullopt;
        const int start = (ref_->year / 10 + offset) * 10;
        out.timex = std::to_string(start / 10);
        out.span = Span{CivilDate{start, 1, 1}, CivilDate{start + 9, 12, 31}, Grain::kYear};
        return out;
      }
      case DateUnit::kCentury: {
        if (part) return std::nullopt;
        const int start = (ref_->year / 100 + offset) * 100;
        out.timex = std::to_string(start / 100);
        out.span = Span{CivilDate{start, 1, 1}, CivilDate{start + 99, 12, 31}, Grain::kYear};
        return out;
      }
    }
    return std::nullopt;
  }

  // أمس، اليوم، غدا، بعد غد، الأسبوع الماضي، هذا الشهر، العام المقبل، نهاية الأسبوع الماضي،
  // الأيام الخمسة الماضية.
  std::optional<Parse> Deictic(size_t i, bool allow_proclitic) const {
    std::optional<Parse> best;
    auto consider = [&](std::optional<Parse> p) {
      if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
    };
    // "يوم بعد غد"
    {
      uint32_t skip = 0;
      size_t j = SkipDayWord(i, allow_proclitic, &skip);
      if (j != i) {
        if (auto d = Word(j, K::kDayRel); d && d->word.value != 0) {
          consider(Parse{static_cast<uint32_t>(WithWeekday(d->end_token)), skip,
                         DayOffset(d->word.value)});
        }
      }
    }
    if (auto d = Word(i, K::kDayRel, allow_proclitic)) {
      // "اليوم الثاني من الزيارة" is a day of something else, not today.
      const bool today_word = d->word.value == 0;
      const bool cued = !d->word.weak || CueBefore(i);  // "الغد" alone is also a name
      if (cued && (!today_word || (!NumberAt(d->end_token) && !Has(d->end_token, K::kLast)))) {
        consider(Parse{static_cast<uint32_t>(WithWeekday(d->end_token)), d->skip_bytes,
                       DayOffset(d->word.value)});
      }
    }
    // [weekend_prefix] [part] unit_def (rel | ) ; this unit_def
    size_t j = i;
    uint32_t skip = 0;
    bool first = true;
    if (auto w = Word(j, K::kWeekendPrefix, allow_proclitic)) {
      skip = w->skip_bytes;
      j = w->end_token;
      first = false;
    }
    std::optional<DatePart> part;
    if (auto p = Word(j, K::kPart, first && allow_proclitic)) {
      part = static_cast<DatePart>(p->word.value);
      if (first) skip = p->skip_bytes;
      j = p->end_token;
      first = false;
    }
    const bool had_prefix = !first;
    if (auto t = Word(j, K::kThis, first && allow_proclitic)) {
      if (auto u = Word(t->end_token, K::kUnitDef); u && u->word.value2 == 1) {
        if (first) skip = t->skip_bytes;
        if (auto out = UnitOffset(static_cast<DateUnit>(u->word.value), 0, part)) {
          consider(Parse{u->end_token, skip, std::move(*out)});
        }
      }
    }
    if (auto u = Word(j, K::kUnitDef, first && allow_proclitic)) {
      if (first) skip = u->skip_bytes;
      const DateUnit unit = static_cast<DateUnit>(u->word.value);
      if (u->word.value2 == 1) {
        std::optional<DateWordHit> rel = Word(u->end_token, K::kRel);
        if (rel && !AdjectiveUse(j)) {
          if (auto out = UnitOffset(unit, rel->word.value, part)) {
            consider(Parse{rel->end_token, skip, std::move(*out)});
          }
        } else if (had_prefix && unit == DateUnit::kWeek && part == DatePart::kLate) {
          // "نهاية الأسبوع": this week's weekend.
          if (auto out = UnitOffset(unit, 0, part)) {
            consider(Parse{u->end_token, skip, std::move(*out)});
          }
        }
      } else if (u->word.value2 == 0 && !had_prefix) {
        // "الأيام الخمسة الماضية", "الأسابيع الثلاثة القادمة"
        std::optional<Num> n = NumberAt(u->end_token);
        if (n && n->value >= 2 && n->value <= 100) {
          if (auto rel = Word(n->end, K::kRel); rel && rel->word.value != 0) {
            if (auto out = Several(unit, n->value, rel->word.value)) {
              consider(Parse{rel->end_token, skip, std::move(*out)});
            }
          }
        } else if (!n) {
          // "السنوات الماضية", "الأيام الأخيرة", "الأشهر المقبلة": an unbounded stretch before or
          // after the reference date (TIMEX3 PAST_REF / FUTURE_REF; nothing to resolve).
          std::optional<int> direction;
          uint32_t end = 0;
          if (auto rel = Word(u->end_token, K::kRel); rel && rel->word.value != 0) {
            direction = rel->word.value;
            end = rel->end_token;
          } else if (auto last = Word(u->end_token, K::kLast)) {
            direction = -1;
            end = last->end_token;
          }
          if (direction) {
            DateOut out;
            out.timex = *direction < 0 ? "PAST_REF" : "FUTURE_REF";
            consider(Parse{end, skip, std::move(out)});
          }
        }
      }
    }
    return best;
  }

  // "غدا الثلاثاء", "أمس الأحد", "يوم غد الاثنين": the weekday after a relative day names the same
  // day, so it joins the span (the relative day gives the value).
  size_t WithWeekday(size_t end) const {
    if (auto wd = Word(end, K::kWeekday, false, /*allow_weak=*/false)) {
      if (!Has(wd->end_token, K::kRel)) return wd->end_token;
    }
    return end;
  }

  // The `count` units before (-1) or after (+1) the reference date, the current one excluded.
  std::optional<DateOut> Several(DateUnit unit, int count, int direction) const {
    DateOut out;
    if (!ref_) {
      out.timex = direction < 0 ? "PAST_REF" : "FUTURE_REF";
      return out;
    }
    std::optional<DateOut> a = UnitOffset(unit, direction < 0 ? -count : 1, std::nullopt);
    std::optional<DateOut> b = UnitOffset(unit, direction < 0 ? -1 : count, std::nullopt);
    if (!a || !b || !a->span || !b->span) return std::nullopt;
    out.timex = a->timex + "/" + b->timex;
    out.span = Span{a->span->first, b->span->last, a->span->grain};
    return out;
  }

  // "منذ ثلاثة أيام", "قبل يومين", "بعد أسبوعين", "منذ عامين", "قبل شهر".
  std::optional<Parse> Shift(size_t i, bool allow_proclitic) const {
    auto s = Word(i, K::kShift, allow_proclitic);
    if (!s) return std::nullopt;
    size_t j = s->end_token;
    int count = 1;
    std::optional<Num> n = NumberAt(j);
    if (n) {
      if (n->ordinal || n->value < 1 || n->value > 10000) return std::nullopt;
      count = n->value;
      j = n->end;
    }
    auto u = Word(j, K::kUnit);
    if (!u) return std::nullopt;
    if (n) {
      // A count takes a plural (3-10) or an accusative singular (11+) unit, not a dual.
      if (u->word.value2 == 2) return std::nullopt;
    } else {
      if (u->word.value2 == 0) return std::nullopt;  // "منذ أيام": no count
      if (u->word.weak) return std::nullopt;         // "بعد عقد اتفاقية": the signing
      count = u->word.value2;
    }
    const size_t end = u->end_token;
    // "بعد يومين من الاجتماعات" counts from an event, not from the reference date.
    if (Has(end, K::kRangeFrom) || AnchorWord(end)) return std::nullopt;
    const DateUnit unit = static_cast<DateUnit>(u->word.value);
    const int offset = s->word.value * count;
    // Keep the arithmetic small; the result is checked against years 1-9999 below.
    static constexpr int kMaxCount[] = {10000, 10000, 10000, 10000, 1000, 100};
    if (count > kMaxCount[static_cast<int>(unit)]) return std::nullopt;
    DateOut out;
    if (!ref_) {
      out.timex = s->word.value < 0 ? "PAST_REF" : "FUTURE_REF";
      return Parse{static_cast<uint32_t>(end), s->skip_bytes, out};
    }
    switch (unit) {
      case DateUnit::kDay:
        out = DayOffset(offset);
        break;
      case DateUnit::kWeek:
        out = DayOffset(7 * offset);
        break;
      case DateUnit::kMonth: {
        CivilDate d = AddMonths(*ref_, offset);
        out.timex = FormatDay(d);
        out.span = DaySpan(d);
        break;
      }
      case DateUnit::kYear: {
        CivilDate d = AddMonths(*ref_, 12 * offset);
        out.timex = FormatYear(d.year);
        out.span = YearSpan(d.year);
        break;
      }
      case DateUnit::kDecade:
      case DateUnit::kCentury: {
        const int years = (unit == DateUnit::kDecade ? 10 : 100) * offset;
        out.timex = FormatYear(ref_->year + years);
        out.span = YearSpan(ref_->year + years);
        break;
      }
    }
    if (out.span && (out.span->first.year < 1 || out.span->last.year > 9999)) return std::nullopt;
    return Parse{static_cast<uint32_t>(end), s->skip_bytes, std::move(out)};
  }

  // "على" after "بعد يومين": also an event anchor ("بعد يومين على الهجوم").
  bool AnchorWord(size_t i) const {
    if (i >= Size()) return false;
    static const std::string kAla = [] {
      std::string k;
      Analyzer().AppendMatchForm("على", &k);
      return k;
    }();
    return doc_.Key(i) == kAla;
  }

  // ---- weekdays ------------------------------------------------------------------------

  // "يوم الخميس", "الخميس الماضي", "احد الأسبوع الماضي", "الاثنين 18 شباط",
  // "يوم الثلاثاء الموافق 5 / 8 / 2008", "السبت السادس عشر", "الثلاثاء الثالث من شهر أيلول".
  std::optional<Parse> WeekdayExpr(size_t i, bool allow_proclitic) const {
    uint32_t skip = 0;
    size_t j = i;
    // "هذا الاثنين": this one, as the bias points.
    if (auto t = Word(i, K::kThis, allow_proclitic)) {
      skip = t->skip_bytes;
      j = t->end_token;
    }
    const bool this_word = j != i;
    j = SkipDayWord(j, allow_proclitic && !this_word, this_word ? &unused_ : &skip);
    const bool day_word = j != i;
    std::optional<DateWordHit> wd = Word(j, K::kWeekday, allow_proclitic && !day_word);
    if (!wd) return std::nullopt;
    if (!day_word && !this_word && i > 0 && Has(i - 1, K::kNotBeforeWeekday, true)) {
      return std::nullopt;  // "سوق الجمعة", "صلاة الجمعة"
    }
    if (!day_word) skip = wd->skip_bytes;
    const int weekday = wd->word.value;
    size_t k = wd->end_token;
    const bool weak = wd->word.weak;
    std::optional<Parse> best;
    auto consider = [&](std::optional<Parse> p) {
      if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
    };
    // "الخميس الماضي" / "الثلاثاء القادم": the previous / next one, today excluded.
    if (auto rel = Word(k, K::kRel); rel && rel->word.value != 0) {
      DateOut out;
      out.timex = "XXXX-WXX-" + std::to_string(weekday);
      if (ref_) {
        CivilDate d = WeekdayNear(*ref_, weekday, rel->word.value > 0, true);
        out.timex = FormatDay(d);
        out.span = DaySpan(d);
      }
      consider(Parse{rel->end_token, skip, std::move(out)});
    }
    // "أحد الأسبوع الماضي", "الخميس من الأسبوع المقبل", "جمعة هذا الأسبوع".
    {
      size_t m = k;
      if (auto f = Word(m, K::kRangeFrom); f && f->end_token == m + 1) ++m;
      std::optional<int> offset;
      size_t end = 0;
      if (auto u = Word(m, K::kUnitDef);
          u && u->word.value == static_cast<int>(DateUnit::kWeek) && u->word.value2 == 1) {
        if (auto rel = Word(u->end_token, K::kRel)) {
          offset = rel->word.value;
          end = rel->end_token;
        }
      } else if (auto t = Word(m, K::kThis)) {
        if (auto u2 = Word(t->end_token, K::kUnitDef);
            u2 && u2->word.value == static_cast<int>(DateUnit::kWeek)) {
          offset = 0;
          end = u2->end_token;
        }
      }
      if (offset) {
        DateOut out;
        out.timex = "XXXX-WXX-" + std::to_string(weekday);
        if (ref_) {
          CivilDate d = AddDays(WeekStart(AddDays(*ref_, 7 * *offset)), weekday - 1);
          out.timex = FormatDay(d);
          out.span = DaySpan(d);
        }
        consider(Parse{static_cast<uint32_t>(end), skip, std::move(out)});
      }
    }
    // A calendar date after the weekday: "الاثنين 18 شباط", "الخميس، 27 فبراير 2025",
    // "يوم الثلاثاء الموافق 5 / 8 / 2008", "يوم السبت 21/09".
    // (A word ordinal right after the weekday is the ordinal branch's below.)
    if (std::optional<Num> o = NumberAt(k); !(o && o->ordinal)) {
      size_t m = k;
      if (IsComma(m)) ++m;
      if (Has(m, K::kDateCue)) ++m;
      std::optional<AbsParse> date = DayMonth(m, false);
      if (auto n = Numeric(m, false, /*allow_two=*/true);
          n && (!date || n->end_token > date->end_token)) {
        date = n;
      }
      if (date) {
        if (auto p = ToParse(*date)) consider(Parse{p->end_token, skip, std::move(p->out)});
      }
    }
    // An ordinal after the weekday: "السبت السادس عشر" (the 16th), "الثلاثاء الثالث من شهر
    // أيلول" (the third Tuesday, unless the 3rd of that month is a Tuesday).
    if (std::optional<Num> n = NumberAt(k); n && n->ordinal && n->value >= 1 && n->value <= 31) {
      size_t m = n->end;
      std::optional<MonthRef> month;
      if (auto f = Word(m, K::kRangeFrom); f && f->end_token == m + 1) {
        month = Month(m + 1, false);
      }
      if (month && !month->month_offset && month->calendar == Calendar::kGregorian) {
        Abs a;
        a.month = month->month;
        size_t end = month->end_token;
        if (auto y = TrailingYear(end)) {
          ApplyYear(*y, &a);
          end = y->end_token;
        }
        Abs as_day = a;
        as_day.day = n->value;
        std::optional<DateOut> day_out = Finalize(as_day);
        bool day_fits = day_out && day_out->span && IsoWeekday(day_out->span->first) == weekday;
        if (!day_fits && n->value <= 5) {
          Abs as_nth = a;
          as_nth.weekday = weekday;
          as_nth.nth = n->value;
          if (auto out = Finalize(as_nth)) {
            consider(Parse{static_cast<uint32_t>(end), skip, std::move(*out)});
          }
        } else if (day_out) {
          consider(Parse{static_cast<uint32_t>(end), skip, std::move(*day_out)});
        }
      } else if (!month) {
        // "السبت السادس عشر": that day of the month nearest the reference date that falls on
        // that weekday; without a reference, the day of an unknown month.
        DateOut out;
        out.timex = "XXXX-XX-" + Pad2(n->value);
        if (ref_) {
          for (int back = 0; back < 24; ++back) {
            const int step = Future() ? back : -back;
            CivilDate m1 = AddMonths(CivilDate{ref_->year, ref_->month, 1}, step);
            if (n->value > DaysInMonth(m1.year, m1.month)) continue;
            CivilDate d{m1.year, m1.month, n->value};
            if (IsoWeekday(d) != weekday) continue;
            if (Future() ? DaysBetween(*ref_, d) < 0 : DaysBetween(d, *ref_) < 0) continue;
            out.timex = FormatDay(d);
            out.span = DaySpan(d);
            break;
          }
        }
        consider(Parse{n->end, skip, std::move(out)});
      }
    }
    // "آخر / الأخير"? — handled by NthExpr. A bare weekday, with the bias.
    if (!weak || day_word) {
      Abs a;
      a.weekday = weekday;
      if (auto out = Finalize(a)) consider(Parse{static_cast<uint32_t>(k), skip, std::move(*out)});
    }
    return best;
  }

  // "ثالث ثلاثاء في أيلول 2014", "آخر اثنين من شهر آذار", "آخر يوم بشهر عشرة سنة 2015",
  // "آخر أسبوع في سبتمبر لعام 2014", "الثلاثاء الأخير من شهر مارس", "اليوم الأخير من شهر
  // عشرة", "الأسبوع الأخير في الشهر التاسع".
  std::optional<Parse> NthExpr(size_t i, bool allow_proclitic) const {
    int nth = 0;
    int weekday = 0;
    bool day = false;
    bool week = false;
    size_t j = i;
    uint32_t skip = 0;
    if (auto n = Word(i, K::kNth, allow_proclitic)) {
      nth = n->word.value;
      skip = n->skip_bytes;
      j = n->end_token;
      uint32_t s2 = 0;
      size_t k = SkipDayWord(j, false, &s2);
      if (auto wd = Word(k, K::kWeekday)) {
        weekday = wd->word.value;
        j = wd->end_token;
      } else if (k != j && nth == -1) {
        day = true;
        j = k;
      } else if (auto w = Word(j, K::kWeekWord); w && nth == -1) {
        week = true;
        j = w->end_token;
      } else {
        return std::nullopt;
      }
    } else {
      // weekday / day / week followed by الأخير
      std::optional<DateWordHit> head = Word(i, K::kWeekday, allow_proclitic, false);
      if (head) {
        weekday = head->word.value;
      } else if ((head = Word(i, K::kUnitDef, allow_proclitic)) && head->word.value2 == 1 &&
                 (head->word.value == static_cast<int>(DateUnit::kDay) ||
                  head->word.value == static_cast<int>(DateUnit::kWeek))) {
        day = head->word.value == static_cast<int>(DateUnit::kDay);
        week = !day;
      } else {
        return std::nullopt;
      }
      skip = head->skip_bytes;
      auto last = Word(head->end_token, K::kLast);
      if (!last) return std::nullopt;
      nth = -1;
      j = last->end_token;
    }
    // "ثالث ثلاثاء بعد كريسماس 2014", "أول جمعة بعد عيد الفطر": counted from a day.
    if (weekday != 0 && nth > 0) {
      if (auto shift = Word(j, K::kShift); shift && shift->end_token == j + 1) {
        if (std::optional<Parse> anchor = Single(j + 1, false);
            anchor && anchor->out.span && anchor->out.span->first == anchor->out.span->last) {
          const CivilDate from = anchor->out.span->first;
          const bool after = shift->word.value > 0;
          CivilDate d = WeekdayNear(from, weekday, after, /*strict=*/true);
          d = AddDays(d, (after ? 7 : -7) * (nth - 1));
          DateOut out;
          out.timex = FormatDay(d);
          out.span = DaySpan(d);
          return Parse{anchor->end_token, skip, std::move(out)};
        }
      }
    }
    // (من | في | ب) month
    std::optional<MonthRef> month;
    if (auto f = Word(j, K::kRangeFrom); f && f->end_token == j + 1) {
      month = Month(j + 1, false);
    } else if (auto c = Word(j, K::kCue); c && c->end_token == j + 1) {
      month = Month(j + 1, false);
    } else {
      month = Month(j, true);
    }
    if (!month || month->calendar != Calendar::kGregorian) return std::nullopt;
    Abs a;
    if (month->month_offset) {
      a.month_offset = month->month_offset;
    } else {
      a.month = month->month;
    }
    size_t end = month->end_token;
    if (auto y = TrailingYear(end)) {
      ApplyYear(*y, &a);
      end = y->end_token;
    } else if (auto c = Word(end, K::kCue); c && c->end_token == end + 1) {
      if (auto y2 = Year(end + 1, true, true)) {
        ApplyYear(*y2, &a);
        end = y2->end_token;
      }
    }
    if (weekday != 0) {
      a.weekday = weekday;
      a.nth = nth;
    } else if (day) {
      if (nth != -1) return std::nullopt;
      a.last_day = true;
    } else if (week) {
      a.last_week = true;
    }
    std::optional<DateOut> out = Finalize(a);
    if (!out) return std::nullopt;
    return Parse{static_cast<uint32_t>(end), skip, std::move(*out)};
  }

  // "الربع الأول من العام الحالي" (2025-Q1), "النصف الثاني من 2024" (2024-H2).
  std::optional<Parse> YearFraction(size_t i, bool allow_proclitic) const {
    auto w = Word(i, K::kYearFraction, allow_proclitic);
    if (!w) return std::nullopt;
    const int parts = w->word.value;
    std::optional<Num> n = NumberAt(w->end_token);
    if (!n || !n->ordinal || n->value < 1 || n->value > parts) return std::nullopt;
    size_t j = n->end;
    if (auto f = Word(j, K::kRangeFrom); f && f->word.value == 0 && f->end_token == j + 1) ++j;
    std::optional<YearRef> y = Year(j, false, false);
    if (!y || y->era == Calendar::kHijri || y->bc) return std::nullopt;
    const int year = y->offset ? (ref_ ? ref_->year + *y->offset : 0) : y->year;
    const int months = 12 / parts;
    const int first = (n->value - 1) * months + 1;
    const std::string suffix = (parts == 4 ? "-Q" : "-H") + std::to_string(n->value);
    DateOut out;
    if (year == 0) {
      out.timex = "XXXX" + suffix;
    } else {
      const int last = first + months - 1;
      out.timex = FormatYear(year) + suffix;
      out.span = Span{CivilDate{year, first, 1}, CivilDate{year, last, DaysInMonth(year, last)},
                      Grain::kMonth};
    }
    return Parse{y->end_token, w->skip_bytes, std::move(out)};
  }

  // ---- decades, centuries, holidays --------------------------------------------------

  // "الثمانينيات", "ثمانينيات القرن الماضي", "التسعينات من القرن العشرين", "القرن التاسع عشر",
  // "القرن الـ21", "القرن الماضي".
  std::optional<Parse> DecadeOrCentury(size_t i, bool allow_proclitic) const {
    if (auto d = Word(i, K::kDecade, allow_proclitic)) {
      size_t j = d->end_token;
      if (auto f = Word(j, K::kRangeFrom); f && f->end_token == j + 1) ++j;
      int century = 0;  // 0-based hundreds: 19 for the twentieth century
      size_t end = d->end_token;
      if (auto c = CenturyAt(j)) {
        century = c->first;
        end = c->second;
      }
      if (century < 0) return std::nullopt;
      if (century == 0) century = 19;  // a decade alone: of the twentieth century
      const int start = century * 100 + d->word.value * 10;
      DateOut out;
      out.timex = std::to_string(start / 10);
      out.span = Span{CivilDate{start, 1, 1}, CivilDate{start + 9, 12, 31}, Grain::kYear};
      return Parse{static_cast<uint32_t>(end), d->skip_bytes, std::move(out)};
    }
    if (!Has(i, K::kCenturyWord, allow_proclitic)) return std::nullopt;
    auto w = Word(i, K::kCenturyWord, allow_proclitic);
    auto c = CenturyAt(i);
    if (!c || c->first <= 0) return std::nullopt;
    DateOut out;
    const int start = c->first * 100;
    out.timex = std::to_string(c->first);
    out.span = Span{CivilDate{start, 1, 1}, CivilDate{start + 99, 12, 31}, Grain::kYear};
    return Parse{c->second, w->skip_bytes, std::move(out)};
  }

  // "القرن العشرين" → {19, end}; "القرن الماضي" from the reference date; {-1, end} when the
  // century is relative and no reference date is known.
  std::optional<std::pair<int, uint32_t>> CenturyAt(size_t i) const {
    auto w = Word(i, K::kCenturyWord, true);
    if (!w) return std::nullopt;
    size_t j = w->end_token;
    if (auto rel = Word(j, K::kRel)) {
      if (!ref_) return std::make_pair(-1, rel->end_token);
      return std::make_pair(ref_->year / 100 + rel->word.value, rel->end_token);
    }
    // "القرن الـ21": the article written apart from the digits.
    if (j < Size() && IsKind(j, TokenKind::kArabicWord) && IsKind(j + 1, TokenKind::kNumber) &&
        doc_.tokens[j + 1].glued_to_previous) {
      ++j;
    }
    std::optional<Num> n = NumberAt(j);
    if (!n || n->value < 1 || n->value > 21) return std::nullopt;
    return std::make_pair(n->value - 1, n->end);
  }

  // "عيد الأضحى 2013", "عيد الفطر", "رأس السنة الهجرية".
  std::optional<Parse> Holiday(size_t i, bool allow_proclitic) const {
    auto h = Word(i, K::kHoliday, allow_proclitic);
    if (!h) return std::nullopt;
    Abs a;
    a.calendar = h->word.value == 1 ? Calendar::kHijri : Calendar::kGregorian;
    a.month = h->word.value2 / 100;
    a.day = h->word.value2 % 100;
    size_t end = h->end_token;
    if (auto y = TrailingYear(end)) {
      if (a.calendar == Calendar::kHijri && y->era != Calendar::kHijri && y->year > 1600) {
        // A Gregorian year: the holiday as it falls in that year.
        for (int hy = (y->year - 622) * 33 / 32 - 2; hy <= (y->year - 622) * 33 / 32 + 2; ++hy) {
          auto d = HijriToG(hy, a.month, a.day);
          if (d && d->year == y->year) {
            a.year = hy;
            a.year_said = true;
            break;
          }
        }
        if (a.year == 0) return std::nullopt;
      } else {
        ApplyYear(*y, &a);
      }
      end = y->end_token;
    }
    std::optional<DateOut> out = Finalize(a);
    if (!out) return std::nullopt;
    return Parse{static_cast<uint32_t>(end), h->skip_bytes, std::move(*out)};
  }

  // ---- ranges --------------------------------------------------------------------------

  // "من 13 إلى 15 تموز", "بين عامي 2001 و2005", "1936 - 1939", "من عام 2001 إلى عام 2005",
  // "بين يناير ومارس", "اغسطس 27 الى 29", "من 27-29 من الشهر الثامن".
  std::optional<Parse> Range(size_t i) const {
    size_t j = i;
    uint32_t skip = 0;
    bool from_word = false;
    bool between = false;
    if (auto f = Word(i, K::kRangeFrom, true)) {
      from_word = true;
      skip = f->skip_bytes;
      between = f->word.value == 1;  // بين (takes و, not إلى)
      j = f->end_token;
    }
    // "بين عامي 2001 و2005", "عامي 2001 و 2005"
    if (auto w = Word(j, K::kYearWord, !from_word); w && w->word.value2 == 2) {
      auto a = YearNumber(w->end_token, true, false);
      if (!a) return std::nullopt;
      std::optional<YearRef> b;
      if (auto c = Word(a->end_token, K::kRangeAnd); c) b = YearNumber(c->end_token, true, false);
      if (!b) return std::nullopt;
      if (!from_word) skip = w->skip_bytes;
      return YearRange(*a, *b, skip);
    }
    // "عام 1931/1932", "عام ( 1931 / 1932 )": a season or fiscal year across two years.
    if (auto w = Word(j, K::kYearWord, !from_word); w && w->word.value2 == 0) {
      size_t k = w->end_token;
      const bool paren = IsPunct(k, "(");
      if (paren) ++k;
      std::optional<int> y1, y2;
      size_t e = k;
      if (IsKind(k, TokenKind::kNumber)) {
        const std::string_view key = doc_.Key(k);
        if (key.size() == 9 && key[4] == '/') {
          y1 = Digits(key.substr(0, 4));
          y2 = Digits(key.substr(5));
          e = k + 1;
        } else if (key.size() == 4 && IsSlash(k + 1) && IsKind(k + 2, TokenKind::kNumber) &&
                   doc_.Key(k + 2).size() == 4) {
          y1 = Digits(key);
          y2 = Digits(doc_.Key(k + 2));
          e = k + 3;
        }
      }
      if (y1 && y2 && *y2 == *y1 + 1 && (!paren || IsPunct(e, ")"))) {
        YearRef a, b;
        a.year = *y1;
        b.year = *y2;
        b.end_token = static_cast<uint32_t>(paren ? e + 1 : e);
        if (auto era = Era(b.end_token)) {
          a.era = b.era = era->word.value == 1 ? Calendar::kHijri : Calendar::kGregorian;
          b.end_token = era->end_token;
        }
        return YearRange(a, b, from_word ? skip : w->skip_bytes);
      }
    }
    // "اغسطس 27 الى 29"
    if (auto m = Month(j, !from_word); m && !m->month_offset) {
      std::optional<Num> d1 = DayNumber(m->end_token);
      if (d1 && !d1->words && Word(d1->end, K::kRangeTo)) {
        auto to = Word(d1->end, K::kRangeTo);
        std::optional<Num> d2 = DayNumber(to->end_token);
        if (d2 && d2->value > d1->value) {
          Abs a;
          a.calendar = m->calendar;
          a.month = m->month;
          size_t end = d2->end;
          if (auto y = TrailingYear(end)) {
            ApplyYear(*y, &a);
            end = y->end_token;
          }
          Abs b = a;
          a.day = d1->value;
          b.day = d2->value;
          return Combine(a, b, static_cast<uint32_t>(end), from_word ? skip : m->skip_bytes);
        }
      }
    }
    // "1936 - 1939": two years around a spaced dash.
    if (IsKind(j, TokenKind::kNumber) && doc_.Key(j).size() == 4 && IsDash(j + 1) &&
        IsKind(j + 2, TokenKind::kNumber) && doc_.Key(j + 2).size() == 4) {
      auto y1 = Digits(doc_.Key(j));
      auto y2 = Digits(doc_.Key(j + 2));
      if (y1 && y2 && *y1 >= 1000 && *y2 > *y1 && *y2 <= 2200) {
        YearRef a, b;
        a.year = *y1;
        b.year = *y2;
        b.end_token = static_cast<uint32_t>(j + 3);
        if (auto e = Era(j + 3)) {
          a.era = b.era = e->word.value == 1 ? Calendar::kHijri : Calendar::kGregorian;
          b.end_token = e->end_token;
        }
        return YearRange(a, b, skip);
      }
    }
    // "من 27-29 من الشهر الثامن", "27-29 تموز"
    if (IsKind(j, TokenKind::kNumber)) {
      std::string_view key = doc_.Key(j);
      size_t dash = key.find('-');
      if (dash != std::string_view::npos && key.find('-', dash + 1) == std::string_view::npos) {
        auto d1 = Digits(key.substr(0, dash));
        auto d2 = Digits(key.substr(dash + 1));
        if (d1 && d2) {
          if (key.size() == 9 && *d1 >= 1000 && *d2 > *d1 && *d2 <= 2200) {
            // "1936-1939"
            YearRef a, b;
            a.year = *d1;
            b.year = *d2;
            b.end_token = static_cast<uint32_t>(j + 1);
            if (auto e = Era(j + 1)) {
              a.era = b.era = e->word.value == 1 ? Calendar::kHijri : Calendar::kGregorian;
              b.end_token = e->end_token;
            }
            if (from_word || Has(j > 0 ? j - 1 : Size(), K::kCue, true) || b.end_token >= Size() ||
                IsKind(b.end_token, TokenKind::kPunctuation) || b.era) {
              return YearRange(a, b, skip);
            }
            return std::nullopt;
          }
          if (*d1 >= 1 && *d2 <= 31 && *d2 > *d1 && key.size() <= 5) {
            size_t k = j + 1;
            if (auto f = Word(k, K::kRangeFrom); f && f->end_token == k + 1) ++k;
            std::optional<MonthRef> m = Month(k, false);
            if (m) {
              Abs a;
              a.calendar = m->calendar;
              if (m->month_offset) {
                a.month_offset = m->month_offset;
              } else {
                a.month = m->month;
              }
              size_t end = m->end_token;
              if (auto y = TrailingYear(end)) {
                ApplyYear(*y, &a);
                end = y->end_token;
              }
              Abs b = a;
              a.day = *d1;
              b.day = *d2;
              return Combine(a, b, static_cast<uint32_t>(end), skip);
            }
          }
        }
      }
    }
    // General: X (إلى | حتى | و | -) Y, where X may lack the month or year that Y gives.
    std::optional<AbsParse> left;
    std::optional<Num> left_day;
    if (auto c = CalendarDate(j, !from_word)) left = c;
    if (!left) {
      left_day = DayNumber(j, !from_word);
      if (!left_day) return std::nullopt;
    }
    size_t k = left ? left->end_token : left_day->end;
    // The connector.
    size_t right_start = 0;
    bool right_proclitic = false;
    if (auto t = Word(k, K::kRangeTo, true)) {
      if (between) return std::nullopt;
      right_start = t->end_token;
    } else if (IsDash(k)) {
      if (between) return std::nullopt;
      right_start = k + 1;
    } else if (between || from_word) {
      if (auto c = Word(k, K::kRangeAnd, true); c && c->end_token == k + 1 && c->skip_bytes == 0) {
        right_start = k + 1;
      } else if (between) {
        // "ومارس", "و2005": the conjunction glued to the next word.
        right_start = k;
        right_proclitic = true;
      }
    }
    if (right_start == 0) return std::nullopt;
    if (!from_word && !left) return std::nullopt;  // "13 إلى 15 تموز" needs من
    if (!from_word && left && left->abs.day == 0 && left->abs.month == 0 && !IsDash(k)) {
      // "2001 إلى 2005" without من: too easily a count.
      return std::nullopt;
    }
    std::optional<AbsParse> right = CalendarDate(right_start, right_proclitic);
    if (right_proclitic && right && right->skip_bytes == 0) return std::nullopt;
    if (!right) {
      // "من 2001 إلى 2005": a bare year on the right.
      if (auto y = YearNumber(right_start, false, right_proclitic)) {
        AbsParse p;
        p.end_token = y->end_token;
        ApplyYear(*y, &p.abs);
        right = p;
      } else if (left && left->abs.day != 0) {
        // "من 13 تموز إلى 15 منه"? Not handled.
        return std::nullopt;
      } else {
        return std::nullopt;
      }
    }
    Abs a;
    if (left) {
      a = left->abs;
    } else {
      a = right->abs;
      a.day = left_day->value;
      if (right->abs.day == 0) return std::nullopt;
    }
    Abs b = right->abs;
    // The left side borrows what only the right side says.
    if (a.year == 0 && !a.year_offset && (b.year != 0 || b.year_offset) &&
        (a.month != 0 || a.day != 0)) {
      a.year = b.year;
      a.year_said = b.year_said;
      a.year_offset = b.year_offset;
      if (a.calendar != b.calendar && a.month != 0) return std::nullopt;
    }
    if (!from_word && left) skip = left->skip_bytes;
    return Combine(a, b, right->end_token, skip);
  }

  std::optional<Parse> YearRange(const YearRef& ya, const YearRef& yb, uint32_t skip) const {
    Abs a, b;
    ApplyYear(ya, &a);
    ApplyYear(yb, &b);
    if (yb.era == Calendar::kHijri) a.calendar = b.calendar = Calendar::kHijri;
    if (b.year <= a.year) return std::nullopt;
    return Combine(a, b, yb.end_token, skip);
  }

  std::optional<Parse> Combine(const Abs& a, const Abs& b, uint32_t end, uint32_t skip) const {
    std::optional<DateOut> x = Finalize(a);
    std::optional<DateOut> y = Finalize(b);
    if (!x || !y) return std::nullopt;
    DateOut out;
    out.calendar = x->calendar == y->calendar ? x->calendar : Calendar::kGregorian;
    out.timex = x->timex + "/" + y->timex;
    if (x->span && y->span) {
      if (DaysBetween(x->span->first, y->span->last) < 0) return std::nullopt;
      // Bounds keep their own grain; a single grain is used when both share it.
      if (x->span->grain == y->span->grain) {
        out.span = Span{x->span->first, y->span->last, x->span->grain};
      } else {
        out.span = Span{x->span->first, y->span->last, Grain::kDay};
      }
    }
    return Parse{end, skip, std::move(out)};
  }

  const Document& doc_;
  const DateLexicon& lex_;
  const NumberParser& numbers_;
  std::optional<CivilDate> ref_;
  DateBias bias_;
  HijriCalendar hijri_;
  // Whether the document's lexicon bits are the shared vocabulary's and it holds the date words
  // (always, in the pipeline).
  bool shared_vocabulary_;
  mutable uint32_t unused_ = 0;

  struct HitSlot {
    // 1 + the index in hit_pool_ of the token's first hit; 0 until the token is looked up, so
    // that a document's slots start as zeros (one memset, not a store per token).
    uint32_t begin = 0;
    uint16_t plain = 0;  // hits of the token as written
    uint16_t all = 0;    // and of its readings without proclitics
    uint32_t kinds = 0;  // Bit() of the kind of each of the `all` hits
  };
  mutable std::vector<HitSlot> hit_slots_;  // by token
  mutable std::vector<DateWordHit> hit_pool_;
  static constexpr size_t kHitPoolStart = 64;
  // Number parses, direct-mapped by token (a few tokens around the attempt are in use at once).
  // The caches are tagged with token + 1 (0: empty), so that they start as zeros: set up by a
  // memset per document rather than a store per field.
  struct NumSlot {
    size_t tag = 0;
    std::optional<Num> num;
  };
  static constexpr size_t kNumSlots = 32;
  mutable NumSlot num_slots_[2][kNumSlots];  // by proclitic mode, then token % kNumSlots
  struct CalendarMemo {
    size_t tag = 0;
    bool allow_proclitic = false;
    std::optional<AbsParse> parse;
  };
  static constexpr size_t kCalendarMemoSize = 4;
  mutable CalendarMemo calendar_memo_[kCalendarMemoSize];
  mutable size_t calendar_memo_next_ = 0;
};

}  // namespace

DateMatcher::DateMatcher() {
  // Build the shared tables now rather than on the first Propose().
  (void)DateLexicon::Get();
  (void)NumberParser::Get();
  (void)HijriMonthLength(1446, 9, HijriCalendar::kUmmAlQura);  // parses the Umm al-Qura table
}

void DateMatcher::Propose(const Document& doc, const Options& options,
                          std::vector<Candidate>* out) const {
  Grammar(doc, options).Run(out);
}

}  // namespace kashif::internal
