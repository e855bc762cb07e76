// Full extraction and kashif's own stages against peers, on the same text in one binary:
// ICU word-break tokenization, Snowball's Arabic stemmer (when libstemmer is found), and an
// RE2::Set over 10k names. Also the cost of Extractor::Create() and the memory it takes.
//
//   python3 tools/corpus/make_corpus.py --mb 30 > /tmp/kashif_corpus.txt
//   KASHIF_BENCH_CORPUS=/tmp/kashif_corpus.txt build/release/bench/extract_bench
//
// Without KASHIF_BENCH_CORPUS (or when the file is missing) a small built-in text, repeated
// to about 2 MB, is used. The corpus is one document per line; every benchmark walks the same
// documents. Throughput counters: bytes_per_second, and words/s = white-space separated words.
#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/normalizer.h"
#include "kashif/stemmer.h"
#include "kashif/tokenizer.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "extract/lexicons.h"

#ifdef KASHIF_HAVE_LIBSTEMMER
#include <libstemmer.h>
#endif

namespace {

const char* const kBuiltinText[] = {
    "أعلن وزير المالية في القاهرة يوم الأحد ٢٧ فبراير ٢٠٢٢ أن الحكومة خصصت ٣٢٤ مليار دولار "
    "لمشروعات البنية التحتية، وأضاف أن العمل سيبدأ في الإسكندرية وأسوان خلال الأشهر المقبلة.",
    "وصل الرئيس الفرنسي إلى الرياض أمس في زيارة رسمية تستغرق ثلاثة أيام، والتقى ولي العهد "
    "السعودي وبحث معه سبل تعزيز التعاون في مجالات الطاقة والاستثمار.",
    "قال متحدث باسم الأمم المتحدة إن المساعدات الإنسانية لغزة تجاوزت 1,250,000 دولار خلال "
    "الأسبوع الماضي، وإن قوافل جديدة ستصل من عمّان وبيروت في 15/03/2024.",
    "وَقَّعَتْ شَرِكَةُ أَرَامْكُو اتِّفَاقِيَّةً بِقِيمَةِ خَمْسَةِ مَلَايِينَ رِيَالٍ فِي الخَامِسِ مِنْ "
    "رَمَضَانَ ١٤٤٥ هـ مع شركة صينية لبناء مصنع في جدة.",
    "وتـــأتي هذه الخطوة في إطار خطة شاملة للإصلاح الإداري أعلنتها جامعة الدول العربية في "
    "اجتماعها الأخير بالقاهرة، بمشاركة وفود من المغرب والجزائر وتونس وليبيا.",
};

struct Corpus {
  std::string text;                     // all documents, '\n'-separated
  std::vector<std::string_view> docs;   // one per line
  std::vector<std::string_view> words;  // white-space separated, for stemmers
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    const char* path = std::getenv("KASHIF_BENCH_CORPUS");
    if (path != nullptr) {
      std::ifstream in(path, std::ios::binary);
      if (in) c->text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (c->text.empty()) {
      std::fprintf(stderr, "extract_bench: KASHIF_BENCH_CORPUS %s; using the built-in text\n",
                   path == nullptr ? "not set" : "unreadable");
      while (c->text.size() < (2u << 20)) {
        for (const char* p : kBuiltinText) c->text.append(p).push_back('\n');
      }
    }
    std::string_view all(c->text);
    for (size_t start = 0; start < all.size();) {
      size_t end = all.find('\n', start);
      if (end == std::string_view::npos) end = all.size();
      if (end > start) c->docs.push_back(all.substr(start, end - start));
      start = end + 1;
    }
    for (std::string_view doc : c->docs) {
      c->bytes += doc.size();
      for (size_t i = 0; i < doc.size();) {
        while (i < doc.size() && doc[i] == ' ') ++i;
        size_t j = i;
        while (j < doc.size() && doc[j] != ' ') ++j;
        if (j > i) c->words.push_back(doc.substr(i, j - i));
        i = j;
      }
    }
    return c;
  }();
  return *corpus;
}

void SetThroughput(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(c.words.size()),
                                                 benchmark::Counter::kIsIterationInvariantRate);
}

// Resident set size of this process in MB, from /proc (0 where there is no /proc).
double ResidentMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

const kashif::Extractor& DefaultExtractor() {
  static const kashif::Extractor* extractor =
      new kashif::Extractor(std::move(*kashif::Extractor::Create()));
  return *extractor;
}

// --- Creation and memory (registered first: measured before the corpus is loaded) ---

// Extractor::Create() with `options`, and the memory one live extractor takes: the process
// after creating it (rss_mb), what it added (rss_added_mb). The first Create() of a process also
// builds the process-wide tables (and, with the tagger, parses the built-in model): its time is
// first_ms.
void RunCreate(benchmark::State& state, const kashif::Options& options) {
  const double before = ResidentMb();
  const auto start = std::chrono::steady_clock::now();
  auto kept = kashif::Extractor::Create(options);
  const std::chrono::duration<double, std::milli> first = std::chrono::steady_clock::now() - start;
  if (!kept.ok()) {
    state.SkipWithError(kept.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    auto extractor = kashif::Extractor::Create(options);
    if (!extractor.ok()) state.SkipWithError(extractor.status().ToString().c_str());
    benchmark::DoNotOptimize(extractor);
  }
  const double after = ResidentMb();
  state.counters["first_ms"] = first.count();
  state.counters["rss_mb"] = after;
  state.counters["rss_added_mb"] = after - before;
  benchmark::DoNotOptimize(kept);
}

void BM_ExtractorCreate(benchmark::State& state) { RunCreate(state, kashif::Options()); }
BENCHMARK(BM_ExtractorCreate)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The same with the built-in tagger model (registered after the rules-only one, so its
// rss_added_mb is the model's and the tagger's share).
void BM_ExtractorCreateTagger(benchmark::State& state) {
  kashif::Options options;
  options.use_tagger = true;
  RunCreate(state, options);
}
BENCHMARK(BM_ExtractorCreateTagger)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// --- kashif ---

// Every document through `extractor`, as many times as the benchmark asks.
void RunExtract(benchmark::State& state, const kashif::Extractor& extractor) {
  const Corpus& c = GetCorpus();
  std::vector<kashif::Entity> entities;
  size_t found = 0;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      extractor.Extract(doc, std::nullopt, &entities);
      found += entities.size();
    }
  }
  SetThroughput(state, c);
  state.counters["entities/doc"] =
      static_cast<double>(found) / static_cast<double>(state.iterations() * c.docs.size());
}

// Every document through an extractor made with `options`.
void RunExtractWith(benchmark::State& state, const kashif::Options& options) {
  auto extractor = kashif::Extractor::Create(options);
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  RunExtract(state, *extractor);
}

// The default extractor: what Extractor::Create() gives (today the rules and lists alone, as
// Options::use_tagger is off by default).
void BM_Extract(benchmark::State& state) { RunExtract(state, DefaultExtractor()); }
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// The rules and lists alone (Options::use_tagger = false), whatever the default is.
void BM_ExtractRulesOnly(benchmark::State& state) {
  kashif::Options options;
  options.use_tagger = false;
  RunExtractWith(state, options);
}
BENCHMARK(BM_ExtractRulesOnly)->Unit(benchmark::kMillisecond);

// With the built-in trained tagger filling the rules' gaps (Options::use_tagger = true).
void BM_ExtractTagger(benchmark::State& state) {
  kashif::Options options;
  options.use_tagger = true;
  RunExtractWith(state, options);
}
BENCHMARK(BM_ExtractTagger)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const kashif::Tokenizer tokenizer;
  std::vector<kashif::Token> tokens;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      tokens.clear();
      tokenizer.Tokenize(doc, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  SetThroughput(state, c);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const kashif::Normalizer normalizer(kashif::internal::MatchFormOptions());
  std::string out;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      out.clear();
      normalizer.AppendNormalized(doc, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetThroughput(state, c);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

// The normalizer with its offset map (what a caller of Normalize() pays).
void BM_NormalizeWithOffsets(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const kashif::Normalizer normalizer;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) benchmark::DoNotOptimize(normalizer.Normalize(doc));
  }
  SetThroughput(state, c);
}
BENCHMARK(BM_NormalizeWithOffsets)->Unit(benchmark::kMillisecond);

// Tokenize, then the match form of every token: the front of the pipeline.
void BM_TokenizeNormalize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const kashif::Tokenizer tokenizer;
  const kashif::Normalizer normalizer(kashif::internal::MatchFormOptions());
  std::vector<kashif::Token> tokens;
  std::string keys;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      tokens.clear();
      keys.clear();
      tokenizer.Tokenize(doc, &tokens);
      for (const kashif::Token& t : tokens) normalizer.AppendNormalized(t.text(doc), &keys);
      benchmark::DoNotOptimize(keys.data());
    }
  }
  SetThroughput(state, c);
}
BENCHMARK(BM_TokenizeNormalize)->Unit(benchmark::kMillisecond);

// Tokenize + analyze (match forms and proclitic readings of every token).
void BM_TokenizeAnalyze(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  const kashif::Tokenizer tokenizer;
  const kashif::internal::Analyzer& analyzer = (*kashif::internal::BuiltinLexicons())->analyzer;
  kashif::internal::Document doc;
  for (auto _ : state) {
    for (std::string_view text : c.docs) {
      doc.Clear();
      doc.text = text;
      tokenizer.Tokenize(text, &doc.tokens);
      analyzer.Analyze(&doc);
      benchmark::DoNotOptimize(doc.analyses.data());
    }
  }
  SetThroughput(state, c);
}
BENCHMARK(BM_TokenizeAnalyze)->Unit(benchmark::kMillisecond);

void BM_KashifLightStem(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  auto stemmer = kashif::Stemmer::Create();
  if (!stemmer.ok()) {
    state.SkipWithError(stemmer.status().ToString().c_str());
    return;
  }
  std::string out;
  for (auto _ : state) {
    for (std::string_view word : c.words) {
      out.clear();
      stemmer->AppendLightStem(word, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetThroughput(state, c);
}
BENCHMARK(BM_KashifLightStem)->Unit(benchmark::kMillisecond);

// --- peers ---

// ICU's Arabic word break iterator, or nullptr (the benchmark then reports why).
std::unique_ptr<icu::BreakIterator> ArabicWordBreak(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
  if (U_FAILURE(status)) {
    state.SkipWithError(u_errorName(status));
    return nullptr;
  }
  return it;
}

// The word boundaries of the iterator's text, counted the way a tokenizer would use them.
size_t CountWords(icu::BreakIterator* it) {
  size_t words = 0;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    words += it->getRuleStatus() != UBRK_WORD_NONE;
  }
  return words;
}

// ICU's word break iterator straight over the UTF-8 bytes (UText, no conversion).
void BM_IcuWordBreak(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::unique_ptr<icu::BreakIterator> it = ArabicWordBreak(state);
  if (!it) return;
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  size_t words = 0;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      utext_openUTF8(&text, doc.data(), static_cast<int64_t>(doc.size()), &status);
      it->setText(&text, status);
      words += CountWords(it.get());
    }
  }
  utext_close(&text);
  benchmark::DoNotOptimize(words);
  SetThroughput(state, c);
}
BENCHMARK(BM_IcuWordBreak)->Unit(benchmark::kMillisecond);

// ICU's word break the fast way: each document converted from UTF-8 to UTF-16 (the conversion
// is timed too) and broken as a UnicodeString. Ratios are taken to the faster of the two ICU
// benchmarks.
void BM_IcuWordBreakUtf16(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  std::unique_ptr<icu::BreakIterator> it = ArabicWordBreak(state);
  if (!it) return;
  icu::UnicodeString utf16;
  size_t words = 0;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      utf16 = icu::UnicodeString::fromUTF8(
          icu::StringPiece(doc.data(), static_cast<int32_t>(doc.size())));
      it->setText(utf16);
      words += CountWords(it.get());
    }
  }
  benchmark::DoNotOptimize(words);
  SetThroughput(state, c);
}
BENCHMARK(BM_IcuWordBreakUtf16)->Unit(benchmark::kMillisecond);

#ifdef KASHIF_HAVE_LIBSTEMMER
void BM_SnowballArabicStem(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  sb_stemmer* stemmer = sb_stemmer_new("arabic", "UTF_8");
  if (stemmer == nullptr) {
    state.SkipWithError("libstemmer has no Arabic stemmer");
    return;
  }
  for (auto _ : state) {
    for (std::string_view word : c.words) {
      benchmark::DoNotOptimize(sb_stemmer_stem(
          stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size())));
    }
  }
  sb_stemmer_delete(stemmer);
  SetThroughput(state, c);
}
BENCHMARK(BM_SnowballArabicStem)->Unit(benchmark::kMillisecond);
#endif

// 10k names: the built-in gazetteers' names, topped up with "given father family" person
// names. RE2::Set says which names occur in each document (no positions, no word boundaries:
// less than kashif does, so an upper bound on what a regex-based matcher could reach).
std::vector<std::string> TenThousandNames() {
  std::vector<std::string> names;
  auto extract_names = [&](const char* file) {
    std::ifstream in(std::string(KASHIF_SOURCE_DIR) + "/data/" + file);
    std::string line;
    while (std::getline(in, line) && names.size() < 10000) {
      if (line.empty() || line[0] == '#') continue;
      names.push_back(line.substr(0, line.find('\t')));
    }
  };
  extract_names("places.tsv");
  extract_names("organizations.tsv");
  extract_names("people.tsv");
  const char* given[] = {"محمد", "أحمد", "خالد", "سلمى", "فاطمة", "عمر", "يوسف", "ليلى", "حسن",
                         "مريم", "طارق", "نادية", "سامي", "هالة", "إبراهيم", "رانيا", "ماجد",
                         "زينب", "علي", "نور", "سعيد", "هدى", "كريم", "منى", "جمال"};
  const char* family[] = {"الحداد", "النجار", "العطار", "الخطيب", "المصري", "الشامي",
                          "البغدادي", "الزين", "السعدي", "القاسم", "منصور", "عثمان",
                          "الراشد", "الفارس", "درويش", "الأنصاري", "التميمي", "الكبيسي"};
  for (const char* f : family) {
    for (const char* father : given) {
      for (const char* g : given) {
        if (names.size() >= 10000) return names;
        names.push_back(std::string(g) + " " + father + " " + f);
      }
    }
  }
  return names;
}

void BM_Re2Set10kNames(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  RE2::Options options;
  options.set_max_mem(int64_t{1} << 30);
  options.set_log_errors(false);
  RE2::Set set(options, RE2::UNANCHORED);
  const std::vector<std::string> names = TenThousandNames();
  for (const std::string& name : names) {
    if (set.Add(RE2::QuoteMeta(name), nullptr) < 0) {
      state.SkipWithError("RE2::Set::Add failed");
      return;
    }
  }
  if (!set.Compile()) {
    state.SkipWithError("RE2::Set::Compile failed");
    return;
  }
  std::vector<int> matches;
  size_t found = 0;
  for (auto _ : state) {
    for (std::string_view doc : c.docs) {
      set.Match(doc, &matches);
      found += matches.size();
    }
  }
  SetThroughput(state, c);
  state.counters["names"] = static_cast<double>(names.size());
  state.counters["names/doc"] =
      static_cast<double>(found) / static_cast<double>(state.iterations() * c.docs.size());
}
BENCHMARK(BM_Re2Set10kNames)->Unit(benchmark::kMillisecond);

// --- hostile inputs: 1 MB each, one Extract() call; compare bytes/s with BM_Extract ---

std::string Repeat(std::string_view unit, size_t bytes) {
  std::string out;
  while (out.size() < bytes) out.append(unit);
  return out;
}

std::string HostileInput(int kind) {
  constexpr size_t kSize = 1 << 20;
  switch (kind) {
    case 0: {  // random bytes
      std::string s(kSize, '\0');
      uint64_t x = 88172645463325252u;
      for (char& ch : s) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        ch = static_cast<char>(x >> 56);
      }
      return s;
    }
    case 1: return Repeat("القاهرة", kSize);                  // no space
    case 2: return "ب" + Repeat("\u064E", kSize) + "ن";       // one letter, a sea of fathas
    case 3: return Repeat("و", kSize) + "القاهرة";            // repeated proclitic
    case 4: return Repeat("7", kSize);                         // a megabyte-long number
    case 5: return "1" + Repeat(",000", kSize);                // endless thousands groups
    case 6: return Repeat("3 مليون ", kSize);                  // scale words in a row
    case 7: return Repeat("\xED\xA0\x80\xFF", kSize);          // encoded surrogates, bad bytes
    case 8: return Repeat(std::string("القاهرة\0", 15), kSize);  // NUL-separated names
    // Listed names with and without their head word, a person with a title, in a loop: every
    // rule and the per-document propagation see thousands of the same candidates (the head-word
    // drop was quadratic here).
    default: return Repeat("نهر النيجر والنيجر وقال الرئيس محمد علي إن محمد ", kSize);
  }
}

void BM_ExtractHostile(benchmark::State& state) {
  const std::string text = HostileInput(static_cast<int>(state.range(0)));
  const kashif::Extractor& extractor = DefaultExtractor();
  std::vector<kashif::Entity> entities;
  for (auto _ : state) {
    extractor.Extract(text, std::nullopt, &entities);
    benchmark::DoNotOptimize(entities.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  static const char* const kNames[] = {"random_bytes", "no_space",      "diacritics",
                                       "proclitics",   "digits",        "thousands",
                                       "scales",       "surrogates",    "nul_separated",
                                       "repeated_names"};
  state.SetLabel(kNames[state.range(0)]);
}
BENCHMARK(BM_ExtractHostile)->DenseRange(0, 9)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
