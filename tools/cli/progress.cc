#include "progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cli_util.h"

namespace kashif::cli {

ProgressLine::ProgressLine() : start_(Clock::now()), last_(start_) {
  const char* mode = std::getenv("KASHIF_PROGRESS");
  if (mode != nullptr && std::strcmp(mode, "never") == 0) return;
  always_ = mode != nullptr && std::strcmp(mode, "always") == 0;
  terminal_ = isatty(STDERR_FILENO) == 1;
  enabled_ = always_ || terminal_;
}

void ProgressLine::Add(const DocumentChunk& chunk) {
  if (!enabled_) return;
  bytes_ += chunk.text.size();
  lines_ += chunk.from_file ? static_cast<size_t>(
                                  std::count(chunk.text.begin(), chunk.text.end(), '\n'))
                            : 1;
  Show(false);
}

void ProgressLine::Interrupt() {
  if (shown_ && terminal_) WriteErr("\r\033[K");
}

void ProgressLine::FileDone() {
  if (!enabled_) return;
  ++files_;
  Show(false);
}

void ProgressLine::Finish() {
  if (!enabled_) return;
  Show(true);
  if (shown_ && terminal_) WriteErr("\n");
}

void ProgressLine::Show(bool force) {
  const Clock::time_point now = Clock::now();
  // A short run says nothing; a long one updates a few times a second.
  if (!always_ && now - start_ < std::chrono::seconds(1)) return;
  if (!force && shown_ && now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double megabytes = static_cast<double>(bytes_) / 1e6;
  char line[160];
  // On a terminal the line rewrites itself; elsewhere (KASHIF_PROGRESS=always into a log)
  // each update is a line of its own.
  std::snprintf(line, sizeof(line), "%skashif: %zu file%s, %zu lines, %.1f MB, %.1f MB/s%s",
                terminal_ ? "\r\033[K" : "", files_, files_ == 1 ? "" : "s", lines_, megabytes,
                seconds > 0 ? megabytes / seconds : 0.0, terminal_ ? "" : "\n");
  WriteErr(line);
  shown_ = true;
}

}  // namespace kashif::cli
