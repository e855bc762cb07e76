// One default Extractor shared by every test of a binary (Create() once, never destroyed: the
// tests may run it from many threads until the process ends).
#ifndef KASHIF_TESTS_SHARED_EXTRACTOR_H_
#define KASHIF_TESTS_SHARED_EXTRACTOR_H_

#include <utility>

#include <gtest/gtest.h>

#include "kashif/kashif.h"

namespace kashif {

inline const Extractor& SharedExtractor() {
  static const Extractor* extractor = [] {
    auto created = Extractor::Create();
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return new Extractor(std::move(*created));
  }();
  return *extractor;
}

// One extractor of persons, organizations and places by the rules and lists alone (no tagger):
// the NER rule tests pin what the rules find.
inline const Extractor& SharedNamesOnlyExtractor() {
  static const Extractor* extractor = [] {
    Options options;
    options.types = {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace};
    options.use_tagger = false;
    auto created = Extractor::Create(options);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return new Extractor(std::move(*created));
  }();
  return *extractor;
}

}  // namespace kashif

#endif  // KASHIF_TESTS_SHARED_EXTRACTOR_H_
