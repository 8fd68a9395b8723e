#include <backoffice/kpi/contact_report.hpp>

#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/interaction.hpp>

#include "core/dense_index.hpp"
#include "core/ratio.hpp"
#include "kpi/contact_accumulator.hpp"
#include "kpi/group_cache.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace backoffice {

using kpi_detail::Accumulator;
using kpi_detail::FlagTables;
using detail::ratio;

struct ContactReport::Index {
  detail::TupleIndex tuples;
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
      index_(std::make_unique<Index>(Index{detail::TupleIndex(key_width(group_by_))})) {}

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
  if (options.fcr.window.count() < 0) {
    return invalid_argument("fcr.window", fmt::format("{} ms", options.fcr.window.count()), "must not be negative");
  }
  if (n > UINT32_MAX) return invalid_argument("rows", std::to_string(n), "at most 2^32 - 1 rows per report");
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
  if (dims + 1 > 8) return invalid_argument("dimensions", std::to_string(dims), "at most 7 dimensions");

  // Rows go in blocks, one column at a time: the dimension values, the
  // buckets and the group of every row first, then the counts in one
  // branch-free pass.
  constexpr std::size_t kBlock = 256;
  std::vector<std::int64_t> dim_values(dims * kBlock);
  std::array<std::int64_t, kBlock> bucket{};
  std::array<std::int32_t, kBlock> group_of{};
  std::array<std::int64_t, kBlock> target_ms{}, short_ms{};

  // Targets per row; filled once when every queue has the default targets.
  const bool uniform_targets = options.per_queue.empty();
  target_ms.fill(std::chrono::milliseconds(options.default_targets.answer_target).count());
  short_ms.fill(std::chrono::milliseconds(options.default_targets.short_abandon).count());
  struct TargetSlot {
    std::int64_t queue = kNullInt64;
    std::int64_t target_ms = 0, short_ms = 0;
    bool set = false;
  };
  std::array<TargetSlot, 64> target_cache{};

  kpi_detail::GroupCache groups(report.index_->tuples);
  std::vector<Accumulator> acc;
  std::int64_t cached_agent = kNullInt64, cached_team = kNullInt64;
  const FlagTables flags(options.csat_top_box_min);

  for (std::size_t begin = 0; begin < n; begin += kBlock) {
    const std::size_t m = std::min(kBlock, n - begin);
    // One int64 dimension is read in place; others are copied to int64s.
    const std::int64_t* values = dim_values.data();
    std::size_t stride = kBlock;
    if (dims == 1 && group_by.dimensions[0] == Dimension::kQueue) values = v.queue_id.data() + begin;
    if (dims == 1 && group_by.dimensions[0] == Dimension::kAgent) values = v.agent_id.data() + begin;
    for (std::size_t d = 0; d < dims && values == dim_values.data(); ++d) {
      std::int64_t* out = dim_values.data() + d * kBlock;
      const auto rows = [&](auto column) {
        for (std::size_t j = 0; j < m; ++j) out[j] = static_cast<std::int64_t>(column[begin + j]);
      };
      switch (group_by.dimensions[d]) {
        case Dimension::kQueue: rows(v.queue_id); break;
        case Dimension::kAgent: rows(v.agent_id); break;
        case Dimension::kChannel: rows(v.channel); break;
        case Dimension::kDirection: rows(v.direction); break;
        case Dimension::kReason: rows(v.reason); break;
        case Dimension::kTeam:
          for (std::size_t j = 0; j < m; ++j) {
            const std::int64_t agent = v.agent_id[begin + j];
            if (agent != cached_agent) {
              auto it = group_by.team_of_agent.find(agent);
              cached_agent = agent;
              cached_team = it == group_by.team_of_agent.end() ? kNullInt64 : it->second;
            }
            out[j] = cached_team;
          }
          break;
      }
    }
    bucketer.bucket_starts(v.offered_ms.subspan(begin, m), std::span<std::int64_t>(bucket.data(), m));
    groups.resolve(values, stride, bucket.data(), m, group_of.data());
    if (report.index_->tuples.size() > acc.size()) {
      acc.resize(report.index_->tuples.size());
      report.counts_.resize(acc.size());
    }

    if (!uniform_targets) {
      for (std::size_t j = 0; j < m; ++j) {
        const std::int64_t queue = v.queue_id[begin + j];
        auto& t = target_cache[detail::mix(static_cast<std::uint64_t>(queue)) >> 58];
        if (!t.set || t.queue != queue) {
          const auto& q = options.targets_for(queue);
          t = TargetSlot{queue, std::chrono::milliseconds(q.answer_target).count(),
                         std::chrono::milliseconds(q.short_abandon).count(), true};
        }
        target_ms[j] = t.target_ms;
        short_ms[j] = t.short_ms;
      }
    }

    // Locals for every column: through the view's spans the compiler would
    // reload each data pointer after every store to an accumulator.
    Accumulator* const accs = acc.data();
    ContactCounts* const counts = report.counts_.data();
    const std::int64_t* const offered_col = v.offered_ms.data() + begin;
    const std::int64_t* const answered_col = v.answered_ms.data() + begin;
    const std::int64_t* const ended_col = v.ended_ms.data() + begin;
    const std::int64_t* const talk_col = v.talk_ms.data() + begin;
    const std::int64_t* const hold_col = v.hold_ms.data() + begin;
    const std::int64_t* const wrap_col = v.wrap_ms.data() + begin;
    const std::uint8_t* const transferred_col = v.transferred.data() + begin;
    const std::int8_t* const csat_col = v.csat.data() + begin;
    const std::int8_t* const nps_col = v.nps.data() + begin;
    const std::int8_t* const resolved_col = v.resolved.data() + begin;
    const FcrState* const fcr_col = fcr.data() + begin;
    // Every contact has an offered time: it decides the interval, the wait
    // and FCR's order. Checked here, where the column is read anyway, rather
    // than in a pass of its own over memory.
    bool null_offered = false;
    for (std::size_t j = 0; j < m; ++j) {
      null_offered |= offered_col[j] == kNullInt64;
      const std::int64_t answered_ms = answered_col[j], ended_ms = ended_col[j];
      const bool answered = answered_ms != kNullInt64;
      const std::int64_t keep = -static_cast<std::int64_t>(answered);  // all ones when answered
      // The wait ends at the answer, or at the end when abandoned; selected by
      // mask, as a branch here mispredicts on every abandon. Unsigned, so a
      // missing end on bad input wraps instead of overflowing.
      const std::int64_t wait_end = ended_ms ^ ((answered_ms ^ ended_ms) & keep);
      const auto wait = static_cast<std::int64_t>(static_cast<std::uint64_t>(wait_end) -
                                                  static_cast<std::uint64_t>(offered_col[j]));
      const unsigned outcome = static_cast<unsigned>(answered) | static_cast<unsigned>(wait <= target_ms[j]) << 1 |
                               static_cast<unsigned>(wait < short_ms[j]) << 2 |
                               static_cast<unsigned>(transferred_col[j] != 0) << 3;
      const auto csat = static_cast<std::uint8_t>(csat_col[j]);
      const auto g = static_cast<std::size_t>(group_of[j]);
      Accumulator& a = accs[g];
      a.flags_a += flags.outcome[outcome] | flags.csat[csat];
      a.flags_b += flags.nps[static_cast<std::uint8_t>(nps_col[j])] |
                   flags.resolved[static_cast<std::uint8_t>(resolved_col[j])] |
                   flags.fcr[static_cast<std::uint8_t>(fcr_col[j])];
      a.wait_answered_ms += wait & keep;
      a.talk_ms += talk_col[j] & keep;
      a.hold_ms += hold_col[j] & keep;
      a.wrap_ms += wrap_col[j] & keep;
      a.csat_sum += flags.csat_value[csat];
      if (a.rows() == Accumulator::kMaxRows) [[unlikely]] a.flush_into(counts[g]);
    }
    if (null_offered) {
      const auto row = std::find(offered_col, offered_col + m, kNullInt64) - offered_col + static_cast<std::ptrdiff_t>(begin);
      return invalid_argument(fmt::format("offered_ms[{}]", row), "null", "every contact needs an offered time");
    }
  }
  for (std::size_t g = 0; g < acc.size(); ++g) acc[g].flush_into(report.counts_[g]);
  return report;
}

Table ContactReport::to_table() const {
  std::vector<std::size_t> order(group_count());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Keys are contiguous, width values each; compared in place.
  const std::size_t width = key_width(group_by_);
  const std::int64_t* const keys = order.empty() ? nullptr : key(0).data();
  std::sort(order.begin(), order.end(), [keys, width](std::size_t a, std::size_t b) {
    const std::int64_t* ka = keys + a * width;
    const std::int64_t* kb = keys + b * width;
    for (std::size_t k = 0; k < width; ++k) {
      if (ka[k] != kb[k]) return ka[k] < kb[k];
    }
    return false;
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
      labels.reserve(order.size());
      for (auto g : order) {
        const std::int64_t k = key(g)[d];
        if (dim == Dimension::kChannel) labels.emplace_back(to_string(static_cast<Channel>(k)));
        else if (dim == Dimension::kDirection) labels.emplace_back(to_string(static_cast<Direction>(k)));
        else labels.push_back(static_cast<std::size_t>(k) < reason_labels_.size() ? reason_labels_[static_cast<std::size_t>(k)] : std::to_string(k));
      }
      t.columns.push_back({std::string(to_string(dim)), std::move(labels)});
    } else {
      std::vector<std::int64_t> ids;
      ids.reserve(order.size());
      for (auto g : order) ids.push_back(key(g)[d]);
      t.columns.push_back({std::string(to_string(dim)) + "_id", std::move(ids)});
    }
  }
  if (group_by_.bucket != TimeBucket::kNone) {
    TimeBucketer labeller(group_by_.bucket, group_by_.zone);
    std::vector<std::string> labels;
    std::vector<std::int64_t> starts;
    labels.reserve(order.size());
    starts.reserve(order.size());
    for (auto g : order) {
      starts.push_back(key(g)[dims]);
      labels.push_back(labeller.label(starts.back()));
    }
    t.columns.push_back({"interval_start", std::move(labels)});
    t.columns.push_back({"interval_start_utc_ms", std::move(starts)});
  }
  // The counts in row order, gathered once: each of the ~40 columns below
  // then reads them in sequence instead of jumping through `order`.
  std::vector<ContactCounts> sorted;
  sorted.reserve(order.size());
  for (auto g : order) sorted.push_back(counts_[g]);
  auto counts_column = [&](const char* name, auto field) {
    std::vector<std::int64_t> v;
    v.reserve(sorted.size());
    for (const auto& c : sorted) v.push_back(c.*field);
    t.columns.push_back({name, std::move(v)});
  };
  // A ratio column plus its numerator and denominator, so users can re-aggregate.
  auto ratio_columns = [&](const std::string& name, double scale, auto num, auto den) {
    std::vector<double> value;
    std::vector<std::int64_t> nums, dens;
    value.reserve(sorted.size());
    nums.reserve(sorted.size());
    dens.reserve(sorted.size());
    for (const auto& c : sorted) {
      nums.push_back(num(c));
      dens.push_back(den(c));
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
