// The whole pipeline on real Arabic sentences: places from the built-in gazetteer, proclitics,
// user gazetteers, option and file errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "kashif/kashif.h"

namespace kashif {
namespace {

struct Found {
  std::string type;
  std::string text;
  std::string canonical;
  bool operator==(const Found& o) const {
    return type == o.type && text == o.text && canonical == o.canonical;
  }
};
std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << f.type << ":" << f.text << "→" << f.canonical;
}

std::vector<Found> Places(const Extractor& extractor, std::string_view text,
                       EntityType only = EntityType::kPlace) {
  std::vector<Found> out;
  for (const Entity& e : extractor.Extract(text)) {
    if (e.type != only) continue;
    out.push_back({EntityTypeLabel(e.type), std::string(e.text(text)), e.canonical});
  }
  return out;
}

Extractor PlacesOnly() {
  Options options;
  options.types = {EntityType::kPlace};
  auto extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString();
  return *extractor;
}

TEST(ExtractorTest, FindsCountriesAndCitiesWithExactByteSpans) {
  const Extractor extractor = PlacesOnly();
  const std::string text = "وصل المبعوث إلى واشنطن قادما من موسكو.";
  const std::vector<Entity> entities = extractor.Extract(text);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].type, EntityType::kPlace);
  EXPECT_EQ(entities[0].begin, text.find("واشنطن"));
  EXPECT_EQ(entities[0].end, text.find("واشنطن") + std::string("واشنطن").size());
  EXPECT_EQ(entities[1].begin, text.find("موسكو"));
  EXPECT_EQ(entities[1].text(text), "موسكو");
}

TEST(ExtractorTest, SpansLeaveOneLetterProcliticsOut) {
  const Extractor extractor = PlacesOnly();
  EXPECT_EQ(Places(extractor, "التقى المسؤولون في موسكو وواشنطن"),
            (std::vector<Found>{{"LOC", "موسكو", "موسكو"}, {"LOC", "واشنطن", "واشنطن"}}));
  EXPECT_EQ(Places(extractor, "عاد السفير لروسيا بعد زيارة بموسكو"),
            (std::vector<Found>{{"LOC", "روسيا", "روسيا"}, {"LOC", "موسكو", "موسكو"}}));
  EXPECT_EQ(Places(extractor, "وفرنسا وكندا ولبنان"),
            (std::vector<Found>{
                {"LOC", "فرنسا", "فرنسا"}, {"LOC", "كندا", "كندا"}, {"LOC", "لبنان", "لبنان"}}));
}

TEST(ExtractorTest, WordsThatStartLikeProcliticsAreNotCut) {
  const Extractor extractor = PlacesOnly();
  // و of واشنطن, ب of بريطانيا, ل of لبنان and لندن, ف of فرنسا, ك of كندا belong to the name.
  EXPECT_EQ(Places(extractor, "واشنطن بريطانيا لبنان لندن فرنسا كندا"),
            (std::vector<Found>{{"LOC", "واشنطن", "واشنطن"},
                                {"LOC", "بريطانيا", "المملكة المتحدة"},
                                {"LOC", "لبنان", "لبنان"},
                                {"LOC", "لندن", "لندن"},
                                {"LOC", "فرنسا", "فرنسا"},
                                {"LOC", "كندا", "كندا"}}));
}

TEST(ExtractorTest, MultiWordNamesLongestFirstAndTheMergedArticle) {
  const Extractor extractor = PlacesOnly();
  EXPECT_EQ(Places(extractor, "سافر إلى الولايات المتحدة"),
            (std::vector<Found>{{"LOC", "الولايات المتحدة", "الولايات المتحدة"}}));
  // لل = ل + ال: the span starts after the preposition, the canonical form has the article.
  EXPECT_EQ(Places(extractor, "زيارة للولايات المتحدة"),
            (std::vector<Found>{{"LOC", "لولايات المتحدة", "الولايات المتحدة"}}));
  EXPECT_EQ(Places(extractor, "في المملكة العربية السعودية"),
            (std::vector<Found>{{"LOC", "المملكة العربية السعودية", "المملكة العربية السعودية"}}));
}

TEST(ExtractorTest, SpellingVariantsMeetThroughTheMatchForm) {
  const Extractor extractor = PlacesOnly();
  // Without hamza, with diacritics, with tatweel: the same city.
  EXPECT_EQ(Places(extractor, "اسطنبول"), (std::vector<Found>{{"LOC", "اسطنبول", "إسطنبول"}}));
  EXPECT_EQ(Places(extractor, "مُوسْكُو"), (std::vector<Found>{{"LOC", "مُوسْكُو", "موسكو"}}));
  EXPECT_EQ(Places(extractor, "روســيا"), (std::vector<Found>{{"LOC", "روســيا", "روسيا"}}));
}

TEST(ExtractorTest, NothingInsideLargerWordsOrOnEmptyText) {
  const Extractor extractor = PlacesOnly();
  EXPECT_TRUE(extractor.Extract("").empty());
  EXPECT_TRUE(extractor.Extract("   \n").empty());
  EXPECT_TRUE(Places(extractor, "الروسية والموسكوفي").empty());
}

TEST(ExtractorTest, InvalidUtf8NeverShiftsOffsets) {
  const Extractor extractor = PlacesOnly();
  const std::string text = std::string("\xFF\xFE في ") + "موسكو" + " \xC3";
  const std::vector<Entity> entities = extractor.Extract(text);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].text(text), "موسكو");
}

TEST(ExtractorTest, UserEntriesInCodeWinOverBuiltIns) {
  Options options;
  options.gazetteer_entries = {{EntityType::kOrganization, "جولدمان ساكس", ""},
                               {EntityType::kPerson, "موسكو", "موسكو (شخص)"}};
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::string text = "عمل في وجولدمان ساكس وقابل موسكو";
  const std::vector<Entity> entities = extractor->Extract(text);
  std::vector<Found> found;
  for (const Entity& e : entities) {
    found.push_back({EntityTypeLabel(e.type), std::string(e.text(text)), e.canonical});
  }
  EXPECT_EQ(found, (std::vector<Found>{{"ORG", "جولدمان ساكس", "جولدمان ساكس"},
                                       {"PER", "موسكو", "موسكو (شخص)"}}));
}

TEST(ExtractorTest, UserGazetteerFileAndOnlyUserEntries) {
  const std::string path = ::testing::TempDir() + "kashif_user_gazetteer.tsv";
  {
    std::ofstream out(path);
    out << "# my list\n\nكيريل ديمترييف\tPER\n"
        << "صندوق الثروة السيادية الروسية\tORG\tصندوق الاستثمار المباشر الروسي\n";
  }
  Options options;
  options.gazetteer_files = {path};
  options.use_builtin_gazetteers = false;
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::string text = "قال كيريل ديمترييف رئيس صندوق الثروة السيادية الروسية في موسكو";
  const std::vector<Entity> entities = extractor->Extract(text);
  ASSERT_EQ(entities.size(), 2u);  // no built-in places: موسكو is not found
  EXPECT_EQ(entities[0].type, EntityType::kPerson);
  EXPECT_EQ(entities[0].text(text), "كيريل ديمترييف");
  EXPECT_EQ(entities[1].type, EntityType::kOrganization);
  EXPECT_EQ(entities[1].canonical, "صندوق الاستثمار المباشر الروسي");
  std::remove(path.c_str());
}

TEST(ExtractorTest, TypesOptionFilters) {
  Options options;
  options.types = {EntityType::kPerson};
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok());
  EXPECT_TRUE(Places(*extractor, "موسكو وواشنطن").empty());
}

TEST(ExtractorTest, ExtractorCopiesShareTheModel) {
  const Extractor a = PlacesOnly();
  const Extractor b = a;  // NOLINT: copy on purpose
  EXPECT_EQ(Places(a, "في لبنان"), Places(b, "في لبنان"));
}

TEST(ExtractorTest, BadGazetteerFileNamesFileLineAndReason) {
  const std::string path = ::testing::TempDir() + "kashif_bad_gazetteer.tsv";
  {
    std::ofstream out(path);
    out << "موسكو\tLOC\nبغداد\tCITY\n";
  }
  Options options;
  options.gazetteer_files = {path};
  auto extractor = Extractor::Create(options);
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(extractor.status().message(),
            path + ":2: unknown type \"CITY\" (expected PER, ORG or LOC)");
  std::remove(path.c_str());
}

TEST(ExtractorTest, MissingGazetteerFile) {
  Options options;
  options.gazetteer_files = {"/nonexistent/kashif.tsv"};
  auto extractor = Extractor::Create(options);
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(extractor.status().message(), "/nonexistent/kashif.tsv: cannot open file");
}

TEST(ExtractorTest, InvalidReferenceDateIsRejected) {
  Options options;
  options.reference_date = CivilDate{2025, 2, 30};
  auto extractor = Extractor::Create(options);
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().message(),
            "reference_date is not a valid calendar day: 2025-02-30");
}

TEST(GazetteerTsvTest, ReportsEachKindOfError) {
  auto columns = ParseGazetteerTsv("موسكو\n", "a.tsv");
  ASSERT_FALSE(columns.ok());
  EXPECT_EQ(columns.status().message(),
            "a.tsv:1: expected 2 or 3 tab-separated columns (NAME, TYPE[, CANONICAL]), found 1");
  auto empty = ParseGazetteerTsv("# c\n\t LOC\n", "b.tsv");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "b.tsv:2: empty name");
  auto utf8 = ParseGazetteerTsv("ok\tLOC\nbad\xFF\tLOC\n", "c.tsv");
  ASSERT_FALSE(utf8.ok());
  EXPECT_EQ(utf8.status().message(), "c.tsv:2: invalid UTF-8");
  auto money = ParseGazetteerTsv("دولار\tMONEY\n", "d.tsv");
  ASSERT_FALSE(money.ok());
  EXPECT_EQ(money.status().message(), "d.tsv:1: unknown type \"MONEY\" (expected PER, ORG or LOC)");
}

TEST(GazetteerTsvTest, AcceptsCrLfBomCommentsAndCanonical) {
  auto entries = ParseGazetteerTsv("\xEF\xBB\xBF# list\r\nأمريكا\tGPE\tالولايات المتحدة\r\n"
                                   "\r\nبوتين\tpers\r\n",
                                   "ok.tsv");
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].type, EntityType::kPlace);
  EXPECT_EQ((*entries)[0].name, "أمريكا");
  EXPECT_EQ((*entries)[0].canonical, "الولايات المتحدة");
  EXPECT_EQ((*entries)[1].type, EntityType::kPerson);
  EXPECT_EQ((*entries)[1].canonical, "بوتين");
}

TEST(CivilDateTest, ParseAndFormat) {
  EXPECT_EQ(ParseCivilDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_FALSE(ParseCivilDate("2023-02-29"));
  EXPECT_FALSE(ParseCivilDate("2023-2-01"));
  EXPECT_FALSE(ParseCivilDate("2023-13-01"));
  EXPECT_EQ(FormatCivilDate({2025, 4, 3}), "2025-04-03");
}

TEST(VersionTest, MatchesTheHeader) { EXPECT_STREQ(Version(), KASHIF_VERSION_STRING); }

}  // namespace
}  // namespace kashif

namespace kashif {
namespace {

// A gazetteer name must not swallow a number word that folds to the same letters: "ميتا"
// (Meta) is "مئتا" (two hundred) once hamza is folded, so only "شركة ميتا" names the company.
TEST(ExtractorTest, NumberWordIsNotTheCompanyWithTheSameLetters) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok());
  const std::string text = "بلغت الخسائر مئتا مليون دولار وأعلنت شركة ميتا أرباحها";
  const std::vector<Entity> entities = extractor->Extract(text);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].type, EntityType::kMoney);
  EXPECT_EQ(entities[0].text(text), "مئتا مليون دولار");
  // A grammar-found entity's canonical name is its display form: letters as written.
  EXPECT_EQ(entities[0].canonical, "مئتا مليون دولار");
  ASSERT_TRUE(entities[0].money.has_value());
  EXPECT_EQ(entities[0].money->amount, "200000000");
  EXPECT_EQ(entities[0].money->currency, "USD");
  EXPECT_EQ(entities[1].type, EntityType::kOrganization);
  EXPECT_EQ(entities[1].text(text), "شركة ميتا");
}

}  // namespace
}  // namespace kashif

namespace kashif {
namespace {

TEST(ExtractorTest, CanonicalOfRuleFoundEntitiesDropsMarksButKeepsLetters) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok());
  const std::string text = "خصصت الحكومة خَمسة ملايين يـورو";
  const std::vector<Entity> entities = extractor->Extract(text);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].text(text), "خَمسة ملايين يـورو");
  EXPECT_EQ(entities[0].canonical, "خمسة ملايين يورو");
  EXPECT_EQ(entities[0].money->amount, "5000000");
  EXPECT_EQ(entities[0].money->currency, "EUR");
}

}  // namespace
}  // namespace kashif
