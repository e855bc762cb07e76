// One Extractor shared by many threads: every thread's results equal the single-threaded ones,
// for every document, whatever the interleaving. Each TEST runs in its own process (ctest via
// gtest_discover_tests), so the first-use test really races the lazy table builders. Run it
// under ThreadSanitizer with the tsan preset (.ci/sanitizers.sh does).
#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/normalizer.h"
#include "kashif/number.h"
#include "kashif/tokenizer.h"

namespace kashif {
namespace {

constexpr int kThreads = 8;

const char* const kSentences[] = {
    "أعلن وزير المالية في القاهرة يوم الأحد ٢٧ فبراير ٢٠٢٢ أن الحكومة خصصت ٣٢٤ مليار دولار للبنية التحتية.",
    "وصل الرئيس الفرنسي إلى الرياض أمس في زيارة رسمية تستغرق ثلاثة أيام.",
    "قال متحدث باسم الأمم المتحدة إن المساعدات لغزة تجاوزت 1,250,000 دولار خلال الأسبوع الماضي.",
    "ارتفع سعر الذهب في دبي وبيروت وعمّان بنسبة ٢٫٥٪ في تعاملات الخميس.",
    "وقعت الشركة اتفاقية بقيمة خمسة ملايين ريال في الخامس من رمضان ١٤٤٥ هـ.",
    "سافر الوفد من بغداد إلى دمشق ثم إلى الجزائر وللمغرب في 15/03/2024.",
    "التقى الأمين العام بوزير الخارجية العماني في مسقط يوم الثلاثاء 3 أبريل.",
    "بلغ حجم التداول في بورصة الدار البيضاء ٧٥٠ مليون درهم في نهاية العام الماضي.",
};

// 64 different documents built from the sentences above.
std::vector<std::string> Documents() {
  std::vector<std::string> docs;
  const size_t n = std::size(kSentences);
  for (size_t i = 0; i < 64; ++i) {
    std::string doc = kSentences[i % n];
    doc += "\n";
    doc += kSentences[(i * 5 + 3) % n];
    if (i % 3 == 0) doc += " " + std::to_string(1000 + i) + " دينار";
    if (i % 4 == 1) doc += "\n" + std::string(kSentences[(i / 8) % n]);
    docs.push_back(std::move(doc));
  }
  return docs;
}

bool Same(const std::vector<Entity>& a, const std::vector<Entity>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tie(a[i].type, a[i].begin, a[i].end, a[i].canonical) !=
        std::tie(b[i].type, b[i].begin, b[i].end, b[i].canonical)) {
      return false;
    }
    if (a[i].money.has_value() != b[i].money.has_value() ||
        a[i].date.has_value() != b[i].date.has_value()) {
      return false;
    }
    if (a[i].money && (a[i].money->amount != b[i].money->amount ||
                       a[i].money->currency != b[i].money->currency)) {
      return false;
    }
    if (a[i].date && (a[i].date->timex != b[i].date->timex ||
                      a[i].date->resolved != b[i].date->resolved)) {
      return false;
    }
  }
  return true;
}

// Runs `work(thread_index)` on kThreads threads started together.
template <typename Work>
void RunTogether(Work work) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      work(t);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

TEST(ConcurrencyTest, SharedExtractorMatchesSingleThreaded) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::vector<std::string> docs = Documents();
  const CivilDate reference{2024, 3, 20};

  std::vector<std::vector<Entity>> expected;
  size_t total = 0;
  for (const std::string& doc : docs) {
    expected.push_back(extractor->Extract(doc, reference));
    total += expected.back().size();
  }
  // The comparison means something only if the documents have entities: the first one names
  // Cairo, and it is found exactly.
  ASSERT_GT(total, docs.size());
  const std::string cairo = "القاهرة";
  const size_t cairo_at = docs[0].find(cairo);
  bool found_cairo = false;
  for (const Entity& e : expected[0]) {
    found_cairo |= e.type == EntityType::kPlace && e.begin == cairo_at &&
                   e.end == cairo_at + cairo.size();
  }
  EXPECT_TRUE(found_cairo);

  std::vector<int> mismatches(kThreads, 0);
  RunTogether([&](int t) {
    std::vector<Entity> reused;
    for (int round = 0; round < 3; ++round) {
      // Each thread walks the documents in its own order, so different documents are in flight
      // at the same time.
      for (size_t k = 0; k < docs.size(); ++k) {
        const size_t i = (k * 7 + static_cast<size_t>(t) * 11 + round) % docs.size();
        if (t % 2 == 0) {
          mismatches[t] += !Same(extractor->Extract(docs[i], reference), expected[i]);
        } else {
          extractor->Extract(docs[i], reference, &reused);
          mismatches[t] += !Same(reused, expected[i]);
        }
      }
    }
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(ConcurrencyTest, CopiesShareTheModelSafely) {
  auto extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::vector<std::string> docs = Documents();
  std::vector<std::vector<Entity>> expected;
  for (const std::string& doc : docs) expected.push_back(extractor->Extract(doc));

  std::vector<int> mismatches(kThreads, 0);
  RunTogether([&](int t) {
    const Extractor copy = *extractor;  // copies share the compiled model
    for (size_t k = 0; k < docs.size(); ++k) {
      const size_t i = (k + static_cast<size_t>(t) * 8) % docs.size();
      mismatches[t] += !Same(copy.Extract(docs[i]), expected[i]);
    }
  });
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

// Nothing has run in this process yet: the threads race to build every lazily created table
// (character classes, fold tables, number words, gazetteers) and must all see the same result.
TEST(ConcurrencyTest, FirstUseFromManyThreads) {
  const std::vector<std::string> docs = Documents();
  std::vector<std::vector<Entity>> results(kThreads);
  std::vector<std::string> normalized(kThreads);
  std::vector<size_t> token_counts(kThreads);
  std::vector<size_t> number_counts(kThreads);
  std::vector<char> created(kThreads, 0);  // not vector<bool>: its bits share words
  RunTogether([&](int t) {
    NormalizerOptions options;
    options.fold_teh_marbuta = true;
    normalized[t] = Normalizer(options).NormalizeToString(docs[4]);
    token_counts[t] = Tokenizer().Tokenize(docs[5]).size();
    number_counts[t] = FindNumbers(docs[0]).size();
    auto extractor = Extractor::Create();
    if (!extractor.ok()) return;
    created[t] = 1;
    results[t] = extractor->Extract(docs[7]);
  });
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_TRUE(created[t]) << "thread " << t;
    EXPECT_EQ(normalized[t], normalized[0]);
    EXPECT_EQ(token_counts[t], token_counts[0]);
    EXPECT_EQ(number_counts[t], number_counts[0]);
    EXPECT_TRUE(Same(results[t], results[0])) << "thread " << t;
  }
  EXPECT_FALSE(results[0].empty());
  EXPECT_GT(number_counts[0], 0u);
}

}  // namespace
}  // namespace kashif
