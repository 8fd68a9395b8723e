#pragma once

// Writes one customer row and its e-mail and phone rows: shared by
// put_customer (INSERT OR REPLACE, id as given) and ingest_customers (plain
// INSERT, id 0 = next free id).

#include <backoffice/domain/customer.hpp>

#include "store/store_impl.hpp"

#include <string_view>

namespace backoffice::store_detail {

// replace: INSERT OR REPLACE with the id as given; else INSERT, id 0 = next id.
Status write_customer(Store::Impl& impl, const Customer& c, bool replace);

}  // namespace backoffice::store_detail
