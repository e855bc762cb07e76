// Number and money speed: FindNumbers over news text, and the number-heavy expressions the
// money and date matchers parse (bytes/s).
#include <string>
#include <vector>

#include "bench_text.h"
#include "benchmark/benchmark.h"
#include "kashif/number.h"
#include "kashif/tokenizer.h"
#include "match/money/money_matcher.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "extract/lexicons.h"

namespace {

void BM_FindNumbers(benchmark::State& state) {
  const std::string& text = kashif::bench::BenchText(1 << 20);
  size_t found = 0;
  for (auto _ : state) {
    auto numbers = kashif::FindNumbers(text);
    found = numbers.size();
    benchmark::DoNotOptimize(numbers);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["numbers"] = static_cast<double>(found);
}
BENCHMARK(BM_FindNumbers)->Unit(benchmark::kMillisecond);

// Number words and amounts only: the grammar's worst case (every token starts a parse).
void BM_ParseNumberExpressions(benchmark::State& state) {
  const std::vector<std::string> expressions = {
      "ثلاثمائة وأربعة وعشرون",
      "خمسة ملايين ونصف مليون",
      "تسعمئة وسبعة وثمانون ألفًا وستمئة وأربعة وخمسون",
      "١٬٢٥٠٬٠٠٠٫٧٥",
      "2.5 مليار",
      "الحادي والعشرون",
  };
  size_t bytes = 0;
  for (const auto& e : expressions) bytes += e.size();
  for (auto _ : state) {
    for (const auto& e : expressions) benchmark::DoNotOptimize(kashif::ParseNumber(e));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(expressions.size()));
}
BENCHMARK(BM_ParseNumberExpressions);

// The money matcher alone on an analyzed document (tokenizing and analysis excluded).
void BM_MoneyMatcher(benchmark::State& state) {
  const std::string& text = kashif::bench::BenchText(1 << 20);
  const kashif::internal::Lexicons& lexicons = **kashif::internal::BuiltinLexicons();
  const kashif::internal::Analyzer& analyzer = lexicons.analyzer;
  kashif::internal::MoneyMatcher matcher(analyzer, *lexicons.numbers, lexicons.currencies);
  kashif::internal::Document doc;
  doc.text = text;
  kashif::Tokenizer().Tokenize(text, &doc.tokens);
  analyzer.Analyze(&doc);
  std::vector<kashif::internal::Candidate> out;
  for (auto _ : state) {
    out.clear();
    matcher.Propose(doc, kashif::Options(), &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["amounts"] = static_cast<double>(out.size());
}
BENCHMARK(BM_MoneyMatcher)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
