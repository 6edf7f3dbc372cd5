/* ByteChip: everything this header provides is in the always-included __bytechip_builtins.h. */
#pragma once
