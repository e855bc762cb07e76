// The date examples of issue 15 ("Dates, money and numbers the way news writes them"), each in
// a news sentence, through the public API: exact span, TIMEX3 value and resolved date. The
// reference date is Thursday 2025-04-03 and the bias is past unless a test says otherwise.
// Conventions behind the values: docs/dates.md.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "kashif/kashif.h"

namespace kashif {
namespace {

struct Found {
  std::string text;
  std::string timex;
  std::string resolved;
  Calendar calendar = Calendar::kGregorian;
};

constexpr CivilDate kRef{2025, 4, 3};  // a Thursday

std::vector<Found> Dates(const std::string& text, std::optional<CivilDate> ref = kRef) {
  Options options;
  options.types = {EntityType::kDate};
  options.reference_date = ref;
  auto extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok()) << extractor.status().message();
  std::vector<Found> out;
  if (!extractor.ok()) return out;
  for (const Entity& e : extractor->Extract(text)) {
    if (!e.date) continue;
    out.push_back(
        Found{std::string(e.text(text)), e.date->timex, e.date->resolved, e.date->calendar});
  }
  return out;
}

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
  EXPECT_EQ(Dates("تعيش البلاد أزمة منذ عام 2011").size(), 1u);
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
  EXPECT_TRUE(Dates("استمر الاعتصام طوال شهر واحد").empty());
  // A set of Fridays, not one Friday.
  EXPECT_TRUE(Dates("تقام الصلاة كل يوم جمعة في الساحة").empty());
  // One date, not a range.
  std::vector<Found> all = Dates("صدر القرار في 15-يناير-2020 عن الوزارة");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].text, "15-يناير-2020");
  EXPECT_EQ(all[0].timex, "2020-01-15");
  // Without a reference date the day stays.
  all = Dates("سيعقد الاجتماع في 20 من الشهر القادم", std::nullopt);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].text, "20 من الشهر القادم");
  EXPECT_EQ(all[0].timex, "XXXX-XX-20");
  EXPECT_EQ(all[0].resolved, "");
  EXPECT_NEWS_DATE("سيعقد الاجتماع في 20 من الشهر القادم", "20 من الشهر القادم", "2025-05-20",
                   "2025-05-20");
}

}  // namespace
}  // namespace kashif
