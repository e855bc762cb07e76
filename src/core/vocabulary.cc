#include "core/vocabulary.h"

#include <algorithm>
#include <utility>

namespace kashif::internal {

void VocabularyBuilder::Add(std::string_view key, uint32_t lexicons, uint32_t classes) {
  if (key.empty()) return;
  const uint64_t hash = HashWord(key.data(), key.size());
  filter_.Set(Vocabulary::FilterBit(hash));
  max_size_ = std::max(max_size_, key.size());
  const uint32_t id = words_.Insert(key, hash);
  if (id == infos_.size()) infos_.emplace_back();
  VocabularyEntry& info = infos_[id];
  info.lexicons |= lexicons;
  info.classes |= classes;
}

Vocabulary::Vocabulary(VocabularyBuilder builder)
    : filter_(builder.filter_),
      words_(std::move(builder.words_)),
      max_size_(builder.max_size_),
      infos_(std::move(builder.infos_)) {}

std::shared_ptr<const Vocabulary> Vocabulary::Empty() {
  static const auto* const empty =
      new std::shared_ptr<const Vocabulary>(std::make_shared<Vocabulary>(VocabularyBuilder()));
  return *empty;
}

}  // namespace kashif::internal
