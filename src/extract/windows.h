// Long texts go through the stages in windows, so the working memory is bounded whatever the
// text's size (issue 13). A window analyzes about window_tokens tokens: its core, whose
// entities it reports, with margin_tokens of context on each side, more than any stage looks
// across (propagation reaches 1500 tokens; a rule a few). An entity near a cut, and every name
// it could learn from, is then seen exactly as in the whole text. A text of one window is
// processed whole, as it always was.
#ifndef KASHIF_SRC_EXTRACT_WINDOWS_H_
#define KASHIF_SRC_EXTRACT_WINDOWS_H_

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "kashif/kashif.h"
#include "kashif/tokenizer.h"

namespace kashif::internal {

// About 128 k tokens a window (some 750 kB of news): about 30 MB of scratch per thread at most;
// the margins re-analyze 2 x 1600 tokens a window (2.5 % of a long text's work; a text of one
// window, most documents, pays nothing). 1600 tokens: propagation's 1500 and a rule's context.
inline constexpr size_t kWindowTokens = size_t{1} << 17;
inline constexpr size_t kMarginTokens = 1600;

struct WindowLimits {
  size_t window_tokens = kWindowTokens;
  size_t margin_tokens = kMarginTokens;
};
WindowLimits CurrentWindowLimits();
// For tests: windows of `window` tokens with `margin` on each side (window > 4 * margin);
// (0, 0) restores the defaults. Safe to call while other threads extract (they see either).
void SetWindowLimitsForTesting(size_t window, size_t margin);

// Appends the tokens of text[begin, ...) to *tokens until there are at least `max_tokens` of
// them or the text ends, with offsets from `base`; returns where the next token starts
// (text.size() at the end). The tokens are exactly those of the whole text: each piece keeps
// only tokens the tokenizer did not decide by looking past the piece's end, and the next piece
// starts at the first token it dropped, with that token's glued_to_previous (`first_glued` for
// the very first).
size_t TokenizeWindow(const Tokenizer& tokenizer, std::string_view text, size_t begin,
                      size_t base, size_t max_tokens, bool first_glued,
                      std::vector<Token>* tokens);

// Runs the stages on each window of `text` and appends the entities of every core to
// *entities, sorted, with offsets into `text`. `run` runs the stages on a document whose text
// and tokens are set and appends its resolved entities (offsets into doc->text) to its second
// argument. `doc` is the thread's scratch; `part` holds one window's entities.
void ExtractInWindows(std::string_view text, const Tokenizer& tokenizer, Document* doc,
                      const std::function<void(Document*, std::vector<Entity>*)>& run,
                      std::vector<Entity>* part, std::vector<Entity>* entities);

// The bytes the calling thread's Extract() scratch holds (the capacities of its arrays);
// defined with the scratch in extractor.cc.
size_t ThreadScratchBytes();

// An entity never crosses a line break (\n, \r, \v, \f, U+0085, U+2028, U+2029): a name does
// not continue over a paragraph, and a line of the text output stays one entity. A line break
// is white space, so it lies between tokens: LineBreaks numbers each token's line, once per
// document, and Drop() removes the candidates whose first and last tokens are on different
// lines, before the refiners (so others can take their place) and after them.
class LineBreaks {
 public:
  explicit LineBreaks(const Document& doc);
  void Drop(std::vector<Candidate>* candidates) const;

 private:
  std::vector<uint32_t> line_;  // each token's line; empty when the text has one line
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_EXTRACT_WINDOWS_H_
