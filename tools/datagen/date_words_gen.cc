// Prints the ICU-derived part of data/date_words.tsv: Arabic Gregorian month names in the
// three naming traditions CLDR records (ar: يناير..., ar_SY: كانون الثاني..., ar_MA: ماي،
// يوليوز...; ar_DZ adds the Algerian/Tunisian جانفي، جويلية...), weekday names and the Hijri
// month names of the Islamic calendar. The hand-written rows (spelling variants, relative words)
// follow these in the committed file.
//
// Not part of the build (the library embeds the committed output). Regenerate with:
//   g++ -std=c++17 tools/datagen/date_words_gen.cc -o /tmp/date_words_gen \
//     $(pkg-config --cflags --libs icu-i18n icu-uc) && /tmp/date_words_gen
#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>
#include <set>
#include <string>

namespace {

std::set<std::string> printed;

void Print(const icu::UnicodeString& name, const char* kind, int value, const char* source) {
  std::string utf8;
  name.toUTF8String(utf8);
  if (utf8.empty() || !printed.insert(utf8 + kind).second) return;
  std::printf("%s\t%s\t%d\t\t# ICU %s\n", utf8.c_str(), kind, value, source);
}

bool PrintSymbols(const char* locale, const char* kind, bool weekdays) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc(locale);
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(loc, status));
  icu::SimpleDateFormat format(icu::UnicodeString(u"d"), loc, status);
  if (U_FAILURE(status)) return false;
  format.adoptCalendar(calendar.release());
  const icu::DateFormatSymbols* symbols = format.getDateFormatSymbols();
  int32_t count = 0;
  if (weekdays) {
    const icu::UnicodeString* names =
        symbols->getWeekdays(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    // ICU numbers Sunday 1 .. Saturday 7; the data uses ISO numbers (Monday 1 .. Sunday 7).
    for (int32_t i = 1; i < count; ++i) Print(names[i], kind, i == 1 ? 7 : i - 1, locale);
  } else {
    const icu::UnicodeString* names =
        symbols->getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    for (int32_t i = 0; i < count; ++i) Print(names[i], kind, i + 1, locale);
  }
  return true;
}

}  // namespace

int main() {
  bool ok = true;
  for (const char* locale : {"ar", "ar_SY", "ar_MA", "ar_DZ"}) {
    ok &= PrintSymbols(locale, "month", false);
  }
  ok &= PrintSymbols("ar", "weekday", true);
  ok &= PrintSymbols("ar@calendar=islamic", "hijri_month", false);
  return ok ? 0 : 1;
}
