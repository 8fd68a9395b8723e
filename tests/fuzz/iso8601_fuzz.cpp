// libFuzzer target for Instant::parse (ISO-8601 / RFC 3339). Besides "never
// crash, never throw", an accepted text must survive a round trip: its
// canonical form (Instant::to_string) parses back to the same instant.

#include <backoffice/core/instant.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = backoffice::Instant::parse(text);
  if (!parsed.ok()) {
    if (parsed.error().code != backoffice::ErrorCode::kParse) std::abort();
    return 0;
  }
  const std::string canonical = parsed->to_string();
  auto again = backoffice::Instant::parse(canonical);
  if (!again.ok() || *again != *parsed) std::abort();
  return 0;
}
