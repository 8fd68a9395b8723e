# Writes the ABI of LIBRARY to OUT with abidw: only the functions the ELF
# exports (the bo_ symbols) and the types reachable from them, with no
# paths or DT_NEEDED entries, so the dump does not depend on where or how
# (Debug, Release, sanitizers) the library was built.
execute_process(COMMAND "${ABIDW}" --exported-interfaces-only --drop-private-types
                        --drop-undefined-syms --no-corpus-path --no-comp-dir-path --no-elf-needed
                        --no-show-locs --headers-dir "${HEADERS}" --out-file "${OUT}" "${LIBRARY}"
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidw failed (${rc}): ${err}")
endif()
