# Warnings apply to the project's own targets only, never to consumers:
# they are attached as PRIVATE options target by target.
function(backoffice_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  # GCC 12 reports -Wrestrict inside libstdc++'s std::string at -O3 (GCC bug
  # 105329, fixed in 13); it is a false positive, not a finding in our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(BACKOFFICE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
