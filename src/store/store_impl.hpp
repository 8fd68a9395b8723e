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

  StoreChangeObserver observer;
  // Runs the observer (if any) for a write; call inside the write's open
  // transaction, before commit. `payload` is only built when someone listens.
  template <typename Payload>
  Status notify(std::string_view action, std::string_view kind, std::string record_id, std::int64_t rows,
                Payload&& payload) {
    if (!observer) return Status::Ok();
    return observer(StoreChange{action, kind, std::move(record_id), rows, payload()});
  }
};

}  // namespace backoffice
