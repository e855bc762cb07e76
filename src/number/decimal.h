// An exact number for amounts: an arbitrary-size integer numerator over a small positive
// denominator. "2.5 مليار", "20 دولار و43 سنت" and "تسعمئة كوينتيليون" are computed exactly,
// never through floating point. Fractions that do not end in decimal (ثلث = 1/3) stay exact
// inside and are only rounded when written out (see ToString).
//
// Thread safety: a plain value type.
#ifndef KASHIF_SRC_NUMBER_DECIMAL_H_
#define KASHIF_SRC_NUMBER_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include "absl/container/inlined_vector.h"

namespace kashif::internal {

class Decimal {
 public:
  Decimal() = default;  // zero
  static Decimal FromInt(int64_t value);
  // numerator / denominator; nullopt when denominator is 0.
  static std::optional<Decimal> Fraction(int64_t numerator, uint64_t denominator);
  // ASCII "12", "12.5", "-3", ".25", "0.250" (no grouping). nullopt on anything else, or when
  // more than 18 fractional digits are given.
  static std::optional<Decimal> Parse(std::string_view text);
  // 10^exponent (exponent >= 0).
  static Decimal PowerOfTen(int exponent);

  // nullopt when a denominator would leave 64 bits (never for decimal inputs and the
  // fractions Arabic number words make).
  std::optional<Decimal> Plus(const Decimal& other) const;
  std::optional<Decimal> Minus(const Decimal& other) const;
  std::optional<Decimal> Times(const Decimal& other) const;
  // nullopt when other is zero or the result's denominator leaves 64 bits.
  std::optional<Decimal> DividedBy(const Decimal& other) const;
  Decimal Negated() const;

  bool IsZero() const { return magnitude_.empty(); }
  bool IsNegative() const { return negative_; }
  bool IsInteger() const { return denominator_ == 1; }
  // Whether the value is written exactly in decimal (the denominator divides a power of ten).
  bool IsTerminating() const;
  // -1, 0, 1.
  int Compare(const Decimal& other) const;
  // The integer value if this is an integer within int64_t.
  std::optional<int64_t> ToInt64() const;
  // "324", "2500000000", "20.43", "0.5", "-1.25". Non-terminating values are rounded (half
  // away from zero) to 15 fractional digits: ثلث → "0.333333333333333".
  std::string ToString() const;

  friend bool operator==(const Decimal& a, const Decimal& b) { return a.Compare(b) == 0; }
  friend bool operator!=(const Decimal& a, const Decimal& b) { return a.Compare(b) != 0; }
  friend bool operator<(const Decimal& a, const Decimal& b) { return a.Compare(b) < 0; }

 private:
  // Base 10^9, least significant first, no high zeros. Four limbs (below 10^36) stay inline:
  // the number grammar copies and adds values at every word, and amounts are rarely larger.
  using Limbs = absl::InlinedVector<uint32_t, 4>;
  void Reduce();

  bool negative_ = false;
  Limbs magnitude_;
  uint64_t denominator_ = 1;

  friend struct DecimalOps;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_DECIMAL_H_
