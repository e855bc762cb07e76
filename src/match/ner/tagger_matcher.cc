#include "match/ner/tagger_matcher.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "data/embedded_data.h"

KASHIF_DECLARE_EMBEDDED(ner_tagger);

namespace kashif::internal {
namespace {

bool IsName(const Candidate& c) {
  return c.type == EntityType::kPerson || c.type == EntityType::kOrganization ||
         c.type == EntityType::kPlace;
}

bool Overlap(const Candidate& a, const Candidate& b) {
  return a.first_token < b.end_token && b.first_token < a.end_token;
}

// Whether `outer` covers every token of `inner` and more.
bool StrictlyContains(const Candidate& outer, const Candidate& inner) {
  return outer.first_token <= inner.first_token && inner.end_token <= outer.end_token &&
         outer.end_token - outer.first_token > inner.end_token - inner.first_token;
}

// Whether a token of [first, end) is a definite relational adjective (العباسي، الحسيني): after a
// person's name it is an epithet or a dynasty, not the name; alone it names no one.
bool HasNisba(const NerTokens& view, uint32_t first, uint32_t end) {
  for (uint32_t i = first; i < end; ++i) {
    if (view[i].nisba) return true;
  }
  return false;
}

// The tagger's per-thread state, besides Extract()'s own ThreadScratch (extract/extractor.cc):
// the word cache of lexical sums (WordCache in tagger_features.cc, 5 MB,
// allocated at the thread's first tagged document) and arrays that grow with the longest
// document (window) the thread tagged. Reused from one call to the next (the word cache is
// what makes repeated words cheap); nothing in it changes a result (a cache hit gives exactly
// what the miss computed). Freed by ReleaseTaggerScratch(), part of ReleaseThreadScratch().
struct TaggerScratch {
  TaggerRunScratch features;
  std::vector<int32_t> emissions;
  DecodeScratch decode;
  std::vector<uint8_t> labels;
  std::vector<uint8_t> line_labels;
  std::vector<Candidate> prior;  // the matchers' candidates, without propagated ones
  CombineScratch combine;
};

thread_local TaggerScratch t_scratch;

bool IsWord(const Document& doc, size_t i) {
  const TokenKind kind = doc.tokens[i].kind;
  return kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord;
}

}  // namespace

void CombineWithRules(const NerTokens& view, const std::vector<uint8_t>& labels, size_t before,
                      bool over_rules, std::vector<Candidate>* candidates, CombineScratch* s) {
  std::vector<Candidate>& all = *candidates;
  s->keys.clear();
  s->vote.assign(all.size() - before, 0);
  size_t out = before;
  for (size_t k = before; k < all.size(); ++k) {
    Candidate t = std::move(all[k]);
    const bool person = t.type == EntityType::kPerson;
    bool overlaps = false;
    bool drop = false;
    bool extends = true;
    int32_t top = 0;
    for (size_t j = 0; j < before; ++j) {
      const Candidate& r = all[j];
      if (!Overlap(r, t)) continue;
      if (!IsName(r)) {
        extends = false;  // a date or amount inside: the tagger's priority does not rise over it
        continue;
      }
      overlaps = true;
      top = std::max(top, r.priority);
      const bool r_contains = StrictlyContains(r, t);
      const bool t_contains = StrictlyContains(t, r);
      if (!t_contains || r.type != t.type || r.first_token != t.first_token ||
          (person && HasNisba(view, r.end_token, t.end_token))) {
        extends = false;
      }
      if (over_rules) {
        if (r_contains && (r.end_token > t.end_token || (person && r.type != t.type))) drop = true;
        if (t_contains && person && r.type == t.type &&
            HasNisba(view, r.end_token, t.end_token)) {
          drop = true;
        }
      }
    }
    if (!over_rules && overlaps) {
      if (extends) {
        t.priority = std::min(top, kUserGazetteerPriority - 1);
      } else {
        drop = true;
      }
    }
    if (!overlaps && person && view[t.end_token - 1].nisba &&
        (t.end_token == t.first_token + 1 || view[t.first_token].article)) {
      drop = true;
    }
    if (drop) continue;
    if (!overlaps && t.end_token == t.first_token + 1) {
      s->vote[out - before] = 1;
      s->keys.push_back(view.Key(t.first_token));
    }
    all[out++] = std::move(t);
  }
  all.resize(out);
  if (s->keys.empty()) return;
  // The vote: each word's occurrences in the document and those the tagger named.
  std::sort(s->keys.begin(), s->keys.end());
  s->keys.erase(std::unique(s->keys.begin(), s->keys.end()), s->keys.end());
  s->seen.assign(s->keys.size(), 0);
  s->named.assign(s->keys.size(), 0);
  for (size_t i = 0; i < view.size(); ++i) {
    if (!view[i].word) continue;
    const auto it = std::lower_bound(s->keys.begin(), s->keys.end(), view.Key(i));
    if (it == s->keys.end() || *it != view.Key(i)) continue;
    ++s->seen[it - s->keys.begin()];
    if (labels[i] != kTagO) ++s->named[it - s->keys.begin()];
  }
  out = before;
  for (size_t k = before; k < all.size(); ++k) {
    if (s->vote[k - before]) {
      const size_t w = std::lower_bound(s->keys.begin(), s->keys.end(),
                                        view.Key(all[k].first_token)) - s->keys.begin();
      if (2 * s->named[w] < s->seen[w]) continue;
    }
    if (out != k) all[out] = std::move(all[k]);
    ++out;
  }
  all.resize(out);
}

void ReleaseTaggerScratch() {
  TaggerScratch released;
  std::swap(t_scratch, released);
}

bool LineBreakBefore(const Document& doc, size_t t) {
  const std::string_view gap =
      doc.text.substr(doc.tokens[t - 1].end, doc.tokens[t].begin - doc.tokens[t - 1].end);
  return gap.find('\n') != std::string_view::npos;
}

std::string_view DefaultTaggerModelBytes() { return KASHIF_EMBEDDED(ner_tagger); }

StatusOr<std::shared_ptr<const TaggerModel>> LoadTaggerModel(const std::string& path) {
  if (path.empty()) {
    // The embedded model is parsed once per process and shared by every extractor.
    static const auto* const builtin = new StatusOr<std::shared_ptr<const TaggerModel>>([] {
      auto model = TaggerModel::Parse(DefaultTaggerModelBytes(), "built-in tagger model",
                                      kTaggerFeatureVersion);
      if (!model.ok()) {
        return StatusOr<std::shared_ptr<const TaggerModel>>(
            Status(StatusCode::kInternal, model.status().message()));
      }
      return StatusOr<std::shared_ptr<const TaggerModel>>(
          std::make_shared<const TaggerModel>(std::move(*model)));
    }());
    return *builtin;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open model file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read error");
  auto model = TaggerModel::Parse(content.str(), path, kTaggerFeatureVersion);
  if (!model.ok()) return model.status();
  return std::shared_ptr<const TaggerModel>(std::make_shared<const TaggerModel>(std::move(*model)));
}

void LabelsToCandidates(const Document& doc, const NerTokens& view,
                        const std::vector<uint8_t>& labels, int32_t priority,
                        std::vector<Candidate>* out) {
  const size_t n = labels.size();
  size_t i = 0;
  while (i < n) {
    if (labels[i] == kTagO) {
      ++i;
      continue;
    }
    const int begin_label = IsBegin(labels[i]) ? labels[i] : labels[i] - 1;
    size_t end = i + 1;
    while (end < n && labels[end] == begin_label + 1) ++end;
    size_t first = i;
    size_t last = end;
    while (first < last && !IsWord(doc, first)) ++first;
    while (last > first && !IsWord(doc, last - 1)) --last;
    if (first < last) {
      out->push_back(view.MakeCandidate(LabelType(begin_label), first, last, priority));
    }
    i = end;
  }
}

void TaggerMatcher::Tag(const Document& doc, const NerTokens& view,
                        const std::vector<Candidate>& prior, std::vector<uint8_t>* labels) const {
  TaggerScratch& s = t_scratch;
  features_.Emissions(doc, view, prior, *model_, &s.features, &s.emissions);
  // Each line on its own, as the model was trained (a sentence at a time): no name runs on
  // across a line break.
  const size_t n = doc.tokens.size();
  labels->clear();
  size_t first = 0;
  for (size_t t = 1; t <= n; ++t) {
    if (t < n && !LineBreakBefore(doc, t)) continue;
    model_->Decode(s.emissions.data() + first * kTagRowWidth, t - first, &s.decode,
                   &s.line_labels, kTagRowWidth);
    labels->insert(labels->end(), s.line_labels.begin(), s.line_labels.end());
    first = t;
  }
}

void TaggerMatcher::Refine(const Document& doc, const Options& options,
                           std::vector<Candidate>* candidates) const {
  if (doc.tokens.empty()) return;
  TaggerScratch& s = t_scratch;
  // The features read what the matchers proposed, as in training: not the propagated names.
  s.prior.clear();
  for (const Candidate& c : *candidates) {
    if (c.priority > kPropagationPriority) s.prior.push_back(c);
  }
  NerTokens view(doc, *lexicon_, s.prior);
  Tag(doc, view, s.prior, &s.labels);
  const size_t before = candidates->size();
  LabelsToCandidates(doc, view, s.labels,
                     options.tagger_over_rules ? kTaggerOverRulesPriority : kTaggerPriority,
                     candidates);
  CombineWithRules(view, s.labels, before, options.tagger_over_rules, candidates, &s.combine);
}

}  // namespace kashif::internal
