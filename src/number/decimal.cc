#include "number/decimal.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace kashif::internal {

namespace {
__extension__ using U128 = unsigned __int128;
constexpr uint32_t kBase = 1000000000;
using Limbs = absl::InlinedVector<uint32_t, 4>;

void Trim(Limbs* a) {
  while (!a->empty() && a->back() == 0) a->pop_back();
}

Limbs FromU64(uint64_t v) {
  Limbs out;
  while (v > 0) {
    out.push_back(static_cast<uint32_t>(v % kBase));
    v /= kBase;
  }
  return out;
}

int CompareMag(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Limbs AddMag(const Limbs& a, const Limbs& b) {
  Limbs out;
  uint64_t carry = 0;
  for (size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
    uint64_t sum = carry;
    if (i < a.size()) sum += a[i];
    if (i < b.size()) sum += b[i];
    out.push_back(static_cast<uint32_t>(sum % kBase));
    carry = sum / kBase;
  }
  Trim(&out);
  return out;
}

// a - b with |a| >= |b|.
Limbs SubMag(const Limbs& a, const Limbs& b) {
  Limbs out(a);
  int64_t borrow = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    int64_t diff = static_cast<int64_t>(out[i]) - borrow - (i < b.size() ? b[i] : 0);
    borrow = diff < 0 ? 1 : 0;
    if (diff < 0) diff += kBase;
    out[i] = static_cast<uint32_t>(diff);
  }
  Trim(&out);
  return out;
}

Limbs MulMag(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  absl::InlinedVector<uint64_t, 9> acc(a.size() + b.size() + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size() || carry; ++j) {
      uint64_t cur = acc[i + j] + carry + (j < b.size() ? uint64_t{a[i]} * b[j] : 0);
      acc[i + j] = cur % kBase;
      carry = cur / kBase;
    }
  }
  Limbs out(acc.begin(), acc.end());
  Trim(&out);
  return out;
}

// `a` has no high zero limbs (every magnitude is trimmed), so times one it is itself.
Limbs MulSmall(const Limbs& a, uint64_t m) { return m == 1 ? a : MulMag(a, FromU64(m)); }

// Returns a / d and sets *remainder.
Limbs DivModSmall(const Limbs& a, uint64_t d, uint64_t* remainder) {
  Limbs out(a.size(), 0);
  U128 rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    U128 cur = rem * kBase + a[i];
    out[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  Trim(&out);
  *remainder = static_cast<uint64_t>(rem);
  return out;
}

std::optional<uint64_t> ToU64(const Limbs& a) {
  U128 v = 0;
  for (size_t i = a.size(); i-- > 0;) {
    v = v * kBase + a[i];
    if (v > std::numeric_limits<uint64_t>::max()) return std::nullopt;
  }
  return static_cast<uint64_t>(v);
}

std::string MagToString(const Limbs& a) {
  if (a.empty()) return "0";
  std::string out = std::to_string(a.back());
  for (size_t i = a.size() - 1; i-- > 0;) {
    std::string part = std::to_string(a[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

uint64_t Gcd(uint64_t a, uint64_t b) {
  while (b != 0) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

std::optional<uint64_t> MulDen(uint64_t a, uint64_t b) {
  U128 p = U128{a} * b;
  if (p > std::numeric_limits<uint64_t>::max()) return std::nullopt;
  return static_cast<uint64_t>(p);
}

uint64_t Pow10(int e) {
  uint64_t v = 1;
  for (int i = 0; i < e; ++i) v *= 10;
  return v;
}
}  // namespace

struct DecimalOps {
  static Decimal Make(bool negative, Limbs magnitude, uint64_t denominator) {
    Decimal d;
    d.negative_ = negative;
    d.magnitude_ = std::move(magnitude);
    d.denominator_ = denominator;
    d.Reduce();
    return d;
  }
  // Signed sum of two signed magnitudes.
  static std::pair<bool, Limbs> SignedAdd(bool na, const Limbs& a, bool nb, const Limbs& b) {
    if (na == nb) return {na, AddMag(a, b)};
    int c = CompareMag(a, b);
    if (c == 0) return {false, {}};
    if (c > 0) return {na, SubMag(a, b)};
    return {nb, SubMag(b, a)};
  }
  static std::optional<Decimal> Add(const Decimal& x, const Decimal& y, bool negate_y) {
    // The common cases without the cross products (same results: zero and integers have
    // denominator 1, so the general path neither scales nor overflows there).
    if (x.IsZero()) return negate_y ? y.Negated() : y;
    if (x.denominator_ == 1 && y.denominator_ == 1) {
      auto [neg, mag] = SignedAdd(x.negative_, x.magnitude_, y.negative_ != negate_y, y.magnitude_);
      return Make(neg, std::move(mag), 1);
    }
    auto den = MulDen(x.denominator_, y.denominator_);
    if (!den) return std::nullopt;
    Limbs a = MulSmall(x.magnitude_, y.denominator_);
    Limbs b = MulSmall(y.magnitude_, x.denominator_);
    auto [neg, mag] = SignedAdd(x.negative_, a, y.negative_ != negate_y, b);
    return Make(neg, std::move(mag), *den);
  }
};

void Decimal::Reduce() {
  if (magnitude_.empty()) {
    negative_ = false;
    denominator_ = 1;
    return;
  }
  if (denominator_ == 1) return;
  uint64_t rem = 0;
  DivModSmall(magnitude_, denominator_, &rem);
  uint64_t g = Gcd(denominator_, rem);
  if (g > 1) {
    uint64_t unused = 0;
    magnitude_ = DivModSmall(magnitude_, g, &unused);
    denominator_ /= g;
  }
}

Decimal Decimal::FromInt(int64_t value) {
  uint64_t mag =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  return DecimalOps::Make(value < 0, FromU64(mag), 1);
}

std::optional<Decimal> Decimal::Fraction(int64_t numerator, uint64_t denominator) {
  if (denominator == 0) return std::nullopt;
  Decimal d = FromInt(numerator);
  d.denominator_ = denominator;
  d.Reduce();
  return d;
}

Decimal Decimal::PowerOfTen(int exponent) {
  Limbs mag = {1};
  for (int i = 0; i < exponent; ++i) mag = MulSmall(mag, 10);
  return DecimalOps::Make(false, std::move(mag), 1);
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::string digits;
  int fraction_digits = 0;
  bool seen_point = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
      if (seen_point) ++fraction_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || fraction_digits > 18) return std::nullopt;
  Limbs mag;
  // Chunks of nine digits from the right.
  for (size_t end = digits.size(); end > 0;) {
    size_t begin = end >= 9 ? end - 9 : 0;
    mag.push_back(static_cast<uint32_t>(std::stoul(digits.substr(begin, end - begin))));
    end = begin;
  }
  Trim(&mag);
  return DecimalOps::Make(negative, std::move(mag), Pow10(fraction_digits));
}

std::optional<Decimal> Decimal::Plus(const Decimal& other) const {
  return DecimalOps::Add(*this, other, false);
}

std::optional<Decimal> Decimal::Minus(const Decimal& other) const {
  return DecimalOps::Add(*this, other, true);
}

std::optional<Decimal> Decimal::Times(const Decimal& other) const {
  auto den = MulDen(denominator_, other.denominator_);
  if (!den) return std::nullopt;
  return DecimalOps::Make(negative_ != other.negative_, MulMag(magnitude_, other.magnitude_), *den);
}

std::optional<Decimal> Decimal::DividedBy(const Decimal& other) const {
  if (other.IsZero()) return std::nullopt;
  auto divisor = ToU64(other.magnitude_);
  if (!divisor) return std::nullopt;
  auto den = MulDen(denominator_, *divisor);
  if (!den) return std::nullopt;
  return DecimalOps::Make(negative_ != other.negative_, MulSmall(magnitude_, other.denominator_),
                          *den);
}

Decimal Decimal::Negated() const {
  Decimal d = *this;
  if (!d.IsZero()) d.negative_ = !d.negative_;
  return d;
}

bool Decimal::IsTerminating() const {
  uint64_t d = denominator_;
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  return d == 1;
}

int Decimal::Compare(const Decimal& other) const {
  if (negative_ != other.negative_) return negative_ ? -1 : 1;
  // Cross-multiplied magnitudes: exact whatever the denominators.
  const int magnitude = denominator_ == other.denominator_
                            ? CompareMag(magnitude_, other.magnitude_)
                            : CompareMag(MulSmall(magnitude_, other.denominator_),
                                         MulSmall(other.magnitude_, denominator_));
  return negative_ ? -magnitude : magnitude;
}

std::optional<int64_t> Decimal::ToInt64() const {
  if (!IsInteger()) return std::nullopt;
  auto mag = ToU64(magnitude_);
  if (!mag) return std::nullopt;
  if (negative_) {
    if (*mag > uint64_t{1} << 63) return std::nullopt;
    return static_cast<int64_t>(uint64_t{0} - *mag);
  }
  if (*mag > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  return static_cast<int64_t>(*mag);
}

std::string Decimal::ToString() const {
  if (IsZero()) return "0";
  int scale = 0;
  Limbs scaled;
  if (IsTerminating()) {
    // Smallest k with denominator | 10^k.
    uint64_t d = denominator_;
    int twos = 0, fives = 0;
    while (d % 2 == 0) d /= 2, ++twos;
    while (d % 5 == 0) d /= 5, ++fives;
    scale = std::max(twos, fives);
    // 10^scale can pass 64 bits (a denominator of 2^40 needs 40 places): stay in limbs.
    uint64_t unused = 0;
    scaled = DivModSmall(MulMag(magnitude_, PowerOfTen(scale).magnitude_), denominator_, &unused);
  } else {
    scale = 15;
    uint64_t rem = 0;
    scaled = DivModSmall(MulSmall(magnitude_, Pow10(scale)), denominator_, &rem);
    if (U128{rem} * 2 >= denominator_) scaled = AddMag(scaled, {1});
  }
  std::string digits = MagToString(scaled);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, scale - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - scale, ".");
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  if (negative_ && digits != "0") digits.insert(0, "-");
  return digits;
}

}  // namespace kashif::internal
