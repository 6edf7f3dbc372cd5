// __LINE__ and __FILE__ after '#line N', '#line N "file"' (also from macros) and inside an included header.
// RUN: bytechipcc --dump-after=tokens -I %{inputs} %s | FileCheck
int a = __LINE__;
#line 100
int b = __LINE__;
#define NUMBER 200
#define NAME "renamed.cu"
#line NUMBER NAME
int c = __LINE__; const char* d = __FILE__;
#include "line_values.h"
int e = __LINE__;
__global__ void k(int* out) { out[0] = 1; }
// CHECK: int a = 3 ;
// CHECK-SAME: int b = 100 ;
// CHECK-SAME: int c = 200 ; const char * d = "renamed.cu" ;
// CHECK-SAME: int header_line = 2 ; const char * header_file = "{{.*}}line_values.h" ;
// CHECK-SAME: int e = 202 ;
