// Bounded working memory (issue 13): long texts go through in windows whose results equal the
// whole text's, no entity crosses a line break, the per-thread scratch shrinks after an outsized
// text and can be released, and out-of-range dates get no resolved value.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/windows.h"
#include "kashif/kashif.h"
#include "shared_extractor.h"

namespace kashif {
namespace {

// Restores the production window limits when a test ends.
class WindowLimitsScope {
 public:
  WindowLimitsScope(size_t window, size_t margin) {
    internal::SetWindowLimitsForTesting(window, margin);
  }
  ~WindowLimitsScope() { internal::SetWindowLimitsForTesting(0, 0); }
};

// A long news-like text: sentences built from people, organizations, places, amounts and
// dates, with family names and short forms recurring at every distance, paragraphs and lines.
std::string NewsText(size_t sentences) {
  static const char* const kPeople[] = {"فلاديمير بوتين", "سيرجي لافروف", "كيريل ديمترييف",
                                        "أنطونيو غوتيريش", "محمد بن سلمان", "إيمانويل ماكرون",
                                        "رجب طيب أردوغان", "عبد الفتاح السيسي"};
  static const char* const kSurnames[] = {"بوتين", "لافروف", "ديمترييف", "غوتيريش",
                                          "ماكرون", "أردوغان", "السيسي"};
  static const char* const kOrgs[] = {"صندوق الثروة السيادية", "الأمم المتحدة",
                                      "حركة المقاومة الإسلامية (حماس)", "البنك المركزي المصري",
                                      "منظمة الصحة العالمية", "جامعة الدول العربية"};
  static const char* const kPlaces[] = {"موسكو", "القاهرة", "الرياض", "واشنطن", "لروسيا",
                                        "وباريس", "أنقرة", "بيروت"};
  static const char* const kAmounts[] = {"324 مليار دولار", "خمسة ملايين ريال",
                                         "1.5 مليون يورو", "٢٠٠ ألف جنيه مصري"};
  static const char* const kDates[] = {"يوم الخميس", "في 27 فبراير 2022", "أمس",
                                       "في الخامس من رمضان 1445 هـ", "الأسبوع الماضي"};
  std::string text;
  uint32_t state = 12345;
  auto next = [&](size_t n) {
    state = state * 1103515245u + 12345u;
    return static_cast<size_t>((state >> 16) % n);
  };
  for (size_t i = 0; i < sentences; ++i) {
    switch (next(6)) {
      case 0:
        text += std::string("قال ") + kPeople[next(8)] + " إن " + kOrgs[next(6)] + " خصص " +
                kAmounts[next(4)] + " " + kDates[next(5)] + ".";
        break;
      case 1:
        text += std::string("وصل الوفد إلى ") + kPlaces[next(8)] + " " + kDates[next(5)] +
                " والتقى " + kPeople[next(8)] + ".";
        break;
      case 2:
        text += std::string("وأكد ") + kSurnames[next(7)] + " أن الاتفاق مع " + kOrgs[next(6)] +
                " سيوقع في " + kPlaces[next(8)] + ".";
        break;
      case 3:
        text += std::string("وأعلنت ") + kOrgs[next(6)] + " أن " + kSurnames[next(7)] +
                " سيزور " + kPlaces[next(8)] + " " + kDates[next(5)] + ".";
        break;
      case 4:
        text += std::string("وذكرت مصادر في حماس أن ") + kPeople[next(8)] + " و" +
                kSurnames[next(7)] + " بحثا ملف " + kPlaces[next(8)] + ".";
        break;
      default:
        text += "ولم يصدر أي تعليق رسمي على هذه التصريحات حتى الآن.";
    }
    const size_t gap = next(10);
    text += gap == 0 ? "\n\n" : gap < 3 ? "\n" : " ";
  }
  return text;
}

std::string Describe(std::string_view text, const std::vector<Entity>& entities) {
  std::string out;
  for (const Entity& e : entities) {
    out += std::to_string(e.begin) + "-" + std::to_string(e.end) + " " + EntityTypeLabel(e.type) +
           " " + std::string(e.text(text)) + " | " + e.canonical;
    if (e.money) out += " " + e.money->amount + " " + e.money->currency;
    if (e.date) out += " " + e.date->timex + " " + e.date->resolved;
    out += "\n";
  }
  return out;
}

TEST(WindowsTest, LongTextInWindowsGivesExactlyTheWholeTextsEntities) {
  const std::string text = NewsText(6000);  // about 80 000 tokens
  const CivilDate reference{2025, 4, 3};
  std::vector<Entity> whole, windowed;
  {
    WindowLimitsScope whole_text(size_t{1} << 30, 2048);  // one window: the text as a whole
    SharedExtractor().Extract(text, reference, &whole);
  }
  for (size_t window : {size_t{5000}, size_t{8192}, size_t{20000}}) {
    WindowLimitsScope limits(window, 2048);
    SharedExtractor().Extract(text, reference, &windowed);
    ASSERT_EQ(Describe(text, windowed), Describe(text, whole)) << "window " << window;
  }
  // The test means something: many entities, several windows, names recurring across cuts.
  EXPECT_GT(whole.size(), 10000u);
}

TEST(WindowsTest, DefaultWindowsOnALongTextMatchTheWholeText) {
  const std::string text = NewsText(12000);  // more than one default window
  std::vector<Entity> whole, windowed;
  {
    WindowLimitsScope whole_text(size_t{1} << 30, 2048);
    SharedExtractor().Extract(text, std::nullopt, &whole);
  }
  SharedExtractor().Extract(text, std::nullopt, &windowed);
  EXPECT_EQ(Describe(text, windowed), Describe(text, whole));
}

TEST(LineBreakTest, NoEntityCrossesALineBreak) {
  // The same words joined by a space are one entity; split by a line break they never are.
  for (std::string_view separator : {"\n", "\r\n", "\xE2\x80\xA8"}) {
    for (auto [first, second] : {std::pair<std::string, std::string>{"فلاديمير", "بوتين"},
                                 {"13", "يوليو 2024"},
                                 {"500", "دولار"}}) {
      const std::string joined = "قال " + first + " " + second + " أمس";
      const std::string split = "قال " + first + std::string(separator) + second + " أمس";
      const auto one = SharedExtractor().Extract(joined);
      bool spanning = false;
      for (const Entity& e : one) {
        spanning = spanning || e.text(joined).find(first + " " + second) != std::string::npos;
      }
      EXPECT_TRUE(spanning) << joined;
      for (const Entity& e : SharedExtractor().Extract(split)) {
        const std::string_view t = e.text(split);
        EXPECT_EQ(t.find(separator), std::string_view::npos) << t;
      }
    }
  }
}

TEST(ScratchTest, ShrinksAfterAnOutsizedTextAndCanBeReleased) {
  // 4 MB of punctuation: a token every two bytes, two million tokens.
  std::string punctuation;
  while (punctuation.size() < (4u << 20)) punctuation += ". ";
  std::vector<Entity> entities;
  SharedExtractor().Extract(punctuation, std::nullopt, &entities);
  // Windows bound what a thread keeps, whatever the text's size.
  EXPECT_LT(internal::ThreadScratchBytes(), size_t{48} << 20);
  SharedExtractor().Extract("زار موسكو", std::nullopt, &entities);
  ASSERT_EQ(entities.size(), 1u);
  ReleaseThreadScratch();
  EXPECT_EQ(internal::ThreadScratchBytes(), 0u);
  // And extraction works as before afterwards.
  SharedExtractor().Extract("زار موسكو", std::nullopt, &entities);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].begin, 7u);
}

TEST(GazetteerFileTest, ADirectoryOrUnreadableFileIsAnErrorWithThePath) {
  Options options;
  options.gazetteer_files.push_back(::testing::TempDir());
  auto created = Extractor::Create(options);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find(::testing::TempDir()), std::string::npos)
      << created.status().message();
  EXPECT_NE(created.status().message().find("directory"), std::string::npos);
}

TEST(GazetteerEntryTest, InvalidUtf8NameIsRefused) {
  Options options;
  options.gazetteer_entries.push_back({EntityType::kPerson, "زيد\xFF", ""});
  auto created = Extractor::Create(options);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("UTF-8"), std::string::npos);
}

TEST(DateRangeTest, NoResolvedValueOutsideYearsOneTo9999) {
  const auto tomorrow = SharedExtractor().Extract("نلتقي غدا", CivilDate{9999, 12, 31});
  ASSERT_EQ(tomorrow.size(), 1u);
  ASSERT_TRUE(tomorrow[0].date.has_value());
  EXPECT_EQ(tomorrow[0].date->resolved, "");
  const auto yesterday = SharedExtractor().Extract("التقينا أمس", CivilDate{1, 1, 1});
  ASSERT_EQ(yesterday.size(), 1u);
  EXPECT_EQ(yesterday[0].date->resolved, "");
  // Inside the range, as before.
  const auto normal = SharedExtractor().Extract("نلتقي غدا", CivilDate{9999, 12, 30});
  ASSERT_EQ(normal.size(), 1u);
  EXPECT_EQ(normal[0].date->resolved, "9999-12-31");
}

}  // namespace
}  // namespace kashif
