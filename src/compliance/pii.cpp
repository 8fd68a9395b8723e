#include <backoffice/compliance/pii.hpp>
#include <backoffice/compliance/pii_checks.hpp>

#include "compliance/pii_phone.hpp"

#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <numeric>
#include <optional>
#include <string>

namespace backoffice {

using i18n::phonenumbers::PhoneNumberUtil;

std::string_view to_string(PiiKind kind) noexcept {
  switch (kind) {
    case PiiKind::kCard:
      return "card";
    case PiiKind::kEmail:
      return "email";
    case PiiKind::kPhone:
      return "phone";
    case PiiKind::kIban:
      return "iban";
    case PiiKind::kSsn:
      return "ssn";
  }
  return "unknown";
}

std::int64_t MaskResult::total() const {
  return std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
}

namespace {

// One alternative per kind, in priority order (RE2 alternation is
// leftmost-first, as in Perl); classify() tells afterwards which one matched.
// Phones are not in the pattern: their candidates are found by
// detail::next_phone_run in the text between the pattern's matches (see
// scan()), which is cheaper than an RE2 alternative that stops at every date.
constexpr std::string_view kEmailPattern =
    R"((?:[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}))";
constexpr std::string_view kIbanPattern = R"(\b(?:[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30})\b)";
constexpr std::string_view kSsnPattern = R"(\b(?:[0-9]{3}-[0-9]{2}-[0-9]{4})\b)";
constexpr std::string_view kCardPattern = R"(\b(?:[0-9](?:[ \-]?[0-9]){12,18})\b)";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_local_part(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}
bool is_word(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

// Which alternative produced the match [begin, end) of `text`. Asking RE2
// for capture groups costs a second, slower engine per match; the shapes of
// the alternatives are distinct enough to tell them apart afterwards, in the
// same priority order as the pattern (only e-mails contain '@', only IBANs
// start with a letter, a card or SSN shape with word boundaries on both sides
// would have been taken by that earlier alternative).
PiiKind classify(std::string_view text, std::size_t begin, std::size_t end) {
  const auto m = text.substr(begin, end - begin);
  if (m.find('@') != std::string_view::npos) return PiiKind::kEmail;
  if (m[0] >= 'A' && m[0] <= 'Z') return PiiKind::kIban;
  const bool bounded =
      (begin == 0 || !is_word(text[begin - 1])) && (end == text.size() || !is_word(text[end]));
  if (!bounded || !is_digit(m[0]) || !is_digit(m.back())) return PiiKind::kPhone;
  if (m.size() == 11 && m[3] == '-' && m[6] == '-') return PiiKind::kSsn;
  int digits = 0;
  char prev = '0';
  for (char c : m) {
    if (is_digit(c)) {
      ++digits;
    } else if ((c != ' ' && c != '-') || !is_digit(prev)) {
      return PiiKind::kPhone;
    }
    prev = c;
  }
  return digits >= 13 && digits <= 19 ? PiiKind::kCard : PiiKind::kPhone;
}

}  // namespace

struct PiiMasker::Impl {
  MaskOptions options;
  std::unique_ptr<RE2> re;
  std::array<bool, kPiiKindCount> enabled{};
  std::optional<detail::PhoneFinder> phones;

  template <typename OnSpan>
  void scan(std::string_view text, OnSpan&& on_span) const;
  void find_phones(std::string_view text, std::size_t begin, std::size_t end, auto&& on_span) const {
    phones->find(text, begin, end, [&](std::size_t b, std::size_t e) { on_span(PiiKind::kPhone, b, e); });
  }
  // Phone candidates in text[from, to), a stretch where the pattern found
  // nothing.
  void phones_between(std::string_view text, std::size_t from, std::size_t to, auto&& on_span) const {
    if (!phones) return;
    while (true) {
      const auto run = detail::next_phone_run(text, from, to);
      if (run.begin == run.end) return;
      find_phones(text, run.begin, run.end, on_span);
      from = run.end;
    }
  }
};

template <typename OnSpan>
void PiiMasker::Impl::scan(std::string_view text, OnSpan&& on_span) const {
  re2::StringPiece match;
  const std::size_t n = text.size();
  std::size_t pos = 0;
  const re2::StringPiece whole(text.data(), n);
  while (pos < n && re) {
    // Every alternative needs a digit or an '@' (an IBAN's check digits sit
    // two letters after its start, an e-mail's '@' after a run of local-part
    // characters), so no match starts before the word holding the next one:
    // RE2 need not read the plain prose in front of it, nor a tail without
    // one at all. Its matches are the same as from `pos` (leftmost-first;
    // RE2 sees the bytes before the start for \b).
    std::size_t start = detail::find_digit_or_at(text, pos, n);
    if (start == n) break;
    while (start > pos && is_local_part(text[start - 1])) --start;
    if (!re->Match(whole, start, n, RE2::UNANCHORED, &match, 1)) break;
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    const auto end = begin + match.size();
    phones_between(text, pos, begin, on_span);
    const PiiKind kind = classify(text, begin, end);
    const auto candidate = text.substr(begin, end - begin);
    switch (kind) {
      case PiiKind::kEmail:
        on_span(kind, begin, end);
        break;
      case PiiKind::kSsn:
        if (ssn_valid(candidate)) on_span(kind, begin, end);
        break;
      case PiiKind::kIban:
        // The pattern runs on while alphanumerics follow a space ("... 00 FOO"),
        // so when the whole run fails, try it cut at each space from the right.
        if (iban_valid(candidate)) {
          on_span(kind, begin, end);
        } else {
          for (auto cut = candidate.rfind(' '); cut != std::string_view::npos && cut > 0;
               cut = candidate.rfind(' ', cut - 1)) {
            if (iban_valid(candidate.substr(0, cut))) {
              on_span(kind, begin, begin + cut);
              break;
            }
          }
        }
        break;
      case PiiKind::kCard:
        if (luhn_valid(candidate)) {
          on_span(kind, begin, end);
        } else if (options.phones) {
          find_phones(text, begin, end, on_span);
        }
        break;
      case PiiKind::kPhone:  // not an alternative of the pattern
        break;
    }
    pos = end;
  }
  phones_between(text, pos, n, on_span);
}

Result<PiiMasker> PiiMasker::create(const MaskOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  std::string pattern;
  auto add = [&](bool on, std::string_view alternative, PiiKind kind) {
    if (!on) return;
    if (!pattern.empty()) pattern += '|';
    pattern += alternative;
    impl->enabled[static_cast<std::size_t>(kind)] = true;
  };
  add(options.emails, kEmailPattern, PiiKind::kEmail);
  add(options.ibans, kIbanPattern, PiiKind::kIban);
  add(options.ssns, kSsnPattern, PiiKind::kSsn);
  add(options.cards, kCardPattern, PiiKind::kCard);
  if (pattern.empty() && !options.phones) {
    return invalid_argument("options", "all kinds off", "turn on at least one PII kind");
  }
  if (options.phones &&
      PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(options.default_region) == 0) {
    return invalid_argument("default_region", options.default_region,
                            "not a region libphonenumber knows (use ISO 3166-1 alpha-2, upper case)");
  }
  if (options.phones) impl->phones.emplace(options.default_region, options.phone_check);
  RE2::Options re_options;
  re_options.set_log_errors(false);
  // The counted repeats make a large automaton; a bigger DFA cache keeps the
  // scan from falling back to the slower NFA on long texts.
  re_options.set_max_mem(std::int64_t{32} << 20);
  if (!pattern.empty()) {  // phones alone need no pattern
    impl->re = std::make_unique<RE2>(pattern, re_options);
    if (!impl->re->ok()) {
      return make_error(ErrorCode::kInternal, "pattern", pattern, impl->re->error());
    }
  }
  return PiiMasker(std::move(impl));
}

const MaskOptions& PiiMasker::options() const { return impl_->options; }

namespace {

// Appends the replacement for text[begin, end) of `kind`.
void append_mask(std::string& out, PiiKind kind, std::string_view original) {
  switch (kind) {
    case PiiKind::kCard: {
      int digits = 0;
      for (char c : original) digits += is_digit(c) ? 1 : 0;
      int seen = 0;
      for (char c : original) {
        if (is_digit(c)) {
          out += (++seen > digits - 4) ? c : '*';
        } else {
          out += c;
        }
      }
      return;
    }
    case PiiKind::kEmail:
      out += "[EMAIL]";
      return;
    case PiiKind::kPhone:
      out += "[PHONE]";
      return;
    case PiiKind::kIban:
      out += "[IBAN]";
      return;
    case PiiKind::kSsn:
      out += "[SSN]";
      return;
  }
}

}  // namespace

std::int64_t PiiMasker::mask_into(std::string_view text, std::string& out) const {
  out.clear();
  out.reserve(text.size());
  std::size_t copied = 0;
  std::int64_t found = 0;
  impl_->scan(text, [&](PiiKind kind, std::size_t begin, std::size_t end) {
    out.append(text.substr(copied, begin - copied));
    append_mask(out, kind, text.substr(begin, end - begin));
    copied = end;
    ++found;
  });
  out.append(text.substr(copied));
  return found;
}

MaskResult PiiMasker::mask(std::string_view text) const {
  MaskResult r;
  r.text.reserve(text.size());
  std::size_t copied = 0;
  impl_->scan(text, [&](PiiKind kind, std::size_t begin, std::size_t end) {
    r.text.append(text.substr(copied, begin - copied));
    append_mask(r.text, kind, text.substr(begin, end - begin));
    copied = end;
    ++r.counts[static_cast<std::size_t>(kind)];
    r.spans.push_back(PiiSpan{kind, begin, end});
  });
  r.text.append(text.substr(copied));
  return r;
}

Result<MaskResult> mask_pii(std::string_view text, const MaskOptions& options) {
  BO_ASSIGN_OR_RETURN(auto masker, PiiMasker::create(options));
  return masker.mask(text);
}

std::int64_t mask_interaction_notes(Interaction& interaction, const PiiMasker& masker) {
  if (interaction.notes.empty()) return 0;
  std::string masked;
  const auto found = masker.mask_into(interaction.notes, masked);
  if (found > 0) interaction.notes = std::move(masked);
  return found;
}

}  // namespace backoffice
