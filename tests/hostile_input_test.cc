// Hostile and huge inputs: invalid UTF-8, encoded surrogates, NUL bytes, a megabyte without a
// space, 100k diacritics in a row, endlessly repeated proclitics, long runs of digits and
// separators. Nothing may crash, every span must stay well formed, and the sizes are chosen so
// that a quadratic pass over any of them (10^11+ steps) would run into the ctest timeout.
// Throughput on these inputs is measured in bench/extract_bench.cc (BM_Hostile*), not here.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "shared_extractor.h"
#include "kashif/normalizer.h"
#include "kashif/number.h"
#include "kashif/tokenizer.h"
#include "text/utf8.h"

namespace kashif {
namespace {

constexpr size_t kMiB = 1 << 20;

std::string Repeat(std::string_view unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out.append(unit);
  return out;
}

// Spans inside the text, sorted, disjoint, over valid UTF-8.
void ExpectWellFormed(std::string_view text, const std::vector<Entity>& entities) {
  size_t previous_end = 0;
  for (const Entity& e : entities) {
    ASSERT_LT(e.begin, e.end);
    ASSERT_LE(e.end, text.size());
    ASSERT_GE(e.begin, previous_end);
    ASSERT_TRUE(internal::IsValidUtf8(e.text(text))) << e.begin << "-" << e.end;
    previous_end = e.end;
  }
}

void ExpectTokensTile(std::string_view text, const std::vector<Token>& tokens) {
  size_t previous_end = 0;
  for (const Token& t : tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_GE(t.begin, previous_end);
    previous_end = t.end;
  }
}

// The places of a text, as "begin-end" strings, to compare exact spans.
std::vector<std::string> PlaceSpans(const std::vector<Entity>& entities) {
  std::vector<std::string> spans;
  for (const Entity& e : entities) {
    if (e.type == EntityType::kPlace) {
      spans.push_back(std::to_string(e.begin) + "-" + std::to_string(e.end));
    }
  }
  return spans;
}

TEST(HostileInputTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(SharedExtractor().Extract("").empty());
  EXPECT_TRUE(SharedExtractor().Extract(Repeat(" \n\t", kMiB)).empty());
  EXPECT_TRUE(Tokenizer().Tokenize(Repeat(" \n\t", kMiB)).empty());
}

TEST(HostileInputTest, InvalidBytesAreSeparatorsAndOffsetsDoNotShift) {
  const std::string cairo = "القاهرة";
  const std::string dubai = "دبي";
  // A stray continuation byte, a truncated sequence and an overlong '/' between the names.
  const std::string text = cairo + "\xFF\x80" + dubai + "\xE2\x82" + " " + cairo + "\xC0\xAF";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[0].text(text), cairo);
  EXPECT_EQ(tokens[1].kind, TokenKind::kOther);
  EXPECT_EQ(tokens[1].end - tokens[1].begin, 1u);
  EXPECT_EQ(tokens[3].text(text), dubai);
  EXPECT_EQ(tokens[6].text(text), cairo);

  const std::vector<Entity> entities = SharedExtractor().Extract(text);
  ExpectWellFormed(text, entities);
  const size_t dubai_at = cairo.size() + 2;
  const size_t cairo2_at = dubai_at + dubai.size() + 3;
  EXPECT_EQ(PlaceSpans(entities),
            (std::vector<std::string>{"0-" + std::to_string(cairo.size()),
                                      std::to_string(dubai_at) + "-" +
                                          std::to_string(dubai_at + dubai.size()),
                                      std::to_string(cairo2_at) + "-" +
                                          std::to_string(cairo2_at + cairo.size())}));
}

TEST(HostileInputTest, EncodedSurrogatesAreThreeInvalidBytes) {
  // CESU-8 / WTF-8 style: U+D800 and U+DC00 encoded as if they were characters.
  const std::string riyadh = "الرياض";
  const std::string text = "\xED\xA0\x80" + riyadh + "\xED\xB0\x80";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  ASSERT_EQ(tokens.size(), 7u);
  for (size_t i : {0, 1, 2, 4, 5, 6}) {
    EXPECT_EQ(tokens[i].kind, TokenKind::kOther) << i;
    EXPECT_EQ(tokens[i].end - tokens[i].begin, 1u) << i;
  }
  EXPECT_EQ(tokens[3].text(text), riyadh);
  EXPECT_EQ(PlaceSpans(SharedExtractor().Extract(text)),
            (std::vector<std::string>{"3-" + std::to_string(3 + riyadh.size())}));

  const NormalizedText n = Normalizer().Normalize(text);
  EXPECT_TRUE(internal::IsValidUtf8(n.text));
  EXPECT_EQ(n.text.substr(0, 9), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // three U+FFFD
}

TEST(HostileInputTest, NulBytesSeparateWords) {
  const std::string cairo = "القاهرة";
  const std::string text = std::string("\0", 1) + cairo + std::string("\0\0", 2) + "دبي";
  const std::vector<Entity> entities = SharedExtractor().Extract(text);
  EXPECT_EQ(PlaceSpans(entities),
            (std::vector<std::string>{"1-" + std::to_string(1 + cairo.size()),
                                      std::to_string(3 + cairo.size()) + "-" +
                                          std::to_string(text.size())}));
}

TEST(HostileInputTest, RandomBytesMegabyte) {
  std::string text(kMiB, '\0');
  uint64_t state = 0x9E3779B97F4A7C15u;
  for (char& c : text) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    c = static_cast<char>(state >> 56);
  }
  ExpectWellFormed(text, SharedExtractor().Extract(text));
  ExpectTokensTile(text, Tokenizer().Tokenize(text));
  EXPECT_TRUE(internal::IsValidUtf8(Normalizer().NormalizeToString(text)));
  for (const NumberMatch& m : FindNumbers(text.substr(0, 64 * 1024))) {
    EXPECT_LE(m.end, 64u * 1024);
  }
}

TEST(HostileInputTest, MegabyteWithoutASpace) {
  const std::string arabic = Repeat("القاهرة", kMiB);
  const std::vector<Token> tokens = Tokenizer().Tokenize(arabic);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].end, arabic.size());
  EXPECT_EQ(tokens[0].kind, TokenKind::kArabicWord);
  ExpectWellFormed(arabic, SharedExtractor().Extract(arabic));

  const std::string latin = Repeat("abcdefgh", kMiB);
  ASSERT_EQ(Tokenizer().Tokenize(latin).size(), 1u);
  ExpectWellFormed(latin, SharedExtractor().Extract(latin));
}

TEST(HostileInputTest, HundredThousandDiacritics) {
  std::string word = "ب" + Repeat("\u064E", 200000);  // 100k fathas, 2 bytes each
  word += "ن";
  const std::vector<Token> tokens = Tokenizer().Tokenize(word);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].end, word.size());
  EXPECT_EQ(Normalizer().NormalizeToString(word), "بن");
  ExpectWellFormed(word, SharedExtractor().Extract(word));

  // Marks with no letter to carry them, and a place name drowned in shadda + tatweel.
  const std::string marks = Repeat("\u0651\u0640", 200000);
  ExpectWellFormed(marks, SharedExtractor().Extract(marks));
  const std::string drowned = "ال" + marks + "قاهرة";
  ExpectWellFormed(drowned, SharedExtractor().Extract(drowned));
}

TEST(HostileInputTest, RepeatedProclitics) {
  for (const char* prefix : {"و", "وال", "لل", "بال", "فو"}) {
    const std::string word = Repeat(prefix, 200000) + "القاهرة";
    const std::vector<Token> tokens = Tokenizer().Tokenize(word);
    ASSERT_EQ(tokens.size(), 1u) << prefix;
    ExpectWellFormed(word, SharedExtractor().Extract(word));
    // As separate words too: 100k one-letter tokens followed by a name.
    const std::string words = Repeat(std::string(prefix) + " ", 200000) + "القاهرة";
    const std::vector<Entity> entities = SharedExtractor().Extract(words);
    ExpectWellFormed(words, entities);
    ASSERT_FALSE(entities.empty()) << prefix;
    EXPECT_EQ(entities.back().end, words.size()) << prefix;
  }
}

// A ligature that expands to a phrase (ﷺ: صلى الله عليه وسلم) after the proclitics و + لل:
// the match form is many times the token's length, and the reading with the article's alef
// restored needs as much again (a fuzzer finding: it overran the analyzer's buffer).
TEST(HostileInputTest, ProcliticsBeforeAnExpandingLigature) {
  const std::string text = "وللﷺ قال محمد ﷺ في مكة";
  const std::vector<Entity> entities = SharedExtractor().Extract(text);
  ExpectWellFormed(text, entities);
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].type, EntityType::kPerson);
  EXPECT_EQ(entities[0].begin, 17u);  // محمد ﷺ
  EXPECT_EQ(entities[0].end, 29u);
  EXPECT_EQ(entities[0].canonical, "محمد صلى الله عليه وسلم");
  EXPECT_EQ(entities[1].type, EntityType::kPlace);
  EXPECT_EQ(entities[1].begin, 35u);  // مكة
  EXPECT_EQ(entities[1].end, 41u);
  for (const char* prefix : {"لل", "ولل", "فلل", "بال", "و"}) {
    const std::string word = std::string(prefix) + Repeat("ﷺﷻ", 3000);
    ExpectWellFormed(word, SharedExtractor().Extract(word));
    const std::string words = Repeat(std::string(prefix) + "ﷺ ", 20000);
    ExpectWellFormed(words, SharedExtractor().Extract(words));
  }
}

// A megabyte of the same listed names, with and without a head word, and a titled person: the
// rules and the propagation see tens of thousands of equal candidates (dropping head words
// was once quadratic in them). Every repetition keeps its entities: the rules' (the tagger
// reads its neighbours, so a unit between two others is not tagged as the unit alone).
TEST(HostileInputTest, RepeatedListedNames) {
  const std::string unit = "نهر النيجر والنيجر وقال الرئيس محمد علي إن محمد ";
  const std::string text = Repeat(unit, kMiB);
  ExpectWellFormed(text, SharedExtractor().Extract(text));
  Options rules_only;
  rules_only.use_tagger = false;
  auto rules = Extractor::Create(rules_only);
  ASSERT_TRUE(rules.ok());
  const std::vector<Entity> entities = rules->Extract(text);
  ExpectWellFormed(text, entities);
  const std::vector<Entity> one = rules->Extract(unit);
  ASSERT_FALSE(one.empty());
  const size_t repetitions = text.size() / unit.size();
  ASSERT_EQ(entities.size(), one.size() * repetitions);
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    const Entity& model = one[i % one.size()];
    const size_t shift = (i / one.size()) * unit.size();
    ASSERT_EQ(e.type, model.type) << i;
    ASSERT_EQ(e.begin, model.begin + shift) << i;
    ASSERT_EQ(e.end, model.end + shift) << i;
    ASSERT_EQ(e.canonical, model.canonical) << i;
  }
}

TEST(HostileInputTest, LongRunsOfDigitsAndSeparators) {
  const std::vector<std::string> runs = {
      Repeat("7", kMiB),                 // one number a megabyte long
      Repeat("٧", kMiB),                 // the same in Arabic-Indic digits
      "1" + Repeat(",000", kMiB),        // thousands groups without end
      Repeat("1.", kMiB) + "1",          // a separator after every digit
      Repeat("1/", kMiB),                // dates without end
      Repeat("٫,.-", kMiB),              // separators and no digit
      Repeat("3 مليون ", kMiB / 2),      // scale words one after another
      Repeat("ألف ", kMiB / 2),
      Repeat("$1 ", kMiB / 2),           // many money amounts
  };
  for (const std::string& text : runs) {
    ExpectTokensTile(text, Tokenizer().Tokenize(text));
    ExpectWellFormed(text, SharedExtractor().Extract(text));
    for (const NumberMatch& m : FindNumbers(text)) {
      ASSERT_LT(m.begin, m.end);
      ASSERT_LE(m.end, text.size());
    }
  }
  // A whole-number parse of a megabyte of digits is exact, not rounded.
  const std::optional<std::string> value = ParseNumber(runs[0]);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(*value, runs[0]);
}

TEST(HostileInputTest, ManyShortLines) {
  const std::string text = Repeat("القاهرة\n\n", kMiB * 2);
  const std::vector<Entity> entities = SharedExtractor().Extract(text);
  ExpectWellFormed(text, entities);
  EXPECT_EQ(entities.size(), text.size() / (std::string("القاهرة\n\n").size()));
}

}  // namespace
}  // namespace kashif
