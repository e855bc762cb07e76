// The trained NER tagger: its model file (round trip and every way it can be broken), the
// constrained Viterbi search, the gold labels of a training document, training determinism, and
// a model trained on a small fixture of our own finding names the rules do not know, with exact
// byte spans, through the public API.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/document.h"
#include "kashif/kashif.h"
#include "kashif/train.h"
#include "match/ner/tagger_features.h"
#include "match/ner/tagger_matcher.h"
#include "match/ner/tagger_model.h"
#include "match/ner/tagger_trainer.h"
#include "text/word_hash.h"
#include "test_lexicons.h"

namespace kashif::internal {
namespace {

// Sentences written for this test. زوربينو (a coach) and كالميرو (a minister) are people,
// فالتيكا a company: names no built-in list has. One sentence a line.
constexpr const char* kFixture[] = {
    "قال المدرب زوربينو إن الفريق جاهز للمباراة",
    "وأكد زوربينو أن اللاعبين في حالة جيدة",
    "التقى الوزير كالميرو بنظيره في العاصمة",
    "وصرح كالميرو بأن المفاوضات مستمرة",
    "أعلنت شركة فالتيكا عن أرباح كبيرة",
    "وقالت فالتيكا إنها ستفتح مصنعا جديدا",
    "انتقد زوربينو أداء الحكم بعد اللقاء",
    "واجتمع كالميرو مع رئيس الحكومة أمس",
    "ووقعت فالتيكا عقدا مع الحكومة",
    "وغادر زوربينو الملعب قبل نهاية المباراة",
};

struct Gold {
  const char* name;
  EntityType type;
};
constexpr Gold kGold[] = {{"زوربينو", EntityType::kPerson},
                          {"كالميرو", EntityType::kPerson},
                          {"فالتيكا", EntityType::kOrganization}};

// The fixture as training examples: each sentence repeated with its names' byte spans.
std::vector<TrainingExample> FixtureExamples() {
  std::vector<TrainingExample> examples;
  for (const char* sentence : kFixture) {
    TrainingExample e;
    e.text = sentence;
    for (const Gold& g : kGold) {
      const size_t at = e.text.find(g.name);
      if (at == std::string::npos) continue;
      Entity entity;
      entity.type = g.type;
      entity.begin = at;
      entity.end = at + std::string_view(g.name).size();
      e.entities.push_back(entity);
    }
    examples.push_back(std::move(e));
  }
  return examples;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// A small model with a few weights set, for the file format tests.
TaggerModel SmallModel() {
  TaggerModel model(8, kTaggerFeatureVersion);
  model.weights()[3 * kTagLabelCount + kTagBPer] = 1200;
  model.weights()[3 * kTagLabelCount + kTagO] = -5;
  model.weights()[200 * kTagLabelCount + kTagIOrg] = 32767;
  model.transitions()[kTagBPer * kTagLabelCount + kTagIPer] = 77;
  model.set_scale(0.25f);
  return model;
}

TEST(TaggerModelTest, FileRoundTrip) {
  const std::string bytes = SmallModel().Serialize();
  auto parsed = TaggerModel::Parse(bytes, "small.bin", kTaggerFeatureVersion);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->hash_bits(), 8);
  EXPECT_EQ(parsed->scale(), 0.25f);
  EXPECT_EQ(parsed->weights()[3 * kTagLabelCount + kTagBPer], 1200);
  EXPECT_EQ(parsed->weights()[3 * kTagLabelCount + kTagO], -5);
  EXPECT_EQ(parsed->weights()[200 * kTagLabelCount + kTagIOrg], 32767);
  EXPECT_EQ(parsed->transitions()[kTagBPer * kTagLabelCount + kTagIPer], 77);
  EXPECT_EQ(parsed->Serialize(), bytes);
}

TEST(TaggerModelTest, EveryTruncationIsAClearError) {
  const std::string bytes = SmallModel().Serialize();
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto parsed = TaggerModel::Parse(bytes.substr(0, n), "cut.bin", kTaggerFeatureVersion);
    ASSERT_FALSE(parsed.ok()) << n;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().rfind("cut.bin: not a usable kashif tagger model: ", 0), 0u)
        << parsed.status().message();
  }
  auto header = TaggerModel::Parse(bytes.substr(0, 20), "cut.bin", kTaggerFeatureVersion);
  EXPECT_EQ(header.status().message(),
            "cut.bin: not a usable kashif tagger model: the file is truncated (header)");
  auto payload =
      TaggerModel::Parse(bytes.substr(0, bytes.size() - 1), "cut.bin", kTaggerFeatureVersion);
  EXPECT_EQ(payload.status().message(),
            "cut.bin: not a usable kashif tagger model: the file is truncated");
}

TEST(TaggerModelTest, CorruptAndOtherVersionFilesAreRefused) {
  const std::string bytes = SmallModel().Serialize();
  std::string corrupt = bytes;
  corrupt[corrupt.size() - 2] ^= 0x10;
  EXPECT_EQ(TaggerModel::Parse(corrupt, "m", kTaggerFeatureVersion).status().message(),
            "m: not a usable kashif tagger model: checksum mismatch (corrupt file)");
  std::string other_format = bytes;
  other_format[8] = 9;
  EXPECT_EQ(TaggerModel::Parse(other_format, "m", kTaggerFeatureVersion).status().message(),
            "m: not a usable kashif tagger model: file format version 9, this kashif reads 1");
  auto other_features = TaggerModel::Parse(bytes, "m", kTaggerFeatureVersion + 1);
  EXPECT_EQ(other_features.status().message(),
            "m: not a usable kashif tagger model: trained with feature version " +
                std::to_string(kTaggerFeatureVersion) + ", this kashif computes version " +
                std::to_string(kTaggerFeatureVersion + 1) + " (retrain it)");
  EXPECT_EQ(TaggerModel::Parse("places\tLOC\n", "m", kTaggerFeatureVersion).status().message(),
            "m: not a usable kashif tagger model: it does not start with the KASHIFTG signature");
  std::string extra = bytes + "x";
  EXPECT_EQ(TaggerModel::Parse(extra, "m", kTaggerFeatureVersion).status().message(),
            "m: not a usable kashif tagger model: bytes follow the model's end");
}

TEST(TaggerModelTest, ViterbiKeepsTheBioScheme) {
  // Token 0 prefers I-PER on its own, token 1 I-PER, token 2 O: the best valid reading starts
  // the name with B-PER. Token 3 prefers I-LOC, which cannot follow the O: it takes B-LOC.
  TaggerModel model(8, kTaggerFeatureVersion);
  auto set = [&model](uint32_t bucket, int label, int16_t w) {
    model.weights()[bucket * kTagLabelCount + label] = w;
  };
  set(1, kTagIPer, 100);
  set(1, kTagBPer, 60);
  set(2, kTagIPer, 100);
  set(3, kTagO, 200);
  set(4, kTagILoc, 100);
  set(4, kTagBLoc, 40);
  FeatureSequence features;
  for (uint32_t bucket : {1u, 2u, 3u, 4u}) {
    features.buckets.push_back(bucket);
    features.EndToken();
  }
  std::vector<int32_t> emissions;
  model.Emissions(features, &emissions);
  DecodeScratch scratch;
  std::vector<uint8_t> labels;
  model.Decode(emissions.data(), features.size(), &scratch, &labels);
  EXPECT_EQ(labels, (std::vector<uint8_t>{kTagBPer, kTagIPer, kTagO, kTagBLoc}));
}

// The Viterbi search against every label sequence of a few tokens: the one it picks is valid
// and none scores higher (emissions and transitions from a fixed pseudo-random stream, with
// ties made likely by a small range).
void CheckViterbiAgainstEverySequence() {
  constexpr int L = kTagLabelCount;
  uint64_t x = 0x9E3779B97F4A7C15u;
  auto next = [&x](int range) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return static_cast<int32_t>(x % static_cast<uint64_t>(range)) - range / 2;
  };
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 1 + static_cast<size_t>(trial % 5);
    const int range = trial % 2 == 0 ? 7 : 2000;
    TaggerModel edited(8, kTaggerFeatureVersion);
    for (int16_t& t : edited.transitions()) t = static_cast<int16_t>(next(range));
    auto parsed = TaggerModel::Parse(edited.Serialize(), "random", kTaggerFeatureVersion);
    ASSERT_TRUE(parsed.ok());
    TaggerModel& model = *parsed;
    std::vector<int32_t> emissions(n * kTagRowWidth);
    for (int32_t& e : emissions) e = next(range);
    DecodeScratch scratch;
    std::vector<uint8_t> labels;
    model.Decode(emissions.data(), n, &scratch, &labels, kTagRowWidth);
    ASSERT_EQ(labels.size(), n);
    // Rows of seven (the generic search) and rows of eight (the vector one) agree, ties too.
    std::vector<int32_t> sevens;
    for (size_t t = 0; t < n; ++t) {
      sevens.insert(sevens.end(), emissions.begin() + t * kTagRowWidth,
                    emissions.begin() + t * kTagRowWidth + L);
    }
    std::vector<uint8_t> generic;
    model.Decode(sevens.data(), n, &scratch, &generic);
    EXPECT_EQ(generic, labels) << "trial " << trial;
    auto score = [&](const std::vector<uint8_t>& seq) -> int64_t {
      int64_t total = 0;
      for (size_t t = 0; t < n; ++t) {
        const int previous = t == 0 ? -1 : seq[t - 1];
        if (!AllowedTransition(previous, seq[t])) return std::numeric_limits<int64_t>::min();
        total += emissions[t * kTagRowWidth + seq[t]] +
                 model.transitions()[(t == 0 ? L : previous) * L + seq[t]];
      }
      return total;
    };
    const int64_t found = score(labels);
    ASSERT_NE(found, std::numeric_limits<int64_t>::min()) << "trial " << trial;
    std::vector<uint8_t> seq(n, 0);
    int64_t best = std::numeric_limits<int64_t>::min();
    for (size_t code = 0, all = static_cast<size_t>(std::pow(L, n)); code < all; ++code) {
      for (size_t t = 0, c = code; t < n; ++t, c /= L) seq[t] = static_cast<uint8_t>(c % L);
      best = std::max(best, score(seq));
    }
    EXPECT_EQ(found, best) << "trial " << trial;
  }
}

// Run once as the CPU allows (AVX2 where it has it) and, on x86, once more with the SSE2 forms.
TEST(TaggerModelTest, ViterbiFindsTheBestValidSequence) {
#if defined(KASHIF_TAGGER_AVX2)
  for (bool avx2_off : {false, true}) {
    SetTaggerAvx2Off(avx2_off);
    CheckViterbiAgainstEverySequence();
  }
  SetTaggerAvx2Off(false);
#else
  CheckViterbiAgainstEverySequence();
#endif
}

TEST(TaggerTrainerTest, GoldLabelsFollowTheTokens) {
  // Gold spans may include a proclitic (as CoNLL tokens do) and nest: the outermost is learnt.
  Analyzer analyzer;
  Tokenizer tokenizer;
  Document doc;
  const std::string text = "زار وزير خارجية الولايات المتحدة وللأمم المتحدة مقرا";
  doc.text = text;
  tokenizer.Tokenize(doc.text, &doc.tokens);
  analyzer.Analyze(&doc);
  auto span = [&text](std::string_view part, EntityType type) {
    Entity e;
    e.type = type;
    e.begin = text.find(part);
    e.end = e.begin + part.size();
    return e;
  };
  const std::vector<Entity> gold = {
      span("الولايات المتحدة", EntityType::kPlace), span("المتحدة وللأمم", EntityType::kPerson),
      span("وللأمم المتحدة", EntityType::kOrganization), span("المتحدة", EntityType::kPlace)};
  // "المتحدة وللأمم" (overlapping two longer ones) and the nested "المتحدة" lose to the
  // longer, earlier spans.
  EXPECT_EQ(GoldLabels(doc, gold), (std::vector<uint8_t>{kTagO, kTagO, kTagO, kTagBLoc, kTagILoc,
                                                         kTagBOrg, kTagIOrg, kTagO}));
}

TEST(TaggerTrainerTest, TrainingIsDeterministic) {
  const std::vector<TrainingExample> examples = FixtureExamples();
  TrainingOptions options;
  options.hash_bits = 12;
  auto first = TrainTaggerModel(examples, options);
  auto second = TrainTaggerModel(examples, options);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_TRUE(TaggerModel::Parse(*first, "trained", kTaggerFeatureVersion).ok());
}

// The CRF's forward-backward against every label sequence of a few tokens: a token's label
// probability and a transition's expected count are the sums over the valid sequences of
// exp(score) / Z (scores from a fixed pseudo-random stream).
TEST(TaggerTrainerTest, CrfForwardBackwardMatchesEverySequence) {
  constexpr int L = kTagLabelCount;
  uint64_t x = 0x2545F4914F6CDD1Du;
  auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return static_cast<double>(x % 4001) / 1000.0 - 2.0;
  };
  CrfForwardBackward fb;
  for (size_t n = 1; n <= 4; ++n) {
    std::vector<double> emissions(n * L), transitions((L + 1) * L);
    for (double& e : emissions) e = next();
    for (double& t : transitions) t = next();
    ASSERT_TRUE(fb.Run(n, emissions, transitions.data()));
    std::vector<double> marginals(n * L, 0), pairs((L + 1) * L, 0);
    double z = 0;
    std::array<uint8_t, 4> seq{};
    for (size_t code = 0, all = static_cast<size_t>(std::pow(L, n)); code < all; ++code) {
      bool valid = true;
      double score = 0;
      for (size_t t = 0, c = code; t < n; ++t, c /= L) {
        seq[t] = static_cast<uint8_t>(c % L);
        const int previous = t == 0 ? -1 : seq[t - 1];
        valid = valid && AllowedTransition(previous, seq[t]);
        score += emissions[t * L + seq[t]] + transitions[(t == 0 ? L : previous) * L + seq[t]];
      }
      if (!valid) continue;
      const double p = std::exp(score);
      z += p;
      for (size_t t = 0; t < n; ++t) {
        marginals[t * L + seq[t]] += p;
        pairs[(t == 0 ? L : seq[t - 1]) * L + seq[t]] += p;
      }
    }
    ASSERT_EQ(fb.marginals.size(), n * L);
    ASSERT_EQ(fb.pairs.size(), size_t{(L + 1) * L});
    for (size_t i = 0; i < n * L; ++i) EXPECT_NEAR(fb.marginals[i], marginals[i] / z, 1e-12);
    for (size_t i = 0; i < pairs.size(); ++i) EXPECT_NEAR(fb.pairs[i], pairs[i] / z, 1e-12);
    // An I-X never follows O or another type, so its expected count there is exactly 0.
    EXPECT_EQ(fb.pairs[kTagO * L + kTagIPer], 0.0);
    EXPECT_EQ(fb.pairs[kTagBOrg * L + kTagILoc], 0.0);
    EXPECT_EQ(fb.pairs[L * L + kTagIOrg], 0.0);
  }
  // Scores so far apart that only an I-X, which cannot start a sentence, keeps a probability
  // above 0: no valid sequence is left, and Run says so instead of dividing by 0.
  std::vector<double> emissions(2 * L, -2000.0), transitions((L + 1) * L, 0.0);
  emissions[kTagIPer] = 0;
  emissions[L + kTagO] = 0;
  EXPECT_FALSE(fb.Run(2, emissions, transitions.data()));
  emissions[kTagBPer] = -3;  // a valid start within reach again
  ASSERT_TRUE(fb.Run(2, emissions, transitions.data()));
  EXPECT_NEAR(fb.marginals[kTagBPer], 1.0, 1e-12);
}

TEST(TaggerTrainerTest, CrfTrainingIsDeterministicAndChecksItsOptions) {
  const std::vector<TrainingExample> examples = FixtureExamples();
  TrainingOptions options;
  options.hash_bits = 12;
  auto first = TrainTaggerModel(examples, options);  // the default: the CRF, l2 30
  options.objective = TrainingObjective::kCrf;
  auto second = TrainTaggerModel(examples, options);
  options.l2 = 1;
  auto weaker = TrainTaggerModel(examples, options);
  options.objective = TrainingObjective::kPerceptron;
  auto perceptron = TrainTaggerModel(examples, options);
  options.objective = TrainingObjective::kCrf;
  ASSERT_TRUE(perceptron.ok() && first.ok() && second.ok() && weaker.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_NE(*first, *perceptron);
  EXPECT_NE(*first, *weaker);
  EXPECT_TRUE(TaggerModel::Parse(*first, "crf", kTaggerFeatureVersion).ok());
  for (double bad : {-1.0, 2e6, std::nan(""), std::numeric_limits<double>::infinity()}) {
    options.l2 = bad;
    auto refused = TrainTaggerModel(examples, options);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(refused.status().message(), "l2 must be a number from 0 to 1e6");
  }
  options.l2 = 1;
  options.objective = static_cast<TrainingObjective>(7);
  auto unknown = TrainTaggerModel(examples, options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(), "unknown training objective");
}

// A news sentence written for this test, analyzed by the built-in lexicons, with its gold: two
// mentions of one person (سامر الخطيب، الخطيب) and a place named twice (عمان).
struct DropoutDoc {
  std::string text;
  Document doc;
  std::vector<uint8_t> labels;
  std::unique_ptr<NerTokens> view;
  size_t Token(std::string_view word, size_t nth = 0) const {
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.TokenText(i) == word && nth-- == 0) return i;
    }
    ADD_FAILURE() << "no token " << word;
    return 0;
  }
};

std::unique_ptr<DropoutDoc> MakeDropoutDoc() {
  auto d = std::make_unique<DropoutDoc>();
  d->text = "التقى سامر الخطيب وزير الخارجية في عمان أمس ، وقال الخطيب إن عمان تدعم الاتفاق";
  const std::string& text = d->text;
  d->doc.text = text;
  Tokenizer().Tokenize(d->doc.text, &d->doc.tokens);
  SharedLexicons().analyzer.Analyze(&d->doc);
  auto span = [&text](std::string_view part, EntityType type, size_t from = 0) {
    Entity e;
    e.type = type;
    e.begin = text.find(part, from);
    e.end = e.begin + part.size();
    return e;
  };
  const size_t second = text.find("وقال");
  d->labels = GoldLabels(d->doc, {span("سامر الخطيب", EntityType::kPerson),
                                  span("عمان", EntityType::kPlace),
                                  span("الخطيب", EntityType::kPerson, second),
                                  span("عمان", EntityType::kPlace, second)});
  d->view = std::make_unique<NerTokens>(d->doc, *SharedLexicons().ner, d->doc.candidates);
  return d;
}

TEST(TaggerTrainerTest, NameDropoutHidesPersonWordTypesEverywhereInTheDocument) {
  const auto d = MakeDropoutDoc();
  const size_t n = d->doc.tokens.size();
  NameDropout dropout;
  EXPECT_EQ(NameDropoutMask(d->doc, *d->view, d->labels, dropout, 0), std::vector<uint8_t>(n, 0));
  // All of them: every token of the person's two words, at both mentions of الخطيب; not the
  // place, not the other words.
  dropout.percent = 100;
  std::vector<uint8_t> all(n, 0);
  all[d->Token("سامر")] = all[d->Token("الخطيب")] = all[d->Token("الخطيب", 1)] = 1;
  EXPECT_EQ(NameDropoutMask(d->doc, *d->view, d->labels, dropout, 0), all);
  // Half: the same word types, the choice per document and seed, both mentions alike.
  dropout.percent = 50;
  int hidden[2] = {0, 0};
  bool seeds_differ = false;
  for (uint64_t ordinal = 0; ordinal < 200; ++ordinal) {
    const std::vector<uint8_t> mask = NameDropoutMask(d->doc, *d->view, d->labels, dropout, ordinal);
    EXPECT_EQ(mask, NameDropoutMask(d->doc, *d->view, d->labels, dropout, ordinal));
    for (size_t i = 0; i < n; ++i) EXPECT_TRUE(mask[i] == 0 || all[i] == 1) << i;
    EXPECT_EQ(mask[d->Token("الخطيب")], mask[d->Token("الخطيب", 1)]);
    hidden[0] += mask[d->Token("سامر")];
    hidden[1] += mask[d->Token("الخطيب")];
    NameDropout other = dropout;
    other.seed = 2;
    seeds_differ |= NameDropoutMask(d->doc, *d->view, d->labels, other, ordinal) != mask;
  }
  for (int h : hidden) {
    EXPECT_GT(h, 60);
    EXPECT_LT(h, 140);
  }
  EXPECT_TRUE(seeds_differ);
}

TEST(TaggerTrainerTest, AnUnseenTokenLosesItsListAndIdentityFeaturesOnly) {
  const auto d = MakeDropoutDoc();
  const size_t n = d->doc.tokens.size();
  TaggerFeatures features(SharedLexicons().ner);
  TaggerRunScratch scratch;
  auto extract = [&](const std::vector<uint8_t>* unseen) {
    FeatureSequence out;
    features.Extract(d->doc, *d->view, d->doc.candidates, 0xFFFF, &scratch, &out, unseen);
    std::vector<std::vector<uint32_t>> per_token(n);
    for (size_t i = 0; i < n; ++i) {
      per_token[i].assign(out.buckets.begin() + out.starts[i],
                          out.buckets.begin() + out.starts[i + 1]);
    }
    return per_token;
  };
  const auto plain = extract(nullptr);
  const std::vector<uint8_t> none(n, 0);
  EXPECT_EQ(extract(&none), plain);
  // عمان (both mentions) unseen: each loses at least its reading, bare and whole forms; a token
  // three or more away from both sees nothing of it.
  std::vector<uint8_t> unseen(n, 0);
  const size_t first = d->Token("عمان");
  const size_t second = d->Token("عمان", 1);
  unseen[first] = unseen[second] = 1;
  const auto hidden = extract(&unseen);
  for (size_t i = 0; i < n; ++i) {
    const size_t distance = std::min(i > first ? i - first : first - i,
                                     i > second ? i - second : second - i);
    if (distance == 0) {
      EXPECT_LE(hidden[i].size() + 3, plain[i].size()) << i;
    } else if (distance >= 3) {
      EXPECT_EQ(hidden[i], plain[i]) << i;
    }
  }
  EXPECT_NE(hidden[first + 1], plain[first + 1]);  // a neighbour sees it differently
}

TEST(TaggerTrainerTest, NameDropoutTrainsDeterministicallyAndChangesTheModel) {
  const std::vector<TrainingExample> examples = FixtureExamples();
  TrainingOptions options;
  options.hash_bits = 12;
  auto plain = TrainTaggerModel(examples, options);
  options.name_dropout = 50;
  auto first = TrainTaggerModel(examples, options);
  auto second = TrainTaggerModel(examples, options);
  ASSERT_TRUE(plain.ok() && first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
  EXPECT_NE(*first, *plain);
  EXPECT_TRUE(TaggerModel::Parse(*first, "trained", kTaggerFeatureVersion).ok());
  for (int bad : {-1, 101}) {
    options.name_dropout = bad;
    auto refused = TrainTaggerModel(examples, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(refused.status().message(), "name_dropout must be 0..100");
  }
}

TEST(TaggerTrainerTest, BadTrainingInputIsAnError) {
  std::vector<TrainingExample> examples = FixtureExamples();
  examples[1].entities[0].end = examples[1].text.size() + 1;
  auto model = TrainTaggerModel(examples);
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(model.status().message().find("training example 1"), std::string::npos);
  TrainingOptions bad;
  bad.hash_bits = 30;
  EXPECT_FALSE(TrainTaggerModel(FixtureExamples(), bad).ok());
}

// PER / ORG / LOC extractors, with a model trained on the fixture with `options` (written to
// the temporary `file`) and without a tagger.
struct FixtureExtractors {
  StatusOr<Extractor> with_tagger;
  StatusOr<Extractor> rules_only;
};

FixtureExtractors MakeFixtureExtractors(const TrainingOptions& options, const std::string& file) {
  auto model = TrainTaggerModel(FixtureExamples(), options);
  if (!model.ok()) return {model.status(), model.status()};
  Options tagged;
  tagged.use_tagger = true;
  tagged.model_file = WriteTemp(file, *model);
  tagged.types = {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace};
  Options rules = tagged;
  rules.use_tagger = false;
  return {Extractor::Create(tagged), Extractor::Create(rules)};
}

// Both objectives (the default, the CRF, and the perceptron) make the same kind of model, tagged
// by the same path.
TEST(TaggerEndToEndTest, AFixtureModelFindsNamesTheRulesDoNotKnow) {
  for (TrainingObjective objective : {TrainingObjective::kCrf, TrainingObjective::kPerceptron}) {
    SCOPED_TRACE(objective == TrainingObjective::kCrf ? "crf" : "perceptron");
    TrainingOptions options;
    options.hash_bits = 12;
    options.objective = objective;
    auto [with_tagger, rules_only] = MakeFixtureExtractors(options, "fixture_model.bin");
    ASSERT_TRUE(with_tagger.ok()) << with_tagger.status().message();
    ASSERT_TRUE(rules_only.ok());

    // New sentences, the names in contexts the fixture has (and one it does not).
    const std::string text = "وقال كالميرو إن الاتفاق جاهز وأعلنت فالتيكا عن خطة جديدة";
    const std::vector<Entity> found = with_tagger->Extract(text);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].type, EntityType::kPerson);
    EXPECT_EQ(found[0].text(text), "كالميرو");
    EXPECT_EQ(found[0].begin, text.find("كالميرو"));
    EXPECT_EQ(found[1].type, EntityType::kOrganization);
    EXPECT_EQ(found[1].text(text), "فالتيكا");
    EXPECT_EQ(found[1].begin, text.find("فالتيكا"));
    EXPECT_TRUE(rules_only->Extract(text).empty());
  }
}

// With every person's words learnt as unseen (no identity, no list or rule features), the
// perceptron finds people from their context and form alone: a person the fixture has and one it
// has not, exact spans, where the rules find none. (A CRF trained on these ten sentences, with l2
// from 0 to 1 and 8 or 40 epochs, finds the first and misses the second.)
TEST(TaggerEndToEndTest, AModelTrainedWithFullNameDropoutFindsPeopleByContext) {
  TrainingOptions options;
  options.hash_bits = 12;
  options.name_dropout = 100;
  options.objective = TrainingObjective::kPerceptron;
  auto [with_tagger, rules_only] = MakeFixtureExtractors(options, "dropout_model.bin");
  ASSERT_TRUE(with_tagger.ok()) << with_tagger.status().message();
  ASSERT_TRUE(rules_only.ok());
  for (const std::string name : {"كالميرو", "غارسيا"}) {
    const std::string text = "وصرح " + name + " بأن المفاوضات مستمرة";
    const std::vector<Entity> found = with_tagger->Extract(text);
    ASSERT_EQ(found.size(), 1u) << name;
    EXPECT_EQ(found[0].type, EntityType::kPerson);
    EXPECT_EQ(found[0].begin, text.find(name));
    EXPECT_EQ(found[0].end, text.find(name) + name.size());
    EXPECT_TRUE(rules_only->Extract(text).empty()) << name;
  }
}

TEST(TaggerEndToEndTest, ModelFileErrorsComeFromCreate) {
  Options options;
  options.use_tagger = true;
  options.model_file = ::testing::TempDir() + "no_such_kashif_model.bin";
  auto missing = Extractor::Create(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), options.model_file + ": cannot open model file");

  std::string bytes = SmallModel().Serialize();
  bytes.resize(bytes.size() / 2);
  options.model_file = WriteTemp("half_model.bin", bytes);
  auto truncated = Extractor::Create(options);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().message(),
            options.model_file + ": not a usable kashif tagger model: the file is truncated");

  // A rules-only extractor does not read the file at all.
  options.use_tagger = false;
  EXPECT_TRUE(Extractor::Create(options).ok());
}

// The per-thread word cache changes no result: the same texts give the same entities on a
// thread that starts cold (its scratch released), on one whose cache other words filled, and
// on a new thread. Sentences written for this test.
TEST(TaggerEndToEndTest, AWarmWordCacheGivesWhatAColdOneGives) {
  Options options;
  options.use_tagger = true;
  options.tagger_over_rules = true;  // every name the tagger finds shows
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const std::vector<std::string> texts = {
      "وقال المتحدث باسم الحكومة سامر الخطيب إن الوزارة ستفتح مكتبا جديدا في حلب",
      "والتقى رئيس بلدية نابلس وفدا من شركة الاتصالات الفلسطينية",
      "وصل المدرب البرتغالي جوزيه مورينيو إلى مدريد أمس",
      "أعلن البنك المركزي المصري رفع سعر الفائدة بعد اجتماع لجنته",
  };
  auto all = [&]() {
    std::vector<std::tuple<int, size_t, size_t>> out;
    for (const std::string& text : texts) {
      for (const Entity& e : extractor->Extract(text)) {
        out.emplace_back(static_cast<int>(e.type), e.begin, e.end);
      }
      out.emplace_back(-1, 0, 0);  // the end of a text
    }
    return out;
  };
  ReleaseThreadScratch();
  const auto cold = all();
  EXPECT_GT(cold.size(), texts.size() + 4);  // some entities in every text
  // The texts again on a cache filled with other words first (released, so none of the texts'
  // words is in it): the fixture sentences and enough made-up words (letters in pseudo-random
  // order) to fill every entry many times, in short texts (one call each: tagged on this
  // thread). Every word of the texts then finds another word's entry where its own would be.
  ReleaseThreadScratch();
  for (const char* sentence : kFixture) extractor->Extract(sentence);
  const std::string letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";  // two bytes each
  std::string made_up;
  uint64_t x = 88172645463325252u;
  for (int word = 0; word < 300000; ++word) {
    for (int k = 0; k < 3 + word % 5; ++k) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      made_up += letters.substr(2 * (x % (letters.size() / 2)), 2);
    }
    made_up += " ";
    if (word % 1000 == 999) {
      extractor->Extract(made_up);
      made_up.clear();
    }
  }
  EXPECT_EQ(all(), cold);
  std::vector<std::tuple<int, size_t, size_t>> on_new_thread;
  std::thread([&] { on_new_thread = all(); }).join();
  EXPECT_EQ(on_new_thread, cold);
}

// A model whose every weight differs, so that two words' own features weigh differently.
StatusOr<TaggerModel> FilledModel() {
  TaggerModel filled(12, kTaggerFeatureVersion);
  for (size_t k = 0; k < filled.weights().size(); ++k) {
    filled.weights()[k] = static_cast<int16_t>(static_cast<int>((k * 2654435761u >> 7) % 2001) - 1000);
  }
  return TaggerModel::Parse(filled.Serialize(), "filled", kTaggerFeatureVersion);
}

// The emission scores of `text` (no candidates), through the word cache of *scratch.
std::vector<int32_t> EmissionsOf(const TaggerModel& model, const std::string& text,
                                 TaggerRunScratch* scratch) {
  Document doc;
  doc.text = text;
  Tokenizer().Tokenize(doc.text, &doc.tokens);
  SharedLexicons().analyzer.Analyze(&doc);
  NerTokens view(doc, *SharedLexicons().ner, doc.candidates);
  std::vector<int32_t> out;
  TaggerFeatures(SharedLexicons().ner).Emissions(doc, view, doc.candidates, model, scratch, &out);
  return out;
}

// The word cache tells apart long words that share their length and their first and last
// eight bytes (all the analyzer's HashWord of a reading sees): each keeps its own emission
// scores, as on a cold cache. Made-up words of ten letters (20 bytes) that differ in their
// fifth and sixth letters only, tagged with a model whose every weight differs.
TEST(TaggerFeaturesTest, LongWordsAlikeAtBothEndsKeepTheirOwnScores) {
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  auto emissions = [&](const std::string& word, TaggerRunScratch* scratch) {
    return EmissionsOf(*model, "وقال " + word + " أمس", scratch);
  };
  const std::string a = "بارستوفيلد";
  const std::string b = "بارسنافيلد";
  ASSERT_EQ(a.size(), 20u);
  ASSERT_EQ(a.substr(0, 8) + a.substr(12), b.substr(0, 8) + b.substr(12));
  TaggerRunScratch cold_a;
  TaggerRunScratch cold_b;
  const std::vector<int32_t> only_a = emissions(a, &cold_a);
  const std::vector<int32_t> only_b = emissions(b, &cold_b);
  ASSERT_NE(only_a, only_b);  // the words' own features weigh differently
  TaggerRunScratch warm;
  EXPECT_EQ(emissions(a, &warm), only_a);
  EXPECT_EQ(emissions(b, &warm), only_b);  // not a's cached sums
  EXPECT_EQ(emissions(a, &warm), only_a);
}

// And words of eight bytes that differ only in the high bits of the last byte (غ D8 BA, ز D8
// B2), where the analyzer's HashWord of the two was one value before it folded its halves
// apart: an Arabic word's cache key is built on that HashWord of its match form, so whichever
// of them the thread tagged first must never give both their sums.
TEST(TaggerFeaturesTest, WordsOfOneHashWordKeepTheirOwnScores) {
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  auto emissions = [&](const std::string& word, TaggerRunScratch* scratch) {
    return EmissionsOf(*model, "وقال الجنرال جيمس " + word + " أمس", scratch);
  };
  const std::string a = "جونغ";
  const std::string b = "جونز";
  ASSERT_EQ(a.size(), 8u);
  TaggerRunScratch cold_a;
  TaggerRunScratch cold_b;
  const std::vector<int32_t> only_a = emissions(a, &cold_a);
  const std::vector<int32_t> only_b = emissions(b, &cold_b);
  ASSERT_NE(only_a, only_b);
  TaggerRunScratch warm;
  EXPECT_EQ(emissions(a, &warm), only_a);
  EXPECT_EQ(emissions(b, &warm), only_b);  // not a's cached sums
  EXPECT_EQ(emissions(a, &warm), only_a);
}

// An Arabic word's cache key is its match form, its reading, classes and clitics, its kind and
// whether it is glued to the token before: its shape reads no more of its text. So the word
// written with a mark shares the plain word's entry and its scores are what it gives alone,
// and the same word glued to a bracket keeps its own (the shape's glue weighs differently).
TEST(TaggerFeaturesTest, AnArabicWordIsKeyedByItsMatchFormAndItsGlue) {
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  const std::string plain = "وقال ( سليم أمس";
  const std::string marked = "وقال ( سَليم أمس";
  const std::string glued = "وقال (سليم أمس";
  TaggerRunScratch cold_plain;
  TaggerRunScratch cold_marked;
  TaggerRunScratch cold_glued;
  const std::vector<int32_t> only_plain = EmissionsOf(*model, plain, &cold_plain);
  const std::vector<int32_t> only_marked = EmissionsOf(*model, marked, &cold_marked);
  const std::vector<int32_t> only_glued = EmissionsOf(*model, glued, &cold_glued);
  ASSERT_EQ(only_plain.size(), 4u * kTagRowWidth);
  EXPECT_EQ(only_marked, only_plain);
  ASSERT_NE(only_glued, only_plain);
  TaggerRunScratch warm;
  EXPECT_EQ(EmissionsOf(*model, plain, &warm), only_plain);
  EXPECT_EQ(EmissionsOf(*model, marked, &warm), only_marked);
  EXPECT_EQ(EmissionsOf(*model, glued, &warm), only_glued);  // not the spaced word's sums
  EXPECT_EQ(EmissionsOf(*model, plain, &warm), only_plain);
}

// The word cache's key (Fingerprint in tagger_features.cc) hashes a token's match form and the
// index of the reading the rules use, not that reading's key: the analyzer makes every reading
// from the match form alone. Words written differently (marks, tatweel, another alef) with the
// same match form and proclitics (و، ب، ل، لل with the article's alef restored) have the same
// readings, key for key; and a word whose reading is not its whole form gets what it gets
// alone after the same word written otherwise filled the cache.
TEST(TaggerFeaturesTest, AWordsReadingsFollowFromItsMatchForm) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"وبالمدينة", "وَبِالمَدِينَةِ"}, {"للولايات", "لِلـولايات"}, {"وللاستثمار", "وللإستثمار"},
      {"فالرئيس", "فـالرئيس"},      {"كالعادة", "كَالعادة"}};
  for (const auto& [a, b] : pairs) {
    const std::string text = a + " " + b;
    Document doc;
    doc.text = text;
    Tokenizer().Tokenize(doc.text, &doc.tokens);
    SharedLexicons().analyzer.Analyze(&doc);
    ASSERT_EQ(doc.tokens.size(), 2u) << text;
    ASSERT_EQ(doc.Key(0), doc.Key(1)) << text;  // the same match form
    const ReadingSpan first = doc.Readings(0);
    const ReadingSpan second = doc.Readings(1);
    ASSERT_GT(first.size(), 1u) << a;  // proclitics set aside: more than one reading
    ASSERT_EQ(first.size(), second.size()) << text;
    for (size_t r = 0; r < first.size(); ++r) {
      EXPECT_EQ(doc.Slice(first[r].key), doc.Slice(second[r].key)) << text << " reading " << r;
    }
  }
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  TaggerRunScratch cold;
  const std::vector<int32_t> alone = EmissionsOf(*model, "وقال وبالمدينة أمس", &cold);
  TaggerRunScratch warm;
  EmissionsOf(*model, "وقال وَبِالمَدِينَةِ أمس", &warm);
  EXPECT_EQ(EmissionsOf(*model, "وقال وبالمدينة أمس", &warm), alone);
}

// A token's row is summed from its neighbours' cache entries, which a miss in the same text
// must not refill before the row is complete (the cache keeps them; a full set's way is
// otherwise refilled at random). A text of 150,000 made-up words (far more than the cache's
// 64 K entries, so its sets fill and refill within the text): every token's row is the middle
// row of the five words around it tagged on their own (no candidates, so no marks and no
// document types: a row depends on the five words alone).
TEST(TaggerFeaturesTest, NoEntryIsRefilledWhileATokenStillNeedsIt) {
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  const std::string letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";  // two bytes each
  std::vector<std::string> words;
  uint64_t x = 2463534242u;
  for (int word = 0; word < 150000; ++word) {
    std::string w;
    for (int k = 0; k < 3 + word % 5; ++k) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      w += letters.substr(2 * (x % (letters.size() / 2)), 2);
    }
    words.push_back(w);
  }
  std::string text;
  for (const std::string& w : words) text += w + " ";
  TaggerRunScratch whole;
  const std::vector<int32_t> rows = EmissionsOf(*model, text, &whole);
  ASSERT_EQ(rows.size(), words.size() * kTagRowWidth);
  TaggerRunScratch windows;
  int wrong = 0;
  for (size_t i = 2; i + 2 < words.size(); ++i) {
    const std::string window = words[i - 2] + " " + words[i - 1] + " " + words[i] + " " +
                               words[i + 1] + " " + words[i + 2];
    const std::vector<int32_t> own = EmissionsOf(*model, window, &windows);
    for (int y = 0; y < kTagLabelCount; ++y) {
      wrong += own[2 * kTagRowWidth + y] != rows[i * kTagRowWidth + y] ? 1 : 0;
    }
  }
  EXPECT_EQ(wrong, 0);
}

// A text of some 90 tokens (three sentences: more than Emissions' loop looks up ahead) into
// *text and *doc, analyzed, with candidates over some tokens (the marks, and the readings they
// give a document type, seen again bare), words the cache has and has not seen, Latin words,
// numbers and punctuation.
void SentencesWithCandidates(std::string* text, Document* doc) {
  const std::string sentence =
      "قال الرئيس سليم الحص إن سليم سيزور بيروت في 12 أيار ( 2008 ) مع وفد من IBM و Dell ، "
      "وأكد الحص أن بيروت والقاهرة تستقبلان الوفد . ";
  *text = sentence + sentence + sentence;
  doc->text = *text;
  Tokenizer().Tokenize(doc->text, &doc->tokens);
  SharedLexicons().analyzer.Analyze(doc);
  auto add = [doc](EntityType type, uint32_t first, uint32_t end, int32_t priority) {
    Candidate c;
    c.type = type;
    c.first_token = first;
    c.end_token = end;
    c.begin = doc->tokens[first].begin;
    c.end = doc->tokens[end - 1].end;
    c.priority = priority;
    doc->candidates.push_back(c);
  };
  add(EntityType::kPerson, 2, 4, kNerRulePriority);          // سليم الحص
  add(EntityType::kPlace, 7, 8, kBuiltinGazetteerPriority);  // بيروت
  add(EntityType::kDate, 9, 11, kGrammarPriority);           // 12 أيار
  add(EntityType::kOrganization, 17, 18, kNerRulePriority);  // IBM
  add(EntityType::kPerson, 40, 42, kNerRulePriority);
}

// The word cache keeps each offset's sums relative to label O's (WordCache::Entry: Viterbi's
// labels do not change when a token's scores all move by one amount), so tagging's emission
// scores are the model's exact ones (TaggerModel::Emissions over the training features) less a
// constant a token: every label's score less O's is the exact one less O's, within the
// cache's rounding (a sum kept in units of 16: under 16 an offset, five offsets). A text with
// candidates (SentencesWithCandidates), cold and then warm, with each form of the loop. (With
// the entries' lane 0 left in the sum, every one of its 2,088 label scores is off.)
TEST(TaggerFeaturesTest, CachedScoresAreTheModelsLessAConstantAToken) {
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  Document doc;
  std::string text;
  SentencesWithCandidates(&text, &doc);
  NerTokens view(doc, *SharedLexicons().ner, doc.candidates);
  const TaggerFeatures features(SharedLexicons().ner);
  TaggerRunScratch training_scratch;
  FeatureSequence sequence;
  features.Extract(doc, view, doc.candidates, model->bucket_mask(), &training_scratch, &sequence);
  std::vector<int32_t> exact;
  model->Emissions(sequence, &exact);
  const size_t n = doc.tokens.size();
  ASSERT_EQ(exact.size(), n * kTagLabelCount);
  int far = 0;      // label scores less O's farther from the exact ones than the rounding
  int moved = 0;    // tokens whose O score is not the exact one (the constant is not always 0)
  int checked = 0;
  for (bool avx2_off : {false, true}) {
#if defined(KASHIF_TAGGER_AVX2)
    SetTaggerAvx2Off(avx2_off);
#else
    if (avx2_off) break;
#endif
    TaggerRunScratch scratch;
    for (int pass = 0; pass < 2; ++pass) {  // cold, then warm
      std::vector<int32_t> out;
      features.Emissions(doc, view, doc.candidates, *model, &scratch, &out);
      ASSERT_EQ(out.size(), n * kTagRowWidth);
      for (size_t t = 0; t < n; ++t) {
        const int32_t* row = out.data() + t * kTagRowWidth;
        const int32_t* want = exact.data() + t * kTagLabelCount;
        moved += row[0] != want[0];
        for (int y = 1; y < kTagLabelCount; ++y) {
          const int32_t error = (row[y] - row[0]) - (want[y] - want[0]);
          far += error <= -5 * 16 || error >= 5 * 16;
          ++checked;
        }
      }
    }
  }
#if defined(KASHIF_TAGGER_AVX2)
  SetTaggerAvx2Off(false);
#endif
  EXPECT_EQ(far, 0) << "of " << checked;
  EXPECT_GT(moved, 0);
}

#if defined(KASHIF_TAGGER_AVX2)
// Emissions' loop has an SSE2 and an AVX2 form (tagger_emissions.inc, compiled twice): they sum
// the same rows, on the text of SentencesWithCandidates.
TEST(TaggerFeaturesTest, TheAvx2AndSse2LoopsSumTheSameRows) {
  if (!TaggerHasAvx2()) GTEST_SKIP() << "this CPU has no AVX2: only the SSE2 loop runs";
  auto model = FilledModel();
  ASSERT_TRUE(model.ok()) << model.status().message();
  Document doc;
  std::string text;
  SentencesWithCandidates(&text, &doc);
  ASSERT_GT(doc.tokens.size(), 80u);
  std::vector<std::vector<int32_t>> rows;
  for (bool avx2_off : {false, true}) {
    SetTaggerAvx2Off(avx2_off);
    NerTokens view(doc, *SharedLexicons().ner, doc.candidates);
    TaggerRunScratch scratch;
    std::vector<int32_t> out;
    TaggerFeatures(SharedLexicons().ner).Emissions(doc, view, doc.candidates, *model, &scratch, &out);
    // Warm: every word now in the cache.
    TaggerFeatures(SharedLexicons().ner).Emissions(doc, view, doc.candidates, *model, &scratch, &out);
    rows.push_back(out);
  }
  SetTaggerAvx2Off(false);
  ASSERT_EQ(rows[0].size(), doc.tokens.size() * kTagRowWidth);
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    for (int y = 0; y < kTagLabelCount; ++y) {
      EXPECT_EQ(rows[0][t * kTagRowWidth + y], rows[1][t * kTagRowWidth + y])
          << "token " << t << " label " << y;
    }
  }
  // The candidates weigh: the marks and the document types are summed too.
  TaggerRunScratch bare;
  ASSERT_NE(EmissionsOf(*model, text, &bare), rows[0]);
}
#endif

TEST(TaggerEndToEndTest, TheBuiltInModelLoads) {
  EXPECT_TRUE(
      TaggerModel::Parse(DefaultTaggerModelBytes(), "built-in", kTaggerFeatureVersion).ok());
  Options options;
  options.use_tagger = true;
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
}

}  // namespace
}  // namespace kashif::internal
