#pragma once

#include <backoffice/store/store.hpp>

#include "store/sqlite.hpp"

#include <map>
#include <string>

namespace backoffice {

struct Store::Impl {
  store_detail::Database db;
  std::string path;
  int schema_version = 0;
  // Prepared once per connection and reused: preparing costs more than a
  // typical single-row step.
  std::map<std::string, store_detail::Statement, std::less<>> cache;

  // The cached statement for a literal SQL text, reset and with bindings cleared.
  Result<store_detail::Statement*> statement(std::string_view sql);
};

}  // namespace backoffice
