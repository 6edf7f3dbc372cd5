// BC0002: the input file does not exist (exit code 1, a reported user error).
// RUN: not bytechipcc %S/Inputs/no_such_file.cu |& FileCheck
// CHECK: error BC0002: no such file or directory: '{{.*}}no_such_file.cu'
// CHECK-NEXT: 1 error generated.
