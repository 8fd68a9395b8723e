# Warnings apply to the project's own targets only, never to consumers:
# they are attached as PRIVATE options target by target.
function(backoffice_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  if(BACKOFFICE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
