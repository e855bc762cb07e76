// Calendar arithmetic for the date matcher: proleptic Gregorian day numbers, ISO weeks, and
// Hijri <-> Gregorian conversion. Umm al-Qura dates of 1343-1500 AH follow the published
// calendar (data/hijri_ummalqura.tsv, where ICU's built-in table is off by a day on many
// months); other years and the civil calendar use ICU's Islamic calendars.
//
// Thread safety: every function is safe to call concurrently (ICU calendars are created per
// call from a shared, immutable prototype).
#ifndef KASHIF_SRC_MATCH_DATE_DATE_CALENDAR_H_
#define KASHIF_SRC_MATCH_DATE_DATE_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_date.h"
#include "kashif/kashif.h"

namespace kashif::internal {

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);
CivilDate AddDays(const CivilDate& date, int64_t days);
int64_t DaysBetween(const CivilDate& from, const CivilDate& to);  // to - from
// IsLeapYear() and DaysInMonth() come from core/civil_date.h.
bool IsValidCivil(int year, int month, int day);
// ISO weekday: Monday 1 .. Sunday 7.
int IsoWeekday(const CivilDate& date);
// The ISO week-numbering year and week of `date`.
void IsoWeek(const CivilDate& date, int* iso_year, int* week);
// The Monday that starts the ISO week containing `date`.
CivilDate WeekStart(const CivilDate& date);
// Adds months keeping the day where the target month allows (Jan 31 + 1 month = Feb 28/29).
CivilDate AddMonths(const CivilDate& date, int months);
// Easter Sunday of a Gregorian year (1583 on), as a Gregorian date: by the Gregorian computus
// (the Western churches) or by the Julian one (the Orthodox churches).
CivilDate WesternEaster(int year);
CivilDate OrthodoxEaster(int year);

// Appends v in decimal, zero-padded to `width` characters the way printf's "%0<width>d" pads
// (a minus sign counts toward the width: -5 → "-005" for 4), without printf's cost.
void AppendZeroPadded(int v, int width, std::string* out);

// "YYYY-MM-DD", "YYYY-MM", "YYYY", "YYYY-Www" (the ISO week that contains the day).
std::string FormatDay(const CivilDate& date);
std::string FormatMonth(int year, int month);
std::string FormatYear(int year);
std::string FormatIsoWeek(const CivilDate& any_day_in_week);

struct HijriDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-30
};

// The Gregorian day of a Hijri date, or nullopt when the day does not exist in that month (day
// 30 of a 29-day month) or ICU cannot compute it.
std::optional<CivilDate> HijriToGregorian(const HijriDate& hijri, HijriCalendar calendar);
std::optional<HijriDate> GregorianToHijri(const CivilDate& date, HijriCalendar calendar);
// The number of days of a Hijri month (29 or 30; a few historical Umm al-Qura months have 28 or
// 31); 0 if unknown.
int HijriMonthLength(int year, int month, HijriCalendar calendar);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_DATE_DATE_CALENDAR_H_
