# Compares LIBRARY's ABI (abidw, public header types only) with the
# committed BASELINE using abidiff. Any difference fails: an incompatible one
# is a break; a compatible one (a function added) means the baseline must be
# updated on purpose (docs/capi.md, "Changing the ABI").
file(MAKE_DIRECTORY "${WORK}")
set(current "${WORK}/backoffice_c.current.abi")
set(OUT "${current}")
include("${CMAKE_CURRENT_LIST_DIR}/abi_dump.cmake")
if(NOT EXISTS "${BASELINE}")
  message(FATAL_ERROR "no ABI baseline at ${BASELINE}; create it with "
                      "`cmake --build <build dir> --target backoffice_c_abi_update`")
endif()
# Both dumps already hold only the public interface (abi_dump.cmake), so
# abidiff compares them as they are (its --headers-dir options do not apply
# to XML input).
execute_process(COMMAND "${ABIDIFF}" "${BASELINE}" "${current}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(STATUS "C ABI matches ${BASELINE}")
  return()
endif()
# abidiff's exit status is a bit field: 1 tool error, 2 usage error,
# 4 ABI change, 8 incompatible ABI change.
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not finish (${rc}): ${err}${report}")
endif()
math(EXPR tool_error "${rc} & 3")
math(EXPR incompatible "${rc} & 8")
if(NOT tool_error EQUAL 0)
  message(FATAL_ERROR "abidiff failed (${rc}): ${err}${report}")
elseif(NOT incompatible EQUAL 0)
  message(FATAL_ERROR "INCOMPATIBLE C ABI CHANGE against ${BASELINE}:\n${report}\n"
                      "Restore the ABI, or bump BO_ABI_VERSION and update the baseline on purpose.")
else()
  message(FATAL_ERROR "The C ABI changed compatibly (additions) against ${BASELINE}:\n${report}\n"
                      "If intended, update the baseline: cmake --build <build dir> --target backoffice_c_abi_update")
endif()
