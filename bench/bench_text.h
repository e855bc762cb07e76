// The text the benchmarks read: a realistic Arabic corpus when one is given, else news-like text
// built from the bundled sample.
#ifndef KASHIF_BENCH_BENCH_TEXT_H_
#define KASHIF_BENCH_BENCH_TEXT_H_

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace kashif::bench {

// $KASHIF_BENCH_CORPUS (a UTF-8 text file, e.g. made by tools/corpus) when set; otherwise about
// `fallback_bytes` of the bundled sample article's sentences in a shuffled order, so the same
// words do not come back in the same sequence.
inline const std::string& BenchText(size_t fallback_bytes = 4 << 20) {
  static const std::string* text = [&] {
    auto* result = new std::string;
    if (const char* path = std::getenv("KASHIF_BENCH_CORPUS")) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      *result = content.str();
      if (!result->empty()) return result;
    }
    std::ifstream in(std::string(KASHIF_SOURCE_DIR) + "/samples/news-ar.txt", std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string sample = content.str();
    // Clauses end at a full stop, an Arabic comma or a line end.
    std::vector<std::string> sentences;
    size_t start = 0;
    while (start < sample.size()) {
      size_t end = sample.size();
      for (const char* mark : {".", "\xD8\x8C", "\n"}) {
        const size_t at = sample.find(mark, start);
        if (at != std::string::npos) end = std::min(end, at + std::string(mark).size());
      }
      sentences.push_back(sample.substr(start, end - start));
      start = end;
    }
    if (sentences.empty()) sentences.push_back("لا يوجد نص\n");
    std::mt19937 rng(42);
    while (result->size() < fallback_bytes) {
      std::shuffle(sentences.begin(), sentences.end(), rng);
      for (const std::string& s : sentences) {
        *result += s;
        if (s.back() != '\n') *result += ' ';
      }
      *result += '\n';
    }
    return result;
  }();
  return *text;
}

// Number of white-space separated words in `text`.
inline size_t CountWords(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace kashif::bench

#endif  // KASHIF_BENCH_BENCH_TEXT_H_
