#pragma once

// The one hot loop shared by the CSV reader and writer: finding the next
// byte that ends or complicates a field. Fields in contact-centre exports
// are 5-30 bytes, so a 16-byte SSE2 compare (baseline on x86-64) usually
// finds the delimiter in one step where a byte loop takes a dozen. Without
// SSE2 an 8-byte SWAR test does the same job more slowly.

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace backoffice::detail {

// True when one of the 8 bytes of `v` is zero (the classic SWAR test; exact
// for "is there one", which is all that is asked).
constexpr bool has_zero_byte(std::uint64_t v) noexcept {
  return ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) != 0;
}

// Finds `delimiter`, '"', CR or LF. Built once per record (or row written)
// so the broadcast constants stay in registers across fields.
class CsvSpecialFinder {
 public:
#if defined(__SSE2__)
  explicit CsvSpecialFinder(char delimiter) noexcept
      : delimiter_(delimiter),
        delimiter_x16_(_mm_set1_epi8(delimiter)),
        quote_x16_(_mm_set1_epi8('"')),
        cr_x16_(_mm_set1_epi8('\r')),
        lf_x16_(_mm_set1_epi8('\n')) {}
#else
  explicit CsvSpecialFinder(char delimiter) noexcept : delimiter_(delimiter) {}
#endif

  // The first special byte in [p, end), or `end`.
  const char* find(const char* p, const char* end) const noexcept {
#if defined(__SSE2__)
    while (end - p >= 16) {
      const auto mask = match(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
      if (mask != 0) return p + __builtin_ctz(mask);
      p += 16;
    }
    // The last 0-15 bytes (all of a short field, in the writer) are read as
    // two overlapping 8- or 4-byte loads that stay inside [p, end): copying
    // them to a padded block would stall on store forwarding.
    const auto n = static_cast<std::size_t>(end - p);
    if (n >= 8) {
      std::uint64_t head = 0;
      std::uint64_t tail = 0;
      std::memcpy(&head, p, 8);
      std::memcpy(&tail, end - 8, 8);
      const auto mask = match(_mm_set_epi64x(static_cast<long long>(tail), static_cast<long long>(head)));
      if ((mask & 0xFFu) != 0) return p + __builtin_ctz(mask);
      if (mask != 0) return end - 8 + (__builtin_ctz(mask) - 8);
      return end;
    }
    if (n >= 4) {
      std::uint32_t head = 0;
      std::uint32_t tail = 0;
      std::memcpy(&head, p, 4);
      std::memcpy(&tail, end - 4, 4);
      const auto mask =
          match(_mm_set_epi32(0, 0, static_cast<int>(tail), static_cast<int>(head))) & 0xFFu;
      if ((mask & 0xFu) != 0) return p + __builtin_ctz(mask);
      if (mask != 0) return end - 4 + (__builtin_ctz(mask) - 4);
      return end;
    }
    while (p < end && !is_special(*p)) ++p;
    return p;
#else
    while (end - p >= 8) {
      std::uint64_t v = 0;
      std::memcpy(&v, p, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
      if (has_zero_byte(v ^ (kOnes * static_cast<unsigned char>(delimiter_))) ||
          has_zero_byte(v ^ (kOnes * '"')) || has_zero_byte(v ^ (kOnes * '\r')) ||
          has_zero_byte(v ^ (kOnes * '\n'))) {
        break;
      }
      p += 8;
    }
    while (p < end && !is_special(*p)) ++p;
    return p;
#endif
  }

 private:
  bool is_special(char c) const noexcept { return c == delimiter_ || c == '"' || c == '\r' || c == '\n'; }

#if defined(__SSE2__)
  unsigned match(__m128i v) const noexcept {
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, delimiter_x16_), _mm_cmpeq_epi8(v, quote_x16_)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, cr_x16_), _mm_cmpeq_epi8(v, lf_x16_)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  }
#endif

  char delimiter_;
#if defined(__SSE2__)
  __m128i delimiter_x16_;
  __m128i quote_x16_;
  __m128i cr_x16_;
  __m128i lf_x16_;
#endif
};

}  // namespace backoffice::detail
