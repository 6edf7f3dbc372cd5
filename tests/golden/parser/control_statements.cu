// Every statement form: do/while, for with declarations, switch with fallthrough, goto, labeled statements, continue.
// RUN: bytechipcc -fsyntax-only %s
// RUN: bytechipcc --dump-after=ast %s | FileCheck
__global__ void k(int* o, int n)
{
    int i = 0;
    do {
        i++;
    } while (i < n);
    for (int j = 0, m = n; j < m; j++) {
        if (j % 2)
            continue;
        o[j] = j;
    }
    switch (n) {
    case 0:
    case 1:
        o[0] = 1;
        break;
    default:
        goto out;
    }
out:
    o[1] = i;
}
// CHECK: DoStatement
// CHECK: ForStatement
// CHECK: ContinueStatement
// CHECK: SwitchStatement
// CHECK: GotoStatement {{.*}}"out"
// CHECK: LabeledStatement {{.*}}"out"
