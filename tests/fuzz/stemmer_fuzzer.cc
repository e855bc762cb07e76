// Stemmer: a segmentation tiles the word exactly (proclitics, stem, suffixes, enclitics, left to
// right, on character boundaries), counts stay within their arrays, every affix has a form, and
// LightStem agrees with AppendLightStem and is valid UTF-8 for valid input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "kashif/stemmer.h"
#include "text/utf8.h"

namespace {

const kashif::Stemmer& SharedStemmer(bool with_lexicon) {
  static const kashif::Stemmer* stemmers[2] = {nullptr, nullptr};
  const kashif::Stemmer*& slot = stemmers[with_lexicon ? 1 : 0];
  if (slot == nullptr) {
    kashif::StemmerOptions options;
    options.use_builtin_lexicon = with_lexicon;
    options.use_gazetteer_names = with_lexicon;
    auto created = kashif::Stemmer::Create(options);
    FUZZ_CHECK(created.ok());
    slot = new kashif::Stemmer(std::move(*created));
  }
  return *slot;
}

// Checks one affix that should start at *at; moves *at to its end.
void CheckAffix(const kashif::Affix& affix, const std::vector<bool>& starts, size_t* at) {
  FUZZ_CHECK(affix.begin == *at);
  FUZZ_CHECK(affix.begin < affix.end);
  FUZZ_CHECK(affix.end < starts.size() && starts[affix.end]);
  FUZZ_CHECK(!affix.form.empty());
  FUZZ_CHECK(kashif::internal::IsValidUtf8(affix.form));
  *at = affix.end;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 1024) return 0;
  const kashif::Stemmer& stemmer = SharedStemmer(data[0] & 1);
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

  // Words as a caller would pass them: the input split at ASCII white space, and the whole
  // input as one "word" too (the stemmer takes any bytes).
  std::vector<std::string_view> words = {input};
  for (size_t i = 0; i < input.size();) {
    size_t j = i;
    while (j < input.size() && input[j] != ' ' && input[j] != '\n') ++j;
    if (j > i) words.push_back(input.substr(i, j - i));
    i = j + 1;
  }
  for (std::string_view word : words) {
    const std::vector<bool> starts = kashif::fuzz::UnitStarts(word);
    const kashif::Segmentation s = stemmer.Segment(word);
    FUZZ_CHECK(s.proclitic_count <= kashif::Segmentation::kMaxProclitics);
    FUZZ_CHECK(s.suffix_count <= kashif::Segmentation::kMaxSuffixes);
    FUZZ_CHECK(s.enclitic_count <= kashif::Segmentation::kMaxEnclitics);
    size_t at = 0;
    for (size_t i = 0; i < s.proclitic_count; ++i) CheckAffix(s.proclitics[i], starts, &at);
    FUZZ_CHECK(s.stem_begin == at);
    FUZZ_CHECK(s.ProcliticBytes() == at);
    FUZZ_CHECK(s.stem_begin <= s.stem_end && s.stem_end <= word.size());
    FUZZ_CHECK(starts[s.stem_end]);
    if (!word.empty()) FUZZ_CHECK(s.stem_begin < s.stem_end);  // a word never loses its stem
    at = s.stem_end;
    for (size_t i = 0; i < s.suffix_count; ++i) CheckAffix(s.suffixes[i], starts, &at);
    for (size_t i = 0; i < s.enclitic_count; ++i) CheckAffix(s.enclitics[i], starts, &at);
    FUZZ_CHECK(at == word.size());
    FUZZ_CHECK(s.Stem(word) == word.substr(s.stem_begin, s.stem_end - s.stem_begin));

    const std::string light = stemmer.LightStem(word);
    std::string appended = "x";
    stemmer.AppendLightStem(word, &appended);
    FUZZ_CHECK(appended.substr(1) == light);
    if (kashif::internal::IsValidUtf8(word)) FUZZ_CHECK(kashif::internal::IsValidUtf8(light));
  }
  return 0;
}
