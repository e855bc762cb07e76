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

}  // namespace kashif

#endif  // KASHIF_TESTS_SHARED_EXTRACTOR_H_
