# attnviz_set_compile_options(target): the project's warnings and sanitizers, applied per target.
function(attnviz_set_compile_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports "literal" + std::string&& as an overlapping memcpy (GCC bug 105651).
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(ATTNVIZ_NATIVE)
    # Eigen picks its SIMD width at compile time: AVX2 + FMA roughly double the matrix products.
    target_compile_options(${target} PRIVATE -march=native)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC 12's AVX-512 intrinsics headers trip -Wmaybe-uninitialized inside Eigen (GCC bug 105593).
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  endif()
  if(ATTNVIZ_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(ATTNVIZ_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${ATTNVIZ_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${ATTNVIZ_SANITIZE})
  endif()
endfunction()
