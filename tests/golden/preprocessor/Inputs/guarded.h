#ifndef GUARDED_H
#define GUARDED_H
#define GUARD_VALUE 11
struct Guarded { int v; };
#endif
