// BC1004 #error stops the build; BC1005 #warning does not. -DSKIP_ERROR leaves only the warning.
// RUN: not bytechipcc -fsyntax-only %s | verify
// RUN: bytechipcc -fsyntax-only -DSKIP_ERROR %s |& FileCheck
#warning "check the tile size" // expected-warning BC1005 {{check the tile size}}
#ifndef SKIP_ERROR
#error "unsupported configuration" // expected-error BC1004 {{unsupported configuration}}
#endif
__global__ void k(int* out) { out[0] = 1; }
// CHECK: warning BC1005: {{.*}}check the tile size
// CHECK-NOT: error
