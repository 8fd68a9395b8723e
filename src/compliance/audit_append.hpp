#pragma once

// Appending inside a transaction the caller already holds, so an erasure or a
// retention run and its audit entry commit (or roll back) together.

#include <backoffice/compliance/audit.hpp>

#include "store/store_impl.hpp"

namespace backoffice::compliance_detail {

// Precondition: a write transaction is open on impl.db.
Result<AuditEntry> append_audit(Store::Impl& impl, const AuditRecord& record);

}  // namespace backoffice::compliance_detail
