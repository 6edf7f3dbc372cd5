// Included by include_chain.cu: includes a header that includes a missing one.
#include "chain_inner.h"
