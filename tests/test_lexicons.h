// Lexicons for the tests of one stage: the built-in bundle the extractor models share, and a
// vocabulary of a test's own small lexicons to bind them to (a lexicon reads the vocabulary ids
// of the documents it is given, so it is always bound to the vocabulary of their analyzer).
#ifndef KASHIF_TESTS_TEST_LEXICONS_H_
#define KASHIF_TESTS_TEST_LEXICONS_H_

#include <cstdlib>
#include <memory>
#include <utility>

#include "core/analyzer.h"
#include "core/vocabulary.h"
#include "extract/lexicons.h"

namespace kashif {

// The built-in lexicons the extractor models share, bound to their vocabulary, with the
// analyzer over it.
inline const internal::Lexicons& SharedLexicons() {
  const auto& lexicons = internal::BuiltinLexicons();
  if (!lexicons.ok()) std::abort();  // a malformed built-in file: ner_test names it
  return **lexicons;
}

// An analyzer over the vocabulary of the words `add_words(VocabularyBuilder*)` adds (the test's
// lexicons' AddWordsTo); bind those lexicons to analyzer->vocabulary() (or the analyzer) and
// analyze the test's documents with it.
template <typename AddWords>
std::unique_ptr<internal::Analyzer> AnalyzerOver(AddWords add_words) {
  internal::VocabularyBuilder builder;
  add_words(&builder);
  return std::make_unique<internal::Analyzer>(
      std::make_shared<const internal::Vocabulary>(std::move(builder)));
}

}  // namespace kashif

#endif  // KASHIF_TESTS_TEST_LEXICONS_H_
