// BC1025 (warning): extra tokens after the operands of every directive that takes a fixed number of them,
// whether the conditional group is taken or skipped, once per directive, at the first extra token.
// RUN: bytechipcc -fsyntax-only -I %S/Inputs %s | verify
#define A 1
#ifdef A B // expected-warning BC1025 {{extra tokens at end of #ifdef directive}}
#else A // expected-warning BC1025 {{extra tokens at end of #else directive}}
#endif A // expected-warning BC1025 {{extra tokens at end of #endif directive}}
#ifndef A B // expected-warning BC1025 {{extra tokens at end of #ifndef directive}}
#else A // expected-warning BC1025 {{extra tokens at end of #else directive}}
#endif A // expected-warning BC1025 {{extra tokens at end of #endif directive}}
#if 0
#else junk // expected-warning BC1025 {{extra tokens at end of #else directive}}
#endif junk // expected-warning BC1025 {{extra tokens at end of #endif directive}}
#if 0
#endif junk // expected-warning BC1025 {{extra tokens at end of #endif directive}}
#undef A B // expected-warning BC1025 {{extra tokens at end of #undef directive}}
#include "extra_tokens_header.h" junk // expected-warning BC1025 {{extra tokens at end of #include directive}}
#line 19 "extra_tokens_every_directive.cu" junk // expected-warning BC1025 {{extra tokens at end of #line directive}}
__global__ void k(int* out) { out[0] = EXTRA_TOKENS_HEADER; }
