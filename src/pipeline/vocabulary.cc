#include "pipeline/vocabulary.h"

#include <algorithm>
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
  size_t capacity = 16;
  while (capacity < 2 * (builder.words_.size() + 1)) capacity *= 2;
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  key_ends_.push_back(0);  // id 0, the unknown word, has no key
  for (auto& [key, info] : builder.words_) {
    const uint32_t id = static_cast<uint32_t>(infos_.size());
    infos_.push_back(info);
    keys_ += key;
    key_ends_.push_back(static_cast<uint32_t>(keys_.size()));
    max_size_ = std::max(max_size_, key.size());
    const uint64_t h = Hash(key.data(), key.size());
    filter_[FilterBit(h) >> 6] |= uint64_t{1} << (FilterBit(h) & 63);
    size_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = (h >> 32 << 32) | id;
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
