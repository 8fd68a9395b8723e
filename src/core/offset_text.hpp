#pragma once

// "+HH:MM" / "-HH:MM" after a local time: the UTC offset in whole minutes
// (an offset with seconds, as some 19th-century zones had, is cut to its
// minutes), as Instant::to_string_in and interval labels print it.

#include <cstdint>
#include <cstdlib>
#include <string>

namespace backoffice::detail {

inline void append_utc_offset(std::string& out, std::int64_t offset_s) {
  const std::int64_t magnitude = std::llabs(offset_s);
  const std::int64_t hours = magnitude / 3600, minutes = magnitude / 60 % 60;
  const char text[6] = {offset_s < 0 ? '-' : '+', static_cast<char>('0' + hours / 10 % 10),
                        static_cast<char>('0' + hours % 10), ':', static_cast<char>('0' + minutes / 10),
                        static_cast<char>('0' + minutes % 10)};
  out.append(text, 6);
}

}  // namespace backoffice::detail
