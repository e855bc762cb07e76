// Status and StatusOr: how kashif reports errors without exceptions.
//
// Thread safety: plain values; const methods may be called concurrently.
#ifndef KASHIF_STATUS_H_
#define KASHIF_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

#include "kashif/export.h"

namespace kashif {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 1,  // a bad option or a malformed input (e.g. a gazetteer line)
  kNotFound = 2,         // a file that does not exist
  kIoError = 3,          // a file that exists but cannot be read
  kInternal = 4,         // a bug in kashif; please report it
};

// The outcome of an operation that can fail: ok, or a code and a human-readable message.
// Messages about files name the file and, where it applies, the line: "people.tsv:12: ...".
class KASHIF_EXPORT Status {
 public:
  Status() = default;  // ok
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or "<code name>: <message>".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none. Accessing the value of a non-ok StatusOr is
// a programming error (checked by assert in debug builds).
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "StatusOr needs a value or a non-ok Status");
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "StatusOr built from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace kashif

#endif  // KASHIF_STATUS_H_
