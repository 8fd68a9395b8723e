#pragma once

#include <backoffice/core/result.hpp>

#include <string>
#include <string_view>

namespace backoffice {

// Checks an e-mail address against a pragmatic subset of RFC 5322 and returns
// it normalised: surrounding ASCII whitespace removed and the domain part
// lower-cased (the local part is kept as written: RFC 5321 lets a mail server
// treat it as case-sensitive).
//
// Accepted: `local@domain` where
//  - local is a dot-atom (RFC 5322 3.4.1): one or more runs of atext
//    (letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~) joined by
//    single dots, no leading or trailing dot, at most 64 octets (RFC 5321);
//  - domain is a host name: at least two labels joined by dots, each 1..63
//    letters, digits or hyphens, not starting or ending with a hyphen; the
//    last label is not all digits; at most 253 octets;
//  - the whole address is at most 254 octets (RFC 5321 path limit).
// Not accepted (rare in practice, and unsafe to pass on to other systems):
// quoted local parts, comments, address literals ("user@[192.0.2.1]"),
// single-label domains ("user@localhost"), non-ASCII (RFC 6531) addresses.
//
// Errors: kParse, field "email", value `raw`, message naming the rule.
// O(length); no allocation beyond the result.
Result<std::string> normalize_email(std::string_view raw);

}  // namespace backoffice
