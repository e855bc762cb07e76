// What a search engine does with kashif: index each word under its light stem (so "والمفاوضات"
// and "مفاوضات" meet), and index the entities as fields of their own (so a query for the place
// "موسكو" does not also hit the word "موسكو" inside an organization's name).
//
//   search_index [FILE]        (default: a built-in paragraph)
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <kashif/kashif.h>
#include <kashif/stemmer.h>
#include <kashif/tokenizer.h>

int main(int argc, char** argv) {
  std::string text =
      "وصل الوزراء إلى موسكو والتقى وزير الخارجية بنظيره في الكرملين، "
      "ثم انتقلت المفاوضات إلى القاهرة حيث استُؤنفت والمفاوضون متفائلون.";
  if (argc > 1) {
    std::ifstream file(argv[1], std::ios::binary);
    if (!file) {
      std::cerr << "search_index: cannot read " << argv[1] << "\n";
      return 1;
    }
    std::stringstream content;
    content << file.rdbuf();
    text = content.str();
  }

  // Both are built once and are safe to share between threads.
  auto stemmer = kashif::Stemmer::Create();
  auto extractor = kashif::Extractor::Create();
  if (!stemmer.ok() || !extractor.ok()) {
    std::cerr << "search_index: "
              << (stemmer.ok() ? extractor.status() : stemmer.status()).ToString() << "\n";
    return 1;
  }

  // Posting lists: term -> byte offsets of the words that carry it.
  std::map<std::string, std::vector<uint32_t>> postings;
  std::string term;
  for (const kashif::Token& token : kashif::Tokenizer().Tokenize(text)) {
    if (token.kind != kashif::TokenKind::kArabicWord) continue;
    term.clear();
    stemmer->AppendLightStem(token.text(text), &term);
    postings[term].push_back(token.begin);
  }
  std::cout << "terms:\n";
  for (const auto& [stem, offsets] : postings) {
    std::cout << "  " << stem << "\t";
    for (size_t i = 0; i < offsets.size(); ++i) std::cout << (i ? "," : "") << offsets[i];
    std::cout << "\n";
  }

  std::cout << "entities:\n";
  for (const kashif::Entity& e : extractor->Extract(text)) {
    std::cout << "  " << kashif::EntityTypeLabel(e.type) << ":" << e.canonical << "\t"
              << e.begin << "\n";
  }
  return 0;
}
