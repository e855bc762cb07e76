// The date grammar through the public API: exact spans, TIMEX3 values and resolved dates.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/analyzer.h"
#include "core/document.h"
#include "data/embedded_data.h"
#include "kashif/kashif.h"
#include "match/date/date_calendar.h"
#include "match/date/date_grammar.h"
#include "match/date/date_lexicon.h"
#include "test_lexicons.h"

KASHIF_DECLARE_EMBEDDED(date_words);
KASHIF_DECLARE_EMBEDDED(number_words);

namespace kashif {
namespace {

struct Found {
  std::string text;
  std::string timex;
  std::string resolved;
  Calendar calendar = Calendar::kGregorian;
};

std::vector<Found> Dates(const std::string& text, std::optional<CivilDate> ref = std::nullopt,
                         DateBias bias = DateBias::kPast,
                         HijriCalendar hijri = HijriCalendar::kUmmAlQura) {
  Options options;
  options.types = {EntityType::kDate};
  options.reference_date = ref;
  options.date_bias = bias;
  options.hijri_calendar = hijri;
  auto extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok()) << extractor.status().message();
  std::vector<Found> out;
  if (!extractor.ok()) return out;
  for (const Entity& e : extractor->Extract(text)) {
    EXPECT_EQ(e.type, EntityType::kDate);
    EXPECT_TRUE(e.date.has_value());
    if (!e.date) continue;
    out.push_back(
        Found{std::string(e.text(text)), e.date->timex, e.date->resolved, e.date->calendar});
  }
  return out;
}

// The one date in `text`.
Found One(const std::string& text, std::optional<CivilDate> ref = std::nullopt,
          DateBias bias = DateBias::kPast) {
  std::vector<Found> all = Dates(text, ref, bias);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? Found{} : all[0];
}

constexpr CivilDate kRef{2025, 4, 3};  // a Thursday

#define EXPECT_DATE(found, span, timex_value, resolved_value) \
  do {                                                        \
    const Found f_ = (found);                                 \
    EXPECT_EQ(f_.text, span);                                 \
    EXPECT_EQ(f_.timex, timex_value);                         \
    EXPECT_EQ(f_.resolved, resolved_value);                   \
  } while (0)

TEST(DateCalendarTest, CivilArithmetic) {
  using internal::AddDays;
  using internal::FormatIsoWeek;
  using internal::IsoWeekday;
  EXPECT_EQ(IsoWeekday(CivilDate{2025, 4, 3}), 4);
  EXPECT_EQ(IsoWeekday(CivilDate{1970, 1, 1}), 4);
  EXPECT_EQ(AddDays(CivilDate{2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays(CivilDate{2025, 1, 1}, -1), (CivilDate{2024, 12, 31}));
  EXPECT_EQ(FormatIsoWeek(CivilDate{2025, 4, 3}), "2025-W14");
  EXPECT_EQ(FormatIsoWeek(CivilDate{2021, 1, 3}), "2020-W53");
}

TEST(DateCalendarTest, FormatsPadToIsoWidths) {
  using internal::FormatDay;
  using internal::FormatMonth;
  using internal::FormatYear;
  EXPECT_EQ(FormatDay(CivilDate{2025, 2, 7}), "2025-02-07");
  EXPECT_EQ(FormatDay(CivilDate{622, 7, 16}), "0622-07-16");
  EXPECT_EQ(FormatDay(CivilDate{12345, 12, 31}), "12345-12-31");
  EXPECT_EQ(FormatDay(CivilDate{-5, 1, 1}), "-005-01-01");
  EXPECT_EQ(FormatMonth(1948, 5), "1948-05");
  EXPECT_EQ(FormatMonth(33, 11), "0033-11");
  EXPECT_EQ(FormatYear(0), "0000");
  EXPECT_EQ(FormatYear(7), "0007");
  EXPECT_EQ(FormatYear(-330), "-0330");
  EXPECT_EQ(FormatYear(2024), "2024");
  EXPECT_EQ(internal::FormatIsoWeek(CivilDate{2025, 1, 1}), "2025-W01");
}

TEST(DateCalendarTest, HijriConversion) {
  using internal::GregorianToHijri;
  using internal::HijriDate;
  using internal::HijriToGregorian;
  auto g = HijriToGregorian(HijriDate{1445, 9, 15}, HijriCalendar::kUmmAlQura);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(*g, (CivilDate{2024, 3, 25}));
  auto h = GregorianToHijri(CivilDate{2024, 3, 25}, HijriCalendar::kUmmAlQura);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->year, 1445);
  EXPECT_EQ(h->month, 9);
  EXPECT_EQ(h->day, 15);
  // 1 Muharram 1446 (Umm al-Qura) was Sunday 7 July 2024.
  EXPECT_EQ(*HijriToGregorian(HijriDate{1446, 1, 1}, HijriCalendar::kUmmAlQura),
            (CivilDate{2024, 7, 7}));
  // Ramadan 1445 had 30 days in Umm al-Qura, so day 30 exists; Shawwal 1445 had 29.
  EXPECT_TRUE(HijriToGregorian(HijriDate{1445, 9, 30}, HijriCalendar::kUmmAlQura).has_value());
  EXPECT_FALSE(HijriToGregorian(HijriDate{1445, 10, 30}, HijriCalendar::kUmmAlQura).has_value());
  EXPECT_FALSE(HijriToGregorian(HijriDate{1445, 13, 1}, HijriCalendar::kUmmAlQura).has_value());
  // The published table, not ICU's built-in one (which starts 1 Muharram 1452 on 2030-05-04).
  EXPECT_EQ(*HijriToGregorian(HijriDate{1452, 1, 1}, HijriCalendar::kUmmAlQura),
            (CivilDate{2030, 5, 3}));
  h = GregorianToHijri(CivilDate{2030, 5, 3}, HijriCalendar::kUmmAlQura);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->year, 1452);
  EXPECT_EQ(h->month, 1);
  EXPECT_EQ(h->day, 1);
  // A historical 28-day month of the announced calendar.
  EXPECT_EQ(internal::HijriMonthLength(1343, 9, HijriCalendar::kUmmAlQura), 28);
  // Outside the table ICU takes over.
  EXPECT_TRUE(HijriToGregorian(HijriDate{1600, 1, 1}, HijriCalendar::kUmmAlQura).has_value());
  EXPECT_TRUE(HijriToGregorian(HijriDate{1300, 1, 1}, HijriCalendar::kUmmAlQura).has_value());
}

TEST(DateLexiconTest, EmbeddedDataParses) {
  std::string error;
  auto lexicon = internal::DateLexicon::Create(
      std::string_view(reinterpret_cast<const char*>(kashif_data_date_words),
                       kashif_data_date_words_size),
      &error);
  EXPECT_NE(lexicon, nullptr) << error;
}

// The forms of a lexicon file (FORM<TAB>KIND<TAB>VALUE[<TAB>FLAGS] rows): every row's form, and
// up to three forms of each kind and flags (whatever the file holds when this runs).
struct LexiconForms {
  std::vector<std::string> all;
  std::vector<std::string> representatives;
};
LexiconForms FormsOf(const unsigned char* data, size_t size) {
  LexiconForms forms;
  std::map<std::string, int> per_signature;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    for (size_t at = 0; at <= line.size();) {
      const size_t tab = std::min(line.find('\t', at), line.size());
      cols.push_back(line.substr(at, tab - at));
      at = tab + 1;
    }
    if (cols.size() < 3) continue;
    forms.all.emplace_back(cols[0]);
    std::string signature(cols[1]);
    if (cols.size() > 3 && cols[3].substr(0, 1) != "#") signature += "/" + std::string(cols[3]);
    if (per_signature[signature]++ < 3) forms.representatives.emplace_back(cols[0]);
  }
  return forms;
}

// Run() parses only where MayStart() holds, so MayStart() must hold wherever Best() finds an
// expression. Checked at every token of sequences made of the lexicons themselves: every date
// word and number word (and a representative of each date-word kind with a proclitic), digit
// forms and punctuation, each followed by a representative of every kind and form, with random
// tokens around them. A start test that skips a token able to open a date fails here (such as
// one that takes a bound month for no start: "آب ( 10 / 8 / 1945 )", "آب عام 1936").
TEST(DateGrammarTest, StartTestNeverSkipsAStart) {
  const LexiconForms dates = FormsOf(kashif_data_date_words, kashif_data_date_words_size);
  const LexiconForms numbers = FormsOf(kashif_data_number_words, kashif_data_number_words_size);
  const std::vector<std::string> others = {
      "1",  "5",   "13",   "15",   "29",   "31",         "50",         "000",       "1701",
      "1948", "2004", "1445", "27/2/2025", "2025-02-27", "1936-1939", "27-29",    "1931/1932",
      "21/09", "٢٠٢٢", "الـ5", "الـ21",   "(",    ")",          "/",          "-",         "،",
      ",",    ".",    "شخصا", "الرئيس", "قال",        "Paris"};
  std::vector<std::string> firsts = dates.all, seconds = dates.representatives;
  firsts.insert(firsts.end(), numbers.all.begin(), numbers.all.end());
  seconds.insert(seconds.end(), numbers.representatives.begin(), numbers.representatives.end());
  for (const std::string& f : dates.representatives) {
    for (const char* proclitic : {"و", "ل", "ب"}) seconds.push_back(proclitic + f);
  }
  firsts.insert(firsts.end(), seconds.begin() + dates.representatives.size() +
                                  numbers.representatives.size(), seconds.end());
  firsts.insert(firsts.end(), others.begin(), others.end());
  seconds.insert(seconds.end(), others.begin(), others.end());

  const auto& lexicons = SharedLexicons();
  std::mt19937 random(12);
  auto any = [&]() -> const std::string& { return firsts[random() % firsts.size()]; };
  size_t starts = 0, skipped = 0, checked = 0;
  std::vector<std::string> missed;
  internal::Document doc;
  std::string text;
  auto check = [&]() {
    doc.Clear();
    doc.text = text;
    Tokenizer().Tokenize(doc.text, &doc.tokens);
    lexicons.analyzer.Analyze(&doc);
    for (const std::optional<CivilDate> ref :
         {std::optional<CivilDate>(CivilDate{2025, 2, 27}), std::optional<CivilDate>()}) {
      Options options;
      options.reference_date = ref;
      internal::date_grammar::Grammar grammar(doc, options, *lexicons.dates, *lexicons.numbers);
      for (size_t i = 0; i < doc.tokens.size(); ++i) {
        ++checked;
        const bool may = grammar.MayStart(i);
        if (!may && (doc.analyses[i].lexicons & (internal::kLexDate | internal::kLexNumber))) {
          ++skipped;
        }
        if (!grammar.Best(i)) continue;
        ++starts;
        if (may || missed.size() >= 20) continue;
        const size_t end = std::min(doc.tokens.size(), i + 5);
        missed.push_back(
            std::string(doc.text.substr(doc.tokens[i].begin, doc.tokens[end - 1].end -
                                                                  doc.tokens[i].begin)));
      }
    }
    text.clear();
  };
  for (const std::string& first : firsts) {
    for (const std::string& second : seconds) {
      text += any() + " " + first + " " + second + " " + any() + " " + any() + "\n";
    }
    check();
  }
  // Dates of spaced digits ("15 / 1 / 1959", "في 17/6") take five tokens: every sequence of
  // five of these after a cue and after a plain word.
  const std::vector<std::string> digits = {"5", "13", "2008", "/", "-", "."};
  size_t code = 0;
  for (const char* lead : {"في", "قال"}) {
    for (size_t k = 0; k < 6 * 6 * 6 * 6 * 6; ++k) {
      text += lead;
      for (size_t at = 0, rest = k; at < 5; ++at, rest /= 6) text += " " + digits[rest % 6];
      text += "\n";
      if (++code % 2000 == 0) check();
    }
  }
  check();
  for (const std::string& m : missed) ADD_FAILURE() << "a start skipped: " << m;
  // The sequences hold many expressions, and the start test turns away many date and number
  // words (else this checks nothing).
  EXPECT_GT(starts, 10000u);
  EXPECT_GT(skipped, 10000u);
  std::printf("%zu tokens, %zu starts, %zu date or number words skipped\n", checked, starts,
              skipped);
}

TEST(DateLexiconTest, MalformedLinesNameTheLine) {
  std::string error;
  EXPECT_EQ(internal::DateLexicon::Create("# c\nيناير\tmonth\n", &error), nullptr);
  EXPECT_EQ(error, "date_words.tsv:2: expected FORM<TAB>KIND<TAB>VALUE[<TAB>FLAGS]");
  EXPECT_EQ(internal::DateLexicon::Create("يناير\tmonthly\t1\n", &error), nullptr);
  EXPECT_EQ(error, "date_words.tsv:1: unknown kind \"monthly\"");
  EXPECT_EQ(internal::DateLexicon::Create("يناير\tmonth\t1\tstrong\n", &error), nullptr);
  EXPECT_EQ(error, "date_words.tsv:1: unknown flag \"strong\"");
}

TEST(DateTest, GregorianMonthsInThreeTraditions) {
  EXPECT_DATE(One("وقع الحادث في 27 فبراير 2022 صباحا"), "27 فبراير 2022", "2022-02-27",
              "2022-02-27");
  EXPECT_DATE(One("افتتح المعرض في 3 كانون الثاني 2019"), "3 كانون الثاني 2019", "2019-01-03",
              "2019-01-03");
  EXPECT_DATE(One("ولد في 14 تشرين الأول 1960 في حلب"), "14 تشرين الأول 1960", "1960-10-14",
              "1960-10-14");
  EXPECT_DATE(One("انطلق المهرجان يوم 9 يوليوز 2023"), "يوم 9 يوليوز 2023", "2023-07-09",
              "2023-07-09");
  EXPECT_DATE(One("صدر القرار في 5 غشت 2021"), "5 غشت 2021", "2021-08-05", "2021-08-05");
  EXPECT_DATE(One("انعقدت الدورة في 12 شتنبر 2018"), "12 شتنبر 2018", "2018-09-12", "2018-09-12");
  EXPECT_DATE(One("في 30 نونبر 2017"), "30 نونبر 2017", "2017-11-30", "2017-11-30");
  EXPECT_DATE(One("إلى غاية 31 دجنبر 2024"), "31 دجنبر 2024", "2024-12-31", "2024-12-31");
  EXPECT_DATE(One("في 1 ماي 2020"), "1 ماي 2020", "2020-05-01", "2020-05-01");
}

TEST(DateTest, PairedMonthNames) {
  EXPECT_DATE(One("في 24 أكتوبر / تشرين الأول 2008 وقعت"), "24 أكتوبر / تشرين الأول 2008",
              "2008-10-24", "2008-10-24");
  EXPECT_DATE(One("خلال أبريل/نيسان 2016"), "أبريل/نيسان 2016", "2016-04", "2016-04");
  EXPECT_DATE(One("في 7 نيسان (أبريل) 2003"), "7 نيسان (أبريل) 2003", "2003-04-07", "2003-04-07");
}

TEST(DateTest, SpansLeaveProcliticsOut) {
  EXPECT_DATE(One("وفي 27 فبراير عقد الاجتماع", kRef), "27 فبراير", "XXXX-02-27", "2025-02-27");
  EXPECT_DATE(One("ولعام 2022 أهمية"), "عام 2022", "2022", "2022");
  EXPECT_DATE(One("وأمس أعلنت الوزارة", kRef), "أمس", "2025-04-02", "2025-04-02");
  EXPECT_DATE(One("وبحلول يوم الأحد", kRef), "يوم الأحد", "XXXX-WXX-7", "2025-03-30");
}

TEST(DateTest, HijriDates) {
  Found f = One("بدأ الصيام في 15 رمضان 1445 هـ");
  EXPECT_EQ(f.text, "15 رمضان 1445 هـ");
  EXPECT_EQ(f.timex, "1445-09-15");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2024-03-25");
  EXPECT_DATE(One("توفي في 10 ذو الحجة 1440هـ"), "10 ذو الحجة 1440هـ", "1440-12-10", "2019-08-11");
  EXPECT_DATE(One("في الأول من محرم 1446 للهجرة"), "الأول من محرم 1446 للهجرة", "1446-01-01",
              "2024-07-07");
  EXPECT_DATE(One("وفي 3 ربيع الأول 1443 هجرية"), "3 ربيع الأول 1443 هجرية", "1443-03-03",
              "2021-10-09");
  // The Hijri year alone: the interval of Gregorian days it covers.
  f = One("ولد عام 1446 هـ");
  EXPECT_EQ(f.text, "عام 1446 هـ");
  EXPECT_EQ(f.timex, "1446");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2024-07-07/2025-06-25");
  // A weak Hijri month name without a cue is a person's name.
  EXPECT_TRUE(Dates("قال رمضان إن الفريق جاهز").empty());
  EXPECT_DATE(One("خلال شهر رمضان", kRef), "شهر رمضان", "XXXX-09", "2025-03-01/2025-03-29");
}

TEST(DateTest, HijriCivilCalendarOption) {
  std::vector<Found> f;
  f = Dates("في 1 محرم 1446 هـ", std::nullopt, DateBias::kPast, HijriCalendar::kCivil);
  ASSERT_EQ(f.size(), 1u);
  // The tabular calendar starts 1446 one day later than Umm al-Qura.
  EXPECT_EQ(f[0].resolved, "2024-07-08");
  f = Dates("في 1 محرم 1446 هـ");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].resolved, "2024-07-07");
}

TEST(DateTest, YearsWithMarkers) {
  EXPECT_DATE(One("تأسست الشركة عام 2022"), "عام 2022", "2022", "2022");
  EXPECT_DATE(One("ولد سنة 1990م في القاهرة"), "سنة 1990م", "1990", "1990");
  EXPECT_DATE(One("بني عام ( 1933 ) على التل"), "عام ( 1933 )", "1933", "1933");
  EXPECT_DATE(One("منذ 1948 يعيش اللاجئون"), "1948", "1948", "1948");
  EXPECT_DATE(One("حتى العام ألفين وعشرين"), "العام ألفين وعشرين", "2020", "2020");
  // Years before the common era: TIMEX3 "BC0331", resolved to ISO's astronomical year.
  EXPECT_DATE(One("بنيت المدينة عام 331 ق.م"), "عام 331 ق.م", "BC0331", "-0330");
  EXPECT_DATE(One("في سنة 1 قبل الميلاد"), "سنة 1 قبل الميلاد", "BC0001", "0000");
  EXPECT_DATE(One("توفي عام 206 ق .\nم بعد ذلك"), "عام 206", "0206", "0206");
  EXPECT_TRUE(Dates("حرب عام 48 في القرية").empty());
  // A four-digit count is not a year.
  EXPECT_TRUE(Dates("وصل 2000 شخص إلى المدينة").empty());
}

TEST(DateTest, NumericDates) {
  EXPECT_DATE(One("بتاريخ 27/2/2025 صدر"), "27/2/2025", "2025-02-27", "2025-02-27");
  EXPECT_DATE(One("بتاريخ ٢٧/٢/٢٠٢٥ صدر"), "٢٧/٢/٢٠٢٥", "2025-02-27", "2025-02-27");
  EXPECT_DATE(One("الإصدار 2025-02-27 متاح"), "2025-02-27", "2025-02-27", "2025-02-27");
  // Parentheses belong to the date only when a word before them does.
  EXPECT_DATE(One("بتاريخ ( 15 / 1 / 1959 )"), "15 / 1 / 1959", "1959-01-15", "1959-01-15");
  EXPECT_DATE(One("رسالة إلى المجلس ( 8 / 3 / 1948 ) ."), "8 / 3 / 1948", "1948-03-08",
              "1948-03-08");
  EXPECT_DATE(One("حجة بيع أرض ( 1918 ) ."), "1918", "1918", "1918");
  EXPECT_DATE(One("في شباط ( 28 / 2 / 1945 ) وصل"), "شباط ( 28 / 2 / 1945 )", "1945-02-28",
              "1945-02-28");
  // A number inside a path is not a year.
  EXPECT_TRUE(Dates("الرابط edu : 2048 / sources").empty());
  // A fraction is not a date.
  EXPECT_TRUE(Dates("أكل 1/2 الرغيف").empty());
  EXPECT_TRUE(Dates("المعدل 31/13/2020 خطأ").empty());
}

TEST(DateTest, DayMonthInWords) {
  EXPECT_DATE(One("في الرابع من أبريل 2013"), "الرابع من أبريل 2013", "2013-04-04", "2013-04-04");
  EXPECT_DATE(One("في الحادي والعشرين من مارس", kRef), "الحادي والعشرين من مارس", "XXXX-03-21",
              "2025-03-21");
  EXPECT_DATE(One("اليوم الأول من شهر ثلاثة", kRef), "اليوم الأول من شهر ثلاثة", "XXXX-03-01",
              "2025-03-01");
}

TEST(DateTest, MonthsAloneFollowTheBias) {
  EXPECT_DATE(One("في فبراير الماضي زار", kRef), "فبراير الماضي", "XXXX-02", "2025-02");
  EXPECT_DATE(One("في مايو", kRef, DateBias::kPast), "مايو", "XXXX-05", "2024-05");
  EXPECT_DATE(One("في مايو", kRef, DateBias::kFuture), "مايو", "XXXX-05", "2025-05");
  EXPECT_DATE(One("في مايو"), "مايو", "XXXX-05", "");
  // A direction after the month wins over the bias.
  EXPECT_DATE(One("في 21 مايو المقبل", kRef), "21 مايو المقبل", "XXXX-05-21", "2025-05-21");
  EXPECT_DATE(One("في يناير الماضي", kRef, DateBias::kFuture), "يناير الماضي", "XXXX-01",
              "2025-01");
  // مارس is also "practised": only a date with a cue.
  EXPECT_TRUE(Dates("مارس الضغط على الحكومة").empty());
  EXPECT_DATE(One("في مارس", kRef), "مارس", "XXXX-03", "2025-03");
}

TEST(DateTest, Weekdays) {
  EXPECT_DATE(One("قال يوم الخميس إن", kRef), "يوم الخميس", "XXXX-WXX-4", "2025-04-03");
  EXPECT_DATE(One("التقى يوم الأربعاء", kRef), "يوم الأربعاء", "XXXX-WXX-3", "2025-04-02");
  EXPECT_DATE(One("يوم الأربعاء", kRef, DateBias::kFuture), "يوم الأربعاء", "XXXX-WXX-3",
              "2025-04-09");
  EXPECT_DATE(One("يوم الخميس", kRef, DateBias::kFuture), "يوم الخميس", "XXXX-WXX-4", "2025-04-03");
  EXPECT_DATE(One("الخميس الماضي", kRef), "الخميس الماضي", "2025-03-27", "2025-03-27");
  EXPECT_DATE(One("الخميس المقبل", kRef), "الخميس المقبل", "2025-04-10", "2025-04-10");
  EXPECT_DATE(One("أحد الأسبوع الماضي", kRef), "أحد الأسبوع الماضي", "2025-03-30", "2025-03-30");
  EXPECT_DATE(One("يوم الاثنين 18 شباط 2013"), "يوم الاثنين 18 شباط 2013", "2013-02-18",
              "2013-02-18");
  EXPECT_DATE(One("يوم الخميس"), "يوم الخميس", "XXXX-WXX-4", "");
  // أحد alone is "someone".
  EXPECT_TRUE(Dates("قال أحد المسؤولين", kRef).empty());
}

TEST(DateTest, NthWeekdayOfMonth) {
  EXPECT_DATE(One("آخر اثنين من شهر آذار 2013"), "آخر اثنين من شهر آذار 2013", "2013-03-25",
              "2013-03-25");
  EXPECT_DATE(One("ثالث ثلاثاء في أيلول 2014"), "ثالث ثلاثاء في أيلول 2014", "2014-09-16",
              "2014-09-16");
  EXPECT_DATE(One("أول جمعة بعد 25 ديسمبر 2014"), "أول جمعة بعد 25 ديسمبر 2014", "2014-12-26",
              "2014-12-26");
  EXPECT_DATE(One("ثاني خميس قبل 1 مارس 2025"), "ثاني خميس قبل 1 مارس 2025", "2025-02-20",
              "2025-02-20");
  // When the 3rd of the month is a Tuesday the ordinal is the day of the month.
  EXPECT_DATE(One("الثلاثاء الثالث من سبتمبر 2013"), "الثلاثاء الثالث من سبتمبر 2013", "2013-09-03",
              "2013-09-03");
  EXPECT_DATE(One("آخر يوم من شهر عشرة سنة 2015"), "آخر يوم من شهر عشرة سنة 2015", "2015-10-31",
              "2015-10-31");
}

TEST(DateTest, Relative) {
  EXPECT_DATE(One("أعلن أمس", kRef), "أمس", "2025-04-02", "2025-04-02");
  EXPECT_DATE(One("أمس الأول", kRef), "أمس الأول", "2025-04-01", "2025-04-01");
  EXPECT_DATE(One("صرح اليوم", kRef), "اليوم", "2025-04-03", "2025-04-03");
  EXPECT_DATE(One("يصل غدا", kRef), "غدا", "2025-04-04", "2025-04-04");
  EXPECT_DATE(One("يصل غداً", kRef), "غداً", "2025-04-04", "2025-04-04");
  EXPECT_DATE(One("يصل بعد غد", kRef), "بعد غد", "2025-04-05", "2025-04-05");
  EXPECT_DATE(One("يصل غدا الجمعة", kRef), "غدا الجمعة", "2025-04-04", "2025-04-04");
  EXPECT_DATE(One("يعقد يوم غد الجمعة اجتماع", kRef), "يوم غد الجمعة", "2025-04-04", "2025-04-04");
  EXPECT_DATE(One("صرح اليوم الخميس", kRef), "اليوم الخميس", "2025-04-03", "2025-04-03");
  EXPECT_DATE(One("الأسبوع الماضي", kRef), "الأسبوع الماضي", "2025-W13", "2025-W13");
  EXPECT_DATE(One("الأسبوع المقبل", kRef), "الأسبوع المقبل", "2025-W15", "2025-W15");
  EXPECT_DATE(One("الأسبوع القادم", kRef), "الأسبوع القادم", "2025-W15", "2025-W15");
  EXPECT_DATE(One("هذا الأسبوع", kRef), "هذا الأسبوع", "2025-W14", "2025-W14");
  EXPECT_DATE(One("الشهر الماضي", kRef), "الشهر الماضي", "2025-03", "2025-03");
  EXPECT_DATE(One("العام المقبل", kRef), "العام المقبل", "2026", "2026");
  EXPECT_DATE(One("السنة الماضية", kRef), "السنة الماضية", "2024", "2024");
  EXPECT_DATE(One("نهاية الأسبوع", kRef), "نهاية الأسبوع", "2025-W14-WE", "2025-04-05/2025-04-06");
  EXPECT_DATE(One("في نهاية الأسبوع الماضي", kRef), "نهاية الأسبوع الماضي", "2025-W13-WE",
              "2025-03-29/2025-03-30");
  EXPECT_DATE(One("منذ ثلاثة أيام", kRef), "منذ ثلاثة أيام", "2025-03-31", "2025-03-31");
  EXPECT_DATE(One("قبل يومين", kRef), "قبل يومين", "2025-04-01", "2025-04-01");
  EXPECT_DATE(One("بعد أسبوعين", kRef), "بعد أسبوعين", "2025-04-17", "2025-04-17");
  EXPECT_DATE(One("قبل عشرين عاما", kRef), "قبل عشرين عاما", "2005", "2005");
  EXPECT_DATE(One("الأيام الثلاثة الماضية", kRef), "الأيام الثلاثة الماضية",
              "2025-03-31/2025-04-02", "2025-03-31/2025-04-02");
  EXPECT_DATE(One("خلال السنوات الماضية", kRef), "السنوات الماضية", "PAST_REF", "");
  EXPECT_DATE(One("في الأيام الأخيرة", kRef), "الأيام الأخيرة", "PAST_REF", "");
  EXPECT_DATE(One("في الأشهر المقبلة", kRef), "الأشهر المقبلة", "FUTURE_REF", "");
  // Without a reference date: a value with placeholders, nothing resolved.
  EXPECT_DATE(One("أعلن أمس"), "أمس", "XXXX-XX-XX", "");
  EXPECT_DATE(One("الأسبوع الماضي"), "الأسبوع الماضي", "XXXX-WXX", "");
}

TEST(DateTest, WordsThatOnlyLookLikeDates) {
  EXPECT_TRUE(Dates("انتشر المرض في إب", kRef).empty());             // the city, not August
  EXPECT_TRUE(Dates("قطعة أرض مساحتها 1000 م مربع", kRef).empty());  // metres
  EXPECT_TRUE(Dates("افتتح سوق الجمعة في المدينة", kRef).empty());
  EXPECT_TRUE(Dates("بعد صلاة الجمعة", kRef).empty());
  EXPECT_TRUE(Dates("بعد عقد اتفاقية السلام", kRef).empty());  // the signing, not a decade
  EXPECT_TRUE(Dates("هم مستثمرو الغد", kRef).empty());
  EXPECT_DATE(One("في الغد", kRef), "الغد", "2025-04-04", "2025-04-04");
  EXPECT_DATE(One("في شهر آب", kRef), "شهر آب", "XXXX-08", "2024-08");
}

TEST(DateTest, MoreForms) {
  EXPECT_DATE(One("نحن مقبلون على شهر رمضان المبارك", kRef), "شهر رمضان المبارك", "XXXX-09",
              "2025-03-01/2025-03-29");
  EXPECT_DATE(One("الموافق 20 / شعبان / 1428 هجرية"), "20 / شعبان / 1428 هجرية", "1428-08-20",
              "2007-09-02");
  EXPECT_DATE(One("بيانات الانتفاضة الأولى 1987 صادرة عن القيادة"), "1987", "1987", "1987");
  EXPECT_DATE(One("صحيفة السكنية : كانون اول / ( 1986 ) ."), "كانون اول / ( 1986 )", "1986-12",
              "1986-12");
}

TEST(DateTest, PerCallReferenceDateWins) {
  Options options;
  options.types = {EntityType::kDate};
  options.reference_date = CivilDate{2000, 1, 1};
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok());
  std::vector<Entity> e = extractor->Extract("وصل أمس", CivilDate{2025, 4, 3});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date->resolved, "2025-04-02");
}

TEST(DateTest, AdjectiveAamIsNotAYear) {
  EXPECT_TRUE(Dates("قال الأمين العام السابق للأمم المتحدة", kRef).empty());
  EXPECT_TRUE(Dates("النائب العام الحالي", kRef).empty());
  EXPECT_TRUE(Dates("يأتي الأمين العام المقبل من آسيا", kRef).empty());
  // Before الماضي / المقبل, العام after a definite noun is the year.
  EXPECT_DATE(One("ارتفع الإنتاج الصناعي العام الماضي", kRef), "العام الماضي", "2024", "2024");
}

TEST(DateTest, DurationsAndAgesAreNotDates) {
  EXPECT_TRUE(Dates("استمرت الزيارة سبعة أيام", kRef).empty());
  EXPECT_TRUE(Dates("توفي عن 49 عامًا", kRef).empty());
  EXPECT_TRUE(Dates("سيبقى لمدة 30 يومًا", kRef).empty());
  EXPECT_TRUE(Dates("خلال 45 يوما", kRef).empty());
  EXPECT_TRUE(Dates("بعد يومين من الاجتماعات", kRef).empty());
  EXPECT_TRUE(Dates("قبل ثلاثة أيام على الانتخابات", kRef).empty());
  EXPECT_TRUE(Dates("منذ أيام", kRef).empty());
}

TEST(DateTest, Ranges) {
  EXPECT_DATE(One("من 13 إلى 15 تموز 2024"), "من 13 إلى 15 تموز 2024", "2024-07-13/2024-07-15",
              "2024-07-13/2024-07-15");
  EXPECT_DATE(One("بين عامي 2001 و2005"), "بين عامي 2001 و2005", "2001/2005", "2001/2005");
  EXPECT_DATE(One("الحرب 1936 - 1939 ."), "1936 - 1939", "1936/1939", "1936/1939");
  EXPECT_DATE(One("من عام 2001 إلى عام 2005"), "من عام 2001 إلى عام 2005", "2001/2005",
              "2001/2005");
  EXPECT_DATE(One("الموسم الزراعي عام ( 1931 / 1932 )"), "عام ( 1931 / 1932 )", "1931/1932",
              "1931/1932");
  EXPECT_DATE(One("وبين يناير ومارس ارتفع العدد", kRef), "بين يناير ومارس", "XXXX-01/XXXX-03",
              "2025-01/2025-03");
  EXPECT_DATE(One("تعقد القمة يومي 20 و21 مايو المقبل", kRef), "يومي 20 و21 مايو المقبل",
              "XXXX-05-20/XXXX-05-21", "2025-05-20/2025-05-21");
  EXPECT_DATE(One("بين يناير ومارس 2020"), "بين يناير ومارس 2020", "2020-01/2020-03",
              "2020-01/2020-03");
  EXPECT_DATE(One("من 13 إلى 15 تموز", kRef), "من 13 إلى 15 تموز", "XXXX-07-13/XXXX-07-15",
              "2024-07-13/2024-07-15");
}

TEST(DateTest, PartsOfMonthsAndYears) {
  EXPECT_DATE(One("في أوائل مارس 2013"), "أوائل مارس 2013", "2013-03", "2013-03-01/2013-03-10");
  EXPECT_DATE(One("في أواخر آذار 2013"), "أواخر آذار 2013", "2013-03", "2013-03-21/2013-03-31");
  EXPECT_DATE(One("منتصف مارس 2013"), "منتصف مارس 2013", "2013-03-15", "2013-03-15");
  EXPECT_DATE(One("منذ أواخر عام 2017"), "أواخر عام 2017", "2017", "2017-09/2017-12");
}

TEST(DateTest, QuartersAndHalves) {
  EXPECT_DATE(One("شهد الربع الأول من العام الحالي نموا", kRef), "الربع الأول من العام الحالي",
              "2025-Q1", "2025-01/2025-03");
  EXPECT_DATE(One("في النصف الثاني من عام 2024"), "النصف الثاني من عام 2024", "2024-H2",
              "2024-07/2024-12");
  EXPECT_DATE(One("الربع الرابع من 2023"), "الربع الرابع من 2023", "2023-Q4", "2023-10/2023-12");
  EXPECT_TRUE(Dates("الربع الخامس من العام", kRef).empty());
}

TEST(DateTest, DecadesAndCenturies) {
  EXPECT_DATE(One("في الثمانينيات"), "الثمانينيات", "198", "1980/1989");
  EXPECT_DATE(One("في تسعينيات القرن العشرين"), "تسعينيات القرن العشرين", "199", "1990/1999");
  EXPECT_DATE(One("في القرن التاسع عشر"), "القرن التاسع عشر", "18", "1800/1899");
  // The start of a century is its first decade.
  EXPECT_DATE(One("مطلع القرن الحادي والعشرين"), "مطلع القرن الحادي والعشرين", "20", "2000/2009");
  // القرن الأفريقي is the Horn of Africa.
  EXPECT_TRUE(Dates("دول القرن الأفريقي").empty());
}

TEST(DateTest, Holidays) {
  Found f = One("عيد الأضحى 2013");
  EXPECT_EQ(f.text, "عيد الأضحى 2013");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2013-10-15");
  EXPECT_DATE(One("رمضان 2019"), "رمضان 2019", "1440-09", "2019-05-06/2019-06-03");
}

TEST(DateTest, NewsParagraph) {
  const std::string text =
      "أعلنت الوزارة يوم الخميس أن الاتفاق الموقع عام 2022 سيجدد، بعد محادثات بدأت في "
      "فبراير وتوقفت في 27 فبراير، واستمرت سبعة أيام. وقال المتحدث (49 عامًا) إن الوفد سيبقى "
      "لمدة 30 يومًا، وإن لقاءات نهاية الأسبوع الماضي ستتواصل هذا الأسبوع.";
  std::vector<Found> f = Dates(text, kRef);
  ASSERT_EQ(f.size(), 6u);
  EXPECT_DATE(f[0], "يوم الخميس", "XXXX-WXX-4", "2025-04-03");
  EXPECT_DATE(f[1], "عام 2022", "2022", "2022");
  EXPECT_DATE(f[2], "فبراير", "XXXX-02", "2025-02");
  EXPECT_DATE(f[3], "27 فبراير", "XXXX-02-27", "2025-02-27");
  EXPECT_DATE(f[4], "نهاية الأسبوع الماضي", "2025-W13-WE", "2025-03-29/2025-03-30");
  EXPECT_DATE(f[5], "هذا الأسبوع", "2025-W14", "2025-W14");
}

TEST(DateTest, OffsetsStayOnTheCalendar) {
  EXPECT_TRUE(Dates("قبل 3000 قرن", kRef).empty());
  EXPECT_TRUE(Dates("قبل 100 قرن", CivilDate{9000, 1, 1}).empty());
  EXPECT_DATE(One("قبل خمسة قرون", kRef), "قبل خمسة قرون", "1525", "1525");
}

TEST(DateTest, ConcurrentExtractionAgrees) {
  Options options;
  options.types = {EntityType::kDate};
  options.reference_date = kRef;
  options.hijri_calendar = HijriCalendar::kCivil;  // the ICU path, not the table
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok());
  const std::string text = "في 15 رمضان 1300 هـ وفي 1 محرم 1600 هـ ويوم الخميس الماضي";
  const std::vector<Entity> expected = extractor->Extract(text);
  ASSERT_EQ(expected.size(), 3u);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        std::vector<Entity> got = extractor->Extract(text);
        if (got.size() != expected.size()) {
          ++mismatches[t];
          continue;
        }
        for (size_t k = 0; k < got.size(); ++k) {
          if (got[k].date->resolved != expected[k].date->resolved) ++mismatches[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// The matcher tries the grammar only where the words after a connector, a number or a digit
// can complete a date; these sit at the edges of that test (a month three tokens after a day,
// a day of three words, a parenthesized year after a part word).
TEST(DateTest, ConnectorsAndNumbersOpenDatesBeforeTheRightWords) {
  EXPECT_DATE(One("وصل في 27 من شهر رمضان", kRef), "27 من شهر رمضان", "XXXX-09-27", "2025-03-27");
  EXPECT_DATE(One("وصل في 5 / من شهر مارس", kRef), "5 / من شهر مارس", "XXXX-03-05", "2025-03-05");
  EXPECT_DATE(One("في الحادي و العشرين من شهر مارس", kRef), "الحادي و العشرين من شهر مارس",
              "XXXX-03-21", "2025-03-21");
  EXPECT_DATE(One("غادر منذ ثلاثة أيام", kRef), "منذ ثلاثة أيام", "2025-03-31", "2025-03-31");
  EXPECT_DATE(One("عاد قبل يومين", kRef), "قبل يومين", "2025-04-01", "2025-04-01");
  EXPECT_DATE(One("سافر هذا الأسبوع", kRef), "هذا الأسبوع", "2025-W14", "2025-W14");
  EXPECT_DATE(One("في آخر يوم من شهر مارس", kRef), "آخر يوم من شهر مارس", "2025-03-31",
              "2025-03-31");
  EXPECT_DATE(One("حتى نهاية ( 2019 )", kRef), "نهاية ( 2019 )", "2019", "2019-09/2019-12");
  EXPECT_DATE(One("في عام ( 1948 )", kRef), "عام ( 1948 )", "1948", "1948");
  EXPECT_DATE(One("بين يناير ومارس", kRef), "بين يناير ومارس", "XXXX-01/XXXX-03",
              "2025-01/2025-03");
  EXPECT_DATE(One("مطلع القرن الـ21", kRef), "مطلع القرن الـ21", "20", "2000/2009");
  EXPECT_TRUE(Dates("من أجل هذا الرجل قبل أن يصل", kRef).empty());
  EXPECT_TRUE(Dates("في 150 شخصا من أصل ألف", kRef).empty());
  EXPECT_TRUE(Dates("وصل 2 من الوفود", kRef).empty());
}

TEST(DateTest, BadInputDoesNotCrash) {
  EXPECT_TRUE(Dates("").empty());
  EXPECT_TRUE(Dates(std::string("\xFF\xFE 27 \xC3 فبراير", 17)).size() <= 1);
  std::string big;
  for (int i = 0; i < 2000; ++i) big += "في 27 فبراير 2022 و ";
  EXPECT_EQ(Dates(big).size(), 2000u);
}

// ---- The date examples of issue 15 ("Dates, money and numbers the way news writes them"), each
// in a news sentence; reference Thursday 2025-04-03, bias past. Conventions: docs/dates.md.

// The date spelled `span` in `text`; an empty Found (and a failure) when there is none.
Found At(const std::string& text, const std::string& span, std::optional<CivilDate> ref = kRef) {
  std::vector<Found> all = Dates(text, ref);
  for (const Found& f : all) {
    if (f.text == span) return f;
  }
  std::string got;
  for (const Found& f : all) got += " [" + f.text + " = " + f.timex + "]";
  ADD_FAILURE() << "no date \"" << span << "\" in \"" << text << "\"; found:" << got;
  return Found{};
}

#define EXPECT_NEWS_DATE(text, span, timex_value, resolved_value) \
  do {                                                            \
    const Found f_ = At(text, span);                              \
    EXPECT_EQ(f_.timex, timex_value) << (text);                   \
    EXPECT_EQ(f_.resolved, resolved_value) << (text);             \
  } while (0)

TEST(NewsDateTest, YearAfterSinceBeforeAfterDuring) {
  // The year itself, not "a year ago" / "a year from now".
  EXPECT_NEWS_DATE("تعيش البلاد أزمة منذ عام 2011 بحسب التقرير", "عام 2011", "2011", "2011");
  EXPECT_NEWS_DATE("وأغلق المصنع قبل عام 1987 بعد خسائر", "عام 1987", "1987", "1987");
  EXPECT_NEWS_DATE("يكتمل المشروع بعد عام 2035 كما يتوقع", "عام 2035", "2035", "2035");
  EXPECT_NEWS_DATE("لم يزر المدينة منذ سنة 2015", "سنة 2015", "2015", "2015");
  EXPECT_NEWS_DATE("وارتفعت الصادرات خلال عام ٢٠٢٣", "عام ٢٠٢٣", "2023", "2023");
  EXPECT_EQ(Dates("تعيش البلاد أزمة منذ عام 2011", kRef).size(), 1u);
  // A bare year word after منذ is still "a year ago".
  EXPECT_NEWS_DATE("وانتقل إلى باريس منذ عام تقريبا", "منذ عام", "2024", "2024");
}

TEST(NewsDateTest, YearInWords) {
  EXPECT_NEWS_DATE("وقع الطرفان الاتفاق في الخامس من مارس ألفين وتسعة عشر",
                   "الخامس من مارس ألفين وتسعة عشر", "2019-03-05", "2019-03-05");
}

TEST(NewsDateTest, DayBeforeYesterday) {
  EXPECT_NEWS_DATE("وقع الحادث قبل أمس في ضواحي المدينة", "قبل أمس", "2025-04-01", "2025-04-01");
  EXPECT_NEWS_DATE("التقى الوزيران قبل يوم أمس في الرياض", "قبل يوم أمس", "2025-04-01",
                   "2025-04-01");
  EXPECT_NEWS_DATE("وأعلنت الحكومة أول أمس عن خطة", "أول أمس", "2025-04-01", "2025-04-01");
}

TEST(NewsDateTest, CountsOfUnitsAroundTheReference) {
  Found f = At("وكانت الشركة أعلنت قبل أيام عن تسريح موظفين", "قبل أيام");
  EXPECT_EQ(f.timex, "PAST_REF");
  EXPECT_EQ(f.resolved, "");
  EXPECT_NEWS_DATE("ارتفعت الأسعار خلال الـ5 أيام الماضية", "الـ5 أيام الماضية",
                   "2025-03-29/2025-04-02", "2025-03-29/2025-04-02");
  EXPECT_NEWS_DATE("يتوقع هطول أمطار خلال اليومين المقبلين", "اليومين المقبلين",
                   "2025-04-04/2025-04-05", "2025-04-04/2025-04-05");
  EXPECT_NEWS_DATE("تضاعف عدد السكان خلال العقدين الماضيين", "العقدين الماضيين", "2005/2024",
                   "2005/2024");
  EXPECT_NEWS_DATE("تبدأ المرحلة الثانية بعد ثلاثة أسابيع من الآن", "بعد ثلاثة أسابيع من الآن",
                   "2025-04-24", "2025-04-24");
}

TEST(NewsDateTest, WeeksOfAMonth) {
  // ISO weeks; a week belongs to the month that holds its Thursday.
  EXPECT_NEWS_DATE("تراجعت البورصة في الأسبوع الثاني من مارس 2022", "الأسبوع الثاني من مارس 2022",
                   "2022-W10", "2022-W10");
  EXPECT_NEWS_DATE("أجريت الامتحانات في أول أسبوع من يونيو", "أول أسبوع من يونيو", "2024-W23",
                   "2024-W23");
}

TEST(NewsDateTest, OrdinalDays) {
  EXPECT_NEWS_DATE("أعلنت النتائج في رابع يوم من شهر آب 2020", "رابع يوم من شهر آب 2020",
                   "2020-08-04", "2020-08-04");
  Found f = At("وازدحمت الحدائق في ثاني أيام عيد الأضحى", "ثاني أيام عيد الأضحى");
  EXPECT_EQ(f.timex, "XXXX-12-11");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2024-06-17");
}

TEST(NewsDateTest, Ranges) {
  EXPECT_NEWS_DATE("يقام المعرض في الفترة 20 إلى 24 أغسطس", "20 إلى 24 أغسطس",
                   "XXXX-08-20/XXXX-08-24", "2024-08-20/2024-08-24");
  EXPECT_NEWS_DATE("موعد البطولة: أغسطس 20-24 في الدوحة", "أغسطس 20-24", "XXXX-08-20/XXXX-08-24",
                   "2024-08-20/2024-08-24");
  EXPECT_NEWS_DATE("شغل منصب الوزير بين 2016 و2019", "بين 2016 و2019", "2016/2019", "2016/2019");
  EXPECT_NEWS_DATE("وخلال الفترة 2020-2022 تضررت السياحة", "2020-2022", "2020/2022", "2020/2022");
  EXPECT_NEWS_DATE("أضرب المعلمون من الأحد إلى الخميس", "من الأحد إلى الخميس",
                   "XXXX-WXX-7/XXXX-WXX-4", "2025-03-30/2025-04-03");
}

TEST(NewsDateTest, ChristianHolidays) {
  EXPECT_NEWS_DATE("احتفلت العائلات بعيد الميلاد 2019 في بيت لحم", "عيد الميلاد 2019", "2019-12-25",
                   "2019-12-25");
  // Easter is the Western (Gregorian) one; the Orthodox one is named so.
  EXPECT_NEWS_DATE("أقيمت قداديس عيد الفصح 2024 في الكنائس", "عيد الفصح 2024", "2024-03-31",
                   "2024-03-31");
  EXPECT_NEWS_DATE("احتفلت الكنائس بعيد الفصح الأرثوذكسي 2024", "عيد الفصح الأرثوذكسي 2024",
                   "2024-05-05", "2024-05-05");
  // Without a year: the most recent one on or before the reference date.
  EXPECT_EQ(At("احتفل المسيحيون بعيد الفصح في الكنائس", "عيد الفصح").resolved, "2024-03-31");
}

TEST(NewsDateTest, IslamicHolidaysByUmmAlQura) {
  Found f = At("تعطلت الدوائر الرسمية في عيد الفطر 2024", "عيد الفطر 2024");
  EXPECT_EQ(f.timex, "1445-10-01");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2024-04-10");
  EXPECT_NEWS_DATE("ارتفعت أسعار الأضاحي قبل عيد الأضحى 2023", "عيد الأضحى 2023", "1444-12-10",
                   "2023-06-28");
  EXPECT_NEWS_DATE("يحل عيد الأضحى المقبل في يونيو", "عيد الأضحى المقبل", "XXXX-12-10",
                   "2025-06-06");
}

TEST(NewsDateTest, NumericDatesAfterACue) {
  EXPECT_NEWS_DATE("صدر القرار في 7/2019 بعد مشاورات", "7/2019", "2019-07", "2019-07");
  EXPECT_NEWS_DATE("نشرت الصحيفة التقرير في 17/6 دون توقيع", "17/6", "XXXX-06-17", "2024-06-17");
  EXPECT_NEWS_DATE("وكان الاجتماع قد عقد يوم 5/4 الماضي", "يوم 5/4 الماضي", "XXXX-04-05",
                   "2024-04-05");
  EXPECT_NEWS_DATE("صدر الحكم بتاريخ 7-11-19 عن المحكمة", "7-11-19", "2019-11-07", "2019-11-07");
  // A Hijri date is not validated as a Gregorian one (there is no 29 February 1445).
  Found f = At("وحرر المحضر في 29-02-1445 هـ", "29-02-1445 هـ");
  EXPECT_EQ(f.timex, "1445-02-29");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2023-09-14");
}

TEST(NewsDateTest, ThisMonthAndTheNearestWeekday) {
  EXPECT_NEWS_DATE("تنتهي مهلة التسجيل يوم 3 الجاري", "يوم 3 الجاري", "2025-04-03", "2025-04-03");
  EXPECT_NEWS_DATE("تعقد القمة في 10 أبريل الجاري", "10 أبريل الجاري", "XXXX-04-10", "2025-04-10");
  // 11 April 2025 is a Friday; 11 April 2024 was a Thursday.
  EXPECT_NEWS_DATE("تبدأ الانتخابات الجمعة 11 أبريل", "الجمعة 11 أبريل", "XXXX-04-11",
                   "2025-04-11");
  EXPECT_NEWS_DATE("يصل الوفد الأسبوع المقبل يوم الثلاثاء", "الأسبوع المقبل يوم الثلاثاء",
                   "2025-04-08", "2025-04-08");
  EXPECT_NEWS_DATE("تجتمع الجمعية الجمعة الثانية من الشهر", "الجمعة الثانية من الشهر", "2025-04-11",
                   "2025-04-11");
}

TEST(NewsDateTest, SeasonsAndPartsOfPeriods) {
  EXPECT_NEWS_DATE("اندلعت حرائق واسعة صيف 2021", "صيف 2021", "2021-SU", "2021-06/2021-08");
  EXPECT_NEWS_DATE("تضاعف استهلاك الغاز الشتاء الماضي", "الشتاء الماضي", "XXXX-WI",
                   "2024-12/2025-02");
  Found f = At("ينجز المشروع قبل نهاية شهر رمضان المقبل", "نهاية شهر رمضان المقبل");
  EXPECT_EQ(f.timex, "XXXX-09");
  EXPECT_EQ(f.calendar, Calendar::kHijri);
  EXPECT_EQ(f.resolved, "2026-03-10/2026-03-19");
  EXPECT_NEWS_DATE("تستأنف المفاوضات منتصف الأسبوع المقبل", "منتصف الأسبوع المقبل", "2025-W15",
                   "2025-04-09");
  EXPECT_NEWS_DATE("شهدت المدينة طفرة في مطلع الألفية الثالثة", "مطلع الألفية الثالثة", "2",
                   "2000/2009");
  EXPECT_NEWS_DATE("أعلنت الوزارة مواعيد العام الدراسي 2024/2025", "العام الدراسي 2024/2025",
                   "2024-09/2025-06", "2024-09/2025-06");
}

TEST(NewsDateTest, FalseAlarms) {
  // A duration, not January.
  EXPECT_TRUE(Dates("استمر الاعتصام طوال شهر واحد", kRef).empty());
  // A score, a decimal, a birthday party, a century before the common era.
  EXPECT_TRUE(Dates("انتهت المباراة بنتيجة 4 - صفر", kRef).empty());
  EXPECT_TRUE(Dates("ارتفع المؤشر في 6.3 نقطة", kRef).empty());
  EXPECT_TRUE(Dates("أقيم حفل عيد الميلاد للأمير", kRef).empty());
  EXPECT_TRUE(Dates("عاش الفراعنة في القرن 17 ق.م", kRef).empty());
  EXPECT_TRUE(Dates("فلاسفة من القرن الخامس قبل الميلاد", kRef).empty());
  // A set of Fridays, not one Friday.
  EXPECT_TRUE(Dates("تقام الصلاة كل يوم جمعة في الساحة", kRef).empty());
  // One date, not a range.
  std::vector<Found> all = Dates("صدر القرار في 15-يناير-2020 عن الوزارة", kRef);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].text, "15-يناير-2020");
  EXPECT_EQ(all[0].timex, "2020-01-15");
  // Without a reference date the day stays.
  all = Dates("سيعقد الاجتماع في 20 من الشهر القادم");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].text, "20 من الشهر القادم");
  EXPECT_EQ(all[0].timex, "XXXX-XX-20");
  EXPECT_EQ(all[0].resolved, "");
  EXPECT_NEWS_DATE("سيعقد الاجتماع في 20 من الشهر القادم", "20 من الشهر القادم", "2025-05-20",
                   "2025-05-20");
}

}  // namespace
}  // namespace kashif
