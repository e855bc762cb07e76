// The human- and tool-facing views of `kashif extract`: --format conll and --format html.
#ifndef KASHIF_TOOLS_CLI_VIEW_FORMATS_H_
#define KASHIF_TOOLS_CLI_VIEW_FORMATS_H_

#include <memory>

#include "output_format.h"

namespace kashif::cli {

// One token a line, `TOKEN TAG` with IOB tags (B-LOC, I-LOC, O), a blank line between
// sentences and `-DOCSTART- O` before every document after the first, so the output reads like
// the CoNLL / ANERcorp files `kashif eval` scores. A token that an entity boundary cuts (the
// proclitic in "لروسيا") is written as two lines, "ل O" and "روسيا B-LOC", so tags stay exact.
std::unique_ptr<OutputFormat> MakeConllFormat();

// One self-contained HTML page (no external resources): each document right-to-left, each
// entity highlighted in its type's colour with its type label, and its canonical form and
// value shown on hover. Invalid UTF-8 is shown as U+FFFD.
std::unique_ptr<OutputFormat> MakeHtmlFormat();

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_VIEW_FORMATS_H_
