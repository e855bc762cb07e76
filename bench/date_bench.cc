// Date grammar speed: the date matcher alone on analyzed news text (bytes/s), and on text dense
// with date expressions, the grammar's worst case (every token starts a parse).
#include <string>
#include <vector>

#include "bench_text.h"
#include "benchmark/benchmark.h"
#include "kashif/tokenizer.h"
#include "match/date/date_matcher.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "extract/lexicons.h"

namespace {

void RunMatcher(benchmark::State& state, const std::string& text) {
  const kashif::internal::Lexicons& lexicons = **kashif::internal::BuiltinLexicons();
  const kashif::internal::Analyzer& analyzer = lexicons.analyzer;
  kashif::internal::DateMatcher matcher(*lexicons.dates, *lexicons.numbers);
  kashif::internal::Document doc;
  doc.text = text;
  doc.reference_date = kashif::CivilDate{2025, 4, 3};
  kashif::Tokenizer().Tokenize(text, &doc.tokens);
  analyzer.Analyze(&doc);
  kashif::Options options;
  std::vector<kashif::internal::Candidate> out;
  for (auto _ : state) {
    out.clear();
    matcher.Propose(doc, options, &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["dates"] = static_cast<double>(out.size());
}

void BM_DateMatcherNews(benchmark::State& state) {
  RunMatcher(state, kashif::bench::BenchText(1 << 20));
}
BENCHMARK(BM_DateMatcherNews)->Unit(benchmark::kMillisecond);

void BM_DateMatcherDense(benchmark::State& state) {
  const std::vector<std::string> expressions = {
      "يوم الخميس 27 فبراير 2025",
      "15 رمضان 1445 هـ",
      "في نهاية الأسبوع الماضي",
      "منذ ثلاثة أيام",
      "من 13 إلى 15 تموز",
      "بين عامي 2001 و2005",
      "٢٧/٢/٢٠٢٥",
      "الأسبوع المقبل",
      "ثالث ثلاثاء في أيلول 2014",
  };
  std::string text;
  while (text.size() < (256u << 10)) {
    for (const auto& e : expressions) text += e + " ، ";
  }
  RunMatcher(state, text);
}
BENCHMARK(BM_DateMatcherDense)->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
