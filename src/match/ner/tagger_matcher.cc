#include "match/ner/tagger_matcher.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "data/embedded_data.h"

KASHIF_DECLARE_EMBEDDED(ner_tagger);

namespace kashif::internal {
namespace {

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
  std::vector<uint8_t> claimed;  // tokens another name candidate covers
};

thread_local TaggerScratch t_scratch;

bool IsWord(const Document& doc, size_t i) {
  const TokenKind kind = doc.tokens[i].kind;
  return kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord;
}

}  // namespace

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
                        std::vector<Candidate>* out, const std::vector<uint8_t>* claimed) {
  const size_t n = labels.size();
  // Through a local pointer: the appends below may write any memory, which would make the
  // compiler load the vector's again at every token.
  const uint8_t* const label = labels.data();
  size_t i = 0;
  while (i < n) {
    // Most tokens are O: passed over eight at a time.
    static_assert(kTagO == 0, "eight O labels are a zero word");
    uint64_t eight;
    while (i + 8 <= n && (std::memcpy(&eight, label + i, 8), eight == 0)) i += 8;
    if (i == n) break;
    if (label[i] == kTagO) {
      ++i;
      continue;
    }
    const int begin_label = IsBegin(label[i]) ? label[i] : label[i] - 1;
    size_t end = i + 1;
    while (end < n && label[end] == begin_label + 1) ++end;
    size_t first = i;
    size_t last = end;
    while (first < last && !IsWord(doc, first)) ++first;
    while (last > first && !IsWord(doc, last - 1)) --last;
    if (first < last &&
        (claimed == nullptr || std::find(claimed->begin() + static_cast<ptrdiff_t>(first),
                                         claimed->begin() + static_cast<ptrdiff_t>(last),
                                         1) == claimed->begin() + static_cast<ptrdiff_t>(last))) {
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
  if (n == 0) return;
  // Most texts tagged are one line: no gap to look at token by token (a line break inside a
  // token's own text sends the text the long way too, which looks at the gaps alone).
  const uint32_t from = doc.tokens[0].end;
  const uint32_t to = std::max(from, doc.tokens[n - 1].begin);
  if (doc.text.substr(from, to - from).find('\n') == std::string_view::npos) {
    model_->Decode(s.emissions.data(), n, &s.decode, labels, kTagRowWidth);
    return;
  }
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
  // The features read what the matchers proposed, as in training: not the propagated names
  // (copied without them where there are any: most texts have none).
  const std::vector<Candidate>* prior = candidates;
  auto propagated = [](const Candidate& c) { return c.priority <= kPropagationPriority; };
  if (std::any_of(candidates->begin(), candidates->end(), propagated)) {
    s.prior.clear();
    std::remove_copy_if(candidates->begin(), candidates->end(), std::back_inserter(s.prior),
                        propagated);
    prior = &s.prior;
  }
  NerTokens view(doc, *lexicon_, *prior);
  Tag(doc, view, *prior, &s.labels);
  if (options.tagger_over_rules) {
    LabelsToCandidates(doc, view, s.labels, kTaggerOverRulesPriority, candidates);
    return;
  }
  // Fill the gaps only: a name over any token another PER / ORG / LOC candidate claims goes
  // (never made: most of the tagger's names are the rules' and the lists' too).
  s.claimed.assign(doc.tokens.size(), 0);
  for (const Candidate& c : *candidates) {
    if (c.type != EntityType::kPerson && c.type != EntityType::kOrganization &&
        c.type != EntityType::kPlace) {
      continue;
    }
    for (uint32_t t = c.first_token; t < c.end_token && t < s.claimed.size(); ++t) {
      s.claimed[t] = 1;
    }
  }
  LabelsToCandidates(doc, view, s.labels, kTaggerPriority, candidates, &s.claimed);
}

}  // namespace kashif::internal
