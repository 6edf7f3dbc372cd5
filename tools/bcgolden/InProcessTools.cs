using System.Collections.Concurrent;
using System.Reflection;
using ByteChip.Isa;
using ByteChip.Isa.Assembly;
using ByteChip.Isa.Diagnostics;
using ByteChip.Isa.ObjectFormat;
using CompilerDriver = ByteChip.Tools.Bytechipcc.Program;

namespace ByteChip.Tools.Bcgolden;

/// <summary>What a tool printed and returned; <see cref="Binary"/> is the <c>.bcbin</c> it produced, passed down the pipe.</summary>
public sealed record ToolOutput(int ExitCode, string Stdout, string Stderr, byte[]? Binary);

/// <summary>
/// The toolchain's command-line tools run in-process: bytechipcc through its own command-line entry
/// (<see cref="CompilerDriver.Run"/>), bcas and bcobjdump through the ISA library exactly as their programs call it, bcrun
/// through <see cref="Execution"/>. Nothing is written to disk: an object file travels to the next tool of the pipe.
/// </summary>
public static class InProcessTools
{
    private static readonly ConcurrentDictionary<string, Lazy<ToolOutput>> s_compilations = new(StringComparer.Ordinal);
    private static readonly Lazy<Type?> s_objdumpReport = new(() => Assembly.Load("bcobjdump").GetType("ModuleReport"));

    /// <summary>Runs <paramref name="command"/> with the previous tool's output as its input.</summary>
    public static ToolOutput Run(ToolCommand command, ToolOutput? input, GoldenFile file, string where)
    {
        try
        {
            return command.Tool switch
            {
                "bytechipcc" => Bytechipcc(command.Args, where),
                "bcas" => Bcas(command.Args, input, where),
                "bcobjdump" => Bcobjdump(command.Args, input, where),
                _ => Execution.Bcrun(command.Args, input, file, where),
            };
        }
        catch (GoldenException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ToolOutput(2, "", $"{command.Tool}: internal error BC0001: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n", null);
        }
    }

    /// <summary>
    /// bytechipcc with the given arguments. Text outputs (-S, --emit-llvm) go to standard output (<c>-o -</c>); an
    /// object file is written to a temporary file and read back. The same command line is compiled once per process.
    /// </summary>
    public static ToolOutput Bytechipcc(IReadOnlyList<string> args, string where)
    {
        var list = args.ToList();
        int o = list.IndexOf("-o");
        if (o >= 0 && (o + 1 >= list.Count || list[o + 1] != "-"))
        {
            throw new GoldenException($"{where}: bytechipcc: golden tests write no files; leave out -o (an object goes down the pipe) or use '-o -'");
        }
        bool text = list.Contains("-S") || list.Contains("--emit-llvm");
        bool noObject = text || list.Contains("-fsyntax-only") || list.Any(a => a.StartsWith("--dump-after", StringComparison.Ordinal)) || list.Contains("--help");
        string key = string.Join("\0", list);
        return s_compilations.GetOrAdd(key, _ => new Lazy<ToolOutput>(() =>
        {
            string? temp = null;
            if (o < 0 && text)
            {
                list.AddRange(["-o", "-"]);
            }
            else if (o < 0 && !noObject)
            {
                temp = Path.Combine(Path.GetTempPath(), $"bcgolden-{Guid.NewGuid():N}.bcbin");
                list.AddRange(["-o", temp]);
            }
            try
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                int code;
                try
                {
                    code = CompilerDriver.Run(CompilerDriver.NormalizeArguments([.. list]), stdout, stderr);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // What bytechipcc's Main prints for an exception that escapes.
                    stderr.WriteLine($"bytechipcc: error BC0001: internal compiler error: {e.GetType().Name}: {e.Message}");
                    code = 2;
                }
                byte[]? binary = temp is not null && code == 0 && File.Exists(temp) ? File.ReadAllBytes(temp) : null;
                return new ToolOutput(code, stdout.ToString(), stderr.ToString(), binary);
            }
            finally
            {
                if (temp is not null)
                {
                    File.Delete(temp);
                }
            }
        })).Value;
    }

    /// <summary>bcas: <c>bcas FILE|- [--arch n4|n5] [--diagnostics-format F]</c>; '-' assembles the previous tool's output.</summary>
    public static ToolOutput Bcas(IReadOnlyList<string> args, ToolOutput? input, string where)
    {
        string? path = null, archName = null, formatName = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--arch" when i + 1 < args.Count:
                    archName = args[++i];
                    break;
                case "--diagnostics-format" when i + 1 < args.Count:
                    formatName = args[++i];
                    break;
                case var a when !a.StartsWith('-') || a == "-":
                    path = path is null ? a : throw new GoldenException($"{where}: bcas takes one input");
                    break;
                default:
                    throw new GoldenException($"{where}: bcas: unsupported option '{args[i]}' (golden tests use --arch and --diagnostics-format; the object goes down the pipe)");
            }
        }
        path ??= input is not null ? "-" : throw new GoldenException($"{where}: bcas needs an input file or '-' after another tool");
        if (!DiagnosticFormats.TryParse(formatName, out var format))
        {
            return new ToolOutput(1, "", $"bcas: error BC0005: unknown diagnostics format '{formatName}' (use {DiagnosticFormats.Names})\n", null);
        }
        TargetInfo? target = null;
        if (archName is not null && (target = TargetInfo.Find(archName)) is null)
        {
            return new ToolOutput(1, "", $"bcas: error BC0004: unknown target '{archName}' (use {string.Join(" or ", TargetInfo.All.Select(t => t.Name))})\n", null);
        }
        string text = path == "-"
            ? input?.Stdout ?? throw new GoldenException($"{where}: 'bcas -' needs a tool before it")
            : File.Exists(path) ? File.ReadAllText(path) : throw new GoldenException($"{where}: bcas: no file '{path}'");
        var result = Assembler.Assemble(text, path == "-" ? "<stdin>" : path, target);
        var stderr = string.Concat(result.Diagnostics.Select(d => DiagnosticFormatter.Format(d, format) + "\n"));
        return result.Success
            ? new ToolOutput(0, "", stderr, BcModuleWriter.Write(result.Module!))
            : new ToolOutput(1, "", stderr, null);
    }

    /// <summary>bcobjdump: <c>bcobjdump [FILE] [-d] [-f] [-k] [-l] [--no-encoding]</c>; without FILE it reads the previous tool's object.</summary>
    public static ToolOutput Bcobjdump(IReadOnlyList<string> args, ToolOutput? input, string where)
    {
        string? path = null;
        bool d = false, h = false, k = false, l = false, noEncoding = false;
        foreach (var a in args)
        {
            switch (a)
            {
                case "-d" or "--disassemble": d = true; break;
                case "-f" or "--headers": h = true; break;
                case "-k" or "--kernels": k = true; break;
                case "-l" or "--lines": l = true; break;
                case "--no-encoding": noEncoding = true; break;
                case var p when !p.StartsWith('-'):
                    path = path is null ? p : throw new GoldenException($"{where}: bcobjdump takes one input");
                    break;
                default:
                    throw new GoldenException($"{where}: bcobjdump: unknown option '{a}'");
            }
        }
        byte[] bytes;
        if (path is not null)
        {
            bytes = File.Exists(path) ? File.ReadAllBytes(path) : throw new GoldenException($"{where}: bcobjdump: no file '{path}'");
        }
        else
        {
            bytes = input?.Binary ?? throw new GoldenException($"{where}: bcobjdump needs a file or a tool before it that produces an object");
            path = "<stdin>";
        }
        BcModule module;
        try
        {
            module = BcModuleReader.Read(bytes);
        }
        catch (BcFormatException e)
        {
            return new ToolOutput(1, "", $"{path}: error {e.Message}\n", null);
        }
        h |= !(d || k || l);
        var w = new StringWriter();
        if (h)
        {
            Report("Headers", w, path, bytes.Length, module);
        }
        if (k)
        {
            Report("Kernels", w, module);
        }
        if (l)
        {
            Report("Lines", w, module);
        }
        if (d)
        {
            w.Write(Disassembler.Disassemble(module, new Disassembler.Options(ShowEncoding: !noEncoding)));
        }
        return new ToolOutput(0, w.ToString(), "", bytes);
    }

    // bcobjdump's report sections live in its (internal) ModuleReport class; calling it keeps the output identical.
    private static void Report(string section, params object[] args)
    {
        var method = s_objdumpReport.Value?.GetMethod(section, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"bcobjdump's ModuleReport.{section} was not found");
        method.Invoke(null, args);
    }
}
