#include <backoffice/compliance/audit.hpp>

#include "compliance/audit_append.hpp"
#include "store/sqlite.hpp"
#include "store/store_impl.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace backoffice {
namespace {

constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // upper case is not canonical, so it is rejected too
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

void put_text(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out.append(s);
}

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// SHA-256 over the concatenation of `parts`.
template <std::size_t N>
std::string sha256_of(const std::array<std::string_view, N>& parts) {
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  // EVP calls fail only on allocation failure or a broken OpenSSL install;
  // both are treated as fatal programming/environment errors.
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 is unavailable");
  }
  for (auto p : parts) EVP_DigestUpdate(ctx.get(), p.data(), p.size());
  EVP_DigestFinal_ex(ctx.get(), digest.data(), &len);
  return to_hex(digest.data(), len);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) { return sha256_of(std::array{bytes}); }

Result<std::string> audit_entry_hash(std::string_view prev_hash, std::int64_t seq,
                                     const AuditRecord& record) {
  if (prev_hash.size() != 64) return invalid_argument("prev_hash", prev_hash, "expected 64 hex digits");
  std::array<char, 32> prev{};
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = hex_value(prev_hash[2 * i]);
    const int lo = hex_value(prev_hash[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return invalid_argument("prev_hash", prev_hash, "expected 64 lower-case hex digits");
    prev[i] = static_cast<char>(hi * 16 + lo);
  }
  // Length-prefixed fields: no two different entries share canonical bytes
  // (plain concatenation would let "ab"+"c" collide with "a"+"bc").
  std::string canonical;
  canonical.reserve(64 + record.actor.size() + record.action.size() + record.record_kind.size() +
                    record.record_id.size() + record.summary.size());
  put_u64(canonical, static_cast<std::uint64_t>(seq));
  put_u64(canonical, static_cast<std::uint64_t>(record.time.unix_ms()));
  put_text(canonical, record.actor);
  put_text(canonical, record.action);
  put_text(canonical, record.record_kind);
  put_text(canonical, record.record_id);
  put_text(canonical, record.summary);
  return sha256_of(std::array{std::string_view(prev.data(), prev.size()), std::string_view(canonical)});
}

namespace compliance_detail {

Result<AuditEntry> append_audit(Store::Impl& impl, const AuditRecord& record) {
  AuditEntry e;
  e.record = record;
  e.seq = 1;
  e.prev_hash = std::string(kGenesisHash);
  {
    BO_ASSIGN_OR_RETURN(auto* last,
                        impl.statement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    BO_ASSIGN_OR_RETURN(bool row, last->step());
    if (row) {
      e.seq = last->int64(0) + 1;
      e.prev_hash = std::string(last->text(1));
    }
    last->reset();
  }
  BO_ASSIGN_OR_RETURN(e.hash, audit_entry_hash(e.prev_hash, e.seq, record));
  BO_ASSIGN_OR_RETURN(auto* insert, impl.statement("INSERT INTO audit_log (seq, time_ms, actor, action, "
                                                   "record_kind, record_id, summary, prev_hash, hash) "
                                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  insert->bind(1, e.seq);
  insert->bind(2, record.time.unix_ms());
  insert->bind(3, std::string_view(record.actor));
  insert->bind(4, std::string_view(record.action));
  insert->bind(5, std::string_view(record.record_kind));
  insert->bind(6, std::string_view(record.record_id));
  insert->bind(7, std::string_view(record.summary));
  insert->bind(8, std::string_view(e.prev_hash));
  insert->bind(9, std::string_view(e.hash));
  BO_RETURN_IF_ERROR(insert->run());
  return e;
}

}  // namespace compliance_detail

void AuditLog::record_changes(std::string actor, std::function<Instant()> clock) {
  if (!clock) clock = [] { return Instant::now(); };
  Store::Impl* impl = &store_->impl();
  store_->set_change_observer([impl, actor = std::move(actor), clock = std::move(clock)](const StoreChange& c) -> Status {
    AuditRecord r;
    r.time = clock();
    r.actor = actor;
    r.action = std::string(c.action);
    r.record_kind = std::string(c.record_kind);
    r.record_id = c.record_id;
    r.summary = "rows=" + std::to_string(c.rows);
    if (!c.payload.empty()) r.summary += " sha256=" + sha256_hex(c.payload);
    // The store calls this inside the write's transaction.
    BO_ASSIGN_OR_RETURN(auto entry, compliance_detail::append_audit(*impl, r));
    (void)entry;
    return Status::Ok();
  });
}

void AuditLog::stop_recording() { store_->set_change_observer({}); }

Result<AuditEntry> AuditLog::append(const AuditRecord& record) {
  auto& impl = store_->impl();
  BO_ASSIGN_OR_RETURN(auto tx, store_detail::Transaction::begin(impl.db));
  BO_ASSIGN_OR_RETURN(auto entry, compliance_detail::append_audit(impl, record));
  BO_RETURN_IF_ERROR(tx.commit());
  return entry;
}

namespace {

// Reads rows with seq >= from_seq and hands each to `visit`, which returns
// false to stop.
template <typename Visit>
Status read_entries(const Store& store, std::int64_t from_seq, Visit&& visit) {
  // A fresh statement rather than the shared cache: the cache is non-const.
  BO_ASSIGN_OR_RETURN(
      auto st, store.impl().db.prepare(
                   "SELECT seq, time_ms, actor, action, record_kind, record_id, summary, prev_hash, hash "
                   "FROM audit_log WHERE seq >= ?1 ORDER BY seq"));
  st.bind(1, from_seq);
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st.step());
    if (!row) break;
    AuditEntry e;
    e.seq = st.int64(0);
    e.record.time = Instant::from_unix_ms(st.int64(1));
    e.record.actor = st.text(2);
    e.record.action = st.text(3);
    e.record.record_kind = st.text(4);
    e.record.record_id = st.text(5);
    e.record.summary = st.text(6);
    e.prev_hash = st.text(7);
    e.hash = st.text(8);
    if (!visit(std::move(e))) break;
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<AuditEntry>> AuditLog::entries(std::int64_t from_seq) const {
  std::vector<AuditEntry> out;
  BO_RETURN_IF_ERROR(read_entries(*store_, from_seq, [&](AuditEntry e) {
    out.push_back(std::move(e));
    return true;
  }));
  return out;
}

Result<AuditVerification> AuditLog::verify() const {
  AuditVerification v;
  v.head_hash = std::string(kGenesisHash);
  std::int64_t expected_seq = 1;
  auto fail = [&](std::int64_t seq, std::string reason) {
    v.ok = false;
    v.first_bad_seq = seq;
    v.reason = std::move(reason);
    return false;
  };
  BO_RETURN_IF_ERROR(read_entries(*store_, 1, [&](const AuditEntry& e) {
    ++v.entries;
    if (e.seq != expected_seq) {
      return fail(expected_seq,
                  e.seq > expected_seq
                      ? fmt::format("entry {} is missing (the next stored entry is {})", expected_seq, e.seq)
                      : fmt::format("entry {} is out of order", e.seq));
    }
    if (e.prev_hash != v.head_hash) {
      return fail(e.seq, fmt::format("prev_hash does not match the hash of entry {} (removed or reordered)",
                                     e.seq - 1));
    }
    auto recomputed = audit_entry_hash(e.prev_hash, e.seq, e.record);
    if (!recomputed.ok() || *recomputed != e.hash) {
      return fail(e.seq, "hash does not match the entry's contents (altered)");
    }
    v.head_hash = e.hash;
    ++expected_seq;
    return true;
  }));
  return v;
}

}  // namespace backoffice
