// Measures the date grammar against other projects' test cases in ../shared/data/suites
// (label `eval`): Duckling's Arabic time corpus, hijridate's Umm al-Qura fixtures, num2text's
// year renderings and Duckling's durations (which must not come out as dates). Prints the
// figures per file and passes; says "skipped: ../shared not found" when the data is absent.
//
// How a case is judged:
//  - duckling-time-ar "date" cases: the text, with the case's reference day and Duckling's
//    future bias, must give exactly one DATE entity whose `resolved` equals the expected value
//    written the kashif way (day YYYY-MM-DD, week YYYY-Www, month YYYY-MM, year YYYY; an
//    interval START/END with Duckling's exclusive end turned inclusive). Cases with
//    `"expected": null` must give no DATE. "time" cases (times of day) are out of scope and
//    only counted.
//  - hijridate-ummalqura: Hijri -> Gregorian and Gregorian -> Hijri with the Umm al-Qura
//    calendar, and the same Hijri date written out ("15 رمضان 1445 هـ") through the extractor.
//  - num2text "date" cases: the year rendering read after "عام" must resolve to that year.
//  - duckling-duration-ar: no DATE entity.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli_util.h"
#include "kashif/kashif.h"
#include "match/date_calendar.h"

namespace {

using kashif::CivilDate;
using kashif::cli::JsonValue;

struct Tally {
  int correct = 0;
  int total = 0;
  int out_of_scope = 0;
  std::vector<std::string> misses;
  void Add(bool ok, const std::string& what) {
    ++total;
    if (ok) {
      ++correct;
    } else if (misses.size() < 40) {
      misses.push_back(what);
    }
  }
  void Print(const std::string& name) const {
    std::printf("%-38s %4d / %4d  (%5.1f %%)", name.c_str(), correct, total,
                total ? 100.0 * correct / total : 0.0);
    if (out_of_scope) std::printf("   [%d out of scope: times of day]", out_of_scope);
    std::printf("\n");
    for (const std::string& m : misses) std::printf("    miss: %s\n", m.c_str());
  }
};

std::vector<JsonValue> ReadJsonl(const std::string& path) {
  std::vector<JsonValue> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::string error;
    auto v = kashif::cli::ParseJson(line, &error);
    if (v) out.push_back(std::move(*v));
  }
  return out;
}

std::string Str(const JsonValue* v) {
  return v && v->kind == JsonValue::Kind::kString ? v->string : std::string();
}

std::optional<CivilDate> DayOf(const std::string& iso) {
  return kashif::ParseCivilDate(iso.substr(0, 10));
}

// A Duckling value at its grain, the kashif way; `exclusive_end` steps back one grain unit.
std::string AtGrain(const CivilDate& d, const std::string& grain, bool exclusive_end) {
  using namespace kashif::internal;
  CivilDate x = d;
  if (grain == "week") {
    if (exclusive_end) x = AddDays(x, -7);
    return FormatIsoWeek(x);
  }
  if (grain == "month") {
    if (exclusive_end) x = AddMonths(CivilDate{x.year, x.month, 1}, -1);
    return FormatMonth(x.year, x.month);
  }
  if (grain == "year") return FormatYear(exclusive_end ? x.year - 1 : x.year);
  if (exclusive_end) x = AddDays(x, -1);
  return FormatDay(x);
}

std::optional<std::string> ExpectedDuckling(const JsonValue& expected) {
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
  std::string first = AtGrain(*a, Str(from->Find("grain")), false);
  std::string last = AtGrain(*b, Str(to->Find("grain")), true);
  return first == last ? first : first + "/" + last;
}

std::vector<kashif::Entity> DatesIn(const kashif::Extractor& extractor, const std::string& text,
                                    std::optional<CivilDate> ref) {
  std::vector<kashif::Entity> entities;
  extractor.Extract(text, ref, &entities);
  std::vector<kashif::Entity> dates;
  for (auto& e : entities) {
    if (e.type == kashif::EntityType::kDate) dates.push_back(std::move(e));
  }
  return dates;
}

std::string Describe(const std::vector<kashif::Entity>& dates, const std::string& text) {
  std::string s;
  for (const auto& e : dates) {
    s += " [" + std::string(e.text(text)) + " -> " + (e.date ? e.date->resolved : "") + "]";
  }
  return s.empty() ? " (no date)" : s;
}

}  // namespace

int main() {
  const std::string dir = KASHIF_SHARED_DATA_DIR "/suites";
  if (!std::ifstream(dir + "/duckling-time-ar.jsonl")) {
    std::printf("skipped: ../shared not found (%s)\n", dir.c_str());
    return 0;
  }
  kashif::Options options;
  options.types = {kashif::EntityType::kDate};
  options.date_bias = kashif::DateBias::kFuture;  // Duckling's convention
  auto future = kashif::Extractor::Create(options);
  options.date_bias = kashif::DateBias::kPast;
  auto past = kashif::Extractor::Create(options);
  if (!future.ok() || !past.ok()) {
    std::printf("cannot create extractor\n");
    return 1;
  }

  // Duckling time.
  Tally duckling;
  for (const JsonValue& c : ReadJsonl(dir + "/duckling-time-ar.jsonl")) {
    const std::string text = Str(c.Find("text"));
    if (Str(c.Find("dim")) != "date") {
      ++duckling.out_of_scope;
      continue;
    }
    auto ref = DayOf(Str(c.Find("reference_time")));
    auto dates = DatesIn(*future, text, ref);
    const JsonValue* expected = c.Find("expected");
    if (!expected || expected->kind == JsonValue::Kind::kNull) {
      duckling.Add(dates.empty(), text + " should have no date:" + Describe(dates, text));
      continue;
    }
    std::optional<std::string> want = ExpectedDuckling(*expected);
    const bool ok = want && dates.size() == 1 && dates[0].date && dates[0].date->resolved == *want;
    duckling.Add(ok, text + " want " + want.value_or("?") + " got" + Describe(dates, text));
  }

  // Hijri <-> Gregorian.
  static const char* const kHijriMonths[] = {
      "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
      "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"};
  Tally to_gregorian, to_hijri, hijri_text;
  for (const JsonValue& c : ReadJsonl(dir + "/hijridate-ummalqura.jsonl")) {
    const JsonValue* expected = c.Find("expected");
    if (!expected) continue;
    const std::string h = Str(expected->Find("hijri"));
    auto g = DayOf(Str(expected->Find("gregorian")));
    int hy = 0, hm = 0, hd = 0;
    if (!g || std::sscanf(h.c_str(), "%d-%d-%d", &hy, &hm, &hd) != 3 || hm < 1 || hm > 12) {
      continue;
    }
    auto got = kashif::internal::HijriToGregorian({hy, hm, hd}, kashif::HijriCalendar::kUmmAlQura);
    to_gregorian.Add(got && *got == *g,
                     h + " -> " + (got ? kashif::FormatCivilDate(*got) : "none") + " want " +
                         kashif::FormatCivilDate(*g));
    auto back = kashif::internal::GregorianToHijri(*g, kashif::HijriCalendar::kUmmAlQura);
    to_hijri.Add(back && back->year == hy && back->month == hm && back->day == hd,
                 kashif::FormatCivilDate(*g) + " -> " +
                     (back ? std::to_string(back->year) + "-" + std::to_string(back->month) + "-" +
                                 std::to_string(back->day)
                           : "none") +
                     " want " + h);
    const std::string text =
        std::to_string(hd) + " " + kHijriMonths[hm - 1] + " " + std::to_string(hy) + " هـ";
    auto dates = DatesIn(*past, text, std::nullopt);
    const std::string want = kashif::FormatCivilDate(*g);
    hijri_text.Add(dates.size() == 1 && dates[0].date && dates[0].date->resolved == want &&
                       dates[0].begin == 0 && dates[0].end == text.size(),
                   text + " want " + want + " got" + Describe(dates, text));
  }

  // num2text years in words.
  Tally years;
  for (const JsonValue& c : ReadJsonl(dir + "/num2text-ar.jsonl")) {
    if (Str(c.Find("dim")) != "date") continue;
    const JsonValue* expected = c.Find("expected");
    const JsonValue* year = expected ? expected->Find("year") : nullptr;
    if (!year || year->kind != JsonValue::Kind::kNumber) continue;
    const std::string text = "عام " + Str(c.Find("text"));
    auto dates = DatesIn(*past, text, std::nullopt);
    const int want = std::atoi(year->string.c_str());
    const std::string want_text = want > 0 ? kashif::internal::FormatYear(want) : year->string;
    years.Add(dates.size() == 1 && dates[0].date && dates[0].date->resolved == want_text,
              text + " want " + want_text + " got" + Describe(dates, text));
  }

  // Durations are not dates.
  Tally durations;
  for (const JsonValue& c : ReadJsonl(dir + "/duckling-duration-ar.jsonl")) {
    const std::string text = Str(c.Find("text"));
    auto dates = DatesIn(*past, text, CivilDate{2013, 2, 12});
    durations.Add(dates.empty(), text + Describe(dates, text));
  }

  std::printf("date suites (%s)\n", dir.c_str());
  duckling.Print("duckling-time-ar.jsonl (dates)");
  to_gregorian.Print("hijridate-ummalqura.jsonl (H->G)");
  to_hijri.Print("hijridate-ummalqura.jsonl (G->H)");
  hijri_text.Print("hijridate-ummalqura.jsonl (text)");
  years.Print("num2text-ar.jsonl (years, after عام)");
  durations.Print("duckling-duration-ar.jsonl (no date)");
  return 0;
}
