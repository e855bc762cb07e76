// An exact decimal number: a 128-bit integer mantissa and a power-of-ten scale. Amounts like
// "2.5 مليار" or "20 دولار و43 سنت" are computed exactly, never through floating point.
//
// Thread safety: a plain value type.
#ifndef KASHIF_SRC_NUMBER_DECIMAL_H_
#define KASHIF_SRC_NUMBER_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kashif::internal {

class Decimal {
 public:
  __extension__ using Int128 = __int128;

  Decimal() = default;
  // value = mantissa * 10^-scale. scale is 0..30.
  Decimal(Int128 mantissa, int scale) : mantissa_(mantissa), scale_(scale) { Trim(); }
  static Decimal FromInt(int64_t value) { return Decimal(value, 0); }
  // "12", "12.5", "-3", "0.25" (ASCII, no grouping). nullopt on anything else or overflow.
  static std::optional<Decimal> Parse(std::string_view text);

  // nullopt on overflow (beyond about 10^36).
  std::optional<Decimal> Plus(const Decimal& other) const;
  std::optional<Decimal> Times(const Decimal& other) const;

  bool IsZero() const { return mantissa_ == 0; }
  bool IsInteger() const { return scale_ == 0; }
  int scale() const { return scale_; }
  // -1, 0, 1.
  int Compare(const Decimal& other) const;
  // The integer value if this is an integer within int64_t.
  std::optional<int64_t> ToInt64() const;
  // "324", "2500000000", "20.43", "0.5", "-1.25".
  std::string ToString() const;

  friend bool operator==(const Decimal& a, const Decimal& b) { return a.Compare(b) == 0; }
  friend bool operator!=(const Decimal& a, const Decimal& b) { return a.Compare(b) != 0; }
  friend bool operator<(const Decimal& a, const Decimal& b) { return a.Compare(b) < 0; }

 private:
  void Trim();  // drops trailing fractional zeros so equal values have one representation
  Int128 mantissa_ = 0;
  int scale_ = 0;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_NUMBER_DECIMAL_H_
