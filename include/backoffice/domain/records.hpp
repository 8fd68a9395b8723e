#pragma once

// Every domain record in one include.

#include <backoffice/domain/agent.hpp>
#include <backoffice/domain/agent_state.hpp>
#include <backoffice/domain/case.hpp>
#include <backoffice/domain/channel.hpp>
#include <backoffice/domain/customer.hpp>
#include <backoffice/domain/email.hpp>
#include <backoffice/domain/interaction.hpp>
#include <backoffice/domain/order.hpp>
#include <backoffice/domain/phone.hpp>
#include <backoffice/domain/queue.hpp>
#include <backoffice/domain/work_item.hpp>
