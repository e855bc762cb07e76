// The kashif tool's subcommands. Each takes the arguments after its name and returns the
// process exit status (0 ok, 1 some input failed, 2 usage error). Each prints its own --help.
#ifndef KASHIF_TOOLS_CLI_COMMANDS_H_
#define KASHIF_TOOLS_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace kashif::cli {

using Args = std::vector<std::string>;

int RunExtract(const Args& args);
int RunTokenize(const Args& args);
int RunEval(const Args& args);
int RunNumber(const Args& args);
int RunStem(const Args& args);
int RunTrain(const Args& args);

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_COMMANDS_H_
