// The kashif command-line tool: dispatches to the subcommands in commands.h.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "kashif/kashif.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const kashif::cli::Args&);
  const char* summary;
};

// Every subcommand, in the order --help lists them.
constexpr Command kCommands[] = {
    {"extract", kashif::cli::RunExtract, "find entities in text or JSONL (the default command)"},
    {"tokenize", kashif::cli::RunTokenize, "print each token with its kind and byte span"},
    {"eval", kashif::cli::RunEval, "precision / recall / F1 against CoNLL-style gold"},
    {"number", kashif::cli::RunNumber, "the exact value of Arabic number expressions"},
    {"stem", kashif::cli::RunStem, "clitic segmentation and light stem of each word"},
    {"train", kashif::cli::RunTrain, "train the NER tagger's model from CoNLL-style gold"},
};

void PrintUsage() {
  std::string usage =
      "Usage: kashif [COMMAND] [OPTIONS] [FILE ...]\n"
      "\n"
      "kashif finds people, organizations, places, money amounts and dates in Arabic text.\n"
      "\n"
      "Commands:\n";
  for (const Command& c : kCommands) {
    usage += "  " + std::string(c.name);
    usage.append(std::max<size_t>(2, 12 - std::strlen(c.name)), ' ');
    usage += std::string(c.summary) + "\n";
  }
  usage +=
      "\n"
      "Without a command, kashif runs extract. 'kashif COMMAND --help' describes a command.\n"
      "  -h, --help     this help\n"
      "  -V, --version  print the version\n";
  kashif::cli::WriteOut(usage);
}

// The command named by args[0] (extract when none is), run on the rest.
int Run(const std::vector<std::string>& args) {
  if (!args.empty()) {
    if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
      PrintUsage();
      return 0;
    }
    if (args[0] == "-V" || args[0] == "--version") {
      kashif::cli::WriteOut(std::string("kashif ") + kashif::Version() + "\n");
      return 0;
    }
    for (const Command& c : kCommands) {
      if (args[0] == c.name) {
        return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
      }
    }
  }
  return kashif::cli::RunExtract(args);
}

}  // namespace

int main(int argc, char** argv) {
  // Every command's output is flushed and checked here: a write error is never silent.
  return kashif::cli::FinishOutput(Run(std::vector<std::string>(argv + 1, argv + argc)));
}
