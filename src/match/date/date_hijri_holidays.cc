#include "match/date/date_grammar.h"

namespace kashif::internal::date_grammar {

std::optional<CivilDate> Grammar::HijriToG(int y, int m, int d) const {
  return HijriToGregorian(HijriDate{y, m, d}, hijri_);
}

std::optional<Span> Grammar::HijriMonthSpan(int y, int m) const {
  const int len = HijriMonthLength(y, m, hijri_);
  auto a = HijriToG(y, m, 1);
  if (!a || len == 0) return std::nullopt;
  return Span{*a, AddDays(*a, len - 1), Grain::kDay};
}

std::optional<Span> Grammar::HijriYearSpan(int y) const {
  auto a = HijriToG(y, 1, 1);
  auto b = HijriToG(y + 1, 1, 1);
  if (!a || !b) return std::nullopt;
  return Span{*a, AddDays(*b, -1), Grain::kDay};
}

int Grammar::HijriYearFor(int m, int d, bool future) const {
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

std::optional<DateOut> Grammar::FinalizeHijri(Abs a, bool dated_relative) const {
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
  if (a.year == 0 && a.this_year && ref_) {
    if (auto h = GregorianToHijri(*ref_, hijri_)) a.year = h->year;
  }
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
  if (a.part && out.span) {
    // As for a Gregorian month: days 1-10, the 15th, days 21 to the end.
    const CivilDate first = out.span->first;
    const CivilDate last = out.span->last;
    if (*a.part == DatePart::kEarly) {
      out.span = Span{first, AddDays(first, 9), Grain::kDay};
    } else if (*a.part == DatePart::kMid) {
      out.span = DaySpan(AddDays(first, 14));
    } else {
      out.span = Span{AddDays(first, 20), last, Grain::kDay};
    }
  }
  return out;
}

// "عيد الأضحى 2013", "عيد الفطر", "رأس السنة الهجرية", "عيد الأضحى المقبل", "عيد الفصح 2024".
std::optional<Parse> Grammar::Holiday(size_t i, bool allow_proclitic, int day_index) const {
  auto h = Word(i, K::kHoliday, allow_proclitic);
  if (!h) return std::nullopt;
  size_t end = h->end_token;
  // "عيد الميلاد الثمانين", "عيد الميلاد الـ80": a birthday, not Christmas.
  if (h->word.weak && IsKind(end, TokenKind::kArabicWord) &&
      (NumberLike(end) || (doc_.Key(end) == kArticle && NumberLike(end + 1)))) {
    return std::nullopt;
  }
  std::optional<YearRef> y = TrailingYear(end);
  // "حفل عيد الميلاد" is a birthday party: the weak name needs a year or a preposition.
  if (h->word.weak && !y && !CueBefore(i)) return std::nullopt;
  Abs a;
  if (y) {
    end = y->end_token;
  } else {
    end = TrailingDirection(end, &a);
  }
  if (h->word.holiday == HolidayRule::kWesternEaster ||
      h->word.holiday == HolidayRule::kOrthodoxEaster) {
    std::optional<DateOut> out = Easter(h->word.holiday, y, a.direction);
    if (!out) return std::nullopt;
    if (day_index != 0) {
      if (!out->span) return std::nullopt;
      const CivilDate d = AddDays(out->span->first, day_index);
      out->timex = FormatDay(d);
      out->span = DaySpan(d);
    }
    return Parse{static_cast<uint32_t>(end), h->skip_bytes, std::move(*out)};
  }
  a.calendar = h->word.holiday == HolidayRule::kHijri ? Calendar::kHijri : Calendar::kGregorian;
  a.month = h->word.month;
  a.day = h->word.day + day_index;
  if (y) {
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
  }
  std::optional<DateOut> out = Finalize(a);
  if (!out) return std::nullopt;
  return Parse{static_cast<uint32_t>(end), h->skip_bytes, std::move(*out)};
}

// Easter Sunday of the year the text gives, else the one the direction or the bias points to
// from the reference date (the text's direction excludes the reference day itself).
std::optional<DateOut> Grammar::Easter(HolidayRule rule, const std::optional<YearRef>& y,
                                       int direction) const {
  auto easter = [rule](int year) {
    return rule == HolidayRule::kWesternEaster ? WesternEaster(year) : OrthodoxEaster(year);
  };
  DateOut out;
  std::optional<CivilDate> d;
  if (y) {
    if (y->era == Calendar::kHijri || y->bc) return std::nullopt;
    const int year = y->offset ? (ref_ ? ref_->year + *y->offset : 0) : y->year;
    if (year != 0 && year < 1583) return std::nullopt;
    if (year != 0) d = easter(year);
  } else if (ref_) {
    const bool forward = direction != 0 ? direction > 0 : Future();
    for (int year = ref_->year - 1; year <= ref_->year + 1; ++year) {
      const CivilDate e = easter(year);
      const int64_t days = DaysBetween(*ref_, e);
      const bool on_side = forward ? (days > 0 || (days == 0 && direction == 0))
                                   : (days < 0 || (days == 0 && direction == 0));
      if (!on_side) continue;
      if (!d || (forward ? DaysBetween(e, *d) > 0 : DaysBetween(*d, e) > 0)) d = e;
    }
  }
  if (!d) {
    out.timex = "XXXX-XX-XX";
    return out;
  }
  out.timex = FormatDay(*d);
  out.span = DaySpan(*d);
  return out;
}

}  // namespace kashif::internal::date_grammar
