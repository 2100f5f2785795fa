# Packaged builds (ATTNVIZ_DISPATCH, the "package" preset): the compute core is a shared library
# built twice, once for the baseline x86-64 (SSE2) and once for x86-64-v3 (AVX2, FMA, BMI2), under
# the same name. The second goes to glibc-hwcaps/x86-64-v3/ beside the first, where the dynamic
# linker (glibc ≥ 2.33) looks first on CPUs that have every x86-64-v3 feature, and only there. So
# no AVX2 code is ever loaded on an older CPU: the program, the UI and the baseline library stay
# baseline, and a processor picks one whole library.
#
# One definition rule: Eigen's templates are compiled into both libraries and into the UI with
# different flags. The two libraries are never loaded together, and -Bsymbolic-functions makes
# each library call its own copies of Eigen (not the program's baseline ones), so its products run
# with the instructions it was built for.
include(GNUInstallDirs)

set(ATTNVIZ_PRIVATE_LIBDIR ${CMAKE_INSTALL_LIBDIR}/attnviz)
set(ATTNVIZ_HWCAPS_SUBDIR glibc-hwcaps/x86-64-v3)

# attnviz_dispatch_core(target): after the baseline shared `target` is defined, adds its
# x86-64-v3 twin and the install rules of both.
function(attnviz_dispatch_core target)
  # Eigen aligns its heap and fixed-size data to what the SIMD width needs (16 bytes with SSE2, 32
  # with AVX) and frees accordingly, so matrices crossing between the baseline program and the
  # x86-64-v3 library would be misaligned (a crash in an aligned AVX load) or freed the wrong
  # way. One bound for every target keeps the two binary-compatible (Eigen's documented use).
  target_compile_definitions(${target} PUBLIC EIGEN_MAX_ALIGN_BYTES=32)
  get_target_property(sources ${target} SOURCES)
  add_library(${target}_v3 SHARED ${sources})
  foreach(property INCLUDE_DIRECTORIES INTERFACE_INCLUDE_DIRECTORIES LINK_LIBRARIES
                   INTERFACE_LINK_LIBRARIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
    get_target_property(value ${target} ${property})
    if(value)
      set_target_properties(${target}_v3 PROPERTIES ${property} "${value}")
    endif()
  endforeach()
  target_compile_options(${target}_v3 PRIVATE -march=x86-64-v3 -mtune=generic)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12's AVX intrinsics headers trip -Wmaybe-uninitialized inside Eigen (GCC bug 105593).
    target_compile_options(${target}_v3 PRIVATE -Wno-maybe-uninitialized)
  endif()
  foreach(lib ${target} ${target}_v3)
    target_link_options(${lib} PRIVATE -Wl,-Bsymbolic-functions)
    set_target_properties(${lib} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  endforeach()
  # Same file name and soname, so the program's one DT_NEEDED entry finds either.
  set_target_properties(${target}_v3 PROPERTIES
    OUTPUT_NAME ${target}
    LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/lib/${ATTNVIZ_HWCAPS_SUBDIR})
  set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/lib)
  # Whatever links the baseline library gets the twin built too (it is loaded, not linked).
  add_dependencies(${target} ${target}_v3)
  install(TARGETS ${target} LIBRARY DESTINATION ${ATTNVIZ_PRIVATE_LIBDIR})
  install(TARGETS ${target}_v3
          LIBRARY DESTINATION ${ATTNVIZ_PRIVATE_LIBDIR}/${ATTNVIZ_HWCAPS_SUBDIR})
endfunction()

# attnviz_dispatch_program(target): an installed program that finds the private libraries.
function(attnviz_dispatch_program target)
  set_target_properties(${target} PROPERTIES
    INSTALL_RPATH "$ORIGIN/../${ATTNVIZ_PRIVATE_LIBDIR}")
endfunction()
