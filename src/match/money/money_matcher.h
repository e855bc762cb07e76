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
//  - a subunit that depends on the currency before it (data/currency_subunits.tsv): "ريال قطري
//    وخمسة عشر درهما" (QAR), "دينارا ليبيا و500 درهم" (LYD), "دراهم إماراتية وستة فلوس" (AED)
//  - one or two after the noun of a count of a hundred or more: "مئة ريال سعودي وواحد" (101)
//  - ranges (number/number_range.h): "بين 3 و5 ملايين دولار", "من 10 إلى 15 مليون يورو",
//    "10-20 دولار", "10$-20$": one amount whose MoneyValue::upper_amount is the high end
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

#include "core/analyzer.h"
#include "core/vocabulary.h"
#include "match/matcher.h"
#include "number/number_parser.h"

namespace kashif::internal {


class MoneyMatcher : public Matcher {
 public:
  // The currency names, symbols and codes: compiled, their first words added to the vocabulary
  // (AddWordsTo), bound to it (Bind), then shared by the matchers of every model over it.
  struct Lexicon;
  // The currencies of data/currencies.tsv-format content, in `analyzer`'s match forms (every
  // Analyzer folds alike: one without a vocabulary will do). On a malformed line the lexicon is
  // empty and *error (when given) says why.
  static std::shared_ptr<Lexicon> CompileLexicon(const Analyzer& analyzer, std::string_view tsv,
                                                 std::string* error);
  // The embedded data/currencies.tsv.
  static std::shared_ptr<Lexicon> CompileDefaultLexicon(const Analyzer& analyzer);
  // Adds the first word of every currency name to the vocabulary being built (kLexCurrency); a
  // first word shorter than two letters also with the article ("الر"), since the analyzer looks
  // up a reading without its article only when two letters follow it.
  static void AddWordsTo(const Lexicon& lexicon, VocabularyBuilder* builder);
  // Binds the lexicon to the vocabulary built with AddWordsTo(), once, before it is shared.
  static void Bind(const Vocabulary& vocabulary, Lexicon* lexicon);

  // Reads amounts with `numbers` and currencies of `lexicon`, both bound to `analyzer`'s
  // vocabulary; `analyzer` and `numbers` outlive the matcher (the model owns them).
  MoneyMatcher(const Analyzer& analyzer, const NumberParser& numbers,
               std::shared_ptr<const Lexicon> lexicon);
  ~MoneyMatcher() override;

  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  const Analyzer* analyzer_;
  const NumberParser* numbers_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_MONEY_MONEY_MATCHER_H_
