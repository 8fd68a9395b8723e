#pragma once

// Everything in one include, for programs that prefer it to per-concept headers.

#include <backoffice/core/civil_time.hpp>
#include <backoffice/core/duration.hpp>
#include <backoffice/core/error.hpp>
#include <backoffice/core/ids.hpp>
#include <backoffice/core/instant.hpp>
#include <backoffice/core/money.hpp>
#include <backoffice/core/result.hpp>
#include <backoffice/core/time_zone.hpp>
#include <backoffice/version.hpp>
