// Included by chain_outer.h.
#define CHAIN_INNER 1
#include "chain_missing.h"
