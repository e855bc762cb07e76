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
#include "match/percent/percent_matcher.h"
#include "match/ner/propagation.h"
#include "match/pattern/pattern_matcher.h"
#include "match/ner/tagger_matcher.h"
#include "match/ner/tagger_trainer.h"
#include "match/resolver.h"
#include "match/time/time_matcher.h"
#include "core/analyzer.h"
#include "core/civil_date.h"
#include "core/document.h"
#include "data/embedded_data.h"
#include "extract/gazetteer_file.h"
#include "extract/lexicons.h"
#include "extract/pattern_rules.h"
#include "extract/windows.h"
#include "text/utf8.h"

namespace kashif {
namespace internal {

class ExtractorModel {
 public:
  explicit ExtractorModel(std::shared_ptr<const Lexicons> owned)
      : lexicons(std::move(owned)), analyzer(lexicons->analyzer) {}

  // The lexicons and their vocabulary (extract/lexicons.h), which the matchers read: declared
  // first, so they outlive the matchers.
  std::shared_ptr<const Lexicons> lexicons;
  // The analyzer over the lexicons' vocabulary (theirs).
  const Analyzer& analyzer;
  Options options;
  Tokenizer tokenizer;
  bool type_enabled[kEntityTypeCount] = {};
  std::vector<std::unique_ptr<Matcher>> matchers;
  std::vector<std::unique_ptr<Refiner>> refiners;
  std::shared_ptr<const NerLexicon> ner_lexicon;  // the tagger's trainer reads it
};

namespace {

// Adds entries to the gazetteer. Entries read from a file carry their lines (`lines`), and an
// entry refused here is reported as "FILE:LINE: ..." like a parse error.
Status AddEntries(const std::vector<GazetteerEntry>& entries, int32_t priority,
                  Gazetteer* gazetteer, std::string_view source = {},
                  const std::vector<uint32_t>* lines = nullptr) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const GazetteerEntry& e = entries[i];
    auto error = [&](const std::string& reason) {
      std::string where;
      if (lines && i < lines->size()) {
        where = std::string(source) + ":" + std::to_string((*lines)[i]) + ": ";
      }
      return Status(StatusCode::kInvalidArgument, where + reason);
    };
    if (!IsValidUtf8(e.name) || !IsValidUtf8(e.canonical)) {
      return error("gazetteer entry: the name or canonical form is not valid UTF-8");
    }
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrganization &&
        e.type != EntityType::kPlace) {
      return error("gazetteer entry \"" + e.name + "\": type must be PER, ORG or LOC");
    }
    if (!gazetteer->Add(e.name, e.type, e.canonical, priority)) {
      return error("gazetteer entry \"" + e.name + "\" has no word to match");
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
    std::string content;
    status = ReadGazetteerFile(path, &content);
    if (!status.ok()) return status;
    std::vector<uint32_t> lines;
    auto entries = ParseGazetteerTsvLines(content, path, &lines);
    if (!entries.ok()) return entries.status();
    status = AddEntries(*entries, kUserGazetteerPriority, gazetteer.get(), path, &lines);
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
  const Lexicons& lexicons = *model->lexicons;
  const NumberParser& numbers = *lexicons.numbers;
  model->matchers.push_back(std::make_unique<DateMatcher>(*lexicons.dates, numbers));
  model->matchers.push_back(
      std::make_unique<MoneyMatcher>(model->analyzer, numbers, lexicons.currencies));
  model->matchers.push_back(std::make_unique<PercentMatcher>(model->analyzer, numbers));
  model->matchers.push_back(
      std::make_unique<TimeMatcher>(model->analyzer, numbers, *lexicons.dates, lexicons.times));
  const std::shared_ptr<const NerLexicon>& ner_lexicon = lexicons.ner;
  model->matchers.push_back(std::make_unique<PersonMatcher>(ner_lexicon));
  model->matchers.push_back(std::make_unique<OrgRules>(ner_lexicon));
  model->matchers.push_back(std::make_unique<PlaceRules>(ner_lexicon));
  // User patterns: those given in code, then those of each file, in order.
  std::vector<PatternRule> rules = options.patterns;
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string problem = PatternRuleProblem(rules[i]);
    if (!problem.empty()) {
      return Status(StatusCode::kInvalidArgument, "pattern " + std::to_string(i + 1) + " (" +
                                                      rules[i].label + "): " + problem);
    }
  }
  for (const std::string& path : options.pattern_files) {
    auto file_rules = LoadPatternFile(path);
    if (!file_rules.ok()) return file_rules.status();
    rules.insert(rules.end(), file_rules->begin(), file_rules->end());
  }
  if (!rules.empty()) {
    auto patterns = PatternMatcher::Create(rules);
    if (!patterns.ok()) return patterns.status();
    model->matchers.push_back(std::move(patterns).value());
  }
  model->ner_lexicon = ner_lexicon;
  // The tagger reads every matcher's candidates and the rules' names propagated through the
  // document; then its own names are propagated too (a second pass, run only when its input
  // differs from the first's: see PropagationAroundTagger).
  if (options.use_tagger) {
    auto tagger = LoadTaggerModel(options.model_file);
    if (!tagger.ok()) return tagger.status();
    model->refiners.push_back(std::make_unique<PropagationAroundTagger>(
        ner_lexicon, std::make_unique<TaggerMatcher>(*tagger, ner_lexicon)));
  } else {
    model->refiners.push_back(std::make_unique<Propagation>(ner_lexicon));
  }
  model->refiners.push_back(std::make_unique<MiscNameFilter>(ner_lexicon));
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

// The per-thread scratch of Extract(), the library's only state besides the immutable model
// (but for the tagger's own, with its word cache: see ReleaseTaggerScratch in
// match/ner/tagger_matcher.h, which ReleaseThreadScratch() calls too): the document whose arrays
// every call on this thread reuses (the stages' too: the NER rules' token view, the resolver's
// keys), so a thread allocates them once rather than per text, and one window's entities.
// Windows (extract/windows.h) bound what it grows to;
// beyond kKeepScratchBytes it is freed after the call; ReleaseThreadScratch() frees it at will.
struct ThreadScratch {
  Document document;
  std::vector<Entity> window_entities;
};
thread_local ThreadScratch t_scratch;

size_t ResolveScratchBytes(const Document::ResolveScratch& r) {
  return r.keys.capacity() * sizeof(r.keys[0]) + r.taken.capacity() +
         r.winners.capacity() * sizeof(uint32_t);
}

// A thread keeps at most this much scratch between calls.
constexpr size_t kKeepScratchBytes = size_t{32} << 20;

}  // namespace

size_t ThreadScratchBytes() {
  const ThreadScratch& s = t_scratch;
  const Document& d = s.document;
  return d.tokens.capacity() * sizeof(Token) + d.analyses.capacity() * sizeof(TokenAnalysis) +
         d.extra_readings.capacity() * sizeof(TokenReading) +
         (d.arena.capacity() - std::string().capacity()) /* beyond the inline buffer */ +
         d.candidates.capacity() * sizeof(Candidate) +
         s.window_entities.capacity() * sizeof(Entity) +
         (d.stage_cache ? d.stage_cache->Bytes() : 0) +
         (d.date_scratch ? d.date_scratch->Bytes() : 0) +
         (d.propagation_scratch ? d.propagation_scratch->Bytes() : 0) +
         ResolveScratchBytes(d.resolve_scratch);
}


// What TrainTaggerModel reads of an Extractor (a friend of it).
class ExtractorAccess {
 public:
  static const ExtractorModel& Model(const Extractor& extractor) { return *extractor.model_; }
};
}  // namespace internal

void ReleaseThreadScratch() {
  // Swapped out, not assigned: assigning an empty string keeps the arena's buffer.
  internal::ThreadScratch released;
  std::swap(internal::t_scratch, released);
  internal::ReleaseTaggerScratch();
}

Extractor::Extractor(std::shared_ptr<const internal::ExtractorModel> model)
    : model_(std::move(model)) {}

StatusOr<Extractor> Extractor::Create(const Options& options) {
  Status status = internal::ValidateOptions(options);
  if (!status.ok()) return status;
  const auto& lexicons = internal::BuiltinLexicons();
  if (!lexicons.ok()) return lexicons.status();
  auto model = std::make_shared<internal::ExtractorModel>(*lexicons);
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
  internal::ThreadScratch& scratch = internal::t_scratch;
  internal::Document& doc = scratch.document;
  doc.reference_date = reference_date;
  internal::ExtractInWindows(
      text, model_->tokenizer, &doc,
      [this](internal::Document* window, std::vector<Entity>* out) {
        model_->analyzer.Analyze(window);
        for (const auto& matcher : model_->matchers) {
          matcher->Propose(*window, model_->options, &window->candidates);
        }
        const internal::LineBreaks line_breaks(*window);
        line_breaks.Drop(&window->candidates);
        for (const auto& refiner : model_->refiners) {
          refiner->Refine(*window, model_->options, &window->candidates);
        }
        line_breaks.Drop(&window->candidates);
        internal::Resolve(*window, model_->type_enabled, &window->candidates, out);
      },
      &scratch.window_entities, entities);
  doc.text = {};
  if (internal::ThreadScratchBytes() > internal::kKeepScratchBytes) ReleaseThreadScratch();
}

StatusOr<std::string> TrainTaggerModel(const std::vector<TrainingExample>& examples,
                                       const TrainingOptions& options, const Options& pipeline) {
  if (options.epochs < 1 || options.epochs > 100) {
    return Status(StatusCode::kInvalidArgument, "training epochs must be 1..100");
  }
  if (options.hash_bits < internal::kMinHashBits || options.hash_bits > internal::kMaxHashBits) {
    return Status(StatusCode::kInvalidArgument, "hash_bits must be 8..22");
  }
  if (options.name_dropout < 0 || options.name_dropout > 100) {
    return Status(StatusCode::kInvalidArgument, "name_dropout must be 0..100");
  }
  if (options.objective != TrainingObjective::kPerceptron &&
      options.objective != TrainingObjective::kCrf) {
    return Status(StatusCode::kInvalidArgument, "unknown training objective");
  }
  if (!(options.l2 >= 0 && options.l2 <= 1e6)) {
    return Status(StatusCode::kInvalidArgument, "l2 must be a number from 0 to 1e6");
  }
  // The features read the rules' candidates, so training runs the rules (not a tagger).
  Options rules_only = pipeline;
  rules_only.use_tagger = false;
  rules_only.types.clear();
  StatusOr<Extractor> extractor = Extractor::Create(rules_only);
  if (!extractor.ok()) return extractor.status();
  const internal::ExtractorModel& model = internal::ExtractorAccess::Model(*extractor);
  internal::NameDropout dropout;
  dropout.percent = options.name_dropout;
  dropout.seed = options.seed;
  internal::TaggerTrainer trainer(model.ner_lexicon, options.hash_bits, dropout);
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
  internal::SequenceTrainingOptions sequence;
  sequence.epochs = options.epochs;
  sequence.seed = options.seed;
  sequence.objective = options.objective;
  sequence.l2 = options.l2;
  return trainer.Train(sequence).Serialize();
}

}  // namespace kashif
