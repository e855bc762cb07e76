// Stemmer: Arabic clitic segmentation and light stemming.
//
// Segment() splits a word into proclitics (conjunctions و ف, prepositions ب ك ل, the future
// marker س, the article ال), a stem, inflectional suffixes (ة ات ان ين ون ...) and pronoun
// enclitics (ه ها هم هما هن ك كم كما كن ي نا), each with its byte span in the caller's word.
// LightStem() gives a search-indexing stem in the class of Larkey's Light10: the word without
// its clitics and inflectional suffixes, normalized (no marks or tatweel, alef forms folded,
// ى → ي).
//
// Decisions a plain affix stripper gets wrong are taken from a built-in lexicon of stems and
// function words (and, optionally, the names of the built-in gazetteers) together with length
// limits and letter patterns: وزير keeps its و, بين and كان are not stripped, الجزائر is
// ال + جزائر, موسكو keeps its final و.
//
// Input: any bytes. Words with diacritics, tatweel, presentation forms or hamza variants are
// segmented as their plain form would be, with spans in the original bytes (marks go with the
// letter they follow). Words that are not purely Arabic letters (digits, Latin letters,
// invalid UTF-8, punctuation) and words longer than kMaxLetters letters come back unsegmented:
// the whole word is the stem. Text whose ة has been folded to ه (Light10-style normalization)
// is not supported: a final ه reads as the pronoun; segment the original text instead.
//
// Thread safety: a Stemmer is immutable after Create(); its const methods may be called from
// any number of threads at once. Copies share the same tables and are cheap.
#ifndef KASHIF_STEMMER_H_
#define KASHIF_STEMMER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/export.h"
#include "kashif/status.h"

namespace kashif {

struct StemmerOptions {
  // The built-in lexicon of stems and function words (data/morph_lexicon.tsv). Without it the
  // stemmer falls back to length limits and letter patterns alone, and gets more words wrong.
  bool use_builtin_lexicon = true;
  // Also treat the single-word names of the built-in gazetteers (places, organizations,
  // people) as known stems, so a name that begins with و or ب keeps its first letter.
  bool use_gazetteer_names = true;
  // Extra words the caller knows to be stems (UTF-8, any spelling; normalized on load). A
  // listed word keeps all its letters: its first letter is never taken for a proclitic nor its
  // ending for a suffix. Empty strings and words that are not Arabic letters are rejected.
  std::vector<std::string> extra_stems;
};

// One affix of a segmented word.
struct Affix {
  // Byte span [begin, end) in the segmented word. The article of the merged form لل has the
  // span of its one written letter; marks after a letter belong to that letter's span. A
  // lam-alef ligature (ﻻ) split between two parts belongs to the later one (the earlier span
  // is then empty).
  uint32_t begin = 0;
  uint32_t end = 0;
  // The affix in its dictionary spelling, e.g. "و", "ال", "ات", "ها" (static storage; valid
  // for the life of the program). The feminine ة written ت before a suffix or an enclitic
  // ("مدينتها") is reported as "ة".
  std::string_view form;
};

// The parts of one word, left to right: proclitics, stem, suffixes, enclitics. Their spans
// tile the word exactly, so proclitics[0].begin == 0 (when there are any) and the last part
// ends at the word's size.
struct KASHIF_EXPORT Segmentation {
  static constexpr size_t kMaxProclitics = 3;  // e.g. و + ب + ال
  static constexpr size_t kMaxSuffixes = 2;    // e.g. ت (ة) + ين
  static constexpr size_t kMaxEnclitics = 1;

  std::array<Affix, kMaxProclitics> proclitics{};
  uint8_t proclitic_count = 0;
  uint32_t stem_begin = 0;  // the stem's byte span in the word
  uint32_t stem_end = 0;
  std::array<Affix, kMaxSuffixes> suffixes{};
  uint8_t suffix_count = 0;
  std::array<Affix, kMaxEnclitics> enclitics{};
  uint8_t enclitic_count = 0;

  // The stem's bytes as written (with any marks), given the word that was segmented.
  std::string_view Stem(std::string_view word) const {
    return word.substr(stem_begin, stem_end - stem_begin);
  }
  // Bytes of the word taken by proclitics (the stem starts there).
  uint32_t ProcliticBytes() const { return stem_begin; }
  // Whether the article ال (alone or in لل) is among the proclitics.
  bool HasArticle() const;
};

namespace internal {
struct StemmerTables;  // the compiled lexicon and normalizers, shared by copies of a Stemmer
}

class KASHIF_EXPORT Stemmer {
 public:
  // Longest word (in letters, marks not counted) that is segmented; longer ones are left whole.
  static constexpr size_t kMaxLetters = 48;

  // Builds a stemmer. Fails (kInvalidArgument) only on a bad extra_stems entry.
  static StatusOr<Stemmer> Create(const StemmerOptions& options = StemmerOptions());

  // Segments one word (a token without spaces). Does not allocate, except for the rare word
  // with presentation forms or invisible characters, which goes through the Normalizer.
  Segmentation Segment(std::string_view word) const;

  // The light stem: the stem of Segment() in normalized spelling (no marks, tatweel or
  // invisible characters; أ إ آ ٱ → ا; ى → ي). Words that are not segmented come back
  // unchanged except for that normalization.
  std::string LightStem(std::string_view word) const;
  // The same, appended to *out (reuse one string to avoid allocating per word).
  void AppendLightStem(std::string_view word, std::string* out) const;

 private:
  explicit Stemmer(std::shared_ptr<const internal::StemmerTables> tables)
      : tables_(std::move(tables)) {}
  std::shared_ptr<const internal::StemmerTables> tables_;
};

}  // namespace kashif

#endif  // KASHIF_STEMMER_H_
