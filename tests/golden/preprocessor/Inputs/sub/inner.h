#include "../guarded.h"
#define INNER (SCALE + GUARD_VALUE)
