#pragma once

// A forward-only cursor over text for the hand-written parsers on hot paths
// (ISO-8601 and clock durations are read once per CSV row; istream-based
// parsing costs microseconds each).

#include <cstdint>
#include <string_view>

namespace backoffice::detail {

class TextScan {
 public:
  explicit TextScan(std::string_view s) : s_(s) {}

  bool done() const { return pos_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  std::size_t position() const { return pos_; }
  std::string_view rest() const { return s_.substr(pos_ < s_.size() ? pos_ : s_.size()); }

  bool accept(char c) {
    if (peek() != c || done()) return false;
    ++pos_;
    return true;
  }

  // Reads exactly `n` decimal digits.
  bool digits(int n, int& out) {
    if (pos_ + static_cast<std::size_t>(n) > s_.size()) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
      char c = s_[pos_ + static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos_ += static_cast<std::size_t>(n);
    out = v;
    return true;
  }

  // Reads 1..max_n decimal digits (as many as there are, up to max_n).
  bool digits_up_to(int max_n, std::int64_t& out, int& count) {
    std::int64_t v = 0;
    count = 0;
    while (count < max_n && !done() && peek() >= '0' && peek() <= '9') {
      v = v * 10 + (s_[pos_] - '0');
      ++pos_;
      ++count;
    }
    out = v;
    return count > 0;
  }

  // Reads a fraction after '.', returning milliseconds (truncated).
  bool fraction_ms(int& ms) {
    int n = 0;
    int v = 0;
    while (!done() && peek() >= '0' && peek() <= '9') {
      if (n < 3) v = v * 10 + (s_[pos_] - '0');
      ++pos_;
      ++n;
    }
    if (n == 0) return false;
    for (int i = n; i < 3; ++i) v *= 10;
    ms = v;
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace backoffice::detail
