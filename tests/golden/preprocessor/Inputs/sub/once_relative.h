// Includes defs.h through a different spelling of its path.
#include "../defs.h"
#define ONCE_RELATIVE 1
