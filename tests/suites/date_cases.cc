// Suite handlers for dates ("date"), times of day ("time") and durations ("duration").
//
// How a case is judged:
//  - Duckling "date" cases: the text, with the case's reference day and Duckling's future bias,
//    must give exactly one DATE entity whose `resolved` equals the expected value written the
//    kashif way (day YYYY-MM-DD, week YYYY-Www, month YYYY-MM, year YYYY; an interval
//    START/END with Duckling's exclusive end made inclusive). `"expected": null` cases must give
//    no DATE.
//  - hijridate conversions (no text): Hijri -> Gregorian and Gregorian -> Hijri with the Umm
//    al-Qura calendar, and the same Hijri date written out ("15 رمضان 1445 هـ") through the
//    extractor, must all agree with the case.
//  - num2text year renderings: the rendering read after "عام" must resolve to that year.
//  - "time" cases (times of day) are out of scope.
//  - "duration" cases are out of scope as durations; one that comes out as a DATE fails (a
//    duration is not a date).
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "kashif/kashif.h"
#include "match/date/date_calendar.h"
#include "suite_case.h"

namespace kashif::suites {
namespace {

Outcome Judge(bool pass, std::string got) {
  return Outcome{pass ? Verdict::kPass : Verdict::kFail, std::move(got)};
}

const Extractor& DateExtractor(DateBias bias) {
  static const Extractor* const past = [] {
    Options o;
    o.types = {EntityType::kDate};
    o.date_bias = DateBias::kPast;
    return new Extractor(*Extractor::Create(o));
  }();
  static const Extractor* const future = [] {
    Options o;
    o.types = {EntityType::kDate};
    o.date_bias = DateBias::kFuture;
    return new Extractor(*Extractor::Create(o));
  }();
  return bias == DateBias::kFuture ? *future : *past;
}

std::string Str(const JsonValue* v) {
  return v && v->kind == JsonValue::Kind::kString ? v->string : std::string();
}

std::optional<CivilDate> DayOf(const std::string& iso) { return ParseCivilDate(iso.substr(0, 10)); }

std::vector<Entity> DatesIn(const std::string& text, std::optional<CivilDate> ref, DateBias bias) {
  std::vector<Entity> dates;
  DateExtractor(bias).Extract(text, ref, &dates);
  return dates;
}

std::string Describe(const std::vector<Entity>& dates, const std::string& text) {
  std::string s;
  for (const Entity& e : dates) {
    s += "[" + std::string(e.text(text)) + " -> " + (e.date ? e.date->resolved : "") + "] ";
  }
  return s.empty() ? "no date" : s;
}

// A Duckling value at its grain, the kashif way; `exclusive_end` steps back one grain unit.
std::string AtGrain(const CivilDate& d, const std::string& grain, bool exclusive_end) {
  using namespace kashif::internal;
  if (grain == "week") return FormatIsoWeek(exclusive_end ? AddDays(d, -7) : d);
  if (grain == "month") {
    const CivilDate m = exclusive_end ? AddMonths(CivilDate{d.year, d.month, 1}, -1) : d;
    return FormatMonth(m.year, m.month);
  }
  if (grain == "year") return FormatYear(exclusive_end ? d.year - 1 : d.year);
  return FormatDay(exclusive_end ? AddDays(d, -1) : d);
}

std::optional<std::string> DucklingValue(const JsonValue& expected) {
  if (Str(expected.Find("type")) == "value") {
    auto d = DayOf(Str(expected.Find("value")));
    if (!d) return std::nullopt;
    return AtGrain(*d, Str(expected.Find("grain")), false);
  }
  const JsonValue* from = expected.Find("from");
  const JsonValue* to = expected.Find("to");
  if (!from || !to) return std::nullopt;
  auto a = DayOf(Str(from->Find("value")));
  auto b = DayOf(Str(to->Find("value")));
  if (!a || !b) return std::nullopt;
  const std::string first = AtGrain(*a, Str(from->Find("grain")), false);
  const std::string last = AtGrain(*b, Str(to->Find("grain")), true);
  return first == last ? first : first + "/" + last;
}

Outcome JudgeHijriConversion(const JsonValue& expected) {
  static const char* const kMonths[] = {"محرم",         "صفر",          "ربيع الأول", "ربيع الآخر",
                                        "جمادى الأولى", "جمادى الآخرة", "رجب",        "شعبان",
                                        "رمضان",        "شوال",         "ذو القعدة",  "ذو الحجة"};
  const std::string hijri = Str(expected.Find("hijri"));
  auto g = DayOf(Str(expected.Find("gregorian")));
  int y = 0, m = 0, d = 0;
  if (!g || std::sscanf(hijri.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) {
    return Judge(false, "unreadable case");
  }
  auto to_g = internal::HijriToGregorian({y, m, d}, HijriCalendar::kUmmAlQura);
  auto to_h = internal::GregorianToHijri(*g, HijriCalendar::kUmmAlQura);
  const std::string text =
      std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y) + " هـ";
  std::vector<Entity> dates = DatesIn(text, std::nullopt, DateBias::kPast);
  const std::string want = FormatCivilDate(*g);
  const bool text_ok = dates.size() == 1 && dates[0].date && dates[0].date->resolved == want &&
                       dates[0].begin == 0 && dates[0].end == text.size();
  const bool ok = to_g && *to_g == *g && to_h && to_h->year == y && to_h->month == m &&
                  to_h->day == d && text_ok;
  std::string got = "H->G " + (to_g ? FormatCivilDate(*to_g) : std::string("none")) + ", G->H " +
                    (to_h ? std::to_string(to_h->year) + "-" + std::to_string(to_h->month) + "-" +
                                std::to_string(to_h->day)
                          : std::string("none")) +
                    ", text " + Describe(dates, text);
  return Judge(ok, got);
}

Outcome JudgeDate(const SuiteCase& c, const SuiteContext&) {
  const JsonValue& expected = *c.expected;
  if (c.text.empty() && expected.Find("hijri")) return JudgeHijriConversion(expected);
  if (const JsonValue* year = expected.Find("year")) {
    // num2text: a year rendered in words ("ألفان وخمسة وعشرون م"), read as a year after عام.
    const std::string text = "عام " + c.text;
    std::vector<Entity> dates = DatesIn(text, std::nullopt, DateBias::kPast);
    // num2text writes N BC as -N; kashif resolves to ISO's astronomical year (1 BC = 0000).
    const int value = std::atoi(NumberLiteral(year).c_str());
    const std::string want = internal::FormatYear(value > 0 ? value : value + 1);
    return Judge(dates.size() == 1 && dates[0].date && dates[0].date->resolved == want,
                 Describe(dates, text));
  }
  // Duckling: resolved against the case's reference day, bare weekdays pointing forward.
  std::optional<CivilDate> ref = DayOf(c.reference_time);
  std::vector<Entity> dates = DatesIn(c.text, ref, DateBias::kFuture);
  if (expected.kind == JsonValue::Kind::kNull) return Judge(dates.empty(), Describe(dates, c.text));
  std::optional<std::string> want = DucklingValue(expected);
  return Judge(want && dates.size() == 1 && dates[0].date && dates[0].date->resolved == *want,
               Describe(dates, c.text));
}

Outcome JudgeTime(const SuiteCase&, const SuiteContext&) {
  return Outcome{Verdict::kOutOfScope, "times of day are out of scope"};
}

Outcome JudgeDuration(const SuiteCase& c, const SuiteContext&) {
  std::vector<Entity> dates = DatesIn(c.text, CivilDate{2013, 2, 12}, DateBias::kPast);
  if (!dates.empty()) return Judge(false, "a duration read as a date: " + Describe(dates, c.text));
  return Outcome{Verdict::kOutOfScope, "durations are not dates"};
}

}  // namespace

KASHIF_REGISTER_SUITE_HANDLER(date, "date", JudgeDate);
KASHIF_REGISTER_SUITE_HANDLER(time, "time", JudgeTime);
KASHIF_REGISTER_SUITE_HANDLER(duration, "duration", JudgeDuration);

}  // namespace kashif::suites
