// The built-in lexicons' vocabulary: every word of the date, number, currency and NER lexicons,
// interned once so the analyzer looks each token reading up once (core/vocabulary.h).
//
// The vocabulary is the model's (ExtractorModel holds it and gives it to its Analyzer); every
// model built from the built-in lexicons holds the same words, so they share one instance,
// built on first use. The lexicons live in the layers below (number/, match/): this layer is the
// first that sees them all.
//
// Thread safety: BuiltinVocabulary() may run concurrently; the vocabulary is immutable.
#ifndef KASHIF_SRC_EXTRACT_LEXICONS_H_
#define KASHIF_SRC_EXTRACT_LEXICONS_H_

#include <memory>

#include "core/vocabulary.h"

namespace kashif::internal {

std::shared_ptr<const Vocabulary> BuiltinVocabulary();

}  // namespace kashif::internal

#endif  // KASHIF_SRC_EXTRACT_LEXICONS_H_
