// The kashif tool as scripts use it: exit codes, JSONL in and out, error lines, order.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

struct Result {
  int status = -1;
  std::string out;
};

// Runs `kashif ARGS` with stdout captured (stderr into *err when given).
Result Kashif(const std::string& args, std::string* err = nullptr) {
  // ctest runs each case as its own process, in parallel: every case needs its own files.
  const std::string err_path = ::testing::TempDir() + "kashif_cli_stderr_" +
                               std::to_string(getpid()) + ".txt";
  const std::string command =
      std::string("'") + KASHIF_CLI_PATH + "' " + args + " 2>'" + err_path + "'";
  Result r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  if (err) {
    std::ifstream in(err_path);
    err->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return r;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(CliTest, VersionAndHelp) {
  Result v = Kashif("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out, std::string("kashif ") + KASHIF_VERSION + "\n");
  Result h = Kashif("--help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("Usage: kashif"), std::string::npos);
  Result eh = Kashif("extract --help");
  EXPECT_EQ(eh.status, 0);
  EXPECT_NE(eh.out.find("--input-format"), std::string::npos);
  Result th = Kashif("tokenize --help");
  EXPECT_EQ(th.status, 0);
  EXPECT_NE(th.out.find("kashif tokenize"), std::string::npos);
}

TEST(CliTest, UnknownOptionIsAUsageError) {
  std::string err;
  Result r = Kashif("--frobnicate", &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(err, "kashif: unknown option: --frobnicate\nTry 'kashif --help'.\n");
  r = Kashif("--format yaml", &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(err, "kashif: unknown --format: yaml\nTry 'kashif --help'.\n");
  r = Kashif("--reference-date 2025-02-30", &err);
  EXPECT_EQ(r.status, 2);
  r = Kashif("--types PER,CITY", &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(err.find("CITY"), std::string::npos);
}

TEST(CliTest, UnreadableFileFailsButOtherFilesAreProcessed) {
  const std::string good = WriteTemp("kashif_cli_good.txt", "زار موسكو");
  std::string err;
  Result r = Kashif("--types LOC /nonexistent/file.txt '" + good + "'", &err);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(err, "kashif: /nonexistent/file.txt: No such file or directory\n");
  EXPECT_EQ(r.out, "7\t17\tLOC\tموسكو\tموسكو\n");
}

TEST(CliTest, TextFileToJsonl) {
  const std::string path = WriteTemp("kashif_cli_doc.txt", "وصل إلى واشنطن ثم لروسيا");
  Result r = Kashif("--types LOC --format jsonl '" + path + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "{\"file\":\"" + path +
                       "\",\"entities\":["
                       "{\"type\":\"LOC\",\"start\":14,\"end\":26,\"text\":\"واشنطن\","
                       "\"canonical\":\"واشنطن\"},"
                       "{\"type\":\"LOC\",\"start\":34,\"end\":44,\"text\":\"روسيا\","
                       "\"canonical\":\"روسيا\"}]}\n");
}

TEST(CliTest, JsonlInOneLinePerLineInOrderWithErrorObjects) {
  const std::string input =
      "{\"id\": 1, \"text\": \"في موسكو\"}\n"
      "{\"id\": \"b\", \"text\": 5}\n"
      "not json\n"
      "{\"id\": [3], \"text\": \"لا شيء\", \"reference_date\": \"2025-04-03\"}\n"
      "{\"id\": 4, \"text\": \"x\", \"reference_date\": \"yesterday\"}\n";
  const std::string path = WriteTemp("kashif_cli_in.jsonl", input);
  std::string err;
  Result r = Kashif("--types LOC --input-format jsonl --format jsonl '" + path + "'", &err);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "{\"id\":1,\"entities\":[{\"type\":\"LOC\",\"start\":5,\"end\":15,"
            "\"text\":\"موسكو\",\"canonical\":\"موسكو\"}]}\n"
            "{\"id\":\"b\",\"error\":\"" + path + ":2: missing \\\"text\\\" string\"}\n"
            "{\"id\":null,\"error\":\"" + path +
                ":3: invalid JSON: invalid literal at byte 0\"}\n"
            "{\"id\":[3],\"entities\":[]}\n"
            "{\"id\":4,\"error\":\"" + path +
                ":5: \\\"reference_date\\\" must be a day written YYYY-MM-DD\"}\n");
  EXPECT_NE(err.find(":2: missing"), std::string::npos);
}

TEST(CliTest, JsonStringsKeepEscapesAndSayWhereUtf8IsInvalid) {
  // The id comes back re-encoded: escapes decoded and written again, other characters as they
  // are. An invalid byte inside a string is an error at its own offset on that line.
  const std::string input =
      "{\"id\": \"a\\\"b\\\\c\\u0001\\u00e9é\\ud83d\\ude00\\/\\t\x7f\", \"text\": \"في موسكو\"}\n"
      "{\"id\": 2, \"text\": \"abc \xd9\"}\n"
      "{\"id\": 3, \"text\": \"\xed\xa0\x80\"}\n";
  const std::string path = WriteTemp("kashif_cli_strings.jsonl", input);
  Result r = Kashif("--types LOC --input-format jsonl --format jsonl '" + path + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "{\"id\":\"a\\\"b\\\\c\\u0001éé😀/\\t\\u007f\",\"entities\":[{\"type\":\"LOC\","
            "\"start\":5,\"end\":15,\"text\":\"موسكو\",\"canonical\":\"موسكو\"}]}\n"
            "{\"id\":null,\"error\":\"" + path +
                ":2: invalid JSON: invalid UTF-8 in string at byte 23\"}\n"
            "{\"id\":null,\"error\":\"" + path +
                ":3: invalid JSON: invalid UTF-8 in string at byte 19\"}\n");
}

TEST(CliTest, JsonlSkipsOtherFieldsAndReadsOnlyTheFirstOfRepeatedKeys) {
  // Fields other than id / text / reference_date are skipped whatever they hold; a repeated key
  // counts once (the first); a BOM before the first line is not part of it.
  const std::string input =
      "\xEF\xBB\xBF{\"meta\": {\"a\": [1, [2, {\"b\": null}], \"\\u0041\"]}, \"id\": \"x\","
      " \"text\": \"في موسكو\", \"text\": \"لا شيء\", \"tail\": [true, false]}\n"
      "{\"id\": 2, \"big\": [" + Repeat("[0, {\"z\": \"\\\"\"}],", 20000) +
      "0], \"text\": \"لا شيء\"}\n";
  const std::string path = WriteTemp("kashif_cli_skip.jsonl", input);
  Result r = Kashif("--types LOC --input-format jsonl --format jsonl '" + path + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "{\"id\":\"x\",\"entities\":[{\"type\":\"LOC\",\"start\":5,\"end\":15,"
            "\"text\":\"موسكو\",\"canonical\":\"موسكو\"}]}\n"
            "{\"id\":2,\"entities\":[]}\n");
}

TEST(CliTest, JsonlIdsComeBackAsValidJson) {
  // An id that is not valid JSON (a number with a leading zero, a bad literal) fails its line;
  // valid ids of every kind come back compact, strings re-encoded.
  const std::string input =
      "{\"id\":007,\"text\":\"x\"}\n"
      "{\"id\":tru,\"text\":\"x\"}\n"
      "{\"id\": {\"k\" : [ -1.5e3 , null, \"\\u00e9\" ] }, \"text\": \"x\"}\n"
      "{\"id\":-0,\"text\":\"x\"}\n"
      "{\"text\":\"x\"}\n";
  const std::string path = WriteTemp("kashif_cli_ids.jsonl", input);
  Result r = Kashif("--input-format jsonl --format jsonl '" + path + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "{\"id\":null,\"error\":\"" + path + ":1: invalid JSON: invalid number at byte 6\"}\n"
            "{\"id\":null,\"error\":\"" + path + ":2: invalid JSON: invalid literal at byte 6\"}\n"
            "{\"id\":{\"k\":[-1.5e3,null,\"é\"]},\"entities\":[]}\n"
            "{\"id\":-0,\"entities\":[]}\n"
            "{\"id\":null,\"entities\":[]}\n");
}

TEST(CliTest, JsonlLineLongerThanTheLimitGetsAnErrorAndNothingElseIsLost) {
  std::string input = "{\"id\":1,\"text\":\"في موسكو\"}\n{\"id\":2,\"text\":\"";
  input.append(5000, 'a');
  input += "\"}\n{\"id\":3,\"text\":\"في موسكو\"}";  // the last line has no line end
  const std::string path = WriteTemp("kashif_cli_long.jsonl", input);
  std::string err;
  Result r = Kashif("--max-line-bytes 1000 --types LOC --input-format jsonl --format jsonl '" +
                        path + "'",
                    &err);
  EXPECT_EQ(r.status, 1);
  const std::string moscow =
      "\"entities\":[{\"type\":\"LOC\",\"start\":5,\"end\":15,\"text\":\"موسكو\","
      "\"canonical\":\"موسكو\"}]}\n";
  EXPECT_EQ(r.out, "{\"id\":1," + moscow + "{\"id\":null,\"error\":\"" + path +
                       ":2: line of 5018 bytes is longer than --max-line-bytes (1000)\"}\n"
                       "{\"id\":3," + moscow);
  EXPECT_NE(err.find(":2: line of 5018 bytes"), std::string::npos);
  Result bad = Kashif("--max-line-bytes 0 '" + path + "'");
  EXPECT_EQ(bad.status, 2);
}

TEST(CliTest, TextFileBomIsDroppedAndOffsetsStayFileOffsets) {
  const std::string path = WriteTemp("kashif_cli_bom.txt", "\xEF\xBB\xBFمن القاهرة");
  Result r = Kashif("--types LOC '" + path + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "8\t22\tLOC\tالقاهرة\tالقاهرة\n");
}

TEST(CliTest, WriteErrorsEndTheRunWithAMessage) {
  const std::string path = WriteTemp("kashif_cli_full.txt", "من القاهرة\n");
  std::string err;
  Result full = Kashif("--types LOC '" + path + "' >/dev/full", &err);
  EXPECT_EQ(full.status, 1);
  EXPECT_EQ(err, "kashif: write error: No space left on device\n");
  // A closed pipe with SIGPIPE ignored (as some parents leave it): the run stops, and says so.
  std::string big;
  while (big.size() < (8u << 20)) big += "وصل الوفد إلى القاهرة ثم إلى موسكو\n";
  const std::string big_path = WriteTemp("kashif_cli_pipe.txt", big);
  const std::string status_path = WriteTemp("kashif_cli_pipe.status", "");
  const std::string err_path = WriteTemp("kashif_cli_pipe.err", "");
  const std::string command = "sh -c \"trap '' PIPE; '" + std::string(KASHIF_CLI_PATH) +
                              "' --types LOC '" + big_path + "' 2>'" + err_path +
                              "'; echo \\$? >'" + status_path + "'\" | head -c 1 >/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream status_in(status_path), err_in(err_path);
  std::string status, message;
  std::getline(status_in, status);
  std::getline(err_in, message);
  EXPECT_EQ(status, "1");
  EXPECT_EQ(message, "kashif: write error: Broken pipe");
}

TEST(CliTest, GazetteerErrorsNameTheFileAndLine) {
  std::string err;
  Result dir = Kashif("--gazetteer '" + ::testing::TempDir() + "' /dev/null", &err);
  EXPECT_EQ(dir.status, 2);
  EXPECT_NE(err.find(": is a directory, not a file"), std::string::npos) << err;
  Result missing = Kashif("--gazetteer /nonexistent/gaz.tsv /dev/null", &err);
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(err, "kashif: /nonexistent/gaz.tsv: cannot open file\n");
  // A line that parses but has no word to match is reported at its line too.
  const std::string bad = WriteTemp("kashif_cli_gaz_bad.tsv", "زيد عمرو\tPER\n# note\nـــ\tLOC\n");
  Result unmatched = Kashif("--gazetteer '" + bad + "' /dev/null", &err);
  EXPECT_EQ(unmatched.status, 2);
  EXPECT_EQ(err, "kashif: " + bad + ":3: gazetteer entry \"ـــ\" has no word to match\n");
}

TEST(CliTest, RepeatedGazetteerAndTypesOptionsAddUp) {
  const std::string a = WriteTemp("kashif_cli_gaz_a.tsv", "زيد عمرو\tPER\n");
  const std::string b = WriteTemp("kashif_cli_gaz_b.tsv", "شركة الأفق\tORG\n");
  const std::string text = WriteTemp("kashif_cli_gaz.txt", "زيد عمرو في شركة الأفق بالقاهرة");
  Result r = Kashif("--no-builtin-gazetteers --gazetteer '" + a + "' --gazetteer '" + b +
                    "' --types PER --types ORG '" + text + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "0\t15\tPER\tزيد عمرو\tزيد عمرو\n"
            "21\t40\tORG\tشركة الأفق\tشركة الأفق\n");
}

TEST(CliTest, ManyThreadsKeepInputOrder) {
  std::string input;
  std::string expected;
  for (int i = 0; i < 3000; ++i) {
    input += "{\"id\":" + std::to_string(i) + ",\"text\":\"" +
             (i % 2 ? "زيارة لموسكو" : "لا مكان هنا") + "\"}\n";
    expected += "{\"id\":" + std::to_string(i) + ",\"entities\":[" +
                (i % 2 ? "{\"type\":\"LOC\",\"start\":13,\"end\":23,\"text\":\"موسكو\","
                         "\"canonical\":\"موسكو\"}"
                       : "") +
                "]}\n";
  }
  const std::string path = WriteTemp("kashif_cli_many.jsonl", input);
  Result r = Kashif("-j 4 --types LOC --input-format jsonl --format jsonl '" + path + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, expected);
  Result glued = Kashif("-j3 --types LOC --input-format jsonl --format jsonl '" + path + "'");
  EXPECT_EQ(glued.status, 0);
  EXPECT_EQ(glued.out, expected);
  Result json = Kashif("-j 2 --types LOC --input-format jsonl --format json '" + path + "'");
  EXPECT_EQ(json.status, 0);
  EXPECT_EQ(json.out.front(), '[');
  EXPECT_EQ(json.out.substr(json.out.size() - 2), "]\n");
}

TEST(CliTest, ReadsStandardInput) {
  const std::string path = WriteTemp("kashif_cli_stdin.txt", "من القاهرة");
  Result r = Kashif("--types LOC < '" + path + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "5\t19\tLOC\tالقاهرة\tالقاهرة\n");
}

TEST(CliTest, LargeTextIsStreamedInChunksWithDocumentOffsets) {
  // Over 2 MiB, so the file is cut into several chunks; offsets stay file offsets.
  std::string text;
  const std::string line = "خبر عادي بلا أماكن في هذا السطر على الإطلاق\n";
  while (text.size() < (5u << 19)) text += line;
  const size_t at = text.size();
  text += "وصل إلى موسكو\n";
  const std::string path = WriteTemp("kashif_cli_big.txt", text);
  Result r = Kashif("-j 2 --types LOC '" + path + "'");
  EXPECT_EQ(r.status, 0);
  const size_t begin = at + std::string("وصل إلى ").size();
  EXPECT_EQ(r.out, std::to_string(begin) + "\t" + std::to_string(begin + 10) +
                       "\tLOC\tموسكو\tموسكو\n");
}

TEST(CliTest, TokenizeShowsKindsAndSpans) {
  const std::string path = WriteTemp("kashif_cli_tok.txt", "في 2022م، $5");
  Result r = Kashif("tokenize '" + path + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "0\t4\tarabic\t\"في\"\n"
            "5\t9\tnumber\t\"2022\"\n"
            "9\t11\tarabic\t\"م\"\n"
            "11\t13\tpunct\t\"،\"\n"
            "14\t15\tsymbol\t\"$\"\n"
            "15\t16\tnumber\t\"5\"\n");
  Result bad = Kashif("tokenize --bogus");
  EXPECT_EQ(bad.status, 2);
}

}  // namespace

// `kashif train` on a CoNLL fixture of our own, twice (the same bytes), then the model used by
// `kashif --model`; a broken model file is an error at start, with the file named.
TEST(CliTest, TrainAndUseAModel) {
  std::string conll;
  const char* sentences[] = {
      "قال O|الوزير O|كالميرو B-PER|إن O|الاتفاق O|جاهز O",
      "وصرح O|كالميرو B-PER|بأن O|المفاوضات O|مستمرة O",
      "أعلنت O|شركة O|فالتيكا B-ORG|عن O|أرباح O|كبيرة O",
      "وقالت O|فالتيكا B-ORG|إنها O|ستفتح O|مصنعا O",
      "واجتمع O|كالميرو B-PER|مع O|رئيس O|الحكومة O",
      "ووقعت O|فالتيكا B-ORG|عقدا O|مع O|الحكومة O",
  };
  for (const char* sentence : sentences) {
    std::string s = sentence;
    for (char& c : s) c = c == '|' ? '\n' : c;
    conll += s + "\n\n";
  }
  const std::string gold = WriteTemp("kashif_cli_train.conll", conll);
  const std::string model_a = ::testing::TempDir() + std::to_string(getpid()) + "_model_a.bin";
  const std::string model_b = ::testing::TempDir() + std::to_string(getpid()) + "_model_b.bin";
  std::string err;
  Result r = Kashif("train --hash-bits 12 --output '" + model_a + "' '" + gold + "'", &err);
  ASSERT_EQ(r.status, 0) << err;
  EXPECT_NE(err.find("written to " + model_a), std::string::npos) << err;
  ASSERT_EQ(Kashif("train --hash-bits 12 --output '" + model_b + "' '" + gold + "'").status, 0);
  std::ifstream a(model_a, std::ios::binary), b(model_b, std::ios::binary);
  const std::string bytes_a((std::istreambuf_iterator<char>(a)), std::istreambuf_iterator<char>());
  const std::string bytes_b((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>());
  EXPECT_FALSE(bytes_a.empty());
  EXPECT_EQ(bytes_a, bytes_b);

  const std::string text = WriteTemp("kashif_cli_tagged.txt", "وقال كالميرو إن الاتفاق جاهز");
  r = Kashif("--types PER,ORG,LOC --model '" + model_a + "' '" + text + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "9\t23\tPER\tكالميرو\tكالميرو\n");
  r = Kashif("--types PER,ORG,LOC --rules-only '" + text + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");

  const std::string broken = WriteTemp("kashif_cli_broken.bin", bytes_a.substr(0, 30));
  r = Kashif("--model '" + broken + "' '" + text + "'", &err);
  EXPECT_EQ(r.status, 2);  // as for any option Create() refuses (a bad --gazetteer file too)
  EXPECT_NE(err.find(broken + ": not a usable kashif tagger model: "), std::string::npos) << err;
  r = Kashif("train '" + gold + "'", &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(err.find("--output MODEL is required"), std::string::npos);

  // Name dropout: its own model, the same bytes twice; a percent outside 0..100 is refused.
  const std::string model_c = ::testing::TempDir() + std::to_string(getpid()) + "_model_c.bin";
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string dropout = "train --hash-bits 12 --name-dropout 50 --output '";
  ASSERT_EQ(Kashif(dropout + model_b + "' '" + gold + "'").status, 0);
  ASSERT_EQ(Kashif(dropout + model_c + "' '" + gold + "'").status, 0);
  EXPECT_EQ(read(model_b), read(model_c));
  EXPECT_NE(read(model_b), bytes_a);
  r = Kashif("train --name-dropout 101 --output '" + model_c + "' '" + gold + "'", &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(err.find("--name-dropout wants a number from 0 to 100"), std::string::npos) << err;

  // The objectives: the default is the CRF with l2 30; the perceptron makes its own model, the
  // same bytes twice, and tags the fixture's name the same; a bad objective or l2 is refused.
  ASSERT_EQ(Kashif("train --hash-bits 12 --objective crf --l2 30 --output '" + model_b + "' '" +
                   gold + "'", &err)
                .status,
            0)
      << err;
  EXPECT_EQ(read(model_b), bytes_a);
  const std::string perceptron = "train --hash-bits 12 --objective perceptron --output '";
  ASSERT_EQ(Kashif(perceptron + model_b + "' '" + gold + "'").status, 0);
  ASSERT_EQ(Kashif(perceptron + model_c + "' '" + gold + "'").status, 0);
  EXPECT_EQ(read(model_b), read(model_c));
  EXPECT_NE(read(model_b), bytes_a);
  r = Kashif("--types PER,ORG,LOC --model '" + model_b + "' '" + text + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "9\t23\tPER\tكالميرو\tكالميرو\n");
  ASSERT_EQ(Kashif("train --hash-bits 12 --l2 1 --output '" + model_c + "' '" + gold + "'").status,
            0);
  EXPECT_NE(read(model_c), bytes_a);
  r = Kashif("train --objective svm --output '" + model_c + "' '" + gold + "'", &err);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(err.find("--objective wants perceptron or crf, not 'svm'"), std::string::npos) << err;
  for (const char* l2 : {"-1", "1e7", "nan", "3x", ""}) {
    r = Kashif("train --objective crf --l2 '" + std::string(l2) + "' --output '" + model_c + "' '" +
                   gold + "'",
               &err);
    EXPECT_EQ(r.status, 2) << l2;
    EXPECT_NE(err.find("--l2 wants a number from 0 to 1000000"), std::string::npos) << err;
  }
}
