// A program outside the backoffice tree, built against an installed copy of
// the library, to prove the installed headers, CMake config and pkg-config
// file are enough on their own.
#include <backoffice/backoffice.hpp>

#include <fmt/format.h>

int main() {
  using namespace backoffice;
  auto t = Instant::parse("2024-03-10T07:00:00Z");
  auto ny = TimeZone::locate("America/New_York");
  auto price = Money::parse("12.34 USD");
  if (!t || !ny || !price) return 1;
  const std::string local = t->to_string_in(*ny);
  fmt::print("backoffice {} consumer: {} = {}; {}\n", BACKOFFICE_VERSION_STRING, t->to_string(), local,
             price->to_string());
  return local == "2024-03-10T03:00:00-04:00" && library_version().major == BACKOFFICE_VERSION_MAJOR ? 0 : 1;
}
