#include "core/vocabulary.h"

#include <algorithm>
#include <utility>

namespace kashif::internal {

void VocabularyBuilder::Add(std::string_view key, uint32_t lexicons, uint32_t classes) {
  if (key.empty()) return;
  const uint32_t id = words_.Insert(key);
  if (id == infos_.size()) infos_.emplace_back();
  VocabularyEntry& info = infos_[id];
  info.lexicons |= lexicons;
  info.classes |= classes;
}

Vocabulary::Vocabulary(VocabularyBuilder builder)
    : words_(std::move(builder.words_)), infos_(std::move(builder.infos_)) {
  for (uint32_t id = 1; id <= words_.size(); ++id) {
    const std::string_view key = words_.key(id);
    max_size_ = std::max(max_size_, key.size());
    filter_.Set(FilterBit(HashWord(key.data(), key.size())));
  }
}

std::shared_ptr<const Vocabulary> Vocabulary::Empty() {
  static const auto* const empty =
      new std::shared_ptr<const Vocabulary>(std::make_shared<Vocabulary>(VocabularyBuilder()));
  return *empty;
}

}  // namespace kashif::internal
