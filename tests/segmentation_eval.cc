// Measures kashif's clitic segmentation against the public WikiNews segmentation gold in
// ../shared/data/segmentation (Farasa convention: "و+ال+تلفزيون", tags "CONJ+DET+NOUN").
//
// A word counts as right when kashif's proclitics and pronoun enclitics are exactly the gold
// ones. From the gold, proclitics are the leading و ف (CONJ), ب ك ل (PREP), س (FUT_PART) and
// ال (DET) segments; enclitics are the trailing PRON segments that are bound pronouns
// (ه ها هم هما هن ك كم كما كن ي نا). Verb subject endings (ت وا ون ان ...), which Farasa also
// tags PRON, are inflection, as in kashif. A preposition whose only complement is a pronoun
// (ل+ه) is the head of its word: kashif reads it as stem ل + enclitic ه.
//
// The file is scored in two halves as well as whole: the first half was used while tuning
// the rules and the lexicon, the second half was not looked at (held out).
//
// Also reports light-stem agreement with the gold stem segment, for kashif and (when
// libstemmer is available) Snowball's Arabic stemmer on the same words.
//
// Usage: segmentation_eval [FILE] [--errors tune|heldout|all]
// Exit status 0 whenever it ran or the data is absent (it measures, it does not gate).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/normalizer.h"
#include "kashif/stemmer.h"

#ifdef KASHIF_HAVE_LIBSTEMMER
#include <libstemmer.h>
#endif

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

bool HasArabicLetter(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const unsigned char a = s[i], b = s[i + 1];
    if ((a == 0xD8 && b >= 0xA1) || (a == 0xD9 && b <= 0x8A)) return true;
  }
  return false;
}

bool IsBoundPronoun(const std::string& s) {
  static const char* const kPronouns[] = {"ه", "ها", "هم", "هما", "هن", "ك",
                                          "كم", "كما", "كن", "ي", "نا"};
  for (const char* p : kPronouns) {
    if (s == p) return true;
  }
  return false;
}

bool IsProclitic(const std::string& seg, const std::string& tag) {
  if (tag == "CONJ") return seg == "و" || seg == "ف";
  if (tag == "PREP") return seg == "ب" || seg == "ك" || seg == "ل";
  if (tag == "FUT_PART") return seg == "س";
  if (tag == "DET") return seg == "ال";
  return false;
}

struct GoldWord {
  std::string surface;
  std::vector<std::string> proclitics;
  std::string stem;
  std::vector<std::string> enclitics;
};

// Rebuilds the written word from its segments: ل + ال is written لل (and just ل before a stem
// that starts with ل), من / عن assimilate to a following م.
bool ParseGold(const std::string& segmented, const std::string& tags, GoldWord* out) {
  const std::vector<std::string> segs = Split(segmented, '+');
  const std::vector<std::string> tag = Split(tags, '+');
  if (segs.size() != tag.size() || segmented.empty()) return false;
  std::string surface;
  for (size_t i = 0; i < segs.size(); ++i) {
    const bool next = i + 1 < segs.size();
    if (segs[i] == "ال" && i > 0 && segs[i - 1] == "ل" && tag[i - 1] == "PREP") {
      if (!(next && segs[i + 1].rfind("ل", 0) == 0)) surface += "ل";
      continue;
    }
    if ((segs[i] == "من" || segs[i] == "عن") && next && segs[i + 1].rfind("م", 0) == 0) {
      surface += segs[i].substr(0, segs[i].size() - std::string("ن").size());
      continue;
    }
    surface += segs[i];
  }
  out->surface = surface;
  size_t i = 0;
  while (i + 1 < segs.size() && IsProclitic(segs[i], tag[i])) out->proclitics.push_back(segs[i++]);
  size_t stem = i;
  size_t end = segs.size();
  while (end > stem + 1 && tag[end - 1] == "PRON" && IsBoundPronoun(segs[end - 1])) --end;
  // ل+ه: the preposition heads the word, the pronoun is its enclitic.
  if (stem + 1 == segs.size() && stem > 0 && tag[stem] == "PRON" && IsBoundPronoun(segs[stem]) &&
      tag[stem - 1] == "PREP") {
    out->proclitics.pop_back();
    end = stem;
    --stem;
  }
  out->stem = segs[stem];
  for (size_t j = end; j < segs.size(); ++j) out->enclitics.push_back(segs[j]);
  return true;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + v[i];
  return s + "]";
}

struct Score {
  size_t words = 0, split_right = 0, stem_right = 0, snowball_right = 0;
  void Print(const char* name) const {
    auto pct = [&](size_t k) { return words ? 100.0 * k / words : 0.0; };
    std::printf("%-22s words %5zu  clitic split %6.2f %%  light stem %6.2f %%", name, words,
                pct(split_right), pct(stem_right));
#ifdef KASHIF_HAVE_LIBSTEMMER
    std::printf("  snowball stem %6.2f %%", pct(snowball_right));
#endif
    std::printf("\n");
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string path = KASHIF_SHARED_DATA_DIR "/segmentation/wikinews-dev.tsv";
  std::string show_errors;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--errors" && i + 1 < argc) {
      show_errors = argv[++i];
    } else {
      path = arg;
    }
  }
  std::ifstream in(path);
  if (!in) {
    std::printf("skipped: ../shared not found (%s)\n", path.c_str());
    return 0;
  }
  auto stemmer = kashif::Stemmer::Create();
  if (!stemmer.ok()) {
    std::fprintf(stderr, "%s\n", stemmer.status().message().c_str());
    return 1;
  }
  // Stems are compared in a spelling-blind form (marks, alef, hamza, ة/ه, ى/ي folded).
  kashif::NormalizerOptions fold;
  fold.fold_teh_marbuta = true;
  fold.fold_hamza = true;
  const kashif::Normalizer folder(fold);
#ifdef KASHIF_HAVE_LIBSTEMMER
  sb_stemmer* snowball = sb_stemmer_new("arabic", "UTF_8");
  if (snowball == nullptr) {
    std::fprintf(stderr, "libstemmer has no Arabic stemmer\n");
    return 1;
  }
#endif

  std::vector<std::pair<std::string, std::string>> lines;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    lines.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }

  Score tune, heldout;
  size_t unparsed = 0;
  for (size_t n = 0; n < lines.size(); ++n) {
    const bool is_tune = n < lines.size() / 2;
    GoldWord gold;
    if (!ParseGold(lines[n].first, lines[n].second, &gold)) {
      ++unparsed;
      continue;
    }
    if (!HasArabicLetter(gold.surface)) continue;
    Score& score = is_tune ? tune : heldout;
    ++score.words;
    const kashif::Segmentation seg = stemmer->Segment(gold.surface);
    std::vector<std::string> procl, encl;
    for (size_t i = 0; i < seg.proclitic_count; ++i) procl.emplace_back(seg.proclitics[i].form);
    for (size_t i = 0; i < seg.enclitic_count; ++i) encl.emplace_back(seg.enclitics[i].form);
    const bool split_ok = procl == gold.proclitics && encl == gold.enclitics;
    score.split_right += split_ok;
    const std::string gold_stem = folder.NormalizeToString(gold.stem);
    const std::string light = folder.NormalizeToString(stemmer->LightStem(gold.surface));
    score.stem_right += light == gold_stem;
#ifdef KASHIF_HAVE_LIBSTEMMER
    const sb_symbol* sb = sb_stemmer_stem(
        snowball, reinterpret_cast<const sb_symbol*>(gold.surface.data()),
        static_cast<int>(gold.surface.size()));
    const std::string sb_stem(reinterpret_cast<const char*>(sb), sb_stemmer_length(snowball));
    score.snowball_right += folder.NormalizeToString(sb_stem) == gold_stem;
#endif
    const bool show = show_errors == "all" || (show_errors == "tune" && is_tune) ||
                      (show_errors == "heldout" && !is_tune);
    if (show && !split_ok) {
      std::fprintf(stderr, "%s\tgold %s %s %s\tkashif %s %s %s\n", gold.surface.c_str(),
                   Join(gold.proclitics).c_str(), gold.stem.c_str(),
                   Join(gold.enclitics).c_str(), Join(procl).c_str(),
                   std::string(seg.Stem(gold.surface)).c_str(), Join(encl).c_str());
    }
  }
#ifdef KASHIF_HAVE_LIBSTEMMER
  sb_stemmer_delete(snowball);
#endif
  Score all = tune;
  all.words += heldout.words;
  all.split_right += heldout.split_right;
  all.stem_right += heldout.stem_right;
  all.snowball_right += heldout.snowball_right;
  std::printf("kashif segmentation vs %s\n", path.c_str());
  tune.Print("first half (tuned on)");
  heldout.Print("second half (held out)");
  all.Print("all");
  if (unparsed) std::printf("(%zu gold lines not parsed)\n", unparsed);
  return 0;
}
