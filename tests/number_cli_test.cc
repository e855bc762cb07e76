// `kashif number` as a terminal user and a script see it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

// Runs `kashif number ARGS` (a shell fragment) and returns its stdout; *status gets the exit code.
std::string RunNumber(const std::string& args, int* status) {
  const std::string command = std::string("'") + KASHIF_CLI_PATH + "' number " + args;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int raw = pclose(pipe);
  *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

TEST(NumberCliTest, ArgumentsAsExpressionsInJson) {
  int status = -1;
  std::string out = RunNumber("--format json 'ثلاثمائة وأربعة وعشرون' '2.5 مليار' 'كتاب'", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(out,
            "{\"text\":\"ثلاثمائة وأربعة وعشرون\",\"value\":\"324\"}\n"
            "{\"text\":\"2.5 مليار\",\"value\":\"2500000000\"}\n"
            "{\"text\":\"كتاب\",\"value\":null}\n");
}

TEST(NumberCliTest, StandardInputLinesAsText) {
  int status = -1;
  std::string out =
      RunNumber("< /dev/stdin <<'EOF'\nخمسة ملايين ونصف مليون\r\nالحادي عشر\n١٢٫٥\nEOF", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(out, "خمسة ملايين ونصف مليون\t5500000\nالحادي عشر\t11\n١٢٫٥\t12.5\n");
}

TEST(NumberCliTest, HelpAndBadFormat) {
  int status = -1;
  EXPECT_NE(RunNumber("--help", &status).find("kashif number"), std::string::npos);
  EXPECT_EQ(status, 0);
  RunNumber("--format xml 5 2>/dev/null", &status);
  EXPECT_EQ(status, 2);
}

}  // namespace
