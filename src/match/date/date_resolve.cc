#include "match/date/date_grammar.h"

namespace kashif::internal::date_grammar {

// The weekday `wd` on or before (past) / on or after (future) the reference date.
CivilDate Grammar::WeekdayNear(const CivilDate& ref, int wd, bool future, bool strict) const {
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

// The nth (1..5, -1 last) weekday of a month; nullopt if the month has no such day.
std::optional<CivilDate> Grammar::NthWeekday(int y, int m, int wd, int nth) {
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
int Grammar::YearFor(int m, int d, bool future) const {
  if (!ref_) return 0;
  int y = ref_->year;
  if (future) {
    if (Before(m, d == 0 ? 1 : d, ref_->month, d == 0 ? 1 : ref_->day)) ++y;
  } else {
    if (Before(ref_->month, d == 0 ? 1 : ref_->day, m, d == 0 ? 1 : d)) --y;
  }
  return y;
}

// The year nearest the reference date in which a.month / a.day falls on a.day_weekday ("الجمعة
// 11 أبريل" is the 11 April that is a Friday); 0 when none is near or nothing is known.
int Grammar::YearWithWeekday(const Abs& a) const {
  if (!ref_ || a.day == 0 || a.month == 0 || a.calendar != Calendar::kGregorian) return 0;
  int best = 0;
  int64_t best_distance = 0;
  for (int y = ref_->year - 6; y <= ref_->year + 6; ++y) {
    if (!IsValidCivil(y, a.month, a.day)) continue;
    const CivilDate d{y, a.month, a.day};
    if (IsoWeekday(d) != a.day_weekday) continue;
    const int64_t days = DaysBetween(*ref_, d);
    const int64_t distance = days < 0 ? -days : days;
    // Equally near both ways: the way the text or the bias points.
    if (best == 0 || distance < best_distance ||
        (distance == best_distance && (days > 0) == Forward(a))) {
      best = y;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<DateOut> Grammar::Finalize(Abs a) const {
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
    if (!ref_) {
      // "20 من الشهر القادم" without a reference date: the day of an unknown month.
      if (a.weekday != 0 || a.week_of_month != 0 || a.last_day || a.part) return std::nullopt;
      out.timex = a.day != 0 ? "XXXX-XX-" + Pad2(a.day) : "XXXX-XX";
      return out;
    }
    CivilDate m = AddMonths(CivilDate{ref_->year, ref_->month, 1}, *a.month_offset);
    a.year = m.year;
    a.month = m.month;
  }
  if (a.this_year && a.year == 0 && ref_ && a.calendar == Calendar::kGregorian) {
    a.year = ref_->year;
  }
  if (a.day_weekday != 0 && a.year == 0) a.year = YearWithWeekday(a);
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
      out.span = Span{CivilDate{a.year, first, 1},
                      CivilDate{a.year, first + 3, DaysInMonth(a.year, first + 3)}, Grain::kMonth};
    } else {
      out.span = YearSpan(a.year);
    }
    return out;
  }
  // A month is known.
  if (a.bc) return std::nullopt;  // months of BC years are not read
  const bool positional = a.weekday != 0 || a.last_day || a.week_of_month != 0 || a.part;
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
  if (a.week_of_month != 0) {
    // ISO weeks, each belonging to the month that holds its Thursday (as an ISO week belongs to
    // the year that holds its Thursday).
    auto thursday = NthWeekday(a.year, a.month, 4, a.week_of_month);
    if (!thursday) return std::nullopt;
    out.span = WeekSpan(*thursday);
    out.timex = FormatIsoWeek(*thursday);
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

DateOut Grammar::DayOffset(int offset) const {
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
std::optional<DateOut> Grammar::UnitOffset(DateUnit u, int offset,
                                           std::optional<DatePart> part) const {
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
      } else if (part == DatePart::kMid) {
        // The middle of the week: its Wednesday.
        out.timex = FormatIsoWeek(any);
        out.span = DaySpan(AddDays(week.first, 2));
      } else if (part) {
        // The start of the week: Monday and Tuesday.
        out.timex = FormatIsoWeek(any);
        out.span = Span{week.first, AddDays(week.first, 1), Grain::kDay};
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

// The `count` units before (-1) or after (+1) the reference date, the current one excluded.
std::optional<DateOut> Grammar::Several(DateUnit unit, int count, int direction) const {
  DateOut out;
  if (!ref_) {
    out.timex = direction < 0 ? "PAST_REF" : "FUTURE_REF";
    return out;
  }
  // "العقدين الماضيين": the twenty years before this one, not two calendar decades.
  if (unit == DateUnit::kDecade || unit == DateUnit::kCentury) {
    return Several(DateUnit::kYear, count * (unit == DateUnit::kDecade ? 10 : 100), direction);
  }
  std::optional<DateOut> a = UnitOffset(unit, direction < 0 ? -count : 1, std::nullopt);
  std::optional<DateOut> b = UnitOffset(unit, direction < 0 ? -1 : count, std::nullopt);
  if (!a || !b || !a->span || !b->span) return std::nullopt;
  out.timex = a->timex + "/" + b->timex;
  out.span = Span{a->span->first, b->span->last, a->span->grain};
  return out;
}

std::optional<Parse> Grammar::Combine(const Abs& a, const Abs& b, uint32_t end,
                                      uint32_t skip) const {
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

}  // namespace kashif::internal::date_grammar
