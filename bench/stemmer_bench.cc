// Stemmer speed: words per second for clitic segmentation and light stemming, on a large list
// of distinct inflected words and on running news text, with Snowball's Arabic stemmer
// (libstemmer) on the same input in the same binary when it is available.
//
// Running text: a news-style passage written for this benchmark, or the file named by the
// environment variable KASHIF_BENCH_TEXT.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kashif/stemmer.h"
#include "kashif/tokenizer.h"

#ifdef KASHIF_HAVE_LIBSTEMMER
#include <libstemmer.h>
#endif

namespace {

// The word list: every combination of 12 proclitic sequences (none, و, ال, وال, ب, بال, ل,
// لل, ف, فال, ك, ولل) x 56 stems x 10 endings (none, ة, ات, ون, ين, ها, هم, ته, تها, ان) =
// 6,720 words, shuffled with a fixed seed so neither segmenter sees the same stem or affix
// twice in a row (branch predictors and caches get no help from order). It is deliberately
// harder than running text: 11 words in 12 carry a proclitic and 9 in 10 an ending, so most
// words have several readings to weigh; the stems include the traps (a stem-initial و / ب / ل
// / ف in وزير، ولاي، بريطاني، لبنان، فرنسا, names ending like suffixes: موسكو، أوكرانيا,
// imperfect verbs) and words of 2 to 14 letters. Being generated, some combinations are not
// real Arabic words (ولليقول); they are still segmented in full, which is what is timed.
// Segmenting never caches results, so the repetition across benchmark iterations does not
// make later passes cheaper except through ordinary CPU caches.
//
// Stems of news vocabulary (nouns, adjectives, verbs, names) and the affixes they take.
const char* const kStems[] = {
    "حكوم",    "وزير",   "رئيس",   "مدين",   "شرك",    "دول",    "سياس",   "اقتصاد",
    "معلم",    "مسؤول",  "انتخاب", "مفاوض",  "برلمان", "قرار",   "اتفاق",  "مشروع",
    "كتاب",    "جيش",    "قو",     "أمريكي", "بريطاني", "روسي",  "عربي",   "دولي",
    "واشنطن",  "لبنان",  "جزائر",  "موسكو",  "أوكرانيا", "فرنسا", "ولاي",   "وكال",
    "يقول",    "تعمل",   "يشارك",  "تستمر",  "عمل",    "مصدر",   "وضع",    "بيان",
    "مستشفى",  "مستقبل", "تحقيق",  "إعلان",  "مساعد",  "نائب",   "جامع",   "طالب",
    "مجلس",    "منظم",   "لجن",    "ناطق",   "محكم",   "قانون",  "مؤتمر",  "مواطن",
};
const char* const kProclitics[] = {"",    "و",    "ال",   "وال",  "ب",   "بال",
                                   "ل",   "لل",   "ف",    "فال",  "ك",   "ولل"};
const char* const kEndings[] = {"", "ة", "ات", "ون", "ين", "ها", "هم", "ته", "تها", "ان"};

std::vector<std::string> WordList() {
  std::vector<std::string> words;
  for (const char* p : kProclitics) {
    for (const char* s : kStems) {
      for (const char* e : kEndings) words.push_back(std::string(p) + s + e);
    }
  }
  std::mt19937 rng(42);
  std::shuffle(words.begin(), words.end(), rng);
  return words;
}

const char kPassage[] =
    "أعلنت وزارة الخارجية الروسية أمس أن وزير الخارجية سيلتقي نظيره الأمريكي في جنيف "
    "الأسبوع المقبل، لبحث الأزمة الأوكرانية والعلاقات بين البلدين. وقال المتحدث باسم "
    "الوزارة إن موسكو مستعدة للحوار، لكنها لن تقبل بشروط مسبقة، مشيرا إلى أن واشنطن "
    "وحلفاءها في أوروبا يواصلون إرسال الأسلحة إلى كييف. وأضاف أن الحكومة الروسية "
    "ستدرس المقترحات الجديدة التي قدمتها الولايات المتحدة وبريطانيا وفرنسا، وأن "
    "الرئيس سيعقد اجتماعا لمجلس الأمن القومي لمناقشتها. ومن جهتها، رحبت الجزائر "
    "ولبنان بالمبادرة، ودعت الأطراف إلى ضبط النفس والعودة إلى طاولة المفاوضات، فيما "
    "أكد مسؤولون في لندن وكندا أن العقوبات ستبقى قائمة حتى تنسحب القوات من المناطق "
    "التي سيطرت عليها. وبلغت قيمة المساعدات التي قدمها الاتحاد الأوروبي لأوكرانيا "
    "منذ بداية الحرب نحو خمسين مليار يورو، بحسب بيان للمفوضية نشرته على موقعها.";

std::vector<std::string> RunningTextWords() {
  std::string text;
  if (const char* path = std::getenv("KASHIF_BENCH_TEXT")) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  if (text.empty()) {
    for (int i = 0; i < 200; ++i) text += std::string(kPassage) + "\n";
  }
  std::vector<std::string> words;
  const kashif::Tokenizer tokenizer;
  for (const kashif::Token& t : tokenizer.Tokenize(text)) {
    words.emplace_back(t.text(text));  // every token: punctuation and numbers included
  }
  return words;
}

const kashif::Stemmer& TheStemmer() {
  static const kashif::Stemmer* stemmer =
      new kashif::Stemmer(kashif::Stemmer::Create().value());
  return *stemmer;
}

void Report(benchmark::State& state, const std::vector<std::string>& words) {
  size_t bytes = 0;
  for (const std::string& w : words) bytes += w.size();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void Segment(benchmark::State& state, const std::vector<std::string>& words) {
  const kashif::Stemmer& stemmer = TheStemmer();
  for (auto _ : state) {
    for (const std::string& w : words) {
      kashif::Segmentation seg = stemmer.Segment(w);
      benchmark::DoNotOptimize(seg);
    }
  }
  Report(state, words);
}

void LightStem(benchmark::State& state, const std::vector<std::string>& words) {
  const kashif::Stemmer& stemmer = TheStemmer();
  std::string out;
  for (auto _ : state) {
    for (const std::string& w : words) {
      out.clear();
      stemmer.AppendLightStem(w, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  Report(state, words);
}

void BM_Segment_WordList(benchmark::State& state) {
  static const std::vector<std::string> words = WordList();
  Segment(state, words);
}
void BM_LightStem_WordList(benchmark::State& state) {
  static const std::vector<std::string> words = WordList();
  LightStem(state, words);
}
void BM_Segment_RunningText(benchmark::State& state) {
  static const std::vector<std::string> words = RunningTextWords();
  Segment(state, words);
}
void BM_LightStem_RunningText(benchmark::State& state) {
  static const std::vector<std::string> words = RunningTextWords();
  LightStem(state, words);
}
BENCHMARK(BM_Segment_WordList);
BENCHMARK(BM_LightStem_WordList);
BENCHMARK(BM_Segment_RunningText);
BENCHMARK(BM_LightStem_RunningText);

#ifdef KASHIF_HAVE_LIBSTEMMER
void Snowball(benchmark::State& state, const std::vector<std::string>& words) {
  sb_stemmer* stemmer = sb_stemmer_new("arabic", "UTF_8");
  if (stemmer == nullptr) {
    state.SkipWithError("libstemmer has no Arabic stemmer");
    return;
  }
  for (auto _ : state) {
    for (const std::string& w : words) {
      const sb_symbol* stem = sb_stemmer_stem(
          stemmer, reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
      benchmark::DoNotOptimize(stem);
    }
  }
  sb_stemmer_delete(stemmer);
  Report(state, words);
}
void BM_Snowball_WordList(benchmark::State& state) {
  static const std::vector<std::string> words = WordList();
  Snowball(state, words);
}
void BM_Snowball_RunningText(benchmark::State& state) {
  static const std::vector<std::string> words = RunningTextWords();
  Snowball(state, words);
}
BENCHMARK(BM_Snowball_WordList);
BENCHMARK(BM_Snowball_RunningText);
#endif

}  // namespace

BENCHMARK_MAIN();
