using System.CommandLine;
using System.Text;
using ByteChip.Compiler.Driver;
using ByteChip.Compiler.Semantics;
using ByteChip.Compiler.Syntax.Ast;
using ByteChip.Isa.Diagnostics;

namespace ByteChip.Tools.Bytechipcc;

/// <summary>
/// bytechipcc: the ByteChip CUDA-subset compiler. Exit codes: 0 success, 1 user error (diagnostics), 2 internal
/// error. The frontend stages run here (<c>-fsyntax-only</c>, <c>--dump-after=tokens|ast|sema</c>); code generation
/// (LLVM, backend, outputs) in <see cref="CodeGeneration"/>.
/// </summary>
public static class Program
{
    private static readonly string[] s_dumpStages = ["tokens", "ast", "sema"];
    private static readonly string[] s_laterStages = CodeGeneration.Stages;

    /// <summary>When Main began (Stopwatch ticks), for --time-report's "driver" line; 0 when Run is called directly.</summary>
    internal static long MainStartTimestamp { get; private set; }

    public static int Main(string[] args)
    {
        MainStartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return Run(NormalizeArguments(args), Console.Out, Console.Error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"bytechipcc: error BC0001: internal compiler error: {ex.GetType().Name}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>gcc style <c>-DNAME</c>, <c>-Idir</c> and <c>--opt=value</c> become separate tokens for the parser.</summary>
    public static string[] NormalizeArguments(string[] args)
    {
        var list = new List<string>();
        foreach (var a in args)
        {
            if (a.Length > 2 && (a.StartsWith("-D", StringComparison.Ordinal) || a.StartsWith("-I", StringComparison.Ordinal)))
            {
                list.Add(a[..2]);
                list.Add(a[2..]);
            }
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=') is int eq && eq > 2)
            {
                list.Add(a[..eq]);
                list.Add(a[(eq + 1)..]);
            }
            else
            {
                list.Add(a);
            }
        }
        return [.. list];
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The .cu file to compile" };
        var output = new Option<string?>("-o") { Description = "Output file (.bcbin)" };
        var arch = new Option<string>("--arch") { Description = "Target: n4 (training) or n5 (inference)", DefaultValueFactory = _ => "n4" };
        var includes = new Option<string[]>("-I") { Description = "Add an include directory", AllowMultipleArgumentsPerToken = false };
        var defines = new Option<string[]>("-D") { Description = "Define a macro: NAME or NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var syntaxOnly = new Option<bool>("-fsyntax-only") { Description = "Check the file and stop after semantic analysis" };
        var werror = new Option<bool>("-Werror") { Description = "Treat warnings as errors" };
        var format = new Option<string>("--diagnostics-format") { Description = "clang, msbuild or json", DefaultValueFactory = _ => "clang" };
        var dumpAfter = new Option<string?>("--dump-after") { Description = "Print the result of a stage: tokens, ast, sema" };
        var assembly = new Option<bool>("-S") { Description = "Emit assembly" };
        var emitLlvm = new Option<bool>("--emit-llvm") { Description = "Emit LLVM IR" };
        var resourceUsage = new Option<bool>("--resource-usage") { Description = "Print registers and memory per kernel" };
        var depFile = new Option<bool>("-MD") { Description = "Write a make-style dependency file (the output with .d, or -MF)" };
        var depPath = new Option<string?>("-MF") { Description = "Where -MD writes the dependency file" };
        var maxRegs = new Option<int>("--maxrregcount") { Description = "At most this many registers per thread (spill beyond it)" };
        var noSchedule = new Option<bool>("-fno-schedule-insns") { Description = "Keep selection's instruction order within blocks (no latency scheduling at -O1 and above)" };
        var timeReport = new Option<bool>("--time-report") { Description = "Print the wall time of each compiler phase to standard error" };
        var optimization = new[] { "-O0", "-O1", "-O2", "-O3" }.Select(o => new Option<bool>(o) { Description = "Optimization level" }).ToArray();

        var root = new RootCommand("bytechipcc: compiles CUDA-subset kernels for ByteChip")
        {
            file, output, arch, includes, defines, syntaxOnly, werror, format, dumpAfter, assembly, emitLlvm, resourceUsage, depFile, depPath, maxRegs, noSchedule, timeReport,
        };
        foreach (var o in optimization)
        {
            root.Options.Add(o);
        }

        if (UnknownOption(root, args) is { } unknown)
        {
            return DriverError(stderr, DriverCode.InvalidCommandLine, unknown);
        }
        var parse = root.Parse(args);
        if (args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"bytechipcc: error BC{(int)DriverCode.InvalidCommandLine:D4}: {e.Message}");
            }
            return 1;
        }

        var formatName = parse.GetValue(format) ?? "clang";
        DiagnosticFormat? diagnosticFormat = formatName switch
        {
            "clang" => DiagnosticFormat.Clang,
            "msbuild" => DiagnosticFormat.MSBuild,
            "json" => DiagnosticFormat.Json,
            _ => null,
        };
        if (diagnosticFormat == null)
        {
            return DriverError(stderr, DriverCode.InvalidOption, $"unknown diagnostics format '{formatName}' (expected clang, msbuild or json)");
        }
        string? stage = parse.GetValue(dumpAfter);
        if (stage != null && !s_dumpStages.Contains(stage) && !s_laterStages.Contains(stage))
        {
            return DriverError(stderr, DriverCode.InvalidOption, $"unknown stage '{stage}' for --dump-after (expected one of: {string.Join(", ", s_dumpStages.Concat(s_laterStages))})");
        }
        bool frontendOnly = parse.GetValue(syntaxOnly) || (stage != null && s_dumpStages.Contains(stage));
        if (!frontendOnly)
        {
            int level = 2;
            for (int i = 0; i < optimization.Length; i++)
            {
                if (parse.GetValue(optimization[i]))
                {
                    level = i;
                }
            }
            var request = new CodeGenerationRequest(
                parse.GetValue(file)!,
                parse.GetValue(output),
                new Compiler.Pipeline.CompileOptions
                {
                    Arch = parse.GetValue(arch) ?? "n4",
                    OptimizationLevel = level,
                    IncludeDirectories = parse.GetValue(includes) ?? [],
                    Defines = parse.GetValue(defines) ?? [],
                    WarningsAsErrors = parse.GetValue(werror),
                    MaxRegisters = parse.GetValue(maxRegs),
                    ScheduleInstructions = !parse.GetValue(noSchedule),
                    CollectTimings = parse.GetValue(timeReport),
                },
                parse.GetValue(assembly),
                parse.GetValue(emitLlvm),
                parse.GetValue(resourceUsage),
                parse.GetValue(depFile),
                parse.GetValue(depPath),
                stage,
                diagnosticFormat.Value);
            return CodeGeneration.Run(request, stdout, stderr);
        }
        if (parse.GetValue(depFile))
        {
            return DriverError(stderr, DriverCode.InvalidOption, "-MD needs an output: it cannot be combined with -fsyntax-only or a frontend --dump-after");
        }

        var options = new FrontendOptions
        {
            Arch = parse.GetValue(arch) ?? "n4",
            IncludeDirectories = parse.GetValue(includes) ?? [],
            Defines = parse.GetValue(defines) ?? [],
            WarningsAsErrors = parse.GetValue(werror),
        };
        var result = Frontend.Compile(parse.GetValue(file)!, options);
        var sb = new StringBuilder();
        foreach (var d in result.RenderableDiagnostics)
        {
            DiagnosticFormatter.Append(sb, d, diagnosticFormat.Value);
        }
        if (result.Diagnostics.ErrorCount + result.Diagnostics.WarningCount > 0 && diagnosticFormat == DiagnosticFormat.Clang)
        {
            var parts = new List<string>();
            if (result.Diagnostics.WarningCount > 0)
            {
                parts.Add($"{result.Diagnostics.WarningCount} warning{(result.Diagnostics.WarningCount == 1 ? "" : "s")}");
            }
            if (result.Diagnostics.ErrorCount > 0)
            {
                parts.Add($"{result.Diagnostics.ErrorCount} error{(result.Diagnostics.ErrorCount == 1 ? "" : "s")}");
            }
            sb.Append(string.Join(" and ", parts)).Append(" generated.\n");
        }
        stderr.Write(sb.ToString());
        if (result.Diagnostics.Items.Any(d => d.Code == (int)DriverCode.InternalError))
        {
            return 2;
        }
        if (stage != null && !result.HasErrors)
        {
            stdout.Write(stage switch
            {
                "tokens" => string.Join(" ", result.Tokens!.Where(t => !t.Location.File.StartsWith("<built-in>", StringComparison.Ordinal)).Select(t => t.Text)) + "\n",
                "ast" => AstDumper.Dump(result.Syntax!),
                _ => SemanticDumper.Dump(result.Model!),
            });
        }
        return result.HasErrors ? 1 : 0;
    }

    /// <summary>
    /// The first argument that looks like an option but is none of ours, as a clang-style message. Checked before
    /// System.CommandLine parses, which would take an unknown option for the input file and then blame the file.
    /// </summary>
    private static string? UnknownOption(RootCommand root, string[] args)
    {
        var known = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var o in root.Options)
        {
            known[o.Name] = o;
            foreach (var alias in o.Aliases)
            {
                known[alias] = o;
            }
        }
        for (int i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                return null;
            }
            if (known.TryGetValue(a, out var option))
            {
                if (option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
                {
                    i++; // its value, which may start with '-' (e.g. -o -)
                }
                continue;
            }
            if (a.Length > 1 && a[0] == '-' && a is not ("-h" or "-?" or "--help" or "--version"))
            {
                var suggestion = known.Keys.Select(k => (Name: k, Distance: EditDistance(a, k))).Where(k => k.Distance <= 2).OrderBy(k => k.Distance).FirstOrDefault().Name;
                return suggestion is null ? $"unknown argument: '{a}'" : $"unknown argument: '{a}'; did you mean '{suggestion}'?";
            }
        }
        return null;
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    private static int DriverError(TextWriter stderr, DriverCode code, string message)
    {
        stderr.WriteLine($"bytechipcc: error BC{(int)code:D4}: {message}");
        return 1;
    }
}
