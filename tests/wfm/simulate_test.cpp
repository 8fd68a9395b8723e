#include <backoffice/wfm/erlang.hpp>
#include <backoffice/wfm/simulate.hpp>

#ifdef BACKOFFICE_TEST_WITH_DOMAIN
#include <backoffice/domain/interaction_columns.hpp>
#endif

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace backoffice;
using namespace std::chrono_literals;

namespace {

// Half-width multiplier of the confidence intervals below: 4 standard
// errors of the batch means (a two-sided 99.99% normal interval; with 49
// batches the t quantile is about 4.2 at that level, 3.5 at 99.9%). The
// seeds are fixed, so each test either always passes or always fails; the
// wide multiplier keeps a correct simulator from failing on an unlucky
// seed, while a modelling error (e.g. 1 s too long a wait, or
// serving LIFO) moves the estimate by many half-widths.
constexpr double kHalfWidths = 4.0;

struct BatchMean {
  double mean = 0.0;
  double half_width = 0.0;  // kHalfWidths standard errors
};

// Batch means over groups of `per_batch` intervals, dropping the first
// batch (the queue starts empty, which biases the first minutes). The
// ratio numerator/denominator is computed per batch, then averaged.
template <typename Num, typename Den>
BatchMean batch_means(const std::vector<SimulatedInterval>& iv, std::size_t per_batch, Num num, Den den) {
  std::vector<double> values;
  for (std::size_t start = per_batch; start + per_batch <= iv.size(); start += per_batch) {
    double n = 0.0;
    double d = 0.0;
    for (std::size_t i = start; i < start + per_batch; ++i) {
      n += num(iv[i]);
      d += den(iv[i]);
    }
    values.push_back(n / d);
  }
  const double k = static_cast<double>(values.size());
  double mean = 0.0;
  for (double v : values) mean += v;
  mean /= k;
  double ss = 0.0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / (k - 1.0));
  return {mean, kHalfWidths * sd / std::sqrt(k)};
}

double offered(const SimulatedInterval& s) { return static_cast<double>(s.offered); }

SimulatedInterval totals(const SimulationResult& r) {
  SimulatedInterval t;
  for (const SimulatedInterval& s : r.intervals) {
    t.offered += s.offered;
    t.answered += s.answered;
    t.abandoned += s.abandoned;
    t.unserved += s.unserved;
    t.delayed += s.delayed;
    t.answered_within += s.answered_within;
    t.total_wait_s += s.total_wait_s;
  }
  return t;
}

}  // namespace

TEST(SimulateQueue, MatchesErlangCServiceLevelAndProbabilityOfWait) {
  // M/M/10 at A = 8 Erlangs: 40 calls per 900 s, AHT 180 s, so
  // lambda * AHT = 40 / 900 * 180 = 8. 10,000 intervals ~ 400,000 calls.
  // Reference: the library's Erlang C (itself checked against 60-digit
  // references in erlang_c_test.cpp); by hand P(W>0) = 0.40918 and
  // SL(20 s) = 1 - 0.40918 * exp(-2 * 20 / 180) = 0.67222.
  const std::size_t n = 10000;
  std::vector<double> calls(n, 40.0);
  std::vector<std::int32_t> agents(n, 10);
  SimulationOptions o;
  o.aht = 180s;
  o.answer_time = 20s;
  o.seed = 20240611;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  auto c = erlang_c_metrics(QueueLoad{40.0, 900s, 180s}, 10, 20s);
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->probability_wait, 0.40918, 5e-5);

  const auto& iv = r->intervals;
  auto sl = batch_means(
      iv, 200, [](const SimulatedInterval& s) { return static_cast<double>(s.answered_within); }, offered);
  auto pw = batch_means(
      iv, 200, [](const SimulatedInterval& s) { return static_cast<double>(s.delayed); }, offered);
  auto asa = batch_means(
      iv, 200, [](const SimulatedInterval& s) { return s.total_wait_s; },
      [](const SimulatedInterval& s) { return static_cast<double>(s.answered); });
  EXPECT_NEAR(sl.mean, c->service_level, sl.half_width) << "+-" << sl.half_width;
  EXPECT_NEAR(pw.mean, c->probability_wait, pw.half_width) << "+-" << pw.half_width;
  EXPECT_NEAR(asa.mean, c->asa_s, asa.half_width) << "+-" << asa.half_width;
  // The interval is narrow enough to mean something: under 2 points of SL.
  EXPECT_LT(sl.half_width, 0.02);
  const SimulatedInterval t = totals(*r);
  EXPECT_EQ(t.abandoned, 0);
  EXPECT_EQ(t.unserved, 0);
  EXPECT_EQ(t.answered, t.offered);
}

TEST(SimulateQueue, MatchesErlangAAbandonment) {
  // M/M/8+M at A = 8 Erlangs (N = A: unstable without abandonment), mean
  // patience 120 s, 10,000 intervals of 40 calls (~400,000 calls). Reference: the library's
  // Erlang A (checked against 60-digit references in erlang_a_test.cpp).
  const std::size_t n = 10000;
  std::vector<double> calls(n, 40.0);
  std::vector<std::int32_t> agents(n, 8);
  SimulationOptions o;
  o.aht = 180s;
  o.answer_time = 20s;
  o.patience = PatienceDistribution::kExponential;
  o.mean_patience = 120s;
  o.seed = 7;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  auto a = erlang_a_metrics(QueueLoad{40.0, 900s, 180s}, 8, 20s, 120s);
  ASSERT_TRUE(a.ok());

  const auto& iv = r->intervals;
  auto ab = batch_means(
      iv, 200, [](const SimulatedInterval& s) { return static_cast<double>(s.abandoned); }, offered);
  auto sl = batch_means(
      iv, 200, [](const SimulatedInterval& s) { return static_cast<double>(s.answered_within); }, offered);
  auto pw = batch_means(
      iv, 200, [](const SimulatedInterval& s) { return static_cast<double>(s.delayed); }, offered);
  EXPECT_NEAR(ab.mean, a->probability_abandon, ab.half_width) << "+-" << ab.half_width;
  EXPECT_NEAR(sl.mean, a->service_level, sl.half_width) << "+-" << sl.half_width;
  EXPECT_NEAR(pw.mean, a->probability_wait, pw.half_width) << "+-" << pw.half_width;
  EXPECT_GT(a->probability_abandon, 0.05);  // a case where abandonment matters
  EXPECT_LT(ab.half_width, 0.01);
}

TEST(SimulateQueue, LognormalHandleTimesHaveTheRequestedMeanAndCv) {
  // Lognormal with mean m and CV c has variance (c m)^2 (its defining
  // moments). 100,000 calls: the sample mean's standard error is
  // c m / sqrt(n) = 0.5 * 240 / 316 = 0.38 s; the sample CV's is about
  // 0.005 for this shape, so 0.02 is roughly 4 standard errors.
  std::vector<double> calls(250, 400.0);
  std::vector<std::int32_t> agents(250, 200);
  SimulationOptions o;
  o.aht = 240s;
  o.handle_time = HandleTimeDistribution::kLognormal;
  o.handle_time_cv = 0.5;
  o.record_contacts = true;
  o.seed = 99;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const auto& talk = r->contacts.talk_ms;
  const double k = static_cast<double>(talk.size());
  double mean = 0.0;
  for (auto t : talk) mean += static_cast<double>(t) / 1000.0;
  mean /= k;
  double ss = 0.0;
  for (auto t : talk) ss += std::pow(static_cast<double>(t) / 1000.0 - mean, 2);
  const double cv = std::sqrt(ss / (k - 1.0)) / mean;
  EXPECT_NEAR(mean, 240.0, 4.0 * 0.5 * 240.0 / std::sqrt(k));
  EXPECT_NEAR(cv, 0.5, 0.02);
}

TEST(SimulateQueue, ArrivalsFollowThePiecewiseRate) {
  // Poisson counts: interval totals with mean 100,000 and 50,000 calls have
  // standard deviations 316 and 224; an interval with rate 0 gets none.
  std::vector<double> calls = {0.0, 100'000.0, 50'000.0, 0.0};
  std::vector<std::int32_t> agents = {0, 5'000, 5'000, 0};
  SimulationOptions o;
  o.aht = 10s;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->intervals[0].offered, 0);
  EXPECT_NEAR(static_cast<double>(r->intervals[1].offered), 100'000.0, 4 * 316.0);
  EXPECT_NEAR(static_cast<double>(r->intervals[2].offered), 50'000.0, 4 * 224.0);
  EXPECT_EQ(r->intervals[3].offered, 0);
}

TEST(SimulateQueue, SameSeedGivesIdenticalOutputAndAnotherSeedDiffers) {
  std::vector<double> calls = {30, 60, 90, 60, 30};
  std::vector<std::int32_t> agents = {6, 10, 14, 10, 5};
  SimulationOptions o;
  o.patience = PatienceDistribution::kExponential;
  o.mean_patience = 90s;
  o.handle_time = HandleTimeDistribution::kLognormal;
  o.handle_time_cv = 0.8;
  o.record_contacts = true;
  o.seed = 42;
  auto a = simulate_queue(calls, agents, o);
  auto b = simulate_queue(calls, agents, o);
  o.seed = 43;
  auto c = simulate_queue(calls, agents, o);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_NE(a->contacts.offered_ms, c->contacts.offered_ms);
  EXPECT_NE(a->intervals, c->intervals);
}

TEST(SimulateQueue, BusyAgentsFinishTheirCallWhenStaffingDrops) {
  // Five agents in interval 0, none afterwards: nobody is answered after
  // the boundary at 900 s, calls in progress still end after it, and
  // every caller still waiting (no patience) is reported unserved.
  std::vector<double> calls = {40.0, 40.0};
  std::vector<std::int32_t> agents = {5, 0};
  SimulationOptions o;
  o.aht = 300s;
  o.record_contacts = true;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const SimulatedContacts& c = r->contacts;
  bool ended_after_drop = false;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c.answered_ms[i] == kNotAnswered) continue;
    EXPECT_LE(c.answered_ms[i], 900'000) << "contact " << i;
    ended_after_drop = ended_after_drop || c.ended_ms[i] > 900'000;
  }
  EXPECT_TRUE(ended_after_drop);
  EXPECT_EQ(r->intervals[1].answered, 0);
  EXPECT_EQ(r->intervals[1].unserved, r->intervals[1].offered);
  for (const SimulatedInterval& s : r->intervals) EXPECT_EQ(s.offered, s.answered + s.abandoned + s.unserved);
}

TEST(SimulateQueue, AnswersCallersFirstComeFirstServed) {
  // Without abandonment, FCFS means answer times follow arrival order.
  std::vector<double> calls(20, 60.0);
  std::vector<std::int32_t> agents(20, 11);
  SimulationOptions o;
  o.aht = 150s;
  o.record_contacts = true;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok());
  const SimulatedContacts& c = r->contacts;
  for (std::size_t i = 1; i < c.size(); ++i) {
    ASSERT_GE(c.answered_ms[i], c.answered_ms[i - 1]) << "contact " << i;
    ASSERT_GE(c.answered_ms[i], c.offered_ms[i]);
    ASSERT_EQ(c.ended_ms[i], c.answered_ms[i] + c.talk_ms[i]);
  }
}

TEST(SimulateQueue, RejectsBadInputNamingFieldAndValue) {
  std::vector<double> calls = {10.0, -1.0};
  std::vector<std::int32_t> agents = {1, 1};
  SimulationOptions o;
  auto r = simulate_queue({}, {}, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "calls_per_interval");
  r = simulate_queue(calls, agents, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "calls_per_interval[1]");
  EXPECT_EQ(r.error().value, "-1");
  calls[1] = 10.0;
  r = simulate_queue(calls, std::vector<std::int32_t>{1}, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "agents");
  agents[0] = -3;
  r = simulate_queue(calls, agents, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "agents[0]");
  agents[0] = 1;
  o.patience = PatienceDistribution::kExponential;
  r = simulate_queue(calls, agents, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "mean_patience");
  o.patience = PatienceDistribution::kNone;
  o.handle_time = HandleTimeDistribution::kLognormal;
  o.handle_time_cv = 0.0;
  r = simulate_queue(calls, agents, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "handle_time_cv");
  o.handle_time = HandleTimeDistribution::kExponential;
  o.aht = 0s;
  r = simulate_queue(calls, agents, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "aht");
}

// The conversion needs the domain module at link time (StringDictionary
// and check_shape are defined there), so these tests are compiled only when
// BACKOFFICE_TEST_WITH_DOMAIN is defined (a build with domain).
#ifdef BACKOFFICE_TEST_WITH_DOMAIN
TEST(SimulatedInteractions, RejectsCodesMissingFromTheDictionaries) {
  // A fresh InteractionColumns has empty dictionaries, so 0 is no code.
  SimulatedContacts c;
  c.offered_ms = {0};
  c.answered_ms = {kNotAnswered};
  c.ended_ms = {5'000};
  c.talk_ms = {0};
  c.abandoned = {1};
  InteractionColumns out;
  auto s = append_simulated_interactions(c, SimulatedInteractionOptions{}, out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "reason_code");
  EXPECT_EQ(out.size(), 0u);
  c.talk_ms.clear();
  out.reasons.code("simulated");
  out.dispositions.code("none");
  s = append_simulated_interactions(c, SimulatedInteractionOptions{}, out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "contacts");
}

TEST(SimulatedInteractions, BecomeInteractionColumnsThatPassTheShapeCheck) {
  std::vector<double> calls = {40.0, 40.0};
  std::vector<std::int32_t> agents = {7, 7};
  SimulationOptions o;
  o.patience = PatienceDistribution::kExponential;
  o.mean_patience = 60s;
  o.record_contacts = true;
  auto r = simulate_queue(calls, agents, o);
  ASSERT_TRUE(r.ok());
  InteractionColumns out;
  SimulatedInteractionOptions io;
  io.start_unix_ms = 1'700'000'000'000;  // 2023-11-14T22:13:20Z
  io.queue_id = 3;
  io.first_id = 100;
  io.reason_code = out.reasons.code("simulated");
  io.disposition_code = out.dispositions.code("none");
  ASSERT_TRUE(append_simulated_interactions(r->contacts, io, out).ok());
  ASSERT_TRUE(out.check_shape().ok());
  ASSERT_EQ(out.size(), r->contacts.size());
  std::int64_t abandoned = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out.id[i], 100 + static_cast<std::int64_t>(i));
    EXPECT_EQ(out.offered_ms[i], io.start_unix_ms + r->contacts.offered_ms[i]);
    if (out.answered_ms[i] == kNullInt64) {
      ++abandoned;
      EXPECT_EQ(out.talk_ms[i], 0);
    } else {
      EXPECT_EQ(out.ended_ms[i] - out.answered_ms[i], out.talk_ms[i]);
    }
    auto rec = out.row(i);
    EXPECT_TRUE(rec.validate().ok()) << "row " << i;
  }
  EXPECT_EQ(abandoned, r->intervals[0].abandoned + r->intervals[1].abandoned);
}
#endif
