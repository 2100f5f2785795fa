# Packaged builds (ATTNVIZ_DISPATCH, the "package" preset): the compute core is a shared library
# built three times under the same name: for the baseline x86-64 (SSE2), for x86-64-v3 (AVX2, FMA,
# BMI2) and for x86-64-v4 (AVX-512). The twins go to glibc-hwcaps/x86-64-v3/ and x86-64-v4/ beside
# the first, where the dynamic linker (glibc ≥ 2.33) looks, best level first, on CPUs that have
# every feature of that level, and only there. So no AVX2 or AVX-512 code is ever loaded on a CPU
# without it: the program, the UI and the baseline library stay baseline, and a processor picks
# one whole library. The AVX-512 twin is the one that takes ops::fewRowsProduct (16-float vectors).
#
# One definition rule: Eigen's templates are compiled into both libraries and into the UI with
# different flags. The two libraries are never loaded together, and -Bsymbolic-functions makes
# each library call its own copies of Eigen (not the program's baseline ones), so its products run
# with the instructions it was built for.
include(GNUInstallDirs)

set(ATTNVIZ_PRIVATE_LIBDIR ${CMAKE_INSTALL_LIBDIR}/attnviz)
set(ATTNVIZ_HWCAPS_LEVELS v3 v4)

# attnviz_dispatch_core(target): after the baseline shared `target` is defined, adds its
# x86-64-v3 and x86-64-v4 twins and the install rules of all three.
function(attnviz_dispatch_core target)
  # Eigen aligns its heap and fixed-size data to what the SIMD width needs (16 bytes with SSE2, 32
  # with AVX, 64 with AVX-512) and frees accordingly, so matrices crossing between the baseline
  # program and a twin would be misaligned (a crash in an aligned load) or freed the wrong way.
  # One bound for every target keeps them compatible for what crosses between them: allocation,
  # freeing and reading (Eigen's documented use; with AVX-512 it then loads 64-byte packets
  # unaligned). Growing a matrix in place (conservativeResize) across libraries is not covered;
  # nothing does.
  target_compile_definitions(${target} PUBLIC EIGEN_MAX_ALIGN_BYTES=32)
  get_target_property(sources ${target} SOURCES)
  target_link_options(${target} PRIVATE -Wl,-Bsymbolic-functions)
  set_target_properties(${target} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF
    LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/lib)
  install(TARGETS ${target} LIBRARY DESTINATION ${ATTNVIZ_PRIVATE_LIBDIR})
  foreach(level ${ATTNVIZ_HWCAPS_LEVELS})
    set(twin ${target}_${level})
    set(subdir glibc-hwcaps/x86-64-${level})
    add_library(${twin} SHARED ${sources})
    foreach(property INCLUDE_DIRECTORIES INTERFACE_INCLUDE_DIRECTORIES LINK_LIBRARIES
                     INTERFACE_LINK_LIBRARIES COMPILE_DEFINITIONS COMPILE_OPTIONS)
      get_target_property(value ${target} ${property})
      if(value)
        set_target_properties(${twin} PROPERTIES ${property} "${value}")
      endif()
    endforeach()
    target_compile_options(${twin} PRIVATE -march=x86-64-${level} -mtune=generic)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC 12's AVX intrinsics headers trip -Wmaybe-uninitialized inside Eigen (GCC bug 105593).
      target_compile_options(${twin} PRIVATE -Wno-maybe-uninitialized)
    endif()
    target_link_options(${twin} PRIVATE -Wl,-Bsymbolic-functions)
    # Same file name and soname, so the program's one DT_NEEDED entry finds any of them.
    set_target_properties(${twin} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF
      OUTPUT_NAME ${target}
      LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/lib/${subdir})
    # Whatever links the baseline library gets the twins built too (they are loaded, not linked).
    add_dependencies(${target} ${twin})
    install(TARGETS ${twin} LIBRARY DESTINATION ${ATTNVIZ_PRIVATE_LIBDIR}/${subdir})
  endforeach()
endfunction()

# attnviz_dispatch_program(target): an installed program that finds the private libraries.
function(attnviz_dispatch_program target)
  set_target_properties(${target} PROPERTIES
    INSTALL_RPATH "$ORIGIN/../${ATTNVIZ_PRIVATE_LIBDIR}")
endfunction()
