// Queues, agents and customers: the reference records other records point at.
#include <backoffice/store/store.hpp>

#include "store/store_impl.hpp"
#include "store/customer_rows.hpp"
#include "store/store_ingest.hpp"

#include <fmt/format.h>

namespace backoffice {
namespace {

using store_detail::Statement;
using store_detail::Transaction;
using store_detail::not_found;

constexpr std::string_view kPutQueue =
    "INSERT OR REPLACE INTO queues (id, name, channel, sl_target_s, sl_target_pct, short_abandon_s, "
    "calendar, time_zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr std::string_view kQueueColumns =
    "SELECT id, name, channel, sl_target_s, sl_target_pct, short_abandon_s, calendar, time_zone FROM queues";

Result<Queue> read_queue(const Statement& s) {
  Queue q;
  q.id = QueueId(s.int64(0));
  q.name = std::string(s.text(1));
  BO_ASSIGN_OR_RETURN(q.channel, parse_channel(s.text(2), "queue.channel"));
  q.service_level_target = std::chrono::seconds(s.int64(3));
  q.service_level_percent = s.real(4);
  q.short_abandon_threshold = std::chrono::seconds(s.int64(5));
  q.business_calendar = std::string(s.text(6));
  q.time_zone = std::string(s.text(7));
  return q;
}

}  // namespace

Status Store::put_queue(const Queue& q) {
  BO_RETURN_IF_ERROR(q.validate());
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(kPutQueue));
  st->bind(1, q.id.value());
  st->bind(2, std::string_view(q.name));
  st->bind(3, to_string(q.channel));
  st->bind(4, static_cast<std::int64_t>(q.service_level_target.count()));
  st->bind(5, q.service_level_percent);
  st->bind(6, static_cast<std::int64_t>(q.short_abandon_threshold.count()));
  st->bind(7, std::string_view(q.business_calendar));
  st->bind(8, std::string_view(q.time_zone));
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_RETURN_IF_ERROR(st->run());
  BO_RETURN_IF_ERROR(impl_->notify("put", "queue", std::to_string(q.id.value()), 1, [&] { return to_string(q); }));
  return tx.commit();
}

Result<Queue> Store::get_queue(QueueId id) const {
  static const std::string sql = fmt::format("{} WHERE id = ?1", kQueueColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) return not_found("queue", id);
  return read_queue(*st);
}

Result<std::vector<Queue>> Store::queues() const {
  static const std::string sql = fmt::format("{} ORDER BY id", kQueueColumns);
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(sql));
  std::vector<Queue> out;
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool row, st->step());
    if (!row) break;
    BO_ASSIGN_OR_RETURN(auto q, read_queue(*st));
    out.push_back(std::move(q));
  }
  return out;
}

Status Store::put_agent(const Agent& a) {
  BO_RETURN_IF_ERROR(a.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(
      "INSERT OR REPLACE INTO agents (id, name, team_id, time_zone) VALUES (?1, ?2, ?3, ?4)"));
  st->bind(1, a.id.value());
  st->bind(2, std::string_view(a.name));
  if (a.team) st->bind(3, a.team->value()); else st->bind_null(3);
  st->bind(4, std::string_view(a.time_zone));
  BO_RETURN_IF_ERROR(st->run());
  BO_ASSIGN_OR_RETURN(auto* del, impl_->statement("DELETE FROM agent_skills WHERE agent_id = ?1"));
  del->bind(1, a.id.value());
  BO_RETURN_IF_ERROR(del->run());
  BO_ASSIGN_OR_RETURN(auto* skill, impl_->statement(
      "INSERT INTO agent_skills (agent_id, position, name, level) VALUES (?1, ?2, ?3, ?4)"));
  for (std::size_t i = 0; i < a.skills.size(); ++i) {
    skill->bind(1, a.id.value());
    skill->bind(2, static_cast<std::int64_t>(i));
    skill->bind(3, std::string_view(a.skills[i].name));
    skill->bind(4, a.skills[i].level);
    BO_RETURN_IF_ERROR(skill->run());
  }
  BO_RETURN_IF_ERROR(impl_->notify("put", "agent", std::to_string(a.id.value()), 1, [&] { return to_string(a); }));
  return tx.commit();
}

Result<Agent> Store::get_agent(AgentId id) const {
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement("SELECT id, name, team_id, time_zone FROM agents WHERE id = ?1"));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) return not_found("agent", id);
  Agent a;
  a.id = AgentId(st->int64(0));
  a.name = std::string(st->text(1));
  if (!st->is_null(2)) a.team = TeamId(st->int64(2));
  a.time_zone = std::string(st->text(3));
  BO_ASSIGN_OR_RETURN(auto* sk, impl_->statement(
      "SELECT name, level FROM agent_skills WHERE agent_id = ?1 ORDER BY position"));
  sk->bind(1, id.value());
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool more, sk->step());
    if (!more) break;
    Skill s{std::string(sk->text(0)), std::nullopt};
    if (!sk->is_null(1)) s.level = static_cast<int>(sk->int64(1));
    a.skills.push_back(std::move(s));
  }
  return a;
}

Result<std::vector<Agent>> Store::agents() const {
  BO_ASSIGN_OR_RETURN(auto ids, store_detail::query_ids(*impl_, "SELECT id FROM agents ORDER BY id"));
  std::vector<Agent> out;
  out.reserve(ids.size());
  for (auto id : ids) {
    BO_ASSIGN_OR_RETURN(auto x, get_agent(AgentId(id)));
    out.push_back(std::move(x));
  }
  return out;
}

Status Store::put_customer(const Customer& c) {
  BO_RETURN_IF_ERROR(c.validate());
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_RETURN_IF_ERROR(store_detail::write_customer(*impl_, c, /*replace=*/true));
  BO_RETURN_IF_ERROR(
      impl_->notify("put", "customer", std::to_string(c.id.value()), 1, [&] { return to_string(c); }));
  return tx.commit();
}

Result<Customer> Store::get_customer(CustomerId id) const {
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement(
      "SELECT id, name, address_line1, address_line2, city, region, postal_code, country, consent_email, "
      "consent_sms, consent_recording, created_ms, updated_ms FROM customers WHERE id = ?1"));
  st->bind(1, id.value());
  BO_ASSIGN_OR_RETURN(bool row, st->step());
  if (!row) return not_found("customer", id);
  Customer c;
  c.id = CustomerId(st->int64(0));
  c.name = std::string(st->text(1));
  c.address = Address{std::string(st->text(2)), std::string(st->text(3)), std::string(st->text(4)),
                      std::string(st->text(5)), std::string(st->text(6)), std::string(st->text(7))};
  c.consent = ConsentFlags{st->int64(8) != 0, st->int64(9) != 0, st->int64(10) != 0};
  c.created_at = Instant::from_unix_ms(st->int64(11));
  c.updated_at = Instant::from_unix_ms(st->int64(12));
  BO_ASSIGN_OR_RETURN(auto* em, impl_->statement(
      "SELECT email FROM customer_emails WHERE customer_id = ?1 ORDER BY position"));
  em->bind(1, id.value());
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool more, em->step());
    if (!more) break;
    c.emails.emplace_back(em->text(0));
  }
  BO_ASSIGN_OR_RETURN(auto* ph, impl_->statement(
      "SELECT e164 FROM customer_phones WHERE customer_id = ?1 ORDER BY position"));
  ph->bind(1, id.value());
  for (;;) {
    BO_ASSIGN_OR_RETURN(bool more, ph->step());
    if (!more) break;
    c.phones.emplace_back(ph->text(0));
  }
  return c;
}

Status Store::delete_customer(CustomerId id) {
  BO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(impl_->db));
  BO_ASSIGN_OR_RETURN(auto* st, impl_->statement("DELETE FROM customers WHERE id = ?1"));
  st->bind(1, id.value());
  BO_RETURN_IF_ERROR(st->run());
  if (sqlite3_changes(impl_->db.raw()) == 0) return not_found("customer", id);
  BO_RETURN_IF_ERROR(impl_->notify("delete", "customer", std::to_string(id.value()), 1, [] { return std::string(); }));
  return tx.commit();
}

}  // namespace backoffice
