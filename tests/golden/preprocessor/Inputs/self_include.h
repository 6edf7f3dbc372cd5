// Includes itself without a guard: include_self.cu expects BC1017, not a hang.
#include "self_include.h"
