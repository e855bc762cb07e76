// The Extractor: compiles the model once (Create) and runs the stages on each text (Extract).
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/tokenizer.h"
#include "kashif/train.h"
#include "match/date/date_matcher.h"
#include "match/gazetteer.h"
#include "match/matcher.h"
#include "match/ner/misc_filter.h"
#include "match/money/money_matcher.h"
#include "match/ner/ner_lexicon.h"
#include "match/ner/org_rules.h"
#include "match/ner/person_matcher.h"
#include "match/ner/place_rules.h"
#include "match/ner/propagation.h"
#include "match/ner/tagger_matcher.h"
#include "match/ner/tagger_trainer.h"
#include "match/resolver.h"
#include "core/analyzer.h"
#include "core/civil_date.h"
#include "core/document.h"
#include "data/embedded_data.h"
#include "extract/lexicons.h"

namespace kashif {
namespace internal {

class ExtractorModel {
 public:
  ExtractorModel() : analyzer(BuiltinVocabulary()) {}

  Options options;
  Tokenizer tokenizer;
  Analyzer analyzer;
  bool type_enabled[kEntityTypeCount] = {};
  std::vector<std::unique_ptr<Matcher>> matchers;
  std::vector<std::unique_ptr<Refiner>> refiners;
  std::shared_ptr<const NerLexicon> ner_lexicon;  // the tagger's trainer reads it
};

namespace {

Status AddEntries(const std::vector<GazetteerEntry>& entries, int32_t priority,
                  Gazetteer* gazetteer) {
  for (const GazetteerEntry& e : entries) {
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrganization &&
        e.type != EntityType::kPlace) {
      return Status(StatusCode::kInvalidArgument,
                    "gazetteer entry \"" + e.name + "\": type must be PER, ORG or LOC");
    }
    if (!gazetteer->Add(e.name, e.type, e.canonical, priority)) {
      return Status(StatusCode::kInvalidArgument,
                    "gazetteer entry \"" + e.name + "\" has no word to match");
    }
  }
  return Status::Ok();
}

StatusOr<std::shared_ptr<const Gazetteer>> BuildGazetteer(const Options& options,
                                                          const Analyzer* analyzer) {
  auto gazetteer = std::make_shared<Gazetteer>(analyzer);
  // User entries first: an equal-priority later entry never replaces an earlier one, and
  // user entries have the higher priority anyway.
  Status status = AddEntries(options.gazetteer_entries, kUserGazetteerPriority, gazetteer.get());
  if (!status.ok()) return status;
  for (const std::string& path : options.gazetteer_files) {
    auto entries = LoadGazetteerFile(path);
    if (!entries.ok()) return entries.status();
    status = AddEntries(*entries, kUserGazetteerPriority, gazetteer.get());
    if (!status.ok()) return status;
  }
  if (options.use_builtin_gazetteers) {
    for (const EmbeddedFile& file : BuiltinGazetteerFiles()) {
      auto entries = ParseGazetteerTsv(file.content, file.name);
      if (!entries.ok()) {
        return Status(StatusCode::kInternal, "built-in data: " + entries.status().message());
      }
      status = AddEntries(*entries, kBuiltinGazetteerPriority, gazetteer.get());
      if (!status.ok()) return status;
    }
  }
  return std::shared_ptr<const Gazetteer>(std::move(gazetteer));
}

// Every matcher and refiner of the default pipeline. Each stage registers itself here.
Status BuildMatchers(const Options& options, ExtractorModel* model) {
  auto gazetteer = BuildGazetteer(options, &model->analyzer);
  if (!gazetteer.ok()) return gazetteer.status();
  model->matchers.push_back(std::make_unique<GazetteerMatcher>(*gazetteer));
  model->matchers.push_back(std::make_unique<DateMatcher>());
  model->matchers.push_back(std::make_unique<MoneyMatcher>(model->analyzer));
  auto ner_lexicon = NerLexicon::CreateDefault(&model->analyzer);
  if (!ner_lexicon.ok()) return ner_lexicon.status();
  model->matchers.push_back(std::make_unique<PersonMatcher>(*ner_lexicon));
  model->matchers.push_back(std::make_unique<OrgRules>(*ner_lexicon));
  model->matchers.push_back(std::make_unique<PlaceRules>(*ner_lexicon));
  model->ner_lexicon = *ner_lexicon;
  model->refiners.push_back(std::make_unique<Propagation>(*ner_lexicon));
  // The tagger reads every matcher's candidates and the rules' names propagated through the
  // document; then its own names are propagated too (a second pass that only adds).
  if (options.use_tagger) {
    auto tagger = LoadTaggerModel(options.model_file);
    if (!tagger.ok()) return tagger.status();
    model->refiners.push_back(std::make_unique<TaggerMatcher>(*tagger, *ner_lexicon));
    model->refiners.push_back(std::make_unique<Propagation>(*ner_lexicon));
  }
  model->refiners.push_back(std::make_unique<MiscNameFilter>(*ner_lexicon));
  return Status::Ok();
}

Status ValidateOptions(const Options& options) {
  if (options.reference_date) {
    if (!IsValidCivilDate(*options.reference_date)) {
      return Status(StatusCode::kInvalidArgument, "reference_date is not a valid calendar day: " +
                                                      FormatCivilDate(*options.reference_date));
    }
  }
  return Status::Ok();
}

thread_local Document t_document;  // per-thread scratch, reused across calls

}  // namespace

// What TrainTaggerModel reads of an Extractor (a friend of it).
class ExtractorAccess {
 public:
  static const ExtractorModel& Model(const Extractor& extractor) { return *extractor.model_; }
};
}  // namespace internal

Extractor::Extractor(std::shared_ptr<const internal::ExtractorModel> model)
    : model_(std::move(model)) {}

StatusOr<Extractor> Extractor::Create(const Options& options) {
  Status status = internal::ValidateOptions(options);
  if (!status.ok()) return status;
  auto model = std::make_shared<internal::ExtractorModel>();
  model->options = options;
  if (options.types.empty()) {
    for (bool& enabled : model->type_enabled) enabled = true;
  } else {
    for (EntityType t : options.types) {
      const int i = static_cast<int>(t);
      if (i < 0 || i >= kEntityTypeCount) {
        return Status(StatusCode::kInvalidArgument, "unknown entity type in Options::types");
      }
      model->type_enabled[i] = true;
    }
  }
  status = internal::BuildMatchers(options, model.get());
  if (!status.ok()) return status;
  return Extractor(std::move(model));
}

const Options& Extractor::options() const { return model_->options; }

std::vector<Entity> Extractor::Extract(std::string_view text) const {
  std::vector<Entity> entities;
  Extract(text, model_->options.reference_date, &entities);
  return entities;
}

std::vector<Entity> Extractor::Extract(std::string_view text,
                                       const CivilDate& reference_date) const {
  std::vector<Entity> entities;
  Extract(text, reference_date, &entities);
  return entities;
}

void Extractor::Extract(std::string_view text, const std::optional<CivilDate>& reference_date,
                        std::vector<Entity>* entities) const {
  entities->clear();
  // Offsets are 32-bit inside the pipeline; longer texts go through in pieces cut at white
  // space, so the caller never sees a difference.
  constexpr size_t kMaxPiece = size_t{1} << 30;
  if (text.size() > kMaxPiece) {
    size_t base = 0;
    std::vector<Entity> part;
    while (base < text.size()) {
      size_t cut = std::min(text.size(), base + kMaxPiece);
      if (cut < text.size()) {
        size_t space = text.find_last_of(" \n\t", cut);
        if (space != std::string_view::npos && space > base) cut = space + 1;
      }
      Extract(text.substr(base, cut - base), reference_date, &part);
      for (Entity& e : part) {
        e.begin += base;
        e.end += base;
        entities->push_back(std::move(e));
      }
      base = cut;
    }
    return;
  }
  internal::Document& doc = internal::t_document;
  doc.Clear();
  doc.text = text;
  doc.reference_date = reference_date;
  model_->tokenizer.Tokenize(text, &doc.tokens);
  model_->analyzer.Analyze(&doc);
  for (const auto& matcher : model_->matchers) {
    matcher->Propose(doc, model_->options, &doc.candidates);
  }
  for (const auto& refiner : model_->refiners) {
    refiner->Refine(doc, model_->options, &doc.candidates);
  }
  internal::Resolve(doc, model_->type_enabled, &doc.candidates, entities);
  doc.text = {};
}

StatusOr<std::string> TrainTaggerModel(const std::vector<TrainingExample>& examples,
                                       const TrainingOptions& options, const Options& pipeline) {
  if (options.epochs < 1 || options.epochs > 100) {
    return Status(StatusCode::kInvalidArgument, "training epochs must be 1..100");
  }
  if (options.hash_bits < internal::kMinHashBits || options.hash_bits > internal::kMaxHashBits) {
    return Status(StatusCode::kInvalidArgument, "hash_bits must be 8..22");
  }
  // The features read the rules' candidates, so training runs the rules (not a tagger).
  Options rules_only = pipeline;
  rules_only.use_tagger = false;
  rules_only.types.clear();
  StatusOr<Extractor> extractor = Extractor::Create(rules_only);
  if (!extractor.ok()) return extractor.status();
  const internal::ExtractorModel& model = internal::ExtractorAccess::Model(*extractor);
  internal::TaggerTrainer trainer(model.ner_lexicon, options.hash_bits);
  internal::Document doc;
  for (size_t e = 0; e < examples.size(); ++e) {
    const TrainingExample& example = examples[e];
    if (example.text.size() >= (size_t{1} << 30)) {
      return Status(StatusCode::kInvalidArgument,
                    "training example " + std::to_string(e) + " is over 1 GiB");
    }
    for (const Entity& entity : example.entities) {
      if (entity.begin >= entity.end || entity.end > example.text.size()) {
        return Status(StatusCode::kInvalidArgument,
                      "training example " + std::to_string(e) + ": the entity span [" +
                          std::to_string(entity.begin) + ", " + std::to_string(entity.end) +
                          ") is empty or outside its text");
      }
    }
    doc.Clear();
    doc.text = example.text;
    model.tokenizer.Tokenize(doc.text, &doc.tokens);
    model.analyzer.Analyze(&doc);
    for (const auto& matcher : model.matchers) {
      matcher->Propose(doc, model.options, &doc.candidates);
    }
    trainer.Add(doc, example.entities);
  }
  return trainer.Train(options.epochs, options.seed).Serialize();
}

}  // namespace kashif
