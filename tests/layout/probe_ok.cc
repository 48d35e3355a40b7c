// Positive control of the include-boundary tests: a declared dependency's public header.
#include "sales/sales.h"

int ProbeOk() { return 0; }
