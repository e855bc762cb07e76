#include "extract/lexicons.h"

#include <utility>

namespace kashif::internal {

namespace {

StatusOr<std::shared_ptr<const Lexicons>> CompileBuiltinLexicons() {
  // Match forms only: every Analyzer folds alike, and the vocabulary does not exist yet.
  const Analyzer forms;
  std::unique_ptr<DateLexicon> dates = DateLexicon::CreateDefault();
  std::unique_ptr<NumberParser> numbers = NumberParser::CreateDefault();
  std::shared_ptr<MoneyMatcher::Lexicon> currencies = MoneyMatcher::CompileDefaultLexicon(forms);
  std::shared_ptr<const TimeMatcher::Lexicon> times = TimeMatcher::CompileDefaultLexicon(forms);
  StatusOr<std::unique_ptr<NerLexicon>> ner = NerLexicon::CreateDefault(&forms);
  if (!ner.ok()) return ner.status();

  // The vocabulary of every lexicon's words (the ids follow this order: the grammars' words
  // come first, so their by-id tables stay small).
  VocabularyBuilder builder;
  dates->AddWordsTo(&builder);
  numbers->AddWordsTo(&builder);
  MoneyMatcher::AddWordsTo(*currencies, &builder);
  TimeMatcher::AddWordsTo(*times, &builder);
  (*ner)->AddWordsTo(&builder);
  auto vocabulary = std::make_shared<const Vocabulary>(std::move(builder));

  auto lexicons = std::make_shared<Lexicons>(vocabulary);
  dates->Bind(*vocabulary);
  numbers->Bind(*vocabulary);
  MoneyMatcher::Bind(*vocabulary, currencies.get());
  (*ner)->Bind(&lexicons->analyzer);
  lexicons->dates = std::move(dates);
  lexicons->numbers = std::move(numbers);
  lexicons->currencies = std::move(currencies);
  lexicons->times = std::move(times);
  lexicons->ner = std::move(*ner);
  return std::shared_ptr<const Lexicons>(std::move(lexicons));
}

}  // namespace

const StatusOr<std::shared_ptr<const Lexicons>>& BuiltinLexicons() {
  static const auto* const lexicons =
      new StatusOr<std::shared_ptr<const Lexicons>>(CompileBuiltinLexicons());
  return *lexicons;
}

}  // namespace kashif::internal
