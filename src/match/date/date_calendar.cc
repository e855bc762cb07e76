#include "match/date/date_calendar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <string_view>
#include <vector>

#include "data/embedded_data.h"
#include "text/lines.h"

KASHIF_DECLARE_EMBEDDED(hijri_ummalqura);

namespace kashif::internal {
namespace {

// The published Umm al-Qura calendar (data/hijri_ummalqura.tsv): ICU's table disagrees with it
// on many months, so it decides wherever it has the year and ICU serves the years around it.
struct UmmAlQuraTable {
  int first_year = 0;
  // Days since 1970-01-01 of the first day of each month, plus one past the last month.
  std::vector<int64_t> month_starts;

  bool Covers(int year) const {
    return !month_starts.empty() && year >= first_year &&
           (year - first_year + 1) * 12 < static_cast<int>(month_starts.size());
  }
  size_t Index(int year, int month) const { return (year - first_year) * 12 + (month - 1); }
};

// Reads the decimal integer after any blanks at the start of *rest and drops both.
bool NextInt(std::string_view* rest, int* out) {
  size_t i = 0;
  while (i < rest->size() && ((*rest)[i] == ' ' || (*rest)[i] == '\t' || (*rest)[i] == '\r')) ++i;
  const char* end = rest->data() + rest->size();
  const auto [p, ec] = std::from_chars(rest->data() + i, end, *out);
  if (ec != std::errc()) return false;
  rest->remove_prefix(p - rest->data());
  return true;
}

// Drops `c` from the start of *rest, or says it is not there.
bool Skip(char c, std::string_view* rest) {
  if (rest->empty() || rest->front() != c) return false;
  rest->remove_prefix(1);
  return true;
}

// Parses the table; an unreadable row leaves the table empty (ICU then serves every year) and
// the data test catches it.
UmmAlQuraTable ParseUmmAlQura(std::string_view tsv) {
  UmmAlQuraTable table;
  int expected_year = 0;
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    int year = 0, gy = 0, gm = 0, gd = 0;
    int len[12];
    // YEAR<TAB>YYYY-MM-DD<TAB>twelve lengths, read with from_chars: sscanf made this parse
    // most of the date matcher's start-up.
    std::string_view rest = line;
    bool ok = NextInt(&rest, &year) && NextInt(&rest, &gy) && Skip('-', &rest) &&
              NextInt(&rest, &gm) && Skip('-', &rest) && NextInt(&rest, &gd);
    for (int m = 0; m < 12 && ok; ++m) ok = NextInt(&rest, &len[m]);
    if (!ok || (expected_year != 0 && year != expected_year)) return UmmAlQuraTable();
    int64_t start = DaysFromCivil(gy, gm, gd);
    if (expected_year == 0) {
      table.first_year = year;
    } else if (table.month_starts.back() != start) {
      return UmmAlQuraTable();  // years must follow each other without a gap
    } else {
      table.month_starts.pop_back();
    }
    for (int m = 0; m < 12; ++m) {
      if (len[m] < 28 || len[m] > 31) return UmmAlQuraTable();
      table.month_starts.push_back(start);
      start += len[m];
    }
    table.month_starts.push_back(start);
    expected_year = year + 1;
  }
  return table;
}

const UmmAlQuraTable& UmmAlQura() {
  static const UmmAlQuraTable* const table =
      new UmmAlQuraTable(ParseUmmAlQura(KASHIF_EMBEDDED(hijri_ummalqura)));
  return *table;
}

constexpr double kMillisPerDay = 86400000.0;

// Prototypes built once; Calendar is not thread-safe, so each conversion works on a clone.
const icu::Calendar* Prototype(HijriCalendar calendar) {
  static const icu::Calendar* const umalqura = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Calendar* c = icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=islamic-umalqura"), status);
    return U_SUCCESS(status) ? c : nullptr;
  }();
  static const icu::Calendar* const civil = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Calendar* c = icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=islamic-civil"), status);
    return U_SUCCESS(status) ? c : nullptr;
  }();
  return calendar == HijriCalendar::kCivil ? civil : umalqura;
}

std::unique_ptr<icu::Calendar> NewCalendar(HijriCalendar calendar) {
  const icu::Calendar* prototype = Prototype(calendar);
  if (prototype == nullptr) return nullptr;
  return std::unique_ptr<icu::Calendar>(prototype->clone());
}

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
}

CivilDate AddDays(const CivilDate& date, int64_t days) {
  return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

int64_t DaysBetween(const CivilDate& from, const CivilDate& to) {
  return DaysFromCivil(to.year, to.month, to.day) - DaysFromCivil(from.year, from.month, from.day);
}

bool IsValidCivil(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int IsoWeekday(const CivilDate& date) {
  const int64_t days = DaysFromCivil(date.year, date.month, date.day);
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

CivilDate WeekStart(const CivilDate& date) { return AddDays(date, 1 - IsoWeekday(date)); }

void IsoWeek(const CivilDate& date, int* iso_year, int* week) {
  // The ISO week belongs to the year of its Thursday.
  const CivilDate thursday = AddDays(date, 4 - IsoWeekday(date));
  *iso_year = thursday.year;
  *week = static_cast<int>(DaysBetween(CivilDate{thursday.year, 1, 1}, thursday) / 7) + 1;
}

CivilDate AddMonths(const CivilDate& date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  int year = index >= 0 ? index / 12 : (index - 11) / 12;
  int month = index - year * 12 + 1;
  int day = std::min(date.day, DaysInMonth(year, month));
  return CivilDate{year, month, day};
}

CivilDate WesternEaster(int year) {
  // The anonymous Gregorian algorithm ("Meeus/Jones/Butcher").
  const int a = year % 19, b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int n = h + l - 7 * m + 114;
  return CivilDate{year, n / 31, n % 31 + 1};
}

CivilDate OrthodoxEaster(int year) {
  // Meeus's Julian algorithm gives a Julian calendar date; the Julian calendar runs
  // year / 100 - year / 400 - 2 days behind the Gregorian one (13 days in 1900-2099).
  const int a = year % 4, b = year % 7, c = year % 19;
  const int d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int n = d + e + 114;
  return AddDays(CivilDate{year, n / 31, n % 31 + 1}, year / 100 - year / 400 - 2);
}

void AppendZeroPadded(int v, int width, std::string* out) {
  // Written right to left into a buffer wide enough for any int and any width used here.
  char buf[32];
  char* const end = buf + sizeof(buf);
  char* p = end;
  unsigned int u = v < 0 ? 0u - static_cast<unsigned int>(v) : static_cast<unsigned int>(v);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  const int digits_width = v < 0 ? width - 1 : width;
  while (end - p < digits_width && p > buf + 1) *--p = '0';
  if (v < 0) *--p = '-';
  out->append(p, static_cast<size_t>(end - p));
}

std::string FormatDay(const CivilDate& date) {
  std::string out;
  out.reserve(10);
  AppendZeroPadded(date.year, 4, &out);
  out.push_back('-');
  AppendZeroPadded(date.month, 2, &out);
  out.push_back('-');
  AppendZeroPadded(date.day, 2, &out);
  return out;
}

std::string FormatMonth(int year, int month) {
  std::string out;
  out.reserve(7);
  AppendZeroPadded(year, 4, &out);
  out.push_back('-');
  AppendZeroPadded(month, 2, &out);
  return out;
}

std::string FormatYear(int year) {
  // ISO 8601 astronomical years: 0000 is 1 BC, -0330 is 331 BC.
  std::string out;
  if (year < 0) {
    out.push_back('-');
    AppendZeroPadded(-year, 4, &out);
  } else {
    AppendZeroPadded(year, 4, &out);
  }
  return out;
}

std::string FormatIsoWeek(const CivilDate& any_day_in_week) {
  int year = 0;
  int week = 0;
  IsoWeek(any_day_in_week, &year, &week);
  std::string out;
  out.reserve(8);
  AppendZeroPadded(year, 4, &out);
  out.append("-W");
  AppendZeroPadded(week, 2, &out);
  return out;
}

std::optional<CivilDate> HijriToGregorian(const HijriDate& hijri, HijriCalendar calendar) {
  if (hijri.month < 1 || hijri.month > 12 || hijri.day < 1 || hijri.day > 30) return std::nullopt;
  if (hijri.year < 1 || hijri.year > 3000) return std::nullopt;
  if (calendar == HijriCalendar::kUmmAlQura && UmmAlQura().Covers(hijri.year)) {
    const UmmAlQuraTable& t = UmmAlQura();
    const size_t i = t.Index(hijri.year, hijri.month);
    if (hijri.day > t.month_starts[i + 1] - t.month_starts[i]) return std::nullopt;
    return CivilFromDays(t.month_starts[i] + hijri.day - 1);
  }
  std::unique_ptr<icu::Calendar> c = NewCalendar(calendar);
  if (c == nullptr) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  c->clear();
  c->setLenient(false);
  c->set(UCAL_EXTENDED_YEAR, hijri.year);
  c->set(UCAL_MONTH, hijri.month - 1);
  c->set(UCAL_DATE, hijri.day);
  const UDate millis = c->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;  // e.g. day 30 of a 29-day month
  // Millis at 00:00 GMT of the day: whole days since the epoch.
  const int64_t days = static_cast<int64_t>(millis / kMillisPerDay + (millis < 0 ? -0.5 : 0.5));
  return CivilFromDays(days);
}

std::optional<HijriDate> GregorianToHijri(const CivilDate& date, HijriCalendar calendar) {
  if (!IsValidCivil(date.year, date.month, date.day)) return std::nullopt;
  const int64_t days = DaysFromCivil(date.year, date.month, date.day);
  if (calendar == HijriCalendar::kUmmAlQura) {
    const UmmAlQuraTable& t = UmmAlQura();
    if (!t.month_starts.empty() && days >= t.month_starts.front() && days < t.month_starts.back()) {
      const size_t i =
          static_cast<size_t>(std::upper_bound(t.month_starts.begin(), t.month_starts.end(), days) -
                              t.month_starts.begin() - 1);
      return HijriDate{t.first_year + static_cast<int>(i / 12), static_cast<int>(i % 12) + 1,
                       static_cast<int>(days - t.month_starts[i]) + 1};
    }
  }
  std::unique_ptr<icu::Calendar> c = NewCalendar(calendar);
  if (c == nullptr) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  c->setTime(static_cast<UDate>(DaysFromCivil(date.year, date.month, date.day)) * kMillisPerDay +
                 kMillisPerDay / 2,
             status);
  HijriDate out;
  out.year = c->get(UCAL_EXTENDED_YEAR, status);
  out.month = c->get(UCAL_MONTH, status) + 1;
  out.day = c->get(UCAL_DATE, status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

int HijriMonthLength(int year, int month, HijriCalendar calendar) {
  if (calendar == HijriCalendar::kUmmAlQura && UmmAlQura().Covers(year) && month >= 1 &&
      month <= 12) {
    const UmmAlQuraTable& t = UmmAlQura();
    const size_t i = t.Index(year, month);
    return static_cast<int>(t.month_starts[i + 1] - t.month_starts[i]);
  }
  if (HijriToGregorian(HijriDate{year, month, 30}, calendar)) return 30;
  if (HijriToGregorian(HijriDate{year, month, 29}, calendar)) return 29;
  return 0;
}

}  // namespace kashif::internal
