// Scoring kashif against CoNLL-style gold: `TOKEN TAG [TAG ...]` a line, IOB tags, a blank line
// between sentences (ANERcorp, AQMAR, Wojood's nested layers).
//
// The gold is read into tokens and entity spans over token ranges; the text is rebuilt with one
// space between tokens and a newline between sentences, run through an extractor, and each found
// entity is projected onto the tokens its bytes touch (so "والولايات" found as "الولايات" covers
// the gold token "والولايات"). Scoring is exact match on the token range and the type.
//
// Tag names map onto kashif types: PER/PERS -> PER, LOC/GPE -> LOC, ORG -> ORG, MONEY, DATE;
// every other tag (MISC, MIS0-3, OCC, NORP, ...) is ignored.
//
// Nested gold (Wojood lists several tags per token): a flat system can only report one of two
// nested spans, so a gold span that overlaps a gold span the system got right is not counted as
// missed (it is left out of the recall denominator). Everything else counts.
//
// Thread safety: plain functions and values.
#ifndef KASHIF_TOOLS_EVAL_CONLL_EVAL_H_
#define KASHIF_TOOLS_EVAL_CONLL_EVAL_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"

namespace kashif::eval {

// An entity over tokens [first_token, end_token) of a corpus.
struct TokenSpan {
  EntityType type = EntityType::kPerson;
  uint32_t first_token = 0;
  uint32_t end_token = 0;

  friend bool operator==(const TokenSpan& a, const TokenSpan& b) {
    return a.type == b.type && a.first_token == b.first_token && a.end_token == b.end_token;
  }
  friend bool operator<(const TokenSpan& a, const TokenSpan& b) {
    if (a.first_token != b.first_token) return a.first_token < b.first_token;
    if (a.end_token != b.end_token) return a.end_token < b.end_token;
    return a.type < b.type;
  }
};

struct ConllCorpus {
  std::vector<std::string> tokens;
  // Index of each sentence's first token, ascending; sentences are never empty.
  std::vector<uint32_t> sentence_starts;
  // Sentence indexes where a new document begins (always includes 0 when there are sentences):
  // "-DOCSTART-" lines start a document.
  std::vector<uint32_t> document_starts;
  std::vector<TokenSpan> gold;  // sorted, every layer of nested annotation
};

// Maps a corpus tag name (without B-/I-) to a kashif type; false for tags kashif does not have.
bool MapCorpusTag(std::string_view tag, EntityType* type);

// Parses CoNLL text. Fails (with "<source_name>:<line>: <reason>") on a tag that is neither O
// nor B-X / I-X. An I-X that continues nothing starts an entity (IOB1 style). Tokens are kept as
// bytes: the extractor accepts any bytes, so the corpus need not be valid UTF-8.
StatusOr<ConllCorpus> ParseConll(std::string_view content, std::string_view source_name);
StatusOr<ConllCorpus> LoadConllFile(const std::string& path);

// A piece of the corpus rebuilt as text for the extractor.
struct EvalDocument {
  std::string text;
  uint32_t first_token = 0;  // corpus index of the first token in this text
  // Byte span of each token in `text`, in order (token first_token + i).
  std::vector<std::pair<uint32_t, uint32_t>> token_bytes;
};

// Splits the corpus into documents: at each document start, and also every
// `max_sentences_per_document` sentences when that is > 0.
std::vector<EvalDocument> BuildDocuments(const ConllCorpus& corpus, int max_sentences_per_document);

// The tokens each entity touches (entities between tokens, i.e. on white space only, are
// dropped). Entities of types in `types` only (all when empty).
std::vector<TokenSpan> ProjectEntities(const EvalDocument& document,
                                       const std::vector<Entity>& entities,
                                       const std::vector<EntityType>& types);

struct TypeCounts {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct EvalReport {
  std::array<TypeCounts, kEntityTypeCount> by_type{};
  std::vector<EntityType> types;        // the types scored, in report order
  TypeCounts micro;                     // summed over `types`
  std::vector<TokenSpan> misses;        // gold spans not found
  std::vector<TokenSpan> false_alarms;  // predicted spans that are not gold
};

// Scores `predicted` against `gold` (both over the same tokens) for `types` (all five when
// empty). Accumulates into *report.
void Score(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& predicted,
           const std::vector<EntityType>& types, EvalReport* report);

using ExtractFn = std::function<std::vector<Entity>(std::string_view text)>;

// Runs `extract` over the corpus' documents and scores the result.
EvalReport Evaluate(const ConllCorpus& corpus, const ExtractFn& extract,
                    const std::vector<EntityType>& types, int max_sentences_per_document);

// Adds `from`'s counts (not its error lists, which index another corpus) to *total.
void AddCounts(const EvalReport& from, EvalReport* total);

// The report as an aligned table: one row per type, then "micro". Figures are percentages with
// one decimal.
std::string FormatReport(const EvalReport& report);

// Misses and false alarms, one per line: "MISS PER <tokens> | <context>".
// A false alarm whose span is gold with another type is written "TYPE LOC->PER <tokens>".
std::string FormatErrors(const ConllCorpus& corpus, const EvalReport& report);

}  // namespace kashif::eval

#endif  // KASHIF_TOOLS_EVAL_CONLL_EVAL_H_
