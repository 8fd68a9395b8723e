#pragma once

#include <backoffice/core/error.hpp>

#include <cassert>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace backoffice {

// Thrown only by Result::value() when a caller reads the value of a failed
// result without checking: a programming error, not an input error.
class BadResultAccess : public std::logic_error {
 public:
  explicit BadResultAccess(const Error& e) : std::logic_error(e.to_string()), error_(e) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Either a T or the Error that prevented it (std::expected is C++23; this is
// the subset the library needs). Construct from a T or from an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  using value_type = T;

  Result(const T& v) : state_(std::in_place_index<0>, v) {}         // NOLINT(implicit)
  Result(T&& v) : state_(std::in_place_index<0>, std::move(v)) {}   // NOLINT(implicit)
  Result(Error e) : state_(std::in_place_index<1>, std::move(e)) {} // NOLINT(implicit)
  template <typename U>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, Error> && !std::is_same_v<std::decay_t<U>, Result>)
  Result(U&& v) : state_(std::in_place_index<0>, std::forward<U>(v)) {}  // NOLINT(implicit)

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  // Throws BadResultAccess when !ok().
  const T& value() const& { check(); return std::get<0>(state_); }
  T& value() & { check(); return std::get<0>(state_); }
  T&& value() && { check(); return std::get<0>(std::move(state_)); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // Precondition: !ok().
  const Error& error() const& { assert(!ok()); return std::get<1>(state_); }
  Error&& error() && { assert(!ok()); return std::get<1>(std::move(state_)); }

  template <typename U>
  T value_or(U&& fallback) const& {
    return ok() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void check() const {
    if (!ok()) throw BadResultAccess(std::get<1>(state_));
  }
  std::variant<T, Error> state_;
};

// Success or an Error, for operations that produce no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error e) : error_(std::move(e)), ok_(false) {}  // NOLINT(implicit)
  static Status Ok() { return Status(); }

  bool ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  // Precondition: !ok().
  const Error& error() const& { assert(!ok_); return error_; }
  Error&& error() && { assert(!ok_); return std::move(error_); }
  // Throws BadResultAccess when !ok(); for callers that treat failure as a bug.
  void check() const {
    if (!ok_) throw BadResultAccess(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

namespace detail {
inline Error&& take_error(Status&& s) { return std::move(s).error(); }
template <typename T>
Error&& take_error(Result<T>&& r) { return std::move(r).error(); }
}  // namespace detail

}  // namespace backoffice

#define BO_CONCAT_INNER(a, b) a##b
#define BO_CONCAT(a, b) BO_CONCAT_INNER(a, b)

// Returns the error of a failed Status or Result from the enclosing function.
#define BO_RETURN_IF_ERROR(expr)                                        \
  do {                                                                  \
    auto&& bo_status_ = (expr);                                         \
    if (!bo_status_.ok()) {                                             \
      return ::backoffice::detail::take_error(std::move(bo_status_));   \
    }                                                                   \
  } while (false)

#define BO_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)                        \
  auto tmp = (expr);                                                    \
  if (!tmp.ok()) return ::backoffice::detail::take_error(std::move(tmp)); \
  lhs = std::move(tmp).value()

// `BO_ASSIGN_OR_RETURN(auto x, parse(...));` binds the value or returns the error.
#define BO_ASSIGN_OR_RETURN(lhs, expr) \
  BO_ASSIGN_OR_RETURN_IMPL(BO_CONCAT(bo_result_, __LINE__), lhs, expr)
