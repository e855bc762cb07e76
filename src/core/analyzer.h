// The analyzer stage: the match form of every token and the readings of Arabic words with
// their proclitics set aside.
#ifndef KASHIF_SRC_CORE_ANALYZER_H_
#define KASHIF_SRC_CORE_ANALYZER_H_

#include <memory>
#include <string_view>

#include "kashif/normalizer.h"
#include "core/document.h"
#include "core/vocabulary.h"
#include "text/char_class.h"

namespace kashif::internal {

struct FoldTable;

// The options of the matching form: every fold on, so spelling variants meet.
NormalizerOptions MatchFormOptions();
// The options of the display form of rule-found entities' canonical names: marks, tatweel,
// invisible characters and presentation forms go, letters stay as written.
NormalizerOptions DisplayFormOptions();

// Immutable; Analyze() may run concurrently.
class Analyzer {
 public:
  // Readings carry the ids of `vocabulary` (the model's: extract/ builds it from the lexicons
  // the model holds). Without one (an analyzer used for match forms only, or by a lexicon
  // before the vocabulary exists) every reading is an unknown word.
  explicit Analyzer(std::shared_ptr<const Vocabulary> vocabulary = nullptr);

  const Vocabulary& vocabulary() const { return *vocabulary_; }

  // Fills doc->analyses (one per token) and doc->arena. doc->tokens must be set.
  void Analyze(Document* doc) const;

  // The match form of arbitrary text (used to compile gazetteer entries the same way).
  void AppendMatchForm(std::string_view text, std::string* out) const {
    match_normalizer_.AppendNormalized(text, out);
  }
  // The display form of text (the canonical name of an entity found by a rule or grammar).
  void AppendDisplayForm(std::string_view text, std::string* out) const {
    display_normalizer_.AppendNormalized(text, out);
  }

 private:
  // doc->arena while the tokens are analyzed: its bytes, size and the bytes written so far.
  struct ArenaCursor {
    char* data;
    size_t size;
    size_t used;
  };
  static void GrowArena(Document* doc, size_t room, ArenaCursor* arena);
  // Fills `out` for the token `surface` of `kind`, writing its forms into the arena at
  // arena->used (which it advances).
  void AnalyzeToken(Document* doc, const Vocabulary& vocabulary, std::string_view surface,
                    TokenKind kind, TokenAnalysis* out, ArenaCursor* arena) const;
  // Sets the vocabulary ids of the token's `count` readings and a->lexicons.
  static void LookUpWords(const Vocabulary& vocabulary, const char* arena,
                          TokenReading* readings, int count, TokenAnalysis* a);

  Normalizer match_normalizer_;
  Normalizer display_normalizer_;
  std::shared_ptr<const FoldTable> match_table_;  // match_normalizer_'s, for the arena loop
  const CharClass* classes_;                      // BmpClasses(), read for every proclitic
  std::shared_ptr<const Vocabulary> vocabulary_;
};

// The byte length of the first `letters` letters of `word` (original text), together with
// any marks, tatweel and format characters that follow them.
size_t SkipLetters(std::string_view word, size_t letters);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_CORE_ANALYZER_H_
