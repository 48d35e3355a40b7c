// Must not compile: sales is declared, but ledger_internal.h is internal to the sales module.
#include "sales/ledger_internal.h"

int ProbeInternal() { return 0; }
