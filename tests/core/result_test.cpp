#include <backoffice/core/ids.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/version.hpp>

#include <gtest/gtest.h>

#include <type_traits>
#include <unordered_set>

using namespace backoffice;

namespace {
Result<int> parse_positive(int v) {
  if (v <= 0) return invalid_argument("v", std::to_string(v), "must be positive");
  return v;
}
Result<int> doubled(int v) {
  BO_ASSIGN_OR_RETURN(int x, parse_positive(v));
  return 2 * x;
}
Status check_both(int a, int b) {
  BO_RETURN_IF_ERROR(parse_positive(a));
  BO_RETURN_IF_ERROR(parse_positive(b));
  return Status::Ok();
}
}  // namespace

TEST(Result, CarriesAValueOrAnError) {
  EXPECT_EQ(doubled(21).value(), 42);
  auto bad = doubled(-3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "v");
  EXPECT_EQ(bad.error().to_string(), "invalid argument: v = '-3': must be positive");
  EXPECT_THROW((void)bad.value(), BadResultAccess);
  EXPECT_EQ(bad.value_or(7), 7);
}

TEST(Status, PropagatesTheFirstError) {
  EXPECT_TRUE(check_both(1, 2).ok());
  auto s = check_both(1, 0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().value, "0");
}

TEST(StrongId, KindsCannotBeMixed) {
  static_assert(!std::is_convertible_v<CustomerId, AgentId>);
  static_assert(!std::is_convertible_v<std::int64_t, CustomerId>);
  static_assert(!std::is_constructible_v<AgentId, CustomerId>);
  CustomerId a{7}, b{7}, c{8};
  EXPECT_EQ(a, b);
  EXPECT_LT(a, c);
  std::unordered_set<CustomerId> set{a, b, c};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(fmt::format("{}", c), "8");
}

TEST(Version, LibraryMatchesHeader) {
  const auto v = library_version();
  EXPECT_EQ(v.major, BACKOFFICE_VERSION_MAJOR);
  EXPECT_EQ(v.minor, BACKOFFICE_VERSION_MINOR);
  EXPECT_EQ(v.patch, BACKOFFICE_VERSION_PATCH);
}
