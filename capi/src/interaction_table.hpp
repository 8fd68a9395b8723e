#pragma once

// Interactions as a Table, the shape shared by the C ABI and Python: the
// column names and types are those of docs/capi.md ("Interaction columns").

#include "table.hpp"

#include <backoffice/core/result.hpp>
#include <backoffice/domain/interaction_columns.hpp>
#include <backoffice/store/store_options.hpp>

#include <vector>

namespace backoffice::capi {

// The query result as a table; the int64 columns are moved, not copied.
Table interactions_to_table(InteractionColumns&& columns);

// Reads a table given by a caller into columns for Store::ingest_interactions.
// Errors (kInvalidArgument, or kParse for channel/direction text), naming
// the column and, for a value, "column[row]": an unknown column, a missing
// required column, a column of the wrong type, a null in a required column,
// a value that the columnar encoding cannot hold. Values the encoding holds
// but a record forbids (csat 9, ended before offered) pass here and are
// reported per row by the ingest. O(rows * columns).
Result<InteractionColumns> interactions_from_table(const Table& table);

// The rejected rows of an ingest: row (int64), field, value, reason (strings).
Table ingest_errors_table(const std::vector<RowError>& errors);

}  // namespace backoffice::capi
