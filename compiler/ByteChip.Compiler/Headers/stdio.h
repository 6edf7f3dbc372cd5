/* ByteChip: device printf is declared in __bytechip_builtins.h (and rejected until supported); host I/O is host-only. */
#pragma once
#ifndef NULL
#define NULL 0
#endif
#define EOF (-1)
