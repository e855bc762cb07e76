#include "match/ner/tagger_trainer.h"

#include <algorithm>
#include <string_view>

#include "match/ner/tagger_matcher.h"
#include "text/word_hash.h"

namespace kashif::internal {

std::vector<uint8_t> GoldLabels(const Document& doc, const std::vector<Entity>& gold) {
  std::vector<const Entity*> order;
  for (const Entity& e : gold) {
    if (e.type == EntityType::kPerson || e.type == EntityType::kOrganization ||
        e.type == EntityType::kPlace) {
      order.push_back(&e);
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const Entity* a, const Entity* b) {
    if (a->end - a->begin != b->end - b->begin) return a->end - a->begin > b->end - b->begin;
    return a->begin < b->begin;
  });
  std::vector<const Entity*> kept;
  for (const Entity* e : order) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [e](const Entity* k) {
      return e->begin < k->end && k->begin < e->end;
    });
    if (!overlaps) kept.push_back(e);
  }
  std::vector<uint8_t> labels(doc.tokens.size(), kTagO);
  for (const Entity* e : kept) {
    bool first = true;
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      const Token& token = doc.tokens[t];
      if (token.end <= e->begin || token.begin >= e->end) continue;
      const int begin = BeginLabel(e->type);
      labels[t] = static_cast<uint8_t>(first ? begin : begin + 1);
      first = false;
    }
  }
  return labels;
}

namespace {

// A uniform draw in [0, 100) for a word type of a training document, from the seed alone.
uint64_t Draw(std::string_view key, uint64_t seed, uint64_t ordinal) {
  return Mix64(Fnv1a(key) ^ (seed * 0x9E3779B97F4A7C15u) ^ (ordinal * 0xC2B2AE3D27D4EB4Fu)) % 100;
}

}  // namespace

std::vector<uint8_t> NameDropoutMask(const Document& doc, const NerTokens& view,
                                     const std::vector<uint8_t>& labels, const NameDropout& dropout,
                                     uint64_t ordinal) {
  const size_t n = doc.tokens.size();
  std::vector<uint8_t> unseen(n, 0);
  if (dropout.percent <= 0) return unseen;
  // The word types of the document's person names (a word of one is hidden everywhere in it).
  std::vector<std::string_view> names;
  for (size_t i = 0; i < n; ++i) {
    if (view[i].word && (labels[i] == kTagBPer || labels[i] == kTagIPer)) {
      names.push_back(view.Key(i));
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (size_t i = 0; i < n; ++i) {
    if (!view[i].word) continue;
    const std::string_view key = view.Key(i);
    if (std::binary_search(names.begin(), names.end(), key) &&
        Draw(key, dropout.seed, ordinal) < static_cast<uint64_t>(dropout.percent)) {
      unseen[i] = 1;
    }
  }
  return unseen;
}

void TaggerTrainer::Add(const Document& doc, const std::vector<Entity>& gold) {
  if (doc.tokens.empty()) return;
  const std::vector<uint8_t> labels = GoldLabels(doc, gold);
  NerTokens view(doc, features_.lexicon(), doc.candidates);
  const uint64_t ordinal = documents_++;
  if (dropout_.percent <= 0) {
    AddSequences(doc, view, doc.candidates, labels, nullptr);
    return;
  }
  const std::vector<uint8_t> unseen = NameDropoutMask(doc, view, labels, dropout_, ordinal);
  AddSequences(doc, view, doc.candidates, labels, &unseen);
}

void TaggerTrainer::AddSequences(const Document& doc, const NerTokens& view,
                                 const std::vector<Candidate>& prior,
                                 const std::vector<uint8_t>& labels,
                                 const std::vector<uint8_t>* unseen) {
  FeatureSequence all;
  features_.Extract(doc, view, prior, (uint32_t{1} << hash_bits_) - 1, &scratch_, &all, unseen);
  // The perceptron learns from a sequence at a time: one per line (a sentence of a CoNLL file
  // rebuilt as text), not one per document, so it updates after every sentence it gets wrong.
  // The features were computed over the whole document, neighbours across lines included.
  size_t first = 0;
  const size_t n = doc.tokens.size();
  for (size_t t = 1; t <= n; ++t) {
    if (t < n && !LineBreakBefore(doc, t)) continue;
    TrainingSequence s;
    for (size_t k = first; k < t; ++k) {
      s.features.buckets.insert(s.features.buckets.end(), all.buckets.begin() + all.starts[k],
                                all.buckets.begin() + all.starts[k + 1]);
      s.features.EndToken();
    }
    s.gold.assign(labels.begin() + first, labels.begin() + t);
    data_.push_back(std::move(s));
    first = t;
  }
}

TaggerModel TaggerTrainer::Train(SequenceTrainingOptions options) const {
  options.hash_bits = hash_bits_;
  options.feature_version = kTaggerFeatureVersion;
  return TrainSequences(data_, options);
}

}  // namespace kashif::internal
