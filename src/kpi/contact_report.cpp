#include <backoffice/kpi/contact_report.hpp>

#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/interaction.hpp>

#include "kpi/ratio.hpp"

#include "kpi/dense_encoder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>

namespace backoffice {

using kpi_detail::ratio;

struct ContactReport::Index {
  kpi_detail::TupleIndex tuples;
};

namespace {

constexpr std::array<std::pair<Dimension, std::string_view>, 6> kDimensionNames{{
    {Dimension::kQueue, "queue"},
    {Dimension::kAgent, "agent"},
    {Dimension::kTeam, "team"},
    {Dimension::kChannel, "channel"},
    {Dimension::kDirection, "direction"},
    {Dimension::kReason, "reason"},
}};

std::size_t key_width(const GroupBy& g) { return g.dimensions.size() + 1; }

// Keys are at most 8 values; an inlined loop beats a memcmp call per row.
inline bool same_key(const std::int64_t* a, const std::int64_t* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view to_string(Dimension d) noexcept {
  for (const auto& [dim, name] : kDimensionNames) {
    if (dim == d) return name;
  }
  return "unknown";
}

Result<Dimension> parse_dimension(std::string_view text) {
  for (const auto& [dim, name] : kDimensionNames) {
    if (name == text) return dim;
  }
  return parse_error("dimension", text, "expected queue, agent, team, channel, direction or reason");
}

void ContactCounts::merge(const ContactCounts& o) {
#define BO_MERGE_FIELD(name) name += o.name;
  BO_CONTACT_COUNTS(BO_MERGE_FIELD)
#undef BO_MERGE_FIELD
}

ContactReport::ContactReport(GroupBy group_by, KpiOptions options)
    : group_by_(std::move(group_by)),
      options_(std::move(options)),
      index_(std::make_unique<Index>(Index{kpi_detail::TupleIndex(key_width(group_by_))})) {}

ContactReport::ContactReport(const ContactReport& o)
    : group_by_(o.group_by_),
      options_(o.options_),
      counts_(o.counts_),
      index_(std::make_unique<Index>(*o.index_)),
      reason_labels_(o.reason_labels_) {}
ContactReport& ContactReport::operator=(const ContactReport& o) {
  if (this != &o) *this = ContactReport(o);
  return *this;
}
ContactReport::ContactReport(ContactReport&&) noexcept = default;
ContactReport& ContactReport::operator=(ContactReport&&) noexcept = default;
ContactReport::~ContactReport() = default;

std::span<const std::int64_t> ContactReport::key(std::size_t group) const { return index_->tuples.key(group); }

ContactCounts& ContactReport::group(const std::int64_t* key) {
  const auto idx = static_cast<std::size_t>(index_->tuples.find_or_add(key));
  if (idx == counts_.size()) counts_.emplace_back();
  return counts_[idx];
}

ContactCounts ContactReport::total() const {
  ContactCounts t;
  for (const auto& c : counts_) t.merge(c);
  return t;
}

std::string ContactReport::fingerprint() const {
  std::string f = describe(options_);
  f += "; group_by=";
  for (auto d : group_by_.dimensions) {
    f += to_string(d);
    f += ',';
  }
  f += fmt::format("; bucket={}; zone={}; teams={}", to_string(group_by_.bucket), group_by_.zone.name(),
                   group_by_.team_of_agent.size());
  return f;
}

Status ContactReport::merge(const ContactReport& other) {
  if (fingerprint() != other.fingerprint()) {
    return invalid_argument("report", other.fingerprint(), "cannot merge reports made with different options");
  }
  for (std::size_t g = 0; g < other.group_count(); ++g) group(other.key(g).data()).merge(other.counts_[g]);
  if (other.reason_labels_.size() > reason_labels_.size()) reason_labels_ = other.reason_labels_;
  return Status::Ok();
}

namespace {
constexpr std::string_view kMagic = "BOKPI1\n";
constexpr std::size_t kFields = sizeof(ContactCounts) / sizeof(std::int64_t);

void put64(std::string& out, std::int64_t v) {
  for (int b = 0; b < 8; ++b) out += static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * b)) & 0xff);
}
std::int64_t get64(const char* p) {
  std::uint64_t v = 0;
  for (int b = 0; b < 8; ++b) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[b])) << (8 * b);
  return static_cast<std::int64_t>(v);
}
}  // namespace

std::string ContactReport::serialize() const {
  std::string out(kMagic);
  const std::string f = fingerprint();
  put64(out, static_cast<std::int64_t>(f.size()));
  out += f;
  put64(out, static_cast<std::int64_t>(counts_.size()));
  for (std::size_t g = 0; g < counts_.size(); ++g) {
    for (auto k : key(g)) put64(out, k);
#define BO_PUT_FIELD(name) put64(out, counts_[g].name);
    BO_CONTACT_COUNTS(BO_PUT_FIELD)
#undef BO_PUT_FIELD
  }
  return out;
}

Result<ContactReport> ContactReport::deserialize(std::string_view bytes, GroupBy group_by, KpiOptions options) {
  ContactReport r(std::move(group_by), std::move(options));
  auto fail = [&](std::string_view why) -> Error {
    return parse_error("report", fmt::format("{} bytes", bytes.size()), why);
  };
  if (!bytes.starts_with(kMagic)) return fail("not a serialized contact report");
  std::size_t pos = kMagic.size();
  auto need = [&](std::size_t n) { return pos + n <= bytes.size(); };
  if (!need(8)) return fail("truncated header");
  const auto flen = static_cast<std::size_t>(get64(bytes.data() + pos));
  pos += 8;
  if (!need(flen)) return fail("truncated header");
  if (bytes.substr(pos, flen) != r.fingerprint()) {
    return invalid_argument("report", bytes.substr(pos, flen), "made with other options than the reader's");
  }
  pos += flen;
  if (!need(8)) return fail("truncated group count");
  const auto groups = static_cast<std::size_t>(get64(bytes.data() + pos));
  pos += 8;
  const std::size_t width = key_width(r.group_by_);
  std::vector<std::int64_t> key(width);
  for (std::size_t g = 0; g < groups; ++g) {
    if (!need(8 * (width + kFields))) return fail("truncated group");
    for (auto& k : key) { k = get64(bytes.data() + pos); pos += 8; }
    auto& c = r.group(key.data());
#define BO_GET_FIELD(name) c.name = get64(bytes.data() + pos); pos += 8;
    BO_CONTACT_COUNTS(BO_GET_FIELD)
#undef BO_GET_FIELD
  }
  if (pos != bytes.size()) return fail("trailing bytes");
  return r;
}

Result<ContactReport> contact_report(const InteractionView& v, const GroupBy& group_by, const KpiOptions& options,
                                     std::span<const FcrState> fcr) {
  const std::size_t n = v.size();
  const std::span<const std::int64_t> int_columns[] = {v.queue_id, v.customer_id, v.agent_id, v.answered_ms,
                                                       v.ended_ms, v.talk_ms, v.hold_ms, v.wrap_ms};
  for (const auto& col : int_columns) {
    if (col.size() != n) return invalid_argument("columns", std::to_string(col.size()), "column lengths differ");
  }
  if (v.channel.size() != n || v.direction.size() != n || v.transferred.size() != n || v.resolved.size() != n ||
      v.csat.size() != n || v.nps.size() != n || v.reason.size() != n) {
    return invalid_argument("columns", std::to_string(n), "column lengths differ");
  }
  if (options.csat_top_box_min < 1 || options.csat_top_box_min > 5) {
    return invalid_argument("csat_top_box_min", std::to_string(options.csat_top_box_min), "must be 1..5");
  }
  std::vector<FcrState> computed;
  if (fcr.empty() && n > 0) {
    computed = fcr_states(v, options.fcr);
    fcr = computed;
  }
  if (fcr.size() != n) return invalid_argument("fcr", std::to_string(fcr.size()), "needs one state per row");

  ContactReport report(group_by, options);
  report.reason_labels_.assign(v.reason_labels.begin(), v.reason_labels.end());
  TimeBucketer bucketer(group_by.bucket, group_by.zone);
  const std::size_t dims = group_by.dimensions.size();
  std::array<std::int64_t, 8> key{};
  if (dims + 1 > key.size()) return invalid_argument("dimensions", std::to_string(dims), "at most 7 dimensions");

  // Queue targets change only when the queue does; cache the last lookup.
  std::int64_t cached_queue = kNullInt64;
  std::int64_t target_ms = 0, short_ms = 0;
  std::int64_t last_key[8];
  std::fill(std::begin(last_key), std::end(last_key), kNullInt64);
  ContactCounts* c = nullptr;
  constexpr int kRecentBits = 8;
  struct RecentGroup {
    std::array<std::int64_t, 8> key{};
    std::int32_t group = -1;
  };
  std::vector<RecentGroup> recent(std::size_t{1} << kRecentBits);
  const std::int64_t top_box = options.csat_top_box_min;

  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t d = 0; d < dims; ++d) {
      switch (group_by.dimensions[d]) {
        case Dimension::kQueue: key[d] = v.queue_id[i]; break;
        case Dimension::kAgent: key[d] = v.agent_id[i]; break;
        case Dimension::kTeam: {
          auto it = group_by.team_of_agent.find(v.agent_id[i]);
          key[d] = it == group_by.team_of_agent.end() ? kNullInt64 : it->second;
          break;
        }
        case Dimension::kChannel: key[d] = v.channel[i]; break;
        case Dimension::kDirection: key[d] = v.direction[i]; break;
        case Dimension::kReason: key[d] = v.reason[i]; break;
      }
    }
    key[dims] = bucketer.bucket_start(v.offered_ms[i]);
    if (c == nullptr || !same_key(key.data(), last_key, dims + 1)) {
      // Time-ordered input touches few groups at a time (the queues of the
      // current interval); a small direct-mapped cache of recent keys saves
      // the hash-table probe, which misses the CPU cache once groups number
      // in the tens of thousands.
      std::uint64_t h = 0;
      for (std::size_t d = 0; d <= dims; ++d) h = (h ^ static_cast<std::uint64_t>(key[d])) * 0x9e3779b97f4a7c15ULL;
      auto& slot = recent[h >> (64 - kRecentBits)];
      if (slot.group >= 0 && same_key(slot.key.data(), key.data(), dims + 1)) {
        c = &report.counts_[static_cast<std::size_t>(slot.group)];
      } else {
        c = &report.group(key.data());
        slot.key = key;
        slot.group = static_cast<std::int32_t>(c - report.counts_.data());
      }
      std::copy_n(key.data(), dims + 1, last_key);
    }
    if (v.queue_id[i] != cached_queue) {
      cached_queue = v.queue_id[i];
      const auto& t = options.targets_for(cached_queue);
      target_ms = std::chrono::milliseconds(t.answer_target).count();
      short_ms = std::chrono::milliseconds(t.short_abandon).count();
    }

    const bool answered = v.answered_ms[i] != kNullInt64;
    const std::int64_t wait = (answered ? v.answered_ms[i] : v.ended_ms[i]) - v.offered_ms[i];
    const std::int64_t within = wait <= target_ms;
    c->offered += 1;
    if (answered) {
      c->answered += 1;
      c->answered_within_target += within;
      c->wait_answered_ms += wait;
      c->talk_ms += v.talk_ms[i];
      c->hold_ms += v.hold_ms[i];
      c->wrap_ms += v.wrap_ms[i];
      c->transferred += v.transferred[i] != 0;
    } else {
      c->abandoned += 1;
      c->short_abandoned += wait < short_ms;
      c->abandoned_within_target += within;
    }
    const std::int64_t csat = v.csat[i];
    c->csat_responses += csat > 0;
    c->csat_top_box += csat >= top_box;
    c->csat_sum += csat > 0 ? csat : 0;
    const std::int64_t nps = v.nps[i];
    c->nps_responses += nps >= 0;
    c->nps_promoters += nps >= 9;
    c->nps_detractors += nps >= 0 && nps <= 6;
    c->survey_resolved_known += v.resolved[i] >= 0;
    c->survey_resolved += v.resolved[i] == 1;
    c->fcr_resolved += fcr[i] == FcrState::kResolved;
    c->fcr_repeat += fcr[i] == FcrState::kRepeat;
    c->fcr_pending += fcr[i] == FcrState::kPending;
  }
  return report;
}

Table ContactReport::to_table() const {
  std::vector<std::size_t> order(group_count());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    auto ka = key(a), kb = key(b);
    return std::lexicographical_compare(ka.begin(), ka.end(), kb.begin(), kb.end());
  });
  Table t;
  t.metadata = {{"definition", describe(options_)},
                {"group_by", fingerprint()},
                {"interval_attribution", "offered time"},
                {"time_zone", std::string(group_by_.zone.name())}};
  const std::size_t dims = group_by_.dimensions.size();
  for (std::size_t d = 0; d < dims; ++d) {
    const Dimension dim = group_by_.dimensions[d];
    if (dim == Dimension::kChannel || dim == Dimension::kDirection || dim == Dimension::kReason) {
      std::vector<std::string> labels;
      for (auto g : order) {
        const std::int64_t k = key(g)[d];
        if (dim == Dimension::kChannel) labels.emplace_back(to_string(static_cast<Channel>(k)));
        else if (dim == Dimension::kDirection) labels.emplace_back(to_string(static_cast<Direction>(k)));
        else labels.push_back(static_cast<std::size_t>(k) < reason_labels_.size() ? reason_labels_[static_cast<std::size_t>(k)] : std::to_string(k));
      }
      t.columns.push_back({std::string(to_string(dim)), std::move(labels)});
    } else {
      std::vector<std::int64_t> ids;
      for (auto g : order) ids.push_back(key(g)[d]);
      t.columns.push_back({std::string(to_string(dim)) + "_id", std::move(ids)});
    }
  }
  if (group_by_.bucket != TimeBucket::kNone) {
    TimeBucketer labeller(group_by_.bucket, group_by_.zone);
    std::vector<std::string> labels;
    std::vector<std::int64_t> starts;
    for (auto g : order) {
      starts.push_back(key(g)[dims]);
      labels.push_back(labeller.label(starts.back()));
    }
    t.columns.push_back({"interval_start", std::move(labels)});
    t.columns.push_back({"interval_start_utc_ms", std::move(starts)});
  }
  auto counts_column = [&](const char* name, auto field) {
    std::vector<std::int64_t> v;
    for (auto g : order) v.push_back(counts_[g].*field);
    t.columns.push_back({name, std::move(v)});
  };
  // A ratio column plus its numerator and denominator, so users can re-aggregate.
  auto ratio_columns = [&](const std::string& name, double scale, auto num, auto den) {
    std::vector<double> value;
    std::vector<std::int64_t> nums, dens;
    for (auto g : order) {
      nums.push_back(num(counts_[g]));
      dens.push_back(den(counts_[g]));
      value.push_back(scale * ratio(nums.back(), dens.back()));
    }
    t.columns.push_back({name, std::move(value)});
    t.columns.push_back({name + "_num", std::move(nums)});
    t.columns.push_back({name + "_den", std::move(dens)});
  };
  counts_column("offered", &ContactCounts::offered);
  counts_column("answered", &ContactCounts::answered);
  counts_column("abandoned", &ContactCounts::abandoned);
  counts_column("short_abandoned", &ContactCounts::short_abandoned);
  const auto sl = options_.service_level;
  ratio_columns(
      "service_level", 1.0,
      [sl](const ContactCounts& c) {
        return sl == ServiceLevelDefinition::kAbandonsWithinTargetMet
                   ? c.answered_within_target + c.abandoned_within_target
                   : c.answered_within_target;
      },
      [sl](const ContactCounts& c) {
        switch (sl) {
          case ServiceLevelDefinition::kExcludeShortAbandons: return c.offered - c.short_abandoned;
          case ServiceLevelDefinition::kAnsweredOnly: return c.answered;
          case ServiceLevelDefinition::kAbandonsWithinTargetMet:
          case ServiceLevelDefinition::kAllOffered: return c.offered;
        }
        return c.offered;
      });
  const bool excl = options_.abandon_rate_excludes_short;
  ratio_columns(
      "abandon_rate", 1.0, [excl](const ContactCounts& c) { return c.abandoned - (excl ? c.short_abandoned : 0); },
      [excl](const ContactCounts& c) { return c.offered - (excl ? c.short_abandoned : 0); });
  ratio_columns("asa_s", 1e-3, [](const ContactCounts& c) { return c.wait_answered_ms; },
                [](const ContactCounts& c) { return c.answered; });
  ratio_columns("aht_s", 1e-3, [](const ContactCounts& c) { return c.talk_ms + c.hold_ms + c.wrap_ms; },
                [](const ContactCounts& c) { return c.answered; });
  ratio_columns("avg_talk_s", 1e-3, [](const ContactCounts& c) { return c.talk_ms; },
                [](const ContactCounts& c) { return c.answered; });
  ratio_columns("avg_hold_s", 1e-3, [](const ContactCounts& c) { return c.hold_ms; },
                [](const ContactCounts& c) { return c.answered; });
  ratio_columns("avg_wrap_s", 1e-3, [](const ContactCounts& c) { return c.wrap_ms; },
                [](const ContactCounts& c) { return c.answered; });
  ratio_columns("transfer_rate", 1.0, [](const ContactCounts& c) { return c.transferred; },
                [](const ContactCounts& c) { return c.answered; });
  ratio_columns("csat_top2", 1.0, [](const ContactCounts& c) { return c.csat_top_box; },
                [](const ContactCounts& c) { return c.csat_responses; });
  ratio_columns("csat_mean", 1.0, [](const ContactCounts& c) { return c.csat_sum; },
                [](const ContactCounts& c) { return c.csat_responses; });
  ratio_columns("nps", 100.0, [](const ContactCounts& c) { return c.nps_promoters - c.nps_detractors; },
                [](const ContactCounts& c) { return c.nps_responses; });
  ratio_columns("fcr", 1.0, [](const ContactCounts& c) { return c.fcr_resolved; },
                [](const ContactCounts& c) { return c.fcr_resolved + c.fcr_repeat; });
  counts_column("fcr_pending", &ContactCounts::fcr_pending);
  ratio_columns("fcr_survey", 1.0, [](const ContactCounts& c) { return c.survey_resolved; },
                [](const ContactCounts& c) { return c.survey_resolved_known; });
  return t;
}

}  // namespace backoffice
