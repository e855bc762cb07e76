// Stemmer: exact segmentations of real words (every proclitic, suffix and enclitic, and the
// traps a plain affix stripper falls into), spans in the original bytes, unnormalized input,
// bad input, options and concurrent use.
#include "kashif/stemmer.h"

#include <gtest/gtest.h>

#include "kashif/tokenizer.h"
#include "core/analyzer.h"

#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kashif {
namespace {

// The built-in lexicon only: these expectations must not move when the gazetteers grow.
const Stemmer& LexiconStemmer() {
  static const Stemmer* stemmer = [] {
    StemmerOptions options;
    options.use_gazetteer_names = false;
    auto created = Stemmer::Create(options);
    EXPECT_TRUE(created.ok());
    return new Stemmer(std::move(created).value());
  }();
  return *stemmer;
}

std::string Join(const Affix* affixes, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (i) out += "+";
    out += std::string(affixes[i].form);
  }
  return out;
}

// The parts tile the word: each starts where the previous one ended, the last ends at the
// word's end, and every affix span is non-empty.
void ExpectTiling(std::string_view word, const Segmentation& seg) {
  uint32_t at = 0;
  for (size_t i = 0; i < seg.proclitic_count; ++i) {
    EXPECT_EQ(seg.proclitics[i].begin, at) << word;
    EXPECT_LT(seg.proclitics[i].begin, seg.proclitics[i].end) << word;
    at = seg.proclitics[i].end;
  }
  EXPECT_EQ(seg.stem_begin, at) << word;
  EXPECT_LT(seg.stem_begin, seg.stem_end) << word;
  at = seg.stem_end;
  for (size_t i = 0; i < seg.suffix_count; ++i) {
    EXPECT_EQ(seg.suffixes[i].begin, at) << word;
    EXPECT_LT(seg.suffixes[i].begin, seg.suffixes[i].end) << word;
    at = seg.suffixes[i].end;
  }
  for (size_t i = 0; i < seg.enclitic_count; ++i) {
    EXPECT_EQ(seg.enclitics[i].begin, at) << word;
    EXPECT_LT(seg.enclitics[i].begin, seg.enclitics[i].end) << word;
    at = seg.enclitics[i].end;
  }
  EXPECT_EQ(at, word.size()) << word;
}

struct Case {
  const char* word;
  const char* proclitics;  // forms joined with +
  const char* stem;        // as written in the word
  const char* suffixes;    // forms joined with +
  const char* enclitic;
};

// Traps first (the list), then each proclitic, suffix and enclitic at work.
const Case kCases[] = {
    {"وزير", "", "وزير", "", ""},
    {"وزيرة", "", "وزير", "ة", ""},
    {"وزراء", "", "وزراء", "", ""},
    {"الوزير", "ال", "وزير", "", ""},
    {"والوزير", "و+ال", "وزير", "", ""},
    {"للوزير", "ل+ال", "وزير", "", ""},
    {"بالوزير", "ب+ال", "وزير", "", ""},
    {"وزيرها", "", "وزير", "", "ها"},
    {"وزارة", "", "وزار", "ة", ""},
    {"الوزارة", "ال", "وزار", "ة", ""},
    {"ولاية", "", "ولاي", "ة", ""},
    {"ولايات", "", "ولاي", "ات", ""},
    {"الولايات", "ال", "ولاي", "ات", ""},
    {"للولايات", "ل+ال", "ولاي", "ات", ""},
    {"بالولايات", "ب+ال", "ولاي", "ات", ""},
    {"ولايته", "", "ولاي", "ة", "ه"},
    {"واشنطن", "", "واشنطن", "", ""},
    {"وواشنطن", "و", "واشنطن", "", ""},
    {"لواشنطن", "ل", "واشنطن", "", ""},
    {"بواشنطن", "ب", "واشنطن", "", ""},
    {"بريطانيا", "", "بريطانيا", "", ""},
    {"وبريطانيا", "و", "بريطانيا", "", ""},
    {"لبريطانيا", "ل", "بريطانيا", "", ""},
    {"ببريطانيا", "ب", "بريطانيا", "", ""},
    {"البريطاني", "ال", "بريطاني", "", ""},
    {"البريطانية", "ال", "بريطاني", "ة", ""},
    {"البريطانيين", "ال", "بريطاني", "ين", ""},
    {"فرنسا", "", "فرنسا", "", ""},
    {"وفرنسا", "و", "فرنسا", "", ""},
    {"بفرنسا", "ب", "فرنسا", "", ""},
    {"لفرنسا", "ل", "فرنسا", "", ""},
    {"الفرنسي", "ال", "فرنسي", "", ""},
    {"الفرنسية", "ال", "فرنسي", "ة", ""},
    {"كندا", "", "كندا", "", ""},
    {"وكندا", "و", "كندا", "", ""},
    {"لكندا", "ل", "كندا", "", ""},
    {"بكندا", "ب", "كندا", "", ""},
    {"الكندي", "ال", "كندي", "", ""},
    {"لبنان", "", "لبنان", "", ""},
    {"ولبنان", "و", "لبنان", "", ""},
    {"للبنان", "ل", "لبنان", "", ""},
    {"بلبنان", "ب", "لبنان", "", ""},
    {"اللبناني", "ال", "لبناني", "", ""},
    {"اللبنانية", "ال", "لبناني", "ة", ""},
    {"لندن", "", "لندن", "", ""},
    {"ولندن", "و", "لندن", "", ""},
    {"بلندن", "ب", "لندن", "", ""},
    {"الجزائر", "ال", "جزائر", "", ""},
    {"بالجزائر", "ب+ال", "جزائر", "", ""},
    {"والجزائر", "و+ال", "جزائر", "", ""},
    {"للجزائر", "ل+ال", "جزائر", "", ""},
    {"الجزائري", "ال", "جزائري", "", ""},
    {"الجزائرية", "ال", "جزائري", "ة", ""},
    {"بين", "", "بين", "", ""},
    {"وبين", "و", "بين", "", ""},
    {"بينهم", "", "بين", "", "هم"},
    {"بينما", "", "بينما", "", ""},
    {"كان", "", "كان", "", ""},
    {"وكان", "و", "كان", "", ""},
    {"كانت", "", "كانت", "", ""},
    {"كانوا", "", "كان", "وا", ""},
    {"له", "", "ل", "", "ه"},
    {"لهم", "", "ل", "", "هم"},
    {"لها", "", "ل", "", "ها"},
    {"ولها", "و", "ل", "", "ها"},
    {"ولهم", "و", "ل", "", "هم"},
    {"موسكو", "", "موسكو", "", ""},
    {"وموسكو", "و", "موسكو", "", ""},
    {"بموسكو", "ب", "موسكو", "", ""},
    {"لموسكو", "ل", "موسكو", "", ""},
    {"ديمترييف", "", "ديمترييف", "", ""},
    {"وديمترييف", "و", "ديمترييف", "", ""},
    {"أوكرانيا", "", "أوكرانيا", "", ""},
    {"وأوكرانيا", "و", "أوكرانيا", "", ""},
    {"لأوكرانيا", "ل", "أوكرانيا", "", ""},
    {"بأوكرانيا", "ب", "أوكرانيا", "", ""},
    {"الأوكراني", "ال", "أوكراني", "", ""},
    {"الأوكرانية", "ال", "أوكراني", "ة", ""},
    {"وقال", "و", "قال", "", ""},
    {"فقال", "ف", "قال", "", ""},
    {"وقالت", "و", "قال", "ت", ""},
    {"والحكومة", "و+ال", "حكوم", "ة", ""},
    {"فالحكومة", "ف+ال", "حكوم", "ة", ""},
    {"بالحكومة", "ب+ال", "حكوم", "ة", ""},
    {"كالحكومة", "ك+ال", "حكوم", "ة", ""},
    {"للحكومة", "ل+ال", "حكوم", "ة", ""},
    {"وللحكومة", "و+ل+ال", "حكوم", "ة", ""},
    {"وبالحكومة", "و+ب+ال", "حكوم", "ة", ""},
    {"الحكومة", "ال", "حكوم", "ة", ""},
    {"حكومة", "", "حكوم", "ة", ""},
    {"حكومتها", "", "حكوم", "ة", "ها"},
    {"حكومته", "", "حكوم", "ة", "ه"},
    {"حكومتهم", "", "حكوم", "ة", "هم"},
    {"سيقول", "س", "يقول", "", ""},
    {"ستكون", "س", "تكون", "", ""},
    {"سنعمل", "س", "نعمل", "", ""},
    {"سأذهب", "س", "أذهب", "", ""},
    {"وسيكون", "و+س", "يكون", "", ""},
    {"فسيكون", "ف+س", "يكون", "", ""},
    {"سيارة", "", "سيار", "ة", ""},
    {"سياسة", "", "سياس", "ة", ""},
    {"سنة", "", "سن", "ة", ""},
    {"سنوات", "", "سنوات", "", ""},
    {"ستة", "", "ست", "ة", ""},
    {"كتاب", "", "كتاب", "", ""},
    {"كتابه", "", "كتاب", "", "ه"},
    {"كتابها", "", "كتاب", "", "ها"},
    {"كتابهم", "", "كتاب", "", "هم"},
    {"كتابهما", "", "كتاب", "", "هما"},
    {"كتابهن", "", "كتاب", "", "هن"},
    {"كتابنا", "", "كتاب", "", "نا"},
    {"كتابك", "", "كتابك", "", ""},
    {"كتابي", "", "كتابي", "", ""},
    {"الكتاب", "ال", "كتاب", "", ""},
    {"والكتاب", "و+ال", "كتاب", "", ""},
    {"بالكتاب", "ب+ال", "كتاب", "", ""},
    {"للكتاب", "ل+ال", "كتاب", "", ""},
    {"المعلم", "ال", "معلم", "", ""},
    {"المعلمة", "ال", "معلم", "ة", ""},
    {"المعلمات", "ال", "معلم", "ات", ""},
    {"المعلمون", "ال", "معلم", "ون", ""},
    {"المعلمين", "ال", "معلم", "ين", ""},
    {"معلمان", "", "معلم", "ان", ""},
    {"معلمتان", "", "معلم", "ة+ان", ""},
    {"الدولتين", "ال", "دول", "ة+ين", ""},
    {"دولتان", "", "دول", "ة+ان", ""},
    {"يعملون", "", "يعمل", "ون", ""},
    {"يعملان", "", "يعمل", "ان", ""},
    {"كتبوا", "", "كتب", "وا", ""},
    {"منه", "", "من", "", "ه"},
    {"منها", "", "من", "", "ها"},
    {"منهم", "", "من", "", "هم"},
    {"منهما", "", "من", "", "هما"},
    {"عنه", "", "عن", "", "ه"},
    {"عنها", "", "عن", "", "ها"},
    {"عنهم", "", "عن", "", "هم"},
    {"فيه", "", "في", "", "ه"},
    {"فيها", "", "في", "", "ها"},
    {"فيهم", "", "في", "", "هم"},
    {"عليه", "", "علي", "", "ه"},
    {"عليها", "", "علي", "", "ها"},
    {"عليهم", "", "علي", "", "هم"},
    {"إليه", "", "إلي", "", "ه"},
    {"إليها", "", "إلي", "", "ها"},
    {"لديه", "", "لدي", "", "ه"},
    {"لدينا", "", "لدي", "", "نا"},
    {"علينا", "", "علي", "", "نا"},
    {"معه", "", "مع", "", "ه"},
    {"معها", "", "مع", "", "ها"},
    {"معهم", "", "مع", "", "هم"},
    {"إنه", "", "إن", "", "ه"},
    {"إنها", "", "إن", "", "ها"},
    {"إنهم", "", "إن", "", "هم"},
    {"أنه", "", "أن", "", "ه"},
    {"أنها", "", "أن", "", "ها"},
    {"أنهم", "", "أن", "", "هم"},
    {"لكنه", "", "لكن", "", "ه"},
    {"لكنها", "", "لكن", "", "ها"},
    {"لكن", "", "لكن", "", ""},
    {"ولكن", "و", "لكن", "", ""},
    {"بأن", "ب", "أن", "", ""},
    {"لأن", "ل", "أن", "", ""},
    {"وأن", "و", "أن", "", ""},
    {"فإن", "ف", "إن", "", ""},
    {"بها", "", "ب", "", "ها"},
    {"به", "", "ب", "", "ه"},
    {"بهم", "", "ب", "", "هم"},
    {"لك", "", "ل", "", "ك"},
    {"لكم", "", "ل", "", "كم"},
    {"بك", "", "ب", "", "ك"},
    {"معك", "", "مع", "", "ك"},
    {"مني", "", "من", "", "ي"},
    {"لي", "", "ل", "", "ي"},
    {"بي", "", "ب", "", "ي"},
    {"هذا", "", "هذا", "", ""},
    {"هذه", "", "هذه", "", ""},
    {"ذلك", "", "ذلك", "", ""},
    {"تلك", "", "تلك", "", ""},
    {"لذلك", "ل", "ذلك", "", ""},
    {"كذلك", "ك", "ذلك", "", ""},
    {"بذلك", "ب", "ذلك", "", ""},
    {"وهذا", "و", "هذا", "", ""},
    {"بهذا", "ب", "هذا", "", ""},
    {"لهذا", "ل", "هذا", "", ""},
    {"لهذه", "ل", "هذه", "", ""},
    {"الذي", "", "الذي", "", ""},
    {"التي", "", "التي", "", ""},
    {"الذين", "", "الذين", "", ""},
    {"والذي", "و", "الذي", "", ""},
    {"والتي", "و", "التي", "", ""},
    {"في", "", "في", "", ""},
    {"وفي", "و", "في", "", ""},
    {"من", "", "من", "", ""},
    {"ومن", "و", "من", "", ""},
    {"عن", "", "عن", "", ""},
    {"على", "", "على", "", ""},
    {"إلى", "", "إلى", "", ""},
    {"وإلى", "و", "إلى", "", ""},
    {"حتى", "", "حتى", "", ""},
    {"قد", "", "قد", "", ""},
    {"وقد", "و", "قد", "", ""},
    {"فقد", "ف", "قد", "", ""},
    {"لقد", "ل", "قد", "", ""},
    {"لم", "", "لم", "", ""},
    {"ولم", "و", "لم", "", ""},
    {"لن", "", "لن", "", ""},
    {"ولن", "و", "لن", "", ""},
    {"لا", "", "لا", "", ""},
    {"ولا", "و", "لا", "", ""},
    {"فلا", "ف", "لا", "", ""},
    {"هو", "", "هو", "", ""},
    {"وهو", "و", "هو", "", ""},
    {"هي", "", "هي", "", ""},
    {"وهي", "و", "هي", "", ""},
    {"هم", "", "هم", "", ""},
    {"وهم", "و", "هم", "", ""},
    {"الله", "", "الله", "", ""},
    {"والله", "و", "الله", "", ""},
    {"بالله", "ب", "الله", "", ""},
    {"عبدالله", "", "عبدالله", "", ""},
    {"مهم", "", "مهم", "", ""},
    {"المهم", "ال", "مهم", "", ""},
    {"أهم", "", "أهم", "", ""},
    {"الأهم", "ال", "أهم", "", ""},
    {"متهم", "", "متهم", "", ""},
    {"المتهم", "ال", "متهم", "", ""},
    {"المتهمين", "ال", "متهم", "ين", ""},
    {"فهم", "", "فهم", "", ""},
    {"اتجاه", "", "اتجاه", "", ""},
    {"انتباه", "", "انتباه", "", ""},
    {"مياه", "", "مياه", "", ""},
    {"شبه", "", "شبه", "", ""},
    {"وجه", "", "وجه", "", ""},
    {"وجهه", "", "وجه", "", "ه"},
    {"فيلم", "", "فيلم", "", ""},
    {"الفيلم", "ال", "فيلم", "", ""},
    {"أفلام", "", "أفلام", "", ""},
    {"فريق", "", "فريق", "", ""},
    {"الفريق", "ال", "فريق", "", ""},
    {"فترة", "", "فتر", "ة", ""},
    {"فكرة", "", "فكر", "ة", ""},
    {"بيان", "", "بيان", "", ""},
    {"البيان", "ال", "بيان", "", ""},
    {"بيانات", "", "بيان", "ات", ""},
    {"بلد", "", "بلد", "", ""},
    {"البلد", "ال", "بلد", "", ""},
    {"بلاده", "", "بلاد", "", "ه"},
    {"بلادنا", "", "بلاد", "", "نا"},
    {"بعد", "", "بعد", "", ""},
    {"وبعد", "و", "بعد", "", ""},
    {"بعض", "", "بعض", "", ""},
    {"بعضها", "", "بعض", "", "ها"},
    {"بعضهم", "", "بعض", "", "هم"},
    {"كبير", "", "كبير", "", ""},
    {"الكبير", "ال", "كبير", "", ""},
    {"كبيرة", "", "كبير", "ة", ""},
    {"كل", "", "كل", "", ""},
    {"وكل", "و", "كل", "", ""},
    {"لكل", "ل", "كل", "", ""},
    {"بكل", "ب", "كل", "", ""},
    {"كلها", "", "كل", "", "ها"},
    {"كلهم", "", "كل", "", "هم"},
    {"كيف", "", "كيف", "", ""},
    {"وكيف", "و", "كيف", "", ""},
    {"لماذا", "", "لماذا", "", ""},
    {"ماذا", "", "ماذا", "", ""},
    {"كما", "", "كما", "", ""},
    {"بما", "ب", "ما", "", ""},
    {"لما", "ل", "ما", "", ""},
    {"مما", "", "مما", "", ""},
    {"فيما", "", "فيما", "", ""},
    {"وقت", "", "وقت", "", ""},
    {"الوقت", "ال", "وقت", "", ""},
    {"وضع", "", "وضع", "", ""},
    {"الوضع", "ال", "وضع", "", ""},
    {"وجود", "", "وجود", "", ""},
    {"الوجود", "ال", "وجود", "", ""},
    {"وفد", "", "وفد", "", ""},
    {"الوفد", "ال", "وفد", "", ""},
    {"وكالة", "", "وكال", "ة", ""},
    {"الوكالة", "ال", "وكال", "ة", ""},
    {"واحد", "", "واحد", "", ""},
    {"الواحد", "ال", "واحد", "", ""},
    {"وسط", "", "وسط", "", ""},
    {"والد", "", "والد", "", ""},
    {"ولد", "", "ولد", "", ""},
    {"لعب", "", "لعب", "", ""},
    {"اللاعب", "ال", "لاعب", "", ""},
    {"لاعب", "", "لاعب", "", ""},
    {"لجنة", "", "لجن", "ة", ""},
    {"اللجنة", "ال", "لجن", "ة", ""},
    {"للجنة", "ل", "لجن", "ة", ""},
    {"لقاء", "", "لقاء", "", ""},
    {"اللقاء", "ال", "لقاء", "", ""},
    {"ليبيا", "", "ليبيا", "", ""},
    {"وليبيا", "و", "ليبيا", "", ""},
    {"لليبيا", "ل", "ليبيا", "", ""},
    {"سوريا", "", "سوريا", "", ""},
    {"وسوريا", "و", "سوريا", "", ""},
    {"لسوريا", "ل", "سوريا", "", ""},
    {"السوري", "ال", "سوري", "", ""},
    {"السورية", "ال", "سوري", "ة", ""},
    {"السعودية", "ال", "سعودي", "ة", ""},
    {"والسعودية", "و+ال", "سعودي", "ة", ""},
    {"إيران", "", "إيران", "", ""},
    {"وإيران", "و", "إيران", "", ""},
    {"باكستان", "", "باكستان", "", ""},
    {"عثمان", "", "عثمان", "", ""},
    {"سلمان", "", "سلمان", "", ""},
    {"فلسطين", "", "فلسطين", "", ""},
    {"الفلسطيني", "ال", "فلسطيني", "", ""},
    {"الفلسطينية", "ال", "فلسطيني", "ة", ""},
    {"الصين", "ال", "صين", "", ""},
    {"والصين", "و+ال", "صين", "", ""},
    {"بكين", "", "بكين", "", ""},
    {"برلين", "", "برلين", "", ""},
    {"البحرين", "ال", "بحرين", "", ""},
    {"قانون", "", "قانون", "", ""},
    {"القانون", "ال", "قانون", "", ""},
    {"مليون", "", "مليون", "", ""},
    {"ملايين", "", "ملايين", "", ""},
    {"تلفزيون", "", "تلفزيون", "", ""},
    {"التلفزيون", "ال", "تلفزيون", "", ""},
    {"كورونا", "", "كورونا", "", ""},
    {"فيينا", "", "فيينا", "", ""},
    {"علنا", "", "علنا", "", ""},
    {"أحيانا", "", "أحيان", "ا", ""},
    {"هنا", "", "هنا", "", ""},
    {"هناك", "", "هناك", "", ""},
    {"منا", "", "منا", "", ""},
    // Hamza on the alef before a pronoun is a stem letter, not a long vowel.
    {"هنأه", "", "هنأ", "", "ه"},
    {"مبدأه", "", "مبدأ", "", "ه"},
    // Letter patterns: ين / ون of تفعيل and مفعول, and no plural ending after a bare alef.
    {"لتحسين", "ل", "تحسين", "", ""},
    {"تعيين", "", "تعيين", "", ""},
    {"مسجون", "", "مسجون", "", ""},
    {"مضمون", "", "مضمون", "", ""},
    {"مسلمون", "", "مسلم", "ون", ""},
    {"يومين", "", "يوم", "ين", ""},
    {"والتعاون", "و+ال", "تعاون", "", ""},
    {"ستيف", "", "ستيف", "", ""},
    // A final ه that is a root letter, in a currency, a verb or a name ending in الله.
    {"جنيه", "", "جنيه", "", ""},
    {"يواجه", "", "يواجه", "", ""},
    {"يواجهها", "", "يواجه", "", "ها"},
    {"نصرالله", "", "نصرالله", "", ""},
    {"اتهم", "", "اتهم", "", ""},
    {"واتهم", "و", "اتهم", "", ""},
    // A final hamza on its seat before a pronoun.
    {"لقائه", "", "لقائ", "", "ه"},
    // Loanword prefix.
    {"ويكيبيديا", "", "ويكيبيديا", "", ""},
    {"وويكيبيديا", "و", "ويكيبيديا", "", ""},
    {"فبراير", "", "فبراير", "", ""},
};

TEST(StemmerTest, SegmentsRealWords) {
  const Stemmer& stemmer = LexiconStemmer();
  for (const Case& c : kCases) {
    const std::string_view word = c.word;
    const Segmentation seg = stemmer.Segment(word);
    EXPECT_EQ(Join(seg.proclitics.data(), seg.proclitic_count), c.proclitics) << word;
    EXPECT_EQ(seg.Stem(word), c.stem) << word;
    EXPECT_EQ(Join(seg.suffixes.data(), seg.suffix_count), c.suffixes) << word;
    EXPECT_EQ(Join(seg.enclitics.data(), seg.enclitic_count), c.enclitic) << word;
    ExpectTiling(word, seg);
  }
}

TEST(StemmerTest, SpansOfMergedArticle) {
  const std::string word = "للولايات";
  const Segmentation seg = LexiconStemmer().Segment(word);
  ASSERT_EQ(seg.proclitic_count, 2);
  EXPECT_EQ(seg.proclitics[0].form, "ل");
  EXPECT_EQ(seg.proclitics[0].begin, 0u);
  EXPECT_EQ(seg.proclitics[0].end, 2u);
  // The article's one written letter is the second ل.
  EXPECT_EQ(seg.proclitics[1].form, "ال");
  EXPECT_EQ(seg.proclitics[1].begin, 2u);
  EXPECT_EQ(seg.proclitics[1].end, 4u);
  EXPECT_TRUE(seg.HasArticle());
  EXPECT_EQ(seg.ProcliticBytes(), 4u);
  EXPECT_EQ(seg.Stem(word), "ولاي");
  ASSERT_EQ(seg.suffix_count, 1);
  EXPECT_EQ(seg.suffixes[0].form, "ات");
  EXPECT_EQ(word.substr(seg.suffixes[0].begin, seg.suffixes[0].end - seg.suffixes[0].begin),
            "ات");
}

TEST(StemmerTest, HasArticleOnlyWithTheArticle) {
  EXPECT_TRUE(LexiconStemmer().Segment("والكتاب").HasArticle());
  EXPECT_FALSE(LexiconStemmer().Segment("وواشنطن").HasArticle());
  EXPECT_FALSE(LexiconStemmer().Segment("ألمانيا").HasArticle());  // أل is not the article
  EXPECT_EQ(LexiconStemmer().Segment("وواشنطن").ProcliticBytes(), 2u);
  EXPECT_EQ(LexiconStemmer().Segment("واشنطن").ProcliticBytes(), 0u);
}

TEST(StemmerTest, DiacriticsStayWithTheirLetter) {
  // وَالْمُعَلِّمَاتُ: the fatha of و is the conjunction's, the sukun of ل the article's.
  const std::string word = "وَالْمُعَلِّمَاتُ";
  const Segmentation seg = LexiconStemmer().Segment(word);
  ASSERT_EQ(seg.proclitic_count, 2);
  EXPECT_EQ(word.substr(0, seg.proclitics[0].end), "وَ");
  EXPECT_EQ(word.substr(seg.proclitics[1].begin, seg.proclitics[1].end - seg.proclitics[1].begin),
            "الْ");
  EXPECT_EQ(seg.Stem(word), "مُعَلِّمَ");
  ASSERT_EQ(seg.suffix_count, 1);
  EXPECT_EQ(word.substr(seg.suffixes[0].begin), "اتُ");
  ExpectTiling(word, seg);
  EXPECT_EQ(LexiconStemmer().LightStem(word), "معلم");
}

TEST(StemmerTest, TatweelAndHamzaForms) {
  const std::string word = "الـحكومة";
  const Segmentation seg = LexiconStemmer().Segment(word);
  ASSERT_EQ(seg.proclitic_count, 1);
  EXPECT_EQ(word.substr(0, seg.proclitics[0].end), "الـ");
  EXPECT_EQ(seg.Stem(word), "حكوم");
  ExpectTiling(word, seg);
  // Without hamza, as much web text is written, the trap words still come out right.
  EXPECT_EQ(LexiconStemmer().Segment("واوكرانيا").Stem("واوكرانيا"), "اوكرانيا");
  EXPECT_EQ(LexiconStemmer().LightStem("لأوكرانيا"), "اوكرانيا");
  EXPECT_EQ(LexiconStemmer().LightStem("والى"), "الي");
}

TEST(StemmerTest, PresentationFormsAndInvisibleCharacters) {
  // ﻟﻠﺤﻜﻮﻣﺔ in presentation forms (3 bytes a letter): ل + ال + حكوم + ة.
  const std::string word = "ﻟﻠﺤﻜﻮﻣﺔ";
  const Segmentation seg = LexiconStemmer().Segment(word);
  ASSERT_EQ(seg.proclitic_count, 2);
  EXPECT_EQ(seg.proclitics[0].end, 3u);
  EXPECT_EQ(seg.proclitics[1].end, 6u);
  ASSERT_EQ(seg.suffix_count, 1);
  EXPECT_EQ(seg.suffixes[0].begin, 18u);
  EXPECT_EQ(seg.suffixes[0].end, 21u);
  ExpectTiling(word, seg);
  EXPECT_EQ(LexiconStemmer().LightStem(word), "حكوم");
  // A zero-width non-joiner after the conjunction stays in the conjunction's span.
  const std::string zwnj = "و\u200Cالكتاب";
  const Segmentation z = LexiconStemmer().Segment(zwnj);
  ASSERT_EQ(z.proclitic_count, 2);
  EXPECT_EQ(z.proclitics[0].end, 5u);
  EXPECT_EQ(z.Stem(zwnj), "كتاب");
}

TEST(StemmerTest, NonArabicWordsAreLeftWhole) {
  for (const std::string word : {"abc", "COVID", "2025", "١٢٣", "كتب2", "iPhone-15", "،"}) {
    const Segmentation seg = LexiconStemmer().Segment(word);
    EXPECT_EQ(seg.proclitic_count, 0) << word;
    EXPECT_EQ(seg.suffix_count, 0) << word;
    EXPECT_EQ(seg.enclitic_count, 0) << word;
    EXPECT_EQ(seg.Stem(word), word) << word;
  }
  EXPECT_EQ(LexiconStemmer().LightStem("abc"), "abc");
  EXPECT_EQ(LexiconStemmer().LightStem("١٢٣"), "123");
}

TEST(StemmerTest, BadInputNeverCrashes) {
  const Stemmer& stemmer = LexiconStemmer();
  const Segmentation empty = stemmer.Segment("");
  EXPECT_EQ(empty.stem_begin, 0u);
  EXPECT_EQ(empty.stem_end, 0u);
  EXPECT_EQ(stemmer.LightStem(""), "");
  for (const std::string word : {std::string("\xD9"), std::string("و\xFF"),
                                 std::string("\xD9\x88\xD9"), std::string("\x80\x80"),
                                 std::string("ال\xC0\xAF")}) {
    const Segmentation seg = stemmer.Segment(word);
    EXPECT_EQ(seg.proclitic_count, 0);
    EXPECT_EQ(seg.Stem(word), word);
    (void)stemmer.LightStem(word);
  }
  // Longer than kMaxLetters: left whole.
  std::string long_word = "وال";
  for (int i = 0; i < 60; ++i) long_word += "ب";
  const Segmentation seg = stemmer.Segment(long_word);
  EXPECT_EQ(seg.proclitic_count, 0);
  EXPECT_EQ(seg.Stem(long_word), long_word);
}

TEST(StemmerTest, LightStems) {
  const Stemmer& stemmer = LexiconStemmer();
  EXPECT_EQ(stemmer.LightStem("والمعلمات"), "معلم");
  EXPECT_EQ(stemmer.LightStem("الأمريكية"), "امريكي");
  EXPECT_EQ(stemmer.LightStem("للولايات"), "ولاي");
  EXPECT_EQ(stemmer.LightStem("وواشنطن"), "واشنطن");
  EXPECT_EQ(stemmer.LightStem("حكومتها"), "حكوم");
  EXPECT_EQ(stemmer.LightStem("سيقولون"), "يقول");
  EXPECT_EQ(stemmer.LightStem("إلى"), "الي");
  EXPECT_EQ(stemmer.LightStem("موسكو"), "موسكو");
  std::string out = "x";
  stemmer.AppendLightStem("بالجزائر", &out);
  EXPECT_EQ(out, "xجزائر");
}

TEST(StemmerTest, LexiconDecidesTheTraps) {
  StemmerOptions options;
  options.use_builtin_lexicon = false;
  options.use_gazetteer_names = false;
  auto bare = Stemmer::Create(options);
  ASSERT_TRUE(bare.ok());
  // Rules alone take the و of وزير for a conjunction; the lexicon knows better.
  EXPECT_EQ(bare->Segment("وزير").proclitic_count, 1);
  EXPECT_EQ(LexiconStemmer().Segment("وزير").proclitic_count, 0);
  // Rules alone still split the article, and keep short words whole.
  EXPECT_EQ(bare->LightStem("الجزائر"), "جزائر");
  EXPECT_EQ(bare->LightStem("بين"), "بين");
  EXPECT_EQ(bare->LightStem("له"), "له");
}

TEST(StemmerTest, ExtraStems) {
  StemmerOptions options;
  options.use_gazetteer_names = false;
  auto plain = Stemmer::Create(options);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->LightStem("وطواط"), "طواط");
  options.extra_stems = {"وطواط"};
  auto extra = Stemmer::Create(options);
  ASSERT_TRUE(extra.ok());
  EXPECT_EQ(extra->LightStem("وطواط"), "وطواط");
  EXPECT_EQ(extra->LightStem("والوطواط"), "وطواط");

  options.extra_stems = {"bat"};
  auto bad = Stemmer::Create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  options.extra_stems = {""};
  EXPECT_FALSE(Stemmer::Create(options).ok());
}

TEST(StemmerTest, GazetteerNamesDoNotBreakTheTraps) {
  auto stemmer = Stemmer::Create();
  ASSERT_TRUE(stemmer.ok());
  for (const char* word : {"وواشنطن", "لبريطانيا", "بفرنسا", "لكندا", "للبنان", "بلندن"}) {
    EXPECT_EQ(stemmer->Segment(word).proclitic_count, 1) << word;
  }
  EXPECT_EQ(stemmer->Segment("وللبنان").proclitic_count, 2);
  EXPECT_EQ(stemmer->LightStem("وللبنان"), "لبنان");
  EXPECT_EQ(stemmer->LightStem("والجزائر"), "جزائر");
  EXPECT_EQ(stemmer->LightStem("بين"), "بين");
  EXPECT_EQ(stemmer->LightStem("موسكو"), "موسكو");
  EXPECT_EQ(stemmer->LightStem("ديمترييف"), "ديمترييف");
}

TEST(StemmerTest, ConcurrentUseGivesTheSameResults) {
  const Stemmer stemmer = LexiconStemmer();  // copies share the tables
  std::vector<std::string> expected;
  for (const Case& c : kCases) expected.push_back(stemmer.LightStem(c.word));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        size_t i = 0;
        for (const Case& c : kCases) mismatches[t] += stemmer.LightStem(c.word) != expected[i++];
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// The segmenter's split of the analyzer's tokens agrees with the analyzer's proclitic readings.
TEST(StemmerTest, SegmentationOfAnalyzedTokens) {
  const internal::Analyzer analyzer;
  const Stemmer stemmer = Stemmer::Create().value();
  internal::Document doc;
  const std::string text = "وللولايات المتحدة وواشنطن والمعلمات بين 2025";
  doc.text = text;
  doc.tokens = Tokenizer().Tokenize(text);
  analyzer.Analyze(&doc);
  ASSERT_EQ(doc.tokens.size(), 6u);
  const auto& a = doc.analyses;
  auto stem = [&](size_t i) {
    return std::string(stemmer.Segment(doc.TokenText(i)).Stem(doc.TokenText(i)));
  };
  EXPECT_EQ(stem(0), "ولاي");
  EXPECT_EQ(stemmer.Segment(doc.TokenText(0)).ProcliticBytes(), 6u);  // و ل ل
  EXPECT_TRUE(stemmer.Segment(doc.TokenText(0)).HasArticle());
  EXPECT_EQ(stem(1), "متحد");  // ة split off as a suffix
  EXPECT_TRUE(stemmer.Segment(doc.TokenText(1)).HasArticle());
  EXPECT_EQ(stem(2), "واشنطن");
  EXPECT_EQ(stemmer.Segment(doc.TokenText(2)).ProcliticBytes(), 2u);
  EXPECT_FALSE(stemmer.Segment(doc.TokenText(2)).HasArticle());
  EXPECT_EQ(stem(3), "معلم");
  EXPECT_EQ(stem(4), "بين");
  EXPECT_EQ(stemmer.Segment(doc.TokenText(4)).ProcliticBytes(), 0u);
  EXPECT_EQ(stem(5), "2025");
  // The readings are still there: وللولايات reads as الولايات after و + ل.
  bool found = false;
  for (int r = 0; r < a[0].reading_count; ++r) found |= doc.Slice(a[0].readings[r].key) == "الولايات";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kashif
