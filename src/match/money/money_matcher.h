// The money matcher: an amount (digits, words or both, see number/number_parser.h) next to a
// currency name, symbol or ISO code, with an optional subunit ("20 دولار و43 سنت" → 20.43 USD).
//
// Forms understood (currency words come from data/currencies.tsv):
//  - amount then currency: "324 مليار دولار", "خمسة ملايين جنيه مصري", "10$", "٥٠ ر.س"
//  - currency symbol or code then amount: "$10", "US$ 5", "EUR 20"
//  - currency word then one or two in words: "ريال سعودي واحد"
//  - a dual currency word alone: "دولاران" (2 USD)
//  - a subunit after the amount: "و43 سنت", "وإحدى عشرة هللة"; a subunit alone: "50 هللة"
//  - qualifiers in any gender, number and case: "ريالات قطرية", "دولارا كنديا", "الدولار الأمريكي"
//
// Currency of a bare name: دولار USD, جنيه EGP (sterling is always qualified), ريال SAR,
// يورو EUR, ين JPY, يوان CNY, روبل RUB, شيكل ILS. A bare دينار, درهم, ليرة, فرنك, روبية,
// بيزو or كرونة names no single currency: the amount is reported with an empty currency unless
// a qualifier ("دينار كويتي") or a symbol settles it. A subunit converts with the main
// currency's ISO decimal places (ICU): 1 فلس of KWD is 0.001, 1 قرش of EGP is 0.01; with no
// known main currency, the subunit's own places from the data file are used.
//
// Thread safety: immutable after construction; Propose() may run concurrently.
#ifndef KASHIF_SRC_MATCH_MONEY_MONEY_MATCHER_H_
#define KASHIF_SRC_MATCH_MONEY_MONEY_MATCHER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "core/analyzer.h"
#include "core/vocabulary.h"

namespace kashif::internal {


class MoneyMatcher : public Matcher {
 public:
  // Builds the currency lexicon from the embedded data/currencies.tsv, with `analyzer`'s
  // match forms (the same the document keys use).
  explicit MoneyMatcher(const Analyzer& analyzer);
  // The same from TSV content; on a malformed line the matcher is empty and *error says why.
  MoneyMatcher(const Analyzer& analyzer, std::string_view currencies_tsv, std::string* error);
  ~MoneyMatcher() override;

  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

  // Adds the first word of every currency name to the shared vocabulary (kLexCurrency); a first
  // word shorter than two letters also with the article ("الر"), since the analyzer looks up a
  // reading without its article only when two letters follow it.
  void AddWordsTo(VocabularyBuilder* builder) const;

  struct Lexicon;

 private:
  static std::shared_ptr<const Lexicon> BuildLexicon(const Analyzer& analyzer, std::string_view tsv,
                                                     std::string* error);

  std::shared_ptr<const Lexicon> lexicon_;
  const Analyzer* analyzer_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_MONEY_MONEY_MATCHER_H_
