// --diagnostics-format json: one JSON object per diagnostic with file, line, column, severity, code, message, notes.
// RUN: not bytechipcc --diagnostics-format json -fsyntax-only %s |& FileCheck
// CHECK: {"file":"{{.*}}format_json.cu","line":10,"column":12,"severity":"error","code":"BC3001","message":"use of undeclared identifier \u0027undeclared\u0027","notes":[]}
// CHECK-NOT: ^
// CHECK-NOT: error generated
__global__ void k(int* p)
{
    int i = threadIdx.x;
    p[i] = i;
    p[0] = undeclared;
}
