// `kashif train`: a tagger model from CoNLL-style gold.
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "conll_eval.h"
#include "kashif/kashif.h"
#include "kashif/train.h"

namespace kashif::cli {
namespace {

constexpr char kUsage[] =
    "usage: kashif train --output MODEL [--objective perceptron|crf] [--l2 X] [--epochs N]\n"
    "                    [--seed N] [--hash-bits N] [--name-dropout P] [--doc-sentences N]\n"
    "                    [--gazetteer FILE] FILE...\n"
    "\n"
    "Trains the NER tagger from CoNLL-style gold (TOKEN TAG [TAG ...] a line, IOB tags, a blank\n"
    "line between sentences; the formats `kashif eval` reads: ANERcorp, AQMAR, Wojood) and writes\n"
    "the model file. Load it with `kashif --model MODEL` (Options::model_file in the library).\n"
    "Tags map as in `kashif eval` (PER/PERS, ORG, LOC/GPE); of nested tags the outermost is\n"
    "learnt. The same files and options always give the same bytes (for the CRF, with the same\n"
    "build of kashif: it computes in floating point).\n"
    "\n"
    "  --output MODEL      the model file to write (required)\n"
    "  --objective O       how the weights are learnt: perceptron (an averaged structured\n"
    "                      perceptron) or crf (a linear-chain CRF, log-likelihood with L2);\n"
    "                      the same model, file and tagging speed either way (default crf)\n"
    "  --l2 X              crf only: the L2 penalty, a number from 0 to 1000000 (default 30)\n"
    "  --epochs N          passes over the data (default 8)\n"
    "  --seed N            the shuffle's seed (default 1)\n"
    "  --hash-bits N       the feature table has 2^N rows, 8..22 (default 16)\n"
    "  --name-dropout P    learn P percent of the person names' words (0..100, chosen by the\n"
    "                      seed) as if no list knew them: from affixes, shape, context only\n"
    "                      (default 0)\n"
    "  --doc-sentences N   documents of N sentences, as `kashif eval` scores them (default 30;\n"
    "                      0: a file is one document)\n"
    "  --gazetteer FILE    extra gazetteer entries the rules (and so the features) use\n";

bool ParseNumber(const ArgParser& parser, const std::string& name, long low, long high,
                 long* value) {
  auto text = parser.Get(name);
  if (!text) return true;
  char* end = nullptr;
  const long parsed = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || parsed < low || parsed > high) {
    WriteErr("kashif train: " + name + " wants a number from " + std::to_string(low) + " to " +
             std::to_string(high) + "\n");
    return false;
  }
  *value = parsed;
  return true;
}

// --objective and --l2.
bool ParseObjective(const ArgParser& parser, TrainingOptions* training) {
  if (auto objective = parser.Get("--objective")) {
    if (*objective == "perceptron") {
      training->objective = TrainingObjective::kPerceptron;
    } else if (*objective == "crf") {
      training->objective = TrainingObjective::kCrf;
    } else {
      WriteErr("kashif train: --objective wants perceptron or crf, not '" + *objective + "'\n");
      return false;
    }
  }
  if (auto l2 = parser.Get("--l2")) {
    char* end = nullptr;
    const double parsed = std::strtod(l2->c_str(), &end);
    if (l2->empty() || *end != '\0' || !(parsed >= 0 && parsed <= 1e6)) {
      WriteErr("kashif train: --l2 wants a number from 0 to 1000000\n");
      return false;
    }
    training->l2 = parsed;
  }
  return true;
}

// The gold of one rebuilt document as entities with byte spans into its text.
TrainingExample ToExample(const eval::ConllCorpus& corpus, const eval::EvalDocument& document) {
  TrainingExample example;
  example.text = document.text;
  const uint32_t first = document.first_token;
  const uint32_t end = first + static_cast<uint32_t>(document.token_bytes.size());
  for (const eval::TokenSpan& span : corpus.gold) {
    if (span.first_token < first || span.end_token > end || span.first_token >= span.end_token) {
      continue;
    }
    if (span.type != EntityType::kPerson && span.type != EntityType::kOrganization &&
        span.type != EntityType::kPlace) {
      continue;
    }
    Entity e;
    e.type = span.type;
    e.begin = document.token_bytes[span.first_token - first].first;
    e.end = document.token_bytes[span.end_token - 1 - first].second;
    example.entities.push_back(e);
  }
  return example;
}

}  // namespace

int RunTrain(const Args& args) {
  ArgParser parser({"--output", "--objective", "--l2", "--epochs", "--seed", "--hash-bits",
                    "--name-dropout", "--doc-sentences", "--gazetteer"},
                   {"--help", "-h"});
  if (auto status = StartCommand("train", kUsage, args, &parser)) return *status;
  auto output = parser.Get("--output");
  if (!output || output->empty()) {
    WriteErr(std::string("kashif train: --output MODEL is required\n") + kUsage);
    return 2;
  }
  if (parser.positional().empty()) {
    WriteErr(std::string("kashif train: no gold file given\n") + kUsage);
    return 2;
  }
  TrainingOptions training;
  long epochs = training.epochs, seed = static_cast<long>(training.seed);
  long bits = training.hash_bits, doc_sentences = 30, dropout = training.name_dropout;
  if (!ParseNumber(parser, "--epochs", 1, 100, &epochs) ||
      !ParseNumber(parser, "--seed", 0, 2147483647L, &seed) ||
      !ParseNumber(parser, "--hash-bits", 8, 22, &bits) ||
      !ParseNumber(parser, "--name-dropout", 0, 100, &dropout) ||
      !ParseNumber(parser, "--doc-sentences", 0, 1000000, &doc_sentences)) {
    return 2;
  }
  training.epochs = static_cast<int>(epochs);
  training.seed = static_cast<uint64_t>(seed);
  training.hash_bits = static_cast<int>(bits);
  training.name_dropout = static_cast<int>(dropout);
  if (!ParseObjective(parser, &training)) return 2;
  Options pipeline;
  if (auto file = parser.Get("--gazetteer")) pipeline.gazetteer_files.push_back(*file);

  std::vector<TrainingExample> examples;
  for (const std::string& path : parser.positional()) {
    StatusOr<eval::ConllCorpus> corpus = eval::LoadConllFile(path);
    if (!corpus.ok()) {
      WriteErr("kashif train: " + corpus.status().message() + "\n");
      return 1;
    }
    for (const eval::EvalDocument& document :
         eval::BuildDocuments(*corpus, static_cast<int>(doc_sentences))) {
      examples.push_back(ToExample(*corpus, document));
    }
  }
  StatusOr<std::string> model = TrainTaggerModel(examples, training, pipeline);
  if (!model.ok()) {
    WriteErr("kashif train: " + model.status().message() + "\n");
    return 1;
  }
  std::ofstream out(*output, std::ios::binary | std::ios::trunc);
  out.write(model->data(), static_cast<std::streamsize>(model->size()));
  out.close();
  if (!out) {
    WriteErr("kashif train: cannot write " + *output + "\n");
    return 1;
  }
  WriteErr("kashif train: " + std::to_string(examples.size()) + " documents, model of " +
           std::to_string(model->size()) + " bytes written to " + *output + "\n");
  return 0;
}

}  // namespace kashif::cli
