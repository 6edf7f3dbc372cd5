namespace ByteChip.Compiler.Tests;

/// <summary>
/// Well-formed preprocessor inputs for <see cref="PreprocessorGccDifferentialTests"/>: the examples of C11 6.10.3.4
/// and 6.10.3.5, the __VA_OPT__ examples of C++20 [cpp.subst], and the tricky corners of expansion and conditionals.
/// </summary>
internal static class GccSnippets
{
    public static readonly IReadOnlyList<(string Name, string Source)> All =
    [
        ("c11_6.10.3.5_example3", """
            #define x 3
            #define f(a) f(x * (a))
            #undef x
            #define x 2
            #define g f
            #define z z[0]
            #define h g(~
            #define m(a) a(w)
            #define w 0,1
            #define t(a) a
            #define p() int
            #define q(x) x
            #define r(x,y) x ## y
            #define str(x) # x
            f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
            g(x+(3,4)-w) | h 5) & m
            (f)^m(m);
            p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
            char c[2][6] = { str(hello), str() };
            """),
        ("c11_6.10.3.5_example4", """
            #define str(s) # s
            #define xstr(s) str(s)
            #define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
             x ## s, x ## t)
            #define INCFILE(n) vers ## n
            #define glue(a, b) a ## b
            #define xglue(a, b) glue(a, b)
            #define HIGHLOW "hello"
            #define LOW LOW ", world"
            debug(1, 2);
            fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
             == 0) str(: @\n), s);
            xstr(INCFILE(2).h)
            glue(HIGH, LOW);
            xglue(HIGH, LOW)
            """),
        ("c11_6.10.3.5_example5_placemarkers", """
            #define t(x,y,z) x ## y ## z
            int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
             t(10,,), t(,11,), t(,,12), t(,,) };
            """),
        ("c11_6.10.3.5_example7_variadic", """
            #define debug(...) fprintf(stderr, __VA_ARGS__)
            #define showlist(...) puts(#__VA_ARGS__)
            #define report(test, ...) ((test)?puts(#test):\
             printf(__VA_ARGS__))
            debug("Flag");
            debug("X = %d\n", x);
            showlist(The first, second, and third items.);
            report(x>y, "x is %d but y is %d", x, y);
            """),
        ("c11_6.10.3.3_example_hash_hash", """
            #define hash_hash # ## #
            #define mkstr(a) # a
            #define in_between(a) mkstr(a)
            #define join(c, d) in_between(c hash_hash d)
            char p[] = join(x, y);
            """),
        ("c11_6.10.3.4_example_f_g", """
            #define f(a) a*g
            #define g(a) f(a)
            f(2)(9)
            """),
        ("cpp20_va_opt_basic", """
            #define F(...) f(0 __VA_OPT__(,) __VA_ARGS__)
            #define G(X, ...) f(0, X __VA_OPT__(,) __VA_ARGS__)
            #define SDEF(sname, ...) S sname __VA_OPT__(= { __VA_ARGS__ })
            #define EMP
            F(a,b,c) F() F(EMP)
            G(a,b,c) G(a,) G(a)
            SDEF(foo); SDEF(bar, 1, 2);
            """),
        ("cpp20_va_opt_paste_and_stringize", """
            #define H2(X, Y, ...) __VA_OPT__(X ## Y,) __VA_ARGS__
            H2(a, b, c, d)
            #define H3(X, ...) #__VA_OPT__(X##X X##X)
            H3(, 0)
            #define H4(X, ...) __VA_OPT__(a X ## X) ## b
            H4(, 1)
            #define H5A(...) __VA_OPT__()/**/__VA_OPT__()
            #define H5B(X) a ## X ## b
            #define H5C(X) H5B(X)
            H5C(H5A())
            """),
        ("self_reference", """
            #define foo foo
            #define bar (4 + bar)
            foo bar
            """),
        ("mutual_recursion", """
            #define a b
            #define b a
            #define c d + c
            #define d c
            a b c d
            """),
        ("function_like_self_call", """
            #define twice(x) twice(x) + x
            twice(twice(1))
            """),
        ("nested_calls_and_rescan", """
            #define f(x) x*2
            #define g f
            #define h(y) g(y)
            g(3) g (4) h(h(1)) f
            """),
        ("name_not_followed_by_paren", """
            #define F(x) [x]
            #define EMPTY
            #define LPAREN (
            #define G F EMPTY (1)
            int F; G F LPAREN 2)
            """),
        ("invocation_across_lines", """
            #define ADD(a, b) ((a) + (b))
            ADD(
              1,   /* one */
              2    // two
            ) ADD
            (3, 4)
            """),
        ("arguments_with_parens_and_commas", """
            #define FIRST(a, b) [a]
            #define SECOND(a, b) [b]
            FIRST((1, 2), 3) SECOND(f(x, y), g(z, (w, v)))
            """),
        ("empty_arguments", """
            #define E3(a, b, c) <a|b|c>
            #define E1(a) <a>
            E3(,,) E3(1,,3) E3( , 2 , ) E1() E1( )
            """),
        ("stringize_spacing_and_escapes", """
            #define str(x) #x
            str(  a   +   b  ) str(a/**/b) str("a\n" 'x' "\"q\"" '\'') str( ) str(f(1 , 2))
            """),
        ("stringize_does_not_expand", """
            #define str(x) #x
            #define xstr(x) str(x)
            #define VALUE 42
            str(VALUE) xstr(VALUE) xstr(__LINE__)
            """),
        ("paste_forms_identifiers_numbers_operators", """
            #define cat(a, b) a ## b
            #define xy 42
            cat(x, y) cat(1, 2) cat(1, e5) cat(., 5) cat(<, <) cat(<<, =) cat(-, >) cat(+, +) cat(L, "s")
            """),
        ("paste_operands_are_not_expanded", """
            #define N 3
            #define cat(a, b) a ## b
            #define xcat(a, b) cat(a, b)
            cat(N, N) xcat(N, N) cat(N, ) cat(, N)
            """),
        ("paste_chains_with_placemarkers", """
            #define CAT3(a, b, c) a ## b ## c
            CAT3(x, , z) CAT3(, , ) CAT3(, y, ) CAT3(1, 2, 3)
            """),
        ("object_like_paste", """
            #define AB a ## b
            #define ONE_TWO 1 ## 2
            AB ONE_TWO
            """),
        ("gnu_comma_paste", """
            #define LOG(fmt, ...) printf(fmt, ## __VA_ARGS__)
            LOG("a") LOG("b", 1) LOG("c", 1, 2)
            """),
        ("variadic_only_and_empty", """
            #define V(...) [__VA_ARGS__]
            #define W(a, ...) a: __VA_ARGS__ .
            V() V(1) V(1, 2, (3, 4)) W(x) W(x, y, z)
            """),
        ("argument_prescan", """
            #define ID(x) x
            #define TWO 2
            #define PLUS(a, b) a + b
            ID(TWO) PLUS(ID(1), ID(TWO)) ID(ID(ID(TWO)))
            """),
        ("object_macro_expanding_to_function_name", """
            #define f(x) (x + 1)
            #define g f
            #define callf f(
            g(1) callf 2)
            """),
        ("q_of_q", """
            #define q(x) x
            q(q)(1) q(q(q))(2)
            """),
        ("undef_and_redefine", """
            #define A 1
            A
            #undef A
            A
            #define A 2
            A
            """),
        ("hash_not_a_directive_mid_line", """
            #define EMPTY
            EMPTY # define X 1
            X
            """),
        ("conditionals_arithmetic", """
            #if (1 << 4) == 16 && -1 < 0 && 0xff == 255 && 010 == 8 && 'A' == 65 && '\n' == 10
            arith
            #endif
            #if -1 > 0u
            unsigned_compare
            #endif
            #if (2 || 1 / 0) && !(0 && 1 / 0)
            short_circuit
            #endif
            #if 1 ? 2 : (1 / 0)
            ternary
            #endif
            #if (3, 0)
            comma_wrong
            #else
            comma
            #endif
            """),
        ("conditionals_defined_and_undefined_names", """
            #define A 2
            #define B
            #if defined(A) && defined B && !defined C && A * 3 == 6
            defined_ok
            #endif
            #if UNDEFINED_NAME == 0 && !UNDEFINED_NAME
            undefined_is_zero
            #endif
            #ifdef B
            ifdef_ok
            #endif
            #ifndef C
            ifndef_ok
            #endif
            """),
        ("elif_chains_and_nesting", """
            #define LEVEL 3
            #if LEVEL == 1
            one
            #elif LEVEL == 2
            two
            #elif LEVEL == 3
            three
            #  if 0
            #    error skipped
            #  elif LEVEL > 2
            nested
            #  endif
            #else
            other
            #endif
            #if 0
            #if 1
            skipped_inner
            #else
            skipped_else
            #endif
            #elif 0
            no
            #else
            last
            #endif
            """),
        ("defined_from_macro", """
            #define FEATURE 0
            #define HAVE_FEATURE defined(FEATURE)
            #define HAVE_OTHER defined OTHER
            #if HAVE_FEATURE && !HAVE_OTHER
            yes
            #endif
            """),
        ("directives_inside_macro_arguments", """
            #define ID(x) x
            ID(
            #ifdef NOPE
            1
            #else
            2
            #endif
            )
            """),
        ("line_directive_and_line_macro", """
            __LINE__
            #line 100
            __LINE__
            #define N 200
            #line N "renamed.c"
            __LINE__ __FILE__
            __LINE__
            """),
        ("line_splices", """
            #define LONG_NA\
            ME 5
            LONG_NAME LO\
            NG_NAME
            #define MULTI(a, \
                          b) a \
                             b
            MULTI(1, 2)
            """),
        ("null_directive_and_comments", """
            #
            # /* comment */
            /* block */ x /* y */ // z
            #define C /* c */ 1 // d
            C
            """),
        ("pragma_operator_in_macro_argument_is_kept_as_text", """
            #define str(x) #x
            str(_Pragma("x")) str(defined(Y))
            """),
    ];
}
