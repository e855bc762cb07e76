#include "match/ner/tagger_features.h"

#include <string_view>

namespace kashif::internal {
namespace {

// Feature templates: the first word of every hashed feature.
enum Template : uint64_t {
  kReading = 1,     // the clitic-free reading's key
  kCandidate,       // the strongest earlier candidate over the token
  kBare,            // the reading without the article
  kSuffix2,
  kReadingClass,    // one per NER class bit of the reading
  kShape,
  kWhole,           // the whole token's match form
  kPrefix,
  kSuffix,
  kTrigram,
  kLength,
  kTokenClass,      // one per NER class bit of the whole token
  kBareClass,       // one per NER class bit of the reading without its article
  kClitics,
  kKnown,
  kBias,
};

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

uint64_t Hash(Template t, std::string_view bytes) {
  uint64_t h = 1469598103934665603u ^ (static_cast<uint64_t>(t) * 0x9E3779B97F4A7C15u);
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211u;
  }
  return Mix(h);
}

uint64_t Hash(Template t, uint64_t value) {
  return Mix((static_cast<uint64_t>(t) << 56) ^ (value * 0x9E3779B97F4A7C15u) ^ 0x5bd1e995u);
}

bool IsLead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Byte offsets where each character of `s` starts, plus s.size().
void CharStarts(std::string_view s, std::vector<uint32_t>* starts) {
  starts->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsLead(s[i])) starts->push_back(static_cast<uint32_t>(i));
  }
  starts->push_back(static_cast<uint32_t>(s.size()));
}

void AddClassBits(Template t, uint32_t flags, TokenFeatureHashes* f) {
  while (flags != 0) {
    const int bit = __builtin_ctz(flags);
    f->Add(Hash(t, static_cast<uint64_t>(bit)));
    flags &= flags - 1;
  }
}

// The shape of a token as written: its kind, and for Latin words the case pattern, for numbers
// the digit count.
uint64_t Shape(const Document& doc, size_t i) {
  const Token& token = doc.tokens[i];
  uint64_t shape = static_cast<uint64_t>(token.kind) << 8;
  std::string_view text = doc.TokenText(i);
  if (token.kind == TokenKind::kLatinWord && !text.empty()) {
    int upper = 0;
    for (char c : text) upper += c >= 'A' && c <= 'Z';
    const bool first_upper = text[0] >= 'A' && text[0] <= 'Z';
    shape |= upper == static_cast<int>(text.size()) ? 1 : first_upper ? 2 : upper > 0 ? 3 : 4;
  } else if (token.kind == TokenKind::kNumber) {
    shape |= text.size() < 5 ? text.size() : 5;
  } else if (token.kind == TokenKind::kPunctuation && text.size() <= 4) {
    // Which mark it is matters (a quote, a parenthesis, a period).
    uint64_t bytes = 0;
    for (char c : text) bytes = bytes << 8 | static_cast<unsigned char>(c);
    shape |= bytes << 16;
  }
  shape |= uint64_t{token.glued_to_previous} << 7;
  return shape;
}

// The strongest earlier candidate over each token, as a feature value (0: none).
void CandidateMarks(const Document& doc, const std::vector<Candidate>& prior,
                    std::vector<uint64_t>* marks, std::vector<int32_t>* priorities) {
  marks->assign(doc.tokens.size(), 0);
  priorities->assign(doc.tokens.size(), -1);
  for (const Candidate& c : prior) {
    const uint64_t band = c.priority >= 80 ? 3 : c.priority >= 60 ? 2 : c.priority >= 40 ? 1 : 0;
    for (uint32_t t = c.first_token; t < c.end_token && t < doc.tokens.size(); ++t) {
      if (c.priority <= (*priorities)[t]) continue;
      (*priorities)[t] = c.priority;
      const uint64_t position = t == c.first_token ? 1 : 2;
      const uint64_t last = t + 1 == c.end_token ? 4 : 0;
      (*marks)[t] = 1 + (static_cast<uint64_t>(c.type) << 8 | band << 4 | position | last);
    }
  }
}

}  // namespace

void TaggerFeatures::OwnFeatures(const Document& doc, const NerTokens& view, size_t i,
                                 TokenFeatureHashes* f) const {
  const NerToken& t = view[i];
  std::string_view reading = view.Key(i);
  std::string_view bare = reading;
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
  if (t.article && bare.size() > kArticle.size() && bare.substr(0, kArticle.size()) == kArticle) {
    bare.remove_prefix(kArticle.size());
  }
  // The neighbours see these (after the reading and the candidate, added by Extract).
  f->Add(Hash(kBare, bare));
  std::vector<uint32_t> starts;
  starts.reserve(32);
  CharStarts(bare, &starts);
  const size_t letters = starts.size() - 1;
  if (letters >= 2) f->Add(Hash(kSuffix2, bare.substr(starts[letters - 2])));
  AddClassBits(kReadingClass, t.reading_flags, f);
  f->Add(Hash(kShape, Shape(doc, i)));
  f->context = f->count;
  // The token's own.
  f->Add(Hash(kWhole, doc.Key(i)));
  for (size_t n = 1; n <= 4 && n <= letters; ++n) {
    f->Add(Hash(kPrefix, bare.substr(0, starts[n])));
    if (n != 2) f->Add(Hash(kSuffix, bare.substr(starts[letters - n])));
  }
  if (letters >= 3 && letters <= 12) {
    for (size_t k = 0; k + 3 <= letters; ++k) {
      f->Add(Hash(kTrigram, bare.substr(starts[k], starts[k + 3] - starts[k])));
    }
  }
  f->Add(Hash(kLength, letters < 8 ? letters : 8));
  AddClassBits(kTokenClass, t.flags & ~t.reading_flags, f);
  AddClassBits(kBareClass, t.bare_flags, f);
  const uint64_t clitics = uint64_t{t.reading != 0} | uint64_t{t.article} << 1 |
                           uint64_t{t.clitic_article} << 2 | uint64_t{t.conjunction} << 3 |
                           uint64_t{t.nisba} << 4 | uint64_t{t.foreign_suffix} << 5 |
                           uint64_t{t.clitic_stop} << 6;
  f->Add(Hash(kClitics, clitics));
  f->Add(Hash(kBias, 0));
}

void TaggerFeatures::Extract(const Document& doc, const NerTokens& view,
                             const std::vector<Candidate>& prior, uint32_t bucket_mask,
                             TaggerFeatureScratch* scratch, FeatureSequence* out) const {
  const size_t n = doc.tokens.size();
  out->Clear();
  std::vector<TokenFeatureHashes>& own = scratch->tokens;
  own.resize(n);
  std::vector<uint64_t> marks;
  std::vector<int32_t> priorities;
  CandidateMarks(doc, prior, &marks, &priorities);
  for (size_t i = 0; i < n; ++i) {
    TokenFeatureHashes& f = own[i];
    f.count = 0;
    f.Add(Hash(kReading, view.Key(i)));
    f.Add(Hash(kCandidate, marks[i]));
    f.far = f.count;
    OwnFeatures(doc, view, i, &f);
  }
  auto bucket = [bucket_mask](uint64_t h, uint64_t offset) {
    return static_cast<uint32_t>(Mix(h + offset * 0x632BE59BD9B4E019u) & bucket_mask);
  };
  for (size_t i = 0; i < n; ++i) {
    const TokenFeatureHashes& f = own[i];
    for (int k = 0; k < f.count; ++k) out->buckets.push_back(bucket(f.hashes[k], 0));
    for (int d = -2; d <= 2; ++d) {
      if (d == 0) continue;
      const ptrdiff_t j = static_cast<ptrdiff_t>(i) + d;
      if (j < 0 || j >= static_cast<ptrdiff_t>(n)) {
        out->buckets.push_back(bucket(Hash(kBias, 1), static_cast<uint64_t>(d + 8)));
        continue;
      }
      const TokenFeatureHashes& g = own[static_cast<size_t>(j)];
      const int limit = d == -1 || d == 1 ? g.context : g.far;
      for (int k = 0; k < limit; ++k) {
        out->buckets.push_back(bucket(g.hashes[k], static_cast<uint64_t>(d + 8)));
      }
    }
    out->EndToken();
  }
}

}  // namespace kashif::internal
