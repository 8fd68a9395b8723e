#pragma once

// Small helpers for the compliance module's SQL on the store's connection.

#include "store/sqlite.hpp"
#include "store/store_impl.hpp"

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace backoffice::compliance_detail {

// The single integer a query returns; `args` bind ?1, ?2, ...
inline Result<std::int64_t> scalar(Store::Impl& impl, std::string_view sql,
                                   std::initializer_list<std::int64_t> args) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  int i = 0;
  for (auto a : args) st->bind(++i, a);
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  const std::int64_t n = row ? st->int64(0) : 0;
  st->reset();
  return n;
}

// Runs a write and returns how many rows it changed.
inline Result<std::int64_t> changes(Store::Impl& impl, std::string_view sql,
                                    std::initializer_list<std::int64_t> args) {
  BO_ASSIGN_OR_RETURN(auto* st, impl.statement(sql));
  int i = 0;
  for (auto a : args) st->bind(++i, a);
  BO_RETURN_IF_ERROR(st->run());
  return static_cast<std::int64_t>(sqlite3_changes(impl.db.raw()));
}

}  // namespace backoffice::compliance_detail
