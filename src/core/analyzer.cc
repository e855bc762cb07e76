#include "core/analyzer.h"

#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>

#include "core/vocabulary.h"
#include "text/char_class.h"
#include "text/fold.h"
#include "text/strings.h"
#include "text/utf8.h"
#include "text/word_hash.h"
#include "text/arabic.h"

namespace kashif::internal {
namespace {

// Match forms of the single-letter proclitics (UTF-8, two bytes each). The conjunctions come
// first in a word, then a preposition: و/ف + ب/ل/ك.
constexpr std::string_view kWaw = "\xD9\x88";    // و
constexpr std::string_view kFa = "\xD9\x81";     // ف
constexpr std::string_view kBa = "\xD8\xA8";     // ب
constexpr std::string_view kLam = "\xD9\x84";    // ل
constexpr std::string_view kKaf = "\xD9\x83";    // ك
constexpr std::string_view kAlef = "\xD8\xA7";   // ا
constexpr size_t kLetterBytes = 2;
// A reading must leave at least this many letters.
constexpr size_t kMinRemainderBytes = 2 * kLetterBytes;

}  // namespace

NormalizerOptions MatchFormOptions() {
  NormalizerOptions o;
  o.remove_diacritics = true;
  o.remove_tatweel = true;
  o.remove_invisible = true;
  o.fold_alef = true;
  o.fold_alef_maqsura = true;
  o.fold_teh_marbuta = true;
  o.fold_hamza = true;
  o.fold_presentation_forms = true;
  o.fold_digits = true;
  o.fold_persian_letters = true;
  o.lowercase_ascii = true;
  return o;
}

NormalizerOptions DisplayFormOptions() {
  NormalizerOptions o;
  o.fold_alef = false;
  o.fold_alef_maqsura = false;
  o.fold_persian_letters = false;
  o.fold_presentation_forms = true;
  return o;
}

Analyzer::Analyzer(std::shared_ptr<const Vocabulary> vocabulary)
    : match_normalizer_(MatchFormOptions()),
      display_normalizer_(DisplayFormOptions()),
      match_table_(SharedFoldTable(MatchFormOptions())),
      classes_(BmpClasses()),
      vocabulary_(vocabulary != nullptr ? std::move(vocabulary) : Vocabulary::Empty()) {}

size_t SkipLetters(std::string_view word, size_t letters) {
  // Two-byte characters (Arabic) decoded inline and classed from the BMP table directly: this
  // runs for every reading with a proclitic set aside.
  const auto* s = reinterpret_cast<const unsigned char*>(word.data());
  const CharClass* const classes = BmpClasses();
  size_t i = 0;
  char32_t cp;
  while (i < word.size()) {
    size_t len;
    if (DecodeTwoByteUtf8(s + i, word.size() - i, &cp)) {
      len = 2;
    } else {
      len = DecodeUtf8(word, i, &cp);
      if (len == 0) return i;
    }
    const CharClass c = cp < 0x10000 ? classes[cp] : ClassOf(cp);
    if (c == CharClass::kArabicMark || c == CharClass::kFormat) {
      i += len;
      continue;
    }
    if (letters == 0) return i;
    --letters;
    i += len;
  }
  return i;
}

namespace {

// SkipLetters(surface, cut / kLetterBytes) for proclitic letters whose match form is
// key[0, cut) (cut is one or two letters): the usual word has them as written, with no mark
// after them, and is answered by one fixed-size comparison and one class lookup.
size_t ProcliticBytes(std::string_view surface, const char* key, size_t cut,
                      const CharClass* classes) {
  if (surface.size() >= cut + 2 &&
      (cut == kLetterBytes ? std::memcmp(surface.data(), key, kLetterBytes) == 0
                           : std::memcmp(surface.data(), key, 2 * kLetterBytes) == 0)) {
    const auto* s = reinterpret_cast<const unsigned char*>(surface.data()) + cut;
    char32_t cp;
    if (DecodeTwoByteUtf8(s, 2, &cp)) {
      const CharClass c = classes[cp];
      if (c != CharClass::kArabicMark && c != CharClass::kFormat) return cut;
    }
  }
  return SkipLetters(surface, cut / kLetterBytes);
}

// The first letter of a match form (two bytes of UTF-8) as one native 16-bit value, to test
// it against the proclitics' letters with one comparison each (PairIndex's order).
constexpr uint16_t LetterCode(std::string_view letter) {
  return static_cast<uint16_t>(
      __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
          ? static_cast<unsigned char>(letter[0]) | static_cast<unsigned char>(letter[1]) << 8
          : static_cast<unsigned char>(letter[0]) << 8 | static_cast<unsigned char>(letter[1]));
}
constexpr uint16_t kWawCode = LetterCode(kWaw);
constexpr uint16_t kFaCode = LetterCode(kFa);
constexpr uint16_t kBaCode = LetterCode(kBa);
constexpr uint16_t kLamCode = LetterCode(kLam);
constexpr uint16_t kKafCode = LetterCode(kKaf);

}  // namespace

void Analyzer::Analyze(Document* doc) const {
  doc->vocabulary = vocabulary_.get();
  if (doc->stage_cache) doc->stage_cache->fresh = false;
  const size_t n = doc->tokens.size();
  // A reused document keeps its analyses (Document::Clear): only tokens beyond the last
  // document's count are filled (with a copy: value-initializing one by one costs more), as
  // AnalyzeToken writes every field a stage reads (the readings up to reading_count).
  doc->analyses.resize(n, TokenAnalysis());
  // The arena is sized once for the usual worst case (a token's match form is no longer than
  // the token, and one restored-article reading adds at most the token plus an alef), then
  // written through a pointer and cut to its length at the end. AnalyzeToken grows it for the
  // rare token whose form is longer (invalid bytes, ligatures).
  const size_t used = doc->arena.size();
  doc->arena.resize(used + 2 * doc->text.size() + 2 * n);
  doc->extra_readings.clear();
  const TokenReading* const extra_before = doc->extra_readings.data();
  // The loop's arena, vocabulary and arrays in locals: every byte written through a char
  // pointer could alias the Document's members, which the compiler would otherwise reload at
  // every token.
  ArenaCursor arena{&doc->arena[0], doc->arena.size(), used};
  const Vocabulary& vocabulary = *vocabulary_;
  const Token* const tokens = doc->tokens.data();
  TokenAnalysis* const analyses = doc->analyses.data();
  const std::string_view text = doc->text;
  for (size_t i = 0; i < n; ++i) {
    AnalyzeToken(doc, vocabulary, tokens[i].text(text), tokens[i].kind, &analyses[i], &arena);
  }
  doc->arena.resize(arena.used);
  // A token with several readings pointed at its run of extra_readings when it was appended;
  // if the vector grew since (a reused document rarely needs to), the pointers are set again:
  // the runs, appended token after token (the others point at their own `whole`).
  if (doc->extra_readings.data() != extra_before) {
    const TokenReading* extra = doc->extra_readings.data();
    for (TokenAnalysis& a : doc->analyses) {
      if (a.reading_count > 1) {
        a.readings = extra;
        extra += a.reading_count;
      }
    }
  }
}

// Makes room for `room` more bytes after arena->used (and as many again for the tokens after:
// the arena was sized for the usual case, which this token is not).
void Analyzer::GrowArena(Document* doc, size_t room, ArenaCursor* arena) {
  doc->arena.resize(arena->used + room + arena->size);
  arena->data = &doc->arena[0];
  arena->size = doc->arena.size();
}

// Inlined for the same reason as AnalyzeToken (every word token comes here).
[[gnu::always_inline]] inline void Analyzer::LookUpWords(const Vocabulary& vocabulary,
                                                         const char* arena,
                                                         TokenReading* readings, int count,
                                                         TokenAnalysis* a) {
  // The readings' slices are the analyzer's own, in range: no bounds-checked substr per key.
  uint32_t lexicons = 0;
  for (int r = 0; r < count; ++r) {
    TokenReading& reading = readings[r];
    const std::string_view key(arena + reading.key.offset, reading.key.size);
    reading.hash = HashWord(key.data(), key.size());
    reading.word = vocabulary.Find(key, reading.hash);
    lexicons |= vocabulary.Info(reading.word).lexicons;
    uint32_t bare_word = Vocabulary::kUnknown;
    if (key.size() >= 4 * kLetterBytes && StartsWith(key, kArticle)) {
      const std::string_view bare(key.data() + kArticle.size(), key.size() - kArticle.size());
      bare_word = vocabulary.Find(bare);
      lexicons |= vocabulary.Info(bare_word).lexicons;
    }
    reading.bare_word = bare_word;
  }
  a->lexicons = lexicons;
}

// Inlined into Analyze's loop: the call and its register saves cost as much per token as
// the work on a short one.
[[gnu::always_inline]] inline void Analyzer::AnalyzeToken(Document* doc,
                                                          const Vocabulary& vocabulary,
                                                          std::string_view surface,
                                                          TokenKind kind, TokenAnalysis* out,
                                                          ArenaCursor* cursor) const {
  TokenAnalysis& a = *out;
  size_t used = cursor->used;
  // Room for the form and one restored-article reading.
  const size_t room = 2 * surface.size() + kLetterBytes;
  if (cursor->size - used < room) GrowArena(doc, room, cursor);
  a.key.offset = static_cast<uint32_t>(used);
  size_t form = FoldInto(*match_table_, surface, cursor->data + used);
  if (form == kFoldTooLong) {
    std::string slow;
    match_normalizer_.AppendNormalized(surface, &slow);
    form = slow.size();
    // The form and, after it, one restored-article reading of at most the form plus an alef
    // (و + لل + a ligature's expansion: the form can be many times the token's length).
    const size_t need = 2 * form + kLetterBytes;
    if (cursor->size - used < need) GrowArena(doc, need, cursor);
    slow.copy(cursor->data + used, form);
  }
  used += form;
  a.key.size = static_cast<uint32_t>(form);
  a.whole = TokenReading{0, a.key};
  a.reading_count = 1;
  a.lexicons = 0;
  if (kind != TokenKind::kArabicWord) {
    if (kind == TokenKind::kLatinWord) {
      LookUpWords(vocabulary, cursor->data, &a.whole, 1, &a);
    } else {
      a.whole.hash = HashWord(cursor->data + a.key.offset, form);
    }
    a.readings = &a.whole;
    cursor->used = used;
    return;
  }

  // Readings with proclitics set aside. A stripped reading is a suffix of the key, so it shares
  // the key's bytes; only the restored article needs new ones (at most one per token, which
  // the room above counts).
  const ArenaSlice key = a.key;
  char* const arena = cursor->data;
  // The readings after the first are built here; a token that has any moves all of its
  // readings to extra_readings below (most tokens have none and stay in `whole`). Left
  // uninitialized (a TokenReading array would be zeroed at every word, a `rep stos` that cost
  // a seventh of the analyzer's time): each reading is made where it is added, and
  // LookUpWords sets the fields add_reading does not.
  union Slots {
    Slots() {}
    TokenReading at[kMaxReadings];
  } slots;
  TokenReading* const readings = slots.at;
  int count = 1;
  auto add_reading = [&](size_t stripped_letters, bool restore_alef) {
    const uint32_t cut = static_cast<uint32_t>(stripped_letters * kLetterBytes);
    if (count >= kMaxReadings || key.size - cut < kMinRemainderBytes) return;
    TokenReading& r = *new (&readings[count++]) TokenReading();
    r.skip_bytes = static_cast<uint32_t>(ProcliticBytes(surface, arena + key.offset, cut, classes_));
    if (!restore_alef) {
      r.key = ArenaSlice{key.offset + cut, key.size - cut};
    } else {
      r.key = ArenaSlice{static_cast<uint32_t>(used),
                         static_cast<uint32_t>(key.size - cut + kLetterBytes)};
      std::memcpy(arena + used, kAlef.data(), kLetterBytes);
      std::memcpy(arena + used + kLetterBytes, arena + key.offset + cut, key.size - cut);
      used += key.size - cut + kLetterBytes;
    }
  };
  // The proclitics by the first letters' 16-bit codes (0 when fewer than two bytes remain,
  // which is no letter's code).
  const unsigned char* rest = reinterpret_cast<const unsigned char*>(arena + key.offset);
  size_t rest_size = key.size;
  uint16_t letter = rest_size >= kLetterBytes ? PairIndex(rest) : 0;
  size_t stripped = 0;
  if (letter == kWawCode || letter == kFaCode) {
    rest += kLetterBytes;
    rest_size -= kLetterBytes;
    stripped = 1;
    add_reading(stripped, false);
    letter = rest_size >= kLetterBytes ? PairIndex(rest) : 0;
  }
  if (letter == kBaCode || letter == kLamCode || letter == kKafCode) {
    rest += kLetterBytes;
    rest_size -= kLetterBytes;
    ++stripped;
    add_reading(stripped, false);
    // لل: the preposition ل before the article drops the article's alef ("للولايات" is
    // ل + الولايات); restore it so the name is seen as written.
    if (letter == kLamCode && rest_size >= kLetterBytes && PairIndex(rest) == kLamCode) {
      add_reading(stripped, true);
    }
  }

  cursor->used = used;
  if (count == 1) {
    LookUpWords(vocabulary, arena, &a.whole, 1, &a);
    a.readings = &a.whole;  // analyses does not move while the document is analyzed
    return;
  }
  new (&readings[0]) TokenReading(a.whole);
  LookUpWords(vocabulary, arena, readings, count, &a);
  a.whole = readings[0];
  a.reading_count = static_cast<uint8_t>(count);
  doc->extra_readings.insert(doc->extra_readings.end(), readings, readings + count);
  a.readings = doc->extra_readings.data() + (doc->extra_readings.size() - count);
}

}  // namespace kashif::internal
