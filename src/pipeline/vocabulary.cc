#include "pipeline/vocabulary.h"

#include <utility>

namespace kashif::internal {

void VocabularyBuilder::Add(std::string_view key, uint32_t lexicons, uint32_t ner) {
  if (key.empty()) return;
  VocabularyEntry& info = words_[absl::string_view(key.data(), key.size())];
  info.lexicons |= lexicons;
  info.ner |= ner;
}

Vocabulary::Vocabulary(VocabularyBuilder builder) {
  infos_.reserve(builder.words_.size() + 1);
  infos_.push_back(VocabularyEntry());
  ids_.reserve(builder.words_.size());
  for (auto& [key, info] : builder.words_) {
    ids_.emplace(key, static_cast<uint32_t>(infos_.size()));
    infos_.push_back(info);
  }
}

const Vocabulary& Vocabulary::Get() {
  static const Vocabulary* const vocabulary = [] {
    VocabularyBuilder builder;
    AddDateWords(&builder);
    AddNumberWords(&builder);
    AddCurrencyWords(&builder);
    AddNerWords(&builder);
    return new Vocabulary(std::move(builder));
  }();
  return *vocabulary;
}

}  // namespace kashif::internal
