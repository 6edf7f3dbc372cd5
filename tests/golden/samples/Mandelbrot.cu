// samples/Mandelbrot/kernel.cu: a 64 x 48 image, 64 iterations, 4x3 blocks of 16x16. Exact: the reference
// checks that every fma contraction of the recurrence gives the same counts on this image.
// RUN: bytechipcc -O0 --arch n4 %{samples}/Mandelbrot/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O0 --arch n5 %{samples}/Mandelbrot/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n4 %{samples}/Mandelbrot/kernel.cu | bcrun %{launch} | FileCheck
// RUN: bytechipcc -O2 --arch n5 %{samples}/Mandelbrot/kernel.cu | bcrun %{launch} | FileCheck
// CHECK: iterations: 3072 x i32 match
