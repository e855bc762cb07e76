// The text layer against ICU's word BreakIterator on the same UTF-8 text.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <vector>

#include "bench_text.h"
#include "kashif/normalizer.h"
#include "kashif/tokenizer.h"

namespace {

using kashif::bench::BenchText;
using kashif::bench::CountWords;

void Report(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["words/s"] = benchmark::Counter(
      static_cast<double>(CountWords(text)) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

void BM_IcuWordBreak(benchmark::State& state) {
  const std::string& text = BenchText();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU word break iterator unavailable");
    return;
  }
  for (auto _ : state) {
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    words->setText(utext, status);
    int32_t count = 0;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) ++count;
    benchmark::DoNotOptimize(count);
    utext_close(utext);
  }
  Report(state, text);
}
BENCHMARK(BM_IcuWordBreak)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = BenchText();
  const kashif::Tokenizer tokenizer;
  std::vector<kashif::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    tokenizer.Tokenize(text, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  Report(state, text);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const std::string& text = BenchText();
  const kashif::Normalizer normalizer;
  std::string out;
  for (auto _ : state) {
    out.clear();
    normalizer.AppendNormalized(text, &out);
    benchmark::DoNotOptimize(out.data());
  }
  Report(state, text);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_NormalizeWithOffsetMap(benchmark::State& state) {
  const std::string& text = BenchText();
  const kashif::Normalizer normalizer;
  for (auto _ : state) {
    kashif::NormalizedText n = normalizer.Normalize(text);
    benchmark::DoNotOptimize(n.text.data());
  }
  Report(state, text);
}
BENCHMARK(BM_NormalizeWithOffsetMap)->Unit(benchmark::kMillisecond);

// What the extractor does first: tokenize, then normalize every token into one buffer.
void BM_TokenizeAndNormalizeTokens(benchmark::State& state) {
  const std::string& text = BenchText();
  const kashif::Tokenizer tokenizer;
  const kashif::Normalizer normalizer;
  std::vector<kashif::Token> tokens;
  std::string forms;
  for (auto _ : state) {
    tokens.clear();
    forms.clear();
    tokenizer.Tokenize(text, &tokens);
    for (const kashif::Token& t : tokens) normalizer.AppendNormalized(t.text(text), &forms);
    benchmark::DoNotOptimize(forms.data());
  }
  Report(state, text);
}
BENCHMARK(BM_TokenizeAndNormalizeTokens)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
