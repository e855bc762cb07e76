// The suites runner: reads every ../shared/data/suites/*.jsonl, hands each case to the handler
// registered for its dimension and prints, per file, how many kashif gets right.
//
//   suites_eval [--verbose] [--data-dir DIR]
//
// Exits 0 whenever it ran (it measures; it does not gate), 2 on a usage error. When the data
// directory does not exist it prints "skipped: ../shared not found" and exits 0.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "suite_case.h"

namespace kashif::suites {

std::map<std::string, SuiteHandler>& SuiteHandlers() {
  static std::map<std::string, SuiteHandler> handlers;
  return handlers;
}

bool RegisterSuiteHandler(const std::string& dim, SuiteHandler handler) {
  SuiteHandlers()[dim] = handler;
  return true;
}

std::string NumberLiteral(const JsonValue* value) {
  if (value == nullptr) return "";
  if (value->kind == JsonValue::Kind::kNumber || value->kind == JsonValue::Kind::kString) {
    return value->string;
  }
  return "";
}

bool SameNumber(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  std::string sa(a), sb(b);
  char* end_a = nullptr;
  char* end_b = nullptr;
  long double x = std::strtold(sa.c_str(), &end_a);
  long double y = std::strtold(sb.c_str(), &end_b);
  if (*end_a != '\0' || *end_b != '\0') return false;
  if (x == y) return true;
  long double scale = std::max<long double>(1.0L, std::fabs(y));
  return std::fabs(x - y) <= 1e-9L * scale;
}

size_t CharOffset(std::string_view text, size_t byte_offset) {
  size_t chars = 0;
  for (size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

namespace {

struct FileTally {
  int pass = 0, fail = 0, out_of_scope = 0, no_handler = 0, bad_line = 0, bad_case = 0;
};

int Run(int argc, char** argv) {
  bool verbose = false;
  std::string dir = KASHIF_SUITES_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--verbose" || arg == "-v") {
      verbose = true;
    } else if (arg == "--data-dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::cerr << "usage: suites_eval [--verbose] [--data-dir DIR]\n";
      return 2;
    }
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::cout << "skipped: ../shared not found (" << dir << ")\n";
    return 0;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  auto extractor = Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << "cannot create the extractor: " << extractor.status().ToString() << "\n";
    return 1;
  }
  SuiteContext context;
  context.extractor = &*extractor;

  std::map<std::string, FileTally> by_dim;
  std::printf("%-34s %6s %6s %6s %8s %8s  %s\n", "file", "cases", "pass", "fail", "scope-",
              "no-hdl", "pass / (pass + fail)");
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    FileTally tally;
    std::vector<std::string> failures;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      std::string error;
      auto json = cli::ParseJson(line, &error);
      const JsonValue* expected = json ? json->Find("expected") : nullptr;
      const JsonValue* dim = json ? json->Find("dim") : nullptr;
      if (!json || !expected || !dim || dim->kind != JsonValue::Kind::kString) {
        ++tally.bad_line;
        continue;
      }
      SuiteCase c;
      c.file = path.filename().string();
      c.line = line_no;
      c.dim = dim->string;
      if (const JsonValue* t = json->Find("text"); t && t->kind == JsonValue::Kind::kString) {
        c.text = t->string;
      }
      if (const JsonValue* r = json->Find("reference_time");
          r && r->kind == JsonValue::Kind::kString) {
        c.reference_time = r->string;
      }
      c.expected = expected;
      const JsonValue* meta = json->Find("meta");
      c.meta = meta && meta->kind == JsonValue::Kind::kObject ? meta : nullptr;
      c.raw = &*json;
      auto handler = SuiteHandlers().find(c.dim);
      if (handler == SuiteHandlers().end()) {
        ++tally.no_handler;
        continue;
      }
      Outcome outcome = handler->second(c, context);
      FileTally& dim_tally = by_dim[c.dim];
      switch (outcome.verdict) {
        case Verdict::kPass:
          ++tally.pass;
          ++dim_tally.pass;
          break;
        case Verdict::kFail: {
          ++tally.fail;
          ++dim_tally.fail;
          std::string shown;
          cli::AppendJson(*expected, &shown);
          failures.push_back("  " + c.file + ":" + std::to_string(line_no) + " [" + c.dim + "] " +
                             c.text + "\n      expected " + shown + "\n      got      " +
                             outcome.got);
          break;
        }
        case Verdict::kOutOfScope:
          ++tally.out_of_scope;
          ++dim_tally.out_of_scope;
          break;
        case Verdict::kBadCase:
          ++tally.bad_case;
          ++dim_tally.bad_case;
          failures.push_back("  " + c.file + ":" + std::to_string(line_no) + " [" + c.dim + "] " +
                             c.text + "\n      unusable: " + outcome.got);
          break;
      }
    }
    int cases = tally.pass + tally.fail + tally.out_of_scope + tally.no_handler + tally.bad_line +
                tally.bad_case;
    int judged = tally.pass + tally.fail;
    std::string rate = judged == 0 ? "-" : [&] {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * tally.pass / judged);
      return std::string(buf);
    }();
    std::printf(
        "%-34s %6d %6d %6d %8d %8d  %s%s\n", path.filename().string().c_str(), cases, tally.pass,
        tally.fail, tally.out_of_scope, tally.no_handler, rate.c_str(),
        ((tally.bad_line ? " (" + std::to_string(tally.bad_line) + " unreadable lines)"
                         : std::string()) +
         (tally.bad_case ? " (" + std::to_string(tally.bad_case) + " self-contradicting cases)"
                         : std::string()))
            .c_str());
    if (verbose) {
      for (const std::string& f : failures) std::printf("%s\n", f.c_str());
    }
  }
  std::printf("\nper dimension, all files:\n");
  for (const auto& [dim, t] : by_dim) {
    const int judged = t.pass + t.fail;
    std::printf("  %-10s %6d pass %6d fail %6d out of scope %3d unusable  %s\n", dim.c_str(),
                t.pass, t.fail, t.out_of_scope, t.bad_case,
                judged == 0 ? "-"
                            : (std::to_string(1000 * t.pass / judged / 10) + "." +
                               std::to_string(1000 * t.pass / judged % 10) + " %")
                                  .c_str());
  }
  std::printf(
      "scope- = out of scope by design (open money intervals, times of day, durations); "
      "no-hdl = dimension without a handler\n");
  return 0;
}

}  // namespace
}  // namespace kashif::suites

int main(int argc, char** argv) { return kashif::suites::Run(argc, argv); }
