#include "pipeline/vocabulary.h"

#include <algorithm>
#include <cstdlib>
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
  for (auto& [key, info] : builder.words_) {
    const uint32_t id = words_.Insert(key);
    if (id != infos_.size()) std::abort();  // the builder's keys are distinct
    infos_.push_back(info);
    max_size_ = std::max(max_size_, key.size());
    const uint32_t bit = FilterBit(HashWord(key.data(), key.size()));
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
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
