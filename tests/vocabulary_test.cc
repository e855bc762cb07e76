// The word table behind the vocabulary and the gazetteer, and the vocabulary itself.
#include "core/vocabulary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/document.h"
#include "kashif/tokenizer.h"
#include "match/gazetteer.h"
#include "text/bit_filter.h"
#include "text/word_hash.h"
#include "text/word_table.h"

namespace kashif::internal {
namespace {

TEST(WordTableTest, IdsInInsertionOrderAndRepeatedInsertKeepsTheId) {
  WordTable table;
  EXPECT_EQ(table.Insert("القاهرة"), 1u);
  EXPECT_EQ(table.Insert("دمشق"), 2u);
  EXPECT_EQ(table.Insert("القاهرة"), 1u);
  EXPECT_EQ(table.size(), 2u);
  EXPECT_EQ(table.key(2), "دمشق");
  EXPECT_EQ(table.Find("دمشق"), 2u);
  EXPECT_EQ(table.Find("بغداد"), 0u);
  const std::string_view key = "القاهرة";
  EXPECT_EQ(table.Find(key, HashWord(key.data(), key.size())), 1u);
}

TEST(WordTableTest, KeysThatDifferInOneByteAtEveryLengthAndPosition) {
  // Every length from 1 to 40 bytes, and for each a twin that differs in one byte at each
  // position: the comparison must see the first bytes, the last bytes and the middle.
  WordTable table;
  std::vector<std::string> keys;
  for (size_t n = 1; n <= 40; ++n) keys.push_back(std::string(n, 'a'));
  for (const std::string& k : keys) table.Insert(k);
  for (size_t n = 1; n <= 40; ++n) {
    EXPECT_EQ(table.Find(std::string(n, 'a')), n) << n;
    for (size_t at = 0; at < n; ++at) {
      std::string twin(n, 'a');
      twin[at] = 'b';
      EXPECT_EQ(table.Find(twin), 0u) << n << " " << at;
    }
  }
}

// HashWord tells apart every four-letter word (eight bytes, read as both halves) that differs
// only in its last letter: a multiply carries a difference only upward, and combining the two
// halves' products at once let some cancel (جونغ and جونز, حرية and حرير were one value).
TEST(WordHashTest, FourLetterWordsThatDifferInTheLastLetter) {
  for (const std::string stem : {"جون", "حري", "ساح", "موض", "ميل", "فإن"}) {
    std::vector<uint64_t> hashes;
    for (char32_t letter = 0x0621; letter <= 0x064A; ++letter) {
      if (letter >= 0x063B && letter <= 0x0640) continue;  // not letters
      std::string word = stem;
      word += static_cast<char>(0xC0 | (letter >> 6));
      word += static_cast<char>(0x80 | (letter & 0x3F));
      ASSERT_EQ(word.size(), 8u);
      hashes.push_back(HashWord(word.data(), word.size()));
    }
    std::sort(hashes.begin(), hashes.end());
    EXPECT_EQ(std::adjacent_find(hashes.begin(), hashes.end()), hashes.end()) << stem;
  }
}

TEST(WordTableTest, GrowsAndKeepsEveryWord) {
  WordTable table;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("كلمة" + std::to_string(i));
  for (size_t i = 0; i < words.size(); ++i) ASSERT_EQ(table.Insert(words[i]), i + 1);
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(table.Find(words[i]), i + 1) << i;
  EXPECT_EQ(table.Find("كلمة5000"), 0u);
}

// The gazetteer's first-word filter keeps both of a word's bits in one 64-bit word: every word
// added passes (a filter that turned one away would lose a name), and most words never added
// are turned away (a filter that let everything through would cost a lookup per token).
TEST(KeyFilterTest, EveryWordAddedPassesAndMostOthersAreTurnedAway) {
  KeyFilter filter;
  std::vector<std::string> added;
  for (int i = 0; i < 10000; ++i) added.push_back("اسم" + std::to_string(i));
  for (const std::string& w : added) filter.Add(w);
  for (const std::string& w : added) {
    ASSERT_TRUE(filter.MayContain(w)) << w;
    ASSERT_TRUE(filter.MayContainHash(HashWord(w.data(), w.size()))) << w;
  }
  int passed = 0;
  const int others = 10000;
  for (int i = 0; i < others; ++i) passed += filter.MayContain("كلمة" + std::to_string(i));
  // Two bits of 64 set per word over 2,048 words: 3.6 % of these others pass.
  EXPECT_LT(passed, others / 16) << passed;
  EXPECT_FALSE(KeyFilter().MayContain("القاهرة"));
}

TEST(VocabularyTest, FlagsOfOneWordAddedTwiceAreMerged) {
  VocabularyBuilder builder;
  builder.Add("دولار", kLexCurrency);
  builder.Add("مليون", kLexNumber);
  builder.Add("دولار", kLexDate, 4);
  builder.Add("", kLexDate);  // ignored
  const Vocabulary vocabulary(std::move(builder));
  EXPECT_EQ(vocabulary.size(), 2u);
  const uint32_t dollar = vocabulary.Find("دولار");
  ASSERT_NE(dollar, Vocabulary::kUnknown);
  EXPECT_EQ(vocabulary.Info(dollar).lexicons, kLexCurrency | kLexDate);
  EXPECT_EQ(vocabulary.Info(dollar).classes, 4u);
  EXPECT_EQ(vocabulary.Find("مليون", HashWord("مليون", std::string_view("مليون").size())),
            vocabulary.Find("مليون"));
  EXPECT_EQ(vocabulary.Find("ريال"), Vocabulary::kUnknown);
  EXPECT_EQ(vocabulary.Find(""), Vocabulary::kUnknown);
  EXPECT_EQ(vocabulary.Info(Vocabulary::kUnknown).lexicons, 0u);
}

// The gazetteer turns a name's next word away by a filter of its trie's edges before its word
// table and edge map are probed: the filter must never turn away a word that goes on with a
// name. Thousands of names of two to four words, made from 400 words (so that first words are
// shared and nodes have many children), each found whole in a sentence, and cut after its
// second word where the sentence leaves it there.
TEST(GazetteerTest, EveryNameOfSeveralWordsIsFoundWholeAndCutWhereTheTextLeavesIt) {
  const Analyzer analyzer(Vocabulary::Empty());
  Gazetteer gazetteer(&analyzer);
  const std::vector<std::string> letters = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز",
                                            "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ق", "ن"};
  std::vector<std::string> words;
  for (const std::string& a : letters) {
    for (const std::string& b : letters) words.push_back("م" + a + b + "ي");
  }
  std::vector<std::vector<std::string>> names;
  uint32_t state = 12345;
  for (int k = 0; k < 3000; ++k) {
    std::vector<std::string> name;
    for (int w = 0; w < 2 + k % 3; ++w) {
      state = state * 1103515245u + 12345u;
      name.push_back(words[(state >> 8) % (w == 0 ? 40 : words.size())]);
    }
    std::string text = name[0];
    for (size_t w = 1; w < name.size(); ++w) text += " " + name[w];
    ASSERT_TRUE(gazetteer.Add(text, EntityType::kPerson, "", 0));
    names.push_back(name);
  }
  Document doc;
  Gazetteer::Match m;
  auto match_at_1 = [&](const std::string& sentence) {
    doc.Clear();
    doc.text = sentence;
    Tokenizer().Tokenize(doc.text, &doc.tokens);
    analyzer.Analyze(&doc);
    return gazetteer.LongestMatch(doc, 1, &m);
  };
  for (const std::vector<std::string>& name : names) {
    std::string whole = name[0];
    for (size_t w = 1; w < name.size(); ++w) whole += " " + name[w];
    ASSERT_TRUE(match_at_1("قال " + whole + " أمس")) << whole;
    EXPECT_EQ(m.end_token, 1 + name.size()) << whole;
    EXPECT_EQ(m.payload, gazetteer.Find(whole)) << whole;
    if (name.size() < 3) continue;
    const std::string two = name[0] + " " + name[1];
    const Gazetteer::Payload* const entry = gazetteer.Find(two);
    ASSERT_EQ(match_at_1("قال " + two + " أمس"), entry != nullptr) << two;
    if (entry != nullptr) {
      EXPECT_EQ(m.end_token, 3u) << two;
      EXPECT_EQ(m.payload, entry) << two;
    }
  }
  // One-word names added after the longer names that begin with them (their node was made
  // without a payload), then one of them again at a higher priority: found with the payload the
  // gazetteer holds for that word.
  for (int k = 0; k < 40; ++k) ASSERT_TRUE(gazetteer.Add(words[k], EntityType::kPlace, "", 0));
  ASSERT_TRUE(gazetteer.Add(words[7], EntityType::kOrganization, "", 5));
  for (int k = 0; k < 40; ++k) {
    ASSERT_TRUE(match_at_1("قال " + words[k] + " أمس")) << words[k];
    EXPECT_EQ(m.end_token, 2u) << words[k];
    ASSERT_EQ(m.payload, gazetteer.Find(words[k])) << words[k];
    EXPECT_EQ(m.payload->type, k == 7 ? EntityType::kOrganization : EntityType::kPlace);
  }
}

}  // namespace
}  // namespace kashif::internal
