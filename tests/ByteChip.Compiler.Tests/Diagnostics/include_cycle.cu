// A file that includes itself without a guard.
#include "include_cycle.cu" // expected-error BC1017 {{#include nested too deeply}}
