// Checks the built-in place, organization, people, given-name and demonym data (data/places.tsv,
// data/organizations.tsv, data/people.tsv, data/ner_given_names.tsv, data/demonyms.tsv): every line parses, nothing is listed twice, no
// entry is an Arabic function word or a known ambiguous common word, the names the pipeline
// relies on are there, and the embedded copies are what the extractor finds. Also the line
// reader every data table is read with.
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "kashif/kashif.h"
#include "kashif/normalizer.h"
#include "text/lines.h"
#include "text/utf8.h"

namespace kashif {
namespace {

std::string ReadSourceFile(const std::string& relative_path) {
  std::ifstream in(std::string(KASHIF_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The folds the extractor matches with, all on: two names equal under it are the same entry.
const Normalizer& MatchingNormalizer() {
  static const Normalizer* normalizer = [] {
    NormalizerOptions options;
    options.fold_teh_marbuta = true;
    options.fold_hamza = true;
    return new Normalizer(options);
  }();
  return *normalizer;
}

std::string Fold(std::string_view name) { return MatchingNormalizer().NormalizeToString(name); }

std::vector<GazetteerEntry> LoadGazetteer(const std::string& relative_path) {
  std::string content = ReadSourceFile(relative_path);
  EXPECT_FALSE(content.empty()) << relative_path << " is missing or empty";
  auto entries = ParseGazetteerTsv(content, relative_path);
  EXPECT_TRUE(entries.ok()) << entries.status().message();
  return entries.ok() ? *entries : std::vector<GazetteerEntry>();
}

const std::vector<GazetteerEntry>& Places() {
  static const auto* places = new std::vector<GazetteerEntry>(LoadGazetteer("data/places.tsv"));
  return *places;
}

const std::vector<GazetteerEntry>& People() {
  static const auto* people = new std::vector<GazetteerEntry>(LoadGazetteer("data/people.tsv"));
  return *people;
}

const std::vector<GazetteerEntry>& Organizations() {
  static const auto* organizations =
      new std::vector<GazetteerEntry>(LoadGazetteer("data/organizations.tsv"));
  return *organizations;
}

struct Demonym {
  int line = 0;
  std::string adjective;
  std::string place;
};

std::vector<Demonym> LoadDemonyms() {
  std::vector<Demonym> demonyms;
  std::istringstream in(ReadSourceFile("data/demonyms.tsv"));
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    Demonym demonym;
    demonym.line = line_number;
    demonym.adjective = line.substr(0, tab);
    demonym.place = tab == std::string::npos ? "" : line.substr(tab + 1);
    demonyms.push_back(demonym);
  }
  return demonyms;
}

// name -> canonical, for one file's entries (the first entry wins, as in the files).
std::map<std::string, std::string> CanonicalByName(const std::vector<GazetteerEntry>& entries) {
  std::map<std::string, std::string> result;
  for (const GazetteerEntry& entry : entries) result.emplace(entry.name, entry.canonical);
  return result;
}

// Every name of `expected` is listed in `entries` and reports the expected canonical name.
template <size_t N>
void ExpectCanonicalNames(const std::vector<GazetteerEntry>& entries,
                          const std::pair<const char*, const char*> (&expected)[N],
                          const char* kind) {
  const std::map<std::string, std::string> canonical = CanonicalByName(entries);
  for (const auto& [name, want] : expected) {
    auto it = canonical.find(name);
    ASSERT_NE(it, canonical.end()) << "missing " << kind << ": " << name;
    EXPECT_EQ(it->second, want) << name;
  }
}

// Words that can never be a whole gazetteer entry: prepositions, pronouns, particles, and the
// commonest verbs and nouns of news text.
constexpr const char* kFunctionWords[] = {
    "في",    "من",    "إلى",   "الى",   "على",   "عن",    "مع",    "هذا",   "هذه",
    "ذلك",   "تلك",   "التي",  "الذي",  "الذين", "هو",    "هي",    "هم",    "نحن",
    "أن",    "إن",    "أنه",   "كان",   "كانت",  "قد",    "لقد",   "لم",    "لن",
    "لا",    "ما",    "ماذا",  "متى",   "أين",   "كيف",   "بعد",   "قبل",   "بين",
    "حتى",   "عند",   "منذ",   "خلال",  "ضد",    "نحو",   "حول",   "أو",    "ثم",
    "بل",    "لكن",   "غير",   "كل",    "بعض",   "أي",    "إذا",   "لو",    "قال",
    "قالت",  "يوم",   "عام",   "اليوم", "أمس",   "غدا",   "الرئيس", "الحكومة", "الوزير",
    "الدولة", "المدينة", "البلاد", "الشعب", "العالم", "وزارة", "مجلس", "البنك", "شركة",
    "الجيش", "الشرطة", "العاصمة", "الشرق", "الغرب", "الشمال", "الجنوب", "الوسط",
};

// Places and organizations whose bare name is an ordinary word; the data lists them only in
// unambiguous forms (see the headers of tools/datagen/*_hand.tsv).
constexpr const char* kAmbiguousWords[] = {
    "مالي",  "العين", "الخبر", "العيون", "صور",   "الباب", "الجديدة", "البيضاء",
    "الزاوية", "معسكر", "الجزيرة", "الشرقية", "الغربية", "كيف", "مشهد",  "صوفيا",
    "نيسان", "الريف", "النصر", "الأمل",  "الهلال", "فتح",   "الحياة",  "المتوسط",
    "الهادئ", "بورصة", "تداول", "الأهلي", "الزمالك", "الاتحاد", "الوحدة", "القاعدة",
    "إطار",  "القبائل", "نجد",   "الصعيد", "بشار",  "عرفات", "حديثه",  "سيول",
    "مالية", "إعمار",  "الخمس", "القائم", "ينبع",  "وام",   "الميادين", "حولي",
    "جزيرة", "سلمية",  "الطبقة", "بشري",  "المنزلة", "ربك",  "الوجه",  "كانون",
};

// Surnames of well-known people that are also ordinary words ("the lion", "whistle", "the
// proof", "zucchini"), some only after a proclitic or a hamza fold (توتي = تؤتي): data/people.tsv
// lists those people only by their full names.
constexpr const char* kAmbiguousSurnames[] = {
    "الأسد", "عون",   "سلام",  "نصر",   "حرب",   "صفير",  "مغنية", "البرهان", "المنفي",
    "سلال",  "غليون", "كوسا",  "جلود",  "مشار",  "المشاط", "الترابي", "الشاطر", "العريان",
    "صباحي", "رباني", "ريفي",  "مملوك", "فضل الله", "الفالح", "بنس", "كومو", "الجبالي",
    "السراج", "النخالة", "درعي", "كرامي", "معوض", "عطري",  "رجائي", "جنتي", "همتي",
    "بابان", "توتي",  "كهربا", "الحصري", "الوردي", "أظهر",  "الخنجر", "المشنوق", "راسك",
    "زمور",  "سيزر",  "دوما",  "سالك",  "مشرفة", "الجسمي", "كارمل", "جامح", "الثني",
    "النسور", "خدام",  "قهوجي", "القربي", "كياني", "النصيري", "لمجرد", "الخطابي", "البنزرتي",
    "الأفغاني", "القوتلي", "الحبتور", "محلب",
    // Historical figures known by a nisba or nickname that is an everyday word ("nuclear",
    // "the tents", "plum", "wing", "the priestess", "the Canadian", "golden", "the women's"),
    // and groups whose name is a common plural ("those concerned", "guards", "monotheists").
    "النووي", "الخيام", "برقوق", "جناح", "الكاهنة", "الكندي", "الذهبي", "النسائي",
    "البيضاوي", "الجوهري", "الناصري", "المقري", "البهائي", "الشهبندر", "المعنيون",
    "المرابطين", "الموحدين", "مضر", "الهون", "نظام الملك", "الزجاج", "الفراء", "مولوتوف",
};

void ExpectAllOfType(const std::vector<GazetteerEntry>& entries, EntityType type) {
  for (const GazetteerEntry& entry : entries) {
    EXPECT_EQ(entry.type, type) << entry.name;
  }
}

void ExpectNoDuplicates(const std::vector<GazetteerEntry>& entries) {
  std::set<std::pair<std::string, EntityType>> exact;
  std::map<std::pair<std::string, EntityType>, std::string> folded;
  for (const GazetteerEntry& entry : entries) {
    EXPECT_TRUE(exact.insert({entry.name, entry.type}).second) << "listed twice: " << entry.name;
    auto [it, inserted] = folded.insert({{Fold(entry.name), entry.type}, entry.name});
    EXPECT_TRUE(inserted) << "\"" << entry.name << "\" only differs by folding from \""
                          << it->second << "\"";
  }
}

// No entry is (after folding) one of the words of the two lists.
template <size_t N, size_t M>
void ExpectNoneOf(const std::vector<GazetteerEntry>& entries, const char* const (&first)[N],
                  const char* const (&second)[M]) {
  std::set<std::string> banned;
  for (const char* word : first) banned.insert(Fold(word));
  for (const char* word : second) banned.insert(Fold(word));
  for (const GazetteerEntry& entry : entries) {
    EXPECT_EQ(banned.count(Fold(entry.name)), 0u) << "common word listed: " << entry.name;
  }
}

void ExpectNoCommonWords(const std::vector<GazetteerEntry>& entries) {
  ExpectNoneOf(entries, kFunctionWords, kAmbiguousWords);
}

TEST(PlacesDataTest, ParsesAndIsLarge) {
  ASSERT_FALSE(Places().empty());
  ExpectAllOfType(Places(), EntityType::kPlace);
  EXPECT_GE(Places().size(), 2000u);
}

TEST(PlacesDataTest, NoDuplicates) { ExpectNoDuplicates(Places()); }

TEST(PlacesDataTest, NoFunctionWordsOrAmbiguousWords) { ExpectNoCommonWords(Places()); }

TEST(PlacesDataTest, CountriesAndTheirUsualForms) {
  const std::pair<const char*, const char*> expected[] = {
      {"روسيا", "روسيا"},
      {"الاتحاد الروسي", "روسيا"},
      {"الولايات المتحدة", "الولايات المتحدة"},
      {"أمريكا", "الولايات المتحدة"},
      {"أميركا", "الولايات المتحدة"},
      {"الولايات المتحدة الأمريكية", "الولايات المتحدة"},
      {"بريطانيا", "المملكة المتحدة"},
      {"المملكة المتحدة", "المملكة المتحدة"},
      {"الإمارات", "الإمارات العربية المتحدة"},
      {"السعودية", "المملكة العربية السعودية"},
      {"الجزائر", "الجزائر"},
      {"مصر", "مصر"},
      {"جمهورية مصر العربية", "مصر"},
      {"سوريا", "سوريا"},
      {"سورية", "سوريا"},
      {"فلسطين", "فلسطين"},
      {"الصين", "الصين"},
      {"ألمانيا", "ألمانيا"},
      {"أوكرانيا", "أوكرانيا"},
      {"جورجيا", "جورجيا"},
      {"موريتانيا", "موريتانيا"},
      {"جمهورية مالي", "مالي"},
      {"بورما", "ميانمار"},
      {"كوت ديفوار", "ساحل العاج"},
  };
  ExpectCanonicalNames(Places(), expected, "place");
}

TEST(PlacesDataTest, CitiesRegionsAndGeography) {
  const std::map<std::string, std::string> canonical = CanonicalByName(Places());
  const char* expected[] = {
      // capitals and world cities
      "واشنطن", "موسكو", "لندن", "باريس", "بكين", "طوكيو", "كييف", "نيويورك", "برلين",
      "أنقرة", "طهران", "نيودلهي", "بروكسل", "جنيف", "إسطنبول", "سان فرانسيسكو",
      // the Arab world
      "القاهرة", "الإسكندرية", "الرياض", "جدة", "مكة", "دبي", "أبوظبي", "الدوحة",
      "الكويت", "المنامة", "مسقط", "صنعاء", "عدن", "بغداد", "البصرة", "الموصل", "أربيل",
      "دمشق", "حلب", "إدلب", "بيروت", "طرابلس", "عمان", "إربد", "القدس", "غزة", "رام الله",
      "الضفة الغربية", "بنغازي", "تونس", "صفاقس", "وهران", "الرباط", "الدار البيضاء",
      "مراكش", "نواكشوط", "الخرطوم", "دارفور", "مقديشو",
      // provinces, states, regions
      "سيناء", "الأنبار", "كردستان العراق", "كاليفورنيا", "تكساس", "فلوريدا", "القرم",
      "دونباس", "كشمير", "الشيشان", "القطب الشمالي", "الشرق الأوسط", "الخليج العربي",
      "جنوب دارفور", "البلقان", "آسيا", "أوروبا", "أفريقيا", "أمريكا اللاتينية",
      // seas, rivers, mountains, deserts
      "البحر الأحمر", "البحر الأبيض المتوسط", "البحر الأسود", "المحيط الأطلسي",
      "المحيط الهادئ", "مضيق هرمز", "قناة السويس", "نهر النيل", "الفرات", "دجلة",
      "جبال الألب", "الهيمالايا", "الصحراء الكبرى", "الربع الخالي",
  };
  for (const char* name : expected) {
    EXPECT_EQ(canonical.count(name), 1u) << "missing place: " << name;
  }
  // A compass direction before a continent or country is a description, not a name (the place
  // inside it is found instead); عنة folds to the everyday عنه ("about him").
  for (const char* described : {"شمال أفريقيا", "غرب آسيا", "جنوب لبنان", "عنة"}) {
    EXPECT_EQ(canonical.count(described), 0u) << "listed: " << described;
  }
  EXPECT_EQ(canonical.at("البحر المتوسط"), "البحر الأبيض المتوسط");
  EXPECT_EQ(canonical.at("أبو ظبي"), "أبوظبي");
  EXPECT_EQ(canonical.at("الخليج الفارسي"), "الخليج العربي");
}

TEST(PlacesDataTest, NationalityAdjectivesAreNotPlaces) {
  std::set<std::string> names;
  for (const GazetteerEntry& entry : Places()) names.insert(Fold(entry.name));
  for (const char* adjective : {"روسية", "الروسية", "الأمريكي", "أوكرانية", "صربية", "رومانية",
                                "أرمينية", "موريتانية", "المصرية", "العربية"}) {
    EXPECT_EQ(names.count(Fold(adjective)), 0u) << adjective;
  }
}

TEST(PlacesDataTest, NoProcliticForms) {
  // The extractor splits proclitics itself; a listed "وروسيا" would only duplicate "روسيا".
  std::set<std::string> names;
  for (const GazetteerEntry& entry : Places()) names.insert(entry.name);
  for (const char* glued : {"وروسيا", "لروسيا", "بموسكو", "وواشنطن", "للقاهرة"}) {
    EXPECT_EQ(names.count(glued), 0u) << glued;
  }
}

TEST(OrganizationsDataTest, ParsesAndIsLarge) {
  ASSERT_FALSE(Organizations().empty());
  ExpectAllOfType(Organizations(), EntityType::kOrganization);
  EXPECT_GE(Organizations().size(), 1500u);
}

TEST(OrganizationsDataTest, NoDuplicates) { ExpectNoDuplicates(Organizations()); }

TEST(OrganizationsDataTest, NoFunctionWordsOrAmbiguousWords) {
  ExpectNoCommonWords(Organizations());
}

TEST(OrganizationsDataTest, WellKnownOrganizations) {
  const std::pair<const char*, const char*> expected[] = {
      {"الأمم المتحدة", "الأمم المتحدة"},
      {"حلف الناتو", "حلف شمال الأطلسي"},
      {"الناتو", "حلف شمال الأطلسي"},
      {"يونسكو", "اليونسكو"},
      {"أوبك", "أوبك"},
      {"الاتحاد الأوروبي", "الاتحاد الأوروبي"},
      {"جامعة الدول العربية", "جامعة الدول العربية"},
      {"وزارة الخارجية", "وزارة الخارجية"},
      {"وزارة الخزانة", "وزارة الخزانة"},
      {"البيت الأبيض", "البيت الأبيض"},
      {"الكرملين", "الكرملين"},
      {"مجلس الأمن", "مجلس الأمن الدولي"},
      {"مجلس الأمن القومي", "مجلس الأمن القومي"},
      {"البنتاغون", "البنتاغون"},
      {"البنتاجون", "البنتاغون"},
      {"الكونغرس", "الكونغرس"},
      {"رويترز", "رويترز"},
      {"وكالة الأنباء الفرنسية", "وكالة الأنباء الفرنسية"},
      {"قناة الجزيرة", "الجزيرة"},
      {"بي بي سي", "بي بي سي"},
      {"جولدمان ساكس", "جولدمان ساكس"},
      {"غولدمان ساكس", "جولدمان ساكس"},
      {"ماكينزي", "ماكينزي"},
      {"أرامكو", "أرامكو السعودية"},
      {"غوغل", "غوغل"},
      {"جوجل", "غوغل"},
      {"ستانفورد", "جامعة ستانفورد"},
      {"جامعة القاهرة", "جامعة القاهرة"},
      {"ريال مدريد", "ريال مدريد"},
      {"برشلونة", "برشلونة"},
      {"حماس", "حماس"},
      {"حزب الله", "حزب الله"},
      {"داعش", "داعش"},
      {"صندوق النقد الدولي", "صندوق النقد الدولي"},
  };
  ExpectCanonicalNames(Organizations(), expected, "organization");
}

TEST(PeopleDataTest, ParsesAndIsLarge) {
  ASSERT_FALSE(People().empty());
  ExpectAllOfType(People(), EntityType::kPerson);
  EXPECT_GE(People().size(), 7000u);
}

TEST(PeopleDataTest, NoDuplicates) { ExpectNoDuplicates(People()); }

TEST(PeopleDataTest, NoFunctionWordsOrAmbiguousSurnames) {
  ExpectNoneOf(People(), kFunctionWords, kAmbiguousSurnames);
}

// A surname alone is listed only where news text means that one person by it; it reports the
// full name. Spelling variants report the usual spelling.
TEST(PeopleDataTest, WellKnownPeopleAndTheirShortForms) {
  const std::pair<const char*, const char*> expected[] = {
      {"كوفي عنان", "كوفي عنان"},
      {"عنان", "كوفي عنان"},
      {"أنطونيو غوتيريش", "أنطونيو غوتيريش"},
      {"أردوغان", "رجب طيب أردوغان"},
      {"هاكان فيدان", "هاكان فيدان"},
      {"لافروف", "سيرجي لافروف"},
      {"شويغو", "سيرغي شويغو"},
      {"نزارباييف", "نور سلطان نزارباييف"},
      {"عراقجي", "عباس عراقجي"},
      {"ماكرون", "إيمانويل ماكرون"},
      {"فون دير لاين", "أورسولا فون دير لاين"},
      {"حفتر", "خليفة حفتر"},
      {"حمدوك", "عبد الله حمدوك"},
      {"سموتريتش", "بتسلئيل سموتريتش"},
      {"بنكيران", "عبد الإله بنكيران"},
      {"أبو عمار", "ياسر عرفات"},
      {"أبو علاء", "أحمد قريع"},
      {"الصماد", "صالح الصماد"},
      {"يعلون", "موشيه يعلون"},
      {"الهمامي", "حمة الهمامي"},
      {"زياش", "حكيم زياش"},
      {"شوارزكوف", "نورمان شوارزكوف"},
  };
  ExpectCanonicalNames(People(), expected, "person");
}

TEST(GazetteerDataTest, NoPersonIsAlsoAPlaceOrOrganization) {
  // As between places and organizations: a name in two lists would make its type a coin toss.
  std::map<std::string, std::string> others;
  for (const GazetteerEntry& entry : Places()) others.emplace(Fold(entry.name), entry.name);
  for (const GazetteerEntry& entry : Organizations()) others.emplace(Fold(entry.name), entry.name);
  for (const GazetteerEntry& entry : People()) {
    auto it = others.find(Fold(entry.name));
    EXPECT_EQ(it, others.end()) << "both PER and LOC/ORG: " << entry.name;
  }
}

// data/ner_given_names.tsv: every line is a name and known classes; a name that is also a
// function word (علي / على after folding) is marked ambiguous; each name is listed once (the
// lexicon ORs the classes of repeated lines and folds hamza and alef, so a second line for
// the same folded name only hides where its classes come from).
TEST(GivenNamesDataTest, EveryLineHasKnownClassesAndNoFunctionWord) {
  const std::set<std::string> known = {"male", "female", "foreign", "ambiguous"};
  std::set<std::string> function_words;
  for (const char* word : kFunctionWords) function_words.insert(Fold(word));
  const std::string content = ReadSourceFile("data/ner_given_names.tsv");
  internal::LineReader lines(content);
  std::string_view line;
  std::set<std::string> seen;
  int count = 0;
  while (lines.NextData(&line)) {
    std::vector<std::string_view> fields = internal::SplitFields(line, '\t');
    ASSERT_EQ(fields.size(), 2u) << "line " << lines.line_number() << ": " << line;
    EXPECT_EQ(fields[0].find(' '), std::string_view::npos) << "not one word: " << fields[0];
    EXPECT_TRUE(seen.insert(Fold(fields[0])).second) << "listed twice: " << fields[0];
    std::vector<std::string_view> classes = internal::SplitFields(fields[1], ',');
    bool gendered_or_foreign = false;
    bool ambiguous = false;
    for (std::string_view cls : classes) {
      EXPECT_EQ(known.count(std::string(cls)), 1u) << fields[0] << ": class " << cls;
      gendered_or_foreign |= cls != "ambiguous";
      ambiguous |= cls == "ambiguous";
    }
    if (!ambiguous) {
      EXPECT_EQ(function_words.count(Fold(fields[0])), 0u) << "function word: " << fields[0];
    }
    EXPECT_TRUE(gendered_or_foreign) << fields[0] << " is only ambiguous";
    ++count;
  }
  EXPECT_GE(count, 1780);
}

TEST(GazetteerDataTest, NoNameIsBothPlaceAndOrganization) {
  // A name in both files would make the built-in type a coin toss; each ambiguous name is
  // listed under the type news text means by it (e.g. برشلونة the club, إشبيلية the city).
  std::map<std::string, std::string> places;
  for (const GazetteerEntry& entry : Places()) places.emplace(Fold(entry.name), entry.name);
  for (const GazetteerEntry& entry : Organizations()) {
    auto it = places.find(Fold(entry.name));
    EXPECT_EQ(it, places.end()) << "both LOC and ORG: " << entry.name;
  }
}

// "شركة X" is not listed where X is (organizations_hand.tsv's header): the rules tag X without
// the descriptor, and a listed "شركة X" would only give way to the listed X.
TEST(OrganizationsDataTest, NoCompanyWordBeforeAListedName) {
  const std::string company = "شركة ";
  std::set<std::string> names;
  for (const GazetteerEntry& entry : Organizations()) names.insert(Fold(entry.name));
  for (const GazetteerEntry& entry : Organizations()) {
    if (entry.name.compare(0, company.size(), company) != 0) continue;
    EXPECT_EQ(names.count(Fold(entry.name.substr(company.size()))), 0u)
        << "listed with and without شركة: " << entry.name;
  }
}

TEST(DemonymsDataTest, EveryLineIsAdjectiveAndKnownPlace) {
  std::vector<Demonym> demonyms = LoadDemonyms();
  ASSERT_GE(demonyms.size(), 1500u);
  std::set<std::string> place_canonicals;
  std::set<std::string> place_names;
  for (const GazetteerEntry& entry : Places()) {
    place_canonicals.insert(entry.canonical);
    place_names.insert(Fold(entry.name));
  }
  std::set<std::string> seen;
  for (const Demonym& demonym : demonyms) {
    SCOPED_TRACE("data/demonyms.tsv:" + std::to_string(demonym.line));
    EXPECT_TRUE(internal::IsValidUtf8(demonym.adjective));
    EXPECT_FALSE(demonym.adjective.empty());
    EXPECT_EQ(demonym.place.find('\t'), std::string::npos) << "more than two columns";
    EXPECT_EQ(place_canonicals.count(demonym.place), 1u) << "unknown place " << demonym.place;
    EXPECT_EQ(place_names.count(Fold(demonym.adjective)), 0u)
        << "demonym is also a place name: " << demonym.adjective;
    EXPECT_TRUE(seen.insert(Fold(demonym.adjective)).second)
        << "listed twice: " << demonym.adjective;
  }
}

TEST(DemonymsDataTest, InflectedForms) {
  std::map<std::string, std::string> place_of;
  for (const Demonym& demonym : LoadDemonyms()) place_of[demonym.adjective] = demonym.place;
  const std::pair<const char*, const char*> expected[] = {
      {"روسي", "روسيا"},
      {"روسية", "روسيا"},
      {"الروسي", "روسيا"},
      {"الروسية", "روسيا"},
      {"الروس", "روسيا"},
      {"الروسيين", "روسيا"},
      {"أمريكي", "الولايات المتحدة"},
      {"الأمريكيين", "الولايات المتحدة"},
      {"الأميركية", "الولايات المتحدة"},
      {"الأمريكان", "الولايات المتحدة"},
      {"البريطانية", "المملكة المتحدة"},
      {"المصريون", "مصر"},
      {"سعودي", "المملكة العربية السعودية"},
      {"الإماراتية", "الإمارات العربية المتحدة"},
      {"الأتراك", "تركيا"},
      {"الإسرائيليات", "إسرائيل"},
      {"الأكراد", "كردستان"},
  };
  for (const auto& [adjective, place] : expected) {
    auto it = place_of.find(adjective);
    ASSERT_NE(it, place_of.end()) << "missing demonym: " << adjective;
    EXPECT_EQ(it->second, place) << adjective;
  }
  // "السعودية" is the country's usual short name, so it is a place, not a demonym.
  EXPECT_EQ(place_of.count("السعودية"), 0u);
}

// The embedded copies are the files above: the default extractor finds their names.
TEST(EmbeddedDataTest, ExtractorFindsBuiltinPlacesAndOrganizations) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const std::string text = "وصل وفد من وزارة الخارجية إلى موسكو قادما من نواكشوط.";
  std::vector<Entity> entities = extractor->Extract(text);
  auto find = [&](std::string_view surface) -> const Entity* {
    for (const Entity& entity : entities) {
      if (entity.text(text) == surface) return &entity;
    }
    return nullptr;
  };
  const Entity* ministry = find("وزارة الخارجية");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->type, EntityType::kOrganization);
  const Entity* moscow = find("موسكو");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->type, EntityType::kPlace);
  const Entity* nouakchott = find("نواكشوط");
  ASSERT_NE(nouakchott, nullptr);
  EXPECT_EQ(nouakchott->type, EntityType::kPlace);
}

TEST(LineReaderTest, LinesNumbersEndingsAndComments) {
  internal::LineReader lines("\xEF\xBB\xBF"  // a byte-order mark
                             "a\tb\r\n# comment\n\n\t\r\nlast");
  std::string_view line;
  ASSERT_TRUE(lines.NextData(&line));
  EXPECT_EQ(line, "a\tb");
  EXPECT_EQ(lines.line_number(), 1u);
  ASSERT_TRUE(lines.NextData(&line));  // a tab is data: the caller says what a blank field means
  EXPECT_EQ(line, "\t");
  EXPECT_EQ(lines.line_number(), 4u);
  ASSERT_TRUE(lines.Next(&line));
  EXPECT_EQ(line, "last");
  EXPECT_EQ(lines.line_number(), 5u);
  EXPECT_FALSE(lines.Next(&line));

  internal::LineReader every("x\n\n");  // no empty line after the final newline
  int count = 0;
  while (every.Next(&line)) ++count;
  EXPECT_EQ(count, 2);
  EXPECT_FALSE(internal::LineReader("").Next(&line));
}

TEST(LineReaderTest, SplitFieldsKeepsEmptyFields) {
  EXPECT_EQ(internal::SplitFields("a\t\tb"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(internal::SplitFields(""), (std::vector<std::string_view>{""}));
  EXPECT_EQ(internal::SplitFields("1 2", ' '), (std::vector<std::string_view>{"1", "2"}));
}

}  // namespace
}  // namespace kashif
