// The progress line `kashif extract` keeps on standard error during long runs:
//   kashif: 2 files, 120400 lines, 310.2 MB, 48.7 MB/s
// Shown only when standard error is a terminal (so logs and pipes stay clean) and the run has
// lasted a second; KASHIF_PROGRESS=always forces it (e.g. into a log), =never turns it off.
#ifndef KASHIF_TOOLS_CLI_PROGRESS_H_
#define KASHIF_TOOLS_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>

#include "output_format.h"

namespace kashif::cli {

// Not thread-safe: call it from the thread that writes the output.
class ProgressLine {
 public:
  ProgressLine();
  // Processing starts now (the rate leaves out building the extractor).
  void Start() { start_ = last_ = Clock::now(); }
  // A chunk has been written: counts its bytes and lines (a JSONL document is one line).
  void Add(const DocumentChunk& chunk);
  // Something else is about to be written to standard error: clear the line first (it comes
  // back with the next update).
  void Interrupt();
  // One input file is done.
  void FileDone();
  // The run is over: a last update, then the line is ended so the shell prompt starts clean.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  void Show(bool force);

  bool enabled_ = false;
  bool always_ = false;
  bool terminal_ = false;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
  size_t files_ = 0;
  size_t lines_ = 0;
  size_t bytes_ = 0;
};

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_PROGRESS_H_
