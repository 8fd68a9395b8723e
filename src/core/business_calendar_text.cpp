// The compact text form of a BusinessCalendar (grammar in
// docs/business_calendar.md):
//   "Mon-Fri 08:00-12:00, 13:00-17:30; Sat 10:00-14:00; 2024-12-25 closed"

#include <backoffice/core/business_calendar.hpp>

#include "core/text_scan.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace backoffice {
namespace {

constexpr std::string_view kShortNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::string_view kLongNames[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One "days hours" item, already read.
struct Item {
  std::vector<int> weekdays;  // ISO 1..7
  std::vector<LocalDate> dates;
  bool closed = false;
  std::vector<OpeningRange> ranges;
};

class ItemReader {
 public:
  explicit ItemReader(std::string_view item) : in_(item) {}

  // On failure returns the reason; the caller names the item and the text.
  std::optional<std::string> read(Item& out) {
    do {
      skip_spaces();
      if (auto err = read_dayspec(out)) return err;
      skip_spaces();
    } while (in_.accept(','));
    if (in_.done()) return "expected opening hours (HH:MM-HH:MM) or 'closed' after the days";
    if (is_alpha(in_.peek())) {
      const std::string word = lower(letters());
      if (word != "closed") return fmt::format("expected HH:MM-HH:MM or 'closed', found '{}'", word);
      out.closed = true;
    } else {
      do {
        skip_spaces();
        OpeningRange r;
        if (auto err = read_clock(r.begin)) return err;
        skip_spaces();
        if (!in_.accept('-')) return fmt::format("expected '-' between two times at '{}'", in_.rest());
        skip_spaces();
        if (auto err = read_clock(r.end)) return err;
        out.ranges.push_back(r);
        skip_spaces();
      } while (in_.accept(','));
    }
    skip_spaces();
    if (!in_.done()) return fmt::format("unexpected text '{}'", in_.rest());
    return std::nullopt;
  }

 private:
  void skip_spaces() {
    while (!in_.done() && is_space(in_.peek())) in_.accept(in_.peek());
  }

  std::string_view letters() {
    const std::string_view rest = in_.rest();
    std::size_t n = 0;
    while (n < rest.size() && is_alpha(rest[n])) ++n;
    for (std::size_t i = 0; i < n; ++i) in_.accept(rest[i]);
    return rest.substr(0, n);
  }

  std::optional<std::string> read_weekday(int& iso) {
    const std::string_view at = in_.rest();
    const std::string word = lower(letters());
    for (int i = 0; i < 7; ++i) {
      if (word == kShortNames[i] || word == kLongNames[i]) {
        iso = i + 1;
        return std::nullopt;
      }
    }
    return fmt::format("expected a weekday (Mon..Sun) or a date (YYYY-MM-DD) at '{}'", at);
  }

  std::optional<std::string> read_dayspec(Item& out) {
    const char c = in_.peek();
    if (is_digit(c)) {
      const std::string_view rest = in_.rest();
      const std::string_view token = rest.substr(0, std::min<std::size_t>(10, rest.size()));
      auto date = LocalDate::parse(token);
      if (!date.ok()) return fmt::format("expected a date YYYY-MM-DD at '{}'", rest);
      for (char ch : token) in_.accept(ch);
      out.dates.push_back(*date);
      return std::nullopt;
    }
    int first = 0;
    if (auto err = read_weekday(first)) return err;
    skip_spaces();
    int last = first;
    if (in_.accept('-')) {
      skip_spaces();
      if (auto err = read_weekday(last)) return err;
    }
    // A range wraps past Sunday: Sun-Thu is Sun, Mon, Tue, Wed, Thu.
    for (int d = first;; d = d % 7 + 1) {
      out.weekdays.push_back(d);
      if (d == last) break;
    }
    return std::nullopt;
  }

  // HH:MM[:SS[.fff]], 00:00..24:00.
  std::optional<std::string> read_clock(Milliseconds& out) {
    const std::string_view at = in_.rest();
    auto fail = [&] { return fmt::format("expected a time HH:MM (00:00..24:00) at '{}'", at); };
    std::int64_t h = 0;
    int count = 0;
    int m = 0;
    int s = 0;
    int ms = 0;
    if (!in_.digits_up_to(2, h, count) || !in_.accept(':') || !in_.digits(2, m)) return fail();
    if (in_.accept(':')) {
      if (!in_.digits(2, s)) return fail();
      if (in_.accept('.') && !in_.fraction_ms(ms)) return fail();
    }
    if (h > 24 || m > 59 || s > 59 || (h == 24 && (m != 0 || s != 0 || ms != 0))) return fail();
    out = Milliseconds(((h * 60 + m) * 60 + s) * 1000 + ms);
    return std::nullopt;
  }

  detail::TextScan in_;
};

}  // namespace

Result<BusinessCalendar> BusinessCalendar::parse(std::string_view text, TimeZone zone) {
  BusinessCalendarBuilder builder(zone);
  std::array<int, 7> weekday_item{};    // item number that set each weekday, 0 = none
  std::map<LocalDate, int> date_items;  // item number that set each date
  int number = 0;
  std::string_view rest = text;
  while (true) {
    const std::size_t semicolon = rest.find(';');
    const std::string_view raw = rest.substr(0, semicolon);
    ++number;
    const std::string_view item_text = trim(raw);
    if (!item_text.empty()) {
      auto fail = [&](std::string_view why) {
        return parse_error("calendar", text, fmt::format("item {} '{}': {}", number, item_text, why));
      };
      Item item;
      if (auto err = ItemReader(item_text).read(item)) return fail(*err);
      for (int d : item.weekdays) {
        int& seen = weekday_item[static_cast<std::size_t>(d - 1)];
        if (seen != 0) {
          return fail(fmt::format("{} already has hours from item {}",
                                  weekday_abbreviation(std::chrono::weekday(static_cast<unsigned>(d % 7))),
                                  seen));
        }
        seen = number;
        for (const OpeningRange& r : item.ranges) {
          builder.open(std::chrono::weekday(static_cast<unsigned>(d % 7)), r.begin, r.end);
        }
      }
      for (LocalDate date : item.dates) {
        const auto [it, inserted] = date_items.emplace(date, number);
        if (!inserted) {
          return fail(fmt::format("{} already has hours from item {}", date.to_string(), it->second));
        }
        if (item.closed) builder.holiday(date);
        for (const OpeningRange& r : item.ranges) builder.special_hours(date, r.begin, r.end);
      }
    }
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  auto built = builder.build();
  if (!built.ok()) {
    const Error& e = built.error();
    return validation_error("calendar", text, fmt::format("{} {}: {}", e.field, e.value, e.message));
  }
  return built;
}

std::string BusinessCalendar::to_string() const {
  auto join_ranges = [](std::span<const OpeningRange> ranges) {
    std::string s;
    for (const OpeningRange& r : ranges) {
      if (!s.empty()) s += ", ";
      s += r.to_string();
    }
    return s;
  };
  constexpr std::string_view kNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::vector<std::string> items;
  for (std::size_t i = 0; i < 7;) {
    std::size_t j = i + 1;
    while (j < 7 && weekly_[j] == weekly_[i]) ++j;
    if (!weekly_[i].empty()) {
      const std::string days =
          j - i == 1 ? std::string(kNames[i]) : fmt::format("{}-{}", kNames[i], kNames[j - 1]);
      items.push_back(days + " " + join_ranges(weekly_[i]));
    }
    i = j;
  }
  for (const DateHours& h : dates_) {
    items.push_back(h.date.to_string() + " " + (h.holiday ? std::string("closed") : join_ranges(h.ranges)));
  }
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

}  // namespace backoffice
