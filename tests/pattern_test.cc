// User patterns (RE2): the TSV format and its errors, matches in Arabic text with exact spans,
// overlap resolution against the built-in matchers, the C API, and `kashif --patterns`.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/kashif_c.h"

namespace kashif {
namespace {

// E-mail addresses, and phone numbers in Western or Arabic-Indic digits (priority 50: below
// the built-in dates, so "2025-04-03" stays a date).
constexpr char kContacts[] =
    "# contacts\n"
    "EMAIL\t[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\n"
    "\n"
    "PHONE\t\\+?[0-9٠-٩](?:[ -]?[0-9٠-٩]){7,14}\t50\r\n";

const char kText[] =
    "للاستفسار راسلوا info@example.com أو وsales.team@mail.example.org واتصلوا على "
    "٠١٠٠١٢٣٤٥٦٧ أو +20 100 765 4321 في القاهرة يوم 2025-04-03.";

struct Span {
  std::string label;
  size_t begin, end;
  bool operator==(const Span& o) const {
    return label == o.label && begin == o.begin && end == o.end;
  }
};
std::ostream& operator<<(std::ostream& os, const Span& s) {
  return os << s.label << "[" << s.begin << "," << s.end << ")";
}

Span At(const std::string& label, std::string_view text, std::string_view what) {
  const size_t begin = text.find(what);
  EXPECT_NE(begin, std::string_view::npos) << what;
  return Span{label, begin, begin + what.size()};
}

std::vector<Span> Spans(const std::vector<Entity>& entities) {
  std::vector<Span> out;
  for (const Entity& e : entities) out.push_back({EntityTypeLabel(e), e.begin, e.end});
  return out;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(PatternTest, ParsesTheTsvFormat) {
  auto rules = ParsePatternTsv(kContacts, "contacts.tsv");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_EQ(rules->size(), 2u);
  EXPECT_EQ((*rules)[0].label, "EMAIL");
  EXPECT_EQ((*rules)[0].priority, 90);
  EXPECT_EQ((*rules)[1].label, "PHONE");
  EXPECT_EQ((*rules)[1].pattern, "\\+?[0-9٠-٩](?:[ -]?[0-9٠-٩]){7,14}");
  EXPECT_EQ((*rules)[1].priority, 50);
}

TEST(PatternTest, FindsEmailsAndPhonesWithWesternAndArabicIndicDigits) {
  Options options;
  options.patterns = *ParsePatternTsv(kContacts, "contacts.tsv");
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const std::string_view text = kText;
  const std::vector<Entity> entities = extractor->Extract(text);
  EXPECT_EQ(Spans(entities), (std::vector<Span>{
                                 At("EMAIL", text, "info@example.com"),
                                 At("EMAIL", text, "sales.team@mail.example.org"),
                                 At("PHONE", text, "٠١٠٠١٢٣٤٥٦٧"),
                                 At("PHONE", text, "+20 100 765 4321"),
                                 At("LOC", text, "القاهرة"),
                                 At("DATE", text, "يوم 2025-04-03"),
                             }));
  EXPECT_EQ(entities[0].type, EntityType::kCustom);
  EXPECT_EQ(entities[0].label, "EMAIL");
  EXPECT_EQ(entities[0].canonical, "info@example.com");
  EXPECT_FALSE(entities[0].money || entities[0].date);
  EXPECT_EQ(entities[2].canonical, "٠١٠٠١٢٣٤٥٦٧");
  EXPECT_TRUE(entities[4].label.empty());
  EXPECT_STREQ(EntityTypeLabel(EntityType::kCustom), "CUSTOM");
}

TEST(PatternTest, PriorityDecidesOverlapsWithBuiltInCandidates) {
  const std::string text = "وصل الوفد إلى القاهرة أمس";
  const std::string_view view = text;
  Options options;
  options.patterns.push_back({"CITY", "القاهرة أمس", 90});
  // Default priority 90 beats the built-in place (80) and date (60): one longer span.
  EXPECT_EQ(Spans(Extractor::Create(options)->Extract(text)),
            (std::vector<Span>{At("CITY", view, "القاهرة أمس")}));
  // Below them, the built-in entities win and the pattern's match is dropped.
  options.patterns[0].priority = 10;
  EXPECT_EQ(Spans(Extractor::Create(options)->Extract(text)),
            (std::vector<Span>{At("LOC", view, "القاهرة"), At("DATE", view, "أمس")}));
}

TEST(PatternTest, TypesSelectBuiltInTypesOnlyAndFilesFollowCodePatterns) {
  const std::string path = WriteTemp("more.tsv", "CODE\t[A-Z]{3}-[0-9]{4}\n");
  Options options;
  options.types = {EntityType::kPlace};
  options.patterns.push_back({"CODE2", "[A-Z]{3}-[0-9]{4}", 95});
  options.pattern_files.push_back(path);
  const std::string text = "وصلت الشحنة ABC-1234 إلى القاهرة";
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  // Both patterns match the same span; the higher priority (from code) wins.
  EXPECT_EQ(Spans(extractor->Extract(text)),
            (std::vector<Span>{At("CODE2", text, "ABC-1234"), At("LOC", text, "القاهرة")}));
}

TEST(PatternTest, BadLinesNameFileLineAndReason) {
  auto error = [](const std::string& tsv) {
    auto rules = ParsePatternTsv(tsv, "p.tsv");
    EXPECT_FALSE(rules.ok()) << tsv;
    return rules.ok() ? std::string() : rules.status().message();
  };
  // RE2's own message, after the file and line.
  EXPECT_EQ(error("# ok\nA\tx+\nB\t(0[0-9]\n"), "p.tsv:3: missing ): (0[0-9]");
  EXPECT_EQ(error("A\t[٠-\n"), "p.tsv:1: missing ]: [٠-");
  EXPECT_EQ(error("PER\tx+\n"), "p.tsv:1: label \"PER\" is a built-in entity type; choose another name");
  EXPECT_EQ(error("gpe\tx+\n").rfind("p.tsv:1: label \"gpe\" is a built-in", 0), 0u);
  EXPECT_EQ(error("E MAIL\tx+\n").rfind("p.tsv:1: label \"E MAIL\" may only have", 0), 0u);
  EXPECT_EQ(error("\tx+\n"), "p.tsv:1: empty label");
  EXPECT_EQ(error("A\tx*\n"), "p.tsv:1: pattern matches the empty string");
  EXPECT_EQ(error("A\tx+\t256\n"), "p.tsv:1: priority must be a whole number from 0 to 255: \"256\"");
  EXPECT_EQ(error("A\tx+\t-1\n").rfind("p.tsv:1: priority must be", 0), 0u);
  EXPECT_EQ(error("A\n"), "p.tsv:1: expected 2 or 3 tab-separated columns (LABEL, PATTERN[, PRIORITY]), found 1");
  EXPECT_EQ(error("A\t\xff+\n"), "p.tsv:1: invalid UTF-8");
  // Too large for the documented memory limit: RE2 refuses it.
  EXPECT_EQ(error("A\t((((x{100}){100}){100}){100})\n").rfind("p.tsv:1: ", 0), 0u);

  EXPECT_EQ(LoadPatternFile("/nonexistent/p.tsv").status().code(), StatusCode::kNotFound);
  Options options;
  options.pattern_files.push_back(WriteTemp("bad.tsv", "OK\tx+\nBAD\ta(b\n"));
  auto extractor = Extractor::Create(options);
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(extractor.status().message(), options.pattern_files[0] + ":2: missing ): a(b");
  Options in_code;
  in_code.patterns.push_back({"IBAN", "[A-Z"});
  in_code.patterns.push_back({"LOC", "x"});
  EXPECT_EQ(Extractor::Create(in_code).status().message(),
            "pattern 1 (IBAN): missing ]: [A-Z");
}

TEST(PatternTest, AnyBytesAreSafeAndSpansStayOnCharacters) {
  Options options;
  options.patterns.push_back({"ANY", "[^ ]+", 5});
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok());
  const std::string text = std::string("أ\xff\xfe ب\xc3 \x80\x80 ") + "info";
  for (const Entity& e : extractor->Extract(text)) {
    EXPECT_LT(e.begin, e.end);
    EXPECT_LE(e.end, text.size());
  }
  EXPECT_TRUE(extractor->Extract("").empty());
  EXPECT_TRUE(extractor->Extract("   ").empty());
}

TEST(PatternTest, CApiAddsPatternsAndReportsLabels) {
  kashif_options* options = nullptr;
  ASSERT_EQ(kashif_options_create(&options), KASHIF_OK);
  const std::string path = WriteTemp("c.tsv", kContacts);
  ASSERT_EQ(kashif_options_add_pattern_file(options, path.c_str()), KASHIF_OK);
  ASSERT_EQ(kashif_options_add_pattern(options, "CODE", "[A-Z]{3}-[0-9]{4}", 90), KASHIF_OK);
  kashif_extractor* extractor = nullptr;
  ASSERT_EQ(kashif_extractor_create(options, &extractor), KASHIF_OK) << kashif_last_error();
  const std::string text = "راسلوا info@example.com بشأن ABC-1234 في القاهرة";
  kashif_result* result = nullptr;
  ASSERT_EQ(kashif_extract(extractor, text.data(), text.size(), &result), KASHIF_OK);
  ASSERT_EQ(kashif_result_size(result), 3u);
  const kashif_entity* email = kashif_result_entity(result, 0);
  EXPECT_EQ(email->type, KASHIF_CUSTOM);
  EXPECT_STREQ(email->label, "EMAIL");
  EXPECT_EQ(text.substr(email->begin, email->end - email->begin), "info@example.com");
  EXPECT_STREQ(kashif_result_entity(result, 1)->label, "CODE");
  EXPECT_STREQ(kashif_result_entity(result, 2)->label, "LOC");
  EXPECT_EQ(kashif_result_entity(result, 2)->type, KASHIF_LOC);
  EXPECT_STREQ(kashif_entity_type_label(KASHIF_CUSTOM), "CUSTOM");
  kashif_result_free(result);
  kashif_extractor_free(extractor);

  ASSERT_EQ(kashif_options_add_pattern(options, "DATE", "x", 90), KASHIF_OK);
  EXPECT_EQ(kashif_extractor_create(options, &extractor), KASHIF_INVALID_ARGUMENT);
  EXPECT_EQ(std::string(kashif_last_error()),
            "pattern 2 (DATE): label \"DATE\" is a built-in entity type; choose another name");
  kashif_options_free(options);
}

#ifdef KASHIF_CLI_PATH
// Runs `kashif ARGS`; returns the exit status, stdout in *out and stderr in *err.
int RunCli(const std::string& args, std::string* out, std::string* err) {
  const std::string err_path = WriteTemp("stderr.txt", "");
  const std::string command =
      std::string("'") + KASHIF_CLI_PATH + "' " + args + " 2>'" + err_path + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buffer;
  size_t n;
  out->clear();
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out->append(buffer.data(), n);
  const int raw = pclose(pipe);
  std::ifstream in(err_path);
  err->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

TEST(PatternCliTest, PatternsFileFindsEmailsAndPhonesInArabicText) {
  const std::string patterns = WriteTemp("p.tsv", kContacts);
  const std::string input = WriteTemp("in.txt", kText);
  std::string out, err;
  ASSERT_EQ(RunCli("--patterns '" + patterns + "' '" + input + "'", &out, &err), 0) << err;
  const std::string_view text = kText;
  auto line = [&](const std::string& label, std::string_view what) {
    const Span s = At(label, text, what);
    return std::to_string(s.begin) + "\t" + std::to_string(s.end) + "\t" + label + "\t" +
           std::string(what) + "\t" + std::string(what) + "\n";
  };
  EXPECT_NE(out.find(line("EMAIL", "info@example.com")), std::string::npos) << out;
  EXPECT_NE(out.find(line("EMAIL", "sales.team@mail.example.org")), std::string::npos) << out;
  EXPECT_NE(out.find(line("PHONE", "٠١٠٠١٢٣٤٥٦٧")), std::string::npos) << out;
  EXPECT_NE(out.find(line("PHONE", "+20 100 765 4321")), std::string::npos) << out;

  ASSERT_EQ(RunCli("--patterns '" + patterns + "' --format jsonl '" + input + "'", &out, &err), 0);
  EXPECT_NE(out.find("{\"type\":\"PHONE\",\"start\":" +
                     std::to_string(text.find("٠١٠٠١٢٣٤٥٦٧")) + ","),
            std::string::npos) << out;
}

TEST(PatternCliTest, BrokenPatternNamesFileAndLineAndExitsWith2) {
  const std::string patterns = WriteTemp("p.tsv", "EMAIL\tx+@y\n# note\nPHONE\t[0-9٠-٩{8,}\n");
  const std::string input = WriteTemp("in2.txt", kText);
  std::string out, err;
  EXPECT_EQ(RunCli("--patterns '" + patterns + "' '" + input + "'", &out, &err), 2);
  EXPECT_EQ(err, "kashif: " + patterns + ":3: missing ]: [0-9٠-٩{8,}\n");
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(RunCli("--patterns /nonexistent.tsv '" + input + "'", &out, &err), 2);
  EXPECT_EQ(err, "kashif: /nonexistent.tsv: cannot open file\n");
}
#endif

}  // namespace
}  // namespace kashif
