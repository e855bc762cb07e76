// The lexicons an extractor model owns, and the vocabulary built from them.
//
// mecab's model owns its dictionary; kashif's owns its lexicons: the date words, the number
// words (with the range and percent words), the currencies, the clock-time words and the NER
// word classes. They are compiled first, then the vocabulary is built from the words they add
// (core/vocabulary.h), then each lexicon is bound to it (its by-id tables built once), and the
// bundle is immutable after. The matchers get the lexicons through their constructors; the
// analyzer over the vocabulary puts the ids on every token reading the lexicons then read.
//
// Every model built from the built-in lexicons shares one bundle (a shared_ptr), compiled on
// first use; the public number API (extract/number_api.cc) reads the same one.
//
// Thread safety: BuiltinLexicons() may run concurrently; a bundle is immutable.
#ifndef KASHIF_SRC_EXTRACT_LEXICONS_H_
#define KASHIF_SRC_EXTRACT_LEXICONS_H_

#include <memory>
#include <utility>

#include "core/analyzer.h"
#include "core/vocabulary.h"
#include "kashif/status.h"
#include "match/date/date_lexicon.h"
#include "match/money/money_matcher.h"
#include "match/ner/ner_lexicon.h"
#include "match/time/time_matcher.h"
#include "number/number_parser.h"

namespace kashif::internal {

struct Lexicons {
  explicit Lexicons(std::shared_ptr<const Vocabulary> words)
      : vocabulary(words), analyzer(std::move(words)) {}

  std::shared_ptr<const Vocabulary> vocabulary;
  // Over `vocabulary`: the model analyzes its documents with it, so the readings carry the ids
  // the lexicons are bound to.
  Analyzer analyzer;
  std::unique_ptr<const DateLexicon> dates;
  std::unique_ptr<const NumberParser> numbers;
  std::shared_ptr<const MoneyMatcher::Lexicon> currencies;
  std::shared_ptr<const TimeMatcher::Lexicon> times;
  std::shared_ptr<const NerLexicon> ner;  // the tagger's trainer holds it too
};

// The built-in lexicons, bound to their vocabulary; an error only for a malformed built-in NER
// file (the tests check them).
const StatusOr<std::shared_ptr<const Lexicons>>& BuiltinLexicons();

}  // namespace kashif::internal

#endif  // KASHIF_SRC_EXTRACT_LEXICONS_H_
