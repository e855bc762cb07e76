// The library's working memory for one large text through Extractor::Extract(): peak resident
// memory (VmHWM) above what the process held with the text loaded, and the result's own size.
// Not built by CMake; compile against a build tree:
//
//   g++ -std=c++17 -O2 -Iinclude -Ibuild/dev/include tools/stress/extract_memory.cc \
//       build/dev/src/libkashif.a $(pkg-config --libs icu-uc icu-i18n re2) \
//       -labsl_hash -labsl_raw_hash_set -labsl_city -labsl_low_level_hash -o /tmp/extract_memory
//   /tmp/extract_memory FILE [TYPES]     # TYPES: e.g. MONEY (default: all)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "kashif/kashif.h"

namespace {

// A field of /proc/self/status in kB (VmRSS, VmHWM).
long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) return std::atol(line.c_str() + prefix.size());
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_memory FILE [TYPE]\n");
    return 2;
  }
  kashif::Options options;
  if (argc > 2) options.types.push_back(*kashif::ParseEntityType(argv[2]));
  auto extractor = kashif::Extractor::Create(options);
  if (!extractor.ok()) return 1;
  (void)extractor->Extract("تسخين: زار الوفد القاهرة أمس");
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The peak so far is the file read (the stream's buffer and the string's growth); reset it
  // so VmHWM below is Extract()'s peak.
  std::ofstream("/proc/self/clear_refs") << "5";
  const long before = StatusKb("VmRSS");
  std::vector<kashif::Entity> entities;
  extractor->Extract(text, std::nullopt, &entities);
  const long peak = StatusKb("VmHWM");
  size_t result = entities.capacity() * sizeof(kashif::Entity);
  for (const kashif::Entity& e : entities) {
    if (e.canonical.capacity() > 15) result += e.canonical.capacity() + 1;
  }
  std::printf("text %.1f MB, %zu entities; RSS with the text loaded %.1f MB; peak during "
              "Extract() %.1f MB: %.1f MB above, of which the result is %.1f MB\n",
              text.size() / 1048576.0, entities.size(), before / 1024.0, peak / 1024.0,
              (peak - before) / 1024.0, result / 1048576.0);
  return 0;
}
