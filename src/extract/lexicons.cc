#include "extract/lexicons.h"

#include <utility>

#include "core/analyzer.h"
#include "match/date/date_lexicon.h"
#include "match/money/money_matcher.h"
#include "match/ner/ner_lexicon.h"
#include "match/time/time_matcher.h"
#include "number/number_parser.h"

namespace kashif::internal {

namespace {

std::shared_ptr<const Vocabulary> BuildBuiltinVocabulary() {
  VocabularyBuilder builder;
  DateLexicon::Get().AddWordsTo(&builder);
  NumberParser::Get().AddWordsTo(&builder);
  MoneyMatcher(Analyzer()).AddWordsTo(&builder);
  TimeMatcher(Analyzer()).AddWordsTo(&builder);
  // The built-in NER files are checked by the tests; NerLexicon::CreateDefault() reports a
  // broken one when the model is built.
  const auto& ner = NerLexicon::ParsedDefaultFiles();
  if (ner.ok()) (*ner)->AddWordsTo(&builder);
  return std::make_shared<const Vocabulary>(std::move(builder));
}

}  // namespace

std::shared_ptr<const Vocabulary> BuiltinVocabulary() {
  static const auto* const vocabulary =
      new std::shared_ptr<const Vocabulary>(BuildBuiltinVocabulary());
  return *vocabulary;
}

}  // namespace kashif::internal
