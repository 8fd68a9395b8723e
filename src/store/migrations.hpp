#pragma once

// Schema migrations, tracked in PRAGMA user_version. Migration k (1-based)
// takes a file from version k-1 to k inside one transaction, so a crash
// mid-upgrade leaves the older version intact.

#include "store/sqlite.hpp"

#include <span>
#include <string_view>

namespace backoffice::store_detail {

// The migration scripts in order; the schema version is their count.
std::span<const std::string_view> migration_scripts();
int latest_schema_version();

// Upgrades `db` to `target_version` (default: the latest). A file newer than
// this library is a kStore error naming both versions.
Status migrate(const Database& db, int target_version = -1);

}  // namespace backoffice::store_detail
